/**
 * Staged publishing as npm CLI 11.21 speaks it (`npm stage ...`, libnpmpublish
 * with `stage: true`):
 * - `POST /-/stage/package/<pkg>` with a normal publish body -> 201
 *   `{message, stageId}`. No 2FA (deferred to approval) but a token: a
 *   maintainer's (or anyone's for a new package), or a trusted-publishing token
 *   for that package with `createStagedPackage`.
 * - `GET /-/stage?page=&perPage=&package=` -> `{items, page, perPage, total}`,
 *   `GET /-/stage/<id>` -> one item, `GET /-/stage/<id>/tarball` -> the bytes.
 * - `POST /-/stage/<id>/approve` (2FA) forwards the stored body to Verdaccio as
 *   a normal publish, so packument, tarball and integrity are real; the entry
 *   then disappears. A provenance bundle in the staged body is checked when it
 *   is staged and kept apart as for a publish (see provenance.ts): the approved
 *   version carries `dist.attestations`. `DELETE /-/stage/<id>` (2FA) rejects it.
 * Staged and published versions share one version index: staging a version
 * ever published answers 403 (npmjs's publish-over message), staging or
 * publishing a version that is staged answers 409.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { RegistryDeps, RequestContext } from './context.ts';
import { takeProvenance } from './provenance.ts';
import { OIDC_PUBLISHER } from './packages.ts';
import type { Reply } from './reply.ts';
import { errorReply, isObject, jsonReply } from './reply.ts';
import type { StagedPackage } from './types.ts';
import type { Identity } from './users.ts';

export interface StageEntry {
  item: StagedPackage;
  /** The publish body as received, forwarded unchanged on approval. */
  body: Buffer;
  tarball: Buffer;
  /** The user who staged it (undefined for a trusted-publishing token). */
  stagedBy: string | undefined;
  /** Answers left that show it as `validating` (a view, a list, an approval refused with 409); then `staged`. */
  validatingLeft: number;
}

export class StageStore {
  readonly #entries = new Map<string, StageEntry>();

  add(entry: StageEntry): void {
    this.#entries.set(entry.item.id, entry);
  }

  get(id: string): StageEntry | undefined {
    return this.#entries.get(id);
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }

