import path from 'node:path';
import npa from 'npm-package-arg';
import semver from 'semver';
import { InputError } from '../foundation/errors.ts';
import { isRecord } from '../foundation/is-record.ts';
import { isRegistryName } from './registry-name.ts';
import { type Monorepo, type PackageManager, readWorkspacePackage, type WorkspacePackage } from './workspaces.ts';

/** The file that declares the catalogs of each package manager, for messages. */
const CATALOG_FILE: Record<PackageManager, string | undefined> = { npm: undefined, yarn: '.yarnrc.yml', pnpm: 'pnpm-workspace.yaml' };

/** The manifest a package manager would put in the tarball, and what the caller should tell the user about it. */
export interface PublishManifest {
  /** A new object: the checkout's package.json is never modified. */
  manifest: Record<string, unknown>;
  /** Sentences for the user (nothing here is fatal). */
  warnings: string[];
}

/** The dependency fields whose `workspace:` and `catalog:` ranges are rewritten. */
export const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
/** The fields a consumer installs. */
const RUNTIME_FIELDS = new Set<string>(['dependencies', 'optionalDependencies', 'peerDependencies']);

/**
 * publishConfig fields pnpm copies into the published manifest (and removes from publishConfig):
 * PUBLISH_CONFIG_WHITELIST in pnpm's releasing/exportable-manifest/src/overridePublishConfig.ts.
 * `name` (publish under another name) is pnpm 11's newest entry.
 */
const PNPM_LIFTED_FIELDS = [
  'name',
  'bin',
  'engines',
  'type',
  'imports',
  'main',
  'module',
  'typings',
  'types',
  'exports',
  'browser',
  'esnext',
  'es2015',
  'unpkg',
  'umd:main',
  'os',
  'cpu',
  'libc',
  'typesVersions',
] as const;

/**
 * publishConfig fields yarn (berry) copies into the packed manifest when set, keeping publishConfig as is:
 * beforeWorkspacePacking in @yarnpkg/plugin-pack (type, main, browser, module, exports, imports, bin)
 * and @yarnpkg/plugin-typescript (typings, types).
 */
const YARN_LIFTED_FIELDS = ['type', 'main', 'browser', 'module', 'exports', 'imports', 'bin', 'typings', 'types'] as const;

interface Context {
  pkg: WorkspacePackage;
  monorepo: Monorepo;
  byName: Map<string, WorkspacePackage>;
  file: string;
  inputName: string;
  warnings: string[];
}

/**
 * The manifest of `pkg` as its package manager publishes it:
 * - `workspace:` ranges in every dependency field become registry ranges, as
 *   pnpm's exportable-manifest and yarn's pack write them (`*` and bare →
 *   the exact version, `^`/`~` → `^version`/`~version`, a range → the range,
 *   `<alias>@<*^~>` and `./path` → `npm:<name>@<version>` when the package has
 *   another name). A `workspace:` range must name a workspace package (or the
 *   root) whose version it accepts.
 * - `catalog:` and `catalog:<name>` become the catalog's range (pnpm:
 *   pnpm-workspace.yaml, yarn: .yarnrc.yml).
 * - pnpm and yarn lift their publishConfig fields; npm does not.
 * Warnings: a public package that needs a private workspace package at run
 * time, a package published under another name, devDependencies that name a
 * workspace package without a version (left as written).
 */
export function publishManifest(pkg: WorkspacePackage, monorepo: Monorepo, inputName: string): PublishManifest {
  const manifest = structuredClone(pkg.manifest);
  const context: Context = { pkg, monorepo, byName: workspaceIndex(monorepo), file: path.join(pkg.dir, 'package.json'), inputName, warnings: [] };
  for (const field of DEPENDENCY_FIELDS) {
    const dependencies = manifest[field];
    if (!isRecord(dependencies)) continue;
    const rewritten: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(dependencies)) {
      const value = typeof spec === 'string' ? rewriteDependency(name, spec, field, context) : spec;
      // Nothing of workspace: may reach the registry: a devDependency that cannot be resolved is left out (see versionOf).
      if (typeof value === 'string' && value.startsWith('workspace:')) continue;
      rewritten[name] = value;
    }
    manifest[field] = rewritten;
  }
  liftPublishConfig(manifest, context);
  return { manifest, warnings: context.warnings };
}

/** Every workspace package by name, and the root when it has a name (pnpm and yarn treat it as a workspace too). */
function workspaceIndex(monorepo: Monorepo): Map<string, WorkspacePackage> {
  const byName = new Map(monorepo.packages.map((pkg) => [pkg.name, pkg]));
  const { root, rootManifest } = monorepo;
  const { name } = rootManifest;
  if (typeof name === 'string' && name !== '' && !byName.has(name))
    byName.set(name, readWorkspacePackage(root, root, rootManifest, path.join(root, 'package.json')));
  return byName;
}

