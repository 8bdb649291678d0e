import semver from 'semver';
import { describeError, describeReason } from '../foundation/describe-error.ts';
import { InputError, ProductError } from '../foundation/errors.ts';
import { countFlag, type FlagSpec, flagValue, type Line, provenanceFlag, WORKSPACE_FLAGS, workspaceScope } from '../grammar/line.ts';
import { MAX_CONCURRENCY, MAX_OTP_USES } from '../grammar/options.ts';
import { tagProblem } from '../grammar/validate.ts';
import { type LifecycleEvent, runScript } from '../package/scripts.ts';
import { shasumOf } from '../package/tarball.ts';
import { RegistryReadError } from '../plan/errors.ts';
import { checkProvenanceVisibility } from '../plan/provenance.ts';
import type { PublishCommand, PublishPlan, WorkspacePublishPlan } from '../plan/types.ts';
import type { RegistryClient } from '../registry/client.ts';
import { setDistTag } from '../registry/dist-tags.ts';
import { type Packument, readPackument } from '../registry/packument.ts';
import { listStaged, type StagedEntry } from '../registry/stage.ts';
import {
  type CheckEnv,
  type Command,
  type CommandContext,
  type CommandOutcome,
  type LinePlan,
  type PackageListing,
  type PlanEnv,
  type Step,
  type StepEnv,
  otpWrite,
} from './command.ts';
import { PublishConflictError } from './errors.ts';
import {
  afterUpload,
  type TarballAndManifest,
  compare,
  dryRunProvenance,
  loadPacker,
  provenanceFor,
  published,
  readAndPack,
  type ReadAndPacked,
  staged,
  uploadAndReconcile,
  uploader,
} from './upload.ts';

/**
 * `publish` and `stage publish`: one command with two destinations (the registry, or its staging area, where a
 * person with 2FA approves the version later). A line is settled from the checkout before anything runs (one
 * package, or every workspace package in dependency order), checked with one read of the registry, then packed,
 * compared with what the registry holds, and uploaded through upload.ts.
 */

const PUBLISH_FLAGS: readonly FlagSpec[] = [
  { name: 'tag', value: true },
  { name: 'access', value: true },
  { name: 'dry-run' },
  ...WORKSPACE_FLAGS,
  { name: 'concurrency', value: true },
  { name: 'provenance', inlineValue: true },
];

/** A `publish` or `stage publish` line, as npm reads it. */
function parsePublish(line: Line, stage: boolean): PublishCommand {
  if (line.args.length > 1) throw line.fail(`expected: ${stage ? 'stage ' : ''}publish [<folder>|<tarball>] [options]`);
  const tag = flagValue(line.flags, 'tag');
  if (tag !== undefined) {
    const problem = tagProblem(tag);
    if (problem) throw line.fail(problem);
  }
  const access = flagValue(line.flags, 'access');
  if (access !== undefined && access !== 'public' && access !== 'restricted') throw line.fail(`--access must be public or restricted, not "${access}"`);
  // Only what the line says: the settings decide the rest.
  const given = {
    workspaces: workspaceScope(line),
    includeWorkspaceRoot: line.flags.get('include-workspace-root') === true ? true : undefined,
    concurrency: countFlag(line, 'concurrency', MAX_CONCURRENCY) as number | undefined,
    otpUses: stage ? undefined : countFlag(line, 'otp-uses', MAX_OTP_USES, true),
    provenance: provenanceFlag(line),
  };
  return {
    ...line.source,
    target: line.args[0],
    ...(line.args[0] === undefined ? {} : { targetInput: line.input }),
    tag,
    access,
    dryRun: line.flags.get('dry-run') === true,
    ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
    ...(stage ? { stage: true } : {}),
  };
}

/** The publish of the `package` setting, when no commands are given. */
export function implicitPublish(): PublishCommand {
  return { line: 0, text: 'publish', target: undefined, tag: undefined, access: undefined, dryRun: false };
}

