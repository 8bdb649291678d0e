import { isProductError } from './errors.ts';

/**
 * The one error describer. One line for the user: our own messages as they
 * are; an answer from the registry as `the registry answered <status>: <its
 * reason>`; anything else as `<code>: <message>`. Never the request's URL or
 * headers (npm-registry-fetch's messages carry the URI).
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
 * failure without an answer; the first line only.
 */
export function describeReason(error: unknown): string {
  if (isProductError(error)) return error.message;
  const record = error as { statusCode?: number; body?: { error?: unknown; message?: unknown }; code?: unknown; message?: unknown } | undefined;
  const reason = record?.body?.error ?? record?.body?.message;
  const message = typeof record?.message === 'string' ? (record.message.split('\n')[0]?.trim() ?? '') : String(error);
  if (typeof record?.statusCode === 'number') {
    // npm-registry-fetch's message is "<status> <text> - <METHOD> <uri>[ - <reason>]": keep the status text only.
    return typeof reason === 'string' ? `${record.statusCode} ${reason}` : message.split(' - ')[0] || String(record.statusCode);
  }
  return typeof record?.code === 'string' && !message.includes(record.code) ? `${record.code}: ${message}` : message;
}
