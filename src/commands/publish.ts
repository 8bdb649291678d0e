import PackageJson from '@npmcli/package-json';
import semver from 'semver';
import { describeReason } from '../foundation/describe-error.ts';
import { InputError, ProductError } from '../foundation/errors.ts';
import { connectionFailure, statusOf } from '../foundation/http-errors.ts';
import { withOtp } from '../otp/with-otp.ts';
import type { PackedTarball } from '../package/pack.ts';
import { type LifecycleEvent, runScript, ScriptFailedError } from '../package/scripts.ts';
import { describeError } from '../foundation/describe-error.ts';
import { sameContents } from '../package/tarball.ts';
import type { RegistryClient } from '../registry/client.ts';
import { setDistTag } from '../registry/dist-tags.ts';
import { type Packument, readPackument } from '../registry/packument.ts';
import { type Sigstore, type Uploaded, uploadBytes, uploadVersion } from '../registry/publish.ts';
import type { PublishPlan } from './types.ts';
import { type CommandContext, type CommandOutcome, otpWrite } from './context.ts';
import { PublishConflictError, PublishFailedError, PublishUnconfirmedError, RegistryReadError } from './errors.ts';

/** A registry client authenticated by trusted publishing (OIDC) for `pkg`, or undefined to use the token. */
export type TrustedPublishing = (pkg: string) => Promise<TrustedSession | undefined>;

/** A publish authenticated by trusted publishing. */
export interface TrustedSession {
  /** Holds the short-lived token that may publish this one package. */
  client: RegistryClient;
  /**
   * npm's rule for provenance when nobody chose (npm 11.5+ `oidc.js`): on when the ID token says the repository
   * (GitLab: project) is public, GitLab has a SIGSTORE_ID_TOKEN, and the registry says the package is public
   * (one read, with the short-lived token). Off, with a `warning`, where npm would sign a statement the registry
   * then refuses (a `repository` in `manifest` that is not the CI's). `reason` says why, for the log.
   */
  provenanceByDefault(manifest: Record<string, unknown>): Promise<{ on: boolean; reason: string; warning?: boolean }>;
}

/** What a publish needs besides its plan. */
export interface PublishDeps {
  /** The environment package scripts start from, with every secret already removed. */
  scriptEnv: Record<string, string>;
  trustedPublishing?: TrustedPublishing | undefined;
  /** Where provenance statements are signed; default sigstore's public instances. */
  sigstore?: Sigstore | undefined;
  /** False when the run has no token: only a trusted-publishing (OIDC) upload can go. Default true. */
  hasToken?: boolean | undefined;
}

/** No token, and trusted publishing gave none either: nothing can be uploaded. */
export class NoTokenError extends ProductError {
  constructor(id: string) {
    super(
      'ENEEDAUTH',
      `${id} cannot be uploaded: the run has no token, and trusted publishing (OIDC) is not available for it (the reason is in the log above). ` +
        'Configure this repository and workflow as the package\'s trusted publisher on npmjs.com, or give the run a token. Nothing was sent.',
      { received: id },
    );
  }
}

/** The version as it will be uploaded. */
interface Built {
  data: Buffer;
  integrity: string;
  manifest: Record<string, unknown>;
}

/**
 * The in-process packer (npm-packlist's walk, ignore rules, tar), loaded when a folder is to be packed: a `.tgz`
 * never needs it, and for a folder it loads while the registry answers the read in preflightPublish.
 */
let packer: Promise<typeof import('../package/pack.ts')> | undefined;
export const loadPacker = (): Promise<typeof import('../package/pack.ts')> => (packer ??= import('../package/pack.ts'));

/** Uploads retried after a transient failure (reset, timeout, 408, 5xx) once the read-back shows the version absent. */
const MAX_UPLOAD_RETRIES = 2;

/**
 * The one read of the registry a publish makes before anything runs: the
 * packument, as for a write (no cache can hide a version published minutes
 * ago). It settles npm's rule that, without an explicit tag, a version lower
 * than the highest release may not take `latest`: refused here, before any
 * package script runs.
 */
