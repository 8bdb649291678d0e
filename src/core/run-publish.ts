import semver from 'semver';
import { OtpSource } from '../otp/source.ts';
import { TimeSync } from '../otp/time-sync.ts';
import type { OtpContext } from '../otp/with-otp.ts';
import { packFolder } from '../package/pack-folder.ts';
import { type PackageSource, readPackageSource } from '../package/read-package.ts';
import { readTarball, type Tarball } from '../package/tarball.ts';
import { RegistryClient } from '../registry/client.ts';
import { publishTarball } from '../registry/publish.ts';
import type { Clock } from './clock.ts';
import { InputError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { Options } from './options.ts';
import type { RunReport, WriteResult } from './result.ts';

/** What the core needs from its surroundings; tests pass their own. */
export interface Dependencies {
  clock: Clock;
  logger: Logger;
  /** Folder the `package` setting is relative to. */
  cwd: string;
  /** Environment package scripts start from (secrets are removed from it). */
  env: NodeJS.ProcessEnv;
  /** `name/version` of this product, for the user agent. */
  userAgent: string;
}

/**
 * Publishes one package: read and check it, pack it (scripts run without
 * secrets), read the registry, publish with a just-in-time code, report.
 * Never throws: a failure is in `report.error`, with the write marked failed.
 */
export async function runPublish(options: Options, deps: Dependencies): Promise<RunReport> {
  const { clock, logger } = deps;
  for (const secret of options.secrets) logger.mask(secret);
  const report: RunReport = { published: false, name: undefined, version: undefined, tag: undefined, registry: options.registry, results: [] };
  const startedAt = clock.now();
  const result: WriteResult = { command: 'publish', ok: false, skipped: false, outcome: 'not-run', otpAttempts: 0, waitedMs: 0, durationMs: 0, detail: '' };
  let cleanup: (() => Promise<void>) | undefined;
  try {
    const source = await readPackageSource(options.packageSpec, deps.cwd, options.names.package);
    if (source.kind === 'folder') {
      describeTarget(report, result, options, source.manifest.name, source.manifest.version, source.manifest.publishConfig);
      warnAboutPublishConfig(source, options, logger);
    }
    logger.info(authPlan(options));
    let file: string;
    if (source.kind === 'folder') {
      logger.info(`Packing ${source.dir}${options.ignoreScripts ? ' (package scripts skipped)' : ''}.`);
      const packed = await packFolder({ dir: source.dir, manifest: source.manifest, ignoreScripts: options.ignoreScripts, secrets: options.secrets, logger, env: deps.env });
      cleanup = packed.cleanup;
      file = packed.file;
    } else {
      file = source.file;
    }
    const tarball: Tarball = await readTarball(file, options.names.package);
    const { name, version } = tarball.manifest;
    describeTarget(report, result, options, name, version, tarball.manifest.publishConfig as Record<string, unknown> | undefined);
    const timeSync = new TimeSync();
    const client = new RegistryClient({ registry: options.registry, token: options.token, clock, timeSync, userAgent: deps.userAgent });
    const otp: OtpContext = {
      source: options.secret ? new OtpSource({ secret: options.secret, clock, timeSync, logger }) : undefined,
      clock,
      logger,
      secretInput: options.names.otpSecret,
    };
    const tag = report.tag as string;
    logger.info(`Publishing ${name}@${version} with tag "${tag}" to ${options.registry}${options.dryRun ? ' (dry run)' : ''}.`);
    const outcome = await publishTarball({ client, otp, logger }, tarball, { tag, access: options.access ?? publishConfigAccess(tarball.manifest.publishConfig), dryRun: options.dryRun });
    Object.assign(result, {
      ok: true,
      skipped: outcome.status !== 'published',
      outcome: outcome.status,
      otpAttempts: outcome.otpAttempts,
      waitedMs: outcome.waitedMs,
      detail:
        outcome.status === 'published'
          ? `published ${name}@${version} (${tarball.integrity.slice(0, 20)}…) with tag ${tag}${outcome.reconciled ? ', confirmed by reading the registry back' : ''}`
          : outcome.status === 'unchanged'
            ? `${name}@${version} was already published with identical contents`
            : `dry run: ${name}@${version} would be published with tag ${tag}`,
    });
    report.published = outcome.status === 'published';
  } catch (error) {
    report.error = error;
    Object.assign(result, { outcome: 'failed', detail: error instanceof Error ? error.message : String(error) });
  } finally {
    result.durationMs = clock.now() - startedAt;
    report.results.push(result);
    await cleanup?.().catch(() => undefined);
  }
  return report;
}

/** Fills name, version and tag, and refuses a prerelease without an explicit tag (as npm does). */
function describeTarget(report: RunReport, result: WriteResult, options: Options, name: string, version: string, publishConfig: Record<string, unknown> | undefined): void {
  const configured = typeof publishConfig?.tag === 'string' ? publishConfig.tag : undefined;
  const tag = options.tag ?? configured ?? 'latest';
  if (options.tag === undefined && configured === undefined && semver.prerelease(version) !== null) {
    throw new InputError(
      options.names.tag,
      `${options.names.tag}: ${name}@${version} is a prerelease; give an explicit tag (for example next or beta), as npm requires, so that it does not become "latest".`,
      { received: version },
    );
  }
  Object.assign(report, { name, version, tag });
  result.command = `publish ${name}@${version}`;
}

function publishConfigAccess(publishConfig: unknown): 'public' | 'restricted' | undefined {
  const access = (publishConfig as { access?: unknown } | undefined)?.access;
  return access === 'public' || access === 'restricted' ? access : undefined;
}

function warnAboutPublishConfig(source: Extract<PackageSource, { kind: 'folder' }>, options: Options, logger: Logger): void {
  const configured = source.manifest.publishConfig?.registry;
  if (typeof configured === 'string' && configured.replace(/\/?$/, '/') !== options.registry) {
    logger.warning(`package.json's publishConfig.registry (${configured}) differs from ${options.names.registry} (${options.registry}); publishing to ${options.registry}.`);
  }
}

/** Says, before any write, which authentication each request will use. */
function authPlan(options: Options): string {
  const token = options.token ? 'the token' : 'no token (dry run)';
  const otp = options.secret
    ? `a one-time password computed just in time from ${options.names.otpSecret} (${options.secret.algorithm.toUpperCase()}, ${options.secret.digits} digits, ${options.secret.period} s)`
    : `no one-time password (${options.names.otpSecret} is not set: this works only if the account or token does not require 2FA for writes)`;
  return `Authentication: ${token}, and ${otp}.`;
}
