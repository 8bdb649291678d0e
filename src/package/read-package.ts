import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import npa from 'npm-package-arg';
import semver from 'semver';
import { InputError } from '../core/errors.ts';

/** What the `package` input points at, resolved and checked. */
export type PackageSource =
  | { kind: 'folder'; dir: string; manifest: PackageManifest }
  | { kind: 'tarball'; file: string };

/** The fields of package.json this product reads before packing. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  scripts?: Record<string, string>;
  publishConfig?: Record<string, unknown>;
}

/**
 * Resolves the `package` input: a folder, a `package.json` path or a `.tgz`,
 * relative to `cwd`. A folder's package.json is read and checked here, before
 * any script runs or any request is sent.
 */
export async function readPackageSource(spec: string, cwd: string, inputName: string): Promise<PackageSource> {
  const target = path.resolve(cwd, spec);
  const info = await stat(target).catch(() => undefined);
  if (!info) {
    throw new InputError(inputName, `${inputName}: "${spec}" does not exist (looked for ${target}). Give a package folder, its package.json, or a .tgz made by npm pack.`, { received: spec });
  }
  if (info.isFile() && /\.t(ar\.)?gz$/i.test(target)) return { kind: 'tarball', file: target };
  const dir = info.isDirectory() ? target : path.basename(target) === 'package.json' ? path.dirname(target) : undefined;
  if (dir === undefined) {
    throw new InputError(inputName, `${inputName}: "${spec}" is neither a folder, a package.json nor a .tgz file.`, { received: spec });
  }
  return { kind: 'folder', dir, manifest: await readManifest(dir, inputName) };
}

async function readManifest(dir: string, inputName: string): Promise<PackageManifest> {
  const file = path.join(dir, 'package.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new InputError(inputName, `${inputName}: there is no package.json in ${dir}.`, { received: dir });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(inputName, `${inputName}: ${file} is not valid JSON (${(error as Error).message}).`, { received: file });
  }
  return checkManifest(data, file, inputName);
}

/** Checks name, version and `private` as npm publish would, with messages naming the file. */
export function checkManifest(data: unknown, where: string, inputName: string): PackageManifest {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(inputName, `${inputName}: ${where} must hold a JSON object.`, { received: where });
  }
  const manifest = data as Record<string, unknown>;
  const { name, version } = manifest;
  if (typeof name !== 'string' || name === '') {
    throw new InputError(inputName, `${inputName}: ${where} has no "name".`, { received: name });
  }
  try {
    const parsed = npa(name);
    if (!parsed.registry || parsed.name !== name) throw new Error('not a registry package name');
  } catch {
    throw new InputError(inputName, `${inputName}: "${name}" in ${where} is not a valid npm package name.`, { received: name });
  }
  if (typeof version !== 'string' || semver.valid(version) === null) {
    throw new InputError(inputName, `${inputName}: version ${JSON.stringify(version)} in ${where} is not a valid semver version (for example 1.2.3).`, { received: version });
  }
  if (manifest.private === true) {
    throw new InputError(inputName, `${inputName}: ${name} is marked "private": true in ${where}; npm refuses to publish it. Remove "private" to publish.`, { received: name });
  }
  return manifest as unknown as PackageManifest;
}
