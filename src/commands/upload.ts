import { describeError, describeReason } from '../foundation/describe-error.ts';
import { ProductError } from '../foundation/errors.ts';
import { failureKind, isSigstoreFailure, isTransient, statusOf } from '../foundation/http-errors.ts';
import { type OtpContext, withOtp } from '../otp/with-otp.ts';
import type * as PackModule from '../package/pack.ts';
import type { PackedTarball } from '../package/pack.ts';
import { readPublishManifest } from '../package/prepared-manifest.ts';
import { ScriptFailedError } from '../package/scripts.ts';
import { sameContents, shasumOf } from '../package/tarball.ts';
import type { PublishPlan } from '../plan/types.ts';
import type { RegistryClient } from '../registry/client.ts';
import { readPackument, type Packument } from '../registry/packument.ts';
import { type Sigstore, uploadBytes, uploadVersion } from '../registry/publish.ts';
import { listStaged, type StagedEntry, stageVersion } from '../registry/stage.ts';
import type { CommandContext, StepEnv, TrustedSession } from './command.ts';
import { PublishConflictError, PublishFailedError, PublishUnconfirmedError } from './errors.ts';

/**
 * The one upload of a version, wherever it goes: published (`publish`) or staged (`stage publish`). Packed
 * or read beforehand (TarballAndManifest), authenticated by trusted publishing where the package trusts this
 * job, signed when provenance is on, sent once through the OTP wrapper, and, when its answer is unclear,
 * reconciled by reading the destination back: never sent twice blindly.
 */

/** The version as it will be uploaded: the tarball, its integrity, and the manifest sent with it. */
export interface TarballAndManifest {
  data: Buffer;
  integrity: string;
  manifest: Record<string, unknown>;
}

/**
 * The in-process packer (npm-packlist's walk, ignore rules, tar), loaded when a folder is to be packed: a `.tgz`
 * never needs it, and for a folder it loads while the registry answers the read in the publish's check.
 */
let packer: Promise<typeof PackModule> | undefined;
export const loadPacker = (): Promise<typeof PackModule> => (packer ??= import('../package/pack.ts'));

/** A folder's manifest as npm publishes it, and its tarball. */
export interface ReadAndPacked {
  manifest: Record<string, unknown>;
  packed: PackedTarball;
}

/**
 * Reads the manifest npm would publish from a folder (a publish's, or a checkout to compare a staged version
 * with), checks it is still the planned name and version, and packs the folder as its package manager packs it.
 */
export async function readAndPack(
  source: { dir: string; manifestText?: string | undefined; workspaceRoot?: string | undefined; manager?: 'npm' | 'yarn' | 'pnpm' | undefined },
  expected: { name: string; version: string },
): Promise<ReadAndPacked> {
  const id = `${expected.name}@${expected.version}`;
  const manifest = await readPublishManifest(source.dir, source.manifestText);
  if (manifest.name !== expected.name || manifest.version !== expected.version) {
    throw new ProductError(
      'EPACK',
      `The package scripts changed ${source.dir}/package.json from ${id} to ${String(manifest.name)}@${String(manifest.version)}; nothing was published. Set the name and version before the run instead.`,
      { received: id },
    );
  }
  const { packDirectory, sourcePackOptions } = await loadPacker();
  return { manifest, packed: await packDirectory(source.dir, sourcePackOptions(source)) };
}

/** No token, and trusted publishing gave none either: nothing can be uploaded. */
class NoTokenError extends ProductError {
  constructor(id: string) {
    super(
      'ENEEDAUTH',
      `${id} cannot be uploaded: the run has no token, and trusted publishing (OIDC) is not available for it (the reason is in the log above). ` +
        "Configure this repository and workflow as the package's trusted publisher on npmjs.com, or give the run a token. Nothing was sent.",
      { received: id },
    );
  }
}

