import type { CommandContext, CommandOutcome } from '../../src/commands/command.ts';
import { executePublish, preflightPublish } from '../../src/commands/publish.ts';
import type { PublishPlan } from '../../src/plan/types.ts';
import type { Tarball } from '../../src/package/tarball.ts';

/** A plan to publish `tarball` as it is, under `latest` unless told otherwise (what planPublish makes for a .tgz). */
export function tarballPlan(tarball: Tarball, extra: Partial<PublishPlan> = {}): PublishPlan {
  const { name, version } = tarball.manifest;
  return {
    command: { line: 0, text: 'publish', target: tarball.file, tag: undefined, access: undefined, dryRun: false },
    source: { kind: 'tarball', file: tarball.file, data: tarball.data, integrity: tarball.integrity, manifest: tarball.manifest },
    name,
    version,
    tag: 'latest',
    tagImplicit: false,
    tagInput: 'tag',
    access: undefined,
    registry: 'http://127.0.0.1/',
    dryRun: false,
    scripts: [],
    ...extra,
  };
}

/** A planned publish as the runner does it: the registry read, then the publish. */
export async function publishPlanned(context: CommandContext, plan: PublishPlan): Promise<CommandOutcome> {
  const packument = await preflightPublish(context.client, plan);
  return executePublish(context, plan, packument, { scriptEnv: {}, hasToken: true, fresh: true });
}
