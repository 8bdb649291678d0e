import { ProductError } from '../foundation/errors.ts';
import { removeDistTag, setDistTag } from '../registry/dist-tags.ts';
import { readPackument } from '../registry/packument.ts';
import { type CommandContext, type CommandOutcome, otpWrite } from './context.ts';
import { PackageNotFoundError } from './errors.ts';

async function tagsOf(context: CommandContext, pkg: string) {
  // As for a write: a cached packument could miss a version or tag changed minutes ago.
  const packument = await readPackument(context.client, pkg, { write: true });
  if (!packument) throw new PackageNotFoundError(pkg, context.client.registry);
  return { tags: packument['dist-tags'] ?? {}, versions: packument.versions ?? {} };
}

/** `dist-tag add <pkg>@<version> <tag>`: skipped when the tag already points there. */
export async function distTagAdd(context: CommandContext, pkg: string, version: string, tag: string): Promise<CommandOutcome> {
  const { tags, versions } = await tagsOf(context, pkg);
  if (tags[tag] === version) return { status: 'unchanged', detail: `${tag} already points at ${pkg}@${version}` };
  if (!versions[version]) throw new ProductError('ENOVERSION', `${pkg}@${version} is not in the registry, so no tag can point at it; publish it first.`, { received: `${pkg}@${version}` });
  const was = tags[tag] === undefined ? '' : ` (was ${tags[tag]})`;
  if (context.dryRun) return { status: 'dry-run', detail: `would point ${tag} at ${version}${was}` };
  await otpWrite(context, `dist-tag add ${pkg}@${version} ${tag}`, 'dist-tag', (write) => setDistTag(context.client, pkg, tag, version, write));
  return { status: 'done', detail: `${tag} now points at ${version}${was}` };
}

/** `dist-tag rm <pkg> <tag>`: skipped when the tag is already absent. */
export async function distTagRm(context: CommandContext, pkg: string, tag: string): Promise<CommandOutcome> {
  const { tags } = await tagsOf(context, pkg);
  if (tags[tag] === undefined) return { status: 'unchanged', detail: `${pkg} has no ${tag} tag` };
  if (context.dryRun) return { status: 'dry-run', detail: `would remove ${tag} (${tags[tag]})` };
  await otpWrite(context, `dist-tag rm ${pkg} ${tag}`, 'dist-tag', (write) => removeDistTag(context.client, pkg, tag, write));
  return { status: 'done', detail: `removed ${tag} (was ${tags[tag]})` };
}

/** `dist-tag ls <pkg>`. */
export async function distTagLs(context: CommandContext, pkg: string): Promise<CommandOutcome> {
  const { tags } = await tagsOf(context, pkg);
  const listed = Object.entries(tags).map(([tag, version]) => `${tag}: ${version}`);
  return { status: 'read', detail: listed.length > 0 ? listed.join(', ') : 'no dist-tags' };
}
