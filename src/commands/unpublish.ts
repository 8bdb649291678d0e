import { ProductError } from '../foundation/errors.ts';
import { readPackument } from '../registry/packument.ts';
import { unpublishSpec } from '../registry/unpublish.ts';
import { type CommandContext, type CommandOutcome, otpWrite } from './context.ts';

/**
 * `unpublish <pkg>@<version>` (or every version with --force), through
 * libnpmpublish: its read, PUT and DELETE share one code, as with npm.
 * Skipped when the version (or the package) is already gone.
 */
export async function unpublish(context: CommandContext, pkg: string, version: string | undefined, force: boolean): Promise<CommandOutcome> {
  const packument = await readPackument(context.client, pkg, { write: true });
  const present = version === undefined ? packument !== undefined && Object.keys(packument.versions ?? {}).length > 0 : packument?.versions?.[version] !== undefined;
  const id = version === undefined ? pkg : `${pkg}@${version}`;
  if (!present) return { status: 'unchanged', detail: `${id} is not in the registry` };
  const versions = Object.keys(packument?.versions ?? {});
  if (version !== undefined && versions.length === 1 && !force) {
    // libnpmpublish would delete the whole package, and npmjs then blocks the name for 24 hours.
    throw new ProductError('ELASTVERSION', `${id} is the only version of ${pkg}: unpublishing it removes the package and blocks republishing for 24 hours. Add --force to the line if that is what you want (npm requires it too).`, { received: id });
  }
  if (context.dryRun) return { status: 'dry-run', detail: `would unpublish ${id}` };
  await otpWrite(context, `unpublish ${id}`, 'unpublish', (write) => unpublishSpec(context.client, id, version === undefined, write));
  return { status: 'done', detail: `unpublished ${id}` };
}
