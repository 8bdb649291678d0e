import npmFetch from 'npm-registry-fetch';
import { escapeName, type RegistryClient } from './client.ts';
import type { NpmHeaders } from './npm-headers.ts';

/** A registry account, as owner changes record it. */
export interface Account {
  name: string;
  email?: string;
}

/** `GET /-/user/org.couchdb.user:<user>`: the account, or undefined when there is none. */
export async function readAccount(client: RegistryClient, user: string): Promise<Account | undefined> {
  const found = (await client.getJson(`/-/user/org.couchdb.user:${encodeURIComponent(user)}`)) as { name?: unknown; email?: unknown } | undefined;
  if (typeof found?.name !== 'string' || found.name === '') return undefined;
  return { name: found.name, ...(typeof found.email === 'string' && found.email ? { email: found.email } : {}) };
}

/** `PUT /<pkg>/-rev/<rev>` with the new maintainers list, as `npm owner add/rm` writes it; a 409 means the revision moved. */
export async function writeMaintainers(client: RegistryClient, pkg: string, rev: string, maintainers: Account[], npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) =>
    npmFetch(`/${escapeName(pkg)}/-rev/${encodeURIComponent(rev)}`, {
      ...options,
      method: 'PUT',
      body: { _id: pkg, _rev: rev, maintainers },
      ignoreBody: true,
    }),
  );
}