export async function preflightPublish(client: RegistryClient, plan: PublishPlan): Promise<Packument | undefined> {
  const id = `${plan.name}@${plan.version}`;
  // A failure to load surfaces where the packer is used.
  if (plan.source.kind === 'folder') loadPacker().catch(() => undefined);
  const packument = await readPackument(client, plan.name, { write: true }).catch((error: unknown) => {
    throw new RegistryReadError(id, client.registry, describeReason(error), error);
  });
  const present = packument?.versions?.[plan.version] !== undefined;
  if (!present && plan.tagImplicit && plan.tag === 'latest') {
    const releases = Object.entries(packument?.versions ?? {})
      .filter(([v, meta]) => semver.valid(v) !== null && semver.prerelease(v) === null && !meta.deprecated)
      .map(([v]) => v);
    const highest = semver.maxSatisfying(releases, '*');
    if (highest !== null && semver.gte(highest, plan.version)) {
      throw new InputError(
        plan.tagInput,
        `${plan.tagInput}: ${id} is lower than the highest published version, ${highest}, so it cannot take the "latest" tag by default (npm refuses it too). Give an explicit tag for this line, for example latest-1 or v${semver.major(plan.version)}-lts.`,
        { received: plan.version },
      );
    }
  }
  return packument;
}

/** A folder's manifest as npm publishes it, and its tarball. */
export interface ReadAndPacked {
  manifest: Record<string, unknown>;
  packed: PackedTarball;
}

/** Reads the manifest npm would publish from the folder, checks it is still the planned version, and packs the folder. */
async function readAndPack(plan: PublishPlan): Promise<ReadAndPacked> {
  if (plan.source.kind !== 'folder') throw new TypeError('readAndPack: not a folder');
  const { dir, manifestText } = plan.source;
  const id = `${plan.name}@${plan.version}`;
  const manifest = await readPublishManifest(dir, manifestText);
  if (manifest.name !== plan.name || manifest.version !== plan.version) {
    throw new ProductError('EPACK', `The package scripts changed ${dir}/package.json from ${id} to ${String(manifest.name)}@${String(manifest.version)}; nothing was published. Set the name and version before the run instead.`, { received: id });
  }
  const { packDirectory, sourcePackOptions } = await loadPacker();
  const packed = await packDirectory(dir, sourcePackOptions(plan.source));
  return { manifest, packed };
}

/**
 * Reading the manifest and packing a folder only read files; when no package script runs before them
 * (`prepublishOnly`, `prepack`, `prepare`), they can start with the preflight read instead of after it and be
 * ready when the registry answers. Undefined where a script must run first or the source is a `.tgz`.
 * A failure surfaces where executePublish takes the result, after the read, as it would have without this.
 */
export function readAndPackEarly(plan: PublishPlan): Promise<ReadAndPacked> | undefined {
  if (plan.source.kind !== 'folder' || plan.scripts.some((event) => event === 'prepublishOnly' || event === 'prepack' || event === 'prepare')) return undefined;
  const early = readAndPack(plan);
  early.catch(() => undefined);
  return early;
}

/**
 * Publishes one planned version. For a folder: the package scripts npm runs
 * (`prepublishOnly`, `prepack`, `prepare`), the manifest read as npm prepares
 * it, the tarball packed in-process, `postpack`. Then the registry decides:
 * the same version with the same contents is `unchanged` (or `tagged`, when
 * an explicitly asked-for tag was missing), other contents a conflict,
 * otherwise one upload through the OTP wrapper, reconciled by reading back
 * when its answer is unclear, and `publish`/`postpublish` after it.
 * When the version is already in the registry, only the packing scripts run
 * (the tarball is needed to compare), never `prepublishOnly` or the after-publish ones.
 * `early` is the folder read and packed during the preflight read (readAndPackEarly).
 */
