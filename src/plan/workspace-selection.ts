import path from 'node:path';
import { minimatch } from 'minimatch';
import { codeUnitOrder } from '../foundation/code-unit-order.ts';
import { InputError } from '../foundation/errors.ts';
import { type Monorepo, readWorkspacePackage, type WorkspacePackage } from '../package/workspaces.ts';

// Which of a monorepo's packages (found by package/workspaces.ts as its package manager defines them) a run
// publishes: the `workspaces` setting or the -w entries, read as `npm -w` reads them, and what stops the run.

/**
 * The packages `filter` selects that can be published or are private: `true`
 * for all of them, otherwise each entry matches a package name, a folder
 * (relative to the root, with or without "./", or absolute), a glob over
 * folders, or (as `npm -w` does) a folder whose direct subfolders are
 * packages. An entry that matches nothing is an `InputError` listing the
 * known packages. With `includeRoot`, the root comes first; the rest keep the
 * monorepo's name order. Private packages are included: the caller decides
 * what to do with them.
 *
 * Only what would be published can stop a run: a selected package that is not
 * private and has a `problem` is refused when it was named (by name or
 * folder), when its version or name is invalid, or, in npm and yarn
 * workspaces, when it has no version or name (npm refuses to publish it); in
 * pnpm workspaces it is left out, as `pnpm publish -r` publishes only packages
 * with a name and a version (skippedWorkspaces lists it). A name shared by a
 * package that would be published and another workspace package is refused.
 */
export function selectWorkspaces(monorepo: Monorepo, filter: true | string[], includeRoot: boolean, inputName: string): WorkspacePackage[] {
  const selected = new Set<WorkspacePackage>();
  const named = new Set<WorkspacePackage>();
  if (filter === true) {
    for (const pkg of monorepo.packages) selected.add(pkg);
  } else {
    for (const entry of filter.map((item) => item.trim()).filter((item) => item !== '')) {
      const matches = monorepo.packages.filter((pkg) => matchesFilter(pkg, entry, monorepo.root));
      if (matches.length === 0) throw unmatchedFilter(monorepo, entry, includeRoot, inputName);
      for (const pkg of matches) {
        selected.add(pkg);
        if (pkg.name === entry || path.resolve(monorepo.root, entry) === pkg.dir) named.add(pkg);
      }
    }
  }
  const result = monorepo.packages.filter((pkg) => selected.has(pkg) && (pkg.private || !skipsProblem(monorepo, pkg, named.has(pkg), inputName)));
  refuseDuplicates(monorepo, result, inputName);
  if (!includeRoot) return result;
  const root = rootPackage(monorepo, inputName);
  const clash = result.find((pkg) => pkg.name === root.name);
  if (clash) {
    throw new InputError(
      inputName,
      `${inputName}: the monorepo root (${path.join(monorepo.root, 'package.json')}) and the workspace package in ${path.join(clash.dir, 'package.json')} are both named "${root.name}". Rename one of them, or leave the root out.`,
      { received: root.name },
    );
  }
  return [root, ...result];
}

/** True when `pkg`'s problem leaves it out of a publish (pnpm, not named); throws when the problem stops the run. */
function skipsProblem(monorepo: Monorepo, pkg: WorkspacePackage, named: boolean, inputName: string): boolean {
  const { problem } = pkg;
  if (problem === undefined) return false;
  if (!named && problem.kind === 'missing' && monorepo.manager === 'pnpm') return true;
  throw problemError(pkg, inputName);
}

/**
 * Every workspace package that `selected` (from selectWorkspaces) leaves out, with why, as the report lists
 * them: private ones (never published), ones that cannot be published as they stand, ones the filter left out.
 */
export function skippedWorkspaces(
  monorepo: Monorepo,
  selected: readonly WorkspacePackage[],
  filter: true | string[],
  inputName: string,
): Array<{ pkg: WorkspacePackage; why: string }> {
  const kept = new Set(selected);
  const covers = (pkg: WorkspacePackage) => filter === true || filter.some((entry) => entry.trim() !== '' && matchesFilter(pkg, entry.trim(), monorepo.root));
  const notSelected = `not selected by ${inputName} (${filter === true ? 'true' : filter.join(', ')})`;
  return monorepo.packages
    .filter((pkg) => !kept.has(pkg))
    .map((pkg) => {
      if (pkg.private) return { pkg, why: `private: not published${covers(pkg) ? '' : `, and ${notSelected}`}` };
      // Only pnpm leaves out a package with a problem that it covers (selectWorkspaces refused the others).
      if (pkg.problem && covers(pkg)) return { pkg, why: `skipped: ${pkg.problem.what}, and pnpm publishes only packages with a name and a version` };
      return { pkg, why: `skipped: ${notSelected}` };
    });
}

