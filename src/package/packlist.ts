// The files `npm pack` puts in a tarball, decided as npm 11.21 decides them: a port of npm-packlist 10.0.4
// (ISC, GitHub Inc.; node_modules/npm/node_modules/npm-packlist/lib/index.js) on the same walker,
// ignore-walk (9.0.0 here, whose code is identical to the 8.0.0 npm 11.21 bundles).
//
// Why a port rather than the npm-packlist in node_modules: that one is 11.3, pulled in by pacote 22 (the
// npm 12 line), and it packs differently from npm 11.21: `files` entries are expanded with glob (so
// negations and patterns select other files), npm-shrinkwrap.json, bun.lock and .npm-extension.* are
// always left out, patch files named by patchedDependencies are dropped and a global ignore file is read.
// Both versions also want an Arborist tree (@npmcli/arborist: large, and not a dependency), of which they
// read only a folder, its normalised package.json, whether it is the project root, its workspaces and where
// each dependency named for bundling is installed: `PackTree` (pack-tree.ts) gives exactly that.
// Keep the code below line for line with npm-packlist 10.0.4; the comments marked "npm:" are its own.
import { lstatSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import ignoreWalk, { type StatJob, type StatResult, type WalkerOptions } from 'ignore-walk';
import { ProductError } from '../foundation/errors.ts';
import { compareEn } from './collate.ts';

/** What the walker needs to know about a package: the part of an Arborist node npm-packlist reads. */
export interface PackTree {
  /** The folder the package is read from. */
  path: string;
  /** Its package.json, normalised as Arborist reads it. */
  package: Record<string, unknown>;
  /** True for the package being packed, whose `bundleDependencies` decide which dependencies go in. */
  isProjectRoot: boolean;
  /** Workspace folders by name (project root only), when it declares workspaces that exist. */
  workspaces?: ReadonlyMap<string, string>;
  /** npm's `edge.to` for a dependency to bundle: undefined when it is not a dependency, is a dev or peer dependency, or is not installed. */
  bundled(name: string): Promise<BundledNode | undefined>;
}

/** An installed dependency: where it is linked (`path`) and the package behind it. */
export interface BundledNode {
  path: string;
  isLink: boolean;
  target: PackTree;
}

/** npm's `prefix` and workspace paths: they matter only when npm packs inside a workspace project. */
export interface PackListOptions {
  path?: string;
  prefix?: string;
  workspaces?: readonly string[];
}

// npm: symbols used to represent synthetic rule sets
const defaultRules = Symbol('npm-packlist.rules.default');
const strictRules = Symbol('npm-packlist.rules.strict');

// npm: There may be others, but :?|<> are handled by node-tar
const nameIsBadForWindows = (file: string) => /\*/.test(file);

// npm: these are the default rules that are applied to everything except for non-link bundled deps
const defaults = [
  '.npmignore',
  '.gitignore',
  '**/.git',
  '**/.svn',
  '**/.hg',
  '**/CVS',
  '**/.git/**',
  '**/.svn/**',
  '**/.hg/**',
  '**/CVS/**',
  '/.lock-wscript',
  '/.wafpickle-*',
  '/build/config.gypi',
  'npm-debug.log',
  '**/.npmrc',
  '.*.swp',
  '.DS_Store',
  '**/.DS_Store/**',
  '._*',
  '**/._*/**',
  '*.orig',
  '/archived-packages/**',
];

// npm: these are forcibly excluded
const strictDefaults = ['/.git'];

const normalizePath = (path: string) => path.split('\\').join('/');

function readOutOfTreeIgnoreFiles(root: string, rel: string, result: string[] = []): string[] {
  for (const file of ['.npmignore', '.gitignore']) {
    try {
      result.push(readFileSync(join(root, file), { encoding: 'utf8' }));
      // npm: prioritize the .npmignore and discard the .gitignore if one is present
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  if (!rel) return result;
  const firstRel = rel.split(sep, 1)[0] as string;
  const newRoot = join(root, firstRel);
  return readOutOfTreeIgnoreFiles(newRoot, relative(newRoot, join(root, rel)), result);
}

interface PackWalkerOptions extends WalkerOptions, PackListOptions {
  isPackage?: boolean;
  seen?: Set<PackTree>;
  requiredFiles?: string[];
}

class PackWalker extends ignoreWalk.Walker {
  declare isPackage: boolean;
  declare seen: Set<PackTree>;
  declare tree: PackTree;
  declare requiredFiles: string[];

  constructor(tree: PackTree, opts: PackWalkerOptions) {
    const options: PackWalkerOptions = {
      ...opts,
      includeEmpty: false,
      follow: false,
      path: resolve(opts.path || tree.path).replace(/\\/g, '/'),
      ignoreFiles: opts.ignoreFiles || [defaultRules, 'package.json', '.npmignore', '.gitignore', strictRules],
    };
    super(options);
    this.isPackage = !!options.isPackage;
    this.seen = options.seen || new Set();
    this.tree = tree;
    this.requiredFiles = options.requiredFiles || [];

    const additionalDefaults: string[] = [];
    if (options.prefix && options.workspaces) {
      const path = normalizePath(options.path as string);
      const prefix = normalizePath(options.prefix);
      const workspaces = options.workspaces.map((ws) => normalizePath(ws));
      if (path !== prefix && workspaces.includes(path)) {
        // npm: a workspace packed from its project: the ignore files of the folders from the project root
        // down to the workspace still apply
        additionalDefaults.push(...readOutOfTreeIgnoreFiles(options.prefix, relative(options.prefix, dirname(options.path as string))));
      } else if (path === prefix) {
        // npm: the project root packed with its workspaces: leave the workspaces out
        additionalDefaults.push(...workspaces.map((w) => normalizePath(relative(options.path as string, w))));
      }
    }
    this.injectRules(defaultRules, [...defaults, ...additionalDefaults]);
    if (!this.isPackage) {
      // npm: not a package: strict default rules, plus the files `files` requires in this folder
      this.injectRules(strictRules, [...strictDefaults, ...this.requiredFiles.map((file) => `!${file}`)]);
    }
  }

  // npm: package.json is read into both the package.json rules and the strict rules
  override addIgnoreFile(file: string, callback: () => void): void {
    if (file !== 'package.json' || !this.isPackage) return super.addIgnoreFile(file, callback);
    try {
      this.processPackage(callback);
    } catch (error) {
      this.emit('error', error);
    }
  }

  // npm: a package is done only once its bundled dependencies are gathered
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'done' || !this.isPackage) return super.emit(event, ...args);
    this.gatherBundles().then(
      () => super.emit('done', this.result),
      (error: unknown) => super.emit('error', error),
    );
    return true;
  }

  // npm: package.json `files` means no .npmignore or .gitignore; .npmignore means no .gitignore
  override filterEntries(): void {
    if (this.ignoreRules['package.json']) {
      this.ignoreRules['.npmignore'] = null;
      this.ignoreRules['.gitignore'] = null;
    } else if (this.ignoreRules['.npmignore']) {
      this.ignoreRules['.gitignore'] = null;
    }
    return super.filterEntries();
  }

  // npm: never include anything that isn't a file or directory
  override onstat(result: StatResult, callback: () => void): void {
    if (!result.st.isFile() && !result.st.isDirectory()) return callback();
    return super.onstat(result, callback);
  }

  override stat(job: StatJob, callback: () => void): void {
    if (nameIsBadForWindows(job.entry)) return callback();
    return super.stat(job, callback);
  }

  // npm: subfolders don't read package.json, except the workspaces of a project root. As written, `null` falls
  // back to the full list, so below a root with workspaces every folder holding a package.json reads it as an
  // ignore file (its JSON lines match nothing in practice), which also turns off that folder's .npmignore.
  override walkerOpt(entry: string, opts?: Partial<WalkerOptions>): PackWalkerOptions {
    let ignoreFiles: Array<string | symbol> | null = null;
    if (this.tree.workspaces) {
      const workspaceDirs = [...this.tree.workspaces.values()].map((dir) => dir.replace(/\\/g, '/'));
      const entryPath = join(this.path, entry).replace(/\\/g, '/');
      if (workspaceDirs.includes(entryPath)) {
        ignoreFiles = [defaultRules, 'package.json', '.npmignore', '.gitignore', strictRules];
      }
    } else {
      ignoreFiles = [defaultRules, '.npmignore', '.gitignore', strictRules];
    }
    return {
      ...super.walkerOpt(entry, opts),
      ignoreFiles,
      requiredFiles: this.requiredFiles
        .map((file) => (relative(file, entry) === '..' ? relative(entry, file).replace(/\\/g, '/') : false))
        .filter((file): file is string => Boolean(file)),
    };
  }

  override walker(entry: string, opts: Partial<WalkerOptions>, callback: () => void): void {
    new PackWalker(this.tree, this.walkerOpt(entry, opts)).on('done', callback).start();
  }

  // npm: extension, then basename, then path, for compressibility
  override sort(a: string, b: string): number {
    const exta = extname(a).toLowerCase();
    const extb = extname(b).toLowerCase();
    const basea = basename(a).toLowerCase();
    const baseb = basename(b).toLowerCase();
    return compareEn(exta, extb) || compareEn(basea, baseb) || compareEn(a, b);
  }

  injectRules(filename: string | symbol, rules: string[], callback: () => void = () => {}): void {
    this.onReadIgnoreFile(filename, `${rules.join('\n')}\n`, callback);
  }

  processPackage(callback: () => void): void {
    const { bin, browser, files, main } = this.tree.package;
    // npm: rules in these arrays are inverted since they are patterns we want to _not_ ignore
    const ignores: string[] = [];
    const strict = [
      ...strictDefaults,
      '!/package.json',
      '!/readme{,.*[^~$]}',
      '!/copying{,.*[^~$]}',
      '!/license{,.*[^~$]}',
      '!/licence{,.*[^~$]}',
      '/.git',
      '/node_modules',
      '.npmrc',
      '/package-lock.json',
      '/yarn.lock',
      '/pnpm-lock.yaml',
      '/bun.lockb',
    ];
    if (files) {
      for (const entry of iterate(files)) {
        if (typeof entry !== 'string') {
          throw new ProductError('EPACKFILES', `"files" in the package.json of ${this.path} must list strings; it holds ${JSON.stringify(entry)}.`, { received: entry });
        }
        let file = entry;
        if (file.startsWith('./')) file = file.slice(1);
        if (file.endsWith('/*')) file += '*';
        const inverse = `!${file}`;
        try {
          // npm: a file is strictly required; a folder is a default pattern with its contents; a pattern (lstat fails) is a default pattern
          const stat = lstatSync(join(this.path, file.replace(/^!+/, '')).replace(/\\/g, '/'));
          if (stat.isFile()) {
            strict.unshift(inverse);
            this.requiredFiles.push(file.startsWith('/') ? file.slice(1) : file);
          } else if (stat.isDirectory()) {
            ignores.push(inverse);
            ignores.push(`${inverse}/**`);
          }
        } catch {
          ignores.push(inverse);
        }
      }
      // npm: '*' excludes everything, then the inverted `files` rules include what they name
      this.injectRules('package.json', ['*', ...ignores]);
    }
    if (browser) strict.push(`!/${String(browser)}`);
    if (main) strict.push(`!/${String(main)}`);
    if (bin && typeof bin === 'object') {
      for (const key in bin) strict.push(`!/${String((bin as Record<string, unknown>)[key])}`);
    }
    this.injectRules(strictRules, strict, callback);
  }

  // npm: the root bundles its bundleDependencies; a bundled package bundles its dependencies and optionalDependencies
  async gatherBundles(): Promise<void> {
    if (this.seen.has(this.tree)) return;
    this.seen.add(this.tree);
    let toBundle: unknown[];
    if (this.tree.isProjectRoot) {
      const { bundleDependencies } = this.tree.package;
      toBundle = Array.isArray(bundleDependencies) ? bundleDependencies : [];
    } else {
      const { dependencies, optionalDependencies } = this.tree.package;
      toBundle = Object.keys(Object(dependencies || {})).concat(Object.keys(Object(optionalDependencies || {})));
    }
    for (const dep of toBundle) {
      if (typeof dep !== 'string') continue;
      const node = await this.tree.bundled(dep);
      if (!node) continue;
      // npm: only links obey defaultRules, .npmignore and .gitignore; every bundled package obeys its package.json and the strict rules
      const ignoreFiles: Array<string | symbol> = [];
      if (node.isLink) ignoreFiles.push(defaultRules);
      ignoreFiles.push('package.json');
      if (node.isLink) ignoreFiles.push('.npmignore', '.gitignore');
      ignoreFiles.push(strictRules);
      const walker = new PackWalker(node.target, { path: node.path, isPackage: true, ignoreFiles, seen: this.seen });
      const bundled = await new Promise<Iterable<string>>((done, fail) => {
        walker.on('error', fail);
        walker.on('done', done);
        walker.start();
      });
      const relativeFrom = relative(this.root, walker.path);
      for (const file of bundled) this.result.add(join(relativeFrom, file).replace(/\\/g, '/'));
    }
  }
}

/** What `for (... of files)` walks in npm-packlist: an array, or the characters of a string; anything else is not iterable. */
function iterate(files: unknown): Iterable<unknown> {
  if (Array.isArray(files) || typeof files === 'string') return files;
  throw new ProductError('EPACKFILES', `"files" in package.json must be an array of paths; it is ${JSON.stringify(files)}.`, { received: files });
}

/**
 * The files of `tree` that `npm pack` would put in its tarball (paths relative to the package folder,
 * in npm's order), bundled dependencies included. Reads the disk; runs nothing.
 */
export function packList(tree: PackTree, options: PackListOptions = {}): Promise<string[]> {
  return new Promise((done, fail) => {
    new PackWalker(tree, { ...options, isPackage: true })
      .on('done', done)
      .on('error', fail)
      .start();
  });
}
