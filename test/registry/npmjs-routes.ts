/**
 * Routes registry.npmjs.org has and Verdaccio lacks (or answers differently):
 * whoami, the profile (`/-/npm/v1/user`), user lookup and creation, a user's packages, and a package's
 * access, visibility and collaborators (web approvals: web-auth.ts).
 * Returns undefined for a request that is not one of these.
 */
import type { RegistryDeps, RequestContext } from './context.ts';
import type { Reply } from './reply.ts';
import { errorReply, isObject, jsonReply } from './reply.ts';

export function handleNpmjsRoute(ctx: RequestContext, deps: RegistryDeps): Reply | undefined {
  const { route, identity } = ctx;
  switch (route.kind) {
    case 'whoami':
      // Verdaccio answers 200 {} to a bad token; npmjs refuses it.
      return identity?.kind === 'user' ? jsonReply(200, { username: identity.user.name }) : errorReply(401, 'Unauthorized');
    case 'user-profile': {
      // npm profile get: `tfa` is null when 2FA is off, `{mode, pending}` otherwise (npm CLI 11's lib/commands/profile.js).
      if (identity?.kind !== 'user') return errorReply(401, 'Unauthorized');
      const { user } = identity;
      const tfa =
        user.twoFactor || user.web
          ? { mode: 'auth-and-writes', pending: false }
          : user.tfa === 'none'
            ? null
            : user.tfa === 'pending'
              ? { mode: 'auth-only', pending: true }
              : { mode: 'auth-only', pending: false };
      return jsonReply(200, {
        name: user.name,
        email: user.email,
        email_verified: true,
        tfa,
        created: '2020-01-01T00:00:00.000Z',
        updated: '2020-01-01T00:00:00.000Z',
      });
    }
    case 'user-get': {
      const user = deps.users.byName(route.userName ?? '');
      if (!user) return errorReply(404, 'Not found');
      return jsonReply(200, { _id: `org.couchdb.user:${user.name}`, name: user.name, email: user.email, type: 'user', roles: [] });
    }
    case 'user-create':
      return createUser(ctx, deps);
    case 'user-packages': {
      const out: Record<string, string> = {};
      for (const name of deps.packages.namesMaintainedBy(route.userName ?? '')) out[name] = 'read-write';
      return jsonReply(200, out);
    }
    case 'org-packages':
      return errorReply(404, 'Scope not found');
    case 'visibility':
    case 'collaborators':
    case 'access':
      return packageSettings(ctx, deps);
    default:
      return undefined;
  }
}

/** `PUT /-/user/org.couchdb.user:<name>` (npm adduser / legacy login). */
function createUser(ctx: RequestContext, deps: RegistryDeps): Reply {
  const body = isObject(ctx.json) ? ctx.json : {};
  const name = ctx.route.userName ?? '';
  const password = typeof body['password'] === 'string' ? body['password'] : '';
  const existing = deps.users.byName(name);
  if (existing) {
    if (existing.password === undefined || existing.password !== password) return errorReply(401, 'Unable to authenticate, need: BASIC');
    return jsonReply(201, { ok: true, id: `org.couchdb.user:${name}`, token: deps.users.issueToken(existing) });
  }
  const email = typeof body['email'] === 'string' ? body['email'] : undefined;
  try {
    const created = deps.users.add(name, { twoFactor: false, password, ...(email ? { email } : {}) });
    return jsonReply(201, { ok: true, id: `org.couchdb.user:${name}`, token: created.token });
  } catch (error) {
    return errorReply(400, (error as Error).message);
  }
}

/**
 * visibility and collaborators are reads; `POST .../access` sets the status
 * (`{access}`, scoped packages only) or the 2FA policy
 * (`{publish_requires_tfa, automation_token_overrides_tfa}`). The gate and the
 * maintainer check ran before this for the POST.
 */
function packageSettings(ctx: RequestContext, deps: RegistryDeps): Reply {
  const state = ctx.route.pkg ? deps.packages.get(ctx.route.pkg) : undefined;
  if (!state?.exists) return errorReply(404, 'Not found');
  if (ctx.route.kind === 'visibility') return jsonReply(200, { public: state.access === 'public' });
  if (ctx.route.kind === 'collaborators') {
    return jsonReply(200, Object.fromEntries(state.maintainers.map((m) => [m.name, 'read-write'])));
  }
  if (ctx.method !== 'POST') return errorReply(405, 'Method not allowed');
  const body = isObject(ctx.json) ? ctx.json : undefined;
  if (!body) return errorReply(400, 'Invalid request body');
  const access = body['access'];
  const requires = body['publish_requires_tfa'];
  const overrides = body['automation_token_overrides_tfa'];
  if (access !== undefined) {
    if (access !== 'public' && access !== 'restricted') return errorReply(400, `Invalid access: ${JSON.stringify(access)}`);
    if (access === 'restricted' && !state.name.startsWith('@')) return errorReply(400, 'Unscoped packages cannot be restricted');
    state.access = access;
  }
  if (requires !== undefined) {
    if (typeof requires !== 'boolean' || (overrides !== undefined && typeof overrides !== 'boolean')) {
      return errorReply(400, 'Invalid mfa setting');
    }
    state.publishRequiresTfa = requires;
    state.automationTokenOverridesTfa = requires ? overrides === true : false;
  }
  if (access === undefined && requires === undefined) return errorReply(400, 'Nothing to change');
  state.revision += 1;
  return jsonReply(200, { ok: true });
}
