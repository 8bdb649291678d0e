import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeReason } from '../foundation/describe-error.ts';
import { ProductError } from '../foundation/errors.ts';
import { connectionFailure, statusOf } from '../foundation/http-errors.ts';
import { withOtp } from '../otp/with-otp.ts';
import { installFieldDifferences, INSTALL_FIELDS } from '../package/published-fields.ts';
import { readTarballManifest } from '../package/read-tarball.ts';
import { type LifecycleEvent, runScript } from '../package/scripts.ts';
import { sameContents } from '../package/tarball.ts';
import type { RegistryClient } from '../registry/client.ts';
import { readPackument } from '../registry/packument.ts';
import { approveStaged, downloadStaged, listStaged, rejectStaged, type StagedEntry, stageVersion, viewStaged } from '../registry/stage.ts';
import { type CommandContext, type CommandOutcome, otpWrite } from './context.ts';
import { afterUpload, dryRunProvenance, loadPacker, NoTokenError, provenanceFor, type PublishDeps, readPublishManifest, unsentReason } from './publish.ts';
import { manifestMismatch, stagedFieldsProblem, uncomparable } from './stage-checks.ts';
import type { Checkout, PublishPlan, StageTarget, UncomparableCheckout } from './types.ts';

/**
 * `npm stage` (npm CLI 11.15+): a version is uploaded to the registry's
 * staging area with no one-time password (`stage publish`), then published
 * by `stage approve` or deleted by `stage reject`, which registry.npmjs.org
 * guards with 2FA. `stage list|view|download` read with the token alone.
 */

const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');

/** A staging failure that left nothing staged, or whose outcome could not be read back. */
export class StageFailedError extends ProductError {
  constructor(id: string, reason: string, after: string, cause: unknown) {
    super('ESTAGE', `Staging ${id} failed: ${reason}. ${after}`, { received: id, cause });
  }
}

/** The version is staged already with other contents: it cannot be replaced. */
function stagedConflict(id: string, entry: StagedEntry, shasum: string): ProductError {
  return new ProductError(
    'ESTAGECONFLICT',
    `${id} is already staged (id ${entry.id}) with other contents: staged shasum ${entry.shasum}, this checkout packs to ${shasum}. ` +
      `A staged version cannot be replaced: reject it (stage reject ${entry.id}) and stage again, or bump the version.`,
    { received: id },
  );
}

/**
 * The upload of `stage publish`, once the version is packed (called by
 * executePublish instead of the publish upload). Skipped when the version is
 * published already with the same contents, or staged already with the same
 * tarball (its shasum); refused when staged with another one. The upload goes
 * through the OTP wrapper without a source: npm sends no code ("2FA is
 * deferred to approve/reject"). With trusted publishing the short-lived token
 * stages it (the trusted publisher needs `--allow-stage-publish`). Provenance
 * goes as for a publish (provenanceFor): the staged body carries the signed
 * statement, and the row its transparency log entry. An upload
 * whose answer is unclear is read back from the staging area, never re-sent.
 */
