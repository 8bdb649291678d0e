import type { LifecycleEvent } from '../package/scripts.ts';

/** Where a command came from: its line in the `commands` block (or 1 for a CLI command) and its text. */
export interface CommandSource {
  line: number;
  text: string;
}

export type PublishCommand = CommandSource & {
  kind: 'publish';
  /** Folder, package.json or .tgz; undefined = the `package` setting. */
  target: string | undefined;
  /** Undefined = the `tag` setting, then publishConfig.tag, then latest. */
  tag: string | undefined;
  access: 'public' | 'restricted' | undefined;
  dryRun: boolean;
  /** `--workspaces` (true) or `-w` entries; undefined = the `workspaces` setting. */
  workspaces?: true | string[] | undefined;
  /** `--include-workspace-root`; undefined = the setting. */
  includeWorkspaceRoot?: boolean | undefined;
  /** `--concurrency n`; undefined = the setting. */
  concurrency?: number | undefined;
  /** `--otp-uses n`; undefined = the setting. */
  otpUses?: number | undefined;
};


/** Where a publish's files come from. */
export type PublishSource =
  | {
      kind: 'folder';
      dir: string;
      /** The manifest as it will be published (a workspace package's with its `workspace:`/`catalog:` ranges resolved). */
      manifest: Record<string, unknown>;
      /** The package.json text packed in place of the file's, when the manifest was rewritten; the checkout is never modified. */
      manifestText?: string | undefined;
      /** For a workspace package: the monorepo root, so packing applies npm's workspace rules. */
      workspaceRoot?: string | undefined;
    }
  /** A .tgz, read whole into memory while planning; published as is. */
  | { kind: 'tarball'; file: string; data: Buffer; integrity: string; manifest: Record<string, unknown> };

/** One publish, settled before any script runs or any request is sent. */
export interface PublishPlan {
  command: PublishCommand;
  source: PublishSource;
  name: string;
  version: string;
  tag: string;
  /** True when nobody chose the tag (no setting, no --tag, no publishConfig.tag): npm's rules for an implicit latest apply. */
  tagImplicit: boolean;
  /** The setting that chooses the tag, for messages. */
  tagInput: string;
  /** `public`, `restricted`, or undefined to keep the registry's choice. */
  access: 'public' | 'restricted' | undefined;
  /** The registry it goes to (the token goes there and nowhere else). */
  registry: string;
  dryRun: boolean;
  /** The package scripts that will run, in npm's order; none for a .tgz or with ignore-scripts. */
  scripts: LifecycleEvent[];
  /** What the plan found worth saying (a dependency consumers cannot install, a rename by publishConfig). */
  warnings?: string[];
}

/** A workspace package of a monorepo publish. */
export interface WorkspaceMember {
  name: string;
  version: string;
  /** Folder relative to the monorepo root. */
  relativeDir: string;
  /** The publish, or undefined for a private package (listed, never published). */
  plan: PublishPlan | undefined;
}

/** `publish --workspaces`: every workspace package in scope, settled, with the order they go in. */
export interface WorkspacePublishPlan {
  command: PublishCommand;
  root: string;
  manager: 'npm' | 'yarn' | 'pnpm';
  /** Every package in scope, in dependency order (private ones included, for the report). */
  members: WorkspaceMember[];
  /** For each public member, the public members it must wait for (an order without cycles: earlier ones only). */
  waitsFor: Map<string, string[]>;
  /** Sets of packages that depend on each other; their members go in name order. */
  cycles: string[][];
  /** Workspace packages outside the scope that members depend on: they must be in the registry already. */
  outside: Array<{ name: string; version: string; neededBy: string[] }>;
  /** Packages packed and uploaded at once. */
  concurrency: number;
  /** The most writes one code is sent with. */
  otpUses: number;
  warnings: string[];
}

/** Every command, in npm's own grammar (see parse.ts). `pkg` is always resolved to a name. */
export type Command =
  | PublishCommand
  | (CommandSource & { kind: 'dist-tag-add'; pkg: string; version: string; tag: string })
  /** `dist-tag add --workspaces <tag>`: every workspace package in scope, at its package.json version. */
  | (CommandSource & { kind: 'dist-tag-add-workspaces'; tag: string; workspaces: true | string[]; includeWorkspaceRoot: boolean })
  | (CommandSource & { kind: 'dist-tag-rm'; pkg: string; tag: string })
  | (CommandSource & { kind: 'dist-tag-ls'; pkg: string })
  | (CommandSource & { kind: 'owner-add' | 'owner-rm'; pkg: string; user: string })
  | (CommandSource & { kind: 'owner-ls'; pkg: string })
  | (CommandSource & { kind: 'access-status'; pkg: string; status: 'public' | 'private' })
  | (CommandSource & { kind: 'access-mfa'; pkg: string; mfa: 'none' | 'publish' | 'automation' })
  | (CommandSource & { kind: 'access-get-status'; pkg: string })
  | (CommandSource & { kind: 'deprecate'; pkg: string; range: string; message: string })
  | (CommandSource & { kind: 'unpublish'; pkg: string; version: string | undefined; force: boolean });

/** The commands a block may use, as listed in errors. */
export const KNOWN_COMMANDS = [
  'publish [<folder>|<tarball>] [--tag <tag>] [--access public|restricted] [--dry-run] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--concurrency <n>] [--otp-uses <n>]',
  'dist-tag add <pkg>@<version> [<tag>]',
  'dist-tag add --workspaces [-w <name|folder|glob>...] <tag>   (every workspace package at its package.json version)',
  'dist-tag rm <pkg> <tag>',
  'dist-tag ls [<pkg>]',
  'owner add <user> [<pkg>]',
  'owner rm <user> [<pkg>]',
  'owner ls [<pkg>]',
  'access set status=public|private [<pkg>]',
  'access set mfa=none|publish|automation [<pkg>]',
  'access get status [<pkg>]',
  'deprecate <pkg>[@<range>] <message>',
  'unpublish <pkg>@<version>   (or unpublish <pkg> --force for every version)',
];