export async function executePublish(context: CommandContext, plan: PublishPlan, packument: Packument | undefined, deps: PublishDeps, early?: Promise<ReadAndPacked>): Promise<CommandOutcome> {
  const id = `${plan.name}@${plan.version}`;
  const present = packument?.versions?.[plan.version] !== undefined;
  const script = (event: LifecycleEvent) =>
    plan.source.kind === 'folder' && plan.scripts.includes(event)
      ? runScript({ dir: plan.source.dir, manifest: plan.source.manifest, event, env: deps.scriptEnv, logger: context.logger })
      : Promise.resolve();

  let built: Built;
  if (plan.source.kind === 'folder') {
    let read: Promise<ReadAndPacked>;
    if (early !== undefined) {
      read = early;
    } else {
      if (!present) await script('prepublishOnly');
      await script('prepack');
      await script('prepare');
      read = readAndPack(plan);
    }
    const { manifest, packed } = await read;
    context.logger.info(`Packed ${id}: ${packed.files.length} file${packed.files.length === 1 ? '' : 's'}, ${packed.data.length} bytes (${packed.integrity.slice(0, 20)}…).`);
    await script('postpack');
    built = { data: packed.data, integrity: packed.integrity, manifest };
  } else {
    built = { data: plan.source.data, integrity: plan.source.integrity, manifest: plan.source.manifest };
  }

  const state = present ? await compare(context.client, packument as Packument, plan.version, built) : 'absent';
  if (state === 'different') throw new PublishConflictError(id);
  // `stage publish`: the same version, packed the same way, goes to the staging area instead (see stage.ts).
  if (plan.command.stage) return (await import('./stage.ts')).stageBuilt(context, plan, built, state === 'identical', deps, async () => { await script('publish'); await script('postpublish'); });
  if (state === 'identical') return ensureTag(context, plan, packument as Packument);
  if (plan.dryRun) {
    context.logger.info(`Dry run: would publish ${id} with tag "${plan.tag}" to ${context.client.registry}.`);
    return { status: 'dry-run', detail: `dry run: ${id} would be published with tag ${plan.tag}${dryRunProvenance(plan)}` };
  }

  context.logger.info(`Publishing ${id} with tag "${plan.tag}" to ${context.client.registry}.`);
  const trusted = deps.trustedPublishing ? await deps.trustedPublishing(plan.name) : undefined;
  const oidcClient = trusted?.client;
  if (!oidcClient && deps.hasToken === false) throw new NoTokenError(id);
  const provenance = await provenanceFor(context, plan, built, trusted, deps.sigstore);
  const receipt: Uploaded = {};
  const outcome = await upload(context, plan, built, oidcClient, provenance, receipt);
  if (outcome === 'unchanged') return { status: 'unchanged', detail: `${id} was already published with identical contents` };
  const after = await afterUpload(id, 'published', async () => {
    await script('publish');
    await script('postpublish');
  });
  return {
    status: 'done',
    published: true,
    detail: `published ${id} (${built.integrity.slice(0, 20)}…) with tag ${plan.tag}${oidcClient ? ' by trusted publishing' : ''}${provenance ? `, with provenance${receipt.transparencyLogUrl ? ` (transparency log: ${receipt.transparencyLogUrl})` : ''}` : ''}${outcome === 'confirmed' ? ', confirmed by reading the registry back' : ''}${after.detail}`,
    ...(receipt.transparencyLogUrl ? { transparencyLogUrl: receipt.transparencyLogUrl } : {}),
    ...(after.failure === undefined ? {} : { failure: after.failure }),
  };
}

/**
 * Runs what npm runs after the upload (`publish`, `postpublish`). The version
 * is in the registry whatever they do: a failure is returned, not thrown,
 * with words for the outcome's detail, so the row says `published` (or
 * `staged`) and the run fails at its end.
 */
export async function afterUpload(id: string, done: 'published' | 'staged', run: () => Promise<void>): Promise<{ detail: string; failure?: ProductError }> {
  try {
    await run();
    return { detail: '' };
  } catch (error) {
    const what = error instanceof ScriptFailedError ? `its ${error.event} script failed (${error.ending})` : `its after-${done === 'published' ? 'publish' : 'stage'} scripts failed (${describeError(error)})`;
    return {
      detail: `; then ${what}`,
      failure: new ProductError('ESCRIPT', `${id} is ${done}, but ${what} afterwards; its output is above. The version stays ${done}: do by hand what the script should have done.`, { received: id, cause: error }),
    };
  }
}

/** What a dry run's detail says of provenance: the problem the real publish would meet, or that it would carry one. */
export function dryRunProvenance(plan: PublishPlan): string {
  return plan.provenance?.problem ? `; ${plan.provenance.problem}` : plan.provenance?.mode === 'on' ? ', with provenance' : '';
}

/**
 * Whether this upload (a publish, or a `stage publish`) carries a signed
 * provenance statement: always when the plan says on (its preconditions were
 * checked before anything ran); with auto, as npm does it, only for a trusted
 * publish, by npm's rule (see TrustedSession), never with restricted access.
 * Said in the log either way.
 */
