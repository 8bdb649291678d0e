import npmFetch from 'npm-registry-fetch';
import { escapeName, type RegistryClient } from './client.ts';
import type { NpmHeaders } from './npm-headers.ts';

/**
 * npm trusted publishing's exchange, as npm CLI 11.5+ makes it:
 * `POST /-/npm/v1/oidc/token/exchange/package/<name>` with the job's OIDC ID
 * token as the bearer, no body; the answer's `token` is a short-lived token
 * that may publish this one package. `client` must be anonymous (the ID token
 * is the only credential sent).
 */
export async function exchangeIdToken(client: RegistryClient, pkg: string, idToken: string, npmHeaders: NpmHeaders): Promise<string> {
  const answer = await client.write(npmHeaders, 0, (options) =>
    npmFetch.json(`/-/npm/v1/oidc/token/exchange/package/${escapeName(pkg)}`, { ...options, method: 'POST', headers: { authorization: `Bearer ${idToken}` } }),
  );
  const token = (answer as { token?: unknown } | undefined)?.token;
  if (typeof token !== 'string' || token === '') throw new Error('the registry answered without a token');
  return token;
}
