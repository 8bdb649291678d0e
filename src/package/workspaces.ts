import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import nameFromFolder from '@npmcli/name-from-folder';
import { minimatch } from 'minimatch';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { codeUnitOrder } from '../foundation/code-unit-order.ts';
import { InputError } from '../foundation/errors.ts';
import { isRecord } from '../foundation/is-record.ts';
import { glob } from 'glob';
import { parseManifest } from './read-package.ts';
import { isRegistryName } from './registry-name.ts';

/** The package manager whose rules define the monorepo's workspaces and how its packages are published. */
export type PackageManager = 'npm' | 'yarn' | 'pnpm';

/** Catalogs by name (`default` for pnpm's `catalog` and yarn's `catalog`), each mapping a dependency name to its range. */
export type Catalogs = Record<string, Record<string, string>>;

/** One package of a monorepo, as found on disk. */
export interface WorkspacePackage {
  /** The package name; a private package without one is named after its folder, as npm does. */
  name: string;
  /** The version as npm publishes it (`semver.clean`: "v1.2.3" is 1.2.3); '' for a private package without a valid version. */
  version: string;
  /** Absolute folder. */
  dir: string;
  /** Folder relative to the monorepo root, with forward slashes ('.' for the root itself). */
  relativeDir: string;
  /** package.json as written in the checkout (never modified). */
  manifest: Record<string, unknown>;
  /** `"private": true`: npm refuses to publish it. */
  private: boolean;
  /**
   * Why a package that is not private can never be published as it stands (no name, no version, an invalid
   * one): it stops a run only when it would be published (see selectWorkspaces); otherwise it is listed as skipped.
   */
  problem?: { kind: 'missing' | 'invalid'; received: unknown; what: string; advice: string };
}

/** A monorepo root and its workspace packages. */
export interface Monorepo {
  /** Absolute root folder. */
  root: string;
  /** pnpm when pnpm-workspace.yaml exists; yarn when yarn.lock exists or `packageManager` names yarn; npm otherwise. */
  manager: PackageManager;
  /** The root package.json ({} for a pnpm root without one). */
  rootManifest: Record<string, unknown>;
  /** The workspace packages (never the root), sorted by name. */
  packages: WorkspacePackage[];
  /** pnpm: `catalog`/`catalogs` of pnpm-workspace.yaml; yarn: the same fields of .yarnrc.yml; npm: none. */
  catalogs: Catalogs;
}


const PNPM_FILE = 'pnpm-workspace.yaml';
const NPM_IGNORE = ['**/node_modules/**'];
const PNPM_IGNORE = ['**/node_modules/**', '**/bower_components/**'];

/**
 * Finds the workspace packages of the monorepo whose root is `root`, as its
 * package manager defines them: npm and yarn from `workspaces` in the root
 * package.json (an array or `{ packages: [...] }`, expanded as
 * @npmcli/map-workspaces does), pnpm from `packages` in pnpm-workspace.yaml
 * (expanded as pnpm's findPackages does). Refusals are `InputError`s naming
 * `inputName` and the file at fault.
 */
