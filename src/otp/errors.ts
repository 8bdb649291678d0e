import { ProductError } from '../foundation/errors.ts';

/** The registry asked for a one-time password and no TOTP secret was configured. */
export class OtpRequiredError extends ProductError {
  constructor(label: string, secretInput: string, options: { cause?: unknown } = {}) {
    super(
      'EOTP',
      `The registry asks for a one-time password for "${label}", but no TOTP secret was given. ` +
        `Set ${secretInput} to the account's TOTP secret (base32 text or the otpauth:// URI behind the QR code).`,
      options,
    );
  }
}

/** The account's 2FA uses security keys (WebAuthn): no CI job can answer it. */
export class SecurityKeyError extends ProductError {
  constructor(label: string, options: { cause?: unknown } = {}) {
    super(
      'EOTPWEBAUTHN',
      `The registry asks for a security-key (WebAuthn) confirmation for "${label}": this account's 2FA uses ` +
        'security keys, which no CI job can answer, so a TOTP secret cannot help. Use trusted publishing (OIDC) ' +
        'for publish, or a granular access token allowed to bypass 2FA.',
      options,
    );
  }
}

/** Every code tried was refused. Says how many, across how many windows, with which clock offset; never a code. */
export class OtpRejectedError extends ProductError {
  readonly attempts: number;

  constructor(label: string, details: { attempts: number; windows: number; offsetMs: number; singleUse: boolean; cause?: unknown }) {
    const offset = `${details.offsetMs >= 0 ? '+' : ''}${(details.offsetMs / 1000).toFixed(1)} s`;
    super(
      'EOTPREJECTED',
      `The registry refused ${details.attempts} one-time password${details.attempts === 1 ? '' : 's'} for "${label}" ` +
        `from ${details.windows} time window${details.windows === 1 ? '' : 's'} (clock offset used: ${offset} versus the registry` +
        `${details.singleUse ? '; the registry allows each code once' : ''}). ` +
        'Check that the TOTP secret belongs to the account that owns the token, and that its algorithm, digits and period match the enrolment.',
      details.cause === undefined ? {} : { cause: details.cause },
    );
    this.attempts = details.attempts;
  }
}

/** The registry kept answering 429 (too many requests). */
export class RateLimitedError extends ProductError {
  constructor(label: string, retryAfterMs: number | undefined, options: { cause?: unknown } = {}) {
    super(
      'ERATELIMIT',
      `The registry is rate-limiting "${label}" (429 Too Many Requests)` +
        (retryAfterMs === undefined ? '' : `; it asks to wait ${Math.ceil(retryAfterMs / 1000)} s`) +
        '. Try again later.',
      options,
    );
  }
}

/**
 * The run's waits for windows and 429 pauses would go over `maxTotalWaitMs`:
 * this write, and every later one, fails instead of waiting. Says how long
 * the run waited, how long the next wait was, and the limit; never a code.
 */
export class WaitBudgetError extends ProductError {
  /** Time the run had waited when it gave up, ms. */
  readonly waitedMs: number;
  /** The wait that would have gone over the limit, ms. */
  readonly neededMs: number;
  /** The limit, ms. */
  readonly limitMs: number;

  constructor(details: { waitedMs: number; neededMs: number; limitMs: number }) {
    const s = (ms: number) => `${Math.ceil(ms / 1000)} s`;
    super(
      'EWAITBUDGET',
      `This run has waited ${s(details.waitedMs)} for the registry's rate limits (429), and the next write would ` +
        `have to wait ${s(details.neededMs)} more, over the run's limit of ${s(details.limitMs)}: the registry is rate-limiting ` +
        'one-time passwords. No further write with a one-time password is sent. Run the same step again later: it publishes only what is missing; a lower otp-uses avoids the limit.',
      { received: { ...details } },
    );
    this.waitedMs = details.waitedMs;
    this.neededMs = details.neededMs;
    this.limitMs = details.limitMs;
  }
}