export async function stageBuilt(
  context: CommandContext,
  plan: PublishPlan,
  built: { data: Buffer; manifest: Record<string, unknown> },
  published: boolean,
  deps: PublishDeps,
  scriptsAfter: () => Promise<void>,
): Promise<CommandOutcome> {
  const id = `${plan.name}@${plan.version}`;
  if (published) {
    context.logger.info(`${id} is already published with identical contents: nothing to stage.`);
    return { status: 'unchanged', detail: `${id} was already published with identical contents: nothing to stage` };
  }
  const shasum = sha1(built.data);
  if (plan.dryRun) {
    const staged = await listStaged(context.client, plan.name).catch(() => undefined);
    const found = staged?.find((entry) => entry.version === plan.version);
    if (found && found.shasum !== shasum) throw stagedConflict(id, found, shasum);
    if (found) return { status: 'unchanged', stageId: found.id, detail: `${id} was already staged with the same tarball (id ${found.id})` };
    return { status: 'dry-run', detail: `dry run: ${id} would be staged with tag ${plan.tag}${staged ? '' : ' (the staging area could not be read)'}${dryRunProvenance(plan)}` };
  }
  const trusted = deps.trustedPublishing ? await deps.trustedPublishing(plan.name) : undefined;
  const oidcClient = trusted?.client;
  if (!oidcClient && deps.hasToken === false) throw new NoTokenError(id);
  const client = oidcClient ?? context.client;
  const before = (await listStaged(client, plan.name)).find((entry) => entry.version === plan.version);
  if (before && before.shasum !== shasum) throw stagedConflict(id, before, shasum);
  if (before) {
    context.logger.info(`${id} is already staged with the same tarball (id ${before.id}): nothing to stage.`);
    return { status: 'unchanged', stageId: before.id, detail: `${id} was already staged with the same tarball (id ${before.id})` };
  }

  context.logger.info(`Staging ${id} with tag "${plan.tag}" on ${context.client.registry}${oidcClient ? ' by trusted publishing' : ''}; no one-time password is sent (approving it asks for one).`);
  // Signed as for a publish (npm's stage publish is its publish with another destination): the staged body carries the statement.
  const provenance = await provenanceFor(context, plan, built, trusted, deps.sigstore);
  let stageId: string;
  let transparencyLogUrl: string | undefined;
  try {
    // No code, as npm sends none; through the one wrapper all the same (without a source it sends no code).
    ({ stageId, transparencyLogUrl } = await withOtp(
      { ...context.otp, source: undefined },
      {
        label: `stage publish ${id}`,
        npmCommand: 'stage',
        send: (otp) => {
          context.writes += 1;
          return stageVersion(client, built.manifest, built.data, { tag: plan.tag, access: plan.access, provenance }, { otp, session: context.session, command: 'stage' });
        },
      },
      context.tally,
    ));
    if (transparencyLogUrl) context.logger.info(`Provenance statement for ${id} published to the transparency log: ${transparencyLogUrl}`);
  } catch (error) {
    if (error instanceof ProductError) throw error;
    const unsent = unsentReason(error);
    if (unsent !== undefined) throw new StageFailedError(id, unsent, `Nothing was sent to the registry: ${id} was not staged.`, error);
    const status = statusOf(error);
    const unclear = status === 409 || status === 408 || (status !== undefined && status >= 500) || connectionFailure(error) === 'lost' || (status === undefined && (error as { type?: unknown })?.type === 'system');
    if (!unclear) throw new StageFailedError(id, describeReason(error), `The registry refused it: ${id} was not staged.`, error);
    context.logger.warning(`Staging ${id} ended without a clear answer (${describeReason(error)}); reading the staging area back.`);
    const after = await listStaged(client, plan.name).catch((readError: unknown) => {
      throw new StageFailedError(id, describeReason(error), `Reading the staging area back failed too (${describeReason(readError)}): ${id} may or may not be staged; run the step again, it reads first.`, error);
    });
    const found = after.find((entry) => entry.version === plan.version);
    if (!found) throw new StageFailedError(id, describeReason(error), `${id} is NOT staged (read back after the failure); running the step again is safe.`, error);
    if (found.shasum !== shasum) throw stagedConflict(id, found, shasum);
    if (status === 409) return { status: 'unchanged', stageId: found.id, detail: `${id} was already staged with the same tarball (id ${found.id})` };
    stageId = found.id;
  }
  const after = await afterUpload(id, 'staged', scriptsAfter);
  const signed = provenance ? `, with provenance${transparencyLogUrl ? ` (transparency log: ${transparencyLogUrl})` : ''}` : '';
  return {
    status: 'staged',
    stageId,
    detail: `staged ${id} (shasum ${shasum}) with tag ${plan.tag} as ${stageId}${oidcClient ? ' by trusted publishing' : ''}${signed}; stage approve ${stageId} publishes it${after.detail}`,
    ...(transparencyLogUrl ? { transparencyLogUrl } : {}),
    ...(after.failure === undefined ? {} : { failure: after.failure }),
  };
}

/** A staged entry in a few words. */
function describeEntry(entry: StagedEntry): string {
  const by = entry.actor ? `, staged by ${entry.actor}${entry.actorType ? ` (${entry.actorType})` : ''}` : '';
  return `${entry.packageName}@${entry.version} (id ${entry.id}, tag ${entry.tag}, ${entry.status ?? 'staged'}, shasum ${entry.shasum}${by}${entry.createdAt ? ` at ${entry.createdAt}` : ''})`;
}

