// Declarations for the parts of ignore-walk 9 (the walker under npm-packlist) that src/package/packlist.ts
// extends. Read from node_modules/ignore-walk/lib/index.js.

declare module 'ignore-walk' {
  import { EventEmitter } from 'node:events';
  import type { Stats } from 'node:fs';

  export interface WalkerOptions {
    path?: string;
    parent?: Walker | null;
    /** Names of ignore files read in each folder; symbols name rule sets injected with onReadIgnoreFile. */
    ignoreFiles?: Array<string | symbol> | null;
    includeEmpty?: boolean;
    follow?: boolean;
    isSymbolicLink?: boolean;
    exact?: boolean;
  }

  export interface StatJob {
    entry: string;
    file: boolean;
    dir: boolean;
  }

  export interface StatResult extends StatJob {
    st: Stats;
    isSymbolicLink: boolean;
  }

  export class Walker extends EventEmitter {
    constructor(opts?: WalkerOptions);
    path: string;
    basename: string;
    root: string;
    parent: Walker | null;
    /** The files found so far; the root walker replaces it with a sorted array when it is done. */
    result: Set<string>;
    ignoreFiles: Array<string | symbol>;
    ignoreRules: Record<string | symbol, unknown[] | null | undefined>;
    start(): this;
    sort(a: string, b: string): number;
    addIgnoreFile(file: string, then: () => void): void;
    onReadIgnoreFile(file: string | symbol, data: string, then: () => void): void;
    filterEntries(): void;
    onstat(result: StatResult, then: () => void): void;
    stat(job: StatJob, then: () => void): void;
    walkerOpt(entry: string, opts?: Partial<WalkerOptions>): WalkerOptions;
    walker(entry: string, opts: Partial<WalkerOptions>, then: () => void): void;
    filterEntry(entry: string, partial?: boolean, entryBasename?: string): boolean;
  }

  interface Walk {
    (opts?: WalkerOptions): Promise<string[]>;
    Walker: typeof Walker;
  }
  const walk: Walk;
  export default walk;
}
