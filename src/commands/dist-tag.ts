import { ProductError } from '../foundation/errors.ts';
import { arity, type Line, versionSpec, WORKSPACE_FLAGS, workspaceScope } from '../grammar/line.ts';
import { tagProblem } from '../grammar/validate.ts';
import { removeDistTag, setDistTag } from '../registry/dist-tags.ts';
import { readPackument } from '../registry/packument.ts';
import { type Command, type CommandContext, type CommandOutcome, oneStep, otpWrite } from './command.ts';
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
  if (!versions[version])
    throw new ProductError('ENOVERSION', `${pkg}@${version} is not in the registry, so no tag can point at it; publish it first.`, {
      received: `${pkg}@${version}`,
    });
  const was = tags[tag] === undefined ? '' : ` (was ${tags[tag]})`;
  if (context.dryRun) return { status: 'dry-run', detail: `would point ${tag} at ${version}${was}` };
  await otpWrite(context, `dist-tag add ${pkg}@${version} ${tag}`, 'dist-tag', (npmHeaders) => setDistTag(context.client, pkg, tag, version, npmHeaders));
  return { status: 'done', detail: `${tag} now points at ${version}${was}` };
}

/** `dist-tag rm <pkg> <tag>`: skipped when the tag is already absent. */
async function distTagRm(context: CommandContext, pkg: string, tag: string): Promise<CommandOutcome> {
  const { tags } = await tagsOf(context, pkg);
  if (tags[tag] === undefined) return { status: 'unchanged', detail: `${pkg} has no ${tag} tag` };
  if (context.dryRun) return { status: 'dry-run', detail: `would remove ${tag} (${tags[tag]})` };
  await otpWrite(context, `dist-tag rm ${pkg} ${tag}`, 'dist-tag', (npmHeaders) => removeDistTag(context.client, pkg, tag, npmHeaders));
  return { status: 'done', detail: `removed ${tag} (was ${tags[tag]})` };
}

/** `dist-tag ls <pkg>`. */
async function distTagLs(context: CommandContext, pkg: string): Promise<CommandOutcome> {
  const { tags } = await tagsOf(context, pkg);
  const listed = Object.entries(tags).map(([tag, version]) => `${tag}: ${version}`);
  return { status: 'read', detail: listed.length > 0 ? listed.join(', ') : 'no dist-tags' };
}

/** A tag that names a valid dist-tag, or the line's refusal. */
function checkedTag(line: Line, tag: string): string {
  const problem = tagProblem(tag);
  if (problem) throw line.fail(problem);
  return tag;
}

type DistTagAddLine = { pkg: string; version: string; tag: string } | { tag: string; workspaces: true | string[]; includeWorkspaceRoot: boolean };

/** `dist-tag add <pkg>@<version> [<tag>]`, or `dist-tag add --workspaces <tag>`: every workspace package in scope at its package.json version. */
export const distTagAddCommand: Command<DistTagAddLine> = {
  words: ['dist-tag', 'add'],
  usage: [
    'dist-tag add <pkg>@<version> [<tag>]',
    'dist-tag add --workspaces [-w <name|folder|glob>...] <tag>   (every workspace package at its package.json version)',
  ],
  summary: 'point a dist-tag at a published version',
  flags: WORKSPACE_FLAGS,
  reads: false,
  byOidc: false,
  auth: 'package',
  parse(line) {
    const workspaces = workspaceScope(line);
    if (workspaces !== undefined) {
      arity(line, 1, 1, 'dist-tag add --workspaces <tag> (every workspace package in scope, at its package.json version)');
      return { tag: checkedTag(line, line.args[0] as string), workspaces, includeWorkspaceRoot: line.flags.get('include-workspace-root') === true };
    }
    if (line.flags.has('include-workspace-root')) throw line.fail('--include-workspace-root goes with --workspaces or -w');
    arity(line, 1, 2, 'dist-tag add <pkg>@<version> [<tag>]');
    const spec = versionSpec(line, line.args[0] as string, 'dist-tag add needs <pkg>@<version>, an exact version');
    return { pkg: spec.name, version: spec.version, tag: checkedTag(line, line.args[1] ?? 'latest') };
  },
  async plan(data, { options, cwd, source }) {
    const step = (pkg: string, version: string, label: string) => ({
      label,
      reads: false,
      pkg,
      run: (context: CommandContext) => distTagAdd(context, pkg, version, data.tag),
    });
    if (!('workspaces' in data)) return oneStep(step(data.pkg, data.version, source.text));
    const { workspaceVersions } = await import('../plan/workspace-plan.ts');
    const packages = await workspaceVersions(data.workspaces, data.includeWorkspaceRoot, options, cwd);
    return { steps: packages.map(({ name, version }) => step(name, version, `dist-tag add ${name}@${version} ${data.tag}`)) };
  },
};

/** `dist-tag rm [<pkg>] <tag>`. */
export const distTagRmCommand: Command<{ pkg: string; tag: string }> = {
  words: ['dist-tag', 'rm'],
  usage: ['dist-tag rm <pkg> <tag>'],
  summary: 'remove a dist-tag',
  flags: [],
  reads: false,
  byOidc: false,
  auth: 'package',
  parse(line) {
    arity(line, 1, 2, 'dist-tag rm <pkg> <tag>');
    const [pkg, tag] = line.args.length === 2 ? line.args : [undefined, line.args[0]];
    checkedTag(line, tag as string);
    if (tag === 'latest') throw line.fail('the latest tag cannot be removed (npm refuses it); point it at another version with dist-tag add instead');
    return { pkg: line.pkgOrDefault(pkg), tag: tag as string };
  },
  plan: ({ pkg, tag }, { source }) => oneStep({ label: source.text, reads: false, pkg, run: (context) => distTagRm(context, pkg, tag) }),
};

/** `dist-tag ls [<pkg>]`. */
export const distTagLsCommand: Command<{ pkg: string }> = {
  words: ['dist-tag', 'ls'],
  usage: ['dist-tag ls [<pkg>]'],
  summary: "list a package's dist-tags",
  flags: [],
  reads: true,
  byOidc: true,
  auth: 'none',
  parse(line) {
    arity(line, 0, 1, 'dist-tag ls [<pkg>]');
    return { pkg: line.pkgOrDefault(line.args[0]) };
  },
  plan: ({ pkg }, { source }) => oneStep({ label: source.text, reads: true, pkg, run: (context) => distTagLs(context, pkg) }),
};
