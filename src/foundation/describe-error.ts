import { isProductError } from './errors.ts';

/** One line for the user: our own messages as they are, a library's error with its status and reason. */
export function describeError(error: unknown): string {
  if (isProductError(error)) return error.message;
  const record = error as { statusCode?: unknown; body?: { error?: unknown }; code?: unknown; message?: unknown };
  if (typeof record?.statusCode === 'number') {
    const reason = typeof record.body?.error === 'string' ? record.body.error : typeof record.message === 'string' ? record.message : '';
    return `the registry answered ${record.statusCode}${reason ? `: ${reason}` : ''}`;
  }
  if (typeof record?.code === 'string' && typeof record.message === 'string') return `${record.code}: ${record.message}`;
  return error instanceof Error ? error.message : String(error);
}
