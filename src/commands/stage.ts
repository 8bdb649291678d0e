import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeReason } from '../foundation/describe-error.ts';
import { ProductError } from '../foundation/errors.ts';
import { errorHeader, statusOf } from '../foundation/http-errors.ts';
import semver from 'semver';
import { arity, flagValue, type Line, safeNpa, UUID, WORKSPACE_FLAGS, workspaceScope } from '../grammar/line.ts';
import { packageNameProblem } from '../grammar/validate.ts';
import { installFieldDifferences, INSTALL_FIELDS } from '../package/published-fields.ts';
import { readTarballManifest } from '../package/read-tarball.ts';
import { type LifecycleEvent, runScript } from '../package/scripts.ts';
import { sameContents, shasumOf } from '../package/tarball.ts';
import { type StageDecision, uncomparable } from '../plan/trust-stage-plan.ts';
import type { Checkout, StageTarget, UncomparableCheckout } from '../plan/types.ts';
import type { RegistryClient } from '../registry/client.ts';
import { readPackument } from '../registry/packument.ts';
import { approveStaged, downloadStaged, listStaged, rejectStaged, type StagedEntry, viewStaged } from '../registry/stage.ts';
import { type Command, type CommandContext, type CommandOutcome, oneStep, otpWrite, type StepEnv } from './command.ts';
import { manifestMismatch, stagedFieldsProblem } from './stage-checks.ts';
import { describeEntry, readAndPack } from './upload.ts';

/**
 * `npm stage` (npm CLI 11.15+) but `stage publish` (publish.ts): a staged version is published by `stage
 * approve` or deleted by `stage reject`, which registry.npmjs.org guards with 2FA; `stage list|view|download`
 * read with the token alone.
 */

/** `stage list [<pkg>]`: no code; the entries go to `data`. */
async function stageList(context: CommandContext, pkg: string | undefined): Promise<CommandOutcome> {
  const items = await listStaged(context.client, pkg);
  const what = pkg === undefined ? 'staged versions' : `staged versions of ${pkg}`;
  return { status: 'read', data: items, detail: items.length === 0 ? `no ${what}` : `${items.length} ${what}: ${items.map(describeEntry).join('; ')}` };
}

/** `stage view <id>`: no code. */
async function stageView(context: CommandContext, id: string): Promise<CommandOutcome> {
  const entry = await viewStaged(context.client, id);
  if (!entry) throw noStagedId(id, context.client.registry);
  return { status: 'read', stageId: entry.id, data: entry, detail: describeEntry(entry) };
}

/** `stage download <id>`: the tarball as `<name>-<version>-<id>.tgz` in `dir` (npm's file name), with no code. */
async function stageDownload(context: CommandContext, id: string, dir: string): Promise<CommandOutcome> {
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
  const shasum = shasumOf(data);
  return {
    status: 'read',
    stageId: id,
    data: { file, name, version, shasum, size: data.length },
    detail: `downloaded ${name}@${version} (staged as ${id}, shasum ${shasum}, ${data.length} bytes) to ${file}`,
  };
}

