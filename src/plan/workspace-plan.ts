import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PublishCommand, WorkspaceMember, WorkspacePublishPlan } from './types.ts';
import { dependencyOrder } from './dependency-order.ts';
import { type NpmrcRegistry, readNpmrcRegistries } from '../package/npmrc.ts';
import { DEPENDENCY_FIELDS, publishManifest } from '../package/publish-manifest.ts';
import { findWorkspaces, type Monorepo, type WorkspacePackage } from '../package/workspaces.ts';
import { duplicateNames, selectWorkspaces, skippedWorkspaces } from './workspace-selection.ts';
import { InputError } from '../foundation/errors.ts';
import { type Options, otpPacing } from '../grammar/options.ts';
import { packageInput, settlePublish } from './publish-plan.ts';

/**
 * The monorepo whose root the `package` setting (or the command's target)
 * names. The root's own package.json may have no version, or no name (a
 * private root, as yarn and pnpm repositories often have): it is read only
 * to find the workspaces.
 */
async function monorepoAt(command: PublishCommand | { target?: undefined }, options: Options, cwd: string): Promise<Monorepo> {
  const names = options.names;
  const spec = command.target ?? options.packageSpec;
  const target = path.resolve(cwd, spec);
  const info = await stat(target).catch(() => undefined);
  const input = 'line' in command ? packageInput(command, names) : names.package;
  if (!info)
    throw new InputError(input, `${input}: "${spec}" does not exist (looked for ${target}). With ${names.workspaces}, give the monorepo's root folder.`, {
      received: spec,
    });
  const dir = info.isDirectory() ? target : path.basename(target) === 'package.json' ? path.dirname(target) : undefined;
  if (dir === undefined) {
    throw new InputError(
      names.workspaces,
      `${names.workspaces}: ${target} is not a folder; workspaces are published from the monorepo's root folder. Set ${names.package} to that folder.`,
      { received: spec },
    );
  }
  return findWorkspaces(dir, names.workspaces);
}

/**
 * Settles `publish --workspaces` (or `-w ...`, or the `workspaces` setting)
 * from the checkout alone: the monorepo and the packages in scope, each
 * package's manifest as its package manager publishes it (`workspace:` and
 * `catalog:` ranges resolved, pnpm's and yarn's publishConfig fields lifted),
 * each public package's publish plan (every refusal of a single publish, per
 * package), and the order: a package waits for the workspace packages it
 * depends on at run time. Every other workspace package is listed with why it
 * is not published (private, no version in a pnpm workspace, not selected);
 * none of those can stop the run. Packages are settled `concurrency` at a time.
 */
export async function planWorkspacePublish(command: PublishCommand, options: Options, cwd: string, env: NodeJS.ProcessEnv): Promise<WorkspacePublishPlan> {
  const names = options.names;
  const scope = (command.workspaces ?? options.workspaces) as true | string[];
  const concurrency = command.concurrency ?? options.concurrency;
  const monorepo = await monorepoAt(command, options, cwd);
  const selected = selectWorkspaces(monorepo, scope, command.includeWorkspaceRoot ?? options.includeWorkspaceRoot, names.workspaces);
  const warnings: string[] = [];
  for (const { name, dirs } of duplicateNames(monorepo)) {
    warnings.push(
      `${dirs.length} workspace packages are named ${name} (${dirs.join(', ')}); none of them is published, so this does not stop the run, but a package manager may refuse it`,
    );
  }
  // The root's .npmrc is read once for the whole monorepo, not once per package.
  const npmrcs = new Map<string, Promise<NpmrcRegistry[]>>();
  const readNpmrc = (dir: string) => npmrcs.get(dir) ?? (npmrcs.set(dir, readNpmrcRegistries(dir, env, names.package)).get(dir) as Promise<NpmrcRegistry[]>);
  type Planned = WorkspaceMember & { manifest: Record<string, unknown>; found: string[] };
  const settle = async (pkg: WorkspacePackage): Promise<Planned> => {
    if (pkg.private)
      return {
        name: pkg.name,
        version: pkg.version,
        relativeDir: pkg.relativeDir,
        plan: undefined,
        listed: { outcome: 'private', detail: 'private: not published' },
        manifest: pkg.manifest,
        found: [],
      };
    const { manifest, warnings: found } = publishManifest(pkg, monorepo, names.workspaces);
    const rewritten = JSON.stringify(manifest) !== JSON.stringify(pkg.manifest);
    const plan = await settlePublish(
      command,
      options,
      {
        kind: 'folder',
        dir: pkg.dir,
        manifest,
        manifestText: rewritten ? `${JSON.stringify(manifest, null, 2)}\n` : undefined,
        workspaceRoot: monorepo.root,
        manager: monorepo.manager,
      },
      cwd,
      env,
      // As npm reads a project's config: the monorepo root's .npmrc (and the package's own, which npm would not read, but which says where it means to go).
      { dirs: [...new Set([monorepo.root, pkg.dir])], read: readNpmrc },
    );
    plan.warnings = found;
    return { name: plan.name, version: plan.version, relativeDir: pkg.relativeDir, plan, manifest, found };
  };
  // Settled `concurrency` at a time; the first refusal in name order is the one reported, as when they went one by one.
  const settled = await inBatches(selected, concurrency, settle);
  // Names are unique among the packages to publish (selectWorkspaces refuses otherwise); private ones may share one.
  const members = new Map<string, Planned>();
  for (const member of settled) {
    warnings.push(...member.found.map((warning) => `${member.name}: ${warning}`));
    if (member.plan !== undefined) members.set(member.name, member);
  }
  const publishable = [...members.values()];
  const order = dependencyOrder(publishable.map((member) => ({ name: member.name, version: member.version, manifest: member.manifest })));
  const position = new Map(order.levels.flatMap((level, index) => level.map((name) => [name, index] as const)));
  const waitsFor = new Map<string, string[]>();
  for (const member of publishable) {
    const level = position.get(member.name) ?? 0;
    waitsFor.set(
      member.name,
      (order.dependsOn.get(member.name) ?? []).filter((dependency) => (position.get(dependency) ?? 0) < level),
    );
  }
  for (const cycle of order.cycles) warnings.push(cycleWarning(cycle, order.dependsOn));

  const listedOnly = [
    ...settled.filter((member) => member.plan === undefined),
    ...skippedWorkspaces(monorepo, selected, scope, names.workspaces).map(({ pkg, why }): WorkspaceMember => ({
      name: pkg.name,
      version: pkg.version || (typeof pkg.manifest.version === 'string' ? pkg.manifest.version : ''),
      relativeDir: pkg.relativeDir,
      plan: undefined,
      listed: { outcome: pkg.private ? 'private' : 'skipped', detail: why },
    })),
  ];
  const ordered = [...order.levels.flat().map((name) => members.get(name) as WorkspaceMember), ...listedOnly];
  return {
    command,
    root: monorepo.root,
    manager: monorepo.manager,
    members: ordered.map(({ name, version, relativeDir, plan, listed }) => ({ name, version, relativeDir, plan, ...(listed ? { listed } : {}) })),
    waitsFor,
    cycles: order.cycles,
    outside: outsideDependencies(monorepo, selected, publishable),
    concurrency,
    ...pacing(otpPacing(command.otpUses ?? options.otpUses, options.registry, command.otpUses === undefined ? names.otpUses : '--otp-uses')),
    warnings,
  };
}