/** `stage list [<pkg>]`: no code; the entries go to `data`. */
export async function stageList(context: CommandContext, pkg: string | undefined): Promise<CommandOutcome> {
  const items = await listStaged(context.client, pkg);
  const what = pkg === undefined ? 'staged versions' : `staged versions of ${pkg}`;
  return { status: 'read', data: items, detail: items.length === 0 ? `no ${what}` : `${items.length} ${what}: ${items.map(describeEntry).join('; ')}` };
}

/** `stage view <id>`: no code. */
export async function stageView(context: CommandContext, id: string): Promise<CommandOutcome> {
  const entry = await viewStaged(context.client, id);
  if (!entry) throw noStagedId(id, context.client.registry);
  return { status: 'read', stageId: entry.id, data: entry, detail: describeEntry(entry) };
}

/** `stage download <id>`: the tarball as `<name>-<version>-<id>.tgz` in `dir` (npm's file name), with no code. */
export async function stageDownload(context: CommandContext, id: string, dir: string): Promise<CommandOutcome> {
  let data: Buffer;
  try {
    data = await downloadStaged(context.client, id);
  } catch (error) {
    if (statusOf(error) === 404) throw noStagedId(id, context.client.registry);
    throw error;
  }
  const manifest = await readTarballManifest(data);
  const name = String(manifest.name);
  const version = String(manifest.version);
  const file = path.join(dir, `${name.replace('@', '').replace('/', '-')}-${version}-${id}.tgz`);
  await mkdir(dir, { recursive: true });
  await writeFile(file, data);
  const shasum = sha1(data);
  return { status: 'read', stageId: id, data: { file, name, version, shasum, size: data.length }, detail: `downloaded ${name}@${version} (staged as ${id}, shasum ${shasum}, ${data.length} bytes) to ${file}` };
}

function noStagedId(id: string, registry: string): ProductError {
  return new ProductError('ENOSTAGED', `No staged version has the id ${id} on ${registry} (approved or rejected already, or not visible to this token).`, { received: id });
}

/** What is staged for a target, what the registry has published of it, read without a code. */
async function resolveTarget(client: RegistryClient, target: StageTarget): Promise<{ entry: StagedEntry | undefined; published: boolean; label: string }> {
  if ('id' in target) {
    const entry = await viewStaged(client, target.id);
    return { entry, published: false, label: entry ? `${entry.packageName}@${entry.version}` : target.id };
  }
  const label = `${target.name}@${target.version}`;
  const packument = await readPackument(client, target.name, { write: true });
  if (packument?.versions?.[target.version]) return { entry: undefined, published: true, label };
  const entry = (await listStaged(client, target.name)).find((item) => item.version === target.version);
  return { entry, published: false, label };
}

function notStaged(target: StageTarget, label: string, registry: string): ProductError {
  if ('id' in target) {
    return new ProductError(
      'ENOSTAGED',
      `No staged version has the id ${target.id} on ${registry}: approved or rejected already, or not visible to this token. ` +
        'An id says nothing once it is gone: approve by <pkg>@<version> to make the step safe to run again.',
      { received: target.id },
    );
  }
  return new ProductError('ENOSTAGED', `${label} is neither staged nor published on ${registry}: stage it first (stage publish).`, { received: label });
}

/**
 * The check before anything runs, for `stage approve`: each target is staged,
 * or (by name and version) published already, and is not the name and
 * version of a checkout that cannot be packed to compare with. Nothing is
 * approved when one fails.
 */
export async function preflightApprove(client: RegistryClient, target: StageTarget, checkout?: Checkout | UncomparableCheckout): Promise<void> {
  const { entry, published, label } = await resolveTarget(client, target);
  if (!entry && !published) throw notStaged(target, label, client.registry);
  if (entry && checkout && 'problem' in checkout && holds(checkout, entry)) throw uncomparable(checkout);
}

/** True when the checkout is the staged entry's name and version. */
function holds(checkout: { name: string; version: string }, entry: StagedEntry): boolean {
  return checkout.name === entry.packageName && checkout.version === entry.version;
}

