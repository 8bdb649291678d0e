import { type CommandContext, commandContext } from '../commands/context.ts';
import { executeCommand, type PlannedPublish } from '../commands/execute.ts';
import { lookUpUser } from '../commands/owner.ts';
import { parseCommandBlock } from '../commands/parse.ts';
import { preflightPublish, readAndPackEarly } from '../commands/publish.ts';
import type { Command, PublishCommand, WorkspacePublishPlan } from '../commands/types.ts';
import type { Clock } from '../foundation/clock.ts';
import type { Logger } from '../foundation/logger.ts';
import { OtpSource } from '../otp/source.ts';
import { TimeSync } from '../otp/time-sync.ts';
import { formatDuration, WebApprovals } from '../otp/web-approval.ts';
import { readPackageSource } from '../package/read-package.ts';
import { scrubEnvironment } from '../package/scripts.ts';
import { readTarball } from '../package/tarball.ts';
import { type Options, otpPacing } from '../plan/options.ts';
import { checkProvenanceVisibility } from '../plan/provenance.ts';
import { planPublish } from '../plan/publish-plan.ts';
import { readPackument, type Packument } from '../registry/packument.ts';
import { InputError } from '../foundation/errors.ts';
import { RegistryClient } from '../registry/client.ts';
import type { Sigstore } from '../registry/publish.ts';
import type { Account } from '../registry/owners.ts';
import { pollDone } from '../registry/web-auth.ts';
import { approvalWebhook } from './approval-webhook.ts';
import type { IdTokenProvider } from './id-tokens.ts';
import { failedResult, outcomeResult, type RunReport, type WriteResult } from './result.ts';

export { failedResult } from './result.ts';
import { withTransientRetries } from './transient-retry.ts';
import { sigstoreFromEnv } from './sigstore-instance.ts';
import { trustedPublishing } from './trusted-publishing.ts';

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
  /** The CI's OIDC ID tokens, for trusted publishing; absent where the job has none. */
  idTokens?: IdTokenProvider;
  /** Where provenance statements are signed; default NPM_TOTP_PUBLISH_SIGSTORE, else sigstore's public Fulcio and Rekor. */
  sigstore?: Sigstore;
  /** Opens a web approval's page on this machine (the CLI's --open). */
  openUrl?: (url: string) => void;
}

/** Where the commands come from: a `commands` block, or already parsed (the CLI), or none (publish the package). */
export type CommandInput = { block: string; inputName: string } | { commands: Command[] } | undefined;

/** Lines settled by the trust and stage planner (one command per package, from the checkout). */
const TRUST_STAGE_PLANNED = new Set<Command['kind']>(['trust-setup', 'stage-decide', 'stage-download']);

/** Commands that only read: a publish after them still sees the registry as the run found it. */
const READS = new Set<Command['kind']>(['dist-tag-ls', 'owner-ls', 'access-get-status', 'trust-list', 'stage-list', 'stage-view', 'stage-download']);

/**
 * Runs a list of commands in three steps. Plan: every line is parsed and
 * every publish settled from the checkout (a mistake on the last line stops
 * the run before anything). Check: one read of the registry per publish, and
 * every owner change's user looked up, before any package script runs or any
 * write is sent. Execute: in order, with one registry client and one OTP
 * source; the first failure stops the run and every later command is
 * reported as not run. Never throws: a failure is in `report.error`.
 */
