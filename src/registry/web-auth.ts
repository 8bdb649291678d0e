import npmFetch from 'npm-registry-fetch';
import { statusOf } from '../foundation/http-errors.ts';
import type { DoneAnswer } from '../otp/web-approval.ts';
import type { RegistryClient } from './client.ts';

/**
 * `GET <doneUrl>` once, as npm-profile's webAuthCheckLogin asks it, with the registry token (npm-registry-fetch
 * picks it by URL, and the caller has checked that doneUrl is on the registry's origin) and npm's
 * `npm-auth-type: web` and `npm-command` headers: `202` while nobody approved (with `retry-after` seconds),
 * `200 {token}` once approved. Any other answer, or a 200 without a token, ends the approval.
 */
export async function pollDone(client: RegistryClient, doneUrl: string, npmCommand: string | undefined): Promise<DoneAnswer> {
  if (new URL(doneUrl).origin !== new URL(client.registry).origin) throw new Error(`pollDone: ${new URL(doneUrl).origin} is not the registry's origin`);
  try {
    const response = await client.timed(0, () =>
      npmFetch(doneUrl, client.readOptions({ authType: 'web', ...(npmCommand === undefined ? {} : { npmCommand }) })),
    );
    const body = await response.json().catch(() => undefined);
    if (response.status === 202) {
      const header = response.headers.get('retry-after')?.trim();
      const seconds = header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
      return { status: 'pending', retryAfterMs: seconds === undefined ? undefined : seconds * 1000 };
    }
    const token = (body as { token?: unknown } | undefined)?.token;
    if (response.status === 200 && typeof token === 'string' && token !== '') return { status: 'approved', token };
    return { status: 'refused', httpStatus: response.status, message: 'the answer carried no token' };
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined || status >= 500) throw error;
    const body = (error as { body?: unknown }).body;
    const said = typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : '';
    return { status: 'refused', httpStatus: status, message: said };
  }
}
