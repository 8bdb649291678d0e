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
   * one): it stops a run only when it would be published (see plan/workspace-selection.ts); otherwise it is listed as skipped.
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
    access(path.join(root, 'yarn.lock')).then(
      () => true,
      () => false,
    ),
  ]);
  if (rootText === undefined && pnpmText === undefined) {
    throw new InputError(
      inputName,
      `${inputName}: there is no package.json in ${root}. Give the root folder of the monorepo, the one whose package.json declares "workspaces" (or that holds ${PNPM_FILE}).`,
      { received: root },
    );
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
  // Two packages may share a name as long as neither is published (plan/workspace-selection.ts decides); folder order breaks ties.
  packages.sort((a, b) => codeUnitOrder(a.name, b.name) || codeUnitOrder(a.relativeDir, b.relativeDir));
  return { root, manager, rootManifest, packages, catalogs };
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
    problem = {
      kind: given === undefined ? 'missing' : 'invalid',
      received: file,
      what: 'has no "name"',
      advice: 'Every workspace package that is not "private": true needs one, such as "my-package" or "@scope/my-package".',
    };
  } else if (!isPrivate && !isRegistryName(name)) {
    problem = {
      kind: 'invalid',
      received: name,
      what: 'is not a valid npm package name',
      advice: 'Use lower case, URL-safe characters, optionally under a scope (@scope/name).',
    };
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
  return new InputError(inputName, `${inputName}: ${file} is malformed: ${why}. A catalog maps package names to ranges, such as "react: ^18.2.0".`, {
    received: file,
  });
}

function noWorkspaces(file: string, inputName: string): InputError {
  const how = file.endsWith(PNPM_FILE)
    ? `list the package folders under "packages" in ${file}, such as "packages: ['packages/*']"`
    : `list the package folders in the "workspaces" field of ${file}, such as "workspaces": ["packages/*"]`;
  return new InputError(
    inputName,
    `${inputName}: ${file} declares no workspaces. To publish the packages of a monorepo, ${how}; to publish one package, give its folder without workspaces.`,
    { received: file },
  );
}

function matchesNothing(patterns: string[], file: string, inputName: string): InputError {
  const list = patterns.length > 0 ? ` (${patterns.map((pattern) => JSON.stringify(pattern)).join(', ')})` : '';
  return new InputError(
    inputName,
    `${inputName}: the workspaces declared in ${file}${list} match no folder holding a package.json. Each pattern is a folder or a glob relative to the root, such as "packages/*" or "packages/**".`,
    {
      received: patterns,
    },
  );
}

function stringList(value: unknown, where: string, inputName: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw new InputError(inputName, `${inputName}: ${where} is not a list of folder patterns. Give an array of non-empty strings, such as ["packages/*"].`, {
      received: value,
    });
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
    throw new InputError(inputName, `${inputName}: ${file} does not hold a YAML mapping. It should map settings such as "packages" to their values.`, {
      received: file,
    });
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
    throw new InputError(inputName, `${inputName}: could not read ${file} (${code ?? (error as Error).message}). Check that the file is readable.`, {
      received: file,
      cause: error,
    });
  }
}