export async function provenanceFor(context: CommandContext, plan: PublishPlan, built: { manifest: Record<string, unknown> }, trusted: TrustedSession | undefined, sigstore: Sigstore | undefined): Promise<Sigstore | undefined> {
  const id = `${plan.name}@${plan.version}`;
  const mode = plan.provenance?.mode ?? 'off';
  if (mode === 'on') {
    context.logger.info(`Provenance: signing a statement for ${id} with this job's OIDC identity (${plan.provenance?.from}).`);
    return sigstore ?? {};
  }
  if (mode === 'off' || trusted === undefined) return undefined;
  const decided = plan.access === 'restricted' ? { on: false, reason: 'restricted access' } : await trusted.provenanceByDefault(built.manifest);
  const toRequire = `Set ${plan.provenance?.from ?? 'provenance'} to true to require it.`;
  if (decided.on) context.logger.info(`Provenance: on for ${id}, as npm turns it on for a trusted publish (${decided.reason}).`);
  else if (decided.warning) context.logger.warning(`Provenance: off for ${id}: ${decided.reason}. ${toRequire}`);
  else context.logger.info(`Provenance: off for ${id} (${decided.reason}); npm would not sign one either. ${toRequire}`);
  return decided.on ? (sigstore ?? {}) : undefined;
}

/**
 * The manifest npm publishes for a folder: package.json fixed and prepared by
 * @npmcli/package-json (`_id`, readme, bin and man paths, gitHead...), as
 * `npm publish` does it; for a workspace package whose ranges were resolved,
 * the same steps over the text that is packed in place of the file.
 */
export async function readPublishManifest(dir: string, manifestText: string | undefined): Promise<Record<string, unknown>> {
  if (manifestText === undefined) {
    const pkg = await PackageJson.fix(dir, { changes: [] });
    return (await pkg.prepare()).content;
  }
  const pkg = new PackageJson().create(dir).fromJSON(manifestText);
  await pkg.fix({ changes: [] });
  return (await pkg.prepare()).content;
}

/** The version is in the registry: with the same contents, or other ones. */
async function compare(client: RegistryClient, packument: Packument, version: string, built: Built): Promise<'identical' | 'different'> {
  const published = packument.versions?.[version];
  if (published?.dist?.integrity === built.integrity) return 'identical';
  // Same files can gzip to other bytes on another Node/zlib build: compare what is inside.
  const url = published?.dist?.tarball;
  if (!url) return 'different';
  return (await sameContents(await client.getBuffer(url), built.data)) ? 'identical' : 'different';
}

/**
 * The version is there with the same contents. A tag that was asked for
 * (not the implicit `latest`) and does not point at it yet is set, so a
 * re-run with a corrected tag does what it says.
 */
async function ensureTag(context: CommandContext, plan: PublishPlan, packument: Packument): Promise<CommandOutcome> {
  const id = `${plan.name}@${plan.version}`;
  const current = packument['dist-tags']?.[plan.tag];
  if (plan.tagImplicit || current === plan.version) {
    context.logger.info(`${id} is already in the registry with identical contents: nothing to publish.`);
    return { status: 'unchanged', detail: `${id} was already published with identical contents` };
  }
  const was = current === undefined ? '' : ` (was ${current})`;
  if (plan.dryRun) return { status: 'dry-run', detail: `dry run: ${id} is already published; ${plan.tag} would point at it${was}` };
  context.logger.info(`${id} is already in the registry with identical contents, but not under "${plan.tag}": setting the tag.`);
  await otpWrite(context, `dist-tag add ${id} ${plan.tag}`, 'dist-tag', (write) => setDistTag(context.client, plan.name, plan.tag, plan.version, write));
  return { status: 'tagged', detail: `${id} was already published with identical contents; ${plan.tag} now points at it${was}` };
}

/**
 * One upload, through the OTP wrapper; `confirmed` when its answer was lost and reading back showed it landed (with trusted publishing, under the
 * short-lived token and without a code). After a failure that may hide a
 * success (no answer, a timeout, 5xx, 408, a 403/409 "already published"),
 * the packument is read back before deciding, and the upload is retried,
 * with backoff on the injected clock, only when the version is certainly
 * absent and the failure was transient. npm-registry-fetch never retries the
 * PUT itself (see RegistryClient).
 */
