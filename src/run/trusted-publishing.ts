import type { TrustedPublishing, TrustedSession } from '../commands/command.ts';
import type { Clock } from '../foundation/clock.ts';
import { describeError } from '../foundation/describe-error.ts';
import type { Logger } from '../foundation/logger.ts';
import type { TimeSync } from '../otp/time-sync.ts';
import { withOtp } from '../otp/with-otp.ts';
import { provenanceCi, repositoryProblem, statementRepository } from '../plan/provenance-rules.ts';
import { readVisibility } from '../registry/access.ts';
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
export function trustedPublishing(
  context: { registry: string; clock: Clock; timeSync: TimeSync; logger: Logger; userAgent: string; env?: NodeJS.ProcessEnv },
  idTokens: IdTokenProvider,
): TrustedPublishing {
  const { logger, clock } = context;
  const client = (token: string | undefined) =>
    new RegistryClient({ registry: context.registry, token, clock, timeSync: context.timeSync, userAgent: context.userAgent });
  return async (pkg, npmCommand) => {
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
        {
          label: `trusted publishing token exchange for ${pkg}`,
          send: (otp) => exchangeIdToken(client(undefined), pkg, idToken, { otp, session: 'oidc', command: npmCommand }),
        },
      );
      logger.mask(token);
      logger.info(
        `Trusted publishing: the registry issued a short-lived publish token for ${pkg} from this job's OIDC identity; no one-time password is needed.`,
      );
      const trusted = client(token);
      return { client: trusted, provenanceByDefault: (manifest) => provenanceByDefault(trusted, pkg, manifest, idToken, context.env ?? process.env) };
    } catch (error) {
      logger.info(
        `Trusted publishing is not available for ${pkg} (${describeError(error)}): configure this repository and workflow as a trusted publisher ` +
          "on the package's npm settings page to publish without a token. Publishing with the token instead.",
      );
      return undefined;
    }
  };
}

/**
 * npm's rule (npm 11.5+ `lib/utils/oidc.js`) for turning provenance on by
 * itself after a trusted publishing exchange: GitHub Actions with an ID token
 * whose `repository_visibility` is public, or GitLab CI with a public
 * `project_visibility` and a SIGSTORE_ID_TOKEN; then the registry must say
 * the package is public. Unlike npm, what the registry would refuse after
 * signing is left out: a self-hosted GitHub runner, and a `repository` that
 * does not name the CI's (said as a warning: npm would fail the publish).
 */
async function provenanceByDefault(
  client: RegistryClient,
  pkg: string,
  manifest: Record<string, unknown>,
  idToken: string,
  env: NodeJS.ProcessEnv,
): ReturnType<TrustedSession['provenanceByDefault']> {
  const ci = provenanceCi(env);
  const claims = tokenClaims(idToken);
  if (ci === 'github') {
    if (claims.repository_visibility !== 'public')
      return { on: false, reason: `the ID token says the repository is ${String(claims.repository_visibility ?? 'not public')}` };
    if (env.RUNNER_ENVIRONMENT === 'self-hosted' || claims.runner_environment === 'self-hosted')
      return { on: false, reason: 'the job runs on a self-hosted runner' };
    // The ID token came from NPM_ID_TOKEN: sigstore needs GitHub's token endpoint (id-token: write) to sign.
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
      return { on: false, reason: 'the job has no GitHub ID token endpoint to sign with (permissions: id-token: write)' };
  } else if (ci === 'gitlab') {
    if (claims.project_visibility !== 'public')
      return { on: false, reason: `the ID token says the project is ${String(claims.project_visibility ?? 'not public')}` };
    if (!env.SIGSTORE_ID_TOKEN) return { on: false, reason: 'the job has no SIGSTORE_ID_TOKEN' };
  } else {
    return { on: false, reason: 'this is not GitHub Actions or GitLab CI' };
  }
  try {
    const visible = await readVisibility(client, pkg);
    if (visible !== true) return { on: false, reason: `the registry does not say ${pkg} is public` };
  } catch (error) {
    return { on: false, reason: `the package's visibility could not be read (${describeError(error)})` };
  }
  const expected = statementRepository(ci, env);
  const problem = expected === undefined ? undefined : repositoryProblem(manifest, expected);
  if (problem) return { on: false, warning: true, reason: `npm would sign a statement here, but ${problem}` };
  return { on: true, reason: 'public repository and public package' };
}

/** The payload of a JWT, unverified (the registry verified it); empty when it does not parse. */
function tokenClaims(token: string): Record<string, unknown> {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
