import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A monorepo on disk: the root and each package folder's package.json (and files). */
export interface MonorepoSpec {
  root: Record<string, unknown>;
  /** Files at the root besides package.json (pnpm-workspace.yaml, .npmrc...). */
  rootFiles?: Record<string, string>;
  /** Folder (relative to the root) -> manifest; each gets an index.js. */
  packages: Record<string, Record<string, unknown>>;
}

/** Writes `spec` into a new temporary folder; `cleanup` removes it. */
export async function makeMonorepo(spec: MonorepoSpec): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-monorepo-'));
  await writeFile(path.join(root, 'package.json'), `${JSON.stringify(spec.root, null, 2)}\n`);
  for (const [name, text] of Object.entries(spec.rootFiles ?? {})) await writeFile(path.join(root, name), text);
  for (const [folder, manifest] of Object.entries(spec.packages)) {
    const dir = path.join(root, folder);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(dir, 'index.js'), `module.exports = ${JSON.stringify(String(manifest.name))};\n`);
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/**
 * An npm-workspaces monorepo of 9 packages under a scope: a chain (ws-a <- ws-b <- ws-c), a fan-out (ws-a <- ws-d,
 * ws-e), a peer dependency (ws-f peers on ws-a), a private package (ws-private) that a public one (ws-g) depends on,
 * and a cycle (ws-x <-> ws-y).
 */
export function npmMonorepo(prefix: string, version = '1.0.0'): MonorepoSpec {
  const name = (short: string) => `@${prefix}/${short}`;
  const dep = (...names: string[]) => Object.fromEntries(names.map((short) => [name(short), `^${version}`]));
  return {
    root: { name: `${prefix}-root`, version: '0.0.0', private: true, workspaces: ['packages/*'] },
    packages: {
      'packages/a': { name: name('a'), version, publishConfig: { access: 'public' } },
      'packages/b': { name: name('b'), version, dependencies: dep('a'), publishConfig: { access: 'public' } },
      'packages/c': { name: name('c'), version, dependencies: dep('b'), publishConfig: { access: 'public' } },
      'packages/d': { name: name('d'), version, dependencies: dep('a'), publishConfig: { access: 'public' } },
      'packages/e': { name: name('e'), version, optionalDependencies: dep('a'), publishConfig: { access: 'public' } },
      'packages/f': { name: name('f'), version, peerDependencies: dep('a'), devDependencies: dep('c'), publishConfig: { access: 'public' } },
      'packages/private': { name: name('private'), version, private: true },
      'packages/g': { name: name('g'), version, dependencies: dep('private'), publishConfig: { access: 'public' } },
      'packages/x': { name: name('x'), version, dependencies: dep('y'), publishConfig: { access: 'public' } },
      'packages/y': { name: name('y'), version, dependencies: dep('x'), publishConfig: { access: 'public' } },
    },
  };
}
