import semver from 'semver';
import { ProductError } from '../foundation/errors.ts';
import { arity, rangeSpec } from '../grammar/line.ts';
import { readPackument, writePackument } from '../registry/packument.ts';
import { type Command, type CommandContext, type CommandOutcome, oneStep, otpWrite } from './command.ts';
import { PackageNotFoundError } from './errors.ts';

/**
 * `deprecate <pkg>@<range> <message>`, as npm does it: read the packument
 * for writing, set `deprecated` on every version in the range (prereleases
 * included), PUT it back. An empty message undeprecates. Skipped when every
 * version in the range already says exactly that.
 */
async function deprecate(context: CommandContext, pkg: string, range: string, message: string): Promise<CommandOutcome> {
  const packument = await readPackument(context.client, pkg, { write: true });
  if (!packument) throw new PackageNotFoundError(pkg, context.client.registry);
  const versions = packument.versions ?? {};
  const matching = Object.keys(versions).filter((version) => semver.satisfies(version, range, { includePrerelease: true }));
  if (matching.length === 0)
    throw new ProductError('ENOVERSION', `no version of ${pkg} matches ${range}; nothing to ${message ? 'deprecate' : 'undeprecate'}.`, {
      received: `${pkg}@${range}`,
    });
  const current = (version: string) => versions[version]?.deprecated ?? '';
  const changing = matching.filter((version) => current(version) !== message);
  const what = message ? `deprecated with "${message}"` : 'not deprecated';
  if (changing.length === 0)
    return { status: 'unchanged', detail: `${matching.length} version${matching.length === 1 ? '' : 's'} of ${pkg} in ${range} already ${what}` };
  if (context.dryRun) return { status: 'dry-run', detail: `would mark ${changing.join(', ')} ${what}` };
  for (const version of changing) (versions[version] as { deprecated?: string }).deprecated = message;
  await otpWrite(
    context,
    `deprecate ${pkg}@${range}`,
    'deprecate',
    (npmHeaders) => writePackument(context.client, packument, npmHeaders),
    JSON.stringify(packument).length,
  );
  return { status: 'done', detail: `${changing.join(', ')} ${message ? 'now' : 'no longer'} ${message ? what : 'deprecated'}` };
}

/** `deprecate <pkg>[@<range>] <message>`. */
export const deprecateCommand: Command<{ pkg: string; range: string; message: string }> = {
  words: ['deprecate'],
  usage: ['deprecate <pkg>[@<range>] <message>'],
  summary: 'deprecate versions of a package (an empty message undeprecates)',
  flags: [],
  reads: false,
  byOidc: false,
  auth: 'package',
  parse(line) {
    arity(line, 2, 2, 'deprecate <pkg>[@<range>] <message> (quote the message; an empty "" message undeprecates)');
    const spec = rangeSpec(line, line.args[0] as string);
    return { pkg: spec.name, range: spec.range, message: line.args[1] as string };
  },
  plan: ({ pkg, range, message }, { source }) => oneStep({ label: source.text, reads: false, pkg, run: (context) => deprecate(context, pkg, range, message) }),
};
