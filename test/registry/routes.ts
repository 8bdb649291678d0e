/**
 * Names what a request is (publish, owner change, dist-tag write, ...) and which
 * package it touches, from its method, path and body. Every rule the fixture
 * enforces (2FA, ownership, revisions) keys on this one classification.
 */
import { isObject } from './reply.ts';

export type RouteKind =
  | 'user-create'
  | 'user-get'
  | 'whoami'
  | 'user-profile'
  | 'user-packages'
  | 'org-packages'
  | 'oidc-exchange'
  | 'web-done'
  | 'web-page'
  | 'audit'
  | 'access'
  | 'visibility'
  | 'collaborators'
  | 'dist-tags'
  | 'packument'
  | 'package-read'
  | 'publish'
  | 'package-change'
  | 'owner-change'
  | 'unpublish-all'
  | 'tarball-delete'
  | 'trust'
  | 'stage-publish'
  | 'stage-list'
  | 'stage-item'
  | 'stage-tarball'
  | 'stage-approve'
  | 'other';

export interface Route {
  kind: RouteKind;
  /** The decoded package name (`@scope/name`), when the path names one. */
  pkg?: string;
  /** The revision named by `/-rev/<rev>` in the path. */
  rev?: string;
  /** The dist-tag named by `/-/package/<pkg>/dist-tags/<tag>`. */
  tag?: string;
  /** The user named by `/-/user/org.couchdb.user:<name>` or `/-/user/<name>/package`. */
  userName?: string;
  /** The trust configuration named by `/-/package/<pkg>/trust/<id>`. */
  trustId?: string;
  /** The staged version named by `/-/stage/<id>[/tarball|/approve]` (the server then sets `pkg` from it). */
  stageId?: string;
}

const WRITE_METHODS = new Set(['PUT', 'POST', 'DELETE', 'PATCH']);

/**
 * Writes that need no code: creating a user, the OIDC exchange, audit (a POST that only
 * reads), and a stage publish (npm: "2FA is deferred to approve/reject").
 */
const OTP_EXEMPT = new Set<RouteKind>(['user-create', 'oidc-exchange', 'audit', 'stage-publish', 'web-done']);

/** Reads that need a code all the same: npmjs gates `GET /-/package/<pkg>/trust` (npm's `trust list` goes through otplease). */
const GATED_READS = new Set<RouteKind>(['trust']);

/** Does this request go through the 2FA gate (and need a token)? */
export function isGated(method: string, route: Route): boolean {
  return (WRITE_METHODS.has(method) || GATED_READS.has(route.kind)) && !OTP_EXEMPT.has(route.kind);
}

