import libnpmpublish from 'libnpmpublish';
import type { RegistryClient } from './client.ts';
import type { NpmHeaders } from './npm-headers.ts';

/**
 * libnpmpublish's unpublish of `spec` (`name@version`, or `name` with
 * `force` for every version): its read, PUT and DELETE share one code, as
 * with the npm CLI.
 */
export async function unpublishSpec(client: RegistryClient, spec: string, force: boolean, npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) => libnpmpublish.unpublish(spec, { ...options, force }));
}
