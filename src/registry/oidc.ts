import npmFetch from 'npm-registry-fetch';
import type { Logger } from '../foundation/logger.ts';
import { withOtp } from '../otp/with-otp.ts';
import type { Clock } from '../foundation/clock.ts';
import { describeError } from '../foundation/describe-error.ts';
import { escapeName, RegistryClient } from './client.ts';
import type { TimeSync } from '../otp/time-sync.ts';

/** Asks the CI for an OIDC ID token for `audience`; undefined when this job cannot have one. */
export type IdTokenProvider = (audience: string) => Promise<string | undefined>;

/**
 * npm trusted publishing: trades the job's OIDC ID token for a short-lived
 * token that may publish this one package, as npm CLI 11.5+ does
 * (`POST /-/npm/v1/oidc/token/exchange/package/<name>`). Returns undefined,
 * with the reason logged, when the job has no ID token or the registry
 * refuses the exchange (no trusted publisher configured for this
 * repository and workflow, a registry without trusted publishing): the
 * caller then publishes with the token and a one-time password.
 */
export async function exchangeForPublishToken(
  context: { registry: string; clock: Clock; timeSync: TimeSync; logger: Logger; userAgent: string },
  pkg: string,
  idTokens: IdTokenProvider,
): Promise<string | undefined> {
  const { logger } = context;
  const audience = `npm:${new URL(context.registry).hostname}`;
  let idToken: string | undefined;
  try {
    idToken = await idTokens(audience);
  } catch (error) {
    logger.info(`Trusted publishing: no OIDC ID token for this job (${describeError(error)}); publishing with the token.`);
    return undefined;
  }
  if (!idToken) return undefined;
  logger.mask(idToken);
  const anonymous = new RegistryClient({ registry: context.registry, token: undefined, clock: context.clock, timeSync: context.timeSync, userAgent: context.userAgent });
  try {
    // Not a 2FA-guarded write, but every POST goes through the one wrapper (without a source it sends no code).
    const answer = await withOtp({ source: undefined, clock: context.clock, logger, secretInput: 'otp-secret' }, {
      label: `trusted publishing token exchange for ${pkg}`,
      send: () =>
        anonymous.timed(0, () =>
          npmFetch.json(`/-/npm/v1/oidc/token/exchange/package/${escapeName(pkg)}`, {
            ...anonymous.writeOptions(undefined),
            method: 'POST',
            headers: { authorization: `Bearer ${idToken}` },
          }),
        ),
    });
    const token = (answer as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token === '') throw new Error('the registry answered without a token');
    logger.mask(token);
    logger.info(`Trusted publishing: the registry issued a short-lived publish token for ${pkg} from this job's OIDC identity; no one-time password is needed.`);
    return token;
  } catch (error) {
    logger.info(
      `Trusted publishing is not available for ${pkg} (${describeError(error)}): configure this repository and workflow as a trusted publisher ` +
        'on the package\'s npm settings page to publish without a token. Publishing with the token instead.',
    );
    return undefined;
  }
}

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
    const response = await fetch(target, { headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`the ID token endpoint answered ${response.status}`);
    const value = ((await response.json()) as { value?: unknown }).value;
    if (typeof value !== 'string' || value === '') throw new Error('the ID token endpoint answered without a token');
    logger.mask(value);
    return value;
  };
}