export function isWriteMethod(method: string): boolean {
  return WRITE_METHODS.has(method);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads a package name at `segments[0]` (`@scope%2fname`, `@scope/name` or `name`); returns it and what follows. */
function takePackage(segments: string[]): { pkg: string; rest: string[] } | undefined {
  const [first, second] = segments;
  if (!first || first.startsWith('-')) return undefined;
  const name = decode(first);
  if (name.startsWith('@') && !name.includes('/')) {
    if (!second) return undefined;
    return { pkg: `${name}/${decode(second)}`, rest: segments.slice(2) };
  }
  return { pkg: name, rest: segments.slice(1) };
}

/** Classifies a request; `body` is the parsed JSON body (used to tell a publish from other package writes). */
export function classify(method: string, pathname: string, body: unknown): Route {
  const segments = pathname.split('/').slice(1);
  if (segments[0] === '-') return classifyDash(method, segments.slice(1));
  const taken = takePackage(segments);
  if (!taken) return { kind: 'other' };
  const { pkg, rest } = taken;
  const revAt = rest.indexOf('-rev');
  const rev = revAt >= 0 ? rest[revAt + 1] : undefined;
  const withRev = rev === undefined ? {} : { rev };
  if (method === 'GET' || method === 'HEAD') {
    return { kind: rest.length === 0 ? 'packument' : 'package-read', pkg };
  }
  if (method === 'DELETE') {
    return { kind: rest[0] === '-' ? 'tarball-delete' : 'unpublish-all', pkg, ...withRev };
  }
  if (method === 'PUT' && isObject(body)) {
    const attachments = body['_attachments'];
    if (rest.length === 0 && isObject(attachments) && Object.keys(attachments).length > 0) return { kind: 'publish', pkg };
    if ('maintainers' in body && !('versions' in body)) return { kind: 'owner-change', pkg, ...withRev };
  }
  return { kind: 'package-change', pkg, ...withRev };
}

function classifyDash(method: string, segments: string[]): Route {
  const [area, second] = segments;
  if (area === 'whoami') return { kind: 'whoami' };
  if (area === 'user' && second?.startsWith('org.couchdb.user:')) {
    const userName = decode(second.slice('org.couchdb.user:'.length));
    return { kind: method === 'PUT' ? 'user-create' : 'user-get', userName };
  }
  if (area === 'user' && second && segments[2] === 'package') return { kind: 'user-packages', userName: decode(second) };
  if ((area === 'org' || area === 'team') && second) return { kind: 'org-packages' };
  // Web approvals: doneUrl (npm's dist-tag polls it with PUT and DELETE too) and the page a person opens.
  if (area === 'v1' && second === 'done') return { kind: 'web-done' };
  if (area === 'v1' && second === 'auth' && segments[2]) return { kind: 'web-page' };
  if (area === 'npm' && segments.slice(1, 6).join('/') === 'v1/oidc/token/exchange/package') {
    const taken = takePackage(segments.slice(6));
    return taken ? { kind: 'oidc-exchange', pkg: taken.pkg } : { kind: 'oidc-exchange' };
  }
  if (area === 'npm' && segments[2] === 'security') return { kind: 'audit' };
  if (area === 'npm' && second === 'v1' && segments[2] === 'user' && segments.length === 3) return { kind: 'user-profile' };
  if (area === 'stage') return classifyStage(segments.slice(1));
  if (area === 'package') {
    const taken = takePackage(segments.slice(1));
    if (!taken) return { kind: 'other' };
    const [sub, tag] = taken.rest;
    if (sub === 'access') return { kind: 'access', pkg: taken.pkg };
    if (sub === 'visibility') return { kind: 'visibility', pkg: taken.pkg };
    if (sub === 'collaborators') return { kind: 'collaborators', pkg: taken.pkg };
    if (sub === 'dist-tags') return tag === undefined ? { kind: 'dist-tags', pkg: taken.pkg } : { kind: 'dist-tags', pkg: taken.pkg, tag: decode(tag) };
    if (sub === 'trust') return tag === undefined ? { kind: 'trust', pkg: taken.pkg } : { kind: 'trust', pkg: taken.pkg, trustId: decode(tag) };
  }
  return { kind: 'other' };
}

/**
 * Staged publishing (npm CLI 11.15+): `/-/stage/package/<pkg>` (stage a version),
 * `/-/stage` (list), `/-/stage/<id>` (view, or DELETE to reject),
 * `/-/stage/<id>/tarball`, `/-/stage/<id>/approve`.
 */
function classifyStage(segments: string[]): Route {
  const [first, second] = segments;
  if (first === undefined || first === '') return { kind: 'stage-list' };
  if (first === 'package') {
    const taken = takePackage(segments.slice(1));
    return taken && taken.rest.length === 0 ? { kind: 'stage-publish', pkg: taken.pkg } : { kind: 'other' };
  }
  const stageId = decode(first);
  if (second === undefined) return { kind: 'stage-item', stageId };
  if (second === 'tarball' && segments.length === 2) return { kind: 'stage-tarball', stageId };
  if (second === 'approve' && segments.length === 2) return { kind: 'stage-approve', stageId };
  return { kind: 'other' };
}
