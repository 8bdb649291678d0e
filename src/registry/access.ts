import libnpmaccess from 'libnpmaccess';
import { escapeName, type RegistryClient } from './client.ts';
import type { Write } from './write.ts';

/** `GET /-/package/<pkg>/visibility`: true when public, undefined when the package does not exist. */
export async function readVisibility(client: RegistryClient, pkg: string): Promise<boolean | undefined> {
  const answer = (await client.getJson(`/-/package/${escapeName(pkg)}/visibility`)) as { public?: unknown } | undefined;
  return answer === undefined ? undefined : answer.public === true;
}

/** `POST /-/package/<pkg>/access` `{access}` through libnpmaccess (scoped packages only). */
export async function writeAccess(client: RegistryClient, pkg: string, access: 'public' | 'restricted', write: Write): Promise<void> {
  await client.write(write, 0, (options) => libnpmaccess.setAccess(pkg, access, options));
}

/** `POST /-/package/<pkg>/access` with the 2FA policy, through libnpmaccess. */
export async function writeMfa(client: RegistryClient, pkg: string, level: 'none' | 'publish' | 'automation', write: Write): Promise<void> {
  await client.write(write, 0, (options) => libnpmaccess.setMfa(pkg, level, options));
}
