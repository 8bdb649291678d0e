import { ProductError } from './errors.ts';
import { errorHeader, statusOf } from './http-errors.ts';
import { isRecord } from './is-record.ts';

/**
 * The registry's refusals of 2026 that say what is wrong with the credential rather than with the write, in
 * npm's words (NPM-POLICY.md), each turned into one error with a stable code that says what to do:
 * - an expired or revoked token: `npm-notice: Access token expired or revoked. Please try logging in again.` on
 *   every answer, a write answered 404 (registry.npmjs.org then treats the request as anonymous), whoami 401;
 * - a granular token that bypasses 2FA, on owner, access, mfa, trust or token changes: 403 `Forbidden2FABypassGAT`,
 *   "Granular access tokens that bypass two-factor authentication may not perform this action.";
 * - a stage-only token, or a trusted publisher allowed `createStagedPackage` but not `createPackage`, publishing
 *   directly: 403 "OIDC permission denied for this action".
 */

/** How long npm's granular write tokens live (npm, 2025-09-29): said wherever a new token is needed. */
export const TOKEN_LIFETIMES = 'granular write tokens live 7 days unless you choose longer, and 90 days at most, so plan to renew it';

/** The `npm-notice` registry.npmjs.org sends with every answer to a request whose token expired or was revoked. */
export function expiredTokenNotice(error: unknown): string | undefined {
  const notice = errorHeader(error, 'npm-notice');
  return notice !== undefined && /expired or revoked/i.test(notice) ? notice : undefined;
}

/** True when an answer's notice (a header value) says the token expired or was revoked. */
export function isExpiredNotice(notice: string | undefined): boolean {
  return notice !== undefined && /expired or revoked/i.test(notice);
}

/** The token is expired, revoked or refused: nothing that needs it can go until it is replaced. */
export class TokenError extends ProductError {
  /** `what`: what was refused, for the message ("publish my-pkg@1.2.3", "whoami"); `status`: the registry's answer. */
  constructor(what: string, status: number | undefined, reason: 'expired' | 'refused', options: { cause?: unknown } = {}) {
    const answered = status === undefined ? '' : ` (it answered ${status})`;
    super(
      'ETOKEN',
      (reason === 'expired'
        ? `The registry says the token expired or was revoked ("Access token expired or revoked"): it refused ${what}${answered}. `
        : `The registry refused the token for ${what}${answered}: it is invalid, expired or revoked, or made for another registry. `) +
        `Create a new granular access token with read and write access to the package (npmjs.com → Access Tokens → Generate New Token → Granular) and store it in place of the old one; ${TOKEN_LIFETIMES}.`,
      options,
    );
  }
}

/** A granular token that bypasses 2FA was refused a governance write (owners, access, trust, tokens). */
export class BypassTokenError extends ProductError {
  constructor(label: string, names: { secretInput: string; authTypeInput: string }, options: { cause?: unknown } = {}) {
    super(
      'EBYPASSTOKEN',
      `The registry refused "${label}" to a token that bypasses two-factor authentication (403 Forbidden2FABypassGAT): since August 2026, owner, access, mfa, trust and token changes always need 2FA. ` +
        `Use a granular token without "Bypass two-factor authentication" for these writes, and this product answers the 2FA itself: set ${names.secretInput} to the account's TOTP secret, ` +
        `or leave it empty (${names.authTypeInput} auto) and a person approves each write on npm's web page while the job waits.`,
      options,
    );
  }
}

/** A direct publish by a credential that may only stage. */
export class StageOnlyError extends ProductError {
  constructor(label: string, trusted: boolean | undefined, options: { cause?: unknown } = {}) {
    const who =
      trusted === true
        ? "this job's trusted publisher may only stage versions (npm trusted publishing with --allow-stage-publish and not --allow-publish)"
        : trusted === false
          ? 'the token may only stage versions (a "read and write (stage only)" token)'
          : 'the credential may only stage versions (a stage-only token, or a trusted publisher allowed to stage and not to publish)';
    const allow =
      trusted === true
        ? "allow publishing on the package's trusted publisher (trust github ... --allow-publish, or on npmjs.com)"
        : trusted === false
          ? 'use a token that may publish'
          : 'allow publishing (trust github ... --allow-publish, or a token that may publish)';
    super(
      'ESTAGEONLY',
      `The registry refused "${label}": ${who} (403 OIDC permission denied for this action). Nothing was published. ` +
        `Stage it instead (stage publish, then a person with 2FA approves it with stage approve), or ${allow}.`,
      options,
    );
  }
}

/** The text an answer's body says, wherever it puts it (`error`, `message`, `code`). */
function bodyText(error: unknown): string {
  if (!isRecord(error) || !isRecord(error.body)) return '';
  return ['code', 'error', 'message'].map((key) => (isRecord(error.body) && typeof error.body[key] === 'string' ? error.body[key] : '')).join(' ');
}

/** A 403 Forbidden2FABypassGAT: a bypass-2FA token on a governance write. */
export function isBypassRefusal(error: unknown): boolean {
  if (statusOf(error) !== 403) return false;
  return /Forbidden2FABypassGAT|tokens that bypass two-factor authentication/i.test(bodyText(error));
}

/** A 403 "OIDC permission denied for this action". */
export function isStageOnlyRefusal(error: unknown): boolean {
  return statusOf(error) === 403 && /OIDC permission denied/i.test(bodyText(error));
}

/**
 * The error a refused write is, when the registry's answer says what is wrong with the credential; undefined for
 * any other answer. `label` names the write; `trusted` says whether it went by trusted publishing, if known;
 * `npmCommand` is npm's name for the command (`publish`, `stage`...).
 */
export function credentialRefusal(
  error: unknown,
  label: string,
  context: { secretInput: string; authTypeInput: string; trusted?: boolean | undefined; npmCommand?: string | undefined },
): ProductError | undefined {
  const status = statusOf(error);
  if (status === undefined) return undefined;
  if (expiredTokenNotice(error) !== undefined && !context.trusted) return new TokenError(`"${label}"`, status, 'expired', { cause: error });
  if (isBypassRefusal(error)) return new BypassTokenError(label, context, { cause: error });
  // Only a direct publish: a stage publish refused so lacks the permission to stage, which staging cannot fix.
  if (isStageOnlyRefusal(error) && context.npmCommand === 'publish') return new StageOnlyError(label, context.trusted, { cause: error });
  return undefined;
}