function noStagedId(id: string, registry: string): ProductError {
  return new ProductError('ENOSTAGED', `No staged version has the id ${id} on ${registry} (approved or rejected already, or not visible to this token).`, {
    received: id,
  });
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
async function preflightApprove(client: RegistryClient, target: StageTarget, checkout?: Checkout | UncomparableCheckout): Promise<void> {
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
 * (EMANIFESTMISMATCH), saying what to do. A version the registry still
 * validates (listed `validating`, or an approval answered 409) is waited
 * for, within a bound (ValidationWait), and approved once it is `staged`.
 */
async function stageApprove(
  context: CommandContext,
  target: StageTarget,
  dryRun: boolean,
  checkout: Checkout | UncomparableCheckout | undefined,
  env: StepEnv,
): Promise<CommandOutcome> {
  const { client } = context;
  const validation = new ValidationWait(context);
  let compared: { note: string; manifest?: Record<string, unknown> } | undefined;
  for (;;) {
    const { entry, published, label } = await resolveTarget(client, target);
    if (published) return { status: 'unchanged', detail: `${label} is already published: nothing to approve` };
    if (!entry) throw notStaged(target, label, client.registry);
    if (entry.status === 'validating') {
      // No write yet, so no code or approval is spent on an entry the registry would refuse (409).
      await validation.wait(entry, 'its status is validating');
      continue;
    }
    compared ??= await compareWithCheckout(context, entry, checkout, env);
    const { note, manifest } = compared;
    if (context.dryRun || dryRun)
      return { status: 'dry-run', stageId: entry.id, detail: `would approve ${entry.id}, publishing ${label} with tag ${entry.tag}${note}` };
    try {
      await otpWrite(context, `stage approve ${entry.id} (${label})`, 'stage', (npmHeaders) => approveStaged(client, entry.id, npmHeaders));
    } catch (error) {
      if (error instanceof ProductError) throw error;
      if (statusOf(error) === 409) {
        // Still validating after all (it was listed as staged a moment ago): wait, read it again, approve again.
        await validation.wait(entry, `the registry answered the approval 409 (${describeReason(error)})`, retryAfterMs(error));
        continue;
      }
      // The answer may have been lost after the approval landed (the entry is then gone): the packument says.
      const after = await readPackument(client, entry.packageName, { write: true }).catch(() => undefined);
      if (!after?.versions?.[entry.version]) throw error;
      context.logger.info(`${label} is in the registry: the approval of ${entry.id} did land.`);
    }
    const checked = manifest === undefined ? '' : await checkPublishedDocument(context, entry, manifest);
    return { status: 'done', stageId: entry.id, detail: `approved ${entry.id}: ${label} is published with tag ${entry.tag}${note}${checked}` };
  }
}

/** The longest a `stage approve` waits, in all, for the registry to finish validating a staged version. */
export const MAX_VALIDATION_WAIT_MS = 10 * 60 * 1000;

/**
 * Waits for a staged version the registry still validates (npmjs lists it as `validating` and answers an
 * approval 409 until it is `staged`): 1, 2, 4, 8, 16 s, then every 30 s (or what a `Retry-After` asks, within
 * that), on the injected clock, each wait logged; ESTAGEVALIDATING once MAX_VALIDATION_WAIT_MS would pass.
 */
class ValidationWait {
  readonly #context: CommandContext;
  #waits = 0;
  #waitedMs = 0;

  constructor(context: CommandContext) {
    this.#context = context;
  }

  async wait(entry: StagedEntry, why: string, retryAfter?: number): Promise<void> {
    const label = `${entry.packageName}@${entry.version}`;
    const planned = Math.min(30_000, 1000 * 2 ** this.#waits);
    const ms = retryAfter === undefined ? planned : Math.min(30_000, Math.max(1000, retryAfter));
    if (this.#waitedMs + ms > MAX_VALIDATION_WAIT_MS) {
      throw new ProductError(
        'ESTAGEVALIDATING',
        `${label} (staged as ${entry.id}) was still being validated by the registry after ${Math.round(this.#waitedMs / 1000)} s of waiting (${why}); nothing was approved. ` +
          `Run the approval again later (stage approve ${label}): the registry validates a staged version before it can be approved.`,
        { received: label },
      );
    }
    this.#context.logger.info(
      `${label} (staged as ${entry.id}) is still being validated by the registry (${why}); waiting ${ms / 1000} s before approving it (waited ${Math.round(this.#waitedMs / 1000)} s of at most ${MAX_VALIDATION_WAIT_MS / 60_000} min).`,
    );
    await this.#context.otp.clock.sleep(ms);
    this.#waits += 1;
    this.#waitedMs += ms;
    this.#context.tally.waitedMs += ms;
  }
}

/** A `Retry-After` in ms (delta-seconds only), or undefined. */
function retryAfterMs(error: unknown): number | undefined {
  const header = errorHeader(error, 'retry-after')?.trim();
  return header !== undefined && /^\d+$/.test(header) ? Number(header) * 1000 : undefined;
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
      context.logger.warning(
        `${label} is published, but reading its version document back failed (${describeReason(error)}): compare its ${INSTALL_FIELDS.join(', ')} with the checkout's package.json by hand.`,
      );
      return '; its version document could not be read back to compare';
    }
  }
  if (document === undefined) {
    context.logger.warning(
      `${label} is approved, but the registry does not list it yet: compare its ${INSTALL_FIELDS.join(', ')} with the checkout's package.json once it does.`,
    );
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
async function stageReject(context: CommandContext, target: StageTarget, dryRun: boolean): Promise<CommandOutcome> {
  const { client } = context;
  const { entry, published, label } = await resolveTarget(client, target);
  if (!entry)
    return { status: 'unchanged', detail: `nothing is staged as ${label}${published ? ` (${label} is published: stage reject cannot remove it)` : ''}` };
  if (context.dryRun || dryRun) return { status: 'dry-run', stageId: entry.id, detail: `would reject ${entry.id} (${describeEntry(entry)})` };
  try {
    await otpWrite(context, `stage reject ${entry.id} (${label})`, 'stage', (npmHeaders) => rejectStaged(client, entry.id, npmHeaders));
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
async function compareWithCheckout(
  context: CommandContext,
  entry: StagedEntry,
  checkout: Checkout | UncomparableCheckout | undefined,
  env: StepEnv,
): Promise<{ note: string; manifest?: Record<string, unknown> }> {
  const label = `${entry.packageName}@${entry.version}`;
  if (checkout && 'problem' in checkout && holds(checkout, entry)) throw uncomparable(checkout);
  if (!checkout || 'problem' in checkout || !holds(checkout, entry)) {
    context.logger.info(`${label}: the checkout does not hold this version, so the staged tarball is approved without comparing it to a build.`);
    return { note: ' (not compared: the checkout does not hold this version)' };
  }
  const fields = stagedFieldsProblem(entry, checkout);
  if (fields) throw fields;
  const { data, manifest } = await packCheckout(context, checkout, env);
  const shasum = shasumOf(data);
  if (shasum === entry.shasum) {
    context.logger.info(`${label}: the checkout packs to the staged tarball (shasum ${shasum}).`);
    return { note: `; the checkout packs to the same tarball (shasum ${shasum})`, manifest };
  }
  const staged = await downloadStaged(context.client, entry.id);
  if (shasumOf(staged) === entry.shasum && (await sameContents(staged, data))) {
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
async function packCheckout(context: CommandContext, checkout: Checkout, env: StepEnv): Promise<{ data: Buffer; manifest: Record<string, unknown> }> {
  const { source } = checkout;
  if (source.kind === 'tarball') return { data: source.data, manifest: source.manifest };
  const script = (event: LifecycleEvent) =>
    checkout.scripts.includes(event)
      ? runScript({ dir: source.dir, manifest: source.manifest, event, env: env.scriptEnv, logger: context.logger })
      : Promise.resolve();
  await script('prepack');
  await script('prepare');
  // As stage publish packed it: a pnpm workspace's packing rules included.
  const { manifest, packed } = await readAndPack(source, checkout);
  await script('postpack');
  return { data: packed.data, manifest };
}

/** `stage list [<pkg>]`. */
export const stageListCommand: Command<{ pkg: string | undefined }> = {
  words: ['stage', 'list'],
  usage: ['stage list [<pkg>]'],
  summary: 'list staged versions (of a package, or all the token may see)',
  flags: [],
  reads: true,
  byOidc: true,
  auth: 'none',
  parse(line) {
    arity(line, 0, 1, 'stage list [<pkg>]');
    const pkg = line.args[0];
    if (pkg !== undefined) {
      const problem = packageNameProblem(pkg);
      if (problem) throw line.fail(`${problem}; stage list takes a package name without a version`);
    }
    return { pkg };
  },
  plan: ({ pkg }, { source }) => oneStep({ label: source.text, reads: true, ...(pkg === undefined ? {} : { pkg }), run: (context) => stageList(context, pkg) }),
};

/** A stage id: a UUID, as stage publish and stage list show it. */
function stageId(line: Line, usage: string): string {
  const text = line.args[0];
  if (text === undefined || line.args.length !== 1) throw line.fail(`expected: ${usage}`);
  if (!UUID.test(text)) throw line.fail(`"${text}" is not a stage id (a UUID, as stage publish and stage list show it)`);
  return text;
}

/** `stage view <id>`. */
export const stageViewCommand: Command<{ id: string }> = {
  words: ['stage', 'view'],
  usage: ['stage view <id>'],
  summary: 'show a staged version',
  flags: [],
  reads: true,
  byOidc: true,
  auth: 'none',
  parse: (line) => ({ id: stageId(line, 'stage view <id>') }),
  plan: ({ id }, { source }) => oneStep({ label: source.text, reads: true, run: (context) => stageView(context, id) }),
};

/** `stage download <id> [--dir <folder>]`: the folder relative to the run's. */
export const stageDownloadCommand: Command<{ id: string; dir: string | undefined }> = {
  words: ['stage', 'download'],
  usage: ['stage download <id> [--dir <folder>]'],
  summary: "download a staged version's tarball",
  flags: [{ name: 'dir', value: true }],
  reads: true,
  byOidc: true,
  auth: 'none',
  parse: (line) => ({ id: stageId(line, 'stage download <id> [--dir <folder>]'), dir: flagValue(line.flags, 'dir') }),
  plan: ({ id, dir }, { source, cwd }) =>
    oneStep({ label: source.text, reads: true, run: (context) => stageDownload(context, id, path.resolve(cwd, dir ?? '.')) }),
};

/** A stage id (UUID) or `<pkg>@<version>` with an exact version. */
function stageTarget(line: Line, text: string): StageTarget {
  if (UUID.test(text)) return { id: text };
  const parsed = safeNpa(text);
  if (parsed?.registry && parsed.name && parsed.type === 'version') return { name: parsed.name, version: semver.clean(parsed.fetchSpec as string) as string };
  throw line.fail(`"${text}" is neither a stage id (a UUID) nor <pkg>@<version> with an exact version`);
}

/** `stage approve|reject <id|pkg@version>...`, or `--workspaces`: each package at its package.json version. */
function stageDecision(action: 'approve' | 'reject'): Command<StageDecision> {
  return {
    words: ['stage', action],
    usage: [
      action === 'approve'
        ? 'stage approve <id|pkg@version>... [--dry-run]   (or stage approve --workspaces [-w ...]: each package at its package.json version)'
        : 'stage reject <id|pkg@version>... [--dry-run]   (or stage reject --workspaces [-w ...])',
    ],
    summary: action === 'approve' ? 'publish staged versions, each compared with what the checkout packs to' : 'delete staged versions',
    flags: [{ name: 'dry-run' }, ...WORKSPACE_FLAGS],
    reads: false,
    byOidc: false,
    auth: 'approval',
    parse(line) {
      const workspaces = workspaceScope(line);
      if (workspaces !== undefined && line.args.length > 0) throw line.fail('name either ids and <pkg>@<version>s or --workspaces/-w, not both');
      if (workspaces === undefined && line.args.length === 0) throw line.fail(`expected: stage ${action} <id|pkg@version>... (or --workspaces)`);
      return {
        ...line.source,
        action,
        targets: line.args.map((text) => stageTarget(line, text)),
        dryRun: line.flags.get('dry-run') === true,
        workspaces,
        includeWorkspaceRoot: line.flags.get('include-workspace-root') === true,
      };
    },
    async plan(data, { options, cwd, env }) {
      const { planStageDecisions } = await import('../plan/trust-stage-plan.ts');
      const decisions = await planStageDecisions(data, options, cwd, env);
      // Web approvals: npm's "don't ask again" does not cover approving staged versions, so each asks a person.
      const web = options.authType === 'web' || (options.authType === 'auto' && options.secret === undefined);
      return {
        ...(action === 'approve' && web && decisions.length > 1 && !data.dryRun && !options.dryRun
          ? {
              intro: `stage approve: each of the ${decisions.length} staged versions needs its own web approval (npm's "don't ask again" does not cover approving staged versions).`,
            }
          : {}),
        steps: decisions.map(({ target, checkout }) => ({
          // Each version of a line of several (or of --workspaces) is a result of its own: `stage approve @s/a@1.0.0`.
          label:
            decisions.length === 1 && data.workspaces === undefined
              ? data.text
              : ['stage', action, 'id' in target ? target.id : `${target.name}@${target.version}`].join(' '),
          reads: false,
          ...('name' in target ? { pkg: target.name } : {}),
          ...(action === 'approve' ? { check: ({ client }: { client: RegistryClient }) => preflightApprove(client, target, checkout) } : {}),
          run: (context: CommandContext, stepEnv: StepEnv) =>
            action === 'approve' ? stageApprove(context, target, data.dryRun, checkout, stepEnv) : stageReject(context, target, data.dryRun),
        })),
      };
    },
  };
}

export const stageApproveCommand = stageDecision('approve');
export const stageRejectCommand = stageDecision('reject');
