// The package tree npm-packlist reads, built from the disk as @npmcli/arborist's loadActual would build it
// (node_modules/npm/node_modules/@npmcli/arborist/lib/arborist/load-actual.js, node.js, edge.js), limited
// to what packing asks: normalised manifests, workspaces, and where a dependency named for bundling is
// installed. Arborist resolves a dependency in the package's own node_modules, then in the node_modules of
// each folder above it up to the folder it shares with the project root (its findMissingEdges walk), and
// follows links to their real folder.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import PackageJsonModule from '@npmcli/package-json';
import { ProductError } from '../foundation/errors.ts';
import { compareEn } from './collate.ts';
import { glob } from 'glob';
import type { BundledNode, PackTree } from './packlist.ts';

/** The parts of @npmcli/package-json 8 used here and in read-tarball.ts (read from its lib/index.js). */
export interface PackageJsonInstance {
  create(dir: string): PackageJsonInstance;
  fromJSON(text: string): PackageJsonInstance;
  normalize(opts: { steps: readonly string[] }): Promise<PackageJsonInstance>;
  readonly content: Record<string, unknown>;
}
export const PackageJson = PackageJsonModule as unknown as { new (): PackageJsonInstance; load(dir: string): Promise<PackageJsonInstance> };

/**
 * npm 11.21's `normalizeSteps` (@npmcli/package-json 7): how Arborist and pacote read a folder's package.json
 * before packing. @npmcli/package-json 8 adds an "overrides" step, which packing does not need.
 */
const NORMALIZE_STEPS = ['_id', '_attributes', 'bundledDependencies', 'bundleDependencies', 'optionalDedupe', 'scripts', 'funding', 'bin', 'binDir'];

/** Reads `dir`'s package.json (or `text` in its place) as npm does before packing: bins normalised, `directories.bin` expanded, bundleDependencies as a list. */
export async function readPackManifest(dir: string, text?: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, 'package.json');
  try {
    const pkg = text === undefined ? await PackageJson.load(dir) : new PackageJson().create(dir).fromJSON(text);
    if (!isObject(pkg.content)) throw new Error('it does not hold a JSON object');
    return (await pkg.normalize({ steps: NORMALIZE_STEPS })).content;
  } catch (error) {
    const what = text === undefined ? file : `the package.json text given for ${dir}`;
    throw new ProductError('EPACK', `Could not read ${what}: ${(error as Error).message}`, { received: what, cause: error });
  }
}

/** The tree of the package in `dir`, whose normalised package.json is `manifest`. */
export async function projectTree(dir: string, manifest: Record<string, unknown>): Promise<PackTree> {
  const root = path.resolve(dir);
  const real = await realpath(root);
  const workspaces = manifest.workspaces === undefined ? new Map<string, string>() : await mapWorkspaces(root, manifest.workspaces);
  const nodes = new Map<string, Node>();
  const tree = new Node(root, real, manifest, { isProjectRoot: true, isTop: true, rootPath: root, nodes });
  if (workspaces.size > 0) tree.workspaces = workspaces;
  nodes.set(real, tree);
  return tree;
}

type EdgeType = 'workspace' | 'peer' | 'prod' | 'optional' | 'dev';

interface Context {
  isProjectRoot: boolean;
  /** Arborist loads devDependencies for tops only: the root, and link targets. */
  isTop: boolean;
  rootPath: string;
  nodes: Map<string, Node>;
}

class Node implements PackTree {
  readonly path: string;
  readonly realpath: string;
  readonly package: Record<string, unknown>;
  readonly isProjectRoot: boolean;
  workspaces?: ReadonlyMap<string, string>;
  private readonly context: Context;

  constructor(location: string, real: string, manifest: Record<string, unknown>, context: Context) {
    this.path = location;
    this.realpath = real;
    this.package = manifest;
    this.isProjectRoot = context.isProjectRoot;
    this.context = context;
  }

  async bundled(name: string): Promise<BundledNode | undefined> {
    const type = this.edgeType(name);
    if (type === undefined || type === 'peer' || type === 'dev') return undefined;
    const location = await installedLocation(this.realpath, name, this.context.rootPath);
    if (location === undefined) return undefined;
    const real = await realpath(location);
    const isLink = real !== path.normalize(location);
    let target = this.context.nodes.get(real);
    if (!target) {
      target = new Node(isLink ? real : location, real, await readInstalledManifest(real), { ...this.context, isProjectRoot: false, isTop: isLink });
      this.context.nodes.set(real, target);
    }
    return { path: location, isLink, target };
  }

  /** The type of the edge Arborist draws from this package to `name`: later kinds replace earlier ones, except workspaces. */
  private edgeType(name: string): EdgeType | undefined {
    if (this.workspaces?.has(name)) return 'workspace';
    const pkg = this.package;
    let type: EdgeType | undefined;
    if (isObject(pkg.peerDependencies) && Object.hasOwn(pkg.peerDependencies, name)) type = 'peer';
    if (hasKey(pkg.dependencies, name)) type = 'prod';
    if (hasKey(pkg.optionalDependencies, name)) type = 'optional';
    if (this.context.isTop && hasKey(pkg.devDependencies, name)) type = 'dev';
    return type;
  }
}

