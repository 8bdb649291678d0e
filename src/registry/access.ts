import libnpmaccess from 'libnpmaccess';
import { escapeName, type RegistryClient } from './client.ts';
import type { NpmHeaders } from './npm-headers.ts';

/** `GET /-/package/<pkg>/visibility`: true when public, undefined when the package does not exist. */
export async function readVisibility(client: RegistryClient, pkg: string): Promise<boolean | undefined> {
  const answer = (await client.getJson(`/-/package/${escapeName(pkg)}/visibility`)) as { public?: unknown } | undefined;
  return answer === undefined ? undefined : answer.public === true;
}

/** `POST /-/package/<pkg>/access` `{access}` through libnpmaccess (scoped packages only). */
export async function writeAccess(client: RegistryClient, pkg: string, access: 'public' | 'restricted', npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) => libnpmaccess.setAccess(pkg, access, options));
}

/** `POST /-/package/<pkg>/access` with the 2FA policy, through libnpmaccess. */
export async function writeMfa(client: RegistryClient, pkg: string, level: 'none' | 'publish' | 'automation', npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) => libnpmaccess.setMfa(pkg, level, options));
}