/**
 * `stage approve <id|pkg@version>`: publishes a staged version (a 2FA write).
 * Skipped when `<pkg>@<version>` is published already. When the checkout
 * holds that name and version, what the stage API shows is checked first
 * (the tag and access the checkout chooses, if it chooses them), then the
 * checkout is packed as `stage publish` packed it (the packing scripts
 * included), and an entry whose tarball differs (by shasum, then by the
 * files inside, since gzip bytes can differ across zlib builds) is refused:
 * a workflow never approves what it did not build. The stage API does not
 * show the version document the registry will serve; it is read back right
 * after the approval, and one whose install fields (dependencies, bin,
 * scripts, engines, os, cpu...) are not the checkout's fails the step
 * (EMANIFESTMISMATCH), saying what to do.
 */
export async function stageApprove(context: CommandContext, target: StageTarget, dryRun: boolean, checkout: Checkout | UncomparableCheckout | undefined, deps: PublishDeps): Promise<CommandOutcome> {
  const { client } = context;
  const { entry, published, label } = await resolveTarget(client, target);
  if (published) return { status: 'unchanged', detail: `${label} is already published: nothing to approve` };
  if (!entry) throw notStaged(target, label, client.registry);
  const { note: compared, manifest } = await compareWithCheckout(context, entry, checkout, deps);
  if (context.dryRun || dryRun) return { status: 'dry-run', stageId: entry.id, detail: `would approve ${entry.id}, publishing ${label} with tag ${entry.tag}${compared}` };
  try {
    await otpWrite(context, `stage approve ${entry.id} (${label})`, 'stage', (write) => approveStaged(client, entry.id, write));
  } catch (error) {
    if (error instanceof ProductError) throw error;
    // The answer may have been lost after the approval landed (the entry is then gone): the packument says.
    const after = await readPackument(client, entry.packageName, { write: true }).catch(() => undefined);
    if (!after?.versions?.[entry.version]) throw error;
    context.logger.info(`${label} is in the registry: the approval of ${entry.id} did land.`);
  }
  const checked = manifest === undefined ? '' : await checkPublishedDocument(context, entry, manifest);
  return { status: 'done', stageId: entry.id, detail: `approved ${entry.id}: ${label} is published with tag ${entry.tag}${compared}${checked}` };
}

/**
 * Right after an approval: the version document the registry now serves,
 * compared with the manifest the checkout would publish. A difference in
 * what installing it does throws EMANIFESTMISMATCH; a read that fails is
 * said, not guessed.
 */
async function checkPublishedDocument(context: CommandContext, entry: StagedEntry, manifest: Record<string, unknown>): Promise<string> {
  const label = `${entry.packageName}@${entry.version}`;
  let document: Record<string, unknown> | undefined;
  // A registry may list the version a moment after the approval: read again after 2 and 4 s before giving up.
  for (let read = 0; document === undefined && read < 3; read += 1) {
    if (read > 0) await context.otp.clock.sleep(1000 * 2 ** read);
    try {
      document = (await readPackument(context.client, entry.packageName, { write: true }))?.versions?.[entry.version] as Record<string, unknown> | undefined;
    } catch (error) {
      context.logger.warning(`${label} is published, but reading its version document back failed (${describeReason(error)}): compare its ${INSTALL_FIELDS.join(', ')} with the checkout's package.json by hand.`);
      return '; its version document could not be read back to compare';
    }
  }
  if (document === undefined) {
    context.logger.warning(`${label} is approved, but the registry does not list it yet: compare its ${INSTALL_FIELDS.join(', ')} with the checkout's package.json once it does.`);
    return '; its version document was not listed yet, so it was not compared';
  }
  const differences = installFieldDifferences(manifest, document);
  if (differences.length > 0) throw manifestMismatch(label, entry.id, differences);
  context.logger.info(`${label}: the version document the registry serves matches the checkout (${INSTALL_FIELDS.join(', ')}).`);
  return '; the published version document matches the checkout';
}

/**
 * `stage reject <id|pkg@version>`: deletes a staged version (a 2FA write).
 * Skipped when nothing is staged under that id or name and version.
 */