/** Where a version goes, and what the destination says of it: the one difference between a publish and a stage publish. */
export interface Destination {
  /** `publish` or `stage publish`, for messages. */
  verb: 'publish' | 'stage publish';
  /** npm's command name, for the `npm-command` header. */
  npmCommand: 'publish' | 'stage';
  /** Sends the upload through the OTP wrapper (`throughOtp`): once, or again with a fresh code when the code is refused. */
  send(
    client: RegistryClient,
    tarball: TarballAndManifest,
    provenance: Sigstore | undefined,
    otp: OtpContext,
    context: CommandContext,
  ): Promise<{ transparencyLogUrl?: string | undefined; stageId?: string }>;
  /** The version as the destination holds it now: there with our contents (a staged one's id), with others, or not at all. */
  readBack(client: RegistryClient, tarball: TarballAndManifest): Promise<{ state: 'identical'; stageId?: string } | { state: 'different' | 'absent' }>;
  /** Whether a transient failure with the version certainly absent may be sent again (a publish may; a staged upload is read back only). */
  resend: boolean;
  /** Whether the upload goes with a one-time password (a publish: yes; a staged one: none, npm defers 2FA to the approval). */
  otp: boolean;
}

/** Uploads retried after a transient failure once the read-back shows the version absent. */
const MAX_UPLOAD_RETRIES = 2;

/** What an upload did: `sent` (this run's upload landed), `confirmed` (its answer was lost, and it had landed), `unchanged` (it was there before). */
export interface UploadReceipt {
  outcome: 'sent' | 'confirmed' | 'unchanged';
  transparencyLogUrl?: string | undefined;
  stageId?: string | undefined;
}

/**
 * The upload, through the OTP wrapper, under the short-lived token when trusted publishing gave one (then
 * without a code). After a failure that may hide a success (failureKind `unclear`, or a 403/409 that may say
 * "already there"), the destination is read back before deciding; it is sent again, with backoff on the
 * injected clock, only when the version is certainly absent, the failure transient, and the destination allows it.
 */
export async function uploadAndReconcile(
  context: CommandContext,
  plan: PublishPlan,
  tarball: TarballAndManifest,
  destination: Destination,
  trusted: TrustedSession | undefined,
  provenance: Sigstore | undefined,
): Promise<UploadReceipt> {
  const id = `${plan.name}@${plan.version}`;
  const client = trusted?.client ?? context.client;
  const otp = trusted || !destination.otp ? { ...context.otp, source: undefined } : context.otp;
  const { logger } = context;
  for (let uploads = 1; ; uploads += 1) {
    try {
      const answer = await destination.send(client, tarball, provenance, otp, context);
      if (answer.transparencyLogUrl) logger.info(`Provenance statement for ${id} published to the transparency log: ${answer.transparencyLogUrl}`);
      if (uploads > 1) logger.info(`${id}: ${destination.verb} succeeded on attempt ${uploads}.`);
      return { outcome: 'sent', transparencyLogUrl: answer.transparencyLogUrl, ...(answer.stageId === undefined ? {} : { stageId: answer.stageId }) };
    } catch (error) {
      if (error instanceof ProductError) throw error;
      const kind = failureKind(error);
      const status = statusOf(error);
      const alreadyThere = status === 403 || status === 409;
      if (kind === 'unsent') throw new PublishFailedError(destination.verb, id, failureReason(error), error, 'not-sent');
      if (kind === 'refused' && !alreadyThere) throw new PublishFailedError(destination.verb, id, failureReason(error), error, 'refused');
      logger.warning(
        `The ${destination.verb} of ${id} ended without a clear answer (${describeReason(error)}); reading the registry back before anything else.`,
      );
      const after = await destination.readBack(context.client, tarball).catch((readError: unknown) => {
        throw new PublishUnconfirmedError(destination.verb, id, describeReason(error), describeReason(readError), error);
      });
      if (after.state === 'identical' && uploads === 1 && alreadyThere) {
        // Refused as "already there" on our only upload: it was there before this run (a stale read, a race).
        logger.info(`${id} was already there with identical contents (the registry refused it again): nothing was uploaded by this run.`);
        return { outcome: 'unchanged', ...(after.stageId === undefined ? {} : { stageId: after.stageId }) };
      }
      if (after.state === 'identical') {
        logger.info(`${id} is there with our contents: the ${destination.verb} did succeed.`);
        return { outcome: 'confirmed', ...(after.stageId === undefined ? {} : { stageId: after.stageId }) };
      }
      if (after.state === 'different') throw new PublishConflictError(id, destination.verb === 'stage publish' ? 'staged' : 'published');
      if (!destination.resend || uploads > MAX_UPLOAD_RETRIES || !isTransient(error))
        throw new PublishFailedError(destination.verb, id, describeReason(error), error, 'absent', uploads);
      const backoffMs = 1000 * 2 ** (uploads - 1);
      logger.info(
        `${id} is not ${destination.verb === 'publish' ? 'in the registry' : 'staged'}; retrying the ${destination.verb} in ${backoffMs / 1000} s (retry ${uploads}/${MAX_UPLOAD_RETRIES}).`,
      );
      await context.otp.clock.sleep(backoffMs);
      context.tally.waitedMs += backoffMs;
    }
  }
}

