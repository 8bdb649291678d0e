import type { CommandContext, CommandOutcome } from '../commands/context.ts';
import { executePublish, type PublishDeps } from '../commands/publish.ts';
import type { WorkspacePublishPlan } from '../commands/types.ts';
import type { Clock } from '../foundation/clock.ts';
import { describeError } from '../foundation/describe-error.ts';
import { ProductError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';
import type { Packument } from '../registry/packument.ts';
import { outcomeResult, type PackageResult, type WriteResult } from './result.ts';

/** What publishing a monorepo needs from the runner. */
export interface WorkspaceRun {
  plan: WorkspacePublishPlan;
  /** Each public member's packument, read before anything ran. */
  packuments: Map<string, Packument | undefined>;
  /** A fresh command context (its own npm-session and counts) for one package. */
  context(): CommandContext;
  publishDeps: PublishDeps;
  /** Runs one package's publish with the runner's transient-failure retries. */
  retrying(context: CommandContext, run: () => Promise<CommandOutcome>): Promise<CommandOutcome>;
  clock: Clock;
  logger: Logger;
}

/** How a monorepo publish ended: a row per package and per write, and the error if any package failed. */
export interface WorkspaceOutcome {
  packages: PackageResult[];
  rows: WriteResult[];
  error: unknown;
  /** False when every package is in the state it was to reach and only a script after an upload failed: later commands still run. */
  stops: boolean;
}

type State = 'waiting' | 'running' | 'ok' | 'failed' | 'not-run';

/**
 * Publishes every public member of a monorepo plan: a package starts once
 * every workspace package it waits for is in the registry (published by this
 * run or already there), at most `concurrency` at once; a failure stops the
 * packages that depend on it (reported as not run, naming the failed
 * dependency) while every independent package still goes. Never throws.
 */
export async function publishWorkspaces(run: WorkspaceRun): Promise<WorkspaceOutcome> {
  const { plan, logger, clock } = run;
  const line = plan.command.line;
  const state = new Map<string, State>();
  const packages = new Map<string, PackageResult>();
  const rows = new Map<string, WriteResult>();
  const reasons = new Map<string, string>();
  /** Scripts that failed after their package's upload: the package is published, and the run fails at its end. */
  const failedAfter: unknown[] = [];
  const publishable = plan.members.filter((member) => member.plan !== undefined);
  for (const member of plan.members) {
    if (member.plan) state.set(member.name, 'waiting');
  }
  for (const warning of plan.warnings) logger.warning(warning);
  logger.info(
    `Publishing ${publishable.length} of ${plan.members.length} workspace package${plan.members.length === 1 ? '' : 's'} of ${plan.root} (${plan.manager}), ` +
      `${plan.concurrency} at a time, ${plan.otpUsesWhy}.`,
  );

  await new Promise<void>((resolve) => {
    let running = 0;
    const settle = () => {
      // A package whose dependency failed (or was stopped) cannot go: mark it, and what depends on it, not run.
      for (let changed = true; changed; ) {
        changed = false;
        for (const member of publishable) {
          if (state.get(member.name) !== 'waiting') continue;
          const blocked = (plan.waitsFor.get(member.name) ?? []).find((dependency) => ['failed', 'not-run'].includes(state.get(dependency) ?? ''));
          if (!blocked) continue;
          state.set(member.name, 'not-run');
          reasons.set(member.name, `not run: it depends on ${blocked}, which ${state.get(blocked) === 'failed' ? 'failed' : 'was not run'}`);
          changed = true;
        }
      }
      for (const member of publishable) {
        if (running >= plan.concurrency) break;
        if (state.get(member.name) !== 'waiting') continue;
        if (!(plan.waitsFor.get(member.name) ?? []).every((dependency) => state.get(dependency) === 'ok')) continue;
        running += 1;
        state.set(member.name, 'running');
        void publishOne(member.name).then((ok) => {
          state.set(member.name, ok ? 'ok' : 'failed');
          running -= 1;
          settle();
        });
      }
      if (running === 0) resolve();
    };

    const publishOne = async (name: string): Promise<boolean> => {
      const member = plan.members.find((entry) => entry.name === name);
      const memberPlan = member?.plan;
      if (!memberPlan) return false;
      const context = run.context();
      const startedAt = clock.now();
      const id = `${memberPlan.name}@${memberPlan.version}`;
      const verb = memberPlan.command.stage ? 'stage publish' : 'publish';
      try {
        const outcome = await run.retrying(context, () => executePublish(context, memberPlan, run.packuments.get(name), run.publishDeps));
        const published = outcome.published === true;
        rows.set(name, outcomeResult(line, `${verb} ${id}`, outcome, context.tally, clock.now() - startedAt));
        packages.set(name, { name: memberPlan.name, version: memberPlan.version, tag: memberPlan.tag, outcome: published ? 'published' : outcome.status === 'tagged' || outcome.status === 'dry-run' || outcome.status === 'staged' ? outcome.status : 'unchanged', detail: outcome.detail, ...(outcome.stageId === undefined ? {} : { stageId: outcome.stageId }) });
        logger.info(`${id}: ${outcome.detail}`);
        if (outcome.failure !== undefined) {
          failedAfter.push(outcome.failure);
          logger.error(`${id}: ${describeError(outcome.failure)}`);
        }
        return true;
      } catch (error) {
        const detail = describeError(error);
        rows.set(name, { line, command: `${verb} ${id}`, ok: false, skipped: false, outcome: 'failed', otpAttempts: context.tally.otpAttempts, waitedMs: context.tally.waitedMs, durationMs: clock.now() - startedAt, detail });
        packages.set(name, { name: memberPlan.name, version: memberPlan.version, tag: memberPlan.tag, outcome: 'failed', detail });
        reasons.set(name, detail);
        logger.error(`${id}: ${detail}`);
        return false;
      }
    };
    settle();
  });

  for (const member of publishable) {
    if (state.get(member.name) !== 'not-run') continue;
    const memberPlan = member.plan as NonNullable<typeof member.plan>;
    const detail = reasons.get(member.name) ?? 'not run';
    rows.set(member.name, { line, command: `${memberPlan.command.stage ? 'stage publish' : 'publish'} ${memberPlan.name}@${memberPlan.version}`, ok: false, skipped: false, outcome: 'not-run', otpAttempts: 0, waitedMs: 0, durationMs: 0, detail });
    packages.set(member.name, { name: memberPlan.name, version: memberPlan.version, tag: memberPlan.tag, outcome: 'not-run', detail });
  }
  // Listed members may share a name (private fixtures often do): each is reported from its own entry.
  const ordered = plan.members.map((member) =>
    member.plan ? (packages.get(member.name) as PackageResult) : { name: member.name, version: member.version, tag: '', outcome: member.listed?.outcome ?? 'private', detail: member.listed?.detail ?? 'private: not published' },
  );
  const failed = ordered.filter((entry) => entry.outcome === 'failed');
  return {
    packages: ordered,
    rows: publishable.map((member) => rows.get(member.name) as WriteResult),
    error: failed.length === 0 && failedAfter.length === 0 ? undefined : new WorkspacesFailedError(ordered, failedAfter),
    stops: failed.length > 0,
  };
}

/** Some workspace packages failed: says which, why, and exactly what is in the registry now. */
export class WorkspacesFailedError extends ProductError {
  /** `failedAfter`: what failed after a package's upload (its postpublish script), the package published all the same. */
  constructor(packages: PackageResult[], failedAfter: unknown[] = []) {
    const ids = (outcome: PackageResult['outcome'] | Array<PackageResult['outcome']>) =>
      packages.filter((entry) => (Array.isArray(outcome) ? outcome : [outcome]).includes(entry.outcome)).map((entry) => `${entry.name}@${entry.version}`);
    const failed = packages.filter((entry) => entry.outcome === 'failed');
    const list = (names: string[]) => (names.length === 0 ? 'none' : names.join(', '));
    const what = [
      ...(failed.length === 0 ? [] : [`${failed.length} workspace package${failed.length === 1 ? '' : 's'} failed: ${failed.map((entry) => `${entry.name}@${entry.version} (${entry.detail})`).join('; ')}`]),
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
