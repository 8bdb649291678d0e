import libnpmpublish from 'libnpmpublish';
import { ProductError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { type OtpContext, type OtpTally, statusOf, withOtp } from '../otp/with-otp.ts';
import { sameContents, type Tarball } from '../package/tarball.ts';
import type { RegistryClient } from './client.ts';
import { type Packument, readPackument } from './packument.ts';

export interface PublishSettings {
  tag: string;
  /** `public`, `restricted`, or undefined to leave the registry's choice. */
  access: 'public' | 'restricted' | undefined;
  dryRun: boolean;
  /** Publishes retried after a failure that certainly did not publish. Default 2. */
  maxRetries?: number;
}

/** What happened to one publish; failures are thrown. */
export interface PublishOutcome {
  /** `published`: this run uploaded it. `unchanged`: the registry already had it, identical. `dry-run`: nothing sent. */
  status: 'published' | 'unchanged' | 'dry-run';
  otpAttempts: number;
  waitedMs: number;
  /** True when a lost or failed answer was resolved by reading the registry back. */
  reconciled: boolean;
  /** Attempts that reached the registry (1 unless retried). */
  uploads: number;
}

/** The version exists with other contents: publishing again is impossible. */
export class PublishConflictError extends ProductError {
  constructor(id: string) {
    super('EPUBLISHCONFLICT', `${id} is already in the registry with different contents. A published version cannot be replaced: bump the version in package.json and publish again.`, { received: id });
  }
}

/** The registry refused or failed the publish; says whether the version is there. */
export class PublishFailedError extends ProductError {
  constructor(id: string, reason: string, cause: unknown, checked: boolean) {
    super('EPUBLISH', `Publishing ${id} failed: ${reason}.${checked ? ` The registry does not have ${id} (read back after the failure).` : ''}`, { received: id, cause });
  }
}

export interface PublishContext {
  client: RegistryClient;
  otp: OtpContext;
  logger: Logger;
}

/**
 * Publishes a tarball through libnpmpublish, once.
 *
 * Before: reads the packument; the same version with the same contents is
 * success without a write (a re-run is harmless), other contents a conflict.
 * After a failure that may hide a success (no answer, 5xx, 408, a 403/409
 * "already published"), reads the packument again before deciding, and
 * retries only when the version is certainly absent.
 */
export async function publishTarball(context: PublishContext, tarball: Tarball, settings: PublishSettings): Promise<PublishOutcome> {
  const { client, logger } = context;
  const { name, version } = tarball.manifest;
  const id = `${name}@${version}`;
  const existing = await findVersion(context, tarball);
  if (existing === 'identical') {
    logger.info(`${id} is already in the registry with identical contents: nothing to publish.`);
    return { status: 'unchanged', otpAttempts: 0, waitedMs: 0, reconciled: false, uploads: 0 };
  }
  if (existing === 'different') throw new PublishConflictError(id);
  if (settings.dryRun) {
    logger.info(`Dry run: would publish ${id} with tag "${settings.tag}" to ${client.registry}.`);
    return { status: 'dry-run', otpAttempts: 0, waitedMs: 0, reconciled: false, uploads: 0 };
  }

  const maxRetries = settings.maxRetries ?? 2;
  const bodyBytes = Math.ceil(tarball.data.length * 1.34) + 4096;
  const tally: OtpTally = { otpAttempts: 0, waitedMs: 0 };
  for (let uploads = 1; ; uploads += 1) {
    try {
      await withOtp(context.otp, {
        label: `publish ${id}`,
        bodyBytes,
        send: (otp) =>
          client.timed(bodyBytes, () =>
            libnpmpublish.publish(tarball.manifest, tarball.data, client.writeOptions(otp, { defaultTag: settings.tag, access: settings.access ?? null, npmCommand: 'publish' })),
          ),
      }, tally);
      return { status: 'published', ...tally, reconciled: false, uploads };
    } catch (error) {
      if (!mayHavePublished(error)) throw error instanceof ProductError ? error : new PublishFailedError(id, describe(error), error, false);
      logger.warning(`The publish of ${id} ended without a clear answer (${describe(error)}); reading the registry back.`);
      const after = await findVersion(context, tarball);
      if (after === 'identical') {
        logger.info(`${id} is in the registry with our contents: the publish did succeed.`);
        return { status: 'published', ...tally, reconciled: true, uploads };
      }
      if (after === 'different') throw new PublishConflictError(id);
      if (uploads > maxRetries || !isRetryable(error)) throw new PublishFailedError(id, describe(error), error, true);
      const backoffMs = 1000 * 2 ** (uploads - 1);
      logger.info(`${id} is not in the registry; retrying the publish in ${backoffMs / 1000} s (${uploads}/${maxRetries}).`);
      await context.otp.clock.sleep(backoffMs);
      tally.waitedMs += backoffMs;
    }
  }
}

/** Whether the registry already holds this version, and with which contents. */
async function findVersion(context: PublishContext, tarball: Tarball): Promise<'absent' | 'identical' | 'different'> {
  const packument: Packument | undefined = await readPackument(context.client, tarball.manifest.name);
  const published = packument?.versions?.[tarball.manifest.version];
  if (!published) return 'absent';
  if (published.dist?.integrity === tarball.integrity) return 'identical';
  // Same files can gzip to other bytes on another Node/zlib build: compare what is inside.
  const url = published.dist?.tarball;
  if (!url) return 'different';
  const theirs = await context.client.getBuffer(url);
  return (await sameContents(theirs, tarball.data)) ? 'identical' : 'different';
}

function mayHavePublished(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) return !(error instanceof ProductError);
  return status === 408 || status >= 500 || status === 409 || status === 403;
}

function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status === 408 || status >= 500;
}

/** The registry's reason, without the request URL's query or any header. */
export function describe(error: unknown): string {
  const record = error as { statusCode?: number; body?: { error?: unknown; message?: unknown }; code?: unknown; message?: unknown };
  const reason = record?.body?.error ?? record?.body?.message;
  if (typeof record?.statusCode === 'number') return `${record.statusCode}${typeof reason === 'string' ? ` ${reason}` : ''}`;
  return typeof record?.message === 'string' ? record.message : String(error);
}
