import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../foundation/errors.ts';
import { DEPENDENCY_FIELDS, publishManifest } from '../package/publish-manifest.ts';
import { findWorkspaces, type PackageManager } from '../package/workspaces.ts';

/** A folder of a pnpm or yarn workspace, as its package manager publishes it. */
export interface WorkspaceFolder {
  /** The manifest with `workspace:` and `catalog:` ranges resolved and publishConfig lifted. */
  manifest: Record<string, unknown>;
  /** The package.json text to pack in place of the file's; undefined when nothing changed. */
  manifestText: string | undefined;
  workspaceRoot: string;
  manager: PackageManager;
  warnings: string[];
}

/**
 * One package folder published alone (`package`, or the CLI's folder), as its
 * package manager publishes it. pnpm and yarn resolve `workspace:` and
 * `catalog:` ranges from the workspace whose root is above the folder (pnpm:
 * the nearest pnpm-workspace.yaml; yarn: the nearest package.json with
 * `workspaces`), and lift their publishConfig fields: so does this, as in
 * workspaces mode. npm has no `workspace:` protocol and no catalogs, and
 * `npm publish` would ship such a range unresolved: in an npm workspace, or
 * with no workspace root above the folder, a package that has one is refused,
 * naming the dependency. Undefined when there is nothing to change.
 */
export async function workspaceFolder(dir: string, manifest: Record<string, unknown>, inputName: string): Promise<WorkspaceFolder | undefined> {
  const protocol = firstProtocolRange(manifest);
  const root = await workspaceRootAbove(dir);
  if (root === undefined) {
    if (protocol === undefined) return undefined;
    throw new InputError(
      inputName,
      `${inputName}: ${String(manifest.name)} (${path.join(dir, 'package.json')}) has "${protocol.name}": "${protocol.spec}" in ${protocol.field}, and there is no pnpm or yarn workspace above ${dir} to resolve it from: it would reach the registry as written, and nobody could install it. Publish from the monorepo (with its pnpm-workspace.yaml or "workspaces"), or write a registry range such as ^1.2.3.`,
      { received: protocol.spec },
    );
  }
  const monorepo = await findWorkspaces(root, inputName);
  if (monorepo.manager === 'npm') {
    if (protocol === undefined) return undefined;
    throw new InputError(
      inputName,
      `${inputName}: ${String(manifest.name)} (${path.join(dir, 'package.json')}) has "${protocol.name}": "${protocol.spec}" in ${protocol.field}, but ${root} is an npm workspace, and npm has no ${protocol.spec.startsWith('catalog:') ? 'catalog: protocol' : 'workspace: protocol'}: npm publish would send it to the registry unresolved. Write the range npm should publish, such as ^1.2.3.`,
      { received: protocol.spec },
    );
  }
  const found = monorepo.packages.find((pkg) => pkg.dir === dir);
  const relativeDir = path.relative(root, dir).split(path.sep).join('/') || '.';
  const pkg = found ?? { name: String(manifest.name), version: String(manifest.version), dir, relativeDir, manifest, private: manifest.private === true };
  const published = publishManifest({ ...pkg, manifest }, monorepo, inputName);
  const rewritten = JSON.stringify(published.manifest) !== JSON.stringify(manifest);
  return {
    manifest: published.manifest,
    manifestText: rewritten ? `${JSON.stringify(published.manifest, null, 2)}\n` : undefined,
    workspaceRoot: root,
    manager: monorepo.manager,
    warnings: published.warnings,
  };
}

/** The first `workspace:` or `catalog:` range of a dependency field, in field order. */
function firstProtocolRange(manifest: Record<string, unknown>): { field: string; name: string; spec: string } | undefined {
  for (const field of DEPENDENCY_FIELDS) {
    const dependencies = manifest[field];
    if (typeof dependencies !== 'object' || dependencies === null) continue;
    for (const [name, spec] of Object.entries(dependencies as Record<string, unknown>)) {
      if (typeof spec === 'string' && (spec.includes('workspace:') || spec.startsWith('catalog:'))) return { field, name, spec };
    }
  }
  return undefined;
}

/** The nearest folder from `dir` up that holds pnpm-workspace.yaml or a package.json declaring `workspaces`. */
async function workspaceRootAbove(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (
      await stat(path.join(current, 'pnpm-workspace.yaml')).then(
        (info) => info.isFile(),
        () => false,
      )
    )
      return current;
    const text = await readFile(path.join(current, 'package.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { workspaces?: unknown } | null;
        if (data && typeof data === 'object' && data.workspaces !== undefined) return current;
      } catch {
        // A malformed package.json above the package is not its workspace root.
      }
    }
    if (path.dirname(current) === current) return undefined;
  }
}
