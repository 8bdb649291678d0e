import {
  type CheckEnv,
  type Command,
  type CommandContext,
  commandContext,
  type InspectedLine,
  type LinePlan,
  type PackageListing,
  type Step,
  type StepEnv,
  type Table,
} from '../commands/command.ts';
import { COMMANDS } from '../commands/index.ts';
import { implicitPublish, publishLineCommand } from '../commands/publish.ts';
import type { Clock } from '../foundation/clock.ts';
import { describeError } from '../foundation/describe-error.ts';
import { InputError } from '../foundation/errors.ts';
import { inertText } from '../foundation/log-text.ts';
import { textTable } from '../foundation/text-table.ts';
import type { Logger } from '../foundation/logger.ts';
import { type CommandSource, parseBlock, parseWords } from '../grammar/line.ts';
import { type Options, otpPacing } from '../grammar/options.ts';
import { OtpSource } from '../otp/source.ts';
import { TimeSync } from '../otp/time-sync.ts';
import { formatDuration, WebApprovals } from '../otp/web-approval.ts';
import { readPackageSource } from '../package/read-package.ts';
import { scrubEnvironment } from '../package/scripts.ts';
import { readTarball } from '../package/tarball.ts';
import { RegistryClient } from '../registry/client.ts';
import { watchRegistryNotices } from '../registry/notices.ts';
import type { Account } from '../registry/owners.ts';
import type { Sigstore } from '../registry/publish.ts';
import { pollDone } from '../registry/web-auth.ts';
import { approvalWebhook } from './approval-webhook.ts';
import type { IdTokenProvider } from './id-tokens.ts';
import { failedResult, outcomeResult, type RunReport, type CommandResult } from './result.ts';
import { sigstoreFromEnv } from './sigstore-instance.ts';
import { withTransientRetries } from './transient-retry.ts';
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
  /** The commands lines may name; default every command (src/commands/index.ts). */
  commands?: ReadonlyArray<Command<unknown>>;
}

/**
 * Where the commands come from: a `commands` block, one command's words (the CLI), or none (publish the package).
 * `also`: a command a setting adds to the block (the action's `doctor: true`), as line 0.
 */
export type CommandInput =
  { block: string; inputName: string; also?: { words: string[]; inputName: string } } | { words: string[]; inputName: string } | undefined;

/** A line settled: the command, where it came from, and its steps. */
interface PlannedLine {
  command: Command<unknown>;
  source: CommandSource;
  plan: LinePlan;
  /** In a run an inspecting command (doctor) looks at: why this line could not be settled into steps. */
  refused?: unknown;
}

/**
 * Runs commands in three phases. Plan: every line is parsed and settled into its steps from the checkout and
 * the settings (a mistake on the last line stops the run before anything). Check: each line's and each step's
 * read of the registry, before any package script runs or any write is sent. Run: line after line, with one
 * registry client and one OTP source; a line's steps in order (a monorepo's in dependency order, several at
 * once); the first failure stops the run and every later step is reported as not run (in a monorepo, only the
 * packages that depend on it). Never throws: a failure is in `report.error`. Each `npm-notice` the registry
 * sends is shown once, as a warning. A run with a line of an inspecting command (doctor) writes nothing: every
 * other line is planned and checked, its refusals kept, and handed to that command's steps, which alone run.
 */
export async function runCommands(options: Options, input: CommandInput, deps: Dependencies): Promise<RunReport> {
  // Every npm-notice the registry sends, once each, as a warning: it is text from outside (inertText).
  const seen = new Set<string>();
  const stop = watchRegistryNotices((text) => {
    if (seen.has(text)) return;
    seen.add(text);
    deps.logger.warning(`The registry says (npm-notice): ${inertText(text)}`);
  });
  try {
    return await runAll(options, input, deps);
  } finally {
    stop();
  }
}

