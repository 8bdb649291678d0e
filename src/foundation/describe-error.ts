import { isProductError } from './errors.ts';
import { expiredTokenNotice, TOKEN_LIFETIMES } from './refusals.ts';

/**
 * The one error describer. One line for the user: our own messages as they
 * are; an answer from the registry as `the registry answered <status>: <its
 * reason>`, and for a bare 401 what to check about the token; anything else
 * as `<code>: <message>`. Never the request's URL or headers
 * (npm-registry-fetch's messages carry the URI).
 */
export function describeError(error: unknown): string {
  if (isProductError(error)) return error.message;
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status !== 'number') return describeReason(error);
  const reason = describeReason(error).replace(/^\d+ ?/, '');
  return `the registry answered ${status}${reason ? `: ${reason}` : ''}`;
}

/**
 * The short reason a request failed, for inside a sentence: `403 <the
 * registry's error>` (or the status text), or `<code>: <message>` for a
 * failure without an answer; the first line only. A bare 401 says which
 * credential the registry refused and what to check (refusedCredential).
 */
export function describeReason(error: unknown): string {
  if (isProductError(error)) return error.message;
  const record = error as { statusCode?: number; body?: { error?: unknown; message?: unknown }; code?: unknown; message?: unknown } | undefined;
  const reason = record?.body?.error ?? record?.body?.message;
  const message = typeof record?.message === 'string' ? (record.message.split('\n')[0]?.trim() ?? '') : String(error);
  if (typeof record?.statusCode === 'number') {
    // npm-registry-fetch's message is "<status> <text> - <METHOD> <uri>[ - <reason>]": keep the status text only.
    const answer = typeof reason === 'string' ? `${record.statusCode} ${reason}` : message.split(' - ')[0] || String(record.statusCode);
    const refused = refusedCredential(error);
    return refused ? `${answer.replace(/\.$/, '')}; ${refused}` : answer;
  }
  return typeof record?.code === 'string' && !message.includes(record.code) ? `${record.code}: ${message}` : message;
}

/** What to check when the registry refuses the run's token. */
const TOKEN_REFUSED =
  'the registry refused the token, which may be invalid, expired or revoked, or made for another registry ' +
  '(for registry.npmjs.org, create a new granular access token with read and write access to the package and store it in place of the old one)';

/** What to do when the registry says the token expired or was revoked. */
export const TOKEN_EXPIRED =
  'the registry says the token expired or was revoked ("Access token expired or revoked"): create a new granular access token with read and write access to the package ' +
  `and store it in place of the old one; ${TOKEN_LIFETIMES}`;

/**
 * What a bare 401 from the registry means (not npm's one-time password or IP address challenge, which have their own
 * codes): the registry refused the credential the request carried. That is the run's token, except on npm trusted
 * publishing's exchange, which carries the job's OIDC ID token. Undefined for anything else, and for an answer
 * npm-registry-fetch did not read (sigstore's services answer 401 about the ID token too).
 */
function refusedCredential(error: unknown): string | undefined {
  const record = error as { statusCode?: unknown; code?: unknown; method?: unknown; uri?: unknown } | undefined;
  // Whatever the status: registry.npmjs.org answers an expired token's requests as anonymous ones (a write 404), with this notice.
  if (expiredTokenNotice(error) !== undefined) return TOKEN_EXPIRED;
  if (record?.statusCode !== 401 || record.code === 'EOTP' || record.code === 'EAUTHIP') return undefined;
  if (typeof record.method !== 'string' || typeof record.uri !== 'string') return undefined;
  if (record.uri.includes('/-/npm/v1/oidc/token/exchange/')) return "the registry refused this job's OIDC ID token for trusted publishing";
  return TOKEN_REFUSED;
}
