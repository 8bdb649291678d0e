/** What happened to one write (or the one publish), for outputs and the job summary. */
export interface WriteResult {
  /** The command as the user would type it, e.g. `publish my-pkg@1.2.3`. */
  command: string;
  /** True when the registry ends in the state the command asked for. */
  ok: boolean;
  /** True when nothing had to be written (already so, or a dry run). */
  skipped: boolean;
  /** `published`, `unchanged` (already identical), `dry-run`, `failed` or `not-run`. */
  outcome: 'published' | 'unchanged' | 'dry-run' | 'failed' | 'not-run';
  /** One-time passwords sent for this command. */
  otpAttempts: number;
  /** Time spent waiting for OTP windows, Retry-After or backoff, ms. */
  waitedMs: number;
  /** Wall time of the command, ms. */
  durationMs: number;
  /** What changed, or why it failed. */
  detail: string;
}

/** The outcome of a run: every command's result, and the error that stopped it if any. */
export interface RunReport {
  /** True when a version was uploaded by this run. */
  published: boolean;
  name: string | undefined;
  version: string | undefined;
  tag: string | undefined;
  /** Registry base URL used. */
  registry: string;
  results: WriteResult[];
  /** Set when the run failed. */
  error?: unknown;
}
