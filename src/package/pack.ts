import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Header, Pack, ReadEntry, type WriteEntry, WriteEntryTar } from 'tar';
import { ProductError } from '../foundation/errors.ts';
import { projectTree, readPackManifest } from './pack-tree.ts';
import { packList } from './packlist.ts';
import { integrityOf, shasumOf } from './tarball.ts';

/** A package tarball made in memory, byte for byte what `npm pack` makes. */
export interface PackedTarball {
  /** The gzipped tarball. */
  data: Buffer;
  /** `sha512-<base64>`, as the registry records it in `dist.integrity`. */
  integrity: string;
  /** SHA-1 in hex, as the registry records it in `dist.shasum`. */
  shasum: string;
  /** Every entry, in tarball order, with its path inside `package/` and its size in bytes (0 for a hard link). */
  files: Array<{ path: string; size: number }>;
}

export interface PackOptions {
  /**
   * The text to publish as package.json, in place of the file's bytes; the tarball is then the one
   * `npm pack` makes when package.json holds this text (its `files`, `bin`, `bundleDependencies`... decide).
   * The checkout is never modified. Default: the file as it is.
   */
  manifestText?: string;
  /**
   * The workspace project npm packs in (npm's `prefix`), with `workspaces`. Default: none, as `npm pack <dir>`.
   * npm has one when run with `--workspace`/`--workspaces`, or inside a workspace folder of a project.
   */
  workspaceRoot?: string;
  /**
   * The workspace folders npm was asked to pack (npm's `workspacePaths`). Packing `workspaceRoot` itself then
   * leaves these folders out (`--workspaces --include-workspace-root`); packing one of them applies the
   * .npmignore (or else .gitignore) of each folder from `workspaceRoot` down to it. Default: none.
   */
  workspaces?: readonly string[];
  /**
   * Whose packing rules apply to a package of the workspace at `workspaceRoot`. `pnpm` (pnpm 11's pack.ts and
   * @pnpm/fs.packlist): the ignore files of the folders from the root down apply only when the package has no
   * .npmignore of its own, and a package whose files hold no licence (`LICEN[CS]E` or `LICEN[CS]E.*`, any case,
   * in any folder) gets the root's regular files named `LICEN{S,C}E{,.*}` at its top. Default: npm's.
   */
  manager?: 'npm' | 'yarn' | 'pnpm';
}

/** Pack options for a package folder as its publish source describes it: npm's workspace rules, or pnpm's in a pnpm workspace. */
export function sourcePackOptions(source: {
  dir: string;
  manifestText?: string | undefined;
  workspaceRoot?: string | undefined;
  manager?: 'npm' | 'yarn' | 'pnpm' | undefined;
}): PackOptions {
  return {
    ...(source.manifestText === undefined ? {} : { manifestText: source.manifestText }),
    ...(source.workspaceRoot === undefined ? {} : { workspaceRoot: source.workspaceRoot, workspaces: [source.dir] }),
    ...(source.manager === undefined ? {} : { manager: source.manager }),
  };
}

/** pnpm's test for a licence among the packed files (pack.ts), on each file's base name. */
const LICENSE_FILE = /^LICEN[CS]E(?:\..+)?$/i;
/** pnpm's LICENSE_GLOB, `LICEN{S,C}E{,.*}`, over the names at the workspace root (case-sensitive, as tinyglobby). */
const ROOT_LICENSE = /^LICEN[SC]E(?:\..*)?$/;

/** Pacote's tarCreateOptions: 1985-10-26T08:15:00Z, "for the benefit of zip, which is confounded by files dated at the Unix epoch". */
const MTIME = new Date('1985-10-26T08:15:00.000Z');

/**
 * Packs `dir` as `npm pack` (npm 11.21) does, without running any script: the caller runs prepack,
 * prepare and postpack itself. Same file selection (npm-packlist 10), same tar options as pacote's
 * DirFetcher (prefix `package/`, portable headers, fixed mtime, bins made executable, gzip level 9),
 * so the same bytes.
 */
