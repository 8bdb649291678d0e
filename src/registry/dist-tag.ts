import npmFetch from 'npm-registry-fetch';
import { ProductError } from '../foundation/errors.ts';
import { escapeName } from './client.ts';
import { PackageNotFoundError } from './errors.ts';
import { readPackument } from './packument.ts';
import { type CommandContext, type CommandOutcome, otpWrite } from './write.ts';


async function tagsOf(context: CommandContext, pkg: string) {
  // As for a write: a cached packument could miss a version or tag changed minutes ago.
  const packument = await readPackument(context.client, pkg, { write: true });
  if (!packument) throw new PackageNotFoundError(pkg, context.client.registry);
  return { tags: packument['dist-tags'] ?? {}, versions: packument.versions ?? {} };
}

const tagUrl = (pkg: string, tag: string) => `/-/package/${escapeName(pkg)}/dist-tags/${encodeURIComponent(tag)}`;

/** `dist-tag add <pkg>@<version> <tag>`: skipped when the tag already points there. */
export async function distTagAdd(context: CommandContext, pkg: string, version: string, tag: string): Promise<CommandOutcome> {
  const { tags, versions } = await tagsOf(context, pkg);
  if (tags[tag] === version) return { status: 'unchanged', detail: `${tag} already points at ${pkg}@${version}` };
  if (!versions[version]) throw new ProductError('ENOVERSION', `${pkg}@${version} is not in the registry, so no tag can point at it; publish it first.`, { received: `${pkg}@${version}` });
  const was = tags[tag] === undefined ? '' : ` (was ${tags[tag]})`;
  if (context.dryRun) return { status: 'dry-run', detail: `would point ${tag} at ${version}${was}` };
  await otpWrite(context, `dist-tag add ${pkg}@${version} ${tag}`, 'dist-tag', (options) =>
    npmFetch(tagUrl(pkg, tag), { ...options, method: 'PUT', body: JSON.stringify(version), headers: { 'content-type': 'application/json' }, ignoreBody: true }),
  );
  return { status: 'done', detail: `${tag} now points at ${version}${was}` };
}

/** `dist-tag rm <pkg> <tag>`: skipped when the tag is already absent. */
export async function distTagRm(context: CommandContext, pkg: string, tag: string): Promise<CommandOutcome> {
  const { tags } = await tagsOf(context, pkg);
  if (tags[tag] === undefined) return { status: 'unchanged', detail: `${pkg} has no ${tag} tag` };
  if (context.dryRun) return { status: 'dry-run', detail: `would remove ${tag} (${tags[tag]})` };
  await otpWrite(context, `dist-tag rm ${pkg} ${tag}`, 'dist-tag', (options) => npmFetch(tagUrl(pkg, tag), { ...options, method: 'DELETE', ignoreBody: true }));
  return { status: 'done', detail: `removed ${tag} (was ${tags[tag]})` };
}

/** `dist-tag ls <pkg>`. */
export async function distTagLs(context: CommandContext, pkg: string): Promise<CommandOutcome> {
  const { tags } = await tagsOf(context, pkg);
  const listed = Object.entries(tags).map(([tag, version]) => `${tag}: ${version}`);
  return { status: 'read', detail: listed.length > 0 ? listed.join(', ') : 'no dist-tags' };
}
