import { stat } from 'node:fs/promises';
import path from 'node:path';
import npa from 'npm-package-arg';
import type { CommandSource } from '../grammar/line.ts';
import type { Checkout, PublishCommand, StageTarget, TrustSpec, UncomparableCheckout } from './types.ts';
import { InputError } from '../foundation/errors.ts';
import { readPackageSource } from '../package/read-package.ts';
import type { LifecycleEvent } from '../package/scripts.ts';
import { readTarball } from '../package/tarball.ts';
import { findWorkspaces } from '../package/workspaces.ts';
import { selectWorkspaces } from './workspace-selection.ts';
import type { TrustConfig } from '../registry/trust.ts';
import type { Options } from '../grammar/options.ts';
import { settlePublish } from './publish-plan.ts';
import { planWorkspacePublish } from './workspace-plan.ts';

/** The scripts npm runs to pack a folder; a checkout is packed with these before a staged tarball is compared to it. */
const PACKING_SCRIPTS: readonly LifecycleEvent[] = ['prepack', 'prepare', 'postpack'];

/** A `trust github|gitlab|circleci` line as written: the package (or the workspaces) and the trusted publisher it describes. */
export type TrustSetup = CommandSource & {
  pkg: string | undefined;
  spec: TrustSpec;
  dryRun: boolean;
  workspaces?: true | string[] | undefined;
  includeWorkspaceRoot: boolean;
};

/** One package's trusted publisher, settled: the body npm would send, the flags that say it on one package's line, and where values came from. */
export interface TrustCreation {
  pkg: string;
  config: TrustConfig;
  /** The line's flags as they apply to this package (`--file release.yml --repo acme/r --allow-publish`), for a workspace's result. */
  flags: string[];
  notes: string[];
}

/** A `stage approve|reject` line as written: ids and `<pkg>@<version>`s, or the workspaces. */
export type StageDecision = CommandSource & {
  action: 'approve' | 'reject';
  targets: StageTarget[];
  dryRun: boolean;
  workspaces?: true | string[] | undefined;
  includeWorkspaceRoot: boolean;
};

/** One staged version to approve or reject, settled: with its checkout to compare with, when the run has one. */
export interface StageDecisionTarget {
  target: StageTarget;
  checkout: Checkout | UncomparableCheckout | undefined;
}

/** Approving what the checkout holds but cannot pack would publish it unchecked: refused, saying why. */
export function uncomparable(checkout: UncomparableCheckout): InputError {
  const id = `${checkout.name}@${checkout.version}`;
  return new InputError(
    checkout.input,
    `${checkout.input}: the checkout holds ${id}, but it cannot be compared with what is staged, because it cannot be packed as stage publish would pack it: ${checkout.problem} ` +
      `Nothing was approved: fix the package, or approve from a checkout that packs ${id}.`,
    { received: id },
  );
}

/** The monorepo root the `package` setting names. */
async function monorepoRoot(options: Options, cwd: string): Promise<string> {
  const target = path.resolve(cwd, options.packageSpec);
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile() && path.basename(target) === 'package.json') return path.dirname(target);
  if (!info?.isDirectory())
    throw new InputError(
      options.names.package,
      `${options.names.package}: "${options.packageSpec}" is not a folder (looked for ${target}). With --workspaces, give the monorepo's root folder.`,
      { received: options.packageSpec },
    );
  return target;
}

/**
 * Settles a `trust github|gitlab|circleci` line from the checkout alone, before any request: one trusted
 * publisher per package with the body npm would send (the repository taken from package.json's `repository`
 * when `--repo`/`--project` is left out, as npm does; with `--workspaces`, every public workspace package's).
 */
