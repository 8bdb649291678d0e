import type { Clock } from '../foundation/clock.ts';
import type { Logger } from '../foundation/logger.ts';
import { errorHeader, statusOf } from '../foundation/http-errors.ts';
import { isRecord } from '../foundation/is-record.ts';
import { credentialRefusal } from '../foundation/refusals.ts';
import { OtpRejectedError, OtpRequiredError, RateLimitedError, SecurityKeyError } from './errors.ts';
import { DEFAULT_MAX_TOTAL_WAIT_MS, type IssuedCode, type OtpSource } from './source.ts';
import { webChallengeOf, type WebApprovals } from './web-approval.ts';

/** One registry write, as the wrapper sees it. */
export interface OtpWrite<T> {
  /** Names the write in messages, e.g. `publish pkg@1.0.0`. */
  label: string;
  /** Size of the request body, so the code is chosen with time to upload it. Default 0. */
  bodyBytes?: number;
  /** npm's command name (`publish`, `dist-tag`...), sent with a web approval's polls as npm sends it. */
  npmCommand?: string;
  /** Sends the request with `otp`: a TOTP code, a web approval's token, or undefined (none to send). */
  send(otp: string | undefined): Promise<T>;
  /** True when it goes with trusted publishing's short-lived token, false with the run's token; for what a refusal says. Default unknown. */
  trusted?: boolean;
}

export interface OtpContext {
  /** Absent when no TOTP secret is configured (or auth-type is web): writes go out without a code. */
  source: OtpSource | undefined;
  /** Web approvals (auth-type auto or web): a person approves a challenged write while the job waits. Absent with auth-type totp. */
  web?: WebApprovals | undefined;
  /** The setting that chooses TOTP or web approvals, for messages (`auth-type`, `--auth-type`). */
  authTypeInput?: string;
  clock: Clock;
  logger: Logger;
  /** Name of the setting that holds the secret, for messages (`otp-secret`, `NPM_TOTP_SECRET`). */
  secretInput: string;
  /** Codes tried per write before giving up. Default 3. */
  maxAttempts?: number;
  /**
   * Without a source only: most time one write waits out 429 answers, ms.
   * Default 600000. With a source, its `maxTotalWaitMs` budget for the whole
   * run applies instead.
   */
  maxRateLimitWaitMs?: number;
}

/** Running counts for one write, kept up to date even when it fails. */
export interface OtpTally {
  /** Codes sent (0 without a secret). */
  otpAttempts: number;
  /** Time spent waiting for windows and Retry-After, ms. */
  waitedMs: number;
}

/**
 * The one wrapper every registry write goes through (npm's `otplease`,
 * without a terminal): a fresh code right before each attempt, the next
 * window's code after a rejection, a bounded number of attempts; a web
 * approval when the registry offers one (a person approves while the job
 * waits: WebApprovals), or at once a clear failure where the settings do not
 * allow it; and 429 waits: with a source, a 429 pauses every write for its
 * Retry-After (the limit is the account's) within the run's wait budget
 * (EWAITBUDGET past it); without one, this write waits within
 * `maxRateLimitWaitMs` (ERATELIMIT past it). A refusal that says what is wrong
 * with the credential (an expired token, a bypass-2FA token on a governance
 * write, a stage-only one publishing) is thrown as its own error (refusals.ts).
 */
