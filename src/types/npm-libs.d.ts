// Minimal declarations for the parts of npm's libraries this project calls.
// Read from their sources in node_modules (npm-registry-fetch 20, libnpmpublish 12, @npmcli/package-json 8, @npmcli/map-workspaces 5, @npmcli/name-from-folder 4).

declare module 'npm-registry-fetch' {
  export interface FetchOptions {
    [key: string]: unknown;
    registry?: string;
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    query?: Record<string, string | undefined>;
    otp?: string;
    retry?: { retries: number; factor?: number; minTimeout?: number; maxTimeout?: number };
    timeout?: number;
    userAgent?: string;
    npmSession?: string;
    npmCommand?: string;
    ignoreBody?: boolean;
    signal?: AbortSignal;
  }
  export interface FetchResponse {
    status: number;
    statusText: string;
    url: string;
    headers: { get(name: string): string | null; has(name: string): boolean };
    json(): Promise<unknown>;
    buffer(): Promise<Buffer>;
    text(): Promise<string>;
  }
  interface RegFetch {
    (uri: string, opts?: FetchOptions): Promise<FetchResponse>;
    json(uri: string, opts?: FetchOptions): Promise<unknown>;
  }
  const regFetch: RegFetch;
  export default regFetch;
}

declare module 'libnpmpublish' {
  import type { FetchOptions, FetchResponse } from 'npm-registry-fetch';
  export interface PublishOptions extends FetchOptions {
    defaultTag?: string;
    access?: 'public' | 'restricted' | null;
    provenance?: boolean;
    algorithms?: string[];
  }
  export function publish(manifest: Record<string, unknown>, tarball: Buffer, opts?: PublishOptions): Promise<FetchResponse>;
  export function unpublish(spec: string, opts?: FetchOptions & { force?: boolean }): Promise<boolean>;
  const libnpmpublish: { publish: typeof publish; unpublish: typeof unpublish };
  export default libnpmpublish;
}

declare module 'libnpmaccess' {
  import type { FetchOptions } from 'npm-registry-fetch';
  export function setAccess(pkg: string, access: 'public' | 'restricted', opts?: FetchOptions): Promise<boolean>;
  export function setMfa(pkg: string, level: 'none' | 'publish' | 'automation', opts?: FetchOptions): Promise<boolean>;
  const libnpmaccess: { setAccess: typeof setAccess; setMfa: typeof setMfa };
  export default libnpmaccess;
}

declare module '@npmcli/package-json' {
  export default class PackageJson {
    static normalizeSteps: readonly string[];
    static prepareSteps: readonly string[];
    static fix(path: string, opts?: { changes?: string[] }): Promise<PackageJson>;
    create(path: string): PackageJson;
    fromJSON(text: string): PackageJson;
    static load(path: string): Promise<PackageJson>;
    prepare(opts?: { steps?: string[] }): Promise<PackageJson>;
    fix(opts?: { changes?: string[] }): Promise<PackageJson>;
    normalize(opts?: { steps?: string[] }): Promise<PackageJson>;
    get content(): Record<string, unknown>;
  }
}

declare module '@npmcli/map-workspaces' {
  /** Workspace folders by name, as Arborist maps them: `pkg.workspaces` matched in `cwd`. */
  export default function mapWorkspaces(opts: { cwd: string; pkg: Record<string, unknown> }): Promise<Map<string, string>>;
}

declare module '@npmcli/name-from-folder' {
  /** The name npm gives a package without one: its folder's name, under its parent's scope when the parent is an @scope folder. */
  export default function nameFromFolder(dir: string): string;
}

declare module '@npmcli/run-script' {
  /** Runs one script of `pkg` (test/unit/script-environment.test.ts only: the product starts scripts itself). */
  export default function runScript(options: {
    event: string;
    path: string;
    pkg: Record<string, unknown>;
    env?: Record<string, string | undefined>;
    stdio?: 'pipe' | 'inherit';
    nodeGyp?: string;
  }): Promise<{ code: number; signal: string | null; stdout: Buffer | string; stderr: Buffer | string }>;
}

declare module '@npmcli/agent' {
  import type { Agent } from 'node:http';
  /** The agent npm uses for `url` (a proxy from the environment, keep-alive, timeouts), cached by its options. */
  export function getAgent(url: string, options?: Record<string, unknown>): Agent;
}

declare module 'ini' {
  /** An ini text as npm's config reads it: top-level keys, `[section]`s as nested objects, `key[]` as arrays. */
  export function parse(text: string): Record<string, unknown>;
  const ini: { parse: typeof parse };
  export default ini;
}
