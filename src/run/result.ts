import type { CommandOutcome, PackageListing, Table } from '../commands/command.ts';
import type { OtpTally } from '../otp/with-otp.ts';
import { describeError } from '../foundation/describe-error.ts';

/** What happened to one command, for outputs, the job summary and the CLI. */
export interface CommandResult {
  /** Line in the `commands` block; 0 for the implicit publish of the `package` setting. */
  line: number;
  /** The command: `publish <name>@<version>` for publishes, the line as written otherwise. */
  command: string;
  /** True when the registry ends in the state the command asked for (or the read succeeded). */
  ok: boolean;
  /** True when nothing had to be written (already so, a read, or a dry run). */
  skipped: boolean;
  /**
   * `published` / `done`: written by this run. `tagged`: the version was already published and this run set the
   * asked-for tag on it. `unchanged`: the registry already agreed. `read`: a read-only command. `dry-run`: would
   * write. `staged`: uploaded to the staging area by `stage publish`, to be approved. `failed`: see detail. `not-run`:
   * an earlier command failed (or the run was refused before anything ran).
   */
  outcome: 'published' | 'done' | 'tagged' | 'unchanged' | 'read' | 'dry-run' | 'staged' | 'failed' | 'not-run';
  /** One-time passwords sent for this command. */
  otpAttempts: number;
  /** Time spent waiting for OTP windows, Retry-After or backoff, ms. */
  waitedMs: number;
  /** Wall time of the command, ms. */
  durationMs: number;
  /** What changed or was read, or why it failed. */
  detail: string;
  /** `stage publish` (outcome `staged`, or `unchanged` when it was staged before), `stage approve|reject`: the staged version's id. */
  stageId?: string;
  /** `trust github|gitlab|circleci`: the trusted publisher's id (created, or found identical); `trust revoke`: the id revoked. */
  id?: string;
  /** `trust list`, `stage list`, `stage view`: what was read, as JSON data (the registry's objects). */
  data?: unknown;
  /** A publish with provenance: the signed statement's entry in the transparency log (search.sigstore.dev). */
  transparencyLogUrl?: string;
}

/**
 * What happened to one workspace package of a monorepo publish, for the `packages` output: `published` by this
 * run; `unchanged` (already there, identical); `tagged` (already there, tag set by this run); `private` or
 * `skipped` (never published, with why); `dry-run`; `staged` (by `stage publish --workspaces`); `failed` (see
 * detail); `not-run` (a package it depends on failed).
 */
export type PackageResult = PackageListing;

/** The outcome of a run: every command's result, and the error that stopped it if any. */
export interface RunReport {
  /** True when a version was uploaded by this run. */
  published: boolean;
  /** Name, version and tag of the (first) publish. */
  name: string | undefined;
  version: string | undefined;
  tag: string | undefined;
  /** Registry base URL used. */
  registry: string;
  results: CommandResult[];
  /** One entry per workspace package in scope, when the run published workspaces. */
  packages?: PackageResult[];
  /** Web approvals a person gave during the run (auth-type auto or web); absent when none was asked for. */
  approvals?: number;
  /** Tables a command gave (doctor's findings), for the job summary; the log has them already. */
  tables?: Array<{ line: number; command: string; table: Table }>;
  /** Set when the run failed. */
  error?: unknown;
}

/** A failed row. */
export function failedResult(line: number, command: string, error: unknown, durationMs: number): CommandResult {
  return { line, command, ok: false, skipped: false, outcome: 'failed', otpAttempts: 0, waitedMs: 0, durationMs, detail: describeError(error) };
}

/** The row of a command that ended without failing: its outcome, the codes and waits it cost, and what it carries (ids, data, the log entry). */
export function outcomeResult(line: number, command: string, outcome: CommandOutcome, tally: OtpTally, durationMs: number): CommandResult {
  const published = outcome.published === true;
  return {
    line,
    command,
    ok: true,
    skipped: !published && outcome.status !== 'done' && outcome.status !== 'tagged' && outcome.status !== 'staged',
    outcome: published ? 'published' : outcome.status,
    otpAttempts: tally.otpAttempts,
    waitedMs: tally.waitedMs,
    durationMs,
    detail: outcome.detail,
    ...(outcome.stageId === undefined ? {} : { stageId: outcome.stageId }),
    ...(outcome.id === undefined ? {} : { id: outcome.id }),
    ...(outcome.data === undefined ? {} : { data: outcome.data }),
    ...(outcome.transparencyLogUrl ? { transparencyLogUrl: outcome.transparencyLogUrl } : {}),
  };
}