/** What `Object.entries(deps || {})` lists in Arborist. */
function hasKey(deps: unknown, name: string): boolean {
  return Object.keys(Object(deps || {})).includes(name);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A dependency's manifest as Arborist reads it; one it cannot read counts as an empty package, as Arborist's errored nodes do. */
async function readInstalledManifest(dir: string): Promise<Record<string, unknown>> {
  try {
    return await readPackManifest(dir);
  } catch {
    return {};
  }
}

/** Where `name` is installed for a package in `from`: its own node_modules, then each folder above, up to the folder shared with the root. */
async function installedLocation(from: string, name: string, rootPath: string): Promise<string | undefined> {
  if (name === '' || path.isAbsolute(name) || name.split(/[\\/]/).some((part) => part === '..' || part === '.' || part === '')) return undefined;
  if (name.startsWith('.') || /^@[^/]+\/\./.test(name)) return undefined; // Arborist skips dot folders in node_modules
  const ancestor = commonAncestor(from, rootPath);
  const candidates = [path.join(from, 'node_modules', name)];
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    if (ancestor !== undefined && /^\.\.(?:[\\/]|$)/.test(path.relative(ancestor, dir))) break;
    if (path.basename(dir) !== 'node_modules') candidates.push(path.join(dir, 'node_modules', name));
    if (path.dirname(dir) === dir) break;
  }
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isDirectory()) return candidate;
  }
  return undefined;
}

function commonAncestor(a: string, b: string): string | undefined {
  const left = path.resolve(a).split(path.sep);
  const right = path.resolve(b).split(path.sep);
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return i === 0 ? undefined : left.slice(0, i).join(path.sep) || path.sep;
}

/**
 * Workspace folders by name: @npmcli/map-workspaces 5 (npm 11.21), which Arborist uses. Folders matching the
 * patterns (negations with `!`, node_modules left out) that hold a package.json, named by it or by their folder.
 */
async function mapWorkspaces(root: string, declaration: unknown): Promise<Map<string, string>> {
  const list = isObject(declaration) && Array.isArray(declaration.packages) ? declaration.packages : declaration;
  if (!Array.isArray(list)) {
    throw new ProductError('EPACK', `"workspaces" in the package.json of ${root} must be an array of folder patterns (or {"packages": [...]}).`, { received: declaration });
  }
  // glob and minimatch only for a workspace root: not loaded to pack a plain package.
  const { minimatch } = await import('minimatch');
  const patterns: string[] = [];
  const negatedPatterns: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string') {
      throw new ProductError('EPACK', `"workspaces" in the package.json of ${root} must list folder patterns; it holds ${JSON.stringify(entry)}.`, { received: entry });
    }
    const bangs = /^!+/.exec(entry)?.[0].length ?? 0;
    const pattern = entry.slice(bangs).replace(/^\.?\/+/, '');
    if (bangs % 2 === 1) {
      negatedPatterns.push(pattern);
    } else {
      // a later pattern overrides the negations before it
      for (let i = 0; i < negatedPatterns.length; ++i) if (minimatch(pattern, negatedPatterns[i] as string)) negatedPatterns.splice(i, 1);
      patterns.push(pattern);
    }
  }
  for (const negated of negatedPatterns) for (const pattern of minimatch.match(patterns, negated)) patterns.splice(patterns.indexOf(pattern), 1);
  const workspaces = new Map<string, string>();
  if (patterns.length === 0) return workspaces;

  const folders = patterns.map((pattern) => (pattern.replace(/\\/g, '/').endsWith('/') ? pattern : `${pattern}/`));
  const matches = (await glob(folders, { cwd: root, ignore: ['**/node_modules/**', ...negatedPatterns] })).sort(compareEn);
  const byName = new Map<string, Set<string>>();
  for (const pattern of patterns) {
    for (const match of matches.filter((m) => minimatch(m, pattern, { partial: true, windowsPathsNoEscape: true }))) {
      const dir = path.join(root, match);
      let pkg: Record<string, unknown>;
      try {
        pkg = (await PackageJson.load(dir)).content;
      } catch (error) {
        if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) continue;
        throw new ProductError('EPACK', `Could not read the workspace ${dir}: ${(error as Error).message}`, { received: dir, cause: error });
      }
      const name = typeof pkg.name === 'string' && pkg.name ? pkg.name : nameFromFolder(dir);
      byName.set(name, (byName.get(name) ?? new Set()).add(dir));
    }
  }
  for (const [name, dirs] of byName) {
    if (dirs.size > 1) {
      throw new ProductError('EPACK', `${root} must not have several workspaces named ${name}: ${[...dirs].join(', ')}.`, { received: name });
    }
    workspaces.set(name, [...dirs][0] as string);
  }
  return workspaces;
}

/** @npmcli/name-from-folder: `@scope/name` for a folder inside a scope folder. */
function nameFromFolder(dir: string): string {
  const base = path.basename(dir);
  const parent = path.basename(path.dirname(dir));
  return parent.startsWith('@') ? `${parent}/${base}` : base;
}
