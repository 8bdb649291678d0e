import path from 'node:path';
import semver from 'semver';
import type { PublishCommand, PublishPlan, PublishSource } from './types.ts';
import { tagProblem } from '../grammar/validate.ts';
import { InputError } from '../foundation/errors.ts';
import { isRecord } from '../foundation/is-record.ts';
import { type Destination, npmDestination, type NpmrcRegistry, readNpmConfig, readNpmrcRegistries } from '../package/npmrc.ts';
import { readPackageSource } from '../package/read-package.ts';
import { hasScript, type LifecycleEvent } from '../package/scripts.ts';
import { readTarball } from '../package/tarball.ts';
import type { Options } from '../grammar/options.ts';
import { settleProvenance } from './provenance.ts';
import { workspaceFolder } from './workspace-folder.ts';

/** npm's lifecycle around `npm publish <folder>`, in order. */
const PUBLISH_SCRIPTS: readonly LifecycleEvent[] = ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'];

/**
 * Settles one publish from the checkout alone: the package and its version,
 * the tag, the access, the registry, the scripts. Every refusal that needs
 * nothing but the checkout is made here: a package that is private in npm's
 * sense, restricted access on an unscoped name, a tag that is a semver range,
 * a prerelease without a tag, a version other than `expect-version`, a
 * package whose `publishConfig.registry` or project `.npmrc` names another
 * registry than the one in effect, and provenance asked for where it cannot
 * be signed (see settleProvenance).
 */
export async function planPublish(command: PublishCommand, options: Options, cwd: string, env: NodeJS.ProcessEnv): Promise<PublishPlan> {
  // A refusal of the package names where it was given: the line's own folder, or the package setting.
  const input = packageInput(command, options.names);
  if (input !== options.names.package) options = { ...options, names: { ...options.names, package: input } };
  const names = options.names;
  const found = await readPackageSource(command.target ?? options.packageSpec, cwd, names.package);
  let source: PublishSource;
  let warnings: string[] | undefined;
  if (found.kind === 'folder') {
    const manifest = found.manifest as unknown as Record<string, unknown>;
    // A folder of a pnpm or yarn workspace goes as its package manager publishes it; a workspace: range nothing resolves is refused.
    const inWorkspace = await workspaceFolder(found.dir, manifest, names.package);
    source = inWorkspace
      ? {
          kind: 'folder',
          dir: found.dir,
          manifest: inWorkspace.manifest,
          manifestText: inWorkspace.manifestText,
          workspaceRoot: inWorkspace.workspaceRoot,
          manager: inWorkspace.manager,
        }
      : { kind: 'folder', dir: found.dir, manifest };
    warnings = inWorkspace?.warnings;
  } else {
    const tarball = await readTarball(found.file, names.package);
    source = { kind: 'tarball', file: found.file, data: tarball.data, integrity: tarball.integrity, manifest: tarball.manifest };
  }
  const plan = await settlePublish(command, options, source, cwd, env);
  if (warnings && warnings.length > 0) plan.warnings = warnings;
  return plan;
}

/**
 * What a refusal of a publish's package names as its input: the folder or tarball a line gives itself (`publish`
 * for the CLI's own command, `commands line 2 (publish ./pkg)` for a line of a block), else the `package` setting.
 */
export function packageInput(command: Pick<PublishCommand, 'target' | 'targetInput'>, names: Options['names']): string {
  return command.target === undefined ? names.package : (command.targetInput ?? names.package);
}

/**
 * The checks of `planPublish` on a source already read: a package folder or
 * a .tgz, or a workspace package with its manifest as it will be published.
 */
/** Reads a folder's `.npmrc` registry settings; a monorepo plan passes one that reads each folder once. */
export type NpmrcReader = (dir: string) => Promise<NpmrcRegistry[]>;