  /** Entries in staging order, all or one package's. */
  list(pkg?: string): StageEntry[] {
    return [...this.#entries.values()].filter((entry) => pkg === undefined || entry.item.packageName === pkg);
  }

  /** The entry staging `pkg@version`, if any. */
  findVersion(pkg: string, version: string): StageEntry | undefined {
    return this.list(pkg).find((entry) => entry.item.version === version);
  }
}

export const stagedConflict = (entry: StageEntry): Reply =>
  errorReply(409, `${entry.item.packageName}@${entry.item.version} is staged (id ${entry.item.id}). Approve or reject it first.`);

const publishOver = (version: string): Reply => errorReply(403, `You cannot publish over the previously published versions: ${version}.`);

/**
 * The entry as an answer shows it: `validating` while the registry still checks it (npmjs's stage list shows the
 * status; how long it lasts is not documented, so here it lasts a number of answers), then `staged`.
 */
function shown(entry: StageEntry): StagedPackage {
  if (entry.validatingLeft <= 0) return { ...entry.item, status: 'staged' };
  entry.validatingLeft -= 1;
  return { ...entry.item, status: 'validating' };
}

const isMaintainer = (deps: RegistryDeps, pkg: string, user: string): boolean => deps.packages.get(pkg)?.maintainers.some((m) => m.name === user) === true;

/** Maintainers of an existing package see its staged versions; for a new package, whoever staged it. */
function canSee(entry: StageEntry, identity: Identity, deps: RegistryDeps): boolean {
  if (identity.kind === 'oidc') return identity.pkg === entry.item.packageName;
  if (deps.packages.get(entry.item.packageName)?.exists) return isMaintainer(deps, entry.item.packageName, identity.user.name);
  return entry.stagedBy === identity.user.name;
}

/** Every staging route; the 2FA gate already ran for approve and reject. */
export async function handleStage(ctx: RequestContext, deps: RegistryDeps): Promise<Reply> {
  const { route, identity } = ctx;
  if (route.kind === 'stage-publish') return stagePublish(ctx, deps);
  if (!identity) return errorReply(401, 'Unauthorized');
  if (route.kind === 'stage-list') {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return errorReply(405, 'Method not allowed');
    return list(ctx, identity, deps);
  }
  const entry = route.stageId === undefined ? undefined : deps.stages.get(route.stageId);
  const isWrite = route.kind === 'stage-approve' || ctx.method === 'DELETE';
  if (!entry || (!isWrite && !canSee(entry, identity, deps))) return errorReply(404, 'Not found');
  if (route.kind === 'stage-tarball') {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return errorReply(405, 'Method not allowed');
    return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: entry.tarball };
  }
  if (!isWrite) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return errorReply(405, 'Method not allowed');
    return jsonReply(200, shown(entry));
  }
  if (route.kind === 'stage-approve' && ctx.method !== 'POST') return errorReply(405, 'Method not allowed');
  if (identity.kind === 'oidc') return errorReply(403, 'A trusted-publishing token cannot approve or reject staged packages.');
  if (!canSee(entry, identity, deps)) {
    return errorReply(403, `You do not have permission to publish "${entry.item.packageName}". Are you logged in as the correct user?`);
  }
  if (ctx.method === 'DELETE') {
    deps.stages.delete(entry.item.id);
    return { status: 204, headers: {}, body: Buffer.alloc(0) };
  }
  if (shown(entry).status === 'validating') {
    // The fixture's wording; npmjs answers an approval of a version it still validates with 409 (npm's policy notes).
    return errorReply(
      409,
      `${entry.item.packageName}@${entry.item.version} (id ${entry.item.id}) is still being validated; approve it once its status is staged.`,
    );
  }
  return approve(ctx, entry, { name: identity.user.name, email: identity.user.email }, deps);
}

/** The tarball and the one version and tag of a publish body, or what is wrong with it. */
function readPublishBody(json: unknown, pkg: string): { version: string; tag: string; tarball: Buffer; access: string | null } | string {
  if (!isObject(json)) return 'the body must be a publish document';
  if (json['name'] !== pkg) return `the body names ${JSON.stringify(json['name'])}, not ${JSON.stringify(pkg)}`;
  const versions = isObject(json['versions']) ? Object.keys(json['versions']) : [];
  const tags = isObject(json['dist-tags']) ? Object.entries(json['dist-tags']) : [];
  const attachments = isObject(json['_attachments']) ? json['_attachments'] : {};
  const tgz = Object.entries(attachments).find(([file]) => file.endsWith('.tgz'))?.[1];
  const [version] = versions;
  const [tagEntry] = tags;
  if (versions.length !== 1 || version === undefined) return 'the body must carry exactly one version';
  if (tags.length !== 1 || tagEntry === undefined || tagEntry[1] !== version) return 'the body must carry one dist-tag pointing at its version';
  if (!isObject(tgz) || typeof tgz['data'] !== 'string') return 'the body carries no tarball';
  const access = typeof json['access'] === 'string' ? json['access'] : null;
  return { version, tag: tagEntry[0], tarball: Buffer.from(tgz['data'], 'base64'), access };
}

