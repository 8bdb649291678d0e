import type { TrustedPublishing } from '../commands/publish.ts';
import type { Clock } from '../foundation/clock.ts';
import { describeError } from '../foundation/describe-error.ts';
import type { Logger } from '../foundation/logger.ts';
import type { TimeSync } from '../otp/time-sync.ts';
import { withOtp } from '../otp/with-otp.ts';
import { RegistryClient } from '../registry/client.ts';
import { exchangeIdToken } from '../registry/oidc.ts';
import type { IdTokenProvider } from './id-tokens.ts';

/**
 * npm trusted publishing for `publish`, as npm CLI 11.5+ does it: the job's
 * OIDC ID token is traded for a short-lived token that may publish this one
 * package. Gives undefined, with the reason logged, when the job has no ID
 * token or the registry refuses the exchange (no trusted publisher for this
 * repository and workflow, a registry without trusted publishing): the
 * publish then goes with the token and a one-time password.
 */
export function trustedPublishing(context: { registry: string; clock: Clock; timeSync: TimeSync; logger: Logger; userAgent: string }, idTokens: IdTokenProvider): TrustedPublishing {
  const { logger, clock } = context;
  const client = (token: string | undefined) => new RegistryClient({ registry: context.registry, token, clock, timeSync: context.timeSync, userAgent: context.userAgent });
  return async (pkg) => {
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
    try {
      // Not a 2FA-guarded write, but every POST goes through the one wrapper (without a source it sends no code).
      const token = await withOtp(
        { source: undefined, clock, logger, secretInput: 'otp-secret' },
        { label: `trusted publishing token exchange for ${pkg}`, send: (otp) => exchangeIdToken(client(undefined), pkg, idToken, { otp, session: 'oidc', command: 'publish' }) },
      );
      logger.mask(token);
      logger.info(`Trusted publishing: the registry issued a short-lived publish token for ${pkg} from this job's OIDC identity; no one-time password is needed.`);
      return client(token);
    } catch (error) {
      logger.info(
        `Trusted publishing is not available for ${pkg} (${describeError(error)}): configure this repository and workflow as a trusted publisher ` +
          "on the package's npm settings page to publish without a token. Publishing with the token instead.",
      );
      return undefined;
    }
  };
}