export async function runCommands(options: Options, input: CommandInput, deps: Dependencies): Promise<RunReport> {
  const { clock, logger } = deps;
  for (const secret of options.secrets) logger.mask(secret);
  const report: RunReport = { published: false, name: undefined, version: undefined, tag: undefined, registry: options.registry, results: [] };
  let commands: Command[];
  let sigstore: Sigstore | undefined;
  const planned = new Map<Command, PlannedPublish>();
  const monorepos = new Map<Command, { plan: WorkspacePublishPlan; packuments: Map<string, Packument | undefined> }>();
  try {
    sigstore = deps.sigstore ?? sigstoreFromEnv(deps.env, logger);
    const parsed = input === undefined ? [implicitPublish()] : 'commands' in input ? input.commands : parseCommandBlock(input.block, { inputName: input.inputName, defaultPackage: await defaultPackageName(options, deps.cwd) });
    commands = [];
    for (const command of parsed) {
      // Monorepo, trust and stage planning load only for the lines that need them: a single publish starts faster.
      if (command.kind === 'dist-tag-add-workspaces') commands.push(...(await (await import('../plan/workspace-plan.ts')).expandWorkspaceDistTags(command, options, deps.cwd)));
      else if (TRUST_STAGE_PLANNED.has(command.kind)) commands.push(...(await (await import('../plan/trust-stage-plan.ts')).planTrustStage(command, options, deps.cwd, deps.env)));
      else commands.push(command);
    }
    if (options.token === undefined && !options.dryRun) refuseWithoutToken(commands, options);
    let fresh = true;
    for (const command of commands) {
      if (command.kind === 'publish' && (command.workspaces ?? options.workspaces) !== undefined) {
        const { planWorkspacePublish } = await import('../plan/workspace-plan.ts');
        monorepos.set(command, { plan: await planWorkspacePublish(command, options, deps.cwd, deps.env), packuments: new Map() });
      } else if (command.kind === 'publish') {
        planned.set(command, { plan: await planPublish(command, options, deps.cwd, deps.env), packument: undefined, fresh });
      }
      if (!READS.has(command.kind)) fresh = false;
    }
  } catch (error) {
    report.error = error;
    report.results.push(failedResult(0, input === undefined ? 'publish' : 'commands', error, 0));
    return report;
  }
  for (const { plan } of planned.values()) for (const warning of plan.warnings ?? []) logger.warning(`${plan.name}: ${warning}`);
  // name, version and tag say what a single publish published; a monorepo's packages are in report.packages, never as its first package.
  const first = [...planned.values()][0]?.plan;
  if (first) Object.assign(report, { name: first.name, version: first.version, tag: first.tag });

  logger.info(authPlan(options));
  const pacing = otpPacing(options.otpUses, options.registry, options.names.otpUses);
  if (options.secret) logger.info(`One-time passwords on ${options.registry}: ${pacing.why}.`);
  const timeSync = new TimeSync({ warn: (message) => logger.warning(message) });
  const webAllowed = options.authType !== 'totp';
  const client = new RegistryClient({ registry: options.registry, token: options.token, clock, timeSync, userAgent: deps.userAgent, authType: webAllowed ? 'web' : 'legacy' });
  const web = webAllowed
    ? new WebApprovals({
        clock,
        logger,
        registry: options.registry,
        timeoutMs: options.approvalTimeoutMs,
        timeoutInput: options.names.approvalTimeout,
        poll: (doneUrl, npmCommand) => pollDone(client, doneUrl, npmCommand ?? 'publish'),
        ...(options.approvalWebhook ? { notify: approvalWebhook(options.approvalWebhook, deps.env) } : {}),
        ...(deps.openUrl ? { open: deps.openUrl } : {}),
        ...runDescription(commands, [...monorepos.values()].map(({ plan }) => plan)),
      })
    : undefined;
  const otp = {
    source: options.secret && options.authType !== 'web' ? new OtpSource({ secret: options.secret, clock, timeSync, logger, maxUsesPerCode: pacing.uses }) : undefined,
    web,
    authTypeInput: options.names.authType,
    clock,
    logger,
    secretInput: options.names.otpSecret,
  };
  const staged = commands.filter((command) => command.kind === 'stage-approve').length;
  if (web && !otp.source && staged > 1 && !options.dryRun) {
    logger.info(`stage approve: each of the ${staged} staged versions needs its own web approval (npm's "don't ask again" does not cover approving staged versions).`);
  }
  const publishDeps = {
    scriptEnv: scrubEnvironment(deps.env, options.secrets),
    trustedPublishing: deps.idTokens ? trustedPublishing({ registry: options.registry, clock, timeSync, logger, userAgent: deps.userAgent, env: deps.env }, deps.idTokens) : undefined,
    sigstore,
    hasToken: options.token !== undefined,
  };

  // Check: what one read of the registry can refuse is refused before anything runs.
  const users = new Map<string, Account>();
  for (const command of commands) {
    try {
      if (command.kind === 'owner-add' || command.kind === 'owner-rm') await lookUpUser({ client, users }, command.user);
      if (command.kind === 'trust-create') await (await import('../commands/trust.ts')).preflightTrust(client, command.pkg);
      if (command.kind === 'stage-approve') await (await import('../commands/stage.ts')).preflightApprove(client, command.target, command.checkout);
      const publish = planned.get(command);
      // A lone publish of a folder without scripts before packing reads and packs it while the registry answers.
      if (publish && commands.length === 1) publish.early = readAndPackEarly(publish.plan);
      if (publish) publish.packument = await preflightPublish(client, publish.plan);
      if (publish) await checkProvenanceVisibility(client, publish.plan, publish.packument);
      const monorepo = monorepos.get(command);
      if (monorepo) await preflightWorkspaces(client, monorepo.plan, monorepo.packuments, options.names.workspaces);
    } catch (error) {
      report.error = error;
      report.results = commands.map((other) => (other === command ? failedResult(other.line, label(other, planned), error, 0) : notRun(other, planned, `not run: line ${command.line > 0 ? command.line : 1} was refused before anything ran`)));
      return report;
    }
  }

  // A failure after a write landed (a postpublish script): later commands still run, and the run fails at its end.
  let failedAfter: unknown;
  for (const command of commands) {
    const publish = planned.get(command);
    if (report.error !== undefined) {
      report.results.push(notRun(command, planned, 'not run: an earlier command failed'));
      continue;
    }
    const monorepo = monorepos.get(command);
    if (monorepo) {
      otp.source?.setMaxUsesPerCode(monorepo.plan.otpUses);
      const { publishWorkspaces } = await import('./workspaces.ts');
      const outcome = await publishWorkspaces({
        plan: monorepo.plan,
        packuments: monorepo.packuments,
        context: () => commandContext({ client, otp, logger, dryRun: options.dryRun, users }),
        publishDeps,
        retrying: (context, run) => withTransientRetries(command, deps, run, () => context.writes > 0),
        clock,
        logger,
      });
      otp.source?.setMaxUsesPerCode(pacing.uses);
      report.results.push(...outcome.rows);
      report.packages = [...(report.packages ?? []), ...outcome.packages];
      report.published ||= outcome.packages.some((entry) => entry.outcome === 'published');
      if (outcome.error !== undefined && outcome.stops) report.error = outcome.error;
      else failedAfter ??= outcome.error;
      continue;
    }
    const startedAt = clock.now();
    const context: CommandContext = commandContext({ client, otp, logger, dryRun: options.dryRun, users });
    try {
      const outcome = await withTransientRetries(command, deps, () => executeCommand(context, command, publish, publishDeps), () => context.writes > 0);
      const published = outcome.published === true;
      report.published ||= published;
      report.results.push(outcomeResult(command.line, label(command, planned), outcome, context.tally, clock.now() - startedAt));
      logger.info(`${command.line > 0 ? `line ${command.line}: ` : ''}${outcome.detail}`);
      failedAfter ??= outcome.failure;
    } catch (error) {
      report.error = error;
      report.results.push({ ...failedResult(command.line, label(command, planned), error, clock.now() - startedAt), otpAttempts: context.tally.otpAttempts, waitedMs: context.tally.waitedMs });
    }
  }
  if (web && web.approvals > 0) report.approvals = web.approvals;
  report.error ??= failedAfter;
  return report;
}