export async function findWorkspaces(root: string, inputName: string): Promise<Monorepo> {
  root = path.resolve(root);
  const rootFile = path.join(root, 'package.json');
  const [rootText, pnpmText, hasYarnLock] = await Promise.all([
    readText(rootFile, inputName),
    readText(path.join(root, PNPM_FILE), inputName),
    access(path.join(root, 'yarn.lock')).then(() => true, () => false),
  ]);
  if (rootText === undefined && pnpmText === undefined) {
    throw new InputError(inputName, `${inputName}: there is no package.json in ${root}. Give the root folder of the monorepo, the one whose package.json declares "workspaces" (or that holds ${PNPM_FILE}).`, { received: root });
  }
  const rootManifest = rootText === undefined ? {} : parseManifest(rootText, rootFile, inputName);
  const packageManager = typeof rootManifest.packageManager === 'string' ? rootManifest.packageManager : '';
  const manager: PackageManager = pnpmText !== undefined ? 'pnpm' : hasYarnLock || packageManager.startsWith('yarn') ? 'yarn' : 'npm';

  let declaredIn: string;
  let patterns: string[];
  let dirs: string[];
  let catalogs: Catalogs = {};
  if (manager === 'pnpm') {
    declaredIn = path.join(root, PNPM_FILE);
    const config = parseYamlObject(pnpmText ?? '', declaredIn, inputName);
    patterns = stringList(config.packages, `"packages" in ${declaredIn}`, inputName);
    if (patterns.length === 0) throw noWorkspaces(declaredIn, inputName);
    catalogs = readCatalogs(config, declaredIn, inputName);
    dirs = await pnpmFolders(root, patterns);
  } else {
    declaredIn = rootFile;
    const declared = rootManifest.workspaces;
    const list = isRecord(declared) ? declared.packages : declared;
    patterns = stringList(list, `"workspaces" in ${rootFile}`, inputName);
    if (patterns.length === 0) throw noWorkspaces(rootFile, inputName);
    if (manager === 'yarn') {
      const file = path.join(root, '.yarnrc.yml');
      const text = await readText(file, inputName);
      if (text !== undefined) catalogs = readCatalogs(parseYamlObject(text, file, inputName), file, inputName);
    }
    dirs = await npmFolders(root, patterns);
  }

  // Read in parallel, judge in folder order: the same checkout always gives the same refusal.
  const folders = [...new Set(dirs)].filter((dir) => dir !== root).sort(codeUnitOrder);
  const texts = await Promise.all(folders.map((dir) => readText(path.join(dir, 'package.json'), inputName)));
  const packages: WorkspacePackage[] = [];
  folders.forEach((dir, index) => {
    const text = texts[index];
    // npm: a matched folder without package.json is not a workspace.
    if (text === undefined) return;
    const file = path.join(dir, 'package.json');
    packages.push(readWorkspacePackage(root, dir, parseManifest(text, file, inputName), file));
  });
  if (packages.length === 0) throw matchesNothing(patterns, declaredIn, inputName);
  // Two packages may share a name as long as neither is published (selectWorkspaces decides); folder order breaks ties.
  packages.sort((a, b) => codeUnitOrder(a.name, b.name) || codeUnitOrder(a.relativeDir, b.relativeDir));
  return { root, manager, rootManifest, packages, catalogs };
}

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
    throw new InputError(inputName, `${inputName}: the monorepo root (${path.join(monorepo.root, 'package.json')}) and the workspace package in ${path.join(clash.dir, 'package.json')} are both named "${root.name}". Rename one of them, or leave the root out.`, { received: root.name });
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
export function skippedWorkspaces(monorepo: Monorepo, selected: readonly WorkspacePackage[], filter: true | string[], inputName: string): Array<{ pkg: WorkspacePackage; why: string }> {
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
    throw new InputError(inputName, `${inputName}: the monorepo root ${monorepo.root} has no package.json to publish. Leave the root out, or give it a package.json with "name" and "version".`, { received: monorepo.root });
  }
  return toWorkspacePackage(monorepo.root, monorepo.root, monorepo.rootManifest, file, inputName);
}

function matchesFilter(pkg: WorkspacePackage, entry: string, root: string): boolean {
  if (pkg.name === entry || path.resolve(root, entry) === pkg.dir) return true;
  const relative = path.isAbsolute(entry) ? path.relative(root, entry) : entry;
  const pattern = relative.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (pattern === '') return false;
  return minimatch(pkg.relativeDir, pattern) || minimatch(pkg.relativeDir, `${pattern}/*`);
}