export async function packDirectory(dir: string, options: PackOptions = {}): Promise<PackedTarball> {
  const root = path.resolve(dir);
  const manifestStat = await lstat(path.join(root, 'package.json')).catch(() => undefined);
  if (!manifestStat?.isFile()) {
    const problem = manifestStat ? 'is not a regular file (npm would leave it out of the tarball)' : 'does not exist';
    throw new ProductError('EPACK', `${path.join(root, 'package.json')} ${problem}; npm packs a folder holding its package.json.`, { received: root });
  }
  const manifest = await readPackManifest(root, options.manifestText);
  if (!manifest.name || !manifest.version) {
    throw new ProductError('EPACK', `The package.json of ${root} needs a "name" and a "version" to be packed.`, { received: root });
  }
  const tree = await projectTree(root, manifest);
  const workspaceRoot = options.workspaceRoot === undefined ? undefined : path.resolve(options.workspaceRoot);
  const pnpm = options.manager === 'pnpm' && workspaceRoot !== undefined && workspaceRoot !== root;
  // @pnpm/fs.packlist gives npm-packlist the workspace only when the package has no .npmignore of its own.
  const ownNpmignore =
    pnpm &&
    (await lstat(path.join(root, '.npmignore')).then(
      (info) => info.isFile(),
      () => false,
    ));
  const files = await packList(tree, {
    path: root,
    prefix: ownNpmignore ? undefined : workspaceRoot,
    workspaces: ownNpmignore ? undefined : options.workspaces?.map((workspace) => path.resolve(workspace)),
  });
  const licenses = pnpm && !files.some((file) => LICENSE_FILE.test(path.posix.basename(file))) ? await rootLicenses(workspaceRoot) : [];
  const entries: PackedTarball['files'] = [];
  const pack = new Pack({
    cwd: root,
    prefix: 'package/',
    portable: true,
    gzip: { level: 9 },
    mtime: MTIME,
    // Not a pacote option, and the bytes do not change (deflate output does not depend on how its input is
    // split): tar reads 16 MiB at a time by default, and gzip level 9 of one such read blocks the event loop for
    // about 0.5 s (typescript's 9 MB file); 256 KiB reads keep every block under about 30 ms at the same speed.
    maxReadSize: 256 * 1024,
    // Pacote's filter: bins are made executable. Its path test drops the first folder of the path (it expects
    // `package/`): for {"bin": "bin/cli.js"} npm 11.21 marks `x/bin/cli.js`, not `bin/cli.js`; for {"bin": "cli.js"},
    // `cli.js` and `lib/cli.js`. Installers make bins executable anyway.
    filter: (file, stat) => {
      if (isPackageBin(manifest, file)) stat.mode = (stat.mode ?? 0) | 0o111;
      return true;
    },
    onWriteEntry: (entry: WriteEntry | WriteEntryTar) => {
      entries.push({ path: entry.path.replace(/^\.\//, ''), size: (entry instanceof WriteEntryTar ? entry.size : entry.stat?.size) ?? 0 });
    },
  });
  const data = pack.concat();
  for (const file of files) {
    pack.add(file === 'package.json' && options.manifestText !== undefined ? manifestEntry(options.manifestText, manifestStat.mode) : file);
  }
  for (const license of licenses) pack.add(fileEntry(license.name, license.data, license.mode));
  pack.end();
  const tarball = await data.catch((error: unknown) => {
    throw new ProductError('EPACK', `Could not pack ${root}: ${(error as Error).message}`, { received: root, cause: error });
  });
  return {
    data: tarball,
    integrity: integrityOf(tarball),
    shasum: shasumOf(tarball),
    files: entries,
  };
}

/** package.json as an in-memory tar entry: tar writes it with the header a file on disk with these bytes and mode would get. */
function manifestEntry(text: string, mode: number): ReadEntry {
  return fileEntry('package.json', Buffer.from(text, 'utf8'), mode);
}

function fileEntry(name: string, body: Buffer, mode: number): ReadEntry {
  const entry = new ReadEntry(new Header({ path: name, type: 'File', mode: mode & 0o7777, size: body.length, mtime: MTIME }));
  entry.end(body);
  return entry;
}

/** The workspace root's licence files pnpm adds to a package without one: regular files only (a link could point anywhere), in name order. */
async function rootLicenses(root: string): Promise<Array<{ name: string; data: Buffer; mode: number }>> {
  const names = (await readdir(root).catch(() => [] as string[])).filter((name) => ROOT_LICENSE.test(name)).sort();
  const found: Array<{ name: string; data: Buffer; mode: number }> = [];
  for (const name of names) {
    const file = path.join(root, name);
    const info = await lstat(file);
    if (info.isFile()) found.push({ name, data: await readFile(file), mode: info.mode });
  }
  return found;
}

/** Pacote's is-package-bin.js, quirk included. */
function isPackageBin(manifest: Record<string, unknown>, file: string): boolean {
  const { bin, name } = manifest;
  if (!bin) return false;
  const bins = typeof bin === 'string' ? { [String(name)]: bin } : (bin as Record<string, unknown>);
  const relative = file.replace(/^[^\\/]*\//, '');
  return Object.values(bins).some((target) => target === relative);
}