async function upload(
  context: CommandContext,
  plan: PublishPlan,
  built: Built,
  oidcClient: RegistryClient | undefined,
  provenance: Sigstore | undefined,
  receipt: Uploaded,
): Promise<'published' | 'confirmed' | 'unchanged'> {
  const id = `${plan.name}@${plan.version}`;
  const uploader = oidcClient ?? context.client;
  const otp = oidcClient ? { ...context.otp, source: undefined } : context.otp;
  const { logger } = context;
  for (let uploads = 1; ; uploads += 1) {
    try {
      const answer = await withOtp(
        otp,
        {
          label: `publish ${id}`,
          bodyBytes: uploadBytes(built.data.length),
          npmCommand: 'publish',
          send: (code) => {
            context.writes += 1;
            return uploadVersion(uploader, built.manifest, built.data, { tag: plan.tag, access: plan.access, provenance }, { otp: code, session: context.session, command: 'publish' });
          },
        },
        context.tally,
      );
      if (answer.transparencyLogUrl) {
        receipt.transparencyLogUrl = answer.transparencyLogUrl;
        logger.info(`Provenance statement for ${id} published to the transparency log: ${answer.transparencyLogUrl}`);
      }
      if (uploads > 1) logger.info(`${id} published on attempt ${uploads}.`);
      return 'published';
    } catch (error) {
      const kind = classify(error);
      if (kind === 'refused' || kind === 'not-sent') throw error instanceof ProductError ? error : new PublishFailedError(id, failureReason(error), error, kind);
      logger.warning(`The publish of ${id} ended without a clear answer (${describeReason(error)}); reading the registry back before anything else.`);
      const after = await readPackument(context.client, plan.name, { write: true }).catch((readError: unknown) => {
        throw new PublishUnconfirmedError(id, describeReason(error), describeReason(readError), error);
      });
      const state = after?.versions?.[plan.version] ? await compare(context.client, after, plan.version, built) : 'absent';
      if (state === 'identical' && uploads === 1 && kind === 'unclear') {
        // Refused as "already published" on our only upload: it was there before this run (a stale read, a race).
        logger.info(`${id} was already in the registry with identical contents (the registry refused to publish over it): nothing was published by this run.`);
        return 'unchanged';
      }
      if (state === 'identical') {
        logger.info(`${id} is in the registry with our contents: the publish did succeed.`);
        return 'confirmed';
      }
      if (state === 'different') throw new PublishConflictError(id);
      if (uploads > MAX_UPLOAD_RETRIES || kind !== 'transient') throw new PublishFailedError(id, describeReason(error), error, 'absent', uploads);
      const backoffMs = 1000 * 2 ** (uploads - 1);
      logger.info(`${id} is not in the registry; retrying the publish in ${backoffMs / 1000} s (retry ${uploads}/${MAX_UPLOAD_RETRIES}).`);
      await context.otp.clock.sleep(backoffMs);
      context.tally.waitedMs += backoffMs;
    }
  }
}

/** Failures of sigstore while signing a provenance statement, before the upload is sent (@sigstore/sign's InternalError codes). */
const SIGSTORE_CODES = new Set(['CA_CREATE_SIGNING_CERTIFICATE_ERROR', 'TLOG_CREATE_ENTRY_ERROR', 'TLOG_FETCH_ENTRY_ERROR', 'TSA_CREATE_TIMESTAMP_ERROR', 'IDENTITY_TOKEN_READ_ERROR', 'IDENTITY_TOKEN_PARSE_ERROR']);

/** Refusals by libnpmpublish itself, and sigstore's failures, before anything is sent. */
const LOCAL_CODES = new Set(['EPRIVATE', 'EUNSCOPED', 'EBADSEMVER', 'EPACKAGEEXTENSIONS', 'EUSAGE', ...SIGSTORE_CODES]);

/** Why an upload failed before anything was sent (libnpmpublish's own refusals, sigstore's failures while signing), in words; undefined for any other failure. */
export function unsentReason(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && LOCAL_CODES.has(code) ? failureReason(error) : undefined;
}

/** Why an upload failed, in words; for sigstore, what it was doing and what its service answered. */
function failureReason(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (typeof code !== 'string' || !SIGSTORE_CODES.has(code)) return describeReason(error);
  return `signing the provenance statement failed (${describeReason(error)}${cause === undefined ? '' : `: ${describeReason(cause)}`})`;
}

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
