import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Parser, type ReadEntry } from 'tar';
import { InputError } from '../foundation/errors.ts';
import { checkManifest } from './read-package.ts';
import { readTarballManifest } from './read-tarball.ts';

/** A tarball ready to publish, with the manifest npm would publish from it. */
export interface Tarball {
  file: string;
  data: Buffer;
  /** `sha512-...`, as the registry records it in `dist.integrity`. */
  integrity: string;
  /** The package.json inside, normalised as `npm publish <tarball>` normalises it. */
  manifest: Record<string, unknown> & { name: string; version: string };
}

/**
 * Reads a `.tgz` once, into memory, and its manifest from that memory (never
 * unpacking it to disk), normalised as `npm publish <tarball>` does it and
 * checked like a package.json.
 */
export async function readTarball(file: string, inputName: string): Promise<Tarball> {
  const data = await readFile(file).catch((error: unknown) => {
    throw new InputError(inputName, `${inputName}: cannot read ${file} (${(error as Error).message}).`, { received: file, cause: error });
  });
  const manifest = await readTarballManifest(data).catch((error: unknown) => {
    throw new InputError(inputName, `${inputName}: ${file} is not a package tarball npm can read (${(error as Error).message}).`, {
      received: file,
      cause: error,
    });
  });
  const checked = checkManifest(manifest, file, inputName);
  return { file, data, integrity: integrityOf(data), manifest: { ...manifest, name: checked.name, version: checked.version } };
}

/** Path -> sha256 of every file in a package tarball, for comparing contents across gzip builds. */
async function tarballEntries(data: Buffer): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        const hash = createHash('sha256');
        entry.on('data', (chunk: Buffer) => hash.update(chunk));
        entry.on('end', () => entries.set(`${entry.type}:${entry.path.replace(/^[^/]+\//, '')}`, hash.digest('hex')));
      },
    });
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.end(data);
  });
  return entries;
}

/** True when two tarballs hold the same files with the same bytes. */
export async function sameContents(a: Buffer, b: Buffer): Promise<boolean> {
  const [left, right] = await Promise.all([tarballEntries(a), tarballEntries(b)]);
  if (left.size !== right.size) return false;
  for (const [name, hash] of left) if (right.get(name) !== hash) return false;
  return true;
}

/** Subresource integrity of `data`, as npm computes `dist.integrity`. */
export function integrityOf(data: Buffer): string {
  return `sha512-${createHash('sha512').update(data).digest('base64')}`;
}

/** SHA-1 of `data` in hex, as npm computes `dist.shasum` (and the staging area lists a staged tarball). */
export function shasumOf(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}
