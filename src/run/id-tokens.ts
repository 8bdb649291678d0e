import type { Logger } from '../foundation/logger.ts';

/** Asks the CI for an OIDC ID token for `audience`; undefined when this job cannot have one. */
export type IdTokenProvider = (audience: string) => Promise<string | undefined>;

/**
 * Where a job's ID token comes from, as the npm CLI looks for it: the
 * `NPM_ID_TOKEN` variable (GitLab and others), else GitHub Actions' token
 * endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL`/`_TOKEN`, present when the job has
 * `permissions: id-token: write`). Undefined when neither is there.
 */
export function idTokenProviderFromEnv(env: NodeJS.ProcessEnv, logger: Logger): IdTokenProvider | undefined {
  const given = env.NPM_ID_TOKEN?.trim();
  if (given) {
    logger.mask(given);
    return async () => given;
  }
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !requestToken) return undefined;
  logger.mask(requestToken);
  return async (audience) => {
    const target = new URL(url);
    target.searchParams.set('audience', audience);
    const response = await fetch(target, {
      headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`the ID token endpoint answered ${response.status}`);
    const value = ((await response.json()) as { value?: unknown }).value;
    if (typeof value !== 'string' || value === '') throw new Error('the ID token endpoint answered without a token');
    logger.mask(value);
    return value;
  };
}