/** What a web approval's page and message say the run is doing, when it is more than the write waiting. */
function runDescription(commands: Command[], monorepos: WorkspacePublishPlan[]): { runDescription?: string } {
  const packages = monorepos.reduce((sum, plan) => sum + plan.members.filter((member) => member.plan !== undefined).length, 0);
  if (packages > 0 && commands.length === 1) return { runDescription: `${commands[0]?.kind === 'publish' && commands[0].stage ? 'stage publish' : 'publish'} of ${packages} packages` };
  if (commands.length > 1) return { runDescription: `a run of ${commands.length} commands` };
  return {};
}

/** Reads at most this many packuments at once before a monorepo publish (or `concurrency`, when higher). */
const READ_CONCURRENCY = 16;

/**
 * The one read of the registry for every package of a monorepo publish, before
 * anything runs, in parallel (at most READ_CONCURRENCY, or `concurrency`, at
 * once): each public member's packument (npm's rule on an implicit latest is
 * applied to each), and every workspace package outside the scope that a
 * member needs, which must be in the registry already. The first refusal in
 * the plan's order is the one reported.
 */
async function preflightWorkspaces(client: RegistryClient, plan: WorkspacePublishPlan, packuments: Map<string, Packument | undefined>, input: string): Promise<void> {
  const members = plan.members.filter((member) => member.plan !== undefined);
  const reads: Array<() => Promise<void>> = [
    ...members.map((member) => async () => {
      const memberPlan = member.plan as NonNullable<typeof member.plan>;
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
}

/** The publish of the `package` setting, when no commands are given. */
function implicitPublish(): PublishCommand {
  return { kind: 'publish', line: 0, text: 'publish', target: undefined, tag: undefined, access: undefined, dryRun: false };
}

/** A command as results name it: `publish <name>@<version>` for a publish, the line as written otherwise. */
function label(command: Command, planned: Map<Command, PlannedPublish>): string {
  const plan = planned.get(command)?.plan;
  return plan ? `${plan.command.stage ? 'stage publish' : 'publish'} ${plan.name}@${plan.version}` : command.text;
}

/** The package the `package` setting names, for commands that leave `<pkg>` out. */
export async function defaultPackageName(options: Options, cwd: string): Promise<{ name: string } | { problem: string }> {
  try {
    const source = await readPackageSource(options.packageSpec, cwd, options.names.package);
    return { name: source.kind === 'folder' ? source.manifest.name : (await readTarball(source.file, options.names.package)).manifest.name };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

function notRun(command: Command, planned: Map<Command, PlannedPublish>, detail: string): WriteResult {
  return { line: command.line, command: label(command, planned), ok: false, skipped: false, outcome: 'not-run', otpAttempts: 0, waitedMs: 0, durationMs: 0, detail };
}

/** Commands that need no token: publishes (by trusted publishing) and reads of public data. */
const TOKENLESS = new Set<Command['kind']>(['publish', 'dist-tag-ls', 'owner-ls', 'access-get-status', 'stage-list', 'stage-view', 'stage-download']);

/** Without a token only trusted publishing can write: any other write is refused before anything runs. */
function refuseWithoutToken(commands: Command[], options: Options): void {
  const needs = commands.find((command) => !TOKENLESS.has(command.kind));
  if (!needs) return;
  const where = needs.line > 0 ? `line ${needs.line} (${needs.text})` : needs.text;
  throw new InputError(options.names.token, `${options.names.token}: ${where} needs a registry token: without one, only publish and stage publish can go, by trusted publishing (OIDC). Set ${options.names.token}.`, { received: needs.text });
}

/** Says, before any write, which authentication the writes will use. */
function authPlan(options: Options): string {
  const token = options.token ? 'the token' : options.dryRun ? 'no token (dry run)' : 'no token: only trusted publishing (OIDC) can upload, and reads are anonymous';
  const approvals = `a web approval: a person approves each challenged write on npm's page while the job waits (up to ${formatDuration(options.approvalTimeoutMs)} each)`;
  const otp = options.secret && options.authType !== 'web'
    ? `a one-time password computed just in time from ${options.names.otpSecret} (${options.secret.algorithm.toUpperCase()}, ${options.secret.digits} digits, ${options.secret.period} s)` +
      (options.authType === 'auto' ? `, or ${approvals} if the account answers codes with one` : '')
    : options.authType === 'totp'
      ? `no one-time password (${options.names.otpSecret} is not set)`
      : `where the registry asks for 2FA, ${approvals} (${options.names.authType} ${options.authType}${options.authType === 'auto' ? `, ${options.names.otpSecret} not set` : ''})`;
  return `Authentication: ${token}, and ${otp}.`;
}
