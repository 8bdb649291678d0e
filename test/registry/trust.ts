/**
 * Trusted publishers as npm CLI 11.21's `npm trust` manages them:
 * `POST /-/package/<pkg>/trust` (body: an array of `{type, claims, permissions}`)
 * answers 201 with the created configurations (each with an `id`),
 * `GET /-/package/<pkg>/trust` lists them, `DELETE /-/package/<pkg>/trust/<id>`
 * removes one (204). All three passed the 2FA gate before they get here (npmjs
 * gates even the GET); they are for maintainers only. github configurations
 * are what the OIDC exchange (oidc.ts) matches.
 */
import { randomUUID } from 'node:crypto';
import type { RegistryDeps, RequestContext } from './context.ts';
import type { Reply } from './reply.ts';
import { errorReply, isObject, jsonReply } from './reply.ts';
import type { TrustConfig, TrustedPublisher, TrustPermission } from './types.ts';

const PERMISSIONS: readonly TrustPermission[] = ['createPackage', 'createStagedPackage'];
const CIRCLECI = 'oidc.circleci.com/';

/** `trustPublisher()`'s shape -> a github configuration. */
export function publisherToConfig(publisher: TrustedPublisher): TrustConfig {
  const claims: Record<string, unknown> = { repository: publisher.repository, workflow_ref: { file: publisher.workflow } };
  if (publisher.environment !== undefined) claims['environment'] = publisher.environment;
  return { id: randomUUID(), type: 'github', claims, permissions: [...(publisher.permissions ?? ['createPackage'])] };
}

/** A github configuration in `trustPublisher()`'s shape; undefined for gitlab and circleci. */
export function configToPublisher(config: TrustConfig): TrustedPublisher | undefined {
  if (config.type !== 'github') return undefined;
  const workflowRef = isObject(config.claims['workflow_ref']) ? config.claims['workflow_ref'] : {};
  const publisher: TrustedPublisher = {
    repository: String(config.claims['repository']),
    workflow: String(workflowRef['file']),
    permissions: [...config.permissions],
    id: config.id,
  };
  if (typeof config.claims['environment'] === 'string') publisher.environment = config.claims['environment'];
  return publisher;
}

export const copyConfig = (config: TrustConfig): TrustConfig => structuredClone(config);

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isWorkflowFile = (value: unknown): boolean => isString(value) && /\.ya?ml$/.test(value) && !value.includes('/') && !value.includes('\\');

/** Checks one entry of a POST body; returns what is wrong, or undefined. */
function invalidConfig(entry: unknown): string | undefined {
  if (!isObject(entry)) return 'each trust configuration must be an object';
  const { type, claims, permissions } = entry;
  if (!isObject(claims)) return 'claims must be an object';
  if (!Array.isArray(permissions) || permissions.length === 0) return 'permissions must be a non-empty array';
  if (!permissions.every((p) => PERMISSIONS.includes(p as TrustPermission)) || new Set(permissions).size !== permissions.length) {
    return `permissions must be distinct values of ${PERMISSIONS.join(', ')}`;
  }
  const environment = claims['environment'];
  if (environment !== undefined && !isString(environment)) return 'environment must be a non-empty string';
  switch (type) {
    case 'github': {
      const repository = claims['repository'];
      if (!isString(repository) || repository.split('/').length !== 2) return 'repository must be owner/repo';
      const ref = claims['workflow_ref'];
      if (!isObject(ref) || !isWorkflowFile(ref['file'])) return 'workflow_ref.file must be a workflow file name ending in .yml or .yaml';
      return undefined;
    }
    case 'gitlab': {
      const project = claims['project_path'];
      if (!isString(project) || project.split('/').length < 2) return 'project_path must be group/project';
      const ref = claims['ci_config_ref_uri'];
      if (!isObject(ref) || !isWorkflowFile(ref['file'])) return 'ci_config_ref_uri.file must be a file name ending in .yml or .yaml';
      return undefined;
    }
    case 'circleci': {
      for (const key of ['org-id', 'project-id', 'pipeline-definition-id', 'vcs-origin']) {
        if (!isString(claims[`${CIRCLECI}${key}`])) return `${CIRCLECI}${key} is required`;
      }
      return undefined;
    }
    default:
      return 'type must be github, gitlab or circleci';
  }
}

/** `GET|POST /-/package/<pkg>/trust`, `DELETE /-/package/<pkg>/trust/<id>`. */
export function handleTrust(ctx: RequestContext, deps: RegistryDeps): Reply {
  const { route, identity } = ctx;
  if (!identity) return errorReply(401, 'Unauthorized');
  if (identity.kind === 'oidc') return errorReply(403, 'A trusted-publishing token cannot manage trusted publishers.');
  const state = route.pkg ? deps.packages.get(route.pkg) : undefined;
  if (!state?.exists) return errorReply(404, 'Not found');
  if (!state.maintainers.some((m) => m.name === identity.user.name)) {
    return errorReply(403, `You do not have permission to manage trusted publishers of "${state.name}".`);
  }
  if (route.trustId !== undefined) {
    if (ctx.method !== 'DELETE') return errorReply(405, 'Method not allowed');
    const at = state.trust.findIndex((config) => config.id === route.trustId);
    if (at < 0) return errorReply(404, 'Trust configuration not found');
    state.trust.splice(at, 1);
    return { status: 204, headers: {}, body: Buffer.alloc(0) };
  }
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return jsonReply(200, state.trust.map(copyConfig));
  if (ctx.method !== 'POST') return errorReply(405, 'Method not allowed');
  const body = ctx.json;
  if (!Array.isArray(body) || body.length === 0) return errorReply(400, 'The body must be a non-empty array of trust configurations');
  for (const entry of body) {
    const problem = invalidConfig(entry);
    if (problem) return errorReply(400, `Invalid trust configuration: ${problem}`);
  }
  // npm's documentation (2025): one trusted publisher per package. trustPublisher() is not bound by it.
  if (state.trust.length + body.length > 1) {
    return errorReply(409, `"${state.name}" already has a trusted publisher. Revoke it first.`);
  }
  const created: TrustConfig[] = body.map((entry: Record<string, unknown>) => ({
    id: randomUUID(),
    type: entry['type'] as TrustConfig['type'],
    claims: structuredClone(entry['claims'] as Record<string, unknown>),
    permissions: [...(entry['permissions'] as TrustPermission[])],
  }));
  state.trust.push(...created);
  return jsonReply(201, created.map(copyConfig));
}
