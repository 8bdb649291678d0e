/**
 * Handlers return an answer as a value instead of writing to the socket, so the
 * server can apply answer-side faults (delay, lost answer) and the registry's
 * Date header in one place.
 */
import { STATUS_CODES } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/** npmjs's error shape: `{"error": "..."}` (npm-registry-fetch prints `body.error`). */
export function errorReply(status: number, message?: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { error: message ?? STATUS_CODES[status] ?? 'error' }, headers);
}

/** Parses a JSON request body; undefined when empty or not JSON. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
