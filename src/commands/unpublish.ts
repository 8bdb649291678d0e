import { ProductError } from '../foundation/errors.ts';
import { readPackument } from '../registry/packument.ts';
import semver from 'semver';
import { arity, safeNpa } from '../grammar/line.ts';
import { unpublishSpec } from '../registry/unpublish.ts';
import { type Command, type CommandContext, type CommandOutcome, oneStep, otpWrite } from './command.ts';

/**
 * `unpublish <pkg>@<version>` (or every version with --force), through
 * libnpmpublish: its read, PUT and DELETE share one code, as with npm.
 * Skipped when the version (or the package) is already gone.
 */
async function unpublish(context: CommandContext, pkg: string, version: string | undefined, force: boolean): Promise<CommandOutcome> {
  const packument = await readPackument(context.client, pkg, { write: true });
  const present =
    version === undefined ? packument !== undefined && Object.keys(packument.versions ?? {}).length > 0 : packument?.versions?.[version] !== undefined;
  const id = version === undefined ? pkg : `${pkg}@${version}`;
  if (!present) return { status: 'unchanged', detail: `${id} is not in the registry` };
  const versions = Object.keys(packument?.versions ?? {});
  if (version !== undefined && versions.length === 1 && !force) {
    // libnpmpublish would delete the whole package, and npmjs then blocks the name for 24 hours.
    throw new ProductError(
      'ELASTVERSION',
      `${id} is the only version of ${pkg}: unpublishing it removes the package and blocks republishing for 24 hours. Add --force to the line if that is what you want (npm requires it too).`,
      { received: id },
    );
  }
  if (context.dryRun) return { status: 'dry-run', detail: `would unpublish ${id}` };
  await otpWrite(context, `unpublish ${id}`, 'unpublish', (npmHeaders) => unpublishSpec(context.client, id, version === undefined, npmHeaders));
  return { status: 'done', detail: `unpublished ${id}` };
}

/** `unpublish <pkg>@<version>`, or `unpublish <pkg> --force` for every version. */
export const unpublishCommand: Command<{ pkg: string; version: string | undefined; force: boolean }> = {
  words: ['unpublish'],
  usage: ['unpublish <pkg>@<version>   (or unpublish <pkg> --force for every version)'],
  summary: 'remove a version (or, with --force, the whole package) from the registry',
  flags: [{ name: 'force' }],
  reads: false,
  byOidc: false,
  auth: 'package',
  parse(line) {
    arity(line, 1, 1, 'unpublish <pkg>@<version>');
    const text = line.args[0] as string;
    const force = line.flags.get('force') === true;
    const parsed = safeNpa(text);
    if (parsed?.registry && parsed.type === 'version' && parsed.name)
      return { pkg: parsed.name, version: semver.clean(parsed.fetchSpec as string) as string, force };
    if (parsed?.registry && parsed.name === text) {
      if (!force)
        throw line.fail(`unpublishing every version of ${text} needs --force, as npm requires; to remove one version write unpublish ${text}@<version>`);
      return { pkg: text, version: undefined, force: true };
    }
    throw line.fail(`"${text}" must be <pkg>@<version> with an exact version`);
  },
  plan: ({ pkg, version, force }, { source }) => oneStep({ label: source.text, reads: false, pkg, run: (context) => unpublish(context, pkg, version, force) }),
};
