import libnpmpublish from 'libnpmpublish';
import semver from 'semver';
import { InputError, ProductError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';
import { connectionFailure, statusOf } from '../foundation/http-errors.ts';
import { type OtpContext, type OtpTally, withOtp } from '../otp/with-otp.ts';
import { sameContents, type Tarball } from '../package/tarball.ts';
import type { RegistryClient } from './client.ts';
import { type Packument, readPackument } from './packument.ts';

export interface PublishSettings {
  tag: string;
  /** `public`, `restricted`, or undefined to leave the registry's choice. */
  access: 'public' | 'restricted' | undefined;
  dryRun: boolean;
  /**
   * True when the tag was not chosen (neither the settings nor publishConfig.tag): then, as npm does, a version
   * lower than the highest published release may not take `latest` by default. Default false.
   */
  tagImplicit?: boolean;
  /** The setting that chooses the tag, for messages. Default `tag`. */
  tagInput?: string;
}

/** What happened to one publish; failures are thrown. */
export interface PublishOutcome {
  /** `published`: this run uploaded it. `unchanged`: the registry already had it, identical. `dry-run`: nothing sent. */
  status: 'published' | 'unchanged' | 'dry-run';
  otpAttempts: number;
  waitedMs: number;
  /** True when a lost or failed answer was resolved by reading the registry back. */
  reconciled: boolean;
  /** Uploads sent (1 unless retried). */
  uploads: number;
}

/** The version exists with other contents: publishing again is impossible. */
export class PublishConflictError extends ProductError {
  constructor(id: string) {
    super('EPUBLISHCONFLICT', `${id} is already in the registry with different contents. A published version cannot be replaced: bump the version in package.json and publish again.`, { received: id });
  }
}

/**
 * Where a failed publish leaves the registry. `refused`: the registry answered
 * no, so nothing landed. `not-sent`: npm's library refused before sending.
 * `absent`: read back after the failure, the version is not there.
 */
export type PublishFailure = 'refused' | 'not-sent' | 'absent';

/** The registry refused or failed the publish; says whether the version is there. */
export class PublishFailedError extends ProductError {
  readonly state: PublishFailure;

  constructor(id: string, reason: string, cause: unknown, state: PublishFailure, attempts = 1) {
    const after = {
      refused: `The registry refused it: ${id} was not published.`,
      'not-sent': `Nothing was sent to the registry: ${id} was not published.`,
      absent:
        attempts > 1
          ? `${id} is NOT in the registry (read back after the last of ${attempts} attempts). Running the publish again later is safe.`
          : `${id} is NOT in the registry (read back after the failure).`,
    }[state];
    super('EPUBLISH', `Publishing ${id} failed: ${reason}. ${after}`, { received: id, cause });
    this.state = state;
  }
}

/** The publish may have landed, and reading the registry back failed too: say so, never guess. */
export class PublishUnconfirmedError extends ProductError {
  constructor(id: string, reason: string, readReason: string, cause: unknown) {
    super(
      'EPUBLISHUNCONFIRMED',
      `Publishing ${id} ended without a clear answer (${reason}), and reading the registry back failed (${readReason}): ${id} may or may not be in the registry. ` +
        'Run the publish again: it reads the registry first and does not publish twice.',
      { received: id, cause },
    );
  }
}

/** The registry could not be read before publishing; nothing was sent. */
export class RegistryReadError extends ProductError {
  constructor(id: string, registry: string, reason: string, cause: unknown) {
    super('EREGISTRYREAD', `Reading ${id.replace(/@[^@]+$/, '')} from ${registry} before publishing failed: ${reason}. Nothing was sent: ${id} was not published.`, { received: id, cause });
  }
}

export interface PublishContext {
  /** Reads the registry (with the token), and writes unless `uploadClient` is given. */
  client: RegistryClient;
  /** Sends the upload, when it is authenticated otherwise (a trusted-publishing token). Default: `client`. */
  uploadClient?: RegistryClient;
  otp: OtpContext;
  logger: Logger;
  /**
   * The command's running counts, if it keeps them. Only written on failure
   * (the counts so far), since a failure returns no outcome; on success the
   * caller adds the outcome's counts itself.
   */
  tally?: OtpTally;
  /** The command's npm-session id, sent with the upload as with every other write. Default: the client's. */
  session?: string;
}

/**
 * Publishes a tarball through libnpmpublish, once.
 *
 * Before: reads the packument; the same version with the same contents is
 * success without a write (a re-run is harmless), other contents a conflict.
 * After a failure that may hide a success (no answer, a timeout, 5xx, 408, a
 * 403/409 "already published"), reads the packument again (fresh, as for a
 * write) before deciding, and retries, with backoff on the injected clock,
 * only when the version is certainly absent and the failure was transient.
 * npm-registry-fetch never retries the PUT itself (see RegistryClient).
 */
export async function publishTarball(context: PublishContext, tarball: Tarball, settings: PublishSettings): Promise<PublishOutcome> {
  const { client, logger } = context;
  const { name, version } = tarball.manifest;
  const id = `${name}@${version}`;
  if (settings.access === 'restricted' && !name.startsWith('@')) {
    throw new ProductError('EUNSCOPED', `${name} is unscoped, and only scoped packages (@scope/name) can have restricted access. Publish it with access public, or under a scope.`, { received: name });
  }
  // Read as for a write (?write=true): a cached packument could hide a version published minutes ago.
  const { state: existing, packument } = await findVersion(context, tarball, { fresh: true }).catch((error: unknown) => {
    throw new RegistryReadError(id, client.registry, describe(error), error);
  });
  if (existing === 'absent' && settings.tagImplicit && settings.tag === 'latest') refuseLatestBackwards(id, version, packument, settings.tagInput ?? 'tag');
  if (existing === 'identical') {
    logger.info(`${id} is already in the registry with identical contents: nothing to publish.`);
    return { status: 'unchanged', otpAttempts: 0, waitedMs: 0, reconciled: false, uploads: 0 };
  }
  if (existing === 'different') throw new PublishConflictError(id);
  if (settings.dryRun) {
    logger.info(`Dry run: would publish ${id} with tag "${settings.tag}" to ${client.registry}.`);
    return { status: 'dry-run', otpAttempts: 0, waitedMs: 0, reconciled: false, uploads: 0 };
  }

  const maxRetries = MAX_UPLOAD_RETRIES;
  const session = context.session === undefined ? {} : { npmSession: context.session };
  const bodyBytes = Math.ceil(tarball.data.length * 1.34) + 4096;
  const tally: OtpTally = { otpAttempts: 0, waitedMs: 0 };
  const uploader = context.uploadClient ?? client;
  try {
    for (let uploads = 1; ; uploads += 1) {
      try {
        await withOtp(context.otp, {
          label: `publish ${id}`,
          bodyBytes,
          send: (otp) =>
            uploader.timed(bodyBytes, () =>
              libnpmpublish.publish(tarball.manifest, tarball.data, uploader.writeOptions(otp, { defaultTag: settings.tag, access: settings.access ?? null, npmCommand: 'publish', ...session })),
            ),
        }, tally);
        if (uploads > 1) logger.info(`${id} published on attempt ${uploads}.`);
        return { status: 'published', ...tally, reconciled: false, uploads };
      } catch (error) {
        const kind = classify(error);
        if (kind === 'refused' || kind === 'not-sent') throw error instanceof ProductError ? error : new PublishFailedError(id, describe(error), error, kind);
        logger.warning(`The publish of ${id} ended without a clear answer (${describe(error)}); reading the registry back before anything else.`);
        const { state: after } = await findVersion(context, tarball, { fresh: true }).catch((readError: unknown) => {
          throw new PublishUnconfirmedError(id, describe(error), describe(readError), error);
        });
        if (after === 'identical' && uploads === 1 && kind === 'unclear') {
          // Refused as "already published" on our only upload: it was there before this run (a stale read, a race).
          logger.info(`${id} was already in the registry with identical contents (the registry refused to publish over it): nothing was published by this run.`);
          return { status: 'unchanged', ...tally, reconciled: true, uploads };
        }
        if (after === 'identical') {
          logger.info(`${id} is in the registry with our contents: the publish did succeed.`);
          return { status: 'published', ...tally, reconciled: true, uploads };
        }
        if (after === 'different') throw new PublishConflictError(id);
        if (uploads > maxRetries || kind !== 'transient') throw new PublishFailedError(id, describe(error), error, 'absent', uploads);
        const backoffMs = 1000 * 2 ** (uploads - 1);
        logger.info(`${id} is not in the registry; retrying the publish in ${backoffMs / 1000} s (retry ${uploads}/${maxRetries}).`);
        await context.otp.clock.sleep(backoffMs);
        tally.waitedMs += backoffMs;
      }
    }
  } catch (error) {
    if (context.tally) {
      context.tally.otpAttempts += tally.otpAttempts;
      context.tally.waitedMs += tally.waitedMs;
    }
    throw error;
  }
}

/** Whether the registry already holds this version, and with which contents. `fresh` reads as for a write (no cached copy). */
async function findVersion(context: PublishContext, tarball: Tarball, options: { fresh?: boolean } = {}): Promise<{ state: 'absent' | 'identical' | 'different'; packument: Packument | undefined }> {
  const packument: Packument | undefined = await readPackument(context.client, tarball.manifest.name, { write: options.fresh === true });
  const published = packument?.versions?.[tarball.manifest.version];
  if (!published) return { state: 'absent', packument };
  if (published.dist?.integrity === tarball.integrity) return { state: 'identical', packument };
  // Same files can gzip to other bytes on another Node/zlib build: compare what is inside.
  const url = published.dist?.tarball;
  if (!url) return { state: 'different', packument };
  const theirs = await context.client.getBuffer(url);
  return { state: (await sameContents(theirs, tarball.data)) ? 'identical' : 'different', packument };
}

/**
 * npm's rule: without an explicit tag, a version lower than the highest
 * published release (prereleases and deprecated versions aside) may not
 * become `latest`, or every install would get the older line.
 */
function refuseLatestBackwards(id: string, version: string, packument: Packument | undefined, input: string): void {
  const releases = Object.entries(packument?.versions ?? {})
    .filter(([v, meta]) => semver.valid(v) !== null && semver.prerelease(v) === null && !meta.deprecated)
    .map(([v]) => v);
  const highest = semver.maxSatisfying(releases, '*');
  if (highest !== null && semver.gte(highest, version)) {
    throw new InputError(
      input,
      `${input}: ${id} is lower than the highest published version, ${highest}, so it cannot take the "latest" tag by default (npm refuses it too). Give an explicit tag for this line, for example latest-1 or v${semver.major(version)}-lts.`,
      { received: version },
    );
  }
}

/** Uploads retried after a transient failure (reset, timeout, 408, 5xx) once the read-back shows the version absent. */
const MAX_UPLOAD_RETRIES = 2;

/** Refusals by libnpmpublish itself, before it sends anything. */
const LOCAL_CODES = new Set(['EPRIVATE', 'EUNSCOPED', 'EBADSEMVER', 'EPACKAGEEXTENSIONS', 'EUSAGE']);

/**
 * `refused`: the registry answered no (nothing landed). `not-sent`: refused
 * before sending. `transient`: lost or failed in a way worth retrying once
 * the version is known to be absent. `unclear`: may have landed, not worth
 * retrying (403/409 "already published", or an error we do not know).
 */
function classify(error: unknown): 'refused' | 'not-sent' | 'transient' | 'unclear' {
  if (error instanceof ProductError) return 'refused';
  const status = statusOf(error);
  if (status !== undefined) {
    if (status === 408 || status >= 500) return 'transient';
    return status === 403 || status === 409 ? 'unclear' : 'refused';
  }
  const record = error as { code?: unknown; type?: unknown } | undefined;
  if (typeof record?.code === 'string' && LOCAL_CODES.has(record.code)) return 'not-sent';
  const failure = connectionFailure(error);
  if (failure === 'unsent') return 'not-sent';
  // make-fetch-happen reports other socket errors as type `system`: the request may have gone out.
  return failure === 'lost' || record?.type === 'system' ? 'transient' : 'unclear';
}

/** The registry's reason, without the request URL's query or any header; one line. */
export function describe(error: unknown): string {
  const record = error as { statusCode?: number; body?: { error?: unknown; message?: unknown }; code?: unknown; message?: unknown };
  const reason = record?.body?.error ?? record?.body?.message;
  const message = typeof record?.message === 'string' ? record.message.split('\n')[0]?.trim() ?? '' : String(error);
  if (typeof record?.statusCode === 'number') {
    // npm-registry-fetch's message is "<status> <text> - <METHOD> <uri>[ - <reason>]": keep the status text only.
    return typeof reason === 'string' ? `${record.statusCode} ${reason}` : (message.split(' - ')[0] || String(record.statusCode));
  }
  return typeof record?.code === 'string' && !message.includes(record.code) ? `${record.code}: ${message}` : message;
}