export async function withOtp<T>(context: OtpContext, write: OtpWrite<T>, tally: OtpTally = { otpAttempts: 0, waitedMs: 0 }): Promise<T> {
  const maxAttempts = context.maxAttempts ?? 3;
  const maxRateLimitWaitMs = context.maxRateLimitWaitMs ?? DEFAULT_MAX_TOTAL_WAIT_MS;
  const { source, clock } = context;
  let otpAttempts = 0;
  let rateLimitWaits = 0;
  let rateLimitWaitedMs = 0;
  const windowsTried = new Set<number>();
  for (;;) {
    let issued: IssuedCode | undefined;
    // Once the account answered a code with a web challenge, the rest of the run asks for approvals instead.
    const totp = source !== undefined && context.web?.replacesTotp !== true ? source : undefined;
    if (totp) {
      issued = await totp.next({ bodyBytes: write.bodyBytes ?? 0 });
      tally.waitedMs += issued.waitedMs;
      windowsTried.add(issued.window);
      otpAttempts += 1;
      tally.otpAttempts += 1;
    }
    const otp = issued?.code ?? context.web?.firstOtp();
    let value: T;
    try {
      value = await write.send(otp);
    } catch (error) {
      if (statusOf(error) === 429) {
        rateLimitWaits += 1;
        const retryAfterMs = retryAfter(error, clock.now());
        // At least Retry-After, and at least 2, 4, 8 s... for this write's repeated 429s: a `Retry-After: 0` cannot make a busy loop.
        const waitMs = Math.max(retryAfterMs ?? 0, 1000 * 2 ** rateLimitWaits);
        if (source) {
          // Settles the code and pauses every write; the next `next()` waits, or fails once the run's budget is spent.
          source.rateLimited(issued, { retryAfterMs: waitMs, codeUses: isOtpRateLimit(error) });
          otpAttempts -= 1; // that code was never judged, so it does not count against the bound
          continue;
        }
        if (rateLimitWaitedMs + waitMs > maxRateLimitWaitMs) throw new RateLimitedError(write.label, retryAfterMs, { cause: error });
        context.logger.info(`The registry asks to slow down (429); waiting ${(waitMs / 1000).toFixed(1)} s before "${write.label}".`);
        await clock.sleep(waitMs);
        rateLimitWaitedMs += waitMs;
        tally.waitedMs += waitMs;
        continue;
      }
      const challenge = isOtpChallenge(error) ? webChallengeOf(error) : undefined;
      if (source && issued && !(isOtpChallenge(error) && challenge === undefined)) {
        // No verdict on the code itself (network error, a refusal of another kind, a web challenge).
        source.released(issued);
      }
      if (challenge) {
        const web = context.web;
        if (!web) throw new SecurityKeyError(write.label, context.authTypeInput ?? 'auth-type', { cause: error });
        if (issued)
          web.replaceTotp(
            `The registry answered a one-time password for "${write.label}" with a web approval: the account has no TOTP any more (a security key or passkey only). The rest of this run asks for web approvals instead.`,
          );
        return await web.complete({ label: write.label, npmCommand: write.npmCommand }, challenge, (token) => write.send(token), tally);
      }
      if (isOtpChallenge(error) && securityKeyNotice(error)) {
        // The legacy answer to a client that did not ask for web approval: the account has a security key or passkey, and no TOTP.
        throw new SecurityKeyError(write.label, context.authTypeInput ?? 'auth-type', { cause: error });
      }
      if (isOtpChallenge(error)) {
        if (!source || !issued) throw new OtpRequiredError(write.label, context.secretInput, { cause: error, webOffered: context.web !== undefined });
        const reuse = source.rejected(issued);
        context.logger.info(
          `The registry refused the one-time password for "${write.label}"` +
            (reuse ? ' (a reused code)' : '') +
            (otpAttempts < maxAttempts ? '; trying the next window.' : '.'),
        );
        if (otpAttempts >= maxAttempts) {
          throw new OtpRejectedError(write.label, {
            attempts: otpAttempts,
            windows: windowsTried.size,
            offsetMs: source.offsetMs,
            singleUse: source.singleUse,
            cause: error,
          });
        }
        continue;
      }
      // An expired token, a bypass-2FA token on a governance write, a stage-only credential publishing: said as such.
      throw (
        credentialRefusal(error, write.label, {
          secretInput: context.secretInput,
          authTypeInput: context.authTypeInput ?? 'auth-type',
          trusted: write.trusted,
          npmCommand: write.npmCommand,
        }) ?? error
      );
    }
    if (source && issued) source.accepted(issued);
    else if (otp === undefined) context.web?.passedUnasked();
    return value;
  }
}

/** npm-registry-fetch marks "OTP required" answers with code EOTP (401 + www-authenticate OTP, or a body naming a one-time password). */
function isOtpChallenge(error: unknown): boolean {
  return isRecord(error) && error.code === 'EOTP';
}

/** npmjs's notice to a security-key account whose client did not ask for web approval ("Open <url> to use your security key ..."). */
function securityKeyNotice(error: unknown): boolean {
  return /security key/i.test(errorHeader(error, 'npm-notice') ?? '');
}

/** A 429 whose body says `rate limited otp` (registry.npmjs.org, lerna#2459): one code served more writes than the registry allows. */
function isOtpRateLimit(error: unknown): boolean {
  if (!isRecord(error)) return false;
  const said = isRecord(error.body) && typeof error.body.error === 'string' ? error.body.error : error.message;
  return typeof said === 'string' && /rate limited otp/i.test(said);
}

/** Retry-After in ms: delta-seconds or an HTTP date. */
function retryAfter(error: unknown, nowMs: number): number | undefined {
  const header = errorHeader(error, 'retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}
