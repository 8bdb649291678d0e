/**
 * TOTP codes (RFC 6238) from a parsed secret, through otplib. Time comes in
 * as a parameter: callers pass their injected clock's (registry-corrected)
 * time, never `Date.now()` from here.
 *
 * otplib's own parts, not its `otplib` preset: the TOTP generator with node's
 * crypto for the HMAC. The preset brings a JavaScript SHA-1/SHA-2 and a base32
 * codec (130 KB that every run would parse) that a parsed secret never needs.
 */
import { createGuardrails } from '@otplib/core';
import { crypto } from '@otplib/plugin-crypto-node';
import { generateSync } from '@otplib/totp';
import { MAX_SECRET_BYTES, MIN_SECRET_BYTES, type TotpSecret } from './secret.ts';

/** otplib refuses secrets under 16 bytes by default; 80-bit enrolments are common, and parseTotpSecret enforces our bounds. */
const GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES, MAX_SECRET_BYTES });

/**
 * The time-step counter (window index) containing `epochMs` (milliseconds
 * since the Unix epoch): floor(epochMs / 1000 / period), with T0 = 0.
 * Throws a RangeError for a negative or non-finite time.
 */
export function totpWindow(secret: TotpSecret, epochMs: number): number {
  if (!Number.isFinite(epochMs) || epochMs < 0) throw new RangeError(`epochMs must be a finite, non-negative number of milliseconds, got ${epochMs}`);
  // One division of exact integers: no rounding can move a boundary (29_999 ms is window 0, 30_000 ms window 1).
  return Math.floor(epochMs / (secret.period * 1000));
}

/**
 * The code for window index `window` (a non-negative safe integer), with the
 * secret's algorithm, digits and period; zero-padded to `digits` characters.
 */
export function totpCodeForWindow(secret: TotpSecret, window: number): string {
  if (!Number.isSafeInteger(window) || window < 0) throw new RangeError(`window must be a non-negative safe integer, got ${window}`);
  return generateSync({
    secret: secret.bytes,
    algorithm: secret.algorithm,
    digits: secret.digits,
    period: secret.period,
    // The window's first second: otplib derives the counter as floor(epoch / period) = window, exactly.
    epoch: window * secret.period,
    guardrails: GUARDRAILS,
    crypto,
  });
}

/** The code for the TOTP time step containing `epochMs` (milliseconds since the Unix epoch). */
export function totpCode(secret: TotpSecret, epochMs: number): string {
  return totpCodeForWindow(secret, totpWindow(secret, epochMs));
}