export async function settlePublish(
  command: PublishCommand,
  options: Options,
  source: PublishSource,
  cwd: string,
  env: NodeJS.ProcessEnv,
  npmrc: { dirs?: string[]; read?: NpmrcReader } = {},
): Promise<PublishPlan> {
  const names = options.names;
  const manifest = source.manifest;
  const name = manifest.name as string;
  const version = manifest.version as string;
  const where = source.kind === 'folder' ? path.join(source.dir, 'package.json') : source.file;
  if (manifest.private) {
    throw new InputError(
      names.package,
      `${names.package}: ${name} is marked "private": ${JSON.stringify(manifest.private)} in ${where}; npm refuses to publish it. Remove "private" to publish.`,
      { received: name },
    );
  }
  const publishConfig = isRecord(manifest.publishConfig) ? manifest.publishConfig : {};

  const tagInput = command.line > 0 ? `${names.tag} (or --tag on line ${command.line})` : names.tag;
  const chosen = command.tag ?? options.tag;
  const configured = typeof publishConfig.tag === 'string' ? publishConfig.tag : undefined;
  const configuredProblem = configured === undefined ? undefined : tagProblem(configured);
  if (configuredProblem)
    throw new InputError(names.package, `${names.package}: publishConfig.tag in ${where}: ${configuredProblem}.`, { received: configured });
  if (chosen === undefined && configured === undefined && semver.prerelease(version) !== null) {
    throw new InputError(
      names.tag,
      `${tagInput}: ${name}@${version} is a prerelease; give an explicit tag (for example next or beta), as npm requires, so that it does not become "latest".`,
      { received: version },
    );
  }
  if (options.expectVersion !== undefined && version !== options.expectVersion) {
    throw new InputError(
      names.expectVersion,
      `${names.expectVersion}: the release is ${options.expectVersion} but ${name} is at ${version} in ${where}; bump the version (or tag the right commit) so that they match.`,
      { received: version },
    );
  }

  const access = command.access ?? options.access ?? publishConfigAccess(publishConfig.access, names.package, where);
  const accessFrom =
    command.access !== undefined
      ? `--access on line ${command.line}`
      : options.access !== undefined
        ? names.access
        : `${names.package} (publishConfig.access in ${where})`;
  if (access === 'restricted' && !name.startsWith('@')) {
    const from = accessFrom;
    throw new InputError(
      from.split(' ')[0] as string,
      `${from}: ${name} is unscoped, and only scoped packages (@scope/name) can have restricted access. Use public, or publish under a scope.`,
      { received: name },
    );
  }

  const dirs = npmrc.dirs ?? [...new Set([source.kind === 'folder' ? source.dir : undefined, cwd].filter((dir): dir is string => dir !== undefined))];
  await checkRegistry(options, name, publishConfig, where, dirs, npmrc.read ?? ((dir) => readNpmrcRegistries(dir, env, names.package)), env);

  const dryRun = command.dryRun || options.dryRun;
  const lineFlag = command.provenance === undefined ? undefined : { value: command.provenance, line: command.line };
  const provenance = settleProvenance(options, { id: `${name}@${version}`, manifest, publishConfig, where, access, accessFrom, dryRun, lineFlag }, env);
  const scripts = source.kind === 'folder' && !options.ignoreScripts ? PUBLISH_SCRIPTS.filter((event) => hasScript(manifest, event)) : [];
  return {
    command,
    source,
    name,
    version,
    tag: chosen ?? configured ?? 'latest',
    tagImplicit: chosen === undefined && configured === undefined,
    tagInput,
    access,
    registry: options.registry,
    dryRun,
    scripts,
    provenance,
  };
}

function publishConfigAccess(value: unknown, input: string, where: string): 'public' | 'restricted' | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'public' || value === 'restricted') return value;
  throw new InputError(input, `${input}: publishConfig.access in ${where} is ${JSON.stringify(value)}; use "public" or "restricted".`, { received: value });
}

/**
 * The package must go where npm would send it. npm settles a publish's
 * registry from its config (global, user, project `.npmrc`, `npm_config_*`),
 * `publishConfig` over it, and the scope's registry before `registry`
 * (npmDestination); when that names another registry than the one in effect,
 * the run stops here, naming the setting and both registries, and the token
 * goes nowhere. Each folder of `npmrcDirs` is taken as the project in turn
 * (the package's and the working folder's, or the monorepo root's): none may
 * send it elsewhere. When nothing sets a registry, npm's default gives way
 * to the one in effect.
 */
async function checkRegistry(
  options: Options,
  name: string,
  publishConfig: Record<string, unknown>,
  where: string,
  npmrcDirs: string[],
  readNpmrc: NpmrcReader,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const names = options.names;
  const inEffect = `${names.registry} (${options.registryGiven ? '' : 'default '}${options.registry})`;
  const config = await readNpmConfig(env, names.package);
  const projects = npmrcDirs.length === 0 ? [[]] : await Promise.all(npmrcDirs.map((dir) => readNpmrc(dir)));
  for (const project of projects) {
    const destination = npmDestination(name, publishConfig, config, project, names.package, where);
    if (destination === undefined || normalizeUrl(destination.registry) === normalizeUrl(options.registry)) continue;
    const shown = destination.registry === '' ? '(empty)' : destination.registry;
    const to = destination.registry === '' ? 'npm cannot publish with an empty registry' : `so npm would publish ${name} there`;
    const change = destination.source.kind === 'publishConfig' ? `remove publishConfig["${destination.key}"]` : `change that setting`;
    throw new InputError(
      names.registry,
      `${names.registry}: ${describeSetting(destination, name, where)}${destination.source.kind === 'publishConfig' ? '' : `, ${to}`}, but this run publishes to ${inEffect}. ` +
        (destination.registry === ''
          ? `Set it to a registry URL; nothing was sent.`
          : `Set ${names.registry} to ${shown} (with a token for it) to publish there, or ${change}; nothing was sent.`),
      { received: destination.registry },
    );
  }
}

/** The setting a destination comes from, in words. */
function describeSetting(destination: Destination, name: string, where: string): string {
  const setting = `${destination.key}=${destination.registry}`;
  switch (destination.source.kind) {
    case 'publishConfig':
      return `${name} says "publishConfig": {"${destination.key}": "${destination.registry}"} in ${where}`;
    case 'env':
      return `the environment variable ${destination.source.variable} sets ${setting}`;
    default:
      return `the ${destination.source.kind} config ${destination.source.file} sets ${setting}`;
  }
}

function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.search = '';
    parsed.hash = '';
    if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
    return parsed.toString();
  } catch {
    return url.trim();
  }
}
