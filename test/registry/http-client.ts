/**
 * Test helpers that speak the registry protocol by hand (fetch), so tests can
 * see exactly what is sent: a publish body as libnpmpublish builds it, with a
 * real (tiny) tarball, and a generic authenticated request.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** One-file ustar archive (`package/package.json`), gzipped, as npm pack lays it out. */
export function tinyTarball(manifest: Record<string, unknown>): Buffer {
  const content = Buffer.from(JSON.stringify(manifest, null, 2));
  const header = Buffer.alloc(512);
  const put = (text: string, at: number, length: number): void => {
    header.write(text, at, length, 'ascii');
  };
  const octal = (value: number, length: number): string => `${value.toString(8).padStart(length - 1, '0')}\0`;
  put('package/package.json', 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(content.length, 12), 124, 12);
  put(octal(499162500, 12), 136, 12); // 1985-10-26, npm's fixed mtime
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of header) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return gzipSync(Buffer.concat([header, content, padding, Buffer.alloc(1024)]));
}

export interface PublishOptions {
  tag?: string;
  /** libnpmpublish 12 sends null (keep the registry's choice). */
  access?: 'public' | 'restricted' | null;
}

/** The body of `PUT /<name>` as libnpmpublish 12 builds it. */
export function publishBody(registryUrl: string, name: string, version: string, opts: PublishOptions = {}): Record<string, unknown> {
  const manifest = { name, version, description: `${name} test package` };
  const tarball = tinyTarball(manifest);
  const file = `${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;
  return {
    _id: name,
    name,
    description: manifest.description,
    'dist-tags': { [opts.tag ?? 'latest']: version },
    versions: {
      [version]: {
        ...manifest,
        _id: `${name}@${version}`,
        dist: {
          integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
          shasum: createHash('sha1').update(tarball).digest('hex'),
          tarball: `${registryUrl}${name}/-/${file}`,
        },
      },
    },
    access: opts.access === undefined ? null : opts.access,
    _attachments: {
      [`${name}-${version}.tgz`]: { content_type: 'application/octet-stream', data: tarball.toString('base64'), length: tarball.length },
    },
  };
}

/** `@scope/name` -> `@scope%2fname`, as npm-package-arg escapes it. */
export function escapeName(name: string): string {
  return name.replace('/', '%2f');
}

export interface CallOptions {
  token?: string;
  otp?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An authenticated request to `registryUrl` + `path` (no leading slash needed). */
export function call(registryUrl: string, method: string, path: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token !== undefined) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.otp !== undefined) headers['npm-otp'] = opts.otp;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const init: RequestInit = { method, headers };
  if (opts.body !== undefined) init.body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  return fetch(new URL(path.replace(/^\//, ''), registryUrl), init);
}

/** Publishes `name@version` by hand. */
export function publish(registryUrl: string, name: string, version: string, opts: CallOptions & PublishOptions = {}): Promise<Response> {
  return call(registryUrl, 'PUT', escapeName(name), { ...opts, body: publishBody(registryUrl, name, version, opts) });
}

/** `POST /-/stage/package/<name>` with the same body a publish sends (libnpmpublish with `stage: true`). */
export function stagePublish(registryUrl: string, name: string, version: string, opts: CallOptions & PublishOptions = {}): Promise<Response> {
  return call(registryUrl, 'POST', `-/stage/package/${escapeName(name)}`, { ...opts, body: publishBody(registryUrl, name, version, opts) });
}

export type TrustPermissionName = 'createPackage' | 'createStagedPackage';

/**
 * The body of `POST /-/package/<name>/trust` exactly as npm CLI 11.21 sends it
 * (`npm trust github|gitlab|circleci ...`): an ARRAY of one configuration. The
 * permissions are `createPackage` (`--allow-publish`) then `createStagedPackage`
 * (`--allow-stage-publish`); `environment` only when given. The conformance test
 * checks these against what npm sent.
 */
export const trustBody = {
  github(repository: string, file: string, permissions: TrustPermissionName[], environment?: string): unknown[] {
    return [{ type: 'github', claims: { repository, workflow_ref: { file }, ...(environment ? { environment } : {}) }, permissions }];
  },
  gitlab(project: string, file: string, permissions: TrustPermissionName[], environment?: string): unknown[] {
    return [{ type: 'gitlab', claims: { project_path: project, ci_config_ref_uri: { file }, ...(environment ? { environment } : {}) }, permissions }];
  },
  circleci(
    ids: { orgId: string; projectId: string; pipelineDefinitionId: string; vcsOrigin: string; contextIds?: string[] },
    permissions: TrustPermissionName[],
  ): unknown[] {
    const claims: Record<string, unknown> = {
      'oidc.circleci.com/org-id': ids.orgId,
      'oidc.circleci.com/project-id': ids.projectId,
      'oidc.circleci.com/pipeline-definition-id': ids.pipelineDefinitionId,
      'oidc.circleci.com/vcs-origin': ids.vcsOrigin,
    };
    if (ids.contextIds && ids.contextIds.length > 0) claims['oidc.circleci.com/context-ids'] = ids.contextIds;
    return [{ type: 'circleci', claims, permissions }];
  },
};
