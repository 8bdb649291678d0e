import libnpmpublish from 'libnpmpublish';
import type { RegistryClient } from './client.ts';
import type { Write } from './write.ts';

/**
 * libnpmpublish's unpublish of `spec` (`name@version`, or `name` with
 * `force` for every version): its read, PUT and DELETE share one code, as
 * with the npm CLI.
 */
export async function unpublishSpec(client: RegistryClient, spec: string, force: boolean, write: Write): Promise<void> {
  await client.write(write, 0, (options) => libnpmpublish.unpublish(spec, { ...options, force }));
}
