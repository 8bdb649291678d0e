import npmFetch from 'npm-registry-fetch';
import { escapeName, type RegistryClient } from './client.ts';
import type { NpmHeaders } from './npm-headers.ts';

const tagUrl = (pkg: string, tag: string) => `/-/package/${escapeName(pkg)}/dist-tags/${encodeURIComponent(tag)}`;

/** `PUT /-/package/<pkg>/dist-tags/<tag>` with the version as a JSON string, as `npm dist-tag add` sends it. */
export async function setDistTag(client: RegistryClient, pkg: string, tag: string, version: string, npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) =>
    npmFetch(tagUrl(pkg, tag), { ...options, method: 'PUT', body: JSON.stringify(version), headers: { 'content-type': 'application/json' }, ignoreBody: true }),
  );
}

/** `DELETE /-/package/<pkg>/dist-tags/<tag>`. */
export async function removeDistTag(client: RegistryClient, pkg: string, tag: string, npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) => npmFetch(tagUrl(pkg, tag), { ...options, method: 'DELETE', ignoreBody: true }));
}