/** Names that two or more workspace packages share, with their folders (relative to the root), in name order. */
export function duplicateNames(monorepo: Monorepo): Array<{ name: string; dirs: string[] }> {
  const byName = new Map<string, WorkspacePackage[]>();
  for (const pkg of monorepo.packages) byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
  return [...byName]
    .filter(([, list]) => list.length > 1)
    .sort(([a], [b]) => codeUnitOrder(a, b))
    .map(([name, list]) => ({ name, dirs: list.map((pkg) => pkg.relativeDir) }));
}

/** The monorepo root as a package (for `include-workspace-root`), checked as workspace packages are. */
function rootPackage(monorepo: Monorepo, inputName: string): WorkspacePackage {
  const file = path.join(monorepo.root, 'package.json');
  if (Object.keys(monorepo.rootManifest).length === 0) {
    throw new InputError(
      inputName,
      `${inputName}: the monorepo root ${monorepo.root} has no package.json to publish. Leave the root out, or give it a package.json with "name" and "version".`,
      { received: monorepo.root },
    );
  }
  return toWorkspacePackage(monorepo.root, monorepo.root, monorepo.rootManifest, file, inputName);
}

function matchesFilter(pkg: WorkspacePackage, entry: string, root: string): boolean {
  if (pkg.name === entry || path.resolve(root, entry) === pkg.dir) return true;
  const relative = path.isAbsolute(entry) ? path.relative(root, entry) : entry;
  const pattern = relative
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (pattern === '') return false;
  return minimatch(pkg.relativeDir, pattern) || minimatch(pkg.relativeDir, `${pattern}/*`);
}

function unmatchedFilter(monorepo: Monorepo, entry: string, includeRoot: boolean, inputName: string): InputError {
  const known = monorepo.packages.map((pkg) => `${pkg.name} (${pkg.relativeDir})`);
  const shown = known.length > 30 ? [...known.slice(0, 30), `and ${known.length - 30} more`] : known;
  const rootName = monorepo.rootManifest.name;
  const hint =
    !includeRoot && (entry === rootName || entry === '.') ? ' The monorepo root is not a workspace package: to publish it, set include-workspace-root.' : '';
  return new InputError(
    inputName,
    `${inputName}: "${entry}" matches no workspace package of ${monorepo.root} (by name, folder or glob over folders).${hint} Known packages: ${shown.join(', ')}.`,
    { received: entry },
  );
}

function toWorkspacePackage(root: string, dir: string, manifest: Record<string, unknown>, file: string, inputName: string): WorkspacePackage {
  const pkg = readWorkspacePackage(root, dir, manifest, file);
  if (pkg.problem) throw problemError(pkg, inputName);
  return pkg;
}

/** The refusal for a package with a problem, naming its package.json. */
function problemError(pkg: WorkspacePackage, inputName: string): InputError {
  const problem = pkg.problem as NonNullable<WorkspacePackage['problem']>;
  const file = path.join(pkg.dir, 'package.json');
  const who = problem.what === 'has no "name"' ? file : `${pkg.name} (${file})`;
  return new InputError(inputName, `${inputName}: ${who} ${problem.what}. ${problem.advice}`, { received: problem.received });
}

/** A name shared by a package of `selected` that would be published and any other workspace package stops the run. */
function refuseDuplicates(monorepo: Monorepo, selected: readonly WorkspacePackage[], inputName: string): void {
  const published = new Set(selected.filter((pkg) => !pkg.private).map((pkg) => pkg.name));
  const duplicates = duplicateNames(monorepo).filter((duplicate) => published.has(duplicate.name));
  if (duplicates.length === 0) return;
  const lines = duplicates.map(
    ({ name, dirs }) => `"${name}" is the name of ${dirs.map((dir) => path.join(monorepo.root, dir, 'package.json')).join(' and ')}`,
  );
  throw new InputError(
    inputName,
    `${inputName}: two workspace packages have one name, and one of them would be published: ${lines.join('; ')}. Names must be unique among the packages a monorepo publishes: rename one, mark the other "private": true, or leave it out of the workspaces.`,
    {
      received: duplicates.map(({ name }) => name),
    },
  );
}