function rewriteDependency(name: string, spec: string, field: string, context: Context): string {
  let target: WorkspacePackage | undefined;
  let result = spec;
  if (spec.startsWith('workspace:')) {
    ({ spec: result, target } = resolveWorkspace(name, spec, spec.slice('workspace:'.length), field, context));
  } else if (field === 'peerDependencies' && spec.includes('workspace:')) {
    // pnpm also rewrites a workspace: part of a peer range such as "^1.0.0 || workspace:^".
    result = spec.replace(/workspace:(\S*)/g, (_whole, rest: string) => {
      const resolved = resolveWorkspace(name, spec, rest, field, context);
      target = resolved.target;
      return resolved.spec;
    });
  }
  if (result.startsWith('catalog:')) result = resolveCatalog(name, result, field, context);
  const { pkg, byName, warnings } = context;
  const real = target?.name ?? aliasTarget(result) ?? name;
  const dependency = byName.get(real);
  if (!pkg.private && RUNTIME_FIELDS.has(field) && dependency?.private && real !== pkg.name) {
    warnings.push(
      `${pkg.name} depends on ${real} (${field}), a private workspace package that is never published: consumers of ${pkg.name} will not be able to install it.`,
    );
  }
  return result;
}

/** `rest` is what follows `workspace:`; the outcome is the range a registry consumer can install. */
function resolveWorkspace(name: string, spec: string, rest: string, field: string, context: Context): { spec: string; target?: WorkspacePackage } {
  const { pkg, monorepo } = context;
  // pnpm: workspace:./path and workspace:../path, relative to the package; yarn: workspace:<folder>, relative to the root.
  const byPath =
    rest.startsWith('./') || rest.startsWith('../')
      ? (findByDir(monorepo, path.resolve(pkg.dir, rest)) ?? findByDir(monorepo, path.resolve(monorepo.root, rest)))
      : /[\\/]/.test(rest) && !rest.startsWith('@')
        ? findByDir(monorepo, path.resolve(monorepo.root, rest))
        : undefined;
  if (byPath !== undefined) {
    const version = versionOf(byPath, name, spec, field, context);
    if (version === undefined) return { spec };
    return { spec: byPath.name === name ? version : `npm:${byPath.name}@${version}`, target: byPath };
  }
  if (rest.startsWith('./') || rest.startsWith('../')) throw outside(name, spec, field, rest, context);

  // workspace:, workspace:*, workspace:^, workspace:~, optionally after an alias (workspace:real-name@^); peers also take >=, >, <=, <.
  const tokens = field === 'peerDependencies' ? /^(?:(.+)@)?([\^~*]|>=|>|<=|<)?$/ : /^(?:(.+)@)?([\^~*])?$/;
  const short = tokens.exec(rest);
  if (short !== null) {
    const targetName = short[1] ?? name;
    const target = context.byName.get(targetName);
    if (target === undefined) throw outside(name, spec, field, targetName, context);
    const version = versionOf(target, name, spec, field, context);
    if (version === undefined) return { spec };
    const prefix = short[2] === undefined || short[2] === '*' ? '' : short[2];
    return { spec: target.name === name ? `${prefix}${version}` : `npm:${target.name}@${prefix}${version}`, target };
  }

  // workspace:<range>, or workspace:<real-name>@<range> which pnpm writes as npm:<real-name>@<range>.
  const at = rest.lastIndexOf('@');
  const targetName = at > 0 ? rest.slice(0, at) : name;
  const range = at > 0 ? rest.slice(at + 1) : rest;
  const target = context.byName.get(targetName);
  if (target === undefined) throw outside(name, spec, field, targetName, context);
  if (semver.validRange(range) === null) {
    throw refusal(
      context,
      `has "${name}": "${spec}" in ${field}, and "${range}" is neither a semver range nor a workspace folder. Use workspace:*, workspace:^, workspace:~ or workspace:<range> such as workspace:^1.2.0`,
      spec,
    );
  }
  const version = versionOf(target, name, spec, field, context);
  if (version !== undefined && !semver.satisfies(version, range, { includePrerelease: true })) {
    throw refusal(
      context,
      `has "${name}": "${spec}" in ${field}, but the workspace has ${target.name} ${version}, which ${range} does not accept. Widen the range, or use workspace:^ to follow the workspace version`,
      spec,
    );
  }
  return { spec: at > 0 ? `npm:${rest}` : range, target };
}

/** The target's version (0.0.0 for a versionless yarn workspace, as yarn packs it), or undefined (with a warning) for a devDependency on a package without one. */
function versionOf(target: WorkspacePackage, name: string, spec: string, field: string, context: Context): string | undefined {
  if (target.version !== '') return target.version;
  // Yarn reads a workspace without a version as 0.0.0 when it packs.
  if (context.monorepo.manager === 'yarn') return '0.0.0';
  if (field === 'devDependencies') {
    context.warnings.push(
      `${context.pkg.name} is published without its devDependency "${name}": "${spec}": ${target.name} has no version to publish. Consumers never install devDependencies.`,
    );
    return undefined;
  }
  throw refusal(
    context,
    `has "${name}": "${spec}" in ${field}, but ${target.name} (${path.join(target.dir, 'package.json')}) has no version, so no registry range can replace it. Give ${target.name} a "version"`,
    spec,
  );
}

