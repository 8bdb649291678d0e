import { readVisibility, writeAccess, writeMfa } from '../registry/access.ts';
import { type CommandContext, type CommandOutcome, otpWrite } from './context.ts';
import { PackageNotFoundError } from './errors.ts';

async function visibility(context: CommandContext, pkg: string): Promise<'public' | 'private'> {
  const isPublic = await readVisibility(context.client, pkg);
  if (isPublic === undefined) throw new PackageNotFoundError(pkg, context.client.registry);
  return isPublic ? 'public' : 'private';
}

/** `access set status=public|private <pkg>`: skipped when the package already has it. */
export async function setStatus(context: CommandContext, pkg: string, status: 'public' | 'private'): Promise<CommandOutcome> {
  const current = await visibility(context, pkg);
  if (current === status) return { status: 'unchanged', detail: `${pkg} is already ${status}` };
  if (context.dryRun) return { status: 'dry-run', detail: `would make ${pkg} ${status} (now ${current})` };
  await otpWrite(context, `access set status=${status} ${pkg}`, 'access', (write) => writeAccess(context.client, pkg, status === 'private' ? 'restricted' : 'public', write));
  return { status: 'done', detail: `${pkg} is now ${status} (was ${current})` };
}

/**
 * `access set mfa=none|publish|automation <pkg>`. The registry offers no
 * read of this setting, so it is always written (the write is idempotent).
 */
export async function setMfa(context: CommandContext, pkg: string, mfa: 'none' | 'publish' | 'automation'): Promise<CommandOutcome> {
  await visibility(context, pkg);
  if (context.dryRun) return { status: 'dry-run', detail: `would set the 2FA policy of ${pkg} to ${mfa}` };
  await otpWrite(context, `access set mfa=${mfa} ${pkg}`, 'access', (write) => writeMfa(context.client, pkg, mfa, write));
  return { status: 'done', detail: `the 2FA policy of ${pkg} is ${mfa}` };
}

/** `access get status <pkg>`. */
export async function getStatus(context: CommandContext, pkg: string): Promise<CommandOutcome> {
  return { status: 'read', detail: `${pkg} is ${await visibility(context, pkg)}` };
}