async function runAll(options: Options, input: CommandInput, deps: Dependencies): Promise<RunReport> {
  const { clock, logger } = deps;
  for (const secret of options.secrets) logger.mask(secret);
  const report: RunReport = { published: false, name: undefined, version: undefined, tag: undefined, registry: options.registry, results: [] };
  let lines: PlannedLine[];
  let sigstore: Sigstore | undefined;
  try {
    sigstore = deps.sigstore ?? sigstoreFromEnv(deps.env, logger);
    lines = await planLines(options, input, deps);
  } catch (error) {
    report.error = error;
    report.results.push(failedResult(0, input === undefined ? publishLineCommand.words.join(' ') : 'commands', error, 0));
    return report;
  }
  for (const { plan } of lines) for (const warning of plan.warnings ?? []) logger.warning(warning);
  // A run with an inspecting line (doctor) writes nothing: the other lines are planned and checked, and handed to it.
  const inspecting = lines.some(({ command }) => command.inspects !== undefined);
  // name, version and tag say what a lone publish published; a monorepo's packages are in report.packages, never as its first package.
  const first = lines.find(({ plan }) => !plan.isolated && plan.steps[0]?.version)?.plan.steps[0]?.version;
  if (first && !inspecting) Object.assign(report, first);

  logger.info(authPlan(options));
  const pacing = otpPacing(options.otpUses, options.registry, options.names.otpUses);
  if (options.secret) logger.info(`One-time passwords on ${options.registry}: ${pacing.why}.`);
  const timeSync = new TimeSync({ warn: (message) => logger.warning(message) });
  const webAllowed = options.authType !== 'totp';
  const client = new RegistryClient({
    registry: options.registry,
    token: options.token,
    clock,
    timeSync,
    userAgent: deps.userAgent,
    authType: webAllowed ? 'web' : 'legacy',
  });
  const steps = lines.flatMap(({ plan }) => plan.steps);
  const web = webAllowed
    ? new WebApprovals({
        clock,
        logger,
        registry: options.registry,
        timeoutMs: options.approvalTimeoutMs,
        timeoutInput: options.names.approvalTimeout,
        poll: (doneUrl, npmCommand) => pollDone(client, doneUrl, npmCommand),
        ...(options.approvalWebhook ? { notify: approvalWebhook(options.approvalWebhook, deps.env) } : {}),
        ...(deps.openUrl ? { open: deps.openUrl } : {}),
        ...runDescription(lines),
      })
    : undefined;
  const otp = {
    source:
      options.secret && options.authType !== 'web'
        ? new OtpSource({ secret: options.secret, clock, timeSync, logger, maxUsesPerCode: pacing.uses })
        : undefined,
    web,
    authTypeInput: options.names.authType,
    clock,
    logger,
    secretInput: options.names.otpSecret,
  };
  const stepEnv: Omit<StepEnv, 'fresh'> = {
    scriptEnv: scrubEnvironment(deps.env, options.secrets),
    trustedPublishing: deps.idTokens
      ? trustedPublishing({ registry: options.registry, clock, timeSync, logger, userAgent: deps.userAgent, env: deps.env }, deps.idTokens)
      : undefined,
    sigstore,
    hasToken: options.token !== undefined,
  };

  // Check: what one read of the registry can refuse is refused before anything runs.
  const users = new Map<string, Account>();
  const inspected = inspecting ? await checkInspected(lines, { client, users, alone: false }) : undefined;
  for (const line of lines) {
    if (inspected && line.command.inspects === undefined) continue;
    let at: Step | undefined;
    try {
      await line.plan.check?.({ client, users, alone: steps.length === 1 });
      for (const step of line.plan.steps) {
        at = step;
        await step.check?.({ client, users, alone: steps.length === 1 });
      }
    } catch (error) {
      // The refused step (or, for a line's own check, the line) fails; everything else is reported as not run.
      report.error = error;
      const refused = `not run: line ${line.source.line > 0 ? line.source.line : 1} was refused before anything ran`;
      report.results = lines.flatMap((other) =>
        other === line && at === undefined
          ? [failedResult(other.source.line, other.source.text, error, 0)]
          : other.plan.steps.map((step) =>
              step === at ? failedResult(other.source.line, step.label, error, 0) : notRun(other.source.line, step.label, refused),
            ),
      );
      return report;
    }
  }

  // Run. A failure after an effect landed (a postpublish script): later steps still run, and the run fails at its end.
  const failedAfter: unknown[] = [];
  let fresh = true;
  for (const line of lines) {
    if (inspected && line.command.inspects === undefined) {
      const what = line.refused === undefined ? line.plan.steps.map((step) => step.label) : [line.source.text];
      report.results.push(...what.map((label) => notRun(line.source.line, label, 'not run: doctor checks this run and writes nothing')));
      continue;
    }
    if (report.error !== undefined) {
      report.results.push(...line.plan.steps.map((step) => notRun(line.source.line, step.label, 'not run: an earlier command failed')));
      continue;
    }
    if (line.plan.intro) logger.info(line.plan.intro);
    if (line.plan.otpUses) otp.source?.setMaxUsesPerCode(line.plan.otpUses.uses);
    const outcome = await runLine(line, {
      context: () => commandContext({ client, otp, logger, dryRun: options.dryRun, users }),
      env: { ...stepEnv, fresh, ...(inspected ? { inspected } : {}) },
      clock,
      logger,
    });
    if (line.plan.otpUses) otp.source?.setMaxUsesPerCode(pacing.uses);
    report.results.push(...outcome.rows);
    if (outcome.tables.length > 0) report.tables = [...(report.tables ?? []), ...outcome.tables];
    report.published ||= outcome.published;
    if (outcome.packages) report.packages = [...(report.packages ?? []), ...outcome.packages];
    failedAfter.push(...outcome.failedAfter);
    if (outcome.error !== undefined) report.error = outcome.error;
    if (!line.command.reads) fresh = false;
  }
  if (web && web.approvals > 0) report.approvals = web.approvals;
  report.error ??= failedAfter[0];
  return report;
}

