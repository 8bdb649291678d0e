import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { InputError } from '../foundation/errors.ts';
import { isRecord } from '../foundation/is-record.ts';
import { isRegistryName } from './registry-name.ts';

const EXPECTED = 'Give a package folder, its package.json, or a .tgz made by npm pack';

/** What the `package` input points at, resolved and checked. */
export type PackageSource = { kind: 'folder'; dir: string; manifest: PackageManifest } | { kind: 'tarball'; file: string };

/** The fields of package.json this product reads before packing. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: unknown;
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
    throw new InputError(inputName, `${inputName}: "${spec}" does not exist (looked for ${target}). ${EXPECTED}.`, { received: spec });
  }
  if (info.isFile() && /\.t(ar\.)?gz$/i.test(target)) return { kind: 'tarball', file: target };
  const dir = info.isDirectory() ? target : path.basename(target) === 'package.json' ? path.dirname(target) : undefined;
  if (dir === undefined) {
    throw new InputError(inputName, `${inputName}: "${spec}" is neither a folder, a package.json nor a .tgz file. ${EXPECTED}.`, { received: spec });
  }
  return { kind: 'folder', dir, manifest: await readManifest(dir, inputName) };
}

async function readManifest(dir: string, inputName: string): Promise<PackageManifest> {
  const file = path.join(dir, 'package.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new InputError(inputName, `${inputName}: there is no package.json in ${dir}. ${EXPECTED}.`, { received: dir });
  }
  return checkManifest(parseManifest(text, file, inputName), file, inputName);
}

/** The JSON object in the text of the package.json `file` (a byte order mark allowed, as npm reads it); refused otherwise. */
export function parseManifest(text: string, file: string, inputName: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(
      inputName,
      `${inputName}: ${file} is not valid JSON (${(error as Error).message}). Fix its syntax: double-quoted names and strings, no comments, no trailing commas.`,
      { received: file },
    );
  }
  if (!isRecord(data)) throw notAnObject(file, inputName);
  return data;
}

function notAnObject(where: string, inputName: string): InputError {
  return new InputError(inputName, `${inputName}: ${where} does not hold a JSON object. A package.json is an object with at least "name" and "version".`, {
    received: where,
  });
}

/** Checks name and version as npm publish would, with messages naming the file; the version comes back as npm publishes it. */
export function checkManifest(data: unknown, where: string, inputName: string): PackageManifest {
  if (!isRecord(data)) throw notAnObject(where, inputName);
  const { name, version } = data;
  if (typeof name !== 'string' || name === '') {
    throw new InputError(inputName, `${inputName}: ${where} has no "name". Give the package a name, such as "my-package" or "@scope/my-package".`, {
      received: name,
    });
  }
  if (!isRegistryName(name)) {
    throw new InputError(
      inputName,
      `${inputName}: "${name}" in ${where} is not a valid npm package name. Use lower case, URL-safe characters, optionally under a scope (@scope/name).`,
      { received: name },
    );
  }
  // libnpmpublish publishes semver.clean(version) ("v1.2.3" and "1.2.3+build" become 1.2.3): use that version everywhere.
  const clean = typeof version === 'string' ? semver.clean(version) : null;
  if (clean === null) {
    throw new InputError(
      inputName,
      `${inputName}: version ${JSON.stringify(version)} in ${where} is not a semver version. Use major.minor.patch, such as 1.2.3 or 2.0.0-beta.1.`,
      { received: version },
    );
  }
  return { ...data, version: clean } as unknown as PackageManifest;
}