/** `POST /-/stage/package/<pkg>`: no 2FA, but a token that may publish the package. */
function stagePublish(ctx: RequestContext, deps: RegistryDeps): Reply {
  const { identity } = ctx;
  const pkg = ctx.route.pkg ?? '';
  if (ctx.method !== 'POST') return errorReply(405, 'Method not allowed');
  if (!identity) return errorReply(401, 'You must be logged in to publish packages.');
  const state = deps.packages.get(pkg);
  if (identity.kind === 'oidc') {
    if (identity.pkg !== pkg) return errorReply(403, `This token was issued by trusted publishing for "${identity.pkg}" and may only publish it.`);
    if (!identity.permissions.includes('createStagedPackage')) {
      return errorReply(403, `The trusted publisher of "${pkg}" is not allowed to stage publish (createStagedPackage).`);
    }
  } else if (state?.exists && !isMaintainer(deps, pkg, identity.user.name)) {
    return errorReply(403, `You do not have permission to publish "${pkg}". Are you logged in as the correct user?`);
  }
  const parsed = readPublishBody(ctx.json, pkg);
  if (typeof parsed === 'string') return errorReply(400, `Invalid package: ${parsed}`);
  if (state?.published.has(parsed.version)) return publishOver(parsed.version);
  const already = deps.stages.findVersion(pkg, parsed.version);
  if (already) return stagedConflict(already);
  // A provenance bundle is checked now, as for a publish, and kept apart: the approval publishes the version marked with dist.attestations.
  const body = takeProvenance(ctx, deps);
  if (!Buffer.isBuffer(body)) return body;
  const item: StagedPackage = {
    id: randomUUID(),
    packageName: pkg,
    version: parsed.version,
    tag: parsed.tag,
    createdAt: new Date(ctx.now).toISOString(),
    actor: identity.kind === 'user' ? identity.user.name : OIDC_PUBLISHER.name,
    actorType: identity.kind === 'user' ? 'user' : 'oidc',
    access: parsed.access,
    shasum: createHash('sha1').update(parsed.tarball).digest('hex'),
    status: 'staged',
  };
  deps.stages.add({
    item,
    body,
    tarball: parsed.tarball,
    stagedBy: identity.kind === 'user' ? identity.user.name : undefined,
    validatingLeft: deps.stageValidatingAnswers(),
  });
  return jsonReply(201, { message: `${pkg}@${parsed.version} staged with tag ${parsed.tag}.`, stageId: item.id });
}

/** `GET /-/stage?page=&perPage=&package=`: pages start at 0, at most 100 per page. */
function list(ctx: RequestContext, identity: Identity, deps: RegistryDeps): Reply {
  const query = new URLSearchParams(ctx.url.includes('?') ? ctx.url.slice(ctx.url.indexOf('?') + 1) : '');
  const page = Number(query.get('page') ?? '0');
  const perPage = Number(query.get('perPage') ?? '100');
  if (!Number.isInteger(page) || page < 0) return errorReply(400, 'page must be a whole number >= 0');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return errorReply(400, 'perPage must be a whole number from 1 to 100');
  const visible = deps.stages.list(query.get('package') ?? undefined).filter((entry) => canSee(entry, identity, deps));
  const items = visible.slice(page * perPage, (page + 1) * perPage).map(shown);
  return jsonReply(200, { items, page, perPage, total: visible.length });
}

/** Publishes a staged version through Verdaccio, as the approver. */
async function approve(ctx: RequestContext, entry: StageEntry, approver: { name: string; email: string }, deps: RegistryDeps): Promise<Reply> {
  const { packageName: pkg, version, tag, access } = entry.item;
  if (deps.packages.get(pkg)?.published.has(version)) return publishOver(version);
  const escaped = pkg.startsWith('@') ? `@${encodeURIComponent(pkg.slice(1))}` : encodeURIComponent(pkg);
  const stored = await deps.proxy.forward({
    method: 'PUT',
    url: `/${escaped}`,
    headers: { host: ctx.headers.host ?? '', 'content-type': 'application/json', accept: 'application/json' },
    body: entry.body,
  });
  if (stored.status < 200 || stored.status >= 300) return stored;
  deps.packages.recordPublish(pkg, version, approver, access);
  deps.stages.delete(entry.item.id);
  return jsonReply(200, { ok: true, id: entry.item.id, packageName: pkg, version, tag });
}
