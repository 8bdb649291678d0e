import { randomUUID } from 'node:crypto';
import type { Logger } from '../foundation/logger.ts';
import { type OtpContext, type OtpTally, withOtp } from '../otp/with-otp.ts';
import type { RegistryClient } from './client.ts';

/** What every registry command needs; one per command, sharing the run's client and OTP source. */
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

/** A registry account, as owner changes record it. */
export interface Account {
  name: string;
  email?: string;
}

/** How a command ended when it did not fail. */
export interface CommandOutcome {
  /** `done`: written. `unchanged`: the registry already agreed, nothing written. `read`: a read-only command. `dry-run`: would write. */
  status: 'done' | 'unchanged' | 'read' | 'dry-run';
  /** What changed, or what was read, in a sentence. */
  detail: string;
}

/** A fresh context for one command. */
export function commandContext(base: Omit<CommandContext, 'session' | 'tally' | 'users' | 'writes'> & { users?: Map<string, Account> }): CommandContext {
  return { ...base, writes: 0, users: base.users ?? new Map(), session: randomUUID().replaceAll('-', '').slice(0, 16), tally: { otpAttempts: 0, waitedMs: 0 } };
}

/**
 * One write of a command, through the one OTP wrapper; `send` gets the
 * npm-registry-fetch options to use (auth, the code, no retries, the session).
 */
export function otpWrite<T>(context: CommandContext, label: string, npmCommand: string, send: (options: Record<string, unknown>) => Promise<T>, bodyBytes = 0): Promise<T> {
  return withOtp(
    context.otp,
    {
      label,
      bodyBytes,
      send: (otp) => {
        context.writes += 1;
        return context.client.timed(bodyBytes, () => send(context.client.writeOptions(otp, { npmCommand, npmSession: context.session })));
      },
    },
    context.tally,
  );
}
