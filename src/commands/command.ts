import { randomUUID } from 'node:crypto';
import type { ProductError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';
import type { CommandGrammar, CommandSource } from '../grammar/line.ts';
import type { Options } from '../grammar/options.ts';
import { type OtpContext, type OtpTally, withOtp } from '../otp/with-otp.ts';
import type { RegistryClient } from '../registry/client.ts';
import type { Account } from '../registry/owners.ts';
import type { Sigstore } from '../registry/publish.ts';
import type { NpmHeaders } from '../registry/npm-headers.ts';

/**
 * A command, whole, in one object (as npm's commands carry `name`, `usage` and `params` beside `exec`): the words
 * and flags of its grammar and how it reads a line, whether it writes and needs a token, and how a line of it is
 * settled into steps before any effect, each step with its check and its effect. Help, the CLI's flags, the
 * `commands` block and the runner all read these (commands/index.ts lists them); nothing else names a command.
 */
export interface Command<T = unknown> extends CommandGrammar<T> {
  /** What it does, in a line (help). */
  summary: string;
  /** Writes nothing: a publish after it still sees the registry as the run found it. */
  reads: boolean;
  /** May go without a token, authenticated by trusted publishing (OIDC) instead; every other command needs a token. */
  byOidc: boolean;
  /** What registry.npmjs.org asks of its requests (doctor says which auth each planned write would use, and why one would fail). */
  auth: WriteAuth;
  /**
   * Set for a command that inspects the run instead of joining it (doctor). With a line of it in the run, nothing
   * is written: every other line is planned and checked (a refusal is recorded for it, not the end of the run),
   * never run, and this line's steps get them (StepEnv.inspected). `alone` is the line it inspects when the run
   * has no other: doctor's is the publish of its packages.
   */
  inspects?: { alone(data: T): { command: Command<unknown>; data: unknown; text: string } };
  /** Settles one line, from the checkout and the settings alone, into the steps it runs. */
  plan(data: T, env: PlanEnv): Promise<LinePlan> | LinePlan;
}

/**
 * What registry.npmjs.org asks of a command's requests (npm's rules of 2026, NPM-POLICY.md):
 * - `none`: reads; a token at most.
 * - `publish`: a direct publish: trusted publishing (OIDC) where the package trusts the job, else the token and
 *   the account's 2FA (a bypass-2FA token goes without, until npm ends that in January 2027).
 * - `stage`: a staged upload: trusted publishing or the token, never 2FA (deferred to the approval).
 * - `package`: a package write (dist-tags, deprecations, unpublish): the token and the account's 2FA; a bypass-2FA token goes without.
 * - `governance`: owner, access and mfa changes: the token and 2FA always; a bypass-2FA token is refused (Forbidden2FABypassGAT).
 * - `trust`: trusted publishers, the list included: as governance, and only for an account with 2FA.
 * - `approval`: approving or rejecting a staged version: the token and 2FA, each approval its own, and only for an account with 2FA.
 */
export type WriteAuth = 'none' | 'publish' | 'stage' | 'package' | 'governance' | 'trust' | 'approval';

/** A line of the run as an inspecting command (doctor) sees it: planned and checked, never run. */
export interface InspectedLine {
  command: Command<unknown>;
  source: CommandSource;
  /** Why it could not even be settled into steps (a refusal of the checkout or the settings); it then has none. */
  refused?: unknown;
  /** Its steps, each with the refusal its check (or its line's) made, if any. */
  steps: Array<{ step: Step; refused?: unknown }>;
}

/** A table for the log and the job summary (doctor's findings). */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

/** What settling a line may read: the settings, the folder the package setting is relative to, the environment. */
export interface PlanEnv {
  options: Options;
  cwd: string;
  env: NodeJS.ProcessEnv;
  source: CommandSource;
}

/** A line settled: its steps, and how they run. */
export interface LinePlan {
  steps: Step[];
  /** Steps that run at once. Default 1, in order. */
  concurrency?: number;
  /**
   * A failed step stops only the steps that wait for it, and the others go on (a monorepo's packages). Default:
   * a failed step stops the line and every later line.
   */
  isolated?: boolean;
  /** The most writes one code is sent with while this line runs (a monorepo's pacing), and why, for the log. */
  otpUses?: { uses: number; why: string };
  /** What to say when the line starts. */
  intro?: string;
  warnings?: string[];
  /** Before any step of the run: reads that settle the whole line (a monorepo's packuments, in parallel). */
  check?(env: CheckEnv): Promise<void>;
  /** Workspace packages it lists without publishing (private, skipped), for the `packages` output. */
  listed?: PackageListing[];
  /** With `isolated`: the run's error when some steps failed (or failed after their effect landed), saying what is in the registry now. */
  failure?(packages: PackageListing[], failedAfter: unknown[]): ProductError;
}

/** One thing a line does: one package, one tag, one owner. */
export interface Step {
  /** How results name it: `publish a@1.0.0`, or the line as written. */
  label: string;
  /** Its name within the line, for `waitsFor`. */
  name?: string;
  /** Names of the steps of its line that must have succeeded first (a monorepo's dependency order). */
  waitsFor?: string[];
  /** Sends no write. */
  reads: boolean;
  /** The package it writes to or reads, where the line names one (doctor checks the token's user maintains it). */
  pkg?: string;
  /** A version it publishes: the run's `name`, `version` and `tag` outputs (a lone publish), or its row in `packages` (a monorepo). */
  version?: { name: string; version: string; tag: string };
  /** Reads the registry before anything of the run runs (one read, a user looked up): a refusal here stops the run before any effect. */
  check?(env: CheckEnv): Promise<void>;
  /** Its effect, every write through the one OTP wrapper. */
  run(context: CommandContext, env: StepEnv): Promise<CommandOutcome>;
  /** Reconciles its own lost answers (an upload reads the registry back): the runner does not run it again after a transient failure. */
  reconciles?: boolean;
}

/** What a check may use. */
export interface CheckEnv {
  client: RegistryClient;
  /** Accounts looked up so far (owner changes check their user here). */
  users: Map<string, Account>;
  /** True when the run is this one step: a lone publish packs its folder while the registry answers its read. */
  alone: boolean;
}

/** What a step's effect may use besides its context. */
export interface StepEnv {
  /** The environment package scripts start from, with every secret already removed. */
  scriptEnv: Record<string, string>;
  trustedPublishing?: TrustedPublishing | undefined;
  /** Where provenance statements are signed; default sigstore's public instances. */
  sigstore?: Sigstore | undefined;
  /** False when the run has no token: only a trusted-publishing (OIDC) upload can go. */
  hasToken: boolean;
  /** True while no write of the run came before this step: what its check read is still what the registry holds. */
  fresh: boolean;
  /** For an inspecting command (doctor): every other line of the run, planned and checked, not run. */
  inspected?: InspectedLine[];
}

/** A workspace package as the `packages` output shows it. */
export interface PackageListing {
  name: string;
  version: string;
  /** The dist-tag it was (or would be) published under; '' for one that is not published. */
  tag: string;
  outcome: 'published' | 'unchanged' | 'tagged' | 'private' | 'skipped' | 'dry-run' | 'staged' | 'failed' | 'not-run';
  detail: string;
  stageId?: string;
  transparencyLogUrl?: string;
}

/** A registry client authenticated by trusted publishing (OIDC) for `pkg`, or undefined to use the token. */
/** A trusted-publishing session for `pkg`, exchanged as npm's `npmCommand` (`publish`, `stage`) does it; undefined when the job cannot have one. */
export type TrustedPublishing = (pkg: string, npmCommand: string) => Promise<TrustedSession | undefined>;

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

/** A plan of one step, as most lines are. */
export function oneStep(step: Step): LinePlan {
  return { steps: [step] };
}

/** What every command needs; one per command, sharing the run's client and OTP source. */
export interface CommandContext {
  client: RegistryClient;
  otp: OtpContext;
  logger: Logger;
  /** Report what would be written, write nothing. */
  dryRun: boolean;
  /** One npm-session id per command, as each npm CLI invocation has its own. */
  session: string;
  /** Running OTP counts for this command. */
  tally: OtpTally;
  /** Writes this command has sent (attempts included), so a retry knows whether one may have landed. */
  writes: number;
  /** Accounts already looked up in this run, by user name (checked before the first write, used by owner changes). */
  users: Map<string, Account>;
}

/** How a command ended when it did not fail. */
export interface CommandOutcome {
  /**
   * `done`: written. `tagged`: the version was there already and got the asked-for tag. `unchanged`: the registry
   * already agreed, nothing written. `read`: a read-only command. `dry-run`: would write. `staged`: uploaded to the
   * registry's staging area (`stage publish`), to be approved.
   */
  status: 'done' | 'tagged' | 'unchanged' | 'read' | 'dry-run' | 'staged';
  /** What changed, or what was read, in a sentence. */
  detail: string;
  /** True when this command uploaded a version. */
  published?: boolean;
  /** The staged version's id: set by `stage publish` (status `staged`, or `unchanged` when staged before) and `stage approve|reject`. */
  stageId?: string;
  /** A trusted publisher's id: the one created (or found identical) by `trust github|gitlab|circleci`, or revoked. */
  id?: string;
  /** What a read-only command read, as data (`trust list`, `stage list|view`), for the `results` output. */
  data?: unknown;
  /** A publish with provenance: the statement's entry in the transparency log. */
  transparencyLogUrl?: string;
  /**
   * What failed after the effect landed (a `publish` or `postpublish` script after the upload): the outcome stands,
   * the detail says it, and the run fails at its end. Doctor's findings too: its row stands, with its data, and a
   * planned write that would fail fails the run.
   */
  failure?: unknown;
  /** A table of what it found, for the log and the job summary (doctor). */
  table?: Table;
}

/** A fresh context for one command. */
export function commandContext(base: Omit<CommandContext, 'session' | 'tally' | 'users' | 'writes'> & { users?: Map<string, Account> }): CommandContext {
  return { ...base, writes: 0, users: base.users ?? new Map(), session: randomUUID().replaceAll('-', '').slice(0, 16), tally: { otpAttempts: 0, waitedMs: 0 } };
}

/**
 * One write of a command, through the one OTP wrapper: `send` gets the
 * `NpmHeaders` to pass to the registry function (the code if any, the
 * command's npm-session and npm's command name).
 */
export function otpWrite<T>(
  context: CommandContext,
  label: string,
  npmCommand: string,
  send: (npmHeaders: NpmHeaders) => Promise<T>,
  bodyBytes = 0,
): Promise<T> {
  return withOtp(
    context.otp,
    {
      label,
      bodyBytes,
      npmCommand,
      send: (otp) => {
        context.writes += 1;
        return send({ otp, session: context.session, command: npmCommand });
      },
    },
    context.tally,
  );
}