/** Why an upload failed, in words; for sigstore, what it was doing and what its service answered. */
function failureReason(error: unknown): string {
  if (!isSigstoreFailure(error)) return describeReason(error);
  const { cause } = error as { cause?: unknown };
  return `signing the provenance statement failed (${describeReason(error)}${cause === undefined ? '' : `: ${describeReason(cause)}`})`;
}

/** Sends one upload of `tarball` through the OTP wrapper, counted as a write; a staged one goes without a code (its 2FA is deferred to the approval). */
function throughOtp<T>(
  otp: OtpContext,
  context: CommandContext,
  destination: Pick<Destination, 'verb' | 'npmCommand'>,
  plan: PublishPlan,
  tarball: TarballAndManifest,
  trusted: boolean,
  write: (code: string | undefined) => Promise<T>,
): Promise<T> {
  return withOtp(
    otp,
    {
      label: `${destination.verb} ${plan.name}@${plan.version}`,
      bodyBytes: uploadBytes(tarball.data.length),
      npmCommand: destination.npmCommand,
      trusted,
      send: (code) => {
        context.writes += 1;
        return write(code);
      },
    },
    context.tally,
  );
}

/** A version published by `publish`: libnpmpublish's PUT, read back from the packument. */
export function published(plan: PublishPlan): Destination {
  return {
    verb: 'publish',
    npmCommand: 'publish',
    otp: true,
    resend: true,
    send(client, tarball, provenance, otp, context) {
      // A client other than the run's holds trusted publishing's short-lived token.
      return throughOtp(otp, context, this, plan, tarball, client !== context.client, (code) =>
        uploadVersion(
          client,
          tarball.manifest,
          tarball.data,
          { tag: plan.tag, access: plan.access, provenance },
          { otp: code, session: context.session, command: 'publish' },
        ),
      );
    },
    readBack: async (client, tarball) => {
      const packument = await readPackument(client, plan.name, { write: true });
      return { state: packument?.versions?.[plan.version] ? await compare(client, packument, plan.version, tarball) : 'absent' };
    },
  };
}

/** A version staged by `stage publish`: libnpmpublish's staged POST, read back from the staging area (by shasum). */
export function staged(plan: PublishPlan): Destination {
  return {
    verb: 'stage publish',
    npmCommand: 'stage',
    otp: false,
    resend: false,
    send(client, tarball, provenance, otp, context) {
      return throughOtp(otp, context, this, plan, tarball, client !== context.client, (code) =>
        stageVersion(
          client,
          tarball.manifest,
          tarball.data,
          { tag: plan.tag, access: plan.access, provenance },
          { otp: code, session: context.session, command: 'stage' },
        ),
      );
    },
    readBack: async (client, tarball) => {
      const found = (await listStaged(client, plan.name)).find((entry) => entry.version === plan.version);
      if (!found) return { state: 'absent' };
      return found.shasum === shasumOf(tarball.data) ? { state: 'identical', stageId: found.id } : { state: 'different' };
    },
  };
}

/** The version is in the registry: with the same contents, or other ones (the same files can gzip to other bytes on another zlib build). */
export async function compare(client: RegistryClient, packument: Packument, version: string, tarball: TarballAndManifest): Promise<'identical' | 'different'> {
  const document = packument.versions?.[version];
  if (document?.dist?.integrity === tarball.integrity) return 'identical';
  const url = document?.dist?.tarball;
  if (!url) return 'different';
  return (await sameContents(await client.getBuffer(url), tarball.data)) ? 'identical' : 'different';
}

