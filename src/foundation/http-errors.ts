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
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_TIMEOUT', 'EIDLETIMEOUT', 'ERESPONSETIMEOUT', 'ETRANSFERTIMEOUT', 'UND_ERR_SOCKET']);
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

/** A failure that says nothing about the request itself (408, 5xx, a dropped or refused connection): worth trying again. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status === 408 || status >= 500;
  const failure = connectionFailure(error);
  return failure === 'lost' || (failure === 'unsent' && isRecord(error) && RETRYABLE_UNSENT.has(error.code as string));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
