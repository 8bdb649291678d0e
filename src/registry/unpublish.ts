import libnpmpublish from 'libnpmpublish';
import { readPackument } from './packument.ts';
import { type CommandContext, type CommandOutcome, otpWrite } from './write.ts';

/**
 * `unpublish <pkg>@<version>` (or every version with --force), through
 * libnpmpublish: its read, PUT and DELETE share one code, as with npm.
 * Skipped when the version (or the package) is already gone.
 */
export async function unpublish(context: CommandContext, pkg: string, version: string | undefined): Promise<CommandOutcome> {
  const packument = await readPackument(context.client, pkg);
  const present = version === undefined ? packument !== undefined && Object.keys(packument.versions ?? {}).length > 0 : packument?.versions?.[version] !== undefined;
  const id = version === undefined ? pkg : `${pkg}@${version}`;
  if (!present) return { status: 'unchanged', detail: `${id} is not in the registry` };
  if (context.dryRun) return { status: 'dry-run', detail: `would unpublish ${id}` };
  await otpWrite(context, `unpublish ${id}`, 'unpublish', (options) => libnpmpublish.unpublish(id, { ...options, force: version === undefined }));
  return { status: 'done', detail: `unpublished ${id}` };
}
