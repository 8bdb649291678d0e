// Declarations for the parts of npm-packlist 10 (the version npm 11.21 runs) that src/package/packlist.ts
// calls and extends. Read from node_modules/npm-packlist/lib/index.js.

declare module 'npm-packlist' {
  import { EventEmitter } from 'node:events';

  /** The part of an @npmcli/arborist node npm-packlist reads. */
  export interface Tree {
    path: string;
    package: Record<string, unknown>;
    isProjectRoot: boolean;
    /** Workspace folders by name, on a project root that has any. */
    workspaces?: ReadonlyMap<string, string> | null;
    /** Read with `get(name)` for each dependency to bundle. */
    edgesOut: ReadonlyMap<string, Edge>;
  }

  export interface Edge {
    peer: boolean;
    dev: boolean;
    /** The installed dependency, missing when it is not installed. */
    to?: { path: string; isLink: boolean; target: Tree } | null;
  }

  /** `prefix` and `workspaces` (npm's workspace paths) matter only when npm packs inside a workspace project. */
  export interface Options {
    path?: string;
    prefix?: string | undefined;
    workspaces?: readonly string[] | undefined;
    isPackage?: boolean;
  }

  export class Walker extends EventEmitter {
    constructor(tree: Tree, opts: Options);
    start(): this;
    sort(a: string, b: string): number;
    gatherBundles(): Promise<void>;
  }

  interface Walk {
    (tree: Tree, options?: Options): Promise<string[]>;
    Walker: typeof Walker;
  }
  const walk: Walk;
  export default walk;
}
