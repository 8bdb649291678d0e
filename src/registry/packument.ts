import npmFetch from 'npm-registry-fetch';
import type { RegistryClient } from './client.ts';
import { escapeName } from './client.ts';
import type { NpmHeaders } from './npm-headers.ts';

/** The parts of a packument this product reads. */
export interface Packument {
  name: string;
  _rev?: string;
  'dist-tags'?: Record<string, string>;
  versions?: Record<string, { version: string; deprecated?: string; dist?: { integrity?: string; shasum?: string; tarball?: string } }>;
  maintainers?: Array<{ name: string; email?: string }>;
  time?: Record<string, string>;
}

/**
 * `GET /<name>`: the full packument, or undefined when the package does not
 * exist. `write` reads it as for a write (`?write=true`), past any cache, so a
 * version or tag changed minutes ago is seen.
 */
export async function readPackument(client: RegistryClient, name: string, options: { write?: boolean } = {}): Promise<Packument | undefined> {
  const document = await client.getJson(`/${escapeName(name)}`, {
    headers: { accept: 'application/json' },
    ...(options.write ? { query: { write: 'true' } } : {}),
  });
  return document === undefined ? undefined : (document as Packument);
}

/** `PUT /<name>` with a whole packument (at its `_rev`), as `npm deprecate` writes it. */
export async function writePackument(client: RegistryClient, packument: Packument, npmHeaders: NpmHeaders): Promise<void> {
  const body = JSON.stringify(packument);
  await client.write(npmHeaders, body.length, (options) =>
    npmFetch(`/${escapeName(packument.name)}`, { ...options, method: 'PUT', body, headers: { 'content-type': 'application/json' }, ignoreBody: true }),
  );
}
