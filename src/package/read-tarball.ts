import path from 'node:path';
import { Parser, type ReadEntry } from 'tar';
import { ProductError } from '../foundation/errors.ts';
import PackageJson from '@npmcli/package-json';

/**
 * The manifest `npm publish <file.tgz>` (npm 11.21) publishes from a tarball, read in memory.
 *
 * npm reads it with `pacote.manifest(spec, {fullMetadata: true, fullReadJson: true})`: pacote unpacks the
 * whole tarball into a temporary folder (tar.x, first folder stripped, regular files only) and reads it with
 * @npmcli/package-json's `prepare` steps. Here one pass over the gzipped bytes records the paths it would
 * unpack and keeps only package.json, AUTHORS and README files; the steps that look at files (gypfile,
 * serverjs, authors, readme, mans, binDir, fillTypes) run on those records, and @npmcli/package-json runs the
 * others. (serverjs, which sets scripts.start to "node server.js", is npm 11's: npm 12 dropped it.) Left out: `gitHead`, which pacote takes from whatever git repository holds its cache folder, and
 * the `_` fields pacote adds (`_id`, `_resolved`, `_integrity`, `_from`), which libnpmpublish sets itself.
 * When several README files qualify equally, npm takes the first its file system lists; this takes the first
 * in the tarball.
 */
export async function readTarballManifest(data: Buffer): Promise<Record<string, unknown>> {
  const unpacked = await unpackInMemory(data);
  const json = unpacked.contents.get('package.json');
  if (json === undefined) {
    throw new ProductError('ETARBALL', 'The tarball holds no package.json in its top folder (package/package.json): it is not a package tarball made by npm pack.');
  }
  let manifest: Record<string, unknown>;
  try {
    const pkg = new PackageJson().fromJSON(json.toString('utf8'));
    if (typeof pkg.content !== 'object' || pkg.content === null || Array.isArray(pkg.content)) throw new Error('it does not hold a JSON object');
    const binExpanded = fileSteps(pkg.content, unpacked);
    const steps = ['_id', '_attributes', 'bundledDependencies', 'bundleDependencies', 'bundleDependenciesDeleteFalse', 'scriptpath', 'mans', 'normalizeData'];
    // npm normalises bins unless it has just listed them from directories.bin.
    manifest = (await pkg.normalize({ steps: binExpanded ? steps : [...steps, 'bin'] })).content;
  } catch (error) {
    if (error instanceof ProductError) throw error;
    throw new ProductError('ETARBALL', `npm cannot read the package.json in the tarball: ${(error as Error).message}`, { cause: error });
  }
  return Object.fromEntries(Object.entries(manifest).filter(([key]) => !key.startsWith('_')));
}

/** What pacote's extraction would leave in its temporary folder, without the bytes of most files. */
interface Unpacked {
  /** Files and the folders holding them, by path below the top folder, folders first, in tarball order. */
  paths: Map<string, 'file' | 'dir'>;
  /** The bytes of package.json, AUTHORS and README* at the top. */
  contents: Map<string, Buffer>;
}

const KEPT = /^(package\.json|AUTHORS|readme(\..*)?)$/i;

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

/** @npmcli/package-json 7's secureAndUnixifyPath. */
function secureAndUnixifyPath(ref: string): string {
  const unixify = (value: string) => value.replace(/\\|:/g, '/');
  const secured = unixify(path.join('.', path.join('/', unixify(ref))));
  return secured.startsWith('./') ? '' : secured;
}

/** Everything below `base` ('' for the top), relative to it, that glob would list with dot: false. */
function below(unpacked: Unpacked, base: string): string[] {
  const prefix = base === '' ? '' : `${base}/`;
  return [...unpacked.paths.keys()]
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .filter((rel) => rel !== '' && !rel.split('/').some((part) => part.startsWith('.')));
}

/**
 * The prepare steps of @npmcli/package-json 7 (npm 11.21) that read files, in its order, on the unpacked
 * records. Returns true when `bin` was listed from `directories.bin` (npm then leaves it as listed).
 */
function fileSteps(data: Record<string, unknown>, unpacked: Unpacked): boolean {
  const exists = (key: string) => unpacked.paths.has(key);
  const top = [...unpacked.paths].filter(([key]) => !key.includes('/'));
  const scripts = (data.scripts || {}) as Record<string, unknown>;
  const setScript = (name: string, value: string) => {
    if (typeof scripts === 'object') scripts[name] = value; // a string "scripts" ignores the assignment, as in npm's sloppy-mode code
  };

  if (!scripts.install && !scripts.preinstall && data.gypfile !== false && top.some(([name]) => name.endsWith('.gyp') && !name.startsWith('.'))) {
    setScript('install', 'node-gyp rebuild');
    data.scripts = scripts;
    data.gypfile = true;
  }
  if (!scripts.start && exists('server.js')) {
    setScript('start', 'node server.js');
    data.scripts = scripts;
  }
  const authors = unpacked.contents.get('AUTHORS');
  if (!data.contributors && authors !== undefined && unpacked.paths.get('AUTHORS') === 'file') {
    data.contributors = authors
      .toString('utf8')
      .split(/\r?\n/g)
      .map((line) => line.replace(/^\s*#.*$/, '').trim())
      .filter((line) => line);
  }
  if (!data.readme) {
    let readmeFile: string | undefined;
    for (const [name, kind] of top) {
      if (kind !== 'file' || !/^readme(\..*)?$/i.test(name)) continue;
      if (/\.m?a?r?k?d?o?w?n?$/i.test(name)) {
        readmeFile = name;
        break;
      }
      if (name.endsWith('README')) readmeFile = name;
    }
    if (readmeFile !== undefined) {
      data.readme = unpacked.contents.get(readmeFile)?.toString('utf8') ?? '';
      data.readmeFilename = readmeFile;
    }
    if (!data.readme) data.readme = 'ERROR: No README data found!';
  }
  const directories = data.directories as Record<string, unknown> | null | undefined;
  if (directories?.man && !data.man) {
    const manDir = secureAndUnixifyPath(directories.man as string);
    data.man = below(unpacked, manDir)
      .filter((rel) => /\.[0-9]$/.test(rel.slice(rel.lastIndexOf('/') + 1)))
      .map((rel) => path.posix.join(manDir, rel));
  }
  let binExpanded = false;
  if (directories?.bin && !data.bin) {
    const binPath = secureAndUnixifyPath(directories.bin as string);
    const bins: Record<string, string> = {};
    for (const binFile of below(unpacked, binPath)) bins[path.basename(binFile)] = `${binPath}/${secureAndUnixifyPath(binFile)}`;
    data.bin = bins;
    binExpanded = true;
  }
  const index = data.main || 'index.js';
  if (typeof index !== 'string') throw new TypeError('The "main" attribute must be of type string.');
  const extless = path.join(path.dirname(index), path.basename(index, path.extname(index)));
  const dts = `./${extless}.d.ts`;
  if (!('types' in data || 'typings' in data) && exists(path.posix.normalize(dts.split(path.sep).join('/')))) {
    data.types = dts.split(path.sep).join('/');
  }
  return binExpanded;
}
