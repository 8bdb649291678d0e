import { ProductError } from '../foundation/errors.ts';
import { statusOf } from '../foundation/http-errors.ts';
import { type Account, readAccount, writeMaintainers } from '../registry/owners.ts';
import { arity } from '../grammar/line.ts';
import { userProblem } from '../grammar/validate.ts';
import { type Packument, readPackument } from '../registry/packument.ts';
import { type Command, type CommandContext, type CommandOutcome, oneStep, otpWrite } from './command.ts';
import { PackageNotFoundError } from './errors.ts';

/** Owner changes retried after a 409 (someone else changed the package meanwhile). */
const MAX_REVISION_RACES = 3;

/** The registry's account for `user` (looked up once per run); a clear error when there is none. */
async function lookUpUser(context: Pick<CommandContext, 'client' | 'users'>, user: string): Promise<Account> {
  const known = context.users.get(user);
  if (known) return known;
  const account = await readAccount(context.client, user);
  if (!account)
    throw new ProductError('ENOUSER', `npm user "${user}" does not exist on ${context.client.registry}; check the spelling of the user name.`, {
      received: user,
    });
  context.users.set(user, account);
  return account;
}

async function readForWrite(context: CommandContext, pkg: string): Promise<Packument & { _rev: string }> {
  const packument = await readPackument(context.client, pkg, { write: true });
  if (!packument) throw new PackageNotFoundError(pkg, context.client.registry);
  if (!packument._rev) throw new ProductError('ENOREV', `the registry did not give the revision of ${pkg}, which an owner change needs.`);
  return packument as Packument & { _rev: string };
}

/**
 * `owner add|rm <user> <pkg>`: reads the packument, writes the new
 * maintainers list at its revision; skipped when the user is already (or no
 * longer) an owner; a 409 (revision race) re-reads and tries again, bounded.
 */
export async function changeOwner(context: CommandContext, action: 'add' | 'rm', user: string, pkg: string): Promise<CommandOutcome> {
  const account = await lookUpUser(context, user);
  for (let race = 1; ; race += 1) {
    const packument = await readForWrite(context, pkg);
    const maintainers = packument.maintainers ?? [];
    const present = maintainers.some((m) => m.name === account.name);
    if (action === 'add' && present) return { status: 'unchanged', detail: `${account.name} already owns ${pkg}` };
    if (action === 'rm' && !present) return { status: 'unchanged', detail: `${account.name} is not an owner of ${pkg}` };
    if (action === 'rm' && maintainers.length <= 1) {
      throw new ProductError('EOWNERRM', `${account.name} is the only owner of ${pkg}; npm refuses to remove the last owner. Add another owner first.`, {
        received: user,
      });
    }
    const next = action === 'add' ? [...maintainers, account] : maintainers.filter((m) => m.name !== account.name);
    if (context.dryRun) return { status: 'dry-run', detail: `would ${action === 'add' ? 'add' : 'remove'} ${account.name} as an owner of ${pkg}` };
    try {
      await otpWrite(context, `owner ${action} ${user} ${pkg}`, 'owner', (npmHeaders) =>
        writeMaintainers(context.client, packument.name, packument._rev, next, npmHeaders),
      );
      return { status: 'done', detail: `${action === 'add' ? 'added' : 'removed'} ${account.name} ${action === 'add' ? 'to' : 'from'} the owners of ${pkg}` };
    } catch (error) {
      if (statusOf(error) !== 409 || race >= MAX_REVISION_RACES) throw error;
      context.logger.info(`${pkg} changed while its owners were being updated (409); reading it again (${race}/${MAX_REVISION_RACES - 1}).`);
    }
  }
}

/** `owner ls <pkg>`. */
async function listOwners(context: CommandContext, pkg: string): Promise<CommandOutcome> {
  const packument = await readPackument(context.client, pkg);
  if (!packument) throw new PackageNotFoundError(pkg, context.client.registry);
  const owners = (packument.maintainers ?? []).map((m) => (m.email ? `${m.name} <${m.email}>` : m.name));
  return { status: 'read', detail: owners.length > 0 ? owners.join(', ') : 'no owners listed' };
}

/** `owner add|rm <user> [<pkg>]`: the user is looked up before anything runs. */
function ownerChange(action: 'add' | 'rm'): Command<{ user: string; pkg: string }> {
  return {
    words: ['owner', action],
    usage: [`owner ${action} <user> [<pkg>]`],
    summary: action === 'add' ? 'add an owner (maintainer) to a package' : 'remove an owner from a package',
    flags: [],
    reads: false,
    byOidc: false,
    auth: 'governance',
    parse(line) {
      arity(line, 1, 2, `owner ${action} <user> [<pkg>]`);
      const user = line.args[0] as string;
      const problem = userProblem(user);
      if (problem) throw line.fail(problem);
      return { user, pkg: line.pkgOrDefault(line.args[1]) };
    },
    plan: ({ user, pkg }, { source }) =>
      oneStep({
        label: source.text,
        reads: false,
        pkg,
        check: async ({ client, users }) => void (await lookUpUser({ client, users }, user)),
        run: (context) => changeOwner(context, action, user, pkg),
      }),
  };
}

export const ownerAddCommand = ownerChange('add');
export const ownerRmCommand = ownerChange('rm');

/** `owner ls [<pkg>]`. */
export const ownerLsCommand: Command<{ pkg: string }> = {
  words: ['owner', 'ls'],
  usage: ['owner ls [<pkg>]'],
  summary: "list a package's owners",
  flags: [],
  reads: true,
  byOidc: true,
  auth: 'none',
  parse(line) {
    arity(line, 0, 1, 'owner ls [<pkg>]');
    return { pkg: line.pkgOrDefault(line.args[0]) };
  },
  plan: ({ pkg }, { source }) => oneStep({ label: source.text, reads: true, pkg, run: (context) => listOwners(context, pkg) }),
};