function unmatchedFilter(monorepo: Monorepo, entry: string, includeRoot: boolean, inputName: string): InputError {
  const known = monorepo.packages.map((pkg) => `${pkg.name} (${pkg.relativeDir})`);
  const shown = known.length > 30 ? [...known.slice(0, 30), `and ${known.length - 30} more`] : known;
  const rootName = monorepo.rootManifest.name;
  const hint = !includeRoot && (entry === rootName || entry === '.') ? ' The monorepo root is not a workspace package: to publish it, set include-workspace-root.' : '';
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

/** A workspace package (or the root) as found; what keeps a public one from being published is in `problem`, not thrown. */
export function readWorkspacePackage(root: string, dir: string, manifest: Record<string, unknown>, file: string): WorkspacePackage {
  const isPrivate = manifest.private === true;
  const relativeDir = path.relative(root, dir).split(path.sep).join('/') || '.';
  let problem: WorkspacePackage['problem'];
  // npm names an unnamed workspace after its folder; only a package that is never published may rely on that.
  const given = manifest.name;
  const hasName = typeof given === 'string' && given !== '';
  const name = hasName ? given : nameFromFolder(dir);
  if (!isPrivate && !hasName) {
    problem = { kind: given === undefined ? 'missing' : 'invalid', received: file, what: 'has no "name"', advice: 'Every workspace package that is not "private": true needs one, such as "my-package" or "@scope/my-package".' };
  } else if (!isPrivate && !isRegistryName(name)) {
    problem = { kind: 'invalid', received: name, what: 'is not a valid npm package name', advice: 'Use lower case, URL-safe characters, optionally under a scope (@scope/name).' };
  }
  const clean = typeof manifest.version === 'string' ? semver.clean(manifest.version) : null;
  if (clean === null && !isPrivate && problem === undefined) {
    const what = manifest.version === undefined ? 'has no "version"' : `has version ${JSON.stringify(manifest.version)}, which is not a semver version`;
    problem = {
      kind: manifest.version === undefined ? 'missing' : 'invalid',
      received: manifest.version,
      what,
      advice: 'Give it a version such as 1.2.3 or 2.0.0-beta.1, or mark it "private": true if it is never published.',
    };
  }
  return { name, version: clean ?? '', dir, relativeDir, manifest, private: isPrivate, ...(problem ? { problem } : {}) };
}

/** A name shared by a package of `selected` that would be published and any other workspace package stops the run. */
function refuseDuplicates(monorepo: Monorepo, selected: readonly WorkspacePackage[], inputName: string): void {
  const published = new Set(selected.filter((pkg) => !pkg.private).map((pkg) => pkg.name));
  const duplicates = duplicateNames(monorepo).filter((duplicate) => published.has(duplicate.name));
  if (duplicates.length === 0) return;
  const lines = duplicates.map(({ name, dirs }) => `"${name}" is the name of ${dirs.map((dir) => path.join(monorepo.root, dir, 'package.json')).join(' and ')}`);
  throw new InputError(inputName, `${inputName}: two workspace packages have one name, and one of them would be published: ${lines.join('; ')}. Names must be unique among the packages a monorepo publishes: rename one, mark the other "private": true, or leave it out of the workspaces.`, {
    received: duplicates.map(({ name }) => name),
  });
}

/** npm and yarn: folders matched by the patterns as @npmcli/map-workspaces matches them. */
async function npmFolders(root: string, declared: string[]): Promise<string[]> {
  const patterns: string[] = [];
  let negated: string[] = [];
  for (const raw of declared) {
    const bangs = /^!+/.exec(raw)?.[0].length ?? 0;
    const pattern = raw.slice(bangs).replace(/^\.?\/+/, '');
    if (bangs % 2 === 1) {
      negated.push(pattern);
    } else {
      // A later pattern re-includes what an earlier negation excluded (['a/**', '!a/b/**', 'a/b/c'] keeps a/b/c).
      negated = negated.filter((exclusion) => !minimatch(pattern, exclusion));
      patterns.push(pattern);
    }
  }
  const kept = patterns.filter((pattern) => !negated.some((exclusion) => minimatch(pattern, exclusion)));
  if (kept.length === 0) return [];
  // A trailing slash makes glob match folders only.
  const globs = kept.map((pattern) => (pattern.replace(/\\/g, '/').endsWith('/') ? pattern : `${pattern}/`));
  const matches = await glob(globs, { cwd: root, ignore: [...NPM_IGNORE, ...negated] });
  return matches.map((match) => path.resolve(root, match));
}

/** pnpm: folders holding a package.json matched by the patterns, as pnpm's findPackages matches them ("!" excludes, in any order). */
async function pnpmFolders(root: string, declared: string[]): Promise<string[]> {
  const toManifest = (pattern: string) => pattern.replace(/^(\.\/)+/, '').replace(/\/?$/, '/package.json');
  const positive = declared.filter((pattern) => !pattern.startsWith('!')).map(toManifest);
  const negative = declared.filter((pattern) => pattern.startsWith('!')).map((pattern) => toManifest(pattern.slice(1)));
  if (positive.length === 0) return [];
  const matches = await glob(positive, { cwd: root, ignore: [...PNPM_IGNORE, ...negative] });
  return matches.map((match) => path.dirname(path.resolve(root, match)));
}

function readCatalogs(config: Record<string, unknown>, file: string, inputName: string): Catalogs {
  const catalogs: Catalogs = {};
  const named = config.catalogs ?? {};
  if (!isRecord(named)) throw malformedCatalog(file, '"catalogs" is not a mapping of catalog names to catalogs', inputName);
  if (config.catalog != null && named.default != null) {
    throw malformedCatalog(file, 'the default catalog is defined twice, as "catalog" and as "catalogs.default"; keep one', inputName);
  }
  const entries: Array<[string, unknown]> = [['default', config.catalog ?? undefined], ...Object.entries(named)];
  for (const [name, catalog] of entries) {
    if (catalog == null) continue;
    const where = name === 'default' && config.catalog != null ? '"catalog"' : `catalog "${name}"`;
    if (!isRecord(catalog)) throw malformedCatalog(file, `${where} is not a mapping of package names to ranges`, inputName);
    for (const [dependency, range] of Object.entries(catalog)) {
      if (typeof range !== 'string') throw malformedCatalog(file, `${where} gives "${dependency}" a ${typeof range}, not a range`, inputName);
    }
    catalogs[name] = { ...(catalog as Record<string, string>) };
  }
  return catalogs;
}

function malformedCatalog(file: string, why: string, inputName: string): InputError {
  return new InputError(inputName, `${inputName}: ${file} is malformed: ${why}. A catalog maps package names to ranges, such as "react: ^18.2.0".`, { received: file });
}

function noWorkspaces(file: string, inputName: string): InputError {
  const how = file.endsWith(PNPM_FILE)
    ? `list the package folders under "packages" in ${file}, such as "packages: ['packages/*']"`
    : `list the package folders in the "workspaces" field of ${file}, such as "workspaces": ["packages/*"]`;
  return new InputError(inputName, `${inputName}: ${file} declares no workspaces. To publish the packages of a monorepo, ${how}; to publish one package, give its folder without workspaces.`, { received: file });
}

function matchesNothing(patterns: string[], file: string, inputName: string): InputError {
  const list = patterns.length > 0 ? ` (${patterns.map((pattern) => JSON.stringify(pattern)).join(', ')})` : '';
  return new InputError(inputName, `${inputName}: the workspaces declared in ${file}${list} match no folder holding a package.json. Each pattern is a folder or a glob relative to the root, such as "packages/*" or "packages/**".`, {
    received: patterns,
  });
}

function stringList(value: unknown, where: string, inputName: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw new InputError(inputName, `${inputName}: ${where} is not a list of folder patterns. Give an array of non-empty strings, such as ["packages/*"].`, { received: value });
  }
  return value as string[];
}

function parseYamlObject(text: string, file: string, inputName: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new InputError(inputName, `${inputName}: ${file} is not valid YAML (${reason}). Fix its syntax.`, { received: file });
  }
  if (data === null || data === undefined) return {};
  if (!isRecord(data)) {
    throw new InputError(inputName, `${inputName}: ${file} does not hold a YAML mapping. It should map settings such as "packages" to their values.`, { received: file });
  }
  return data;
}

/** The file's text, or undefined when there is no such file. */
async function readText(file: string, inputName: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(inputName, `${inputName}: could not read ${file} (${code ?? (error as Error).message}). Check that the file is readable.`, { received: file, cause: error });
  }
}
