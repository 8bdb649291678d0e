
import { type Packument, readPackument } from '../registry/packument.ts';
import { getStatus, setMfa, setStatus } from './access.ts';
import type { CommandContext, CommandOutcome } from './context.ts';
import { deprecate } from './deprecate.ts';
import { distTagAdd, distTagLs, distTagRm } from './dist-tag.ts';
import { changeOwner, listOwners } from './owner.ts';
import { executePublish, type PublishDeps, type ReadAndPacked } from './publish.ts';
import type { Command, PublishPlan } from './types.ts';
import { unpublish } from './unpublish.ts';

/** A publish's plan and what the registry said of it before the run. */
export interface PlannedPublish {
  plan: PublishPlan;
  /** The packument read before anything ran; undefined once an earlier write of the run may have changed it. */
  packument: Packument | undefined;
  /** True when `packument` is still valid (no write of this run came before). */
  fresh: boolean;
  /** The folder read and packed while the preflight read was in flight (readAndPackEarly), taken by the first attempt. */
  early?: Promise<ReadAndPacked> | undefined;
}

/** Runs one checked command; every write inside goes through the OTP wrapper. */
export async function executeCommand(context: CommandContext, command: Command, planned: PlannedPublish | undefined, deps: PublishDeps): Promise<CommandOutcome> {
  switch (command.kind) {
    case 'publish': {
      const { plan } = planned as PlannedPublish;
      const packument = planned?.fresh ? planned.packument : await readPackument(context.client, plan.name, { write: true });
      const early = planned?.early;
      if (planned) planned.early = undefined; // a retry packs again
      return executePublish(context, plan, packument, deps, early);
    }
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
    case 'dist-tag-add-workspaces':
      throw new Error('dist-tag add --workspaces is expanded into one dist-tag add per package before the run');
    case 'trust-create':
      return (await import('./trust.ts')).trustCreate(context, command.pkg, command.config, command.dryRun, command.notes);
    case 'trust-list':
      return (await import('./trust.ts')).trustList(context, command.pkg);
    case 'trust-revoke':
      return (await import('./trust.ts')).trustRevoke(context, command.pkg, command.id, command.dryRun);
    case 'stage-list':
      return (await import('./stage.ts')).stageList(context, command.pkg);
    case 'stage-view':
      return (await import('./stage.ts')).stageView(context, command.id);
    case 'stage-download':
      return (await import('./stage.ts')).stageDownload(context, command.id, command.dir ?? '.');
    case 'stage-approve':
      return (await import('./stage.ts')).stageApprove(context, command.target, command.dryRun, command.checkout, deps);
    case 'stage-reject':
      return (await import('./stage.ts')).stageReject(context, command.target, command.dryRun);
    case 'trust-setup':
    case 'stage-decide':
      throw new Error(`${command.kind} is settled into one command per package before the run`);
  }
}
