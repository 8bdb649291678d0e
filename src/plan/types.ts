/**
 * What planning settles from the checkout and the settings, before any effect: the shapes shared by the plan
 * (settling) and the commands (acting on what was settled).
 */
import type { CommandSource } from '../grammar/line.ts';
import type { LifecycleEvent } from '../package/scripts.ts';
import type { TrustPermission } from '../registry/trust.ts';

/** A publish or stage publish line, as written (what the settings decide is left undefined). */
export type PublishCommand = CommandSource & {
  /** Folder, package.json or .tgz; undefined = the `package` setting. */
  target: string | undefined;
  /** How a refusal of `target` names it (the line, or the CLI's command); set with `target`. */
  targetInput?: string;
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
  /** `--otp-uses n|auto`; undefined = the setting. */
  otpUses?: number | 'auto' | undefined;
  /** `--provenance[=true|false|auto]` (`--provenance` alone is true, as npm reads it); undefined = the `provenance` setting. */
  provenance?: boolean | 'auto' | undefined;
  /** `stage publish`: the version goes to the registry's staging area (no code sent), to be approved later. */
  stage?: boolean;
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
      /** For a workspace package: the package manager whose packing rules apply (pnpm adds the root's licence to a package without one). */
      manager?: 'npm' | 'yarn' | 'pnpm' | undefined;
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
  /** Whether a signed provenance statement goes with the upload; undefined = none. */
  provenance?: ProvenancePlan | undefined;
}

/**
 * Provenance for one publish, settled from the setting, `publishConfig.provenance` and the CI.
 * `on`: signed, its preconditions checked before anything runs (the registry's answer on the
 * package's visibility in the check phase). `auto`: as npm does, decided after the trusted
 * publishing exchange. `off`: none.
 */
export interface ProvenancePlan {
  mode: 'on' | 'auto' | 'off';
  /** The setting that decided, as the user knows it (`provenance`, `--provenance`, `publishConfig.provenance in <file>`). */
  from: string;
  /** The CI whose identity signs the statement (libnpmpublish builds it from this CI's variables); undefined elsewhere. */
  ci: 'github' | 'gitlab' | undefined;
  /** A dry run only: why the real publish would be refused (a real one is refused while planning). */
  problem?: string | undefined;
}

/** A workspace package of a monorepo publish. */
export interface WorkspaceMember {
  name: string;
  version: string;
  /** Folder relative to the monorepo root. */
  relativeDir: string;
  /** The publish, or undefined for a package that is listed, never published (see `listed`). */
  plan: PublishPlan | undefined;
  /** Without a plan: `private`, or `skipped` (no version in a pnpm workspace, left out by the selection), and why. */
  listed?: { outcome: 'private' | 'skipped'; detail: string };
}

/** `publish --workspaces`: every workspace package in scope, settled, with the order they go in. */
export interface WorkspacePublishPlan {
  command: PublishCommand;
  root: string;
  manager: 'npm' | 'yarn' | 'pnpm';
  /** Every workspace package, in dependency order: those to publish first, then those listed only (private, skipped), for the report. */
  members: WorkspaceMember[];
  /** For each public member, the public members it must wait for (an order without cycles: earlier ones only). */
  waitsFor: Map<string, string[]>;
  /** Sets of packages that depend on each other; their members go in name order. */
  cycles: string[][];
  /** Workspace packages outside the scope that members depend on: they must be in the registry already. */
  outside: Array<{ name: string; version: string; neededBy: string[] }>;
  /** Packages packed and uploaded at once. */
  concurrency: number;
  /** The most writes one code is sent with (Infinity: as many as the window allows), and why, for the log. */
  otpUses: number;
  otpUsesWhy: string;
  warnings: string[];
}

/** A trusted publisher as a `trust github|gitlab|circleci` line describes it, before package.json fills in the repository. */
export interface TrustSpec {
  provider: 'github' | 'gitlab' | 'circleci';
  /** `--file`: the workflow (github) or pipeline (gitlab) file name, not a path. */
  file?: string;
  /** `--repo owner/repo` (github) or `--project group/project` (gitlab); undefined = package.json's `repository`. */
  entity?: string;
  /** `--env`: the CI environment the publisher must run in. */
  environment?: string;
  /** circleci's `--org-id`, `--project-id`, `--pipeline-definition-id`, `--vcs-origin`, `--context-id`... */
  circleci?: { orgId: string; projectId: string; pipelineDefinitionId: string; vcsOrigin: string; contextIds: string[] };
  /** `createPackage` (`--allow-publish`) then `createStagedPackage` (`--allow-stage-publish`): at least one. */
  permissions: TrustPermission[];
}

/** A staged version named by its id, or by `<pkg>@<version>`. */
export type StageTarget = { id: string } | { name: string; version: string };

/** What the checkout holds for a package, to compare with a staged tarball before approving it. */
export interface Checkout {
  name: string;
  version: string;
  /** Packed as `stage publish` packs it. */
  source: PublishSource;
  /** The packing scripts that run first (prepack, prepare, postpack), as for the stage publish; none with ignore-scripts. */
  scripts: LifecycleEvent[];
  /** The dist-tag this checkout chooses (the tag setting or publishConfig.tag); undefined when it chooses none, and any staged tag goes. */
  tag?: string | undefined;
  /** The access this checkout chooses (the access setting or publishConfig.access); undefined when it leaves the registry's choice. */
  access?: 'public' | 'restricted' | undefined;
}

/**
 * The package setting's package, read, but not one that could be packed to compare with (private, say):
 * approving its name and version is refused, saying why, since nothing could check what would be published.
 */
export interface UncomparableCheckout {
  name: string;
  version: string;
  /** Why it cannot be packed, as the plan said it. */
  problem: string;
  /** The setting that names the package, for the refusal. */
  input: string;
}
