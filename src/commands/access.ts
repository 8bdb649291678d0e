import { arity } from '../grammar/line.ts';
import { readVisibility, writeAccess, writeMfa } from '../registry/access.ts';
import { type Command, type CommandContext, type CommandOutcome, oneStep, otpWrite } from './command.ts';
import { PackageNotFoundError } from './errors.ts';

async function visibility(context: CommandContext, pkg: string): Promise<'public' | 'private'> {
  const isPublic = await readVisibility(context.client, pkg);
  if (isPublic === undefined) throw new PackageNotFoundError(pkg, context.client.registry);
  return isPublic ? 'public' : 'private';
}

/** `access set status=public|private <pkg>`: skipped when the package already has it. */
async function setStatus(context: CommandContext, pkg: string, status: 'public' | 'private'): Promise<CommandOutcome> {
  const current = await visibility(context, pkg);
  if (current === status) return { status: 'unchanged', detail: `${pkg} is already ${status}` };
  if (context.dryRun) return { status: 'dry-run', detail: `would make ${pkg} ${status} (now ${current})` };
  await otpWrite(context, `access set status=${status} ${pkg}`, 'access', (npmHeaders) =>
    writeAccess(context.client, pkg, status === 'private' ? 'restricted' : 'public', npmHeaders),
  );
  return { status: 'done', detail: `${pkg} is now ${status} (was ${current})` };
}

/**
 * `access set mfa=none|publish|automation <pkg>`. The registry offers no
 * read of this setting, so it is always written (the write is idempotent).
 */
async function setMfa(context: CommandContext, pkg: string, mfa: 'none' | 'publish' | 'automation'): Promise<CommandOutcome> {
  await visibility(context, pkg);
  if (context.dryRun) return { status: 'dry-run', detail: `would set the 2FA policy of ${pkg} to ${mfa}` };
  await otpWrite(context, `access set mfa=${mfa} ${pkg}`, 'access', (npmHeaders) => writeMfa(context.client, pkg, mfa, npmHeaders));
  return { status: 'done', detail: `the 2FA policy of ${pkg} is ${mfa}` };
}

/** `access get status <pkg>`. */
async function getStatus(context: CommandContext, pkg: string): Promise<CommandOutcome> {
  return { status: 'read', detail: `${pkg} is ${await visibility(context, pkg)}` };
}

type AccessSetting = { pkg: string; status: 'public' | 'private' } | { pkg: string; mfa: 'none' | 'publish' | 'automation' };

/** `access set status=public|private [<pkg>]`, `access set mfa=none|publish|automation [<pkg>]`. */
export const accessSetCommand: Command<AccessSetting> = {
  words: ['access', 'set'],
  usage: ['access set status=public|private [<pkg>]', 'access set mfa=none|publish|automation [<pkg>]'],
  summary: "change a package's visibility or its 2FA policy",
  flags: [],
  reads: false,
  byOidc: false,
  auth: 'governance',
  parse(line) {
    arity(line, 1, 2, 'access set status=public|private [<pkg>] or access set mfa=none|publish|automation [<pkg>]');
    const [key, value] = (line.args[0] as string).split('=', 2);
    const pkg = line.pkgOrDefault(line.args[1]);
    if (key === 'status' && (value === 'public' || value === 'private')) {
      if (value === 'private' && !pkg.startsWith('@')) throw line.fail(`${pkg} is unscoped, and unscoped packages are always public on npm`);
      return { pkg, status: value };
    }
    if (key === 'mfa' && (value === 'none' || value === 'publish' || value === 'automation')) return { pkg, mfa: value };
    throw line.fail(`"${line.args[0]}" is not a setting; use status=public, status=private, mfa=none, mfa=publish or mfa=automation`);
  },
  plan: (data, { source }) =>
    oneStep({
      label: source.text,
      reads: false,
      pkg: data.pkg,
      run: (context) => ('status' in data ? setStatus(context, data.pkg, data.status) : setMfa(context, data.pkg, data.mfa)),
    }),
};

/** `access get status [<pkg>]`. */
export const accessGetCommand: Command<{ pkg: string }> = {
  words: ['access', 'get'],
  usage: ['access get status [<pkg>]'],
  summary: "read a package's visibility",
  flags: [],
  reads: true,
  byOidc: true,
  auth: 'none',
  parse(line) {
    arity(line, 1, 2, 'access get status [<pkg>]');
    if (line.args[0] !== 'status') throw line.fail(`access get takes status, not "${line.args[0]}"`);
    return { pkg: line.pkgOrDefault(line.args[1]) };
  },
  plan: ({ pkg }, { source }) => oneStep({ label: source.text, reads: true, pkg, run: (context) => getStatus(context, pkg) }),
};