export async function planTrust(command: TrustSetup, options: Options, cwd: string): Promise<TrustCreation[]> {
  const names = options.names;
  const where = command.line > 0 ? `commands line ${command.line}` : 'the command line';
  const fail = (problem: string, received?: unknown) => new InputError(names.package, `${where} (${command.text}): ${problem}.`, { received });
  if (command.workspaces !== undefined) {
    const monorepo = await findWorkspaces(await monorepoRoot(options, cwd), names.workspaces);
    const selected = selectWorkspaces(monorepo, command.workspaces, command.includeWorkspaceRoot, names.workspaces).filter((pkg) => !pkg.private);
    if (selected.length === 0) throw fail(`the workspaces selected hold no public package`);
    const rootRepository = repositoryOf(monorepo.rootManifest, command.spec.provider);
    return selected.map((pkg) => {
      const own = repositoryOf(pkg.manifest, command.spec.provider);
      const entity = command.spec.entity ?? own ?? rootRepository;
      if (command.spec.provider !== 'circleci' && entity === undefined) {
        throw fail(
          `${pkg.name} names no ${providerWords(command.spec.provider)} in the "repository" of ${path.join(pkg.dir, 'package.json')} or of the monorepo root: give ${command.spec.provider === 'github' ? '--repo owner/repo' : '--project group/project'}`,
          pkg.name,
        );
      }
      const note =
        command.spec.entity === undefined && entity !== undefined
          ? [
              `${entityWord(command.spec.provider)} ${entity} from the "repository" of ${own === undefined ? 'the monorepo root' : path.join(pkg.relativeDir, 'package.json')}`,
            ]
          : [];
      return trustCreate(command, pkg.name, entity, note);
    });
  }
  // As npm: the package.json of the package setting names the package when <pkg> is left out, and gives the repository.
  let manifest: Record<string, unknown> | undefined;
  let problem: string | undefined;
  try {
    const found = await readPackageSource(options.packageSpec, cwd, names.package);
    manifest = found.kind === 'folder' ? (found.manifest as unknown as Record<string, unknown>) : (await readTarball(found.file, names.package)).manifest;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const pkg = command.pkg ?? (typeof manifest?.name === 'string' ? manifest.name : undefined);
  if (pkg === undefined) throw fail(`no <pkg> given, and the package setting names no readable package (${problem ?? 'no name'})`);
  const { provider, entity: given } = command.spec;
  if (provider === 'circleci') return [trustCreate(command, pkg, undefined, [])];
  const fromManifest = manifest === undefined ? undefined : repositoryOf(manifest, provider);
  const declared = manifest?.repository !== undefined && manifest?.name === pkg;
  if (given === undefined && fromManifest === undefined) {
    const why = declared
      ? `the "repository" in its package.json is not a ${providerWords(provider)}`
      : `the package setting's package.json gives no ${providerWords(provider)} for it`;
    throw fail(`${pkg}: ${why}; give ${provider === 'github' ? '--repo owner/repo' : '--project group/project'}`, pkg);
  }
  const notes: string[] = [];
  if (given === undefined) notes.push(`${entityWord(provider)} ${fromManifest} from the "repository" of its package.json`);
  else if (fromManifest !== undefined && fromManifest !== given && manifest?.name === pkg)
    notes.push(`the "repository" in package.json (${fromManifest}) differs from the ${entityWord(provider)} given (${given}); using ${given}`);
  return [trustCreate(command, pkg, given ?? fromManifest, notes)];
}

function providerWords(provider: TrustSpec['provider']): string {
  return provider === 'github' ? 'GitHub repository' : provider === 'gitlab' ? 'GitLab project' : 'CircleCI pipeline';
}

function entityWord(provider: TrustSpec['provider']): string {
  return provider === 'github' ? 'repository' : 'project';
}

/**
 * `owner/repo` (GitHub) or `group/.../project` (GitLab) from a manifest's
 * `repository` (a string or `{url}`), read as npm reads it (hosted-git-info,
 * through npm-package-arg); undefined when it names another host.
 */
export function repositoryOf(manifest: Record<string, unknown>, provider: TrustSpec['provider']): string | undefined {
  const field = manifest.repository;
  const url =
    typeof field === 'string'
      ? field
      : field && typeof field === 'object' && typeof (field as { url?: unknown }).url === 'string'
        ? (field as { url: string }).url
        : undefined;
  if (url === undefined) return undefined;
  try {
    const hosted = npa(url).hosted as { type?: string; user?: string; project?: string } | undefined;
    if (!hosted || hosted.type !== provider || !hosted.user || !hosted.project) return undefined;
    return `${hosted.user}/${hosted.project}`;
  } catch {
    return undefined;
  }
}

/** One package's trusted publisher, as npm's `optionsToBody` builds it. */
function trustCreate(command: TrustSetup, pkg: string, entity: string | undefined, notes: string[]): TrustCreation {
  const { spec } = command;
  let config: TrustConfig;
  const environment = spec.environment === undefined ? {} : { environment: spec.environment };
  if (spec.provider === 'github') {
    config = { type: 'github', claims: { repository: entity, workflow_ref: { file: spec.file }, ...environment }, permissions: spec.permissions };
  } else if (spec.provider === 'gitlab') {
    config = { type: 'gitlab', claims: { project_path: entity, ci_config_ref_uri: { file: spec.file }, ...environment }, permissions: spec.permissions };
  } else {
    const ids = spec.circleci as NonNullable<TrustSpec['circleci']>;
    const claims: Record<string, unknown> = {
      'oidc.circleci.com/org-id': ids.orgId,
      'oidc.circleci.com/project-id': ids.projectId,
      'oidc.circleci.com/pipeline-definition-id': ids.pipelineDefinitionId,
      'oidc.circleci.com/vcs-origin': ids.vcsOrigin,
    };
    if (ids.contextIds.length > 0) claims['oidc.circleci.com/context-ids'] = ids.contextIds;
    config = { type: 'circleci', claims, permissions: spec.permissions };
  }
  const flags = [
    ...(spec.provider === 'circleci' ? [] : [`--file ${spec.file}`, `--${spec.provider === 'github' ? 'repo' : 'project'} ${entity}`]),
    ...(spec.environment === undefined ? [] : [`--env ${spec.environment}`]),
    ...(spec.permissions.includes('createPackage') ? ['--allow-publish'] : []),
    ...(spec.permissions.includes('createStagedPackage') ? ['--allow-stage-publish'] : []),
  ];
  return { pkg, config, flags, notes };
}

/**
 * Settles a `stage approve|reject` line from the checkout alone: one decision per target (with `--workspaces`:
 * every public workspace package at its package.json version, in dependency order), each with the checkout to
 * compare the staged tarball with.
 */
export async function planStageDecisions(command: StageDecision, options: Options, cwd: string, env: NodeJS.ProcessEnv): Promise<StageDecisionTarget[]> {
  if (command.workspaces !== undefined) {
    // The plan of `stage publish --workspaces`: the same packages, versions, manifests and order.
    const publish: PublishCommand = {
      line: command.line,
      text: command.text,
      target: undefined,
      tag: undefined,
      access: undefined,
      dryRun: false,
      workspaces: command.workspaces,
      includeWorkspaceRoot: command.includeWorkspaceRoot,
      stage: true,
    };
    // Comparing never needs provenance: the packages are planned to be packed, not signed.
    const plan = await planWorkspacePublish(publish, { ...options, provenance: false }, cwd, env);
    return plan.members.flatMap((member) => {
      if (!member.plan) return [];
      const checkout: Checkout = {
        name: member.plan.name,
        version: member.plan.version,
        source: member.plan.source,
        scripts: member.plan.scripts.filter((event) => PACKING_SCRIPTS.includes(event)),
        tag: member.plan.tagImplicit ? undefined : member.plan.tag,
        access: member.plan.access,
      };
      return [{ target: { name: member.name, version: member.version }, checkout }];
    });
  }
  const checkout = command.action === 'approve' ? await packageCheckout(command, options, cwd, env) : undefined;
  if (checkout && 'problem' in checkout) {
    const named = command.targets.find((target) => 'name' in target && target.name === checkout.name && target.version === checkout.version);
    if (named) throw uncomparable(checkout);
  }
  return command.targets.map((target) => ({ target, checkout }));
}

/**
 * The package setting's package as a checkout to compare staged tarballs
 * with, planned as `stage publish` plans it but never with provenance
 * (comparing signs nothing). Undefined only when the setting names no
 * package at all (a job that checked nothing out): approving then goes
 * without comparing, and says so. A package that is there but cannot be
 * read stops the run here; one that is read but cannot be planned for
 * packing (private, say) comes back as an UncomparableCheckout, and its
 * name and version are never approved.
 */
async function packageCheckout(
  command: CommandSource,
  options: Options,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Checkout | UncomparableCheckout | undefined> {
  const names = options.names;
  if (!(await holdsPackage(path.resolve(cwd, options.packageSpec)))) return undefined;
  const found = await readPackageSource(options.packageSpec, cwd, names.package);
  if (found.kind === 'tarball') {
    const tarball = await readTarball(found.file, names.package);
    return {
      name: tarball.manifest.name,
      version: tarball.manifest.version,
      source: { kind: 'tarball', file: found.file, data: tarball.data, integrity: tarball.integrity, manifest: tarball.manifest },
      scripts: [],
    };
  }
  const publish: PublishCommand = { line: 0, text: command.text, target: undefined, tag: 'latest', access: undefined, dryRun: false, stage: true };
  const manifest = found.manifest as unknown as Record<string, unknown>;
  try {
    const plan = await settlePublish(
      publish,
      { ...options, expectVersion: undefined, provenance: false },
      { kind: 'folder', dir: found.dir, manifest },
      cwd,
      env,
    );
    const publishConfig =
      typeof manifest.publishConfig === 'object' && manifest.publishConfig !== null ? (manifest.publishConfig as Record<string, unknown>) : {};
    const tag = options.tag ?? (typeof publishConfig.tag === 'string' ? publishConfig.tag : undefined);
    return {
      name: plan.name,
      version: plan.version,
      source: plan.source,
      scripts: plan.scripts.filter((event) => PACKING_SCRIPTS.includes(event)),
      tag,
      access: plan.access,
    };
  } catch (error) {
    return {
      name: found.manifest.name,
      version: found.manifest.version,
      problem: error instanceof Error ? error.message : String(error),
      input: names.package,
    };
  }
}

/** True when `target` is a .tgz, a package.json, or a folder holding one. */
async function holdsPackage(target: string): Promise<boolean> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return false;
  if (info.isDirectory()) return (await stat(path.join(target, 'package.json')).catch(() => undefined)) !== undefined;
  return true;
}
