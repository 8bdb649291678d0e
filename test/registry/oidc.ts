/**
 * Trusted publishing as npmjs does it: an ID token shaped like GitHub Actions'
 * (RS256, signed by a key the fixture owns) is exchanged at
 * `POST /-/npm/v1/oidc/token/exchange/package/<name>` for a short-lived token
 * that may only publish (or stage) that package, as the matching trusted
 * publishers' permissions allow. Answers follow npmjs: 201 `{token}`, 401/404
 * with `{message: "OIDC token exchange error - ..."}`.
 */
import { createPublicKey, generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { RegistryDeps, RequestContext } from './context.ts';
import type { Reply } from './reply.ts';
import { isObject, jsonReply } from './reply.ts';
import type { IdTokenClaims, TrustConfig, TrustPermission } from './types.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** RSA generation costs tens of ms: made on first use, once per process. */
let trusted: KeyPair | undefined;
let foreign: KeyPair | undefined;

function makeKeys(): KeyPair {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export class OidcIssuer {
  readonly #host: string;

  /** `host` is the registry hostname the default audience names (`npm:<host>`). */
  constructor(host: string) {
    this.#host = host;
  }

  /** Mints an ID token as GitHub Actions would for a workflow run. `now` is registry ms. */
  issue(claims: IdTokenClaims, now: number): string {
    const keys = claims.foreignKey ? (foreign ??= makeKeys()) : (trusted ??= makeKeys());
    const ref = claims.ref ?? 'refs/heads/main';
    const iat = Math.floor(now / 1000);
    const workflowRef = `${claims.repository}/.github/workflows/${claims.workflow}@${ref}`;
    const sub = claims.environment ? `repo:${claims.repository}:environment:${claims.environment}` : `repo:${claims.repository}:ref:${ref}`;
    const payload: Record<string, unknown> = {
      jti: randomUUID(),
      sub,
      aud: claims.audience ?? `npm:${this.#host}`,
      ref,
      ref_type: 'branch',
      repository: claims.repository,
      repository_owner: claims.repository.split('/')[0],
      repository_visibility: claims.repositoryVisibility ?? 'public',
      workflow: claims.workflow,
      workflow_ref: workflowRef,
      job_workflow_ref: workflowRef,
      event_name: 'push',
      runner_environment: 'github-hosted',
      iss: GITHUB_ISSUER,
      iat,
      nbf: iat - 5,
      exp: iat + (claims.expiresInS ?? 300),
    };
    if (claims.environment) payload['environment'] = claims.environment;
    const head = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'npm-totp-publish-fixture' })}.${b64url(payload)}`;
    return `${head}.${sign('sha256', Buffer.from(head), keys.privateKey).toString('base64url')}`;
  }

  /** The token's claims if it is signed by the trusted key, current and meant for this registry. */
  verify(token: string, now: number): Record<string, unknown> | undefined {
    const [head, body, signature] = token.split('.');
    if (!head || !body || !signature || !trusted) return undefined;
    const signed = verify('sha256', Buffer.from(`${head}.${body}`), trusted.publicKey, Buffer.from(signature, 'base64url'));
    if (!signed) return undefined;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (!isObject(claims)) return undefined;
    const seconds = now / 1000;
    if (claims['iss'] !== GITHUB_ISSUER || claims['aud'] !== `npm:${this.#host}`) return undefined;
    if (typeof claims['exp'] !== 'number' || claims['exp'] <= seconds) return undefined;
    if (typeof claims['nbf'] === 'number' && claims['nbf'] > seconds + 60) return undefined;
    return claims;
  }
}

/**
 * Does a verified token come from a workflow this github trust configuration names?
 * The workflow is the calling one (`workflow_ref`), which is what npmjs checks for
 * reusable workflows; the fixture's tokens carry the same value in `job_workflow_ref`.
 */
export function matchesPublisher(claims: Record<string, unknown>, config: TrustConfig): boolean {
  if (config.type !== 'github') return false;
  const wanted = config.claims;
  const workflowRef = isObject(wanted['workflow_ref']) ? wanted['workflow_ref'] : {};
  const repository = String(claims['repository'] ?? '').toLowerCase();
  const calling = String(claims['workflow_ref'] ?? claims['job_workflow_ref'] ?? '');
  const file = /\/\.github\/workflows\/([^@/]+)@/.exec(calling)?.[1];
  if (repository !== String(wanted['repository'] ?? '').toLowerCase() || file !== workflowRef['file']) return false;
  return wanted['environment'] === undefined || claims['environment'] === wanted['environment'];
}

const exchangeError = (status: number, what: string): Reply => jsonReply(status, { message: `OIDC token exchange error - ${what}` });

/** `POST /-/npm/v1/oidc/token/exchange/package/<name>` with the ID token as Bearer and no body. */
export function handleExchange(ctx: RequestContext, deps: RegistryDeps): Reply {
  if (ctx.method !== 'POST') return jsonReply(405, { message: 'Method not allowed' });
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.headers.authorization ?? '')?.[1];
  const claims = bearer ? deps.oidc.verify(bearer, ctx.now) : undefined;
  if (!claims) return exchangeError(401, 'unauthorized');
  const state = ctx.route.pkg ? deps.packages.get(ctx.route.pkg) : undefined;
  const matching = state?.exists ? state.trust.filter((config) => matchesPublisher(claims, config)) : [];
  if (!state || matching.length === 0) return exchangeError(404, 'package not found');
  const permissions = new Set<TrustPermission>(matching.flatMap((config) => config.permissions));
  const expiresAt = ctx.now + deps.oidcTokenTtlS() * 1000;
  return jsonReply(201, { token: deps.users.issueOidcToken(state.name, expiresAt, [...permissions]) });
}
