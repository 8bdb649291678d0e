import { ProductError } from './errors.ts';
import { isRecord } from './is-record.ts';

/**
 * What an error from npm's libraries (npm-registry-fetch, make-fetch-happen)
 * says about a request: its HTTP status and headers, and, when there was no
 * answer, whether the request may have reached the registry. One taxonomy for
 * every caller, so that publish's reconciliation and the other commands'
 * retries agree on what a lost connection is.
 */

/** The HTTP status carried by an npm-registry-fetch error, if any. */
export function statusOf(error: unknown): number | undefined {
  return isRecord(error) && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/** A header from an npm-registry-fetch error (its headers are `raw()`: arrays of strings). */
export function errorHeader(error: unknown, name: string): string | undefined {
  if (!isRecord(error) || !isRecord(error.headers)) return undefined;
  const value = error.headers[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The connection failed during the request: it may or may not have been processed. */
const LOST_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'ESOCKETTIMEDOUT',
  'ERR_SOCKET_TIMEOUT',
  'EIDLETIMEOUT',
  'ERESPONSETIMEOUT',
  'ETRANSFERTIMEOUT',
  'UND_ERR_SOCKET',
]);
/** No connection was made: the request never reached the registry. The first two may pass on a retry. */
const UNSENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EINVALIDPROXY']);
const RETRYABLE_UNSENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

/**
 * For an error without an HTTP answer: `lost` (the request may have been
 * processed), `unsent` (it cannot have been), or undefined (not a connection
 * failure, or one we do not know).
 */
export function connectionFailure(error: unknown): 'lost' | 'unsent' | undefined {
  if (!isRecord(error) || statusOf(error) !== undefined) return undefined;
  if (typeof error.code === 'string' && UNSENT_CODES.has(error.code)) return 'unsent';
  if (typeof error.code === 'string' && LOST_CODES.has(error.code)) return 'lost';
  return error.type === 'request-timeout' || error.type === 'body-timeout' ? 'lost' : undefined;
}

/**
 * Refusals made by npm's libraries before anything is sent: libnpmpublish's own checks (a private package, a
 * restricted unscoped one, a bad version) and sigstore's failures while signing a provenance statement
 * (@sigstore/sign's InternalError codes).
 */
const SIGSTORE_CODES = new Set([
  'CA_CREATE_SIGNING_CERTIFICATE_ERROR',
  'TLOG_CREATE_ENTRY_ERROR',
  'TLOG_FETCH_ENTRY_ERROR',
  'TSA_CREATE_TIMESTAMP_ERROR',
  'IDENTITY_TOKEN_READ_ERROR',
  'IDENTITY_TOKEN_PARSE_ERROR',
]);
const LOCAL_CODES = new Set(['EPRIVATE', 'EUNSCOPED', 'EBADSEMVER', 'EPACKAGEEXTENSIONS', 'EUSAGE', ...SIGSTORE_CODES]);

/** True for sigstore's own failure while signing (to say so in words). */
export function isSigstoreFailure(error: unknown): boolean {
  return isRecord(error) && typeof error.code === 'string' && SIGSTORE_CODES.has(error.code);
}

/**
 * What a failed request left behind, the one classification every caller uses (an upload, an approval, a
 * command run again): `unsent`, it never reached the registry (no connection was made, or npm's library refused
 * before sending): nothing landed; `unclear`, it may have landed (no answer, a timeout, 408, 5xx, a socket error
 * of another kind): read the registry back before anything else; `refused`, the registry answered no.
 */
export function failureKind(error: unknown): 'unsent' | 'unclear' | 'refused' {
  const status = statusOf(error);
  if (status !== undefined) return status === 408 || status >= 500 ? 'unclear' : 'refused';
  if (isRecord(error) && typeof error.code === 'string' && LOCAL_CODES.has(error.code)) return 'unsent';
  const failure = connectionFailure(error);
  if (failure === 'unsent') return 'unsent';
  if (failure === 'lost') return 'unclear';
  // make-fetch-happen reports other socket errors as type `system`: the request may have gone out. Unknown errors too.
  return error instanceof ProductError ? 'refused' : 'unclear';
}

/**
 * Worth trying again after reading the registry back (or at once, when nothing was sent): 408, 5xx, a lost
 * answer, a refused connection or a failed name lookup. Not a refusal by npm's libraries, which would refuse again.
 */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status === 408 || status >= 500;
  const failure = connectionFailure(error);
  return failure === 'lost' || (failure === 'unsent' && isRecord(error) && RETRYABLE_UNSENT.has(error.code as string));
}
