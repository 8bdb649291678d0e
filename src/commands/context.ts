import { randomUUID } from 'node:crypto';
import type { Logger } from '../foundation/logger.ts';
import { type OtpContext, type OtpTally, withOtp } from '../otp/with-otp.ts';
import type { RegistryClient } from '../registry/client.ts';
import type { Account } from '../registry/owners.ts';
import type { Write } from '../registry/write.ts';

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
   * the detail says it, and the run fails at its end.
   */
  failure?: unknown;
}

/** A fresh context for one command. */
export function commandContext(base: Omit<CommandContext, 'session' | 'tally' | 'users' | 'writes'> & { users?: Map<string, Account> }): CommandContext {
  return { ...base, writes: 0, users: base.users ?? new Map(), session: randomUUID().replaceAll('-', '').slice(0, 16), tally: { otpAttempts: 0, waitedMs: 0 } };
}

/**
 * One write of a command, through the one OTP wrapper: `send` gets the
 * `Write` to pass to the registry function (the code if any, the command's
 * npm-session and npm's command name).
 */
export function otpWrite<T>(context: CommandContext, label: string, npmCommand: string, send: (write: Write) => Promise<T>, bodyBytes = 0): Promise<T> {
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