/**
 * Trusted publishing for this version, and whether an upload can go at all: with no token, only a trusted
 * publishing session can (NoTokenError otherwise, before anything is sent).
 */
export async function uploader(env: StepEnv, id: string, name: string, npmCommand: string): Promise<TrustedSession | undefined> {
  const trusted = env.trustedPublishing ? await env.trustedPublishing(name, npmCommand) : undefined;
  if (!trusted && !env.hasToken) throw new NoTokenError(id);
  return trusted;
}

/**
 * Whether this upload carries a signed provenance statement: always when the plan says on (its preconditions
 * were checked before anything ran); with auto, as npm does it, only for a trusted publish, by npm's rule
 * (see TrustedSession), never with restricted access. Said in the log either way.
 */
export async function provenanceFor(
  context: CommandContext,
  plan: PublishPlan,
  tarball: { manifest: Record<string, unknown> },
  trusted: TrustedSession | undefined,
  sigstore: Sigstore | undefined,
): Promise<Sigstore | undefined> {
  const id = `${plan.name}@${plan.version}`;
  const mode = plan.provenance?.mode ?? 'off';
  if (mode === 'on') {
    context.logger.info(`Provenance: signing a statement for ${id} with this job's OIDC identity (${plan.provenance?.from}).`);
    return sigstore ?? {};
  }
  if (mode === 'off' || trusted === undefined) return undefined;
  const decided = plan.access === 'restricted' ? { on: false, reason: 'restricted access' } : await trusted.provenanceByDefault(tarball.manifest);
  const toRequire = `Set ${plan.provenance?.from ?? 'provenance'} to true to require it.`;
  if (decided.on) context.logger.info(`Provenance: on for ${id}, as npm turns it on for a trusted publish (${decided.reason}).`);
  else if (decided.warning) context.logger.warning(`Provenance: off for ${id}: ${decided.reason}. ${toRequire}`);
  else context.logger.info(`Provenance: off for ${id} (${decided.reason}); npm would not sign one either. ${toRequire}`);
  return decided.on ? (sigstore ?? {}) : undefined;
}

/** What a dry run's detail says of provenance: the problem the real upload would meet, or that it would carry one. */
export function dryRunProvenance(plan: PublishPlan): string {
  return plan.provenance?.problem ? `; ${plan.provenance.problem}` : plan.provenance?.mode === 'on' ? ', with provenance' : '';
}

/**
 * Runs what npm runs after the upload (`publish`, `postpublish`). The version is in the registry (or staged)
 * whatever they do: a failure is returned, not thrown, with words for the outcome's detail, so the row says
 * `published` (or `staged`) and the run fails at its end.
 */
export async function afterUpload(id: string, done: 'published' | 'staged', run: () => Promise<void>): Promise<{ detail: string; failure?: ProductError }> {
  try {
    await run();
    return { detail: '' };
  } catch (error) {
    const what =
      error instanceof ScriptFailedError
        ? `its ${error.event} script failed (${error.ending})`
        : `its after-${done === 'published' ? 'publish' : 'stage'} scripts failed (${describeError(error)})`;
    return {
      detail: `; then ${what}`,
      failure: new ProductError(
        'ESCRIPT',
        `${id} is ${done}, but ${what} afterwards; its output is above. The version stays ${done}: do by hand what the script should have done.`,
        { received: id, cause: error },
      ),
    };
  }
}

/** A staged entry in a few words. */
export function describeEntry(entry: StagedEntry): string {
  const by = entry.actor ? `, staged by ${entry.actor}${entry.actorType ? ` (${entry.actorType})` : ''}` : '';
  return `${entry.packageName}@${entry.version} (id ${entry.id}, tag ${entry.tag}, ${entry.status ?? 'staged'}, shasum ${entry.shasum}${by}${entry.createdAt ? ` at ${entry.createdAt}` : ''})`;
}
