import { ProductError } from '../foundation/errors.ts';

/** The registry asked for a one-time password, no TOTP secret was configured, and it offered no web approval. */
export class OtpRequiredError extends ProductError {
  constructor(label: string, secretInput: string, options: { cause?: unknown; webOffered?: boolean } = {}) {
    super(
      'EOTP',
      `The registry asks for a one-time password for "${label}", but no TOTP secret was given` +
        (options.webOffered ? ', and it offered no web approval (its answer names no approval page)' : '') +
        `. Set ${secretInput} to the account's TOTP secret (base32 text or the otpauth:// URI behind the QR code).`,
      options.cause === undefined ? {} : { cause: options.cause },
    );
  }
}

/** The registry asks for a web approval (a security key or passkey account), and auth-type totp does not wait for one. */
export class SecurityKeyError extends ProductError {
  constructor(label: string, authTypeInput: string, options: { cause?: unknown } = {}) {
    super(
      'EOTPWEBAUTHN',
      `The registry asks for a web approval for "${label}" (the account answers 2FA with a security key or passkey), ` +
        `and ${authTypeInput} is totp, so this run does not wait for one. Set ${authTypeInput} to auto or web to approve it ` +
        'from a phone or security key while the job waits, or use trusted publishing (OIDC) for publish.',
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