/** Every line parsed, then settled into its steps (refused without a token where it needs one), before anything runs. */
async function planLines(options: Options, input: CommandInput, deps: Dependencies): Promise<PlannedLine[]> {
  const commands = deps.commands ?? COMMANDS;
  const parsed: Array<{ command: Command<unknown>; data: unknown; source: CommandSource }> =
    input === undefined
      ? [{ command: publishLineCommand as Command<unknown>, data: implicitPublish() as unknown, source: { line: 0, text: publishLineCommand.words.join(' ') } }]
      : await (async () => {
          const defaultPackage = await defaultPackageName(options, deps.cwd);
          const context = { inputName: input.inputName, defaultPackage };
          const words = (given: { words: string[]; inputName: string }) =>
            parseWords(given.words, { line: 0, text: given.words.join(' ') }, commands, { inputName: given.inputName, defaultPackage });
          if (!('block' in input)) return [words(input)];
          return [...parseBlock(input.block, commands, context), ...(input.also ? [words(input.also)] : [])];
        })();
  // An inspecting command alone (doctor) inspects what the run would do without it: the publish of its packages.
  const inspectors = parsed.filter(({ command }) => command.inspects !== undefined);
  if (inspectors.length > 0 && inspectors.length === parsed.length) {
    for (const { command, data } of inspectors) {
      const alone = command.inspects?.alone(data);
      // Line 0: the run's own publish, as when no commands are given.
      if (alone) parsed.push({ command: alone.command, data: alone.data, source: { line: 0, text: alone.text } });
    }
  }
  const inspecting = inspectors.length > 0;
  if (options.token === undefined && !options.dryRun && !inspecting) {
    const needs = parsed.find(({ command }) => !command.byOidc);
    if (needs) {
      const where = needs.source.line > 0 ? `line ${needs.source.line} (${needs.source.text})` : needs.source.text;
      const byOidc = commands.filter((command) => command.byOidc).map((command) => command.words.join(' '));
      throw new InputError(
        options.names.token,
        `${options.names.token}: ${where} needs a registry token: without one, only ${byOidc.join(' and ')} can go, by trusted publishing (OIDC). Set ${options.names.token}.`,
        { received: needs.source.text },
      );
    }
  }
  const lines: PlannedLine[] = [];
  for (const { command, data, source } of parsed) {
    const settle = () => command.plan(data, { options, cwd: deps.cwd, env: deps.env, source });
    if (!inspecting || command.inspects !== undefined) {
      lines.push({ command, source, plan: await settle() });
      continue;
    }
    // Inspected: a refusal is what the inspecting command reports, not the end of the run.
    try {
      lines.push({ command, source, plan: await settle() });
    } catch (error) {
      lines.push({ command, source, plan: { steps: [] }, refused: error });
    }
  }
  return lines;
}

/**
 * The check phase of a run an inspecting command (doctor) looks at: every other line's and step's check, each
 * refusal kept for its step (a line's own check's for each of its steps), none stopping the others.
 */
async function checkInspected(lines: PlannedLine[], env: CheckEnv): Promise<InspectedLine[]> {
  const inspected: InspectedLine[] = [];
  for (const line of lines) {
    if (line.command.inspects !== undefined) continue;
    let lineRefusal: unknown;
    if (line.refused === undefined) {
      try {
        await line.plan.check?.(env);
      } catch (error) {
        lineRefusal = error;
      }
    }
    const steps: InspectedLine['steps'] = [];
    for (const step of line.plan.steps) {
      let refused = lineRefusal;
      if (refused === undefined) {
        try {
          await step.check?.(env);
        } catch (error) {
          refused = error;
        }
      }
      steps.push(refused === undefined ? { step } : { step, refused });
    }
    inspected.push({ command: line.command, source: line.source, steps, ...(line.refused === undefined ? {} : { refused: line.refused }) });
  }
  return inspected;
}