/** Settles a publish line into steps: one for a package, one per workspace package (in dependency order, `concurrency` at once) for a monorepo. */
async function planPublishLine(command: PublishCommand, env: PlanEnv): Promise<LinePlan> {
  const { options, cwd } = env;
  if ((command.workspaces ?? options.workspaces) !== undefined) {
    const { planWorkspacePublish } = await import('../plan/workspace-plan.ts');
    return workspaceLine(await planWorkspacePublish(command, options, cwd, env.env), options.names.workspaces);
  }
  const { planPublish } = await import('../plan/publish-plan.ts');
  const plan = await planPublish(command, options, cwd, env.env);
  return { steps: [publishStep(plan)], warnings: (plan.warnings ?? []).map((warning) => `${plan.name}: ${warning}`) };
}

function publishCommand(stage: boolean): Command<PublishCommand> {
  return {
    words: stage ? ['stage', 'publish'] : ['publish'],
    usage: [
      stage
        ? 'stage publish [<folder>|<tarball>] [--tag <tag>] [--access public|restricted] [--dry-run] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--concurrency <n>] [--provenance[=true|false|auto]]'
        : 'publish [<folder>|<tarball>] [--tag <tag>] [--access public|restricted] [--dry-run] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--concurrency <n>] [--otp-uses auto|<n>] [--provenance[=true|false|auto]]',
    ],
    summary: stage
      ? "upload a version to the registry's staging area, for a person with 2FA to approve (no code sent)"
      : 'publish a package folder or tarball (or every workspace package)',
    flags: stage ? PUBLISH_FLAGS : [...PUBLISH_FLAGS, { name: 'otp-uses', value: true }],
    reads: false,
    // By trusted publishing (OIDC), a publish needs no token.
    byOidc: true,
    auth: stage ? 'stage' : 'publish',
    parse: (line) => parsePublish(line, stage),
    plan: planPublishLine,
  };
}

export const publishLineCommand = publishCommand(false);
export const stagePublishCommand = publishCommand(true);

/** The step of one planned publish: its check (the one read, npm's rule on latest, provenance's visibility) and its upload. */
function publishStep(plan: PublishPlan, read?: () => Packument | undefined): Step {
  const id = `${plan.name}@${plan.version}`;
  let packument: Packument | undefined;
  let packing: Promise<ReadAndPacked> | undefined;
  return {
    label: `${plan.command.stage ? 'stage publish' : 'publish'} ${id}`,
    name: plan.name,
    pkg: plan.name,
    reads: false,
    reconciles: true,
    version: { name: plan.name, version: plan.version, tag: plan.tag },
    ...(read
      ? {}
      : {
          check: async ({ client, alone }: CheckEnv) => {
            // A lone publish of a folder without scripts before packing reads and packs it while the registry answers.
            if (alone) packing = packDuringCheck(plan);
            packument = await preflightPublish(client, plan);
            await checkProvenanceVisibility(client, plan, packument);
          },
        }),
    run: async (context: CommandContext, env: StepEnv) => {
      const known = read ? read() : packument;
      const current = env.fresh ? known : await readPackument(context.client, plan.name, { write: true });
      const taken = packing;
      packing = undefined; // a retry packs again
      return executePublish(context, plan, current, env, taken);
    },
  };
}

/**
 * The one read of the registry a publish makes before anything runs: the packument, as for a write (no cache can
 * hide a version published minutes ago). It settles npm's rule that, without an explicit tag, a version lower than
 * the highest release may not take `latest`: refused here, before any package script runs.
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

/**
 * Reading the manifest and packing a folder only read files; when no package script runs before them
 * (`prepublishOnly`, `prepack`, `prepare`), they can start with the preflight read instead of after it and be
 * ready when the registry answers. Undefined where a script must run first or the source is a `.tgz`.
 * A failure surfaces where executePublish takes the result, after the read, as it would have without this.
 */
export function packDuringCheck(plan: PublishPlan): Promise<ReadAndPacked> | undefined {
  if (plan.source.kind !== 'folder' || plan.scripts.some((event) => event === 'prepublishOnly' || event === 'prepack' || event === 'prepare')) return undefined;
  const packing = readAndPack(plan.source, plan);
  packing.catch(() => undefined);
  return packing;
}