function pacing({ uses, why }: { uses: number; why: string }): { otpUses: number; otpUsesWhy: string } {
  return { otpUses: uses, otpUsesWhy: why };
}

/** The packages of a cycle and the dependencies that join them, each edge once: `a -> b` means a depends on b. */
function cycleWarning(cycle: string[], dependsOn: Map<string, string[]>): string {
  const members = new Set(cycle);
  const edges = cycle.flatMap((from) => (dependsOn.get(from) ?? []).filter((to) => members.has(to)).map((to) => `${from} -> ${to}`));
  return `these packages depend on each other (${edges.join(', ')}; a -> b: a depends on b): they are published in name order`;
}

/** `work` over `items`, at most `limit` at once; results in the items' order; the first failure in that order is thrown, once all have ended. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: Array<PromiseSettledResult<R>> = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await work(items[index] as T).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<R>).value);
}

/** Public workspace packages outside the scope that a member needs at run time, at their checkout version. */
function outsideDependencies(
  monorepo: Monorepo,
  selected: WorkspacePackage[],
  members: Array<{ name: string; manifest: Record<string, unknown> }>,
): WorkspacePublishPlan['outside'] {
  const inScope = new Set(selected.map((pkg) => pkg.name));
  const byName = new Map(monorepo.packages.map((pkg) => [pkg.name, pkg]));
  const outside = new Map<string, { name: string; version: string; neededBy: string[] }>();
  for (const member of members) {
    for (const field of DEPENDENCY_FIELDS.filter((field) => field !== 'devDependencies')) {
      const dependencies = member.manifest[field];
      if (typeof dependencies !== 'object' || dependencies === null) continue;
      for (const name of Object.keys(dependencies)) {
        const pkg = byName.get(name);
        if (!pkg || inScope.has(name) || pkg.private || name === member.name) continue;
        const entry = outside.get(name) ?? { name, version: pkg.version, neededBy: [] };
        entry.neededBy.push(member.name);
        outside.set(name, entry);
      }
    }
  }
  return [...outside.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The public workspace packages in scope, each at its package.json version (`dist-tag add --workspaces <tag>`
 * tags each of them).
 */
export async function workspaceVersions(
  scope: true | string[],
  includeWorkspaceRoot: boolean,
  options: Options,
  cwd: string,
): Promise<Array<{ name: string; version: string }>> {
  const monorepo = await monorepoAt({}, options, cwd);
  return selectWorkspaces(monorepo, scope, includeWorkspaceRoot, options.names.workspaces)
    .filter((pkg) => !pkg.private)
    .map((pkg) => ({ name: pkg.name, version: pkg.version }));
}