/** How one line ended. */
interface LineOutcome {
  rows: CommandResult[];
  /** The tables its steps gave (doctor's), for the job summary. */
  tables: Array<{ line: number; command: string; table: Table }>;
  /** Its workspace packages, for a monorepo line. */
  packages: PackageListing[] | undefined;
  published: boolean;
  /** What stops the run. */
  error: unknown;
  /** What failed after its effect landed: the run goes on and fails at its end. */
  failedAfter: unknown[];
}

type State = 'waiting' | 'running' | 'ok' | 'failed' | 'not-run';

/**
 * Runs a line's steps: a step starts once the steps it waits for succeeded (in a line that is not `isolated`, every
 * step waits for the one before it), at most `concurrency` at once; a failure stops what waits for it (reported as
 * not run, naming the failed step), and every independent step of an isolated line still goes. Never throws.
 */
async function runLine(line: PlannedLine, run: { context(): CommandContext; env: StepEnv; clock: Clock; logger: Logger }): Promise<LineOutcome> {
  const { plan, source } = line;
  const { clock, logger } = run;
  const steps = plan.steps;
  const state = new Map<Step, State>(steps.map((step) => [step, 'waiting']));
  const rows = new Map<Step, CommandResult>();
  const packages = new Map<Step, PackageListing>();
  const reasons = new Map<Step, string>();
  const failedAfter: unknown[] = [];
  const tables: LineOutcome['tables'] = [];
  const byName = new Map(steps.filter((step) => step.name !== undefined).map((step) => [step.name as string, step]));
  const waitsFor = (step: Step): Step[] => {
    const index = steps.indexOf(step);
    if (!plan.isolated) return index > 0 ? [steps[index - 1] as Step] : [];
    return (step.waitsFor ?? []).map((name) => byName.get(name)).filter((other): other is Step => other !== undefined);
  };
  /** The first failure, what stops the run when the line is not isolated. */
  let lineError: unknown;
  const many = steps.length > 1;
  const name = (step: Step) => (step.version ? `${step.version.name}@${step.version.version}` : step.label);
  const say = (step: Step, text: string) => (many ? `${name(step)}: ${text}` : `${source.line > 0 ? `line ${source.line}: ` : ''}${text}`);

  const runOne = async (step: Step): Promise<boolean> => {
    const context = run.context();
    const startedAt = clock.now();
    try {
      const effect = () => step.run(context, run.env);
      const outcome = step.reconciles ? await effect() : await withTransientRetries(step.label, { clock, logger }, effect, () => context.writes > 0);
      rows.set(step, outcomeResult(source.line, step.label, outcome, context.tally, clock.now() - startedAt));
      if (step.version && plan.isolated) {
        const done = outcome.published
          ? 'published'
          : outcome.status === 'tagged' || outcome.status === 'dry-run' || outcome.status === 'staged'
            ? outcome.status
            : 'unchanged';
        packages.set(step, {
          ...step.version,
          outcome: done,
          detail: outcome.detail,
          ...(outcome.stageId === undefined ? {} : { stageId: outcome.stageId }),
          ...(outcome.transparencyLogUrl ? { transparencyLogUrl: outcome.transparencyLogUrl } : {}),
        });
      }
      logger.info(say(step, outcome.detail));
      if (outcome.table) {
        tables.push({ line: source.line, command: step.label, table: outcome.table });
        logger.info(textTable(outcome.table));
      }
      if (outcome.failure !== undefined) {
        failedAfter.push(outcome.failure);
        logger.error(say(step, describeError(outcome.failure)));
      }
      return true;
    } catch (error) {
      rows.set(step, {
        ...failedResult(source.line, step.label, error, clock.now() - startedAt),
        otpAttempts: context.tally.otpAttempts,
        waitedMs: context.tally.waitedMs,
      });
      if (step.version && plan.isolated) packages.set(step, { ...step.version, outcome: 'failed', detail: describeError(error) });
      reasons.set(step, describeError(error));
      if (plan.isolated) logger.error(say(step, describeError(error)));
      lineError ??= error;
      return false;
    }
  };

  await new Promise<void>((resolve) => {
    let running = 0;
    const settle = () => {
      // A step whose prerequisite failed (or was stopped) cannot go: mark it, and what waits for it, not run.
      for (let changed = true; changed;) {
        changed = false;
        for (const step of steps) {
          if (state.get(step) !== 'waiting') continue;
          const blocked = waitsFor(step).find((other) => ['failed', 'not-run'].includes(state.get(other) ?? ''));
          if (!blocked) continue;
          state.set(step, 'not-run');
          reasons.set(
            step,
            plan.isolated
              ? `not run: it depends on ${blocked.version?.name ?? name(blocked)}, which ${state.get(blocked) === 'failed' ? 'failed' : 'was not run'}`
              : 'not run: an earlier command failed',
          );
          changed = true;
        }
      }
      for (const step of steps) {
        if (running >= (plan.concurrency ?? 1)) break;
        if (state.get(step) !== 'waiting') continue;
        if (!waitsFor(step).every((other) => state.get(other) === 'ok')) continue;
        running += 1;
        state.set(step, 'running');
        void runOne(step).then((ok) => {
          state.set(step, ok ? 'ok' : 'failed');
          running -= 1;
          settle();
        });
      }
      if (running === 0) resolve();
    };
    settle();
  });

  for (const step of steps) {
    if (state.get(step) !== 'not-run') continue;
    const detail = reasons.get(step) ?? 'not run';
    rows.set(step, notRun(source.line, step.label, detail));
    if (step.version && plan.isolated) packages.set(step, { ...step.version, outcome: 'not-run', detail });
  }
  const listing =
    plan.isolated && steps.some((step) => step.version)
      ? [...steps.flatMap((step) => (packages.has(step) ? [packages.get(step) as PackageListing] : [])), ...(plan.listed ?? [])]
      : undefined;
  const failed = steps.some((step) => state.get(step) === 'failed');
  let error: unknown;
  if (plan.isolated && plan.failure && listing && (failed || failedAfter.length > 0)) {
    const summary = plan.failure(listing, failedAfter);
    if (failed) error = summary;
    else
      return {
        rows: steps.map((step) => rows.get(step) as CommandResult),
        tables,
        packages: listing,
        published: [...rows.values()].some((row) => row.outcome === 'published'),
        error: undefined,
        failedAfter: [summary],
      };
  } else if (failed) error = lineError;
  return {
    rows: steps.map((step) => rows.get(step) as CommandResult),
    tables,
    packages: listing,
    published: [...rows.values()].some((row) => row.outcome === 'published'),
    error,
    failedAfter: error === undefined ? failedAfter : [],
  };
}

