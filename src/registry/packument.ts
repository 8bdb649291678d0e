import type { RegistryClient } from './client.ts';
import { escapeName } from './client.ts';

/** The parts of a packument this product reads. */
export interface Packument {
  name: string;
  _rev?: string;
  'dist-tags'?: Record<string, string>;
  versions?: Record<string, { version: string; deprecated?: string; dist?: { integrity?: string; shasum?: string; tarball?: string } }>;
  maintainers?: Array<{ name: string; email?: string }>;
  time?: Record<string, string>;
}

/** The full packument, or undefined when the package does not exist. */
export async function readPackument(client: RegistryClient, name: string, options: { write?: boolean } = {}): Promise<Packument | undefined> {
  const document = await client.getJson(`/${escapeName(name)}`, {
    headers: { accept: 'application/json' },
    ...(options.write ? { query: { write: 'true' } } : {}),
  });
  return document === undefined ? undefined : (document as Packument);
}
