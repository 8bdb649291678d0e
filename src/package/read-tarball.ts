// npm's own prepare steps read the manifest; the tarball is read in memory, and only what those steps look at
// goes to disk (pacote unpacks it all: 0.5-0.8 s for typescript).
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PackageJson from '@npmcli/package-json';
import { Parser, type ReadEntry } from 'tar';
import { ProductError } from '../foundation/errors.ts';
import { isRecord } from '../foundation/is-record.ts';

/**
 * npm 11.21's `prepareSteps` (@npmcli/package-json 7) as @npmcli/package-json 8 runs them, less three: gitHead
 * (pacote reads whatever git repository holds its cache folder), binRefs (warnings only) and "overrides" (npm 12's).
 * gypfile runs first, then npm 11's serverjs (package-json 8 dropped it), as in package-json 7.
 */
const STEPS = PackageJson.prepareSteps.filter((step) => !['gitHead', 'binRefs', 'overrides', 'gypfile'].includes(step));

/**
 * The manifest `npm publish <file.tgz>` (npm 11.21) publishes from a tarball.
 *
 * npm reads it with `pacote.manifest(spec, {fullMetadata: true, fullReadJson: true})`: pacote unpacks the
 * whole tarball into a temporary folder (tar.x, first folder stripped, regular files only) and reads it with
 * @npmcli/package-json's `prepare` steps. Here one pass over the gzipped bytes in memory finds the files, and
 * only what those steps look at is written to a temporary folder (writeSkeleton), where the same steps read it.
 * Left out: the `_` fields pacote adds (`_id`, `_resolved`, `_integrity`, `_from`), which libnpmpublish sets itself.
 */
export async function readTarballManifest(data: Buffer): Promise<Record<string, unknown>> {
  const unpacked = await unpackInMemory(data);
  const json = unpacked.contents.get('package.json');
  if (json === undefined) {
    throw new ProductError(
      'ETARBALL',
      'The tarball holds no package.json in its top folder (package/package.json): it is not a package tarball made by npm pack.',
    );
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-tarball-'));
  // A folder below the temporary one: a "main" reaching above its package finds nothing there.
  const dir = path.join(tmp, 'package');
  try {
    await mkdir(dir);
    const pkg = new PackageJson().create(dir);
    try {
      pkg.fromJSON(json.toString('utf8'));
      if (!isRecord(pkg.content)) throw new Error('it does not hold a JSON object');
      await writeSkeleton(dir, unpacked, pkg.content);
      await pkg.normalize({ steps: ['gypfile'] });
      // npm 11's serverjs step; npm's sloppy-mode code sets nothing on a "scripts" that is not an object.
      const scripts = (pkg.content.scripts || {}) as Record<string, unknown>;
      if (
        !scripts.start &&
        (await access(path.join(dir, 'server.js')).then(
          () => true,
          () => false,
        ))
      ) {
        if (typeof scripts === 'object') scripts.start = 'node server.js';
        pkg.content.scripts = scripts;
      }
      await pkg.normalize({ steps: STEPS });
    } catch (error) {
      throw new ProductError('ETARBALL', `npm cannot read the package.json in the tarball: ${(error as Error).message}`, { cause: error });
    }
    return Object.fromEntries(Object.entries(pkg.content).filter(([key]) => !key.startsWith('_')));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** What pacote's extraction would leave in its temporary folder, without the bytes of most files. */
interface Unpacked {
  /** Files and the folders holding them, by path below the top folder, folders first, in tarball order. */
  paths: Map<string, 'file' | 'dir'>;
  /** The bytes of package.json, AUTHORS and README* at the top. */
  contents: Map<string, Buffer>;
}

const KEPT = /^(package\.json|AUTHORS|readme(\..*)?)$/i;

/**
 * What the file steps look at, written below `dir`: the names at the top (gypfile, serverjs, authors, readme:
 * package.json, AUTHORS and README with their bytes, the rest empty), the .d.ts file next to "main" (fillTypes),
 * and every file when `directories` names a man or bin folder (mans, binDir).
 */
async function writeSkeleton(dir: string, unpacked: Unpacked, manifest: Record<string, unknown>): Promise<void> {
  const { directories } = manifest;
  const all = isRecord(directories) && Boolean(directories.man || directories.bin);
  const main = manifest.main || 'index.js';
  const extless = typeof main === 'string' ? path.posix.join(path.posix.dirname(main), path.posix.basename(main, path.posix.extname(main))) : undefined;
  const types = extless === undefined ? undefined : path.posix.normalize(`./${extless}.d.ts`);
  for (const [key, kind] of unpacked.paths) {
    if (!(all || !key.includes('/') || key === types)) continue;
    const file = path.join(dir, key);
    // Best effort, as tar.x: a name this file system refuses is not there for the steps to see.
    if (kind === 'dir') await mkdir(file, { recursive: true }).catch(() => undefined);
    else
      await mkdir(path.dirname(file), { recursive: true })
        .then(() => writeFile(file, unpacked.contents.get(key) ?? ''))
        .catch(() => undefined);
  }
}

/** Bytes given to the parser at a time: gunzipping a whole large tarball at once would block the event loop (about 0.2 s for typescript). */
const SLICE = 64 * 1024;

async function unpackInMemory(data: Buffer): Promise<Unpacked> {
  const paths = new Map<string, 'file' | 'dir'>();
  const contents = new Map<string, Buffer>();
  let failed = false;
  await new Promise<void>((resolve, reject) => {
    const fail = (message: string, cause?: unknown) => {
      failed = true;
      reject(new ProductError('ETARBALL', `The tarball cannot be read: ${message}. Give a .tgz made by npm pack.`, { cause }));
    };
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        const key = /File$/.test(entry.type) ? unpackedPath(entry.path) : undefined;
        if (key === undefined || paths.get(key) === 'dir') return entry.resume();
        const parts = key.split('/');
        for (let i = 1; i < parts.length; i++) {
          const dir = parts.slice(0, i).join('/');
          if (!paths.has(dir)) paths.set(dir, 'dir');
        }
        paths.set(key, 'file');
        if (!KEPT.test(key)) return entry.resume();
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => contents.set(key, Buffer.concat(chunks)));
      },
    });
    parser.on('warn', (code: string, message: string | Error) => {
      if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ABORT') fail(String(message instanceof Error ? message.message : message));
    });
    parser.on('error', (error: Error) => fail(error.message, error));
    parser.on('end', () => resolve());
    void (async () => {
      for (let offset = 0; offset < data.length && !failed; offset += SLICE) {
        parser.write(data.subarray(offset, offset + SLICE));
        await new Promise((next) => setImmediate(next));
      }
      if (!failed) parser.end();
    })();
  });
  return { paths, contents };
}

/** Where tar.x with `strip: 1` puts an entry, relative to the folder: undefined for what it skips. */
function unpackedPath(entryPath: string): string | undefined {
  const parts = entryPath.split('/').slice(1);
  if (parts.includes('..')) return undefined;
  const key = path.posix.normalize(parts.join('/').replace(/^\/+/, '')).replace(/\/+$/, '');
  return key === '' || key === '.' ? undefined : key;
}
