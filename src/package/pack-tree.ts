// The tree npm-packlist reads, built from the disk in place of @npmcli/arborist's loadActual (large, not a
// dependency): a node's folder, its normalised package.json, whether it is the project root, its workspaces,
// and `edgesOut` for the dependencies it bundles, each leading to where Arborist finds it installed: the
// package's own node_modules, then the node_modules of each folder above it up to the folder it shares with
// the project root (Arborist's findMissingEdges walk), links followed to their real folder.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import mapWorkspaces from '@npmcli/map-workspaces';
import PackageJson from '@npmcli/package-json';
import type { Edge, Tree } from 'npm-packlist';
import { ProductError } from '../foundation/errors.ts';
import { isRecord } from '../foundation/is-record.ts';

/**
 * npm 11.21's `normalizeSteps` (@npmcli/package-json 7), how Arborist and pacote read a folder's package.json
 * before packing: package-json 8's less "overrides" (npm 12's).
 */
const NORMALIZE_STEPS = PackageJson.normalizeSteps.filter((step) => step !== 'overrides');

/** Reads `dir`'s package.json (or `text` in its place) as npm does before packing: bins normalised, `directories.bin` expanded, bundleDependencies as a list. */
export async function readPackManifest(dir: string, text?: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, 'package.json');
  try {
    const pkg = text === undefined ? await PackageJson.load(dir) : new PackageJson().create(dir).fromJSON(text);
    if (!isRecord(pkg.content)) throw new Error('it does not hold a JSON object');
    return (await pkg.normalize({ steps: NORMALIZE_STEPS })).content;
  } catch (error) {
    const what = text === undefined ? file : `the package.json text given for ${dir}`;
    throw new ProductError('EPACK', `Could not read ${what}: ${(error as Error).message}`, { received: what, cause: error });
  }
}

/** The tree of the package in `dir`, whose normalised package.json is `manifest`, with what it bundles. */
export async function projectTree(dir: string, manifest: Record<string, unknown>): Promise<Tree> {
  const root = path.resolve(dir);
  // Arborist's workspaces: @npmcli/map-workspaces, whose errors (a declaration that is not a list, two workspaces of one name) npm shows as they are.
  const workspaces =
    manifest.workspaces === undefined
      ? new Map<string, string>()
      : await mapWorkspaces({ cwd: root, pkg: manifest }).catch((error: unknown) => {
          throw new ProductError('EPACK', `The workspaces of ${root} cannot be read as npm reads them: ${(error as Error).message}`, {
            received: manifest.workspaces,
            cause: error,
          });
        });
  const tree = { path: root, package: manifest, isProjectRoot: true, edgesOut: new Map<string, Edge>(), ...(workspaces.size > 0 ? { workspaces } : {}) };
  const { bundleDependencies } = manifest;
  if (Array.isArray(bundleDependencies) && bundleDependencies.length > 0) {
    const real = await realpath(root);
    await addEdges(tree, real, bundleDependencies, { isTop: true, rootPath: root, nodes: new Map([[real, tree]]) });
  }
  return tree;
}

interface Context {
  /** Arborist loads devDependencies for tops only: the root, and link targets. */
  isTop: boolean;
  rootPath: string;
  /** Nodes by real folder: a package reached twice is one node, as npm-packlist's `seen` expects. */
  nodes: Map<string, Tree>;
}

/**
 * The edges npm-packlist follows from `node` (in real folder `real`) to the packages `names` it bundles: only
 * those it would walk (installed, neither dev nor peer), and from each the dependencies it bundles in turn.
 */
async function addEdges(node: Tree & { edgesOut: Map<string, Edge> }, real: string, names: unknown[], context: Context): Promise<void> {
  for (const name of names) {
    if (typeof name !== 'string' || node.edgesOut.has(name)) continue;
    const type = edgeType(node, name, context.isTop);
    if (type === undefined || type === 'peer' || type === 'dev') continue;
    const location = await installedLocation(real, name, context.rootPath);
    if (location === undefined) continue;
    const targetReal = await realpath(location);
    const isLink = targetReal !== path.normalize(location);
    let target = context.nodes.get(targetReal);
    if (!target) {
      const pkg = await readInstalledManifest(targetReal);
      const created = { path: isLink ? targetReal : location, package: pkg, isProjectRoot: false, edgesOut: new Map<string, Edge>() };
      context.nodes.set(targetReal, created);
      const deps = [...Object.keys(Object(pkg.dependencies || {})), ...Object.keys(Object(pkg.optionalDependencies || {}))];
      await addEdges(created, targetReal, deps, { ...context, isTop: isLink });
      target = created;
    }
    node.edgesOut.set(name, { peer: false, dev: false, to: { path: location, isLink, target } });
  }
}

/** The type of the edge Arborist draws from `node` to `name`: later kinds replace earlier ones, except workspaces. */
function edgeType(node: Tree, name: string, isTop: boolean): 'workspace' | 'peer' | 'prod' | 'optional' | 'dev' | undefined {
  if (node.workspaces?.has(name)) return 'workspace';
  const pkg = node.package;
  let type: 'peer' | 'prod' | 'optional' | 'dev' | undefined;
  if (isRecord(pkg.peerDependencies) && Object.hasOwn(pkg.peerDependencies, name)) type = 'peer';
  if (hasKey(pkg.dependencies, name)) type = 'prod';
  if (hasKey(pkg.optionalDependencies, name)) type = 'optional';
  if (isTop && hasKey(pkg.devDependencies, name)) type = 'dev';
  return type;
}

/** What `Object.entries(deps || {})` lists in Arborist. */
function hasKey(deps: unknown, name: string): boolean {
  return Object.keys(Object(deps || {})).includes(name);
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