/**
 * Publishes (or stages) one planned version. For a folder: the package scripts npm runs (`prepublishOnly`,
 * `prepack`, `prepare`), the manifest read as npm prepares it, the tarball packed in-process, `postpack`. Then
 * the registry decides: the same version with the same contents is `unchanged` (or `tagged`, when an explicitly
 * asked-for tag was missing), other contents a conflict, otherwise one upload (uploadAndReconcile), and
 * `publish`/`postpublish` after it. When the version is already in the registry, only the packing scripts run
 * (the tarball is needed to compare), never `prepublishOnly` or the after-publish ones. `packing` is the folder
 * being read and packed since the preflight read (packDuringCheck).
 */
export async function executePublish(
  context: CommandContext,
  plan: PublishPlan,
  packument: Packument | undefined,
  env: StepEnv,
  packing?: Promise<ReadAndPacked>,
): Promise<CommandOutcome> {
  const id = `${plan.name}@${plan.version}`;
  const present = packument?.versions?.[plan.version] !== undefined;
  const script = (event: LifecycleEvent) =>
    plan.source.kind === 'folder' && plan.scripts.includes(event)
      ? runScript({ dir: plan.source.dir, manifest: plan.source.manifest, event, env: env.scriptEnv, logger: context.logger })
      : Promise.resolve();

  let tarball: TarballAndManifest;
  if (plan.source.kind === 'folder') {
    let read: Promise<ReadAndPacked>;
    if (packing !== undefined) {
      read = packing;
    } else {
      if (!present) await script('prepublishOnly');
      await script('prepack');
      await script('prepare');
      read = readAndPack(plan.source, plan);
    }
    const { manifest, packed } = await read;
    context.logger.info(
      `Packed ${id}: ${packed.files.length} file${packed.files.length === 1 ? '' : 's'}, ${packed.data.length} bytes (${packed.integrity.slice(0, 20)}…).`,
    );
    await script('postpack');
    tarball = { data: packed.data, integrity: packed.integrity, manifest };
  } else {
    tarball = { data: plan.source.data, integrity: plan.source.integrity, manifest: plan.source.manifest };
  }

  const state = present ? await compare(context.client, packument as Packument, plan.version, tarball) : 'absent';
  if (state === 'different') throw new PublishConflictError(id);
  const scriptsAfter = async () => {
    await script('publish');
    await script('postpublish');
  };
  if (plan.command.stage) return stageTarball(context, plan, tarball, state === 'identical', env, scriptsAfter);
  if (state === 'identical') return ensureTag(context, plan, packument as Packument);
  if (plan.dryRun) {
    context.logger.info(`Dry run: would publish ${id} with tag "${plan.tag}" to ${context.client.registry}.`);
    return { status: 'dry-run', detail: `dry run: ${id} would be published with tag ${plan.tag}${dryRunProvenance(plan)}` };
  }

  context.logger.info(`Publishing ${id} with tag "${plan.tag}" to ${context.client.registry}.`);
  const destination = published(plan);
  const trusted = await uploader(env, id, plan.name, destination.npmCommand);
  const provenance = await provenanceFor(context, plan, tarball, trusted, env.sigstore);
  const receipt = await uploadAndReconcile(context, plan, tarball, destination, trusted, provenance);
  if (receipt.outcome === 'unchanged') return { status: 'unchanged', detail: `${id} was already published with identical contents` };
  const after = await afterUpload(id, 'published', scriptsAfter);
  return {
    status: 'done',
    published: true,
    detail: `published ${id} (${tarball.integrity.slice(0, 20)}…) with tag ${plan.tag}${trusted ? ' by trusted publishing' : ''}${provenance ? `, with provenance${receipt.transparencyLogUrl ? ` (transparency log: ${receipt.transparencyLogUrl})` : ''}` : ''}${receipt.outcome === 'confirmed' ? ', confirmed by reading the registry back' : ''}${after.detail}`,
    ...(receipt.transparencyLogUrl ? { transparencyLogUrl: receipt.transparencyLogUrl } : {}),
    ...(after.failure === undefined ? {} : { failure: after.failure }),
  };
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
 * `stage publish`, once the version is packed: skipped when the version is published already with the same
 * contents, or staged already with the same tarball (its shasum); refused when staged with another one. The
 * upload goes with no one-time password: npm sends none ("2FA is deferred to approve/reject"). With trusted
 * publishing the short-lived token stages it (the trusted publisher needs `--allow-stage-publish`).
 */
async function stageTarball(
  context: CommandContext,
  plan: PublishPlan,
  tarball: TarballAndManifest,
  published: boolean,
  env: StepEnv,
  scriptsAfter: () => Promise<void>,
): Promise<CommandOutcome> {
  const id = `${plan.name}@${plan.version}`;
  if (published) {
    context.logger.info(`${id} is already published with identical contents: nothing to stage.`);
    return { status: 'unchanged', detail: `${id} was already published with identical contents: nothing to stage` };
  }
  const shasum = shasumOf(tarball.data);
  if (plan.dryRun) {
    const before = await listStaged(context.client, plan.name).catch(() => undefined);
    const found = before?.find((entry) => entry.version === plan.version);
    if (found && found.shasum !== shasum) throw stagedConflict(id, found, shasum);
    if (found) return { status: 'unchanged', stageId: found.id, detail: `${id} was already staged with the same tarball (id ${found.id})` };
    return {
      status: 'dry-run',
      detail: `dry run: ${id} would be staged with tag ${plan.tag}${before ? '' : ' (the staging area could not be read)'}${dryRunProvenance(plan)}`,
    };
  }
  const trusted = await uploader(env, id, plan.name, staged(plan).npmCommand);
  const before = (await listStaged(trusted?.client ?? context.client, plan.name)).find((entry) => entry.version === plan.version);
  if (before && before.shasum !== shasum) throw stagedConflict(id, before, shasum);
  if (before) {
    context.logger.info(`${id} is already staged with the same tarball (id ${before.id}): nothing to stage.`);
    return { status: 'unchanged', stageId: before.id, detail: `${id} was already staged with the same tarball (id ${before.id})` };
  }
  context.logger.info(
    `Staging ${id} with tag "${plan.tag}" on ${context.client.registry}${trusted ? ' by trusted publishing' : ''}; no one-time password is sent (approving it asks for one).`,
  );
  // Signed as for a publish (npm's stage publish is its publish with another destination): the staged body carries the statement.
  const provenance = await provenanceFor(context, plan, tarball, trusted, env.sigstore);
  const receipt = await uploadAndReconcile(context, plan, tarball, staged(plan), trusted, provenance);
  const stageId = receipt.stageId ?? '(no id given)';
  if (receipt.outcome === 'unchanged') return { status: 'unchanged', stageId, detail: `${id} was already staged with the same tarball (id ${stageId})` };
  const after = await afterUpload(id, 'staged', scriptsAfter);
  const signed = provenance ? `, with provenance${receipt.transparencyLogUrl ? ` (transparency log: ${receipt.transparencyLogUrl})` : ''}` : '';
  return {
    status: 'staged',
    stageId,
    detail: `staged ${id} (shasum ${shasum}) with tag ${plan.tag} as ${stageId}${trusted ? ' by trusted publishing' : ''}${signed}; stage approve ${stageId} publishes it${after.detail}`,
    ...(receipt.transparencyLogUrl ? { transparencyLogUrl: receipt.transparencyLogUrl } : {}),
    ...(after.failure === undefined ? {} : { failure: after.failure }),
  };
}

/**
 * The version is there with the same contents. A tag that was asked for (not the implicit `latest`) and does not
 * point at it yet is set, so a re-run with a corrected tag does what it says.
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
  await otpWrite(context, `dist-tag add ${id} ${plan.tag}`, 'dist-tag', (npmHeaders) =>
    setDistTag(context.client, plan.name, plan.tag, plan.version, npmHeaders),
  );
  return { status: 'tagged', detail: `${id} was already published with identical contents; ${plan.tag} now points at it${was}` };
}

/** Reads at most this many packuments at once before a monorepo publish (or `concurrency`, when higher). */
const READ_CONCURRENCY = 16;

/**
 * `publish --workspaces`: a step per public workspace package, waiting for the workspace packages it depends on
 * at run time, `concurrency` at once, a failure stopping only its dependents. Before anything runs, one read of
 * the registry for every package (in parallel, at most READ_CONCURRENCY, or `concurrency`, at once): each
 * package's packument (npm's rule on an implicit latest applied to each), and every workspace package outside the
 * scope that one needs, which must be in the registry already. The first refusal in the plan's order is the one reported.
 */
function workspaceLine(plan: WorkspacePublishPlan, input: string): LinePlan {
  const members = plan.members.filter((member) => member.plan !== undefined);
  const packuments = new Map<string, Packument | undefined>();
  const publishable = members.length;
  return {
    steps: members.map((member) => ({
      ...publishStep(member.plan as PublishPlan, () => packuments.get(member.name)),
      waitsFor: plan.waitsFor.get(member.name) ?? [],
    })),
    concurrency: plan.concurrency,
    isolated: true,
    otpUses: { uses: plan.otpUses, why: plan.otpUsesWhy },
    warnings: plan.warnings,
    intro: `Publishing ${publishable} of ${plan.members.length} workspace package${plan.members.length === 1 ? '' : 's'} of ${plan.root} (${plan.manager}), ${plan.concurrency} at a time, ${plan.otpUsesWhy}.`,
    listed: plan.members
      .filter((member) => !member.plan)
      .map((member) => ({
        name: member.name,
        version: member.version,
        tag: '',
        outcome: member.listed?.outcome ?? 'private',
        detail: member.listed?.detail ?? 'private: not published',
      })),
    failure: (packages, failedAfter) => new WorkspacesFailedError(packages, failedAfter),
    check: async ({ client }) => {
      const reads: Array<() => Promise<void>> = [
        ...members.map((member) => async () => {
          const memberPlan = member.plan as PublishPlan;
          packuments.set(member.name, await preflightPublish(client, memberPlan));
          await checkProvenanceVisibility(client, memberPlan, packuments.get(member.name));
        }),
        ...plan.outside.map((outside) => async () => {
          const packument = await readPackument(client, outside.name, { write: true });
          if (packument?.versions?.[outside.version]) return;
          throw new InputError(
            input,
            `${input}: ${outside.neededBy.join(', ')} ${outside.neededBy.length === 1 ? 'depends' : 'depend'} on the workspace package ${outside.name}@${outside.version}, which is outside the packages to publish and not in ${client.registry}. Add ${outside.name} to ${input}, or publish it first.`,
            { received: outside.name },
          );
        }),
      ];
      const outcomes: Array<PromiseSettledResult<void>> = new Array(reads.length);
      let next = 0;
      const work = async () => {
        for (let index = next++; index < reads.length; index = next++) {
          outcomes[index] = await (reads[index] as () => Promise<void>)().then(
            () => ({ status: 'fulfilled', value: undefined }) as const,
            (reason: unknown) => ({ status: 'rejected', reason }) as const,
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(Math.max(READ_CONCURRENCY, plan.concurrency), reads.length) }, work));
      const failed = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

/** Some workspace packages failed: says which, why, and exactly what is in the registry now. */
class WorkspacesFailedError extends ProductError {
  /** `failedAfter`: what failed after a package's upload (its postpublish script), the package published all the same. */
  constructor(packages: PackageListing[], failedAfter: unknown[] = []) {
    const ids = (outcome: PackageListing['outcome'] | Array<PackageListing['outcome']>) =>
      packages.filter((entry) => (Array.isArray(outcome) ? outcome : [outcome]).includes(entry.outcome)).map((entry) => `${entry.name}@${entry.version}`);
    const failed = packages.filter((entry) => entry.outcome === 'failed');
    const list = (names: string[]) => (names.length === 0 ? 'none' : names.join(', '));
    const what = [
      ...(failed.length === 0
        ? []
        : [
            `${failed.length} workspace package${failed.length === 1 ? '' : 's'} failed: ${failed.map((entry) => `${entry.name}@${entry.version} (${entry.detail})`).join('; ')}`,
          ]),
      ...failedAfter.map((error) => describeError(error).replace(/\.$/, '')),
    ];
    super(
      'EWORKSPACES',
      `${what.join('; ')}. ` +
        `In the registry now: published by this run: ${list(ids('published'))}; already there: ${list(ids(['unchanged', 'tagged']))}. ` +
        `Not in the registry: ${list(ids(['failed', 'not-run']))}. Running the same step again publishes only what is missing.`,
      { received: failed.map((entry) => entry.name) },
    );
  }
}
