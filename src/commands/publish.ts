import semver from 'semver';
import { InputError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';
import type { Options } from '../run/options.ts';
import { packFolder } from '../package/pack-folder.ts';
import { type PackageSource, readPackageSource } from '../package/read-package.ts';
import { readTarball, type Tarball } from '../package/tarball.ts';
import type { RegistryClient } from '../registry/client.ts';
import { publishTarball } from '../registry/publish.ts';
import type { CommandContext, CommandOutcome } from '../registry/write.ts';
import type { PublishCommand } from './types.ts';
import { tagProblem } from './validate.ts';

/** A publish checked before the run: what it publishes and under which tag. */
export interface PreparedPublish {
  command: PublishCommand;
  source: PackageSource;
  /** For a .tgz, read while checking (before any request), and published as is. */
  tarball?: Tarball;
  /** Known before packing for a tarball or a folder; the tarball's manifest has the last word. */
  name: string | undefined;
  version: string | undefined;
  tag: string;
  access: 'public' | 'restricted' | undefined;
  dryRun: boolean;
}

/** Checks a publish without running anything: the target exists and is publishable, the tag fits the version. */
export async function preparePublish(command: PublishCommand, options: Options, cwd: string): Promise<PreparedPublish> {
  const source = await readPackageSource(command.target ?? options.packageSpec, cwd, options.names.package);
  const manifest = source.kind === 'folder' ? source.manifest : undefined;
  const prepared: PreparedPublish = {
    command,
    source,
    name: manifest?.name,
    version: manifest?.version,
    tag: command.tag ?? options.tag ?? 'latest',
    access: command.access ?? options.access,
    dryRun: command.dryRun || options.dryRun,
  };
  if (manifest) settleTag(prepared, options, manifest.name, manifest.version, manifest.publishConfig);
  if (source.kind === 'tarball') {
    prepared.tarball = await readTarball(source.file, options.names.package);
    const { name, version, publishConfig } = prepared.tarball.manifest;
    settleTag(prepared, options, name, version, publishConfig as Record<string, unknown> | undefined);
  }
  return prepared;
}

/**
 * The tag: the command's, else the setting's, else package.json's
 * publishConfig.tag, else latest, except that a prerelease must name one
 * (npm refuses to let a prerelease become latest by default).
 */
function settleTag(prepared: PreparedPublish, options: Options, name: string, version: string, publishConfig: Record<string, unknown> | undefined): void {
  const chosen = prepared.command.tag ?? options.tag;
  const configured = typeof publishConfig?.tag === 'string' ? publishConfig.tag : undefined;
  const configuredProblem = configured === undefined ? undefined : tagProblem(configured);
  if (configuredProblem) throw new InputError(options.names.package, `${options.names.package}: publishConfig.tag in ${name}'s package.json: ${configuredProblem}.`, { received: configured });
  if (chosen === undefined && configured === undefined && semver.prerelease(version) !== null) {
    const where = prepared.command.line > 0 ? `${options.names.tag} (or --tag on line ${prepared.command.line})` : options.names.tag;
    throw new InputError(options.names.tag, `${where}: ${name}@${version} is a prerelease; give an explicit tag (for example next or beta), as npm requires, so that it does not become "latest".`, { received: version });
  }
  if (options.expectVersion !== undefined && version !== options.expectVersion) {
    throw new InputError(
      options.names.expectVersion,
      `${options.names.expectVersion}: the release is ${options.expectVersion} but ${name} is at ${version} in its package.json; bump the version (or tag the right commit) so that they match.`,
      { received: version },
    );
  }
  Object.assign(prepared, { name, version, tag: chosen ?? configured ?? 'latest' });
}

/** A registry client authenticated by trusted publishing (OIDC) for `pkg`, or undefined to use the token. */
export type TrustedPublishing = (pkg: string) => Promise<RegistryClient | undefined>;

/**
 * Packs (scripts run without secrets), reads the tarball, publishes it
 * through the OTP wrapper; with trusted publishing, under a short-lived
 * token from the job's OIDC identity and without a one-time password.
 */
export async function executePublish(
  context: CommandContext,
  prepared: PreparedPublish,
  options: Options,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  trustedPublishing?: TrustedPublishing,
): Promise<CommandOutcome & { published: boolean }> {
  const { source } = prepared;
  let cleanup: (() => Promise<void>) | undefined;
  try {
    let file: string;
    if (source.kind === 'folder') {
      logger.info(`Packing ${source.dir}${options.ignoreScripts ? ' (package scripts skipped)' : ''}.`);
      const packed = await packFolder({ dir: source.dir, manifest: source.manifest, ignoreScripts: options.ignoreScripts, secrets: options.secrets, logger, env });
      cleanup = packed.cleanup;
      file = packed.file;
    } else {
      file = source.file;
    }
    const tarball: Tarball = prepared.tarball ?? (await readTarball(file, options.names.package));
    const { name, version } = tarball.manifest;
    settleTag(prepared, options, name, version, tarball.manifest.publishConfig as Record<string, unknown> | undefined);
    const access = prepared.access ?? publishConfigAccess(tarball.manifest.publishConfig);
    logger.info(`Publishing ${name}@${version} with tag "${prepared.tag}" to ${context.client.registry}${prepared.dryRun ? ' (dry run)' : ''}.`);
    const oidcClient = prepared.dryRun || !trustedPublishing ? undefined : await trustedPublishing(name);
    // Reads keep the token; only the upload uses the trusted-publishing token, which needs no code.
    const publishContext = oidcClient ? { ...context, uploadClient: oidcClient, otp: { ...context.otp, source: undefined } } : context;
    const outcome = await publishTarball(publishContext, tarball, {
      tag: prepared.tag,
      tagImplicit: prepared.command.tag === undefined && options.tag === undefined && typeof (tarball.manifest.publishConfig as { tag?: unknown } | undefined)?.tag !== 'string',
      tagInput: prepared.command.line > 0 ? `${options.names.tag} (or --tag on line ${prepared.command.line})` : options.names.tag,
      access,
      dryRun: prepared.dryRun,
    });
    context.tally.otpAttempts += outcome.otpAttempts;
    context.tally.waitedMs += outcome.waitedMs;
    const id = `${name}@${version}`;
    switch (outcome.status) {
      case 'published':
        return {
          status: 'done',
          published: true,
          detail: `published ${id} (${tarball.integrity.slice(0, 20)}…) with tag ${prepared.tag}${oidcClient ? ' by trusted publishing' : ''}${outcome.reconciled ? ', confirmed by reading the registry back' : ''}`,
        };
      case 'unchanged':
        return { status: 'unchanged', published: false, detail: `${id} was already published with identical contents` };
      default:
        return { status: 'dry-run', published: false, detail: `dry run: ${id} would be published with tag ${prepared.tag}` };
    }
  } finally {
    await cleanup?.().catch(() => undefined);
  }
}

function publishConfigAccess(publishConfig: unknown): 'public' | 'restricted' | undefined {
  const access = (publishConfig as { access?: unknown } | undefined)?.access;
  return access === 'public' || access === 'restricted' ? access : undefined;
}