function findByDir(monorepo: Monorepo, dir: string): WorkspacePackage | undefined {
  return monorepo.packages.find((pkg) => pkg.dir === dir);
}

function outside(name: string, spec: string, field: string, target: string, context: Context): InputError {
  const known = [...context.byName.keys()].sort();
  const shown = known.length > 30 ? [...known.slice(0, 30), `and ${known.length - 30} more`] : known;
  return refusal(
    context,
    `has "${name}": "${spec}" in ${field}, but "${target}" is not a package of the monorepo at ${context.monorepo.root}. A workspace: range must name one of its packages (${shown.join(', ')}); for anything else use a registry range such as ^1.2.3`,
    spec,
  );
}

/** pnpm's catalog protocol: `catalog:` is `catalog:default`; the entry is looked up under the dependency's name. */
function resolveCatalog(name: string, spec: string, field: string, context: Context): string {
  const { monorepo } = context;
  const catalogName = spec.slice('catalog:'.length).trim() || 'default';
  const file = CATALOG_FILE[monorepo.manager];
  if (file === undefined) {
    throw refusal(
      context,
      `has "${name}": "${spec}" in ${field}, but npm has no catalogs (pnpm defines them in pnpm-workspace.yaml, yarn in .yarnrc.yml). Write the range itself, such as ^1.2.3`,
      spec,
    );
  }
  const where = path.join(monorepo.root, file);
  const catalog = monorepo.catalogs[catalogName];
  if (catalog === undefined) {
    const defined = Object.keys(monorepo.catalogs).sort();
    const list = defined.length > 0 ? `it defines ${defined.map((item) => `"${item}"`).join(', ')}` : 'it defines none';
    throw refusal(
      context,
      `has "${name}": "${spec}" in ${field}, but ${where} defines no catalog "${catalogName}" (${list}). Add the catalog, or use one of those`,
      spec,
    );
  }
  const range = catalog[name];
  if (range === undefined) {
    throw refusal(
      context,
      `has "${name}": "${spec}" in ${field}, but catalog "${catalogName}" in ${where} has no entry for "${name}". Add "${name}" to that catalog, or write its range in ${field}`,
      spec,
    );
  }
  const protocol = /^([a-z]+):/.exec(range)?.[1];
  if (protocol === 'catalog' || protocol === 'workspace' || protocol === 'link' || protocol === 'file') {
    throw refusal(
      context,
      `has "${name}": "${spec}" in ${field}, and catalog "${catalogName}" in ${where} gives "${name}" the range "${range}": a catalog entry cannot use the ${protocol}: protocol. Give it a registry range such as ^1.2.3`,
      spec,
    );
  }
  return range;
}

/** pnpm lifts its fields and drops them (and an emptied publishConfig); yarn lifts the fields that are set and keeps publishConfig; npm lifts none. */
function liftPublishConfig(manifest: Record<string, unknown>, context: Context): void {
  const { manager } = context.monorepo;
  const { publishConfig } = manifest;
  if (manager === 'npm' || !isRecord(publishConfig)) return;
  if (manager === 'yarn') {
    for (const field of YARN_LIFTED_FIELDS) if (publishConfig[field]) manifest[field] = publishConfig[field];
    return;
  }
  if (Object.hasOwn(publishConfig, 'name')) {
    const { name } = publishConfig;
    if (typeof name !== 'string' || !isRegistryName(name)) {
      throw refusal(
        context,
        `has publishConfig.name ${JSON.stringify(name)}, which is not a valid npm package name. Use lower case, URL-safe characters, optionally under a scope (@scope/name)`,
        name,
      );
    }
    if (name !== context.pkg.name) context.warnings.push(`${context.pkg.name} is published as ${name} (publishConfig.name), as pnpm publishes it.`);
  }
  for (const field of PNPM_LIFTED_FIELDS) {
    if (!Object.hasOwn(publishConfig, field)) continue;
    manifest[field] = publishConfig[field];
    delete publishConfig[field];
  }
  if (Object.keys(publishConfig).length === 0) delete manifest.publishConfig;
}

/** The real package name of an `npm:` alias range. */
function aliasTarget(spec: string): string | undefined {
  if (!spec.startsWith('npm:')) return undefined;
  try {
    return npa(spec.slice('npm:'.length)).name ?? undefined;
  } catch {
    return undefined;
  }
}

function refusal(context: Context, what: string, received: unknown): InputError {
  const { inputName, pkg, file } = context;
  return new InputError(inputName, `${inputName}: ${pkg.name} (${file}) ${what}.`, { received });
}
