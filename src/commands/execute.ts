import type { Logger } from '../foundation/logger.ts';
import type { Options } from '../run/options.ts';
import { setMfa, setStatus, getStatus } from '../registry/access.ts';
import { deprecate } from '../registry/deprecate.ts';
import { distTagAdd, distTagLs, distTagRm } from '../registry/dist-tag.ts';
import { changeOwner, listOwners } from '../registry/owner.ts';
import { unpublish } from '../registry/unpublish.ts';
import type { CommandContext, CommandOutcome } from '../registry/write.ts';
import { executePublish, type PreparedPublish, type TrustedPublishing } from './publish.ts';
import type { Command } from './types.ts';

/** Runs one checked command; every write inside goes through the OTP wrapper. */
export async function executeCommand(
  context: CommandContext,
  command: Command,
  prepared: PreparedPublish | undefined,
  options: Options,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  trustedPublishing?: TrustedPublishing,
): Promise<CommandOutcome & { published?: boolean }> {
  switch (command.kind) {
    case 'publish':
      return executePublish(context, prepared as PreparedPublish, options, env, logger, trustedPublishing);
    case 'dist-tag-add':
      return distTagAdd(context, command.pkg, command.version, command.tag);
    case 'dist-tag-rm':
      return distTagRm(context, command.pkg, command.tag);
    case 'dist-tag-ls':
      return distTagLs(context, command.pkg);
    case 'owner-add':
      return changeOwner(context, 'add', command.user, command.pkg);
    case 'owner-rm':
      return changeOwner(context, 'rm', command.user, command.pkg);
    case 'owner-ls':
      return listOwners(context, command.pkg);
    case 'access-status':
      return setStatus(context, command.pkg, command.status);
    case 'access-mfa':
      return setMfa(context, command.pkg, command.mfa);
    case 'access-get-status':
      return getStatus(context, command.pkg);
    case 'deprecate':
      return deprecate(context, command.pkg, command.range, command.message);
    case 'unpublish':
      return unpublish(context, command.pkg, command.version, command.force);
  }
}
