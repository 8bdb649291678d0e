/**
 * npmjs's rules for writes to a package, which Verdaccio does not enforce:
 * only maintainers write; a version number is never reused (403 "You cannot
 * publish over the previously published versions"); writes that quote a
 * revision must quote the current one (409); `latest` cannot be removed; a
 * trusted-publishing token only publishes its own package. Also owner changes,
 * which Verdaccio cannot store, and the bookkeeping after a stored write.
 */
import type { RegistryDeps, RequestContext } from './context.ts';
import type { Person } from './packages.ts';
import { OIDC_PUBLISHER } from './packages.ts';
import type { Reply } from './reply.ts';
import { errorReply, isObject, jsonReply } from './reply.ts';
import type { RouteKind } from './routes.ts';
import { stagedConflict } from './staging.ts';

const PACKAGE_WRITES = new Set<RouteKind>(['publish', 'package-change', 'owner-change', 'unpublish-all', 'tarball-delete', 'dist-tags', 'access']);

export function isPackageWrite(ctx: RequestContext): boolean {
  return ctx.method !== 'GET' && ctx.method !== 'HEAD' && PACKAGE_WRITES.has(ctx.route.kind) && ctx.route.pkg !== undefined;
}

/** The version a publish body carries (libnpmpublish sends exactly one). */
export function publishedVersion(ctx: RequestContext): string | undefined {
  const versions = isObject(ctx.json) ? ctx.json['versions'] : undefined;
  return isObject(versions) ? Object.keys(versions)[0] : undefined;
}

const noPermission = (pkg: string): Reply => errorReply(403, `You do not have permission to publish "${pkg}". Are you logged in as the correct user?`);

/** Refuses a package write that npmjs would refuse; undefined lets it through. Runs after the 2FA gate. */
export function checkPackageWrite(ctx: RequestContext, deps: RegistryDeps): Reply | undefined {
  const { route, identity } = ctx;
  const pkg = route.pkg ?? '';
  const state = deps.packages.get(pkg);
  if (identity?.kind === 'oidc' && (route.kind !== 'publish' || identity.pkg !== pkg)) {
    return errorReply(403, `This token was issued by trusted publishing for "${identity.pkg}" and may only publish it.`);
  }
  if (identity?.kind === 'oidc' && !identity.permissions.includes('createPackage')) {
    // npmjs's words (seen in 2026 reports: "E403 ... - OIDC permission denied for this action").
    return errorReply(403, 'OIDC permission denied for this action');
  }
  const isMaintainer = identity?.kind === 'user' && state?.maintainers.some((m) => m.name === identity.user.name);
  if (route.kind === 'publish') {
    if (state?.exists && identity?.kind === 'user' && !isMaintainer) return noPermission(pkg);
    const version = publishedVersion(ctx);
    if (version === undefined) return errorReply(400, 'Invalid package: no version');
    if (state?.published.has(version)) {
      return errorReply(403, `You cannot publish over the previously published versions: ${version}.`);
    }
    // Staged and published versions share one version index.
    const staged = deps.stages.findVersion(pkg, version);
    return staged ? stagedConflict(staged) : undefined;
  }
  if (!state?.exists) return errorReply(404, 'Not found');
  if (!isMaintainer) return noPermission(pkg);
  const bodyRev = isObject(ctx.json) && typeof ctx.json['_rev'] === 'string' ? ctx.json['_rev'] : undefined;
  const quoted = route.rev !== undefined ? decodeURIComponent(route.rev) : bodyRev;
  if (quoted !== undefined && quoted !== deps.packages.rev(state)) return errorReply(409, 'Document update conflict.');
  if (route.kind === 'dist-tags' && ctx.method === 'DELETE' && route.tag === 'latest') {
    return errorReply(400, 'Cannot delete the "latest" dist-tag. Point it at another version instead.');
  }
  return undefined;
}

/** `PUT /<pkg>/-rev/<rev>` with `{_id, _rev, maintainers}`: replaces the owners. */
export function changeOwners(ctx: RequestContext, deps: RegistryDeps): Reply {
  const state = deps.packages.ensure(ctx.route.pkg ?? '');
  const wanted = isObject(ctx.json) ? ctx.json['maintainers'] : undefined;
  if (!Array.isArray(wanted)) return errorReply(400, 'maintainers must be an array');
  const owners: Person[] = [];
  for (const entry of wanted) {
    const name = isObject(entry) && typeof entry['name'] === 'string' ? entry['name'] : undefined;
    const user = name === undefined ? undefined : deps.users.byName(name);
    if (!user) return errorReply(404, `User not found: ${JSON.stringify(name ?? entry)}`);
    if (!owners.some((o) => o.name === user.name)) owners.push({ name: user.name, email: user.email });
  }
  if (owners.length === 0) return errorReply(403, 'Cannot remove all owners of a package. Add someone else first.');
  state.maintainers = owners;
  state.revision += 1;
  return jsonReply(200, { ok: true, id: state.name, rev: deps.packages.rev(state) });
}

/** Keeps npmjs's view in step once storage accepted a write (2xx). */
export function afterStored(ctx: RequestContext, deps: RegistryDeps): void {
  const pkg = ctx.route.pkg;
  if (!pkg) return;
  if (ctx.route.kind === 'publish') {
    const version = publishedVersion(ctx);
    if (version === undefined) return;
    const publisher = ctx.identity?.kind === 'user' ? { name: ctx.identity.user.name, email: ctx.identity.user.email } : OIDC_PUBLISHER;
    deps.packages.recordPublish(pkg, version, publisher, isObject(ctx.json) ? ctx.json['access'] : undefined);
    return;
  }
  const state = deps.packages.get(pkg);
  if (!state) return;
  if (ctx.route.kind === 'unpublish-all') {
    state.exists = false;
    state.maintainers = [];
  }
  state.revision += 1;
}