export async function stageReject(context: CommandContext, target: StageTarget, dryRun: boolean): Promise<CommandOutcome> {
  const { client } = context;
  const { entry, published, label } = await resolveTarget(client, target);
  if (!entry) return { status: 'unchanged', detail: `nothing is staged as ${label}${published ? ` (${label} is published: stage reject cannot remove it)` : ''}` };
  if (context.dryRun || dryRun) return { status: 'dry-run', stageId: entry.id, detail: `would reject ${entry.id} (${describeEntry(entry)})` };
  try {
    await otpWrite(context, `stage reject ${entry.id} (${label})`, 'stage', (write) => rejectStaged(client, entry.id, write));
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    return { status: 'unchanged', stageId: entry.id, detail: `${entry.id} (${label}) was gone before it could be rejected` };
  }
  return { status: 'done', stageId: entry.id, detail: `rejected ${entry.id}: ${label} is no longer staged` };
}

/**
 * A note for the outcome, and the manifest the checkout would publish, when
 * the checkout holds the staged name and version, chooses its tag and access
 * (if it does) and packs to the same files; throws when any differs, or when
 * the checkout holds that version but cannot be packed.
 */
async function compareWithCheckout(context: CommandContext, entry: StagedEntry, checkout: Checkout | UncomparableCheckout | undefined, deps: PublishDeps): Promise<{ note: string; manifest?: Record<string, unknown> }> {
  const label = `${entry.packageName}@${entry.version}`;
  if (checkout && 'problem' in checkout && holds(checkout, entry)) throw uncomparable(checkout);
  if (!checkout || 'problem' in checkout || !holds(checkout, entry)) {
    context.logger.info(`${label}: the checkout does not hold this version, so the staged tarball is approved without comparing it to a build.`);
    return { note: ' (not compared: the checkout does not hold this version)' };
  }
  const fields = stagedFieldsProblem(entry, checkout);
  if (fields) throw fields;
  const { data, manifest } = await packCheckout(context, checkout, deps);
  const shasum = sha1(data);
  if (shasum === entry.shasum) {
    context.logger.info(`${label}: the checkout packs to the staged tarball (shasum ${shasum}).`);
    return { note: `; the checkout packs to the same tarball (shasum ${shasum})`, manifest };
  }
  const staged = await downloadStaged(context.client, entry.id);
  if (sha1(staged) === entry.shasum && (await sameContents(staged, data))) {
    context.logger.info(`${label}: the checkout packs to the same files as the staged tarball (the gzip bytes differ, as across zlib builds).`);
    return { note: '; the checkout packs to the same files (the gzip bytes differ)', manifest };
  }
  throw new ProductError(
    'ESTAGEMISMATCH',
    `${label} staged as ${entry.id} is not what this checkout packs to (staged shasum ${entry.shasum}, the checkout ${shasum}, and the files differ). ` +
      `Nothing was approved. Approve from the commit that staged it, or reject it (stage reject ${entry.id}) if it is not yours.`,
    { received: label },
  );
}

/**
 * The checkout packed as `stage publish` packs it: the packing scripts (not
 * prepublishOnly, publish or postpublish), then the tarball, and the
 * manifest it would publish, read as npm prepares it.
 */
async function packCheckout(context: CommandContext, checkout: Checkout, deps: PublishDeps): Promise<{ data: Buffer; manifest: Record<string, unknown> }> {
  const { source } = checkout;
  if (source.kind === 'tarball') return { data: source.data, manifest: source.manifest };
  const script = (event: LifecycleEvent) =>
    checkout.scripts.includes(event) ? runScript({ dir: source.dir, manifest: source.manifest, event, env: deps.scriptEnv, logger: context.logger }) : Promise.resolve();
  await script('prepack');
  await script('prepare');
  const manifest = await readPublishManifest(source.dir, source.manifestText);
  const { packDirectory, sourcePackOptions } = await loadPacker();
  // As stage publish packed it (readAndPack in publish.ts): a pnpm workspace's packing rules included.
  const packed = await packDirectory(source.dir, sourcePackOptions(source));
  await script('postpack');
  return { data: packed.data, manifest };
}