/** What a web approval's page and message say the run is doing, when it is more than the write waiting. */
function runDescription(lines: PlannedLine[]): { runDescription?: string } {
  const packages = lines.reduce((sum, { plan }) => sum + (plan.isolated ? plan.steps.length : 0), 0);
  if (packages > 0 && lines.length === 1) return { runDescription: `${lines[0]?.command.words.join(' ')} of ${packages} packages` };
  if (lines.length > 1) return { runDescription: `a run of ${lines.length} commands` };
  return {};
}

/** The package the `package` setting names, for commands that leave `<pkg>` out. */
async function defaultPackageName(options: Options, cwd: string): Promise<{ name: string } | { problem: string }> {
  try {
    const source = await readPackageSource(options.packageSpec, cwd, options.names.package);
    return { name: source.kind === 'folder' ? source.manifest.name : (await readTarball(source.file, options.names.package)).manifest.name };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

function notRun(line: number, command: string, detail: string): CommandResult {
  return { line, command, ok: false, skipped: false, outcome: 'not-run', otpAttempts: 0, waitedMs: 0, durationMs: 0, detail };
}

/** Says, before any write, which authentication the writes will use. */
function authPlan(options: Options): string {
  const token = options.token
    ? 'the token'
    : options.dryRun
      ? 'no token (dry run)'
      : 'no token: only trusted publishing (OIDC) can upload, and reads are anonymous';
  const approvals = `a web approval: a person approves each challenged write on npm's page while the job waits (up to ${formatDuration(options.approvalTimeoutMs)} each)`;
  const otp =
    options.secret && options.authType !== 'web'
      ? `a one-time password computed just in time from ${options.names.otpSecret} (${options.secret.algorithm.toUpperCase()}, ${options.secret.digits} digits, ${options.secret.period} s)` +
        (options.authType === 'auto' ? `, or ${approvals} if the account answers codes with one` : '')
      : options.authType === 'totp'
        ? `no one-time password (${options.names.otpSecret} is not set)`
        : `where the registry asks for 2FA, ${approvals} (${options.names.authType} ${options.authType}${options.authType === 'auto' ? `, ${options.names.otpSecret} not set` : ''})`;
  return `Authentication: ${token}, and ${otp}.`;
}
