/**
 * The product as users get it, and the only way tests run it.
 *
 * - The action as `uses:` checks it out: `action.yml` and `dist/` copied to a folder
 *   under the temporary directory, with no `node_modules` in it or above it, so that a
 *   bundle reaching for a module outside `dist/` fails here as it fails for users
 *   (inside the repository, Node would find the project's own `node_modules`).
 * - The CLI as an install gives it: `npm pack` of the project, installed offline with
 *   `--ignore-scripts` into an empty prefix (`npm install --global --prefix`), run through
 *   the bin link npm made. The tarball stays beside it (`tarball`, `packed`): the tests of
 *   installing the CLI other ways install that one rather than pack the repository again.
 *
 * `npm test` (scripts/test.js) lays the product out once for the whole run and names the
 * folder in NPM_TOTP_PUBLISH_PRODUCT; a test file run on its own lays out its own copy,
 * removed when its process exits. test/unit/product-only.test.ts fails on any test that
 * runs dist/ in place.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the laid-out product lives. */
export interface Product {
  /** The action's folder, as `uses:` checks it out: `action.yml` and `dist/`. */
  action: string;
  /** The action's entry, `<action>/dist/index.js` (action.yml `runs.main`). */
  actionEntry: string;
  /** The CLI's bin, as npm linked it in the install prefix. */
  cli: string;
  /** The install prefix of the CLI. */
  prefix: string;
  /** The tarball `npm pack --ignore-scripts` made of the repository, which the CLI was installed from. */
  tarball: string;
  /** What that `npm pack --json` printed for it (its file list, its file name). */
  packed: { filename: string; files: Array<{ path: string }> };
}

/**
 * Node's compile cache for a process a test starts (npm, the product, a script): the run's folder that
 * scripts/test.js names in NODE_COMPILE_CACHE (outside the tests' temporary directory), so that npm's and the
 * bundle's code is compiled once a run, not once a process; off when there is none (npm and the CLI would
 * otherwise write os.tmpdir()/node-compile-cache). A speed-up only: V8 checks each entry against the source.
 */
export function compileCacheEnv(): Record<string, string> {
  const dir = process.env.NODE_COMPILE_CACHE;
  return dir ? { NODE_COMPILE_CACHE: dir } : { NODE_DISABLE_COMPILE_CACHE: '1' };
}

/** The environment npm runs with here: its cache, config and home inside `base`, never the user's or the repository's. */
export function isolatedNpmEnv(base: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // `npm test` hands npm_config_* of its own run to children; tokens and CI markers stay out too.
    if (/^(npm_|NPM_|NODE_AUTH_TOKEN$|GITHUB_|ACTIONS_|CI$|INPUT_)/i.test(name)) continue;
    env[name] = value;
  }
  for (const dir of ['home', 'tmp', 'cache']) mkdirSync(path.join(base, dir), { recursive: true });
  return {
    ...env,
    HOME: path.join(base, 'home'),
    TMPDIR: path.join(base, 'tmp'),
    npm_config_cache: path.join(base, 'cache'),
    npm_config_userconfig: path.join(base, 'home', '.npmrc'),
    npm_config_globalconfig: path.join(base, 'home', 'global-npmrc'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...compileCacheEnv(),
    // The installed bin starts with `#!/usr/bin/env node`: Node 24 first on PATH, as setup-node gives it.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
  };
}

/** Throws when `dir` or a folder above it holds `node_modules`: the product would not be tested as users get it. */
export function assertNoNodeModulesAbove(dir: string): void {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'node_modules')) && path.resolve(at) !== path.resolve(dir)) {
      throw new Error(`${dir} has node_modules above it (${path.join(at, 'node_modules')}): a bundle missing a module would still run there.`);
    }
    if (path.dirname(at) === at) return;
  }
}

/**
 * Lays the product out in `into` (created if missing): `<into>/action/{action.yml,dist}` from `dist`
 * (default the repository's), and the CLI packed from the repository and installed into `<into>/cli`.
 * `cli: false` skips the CLI (packing and installing take about two seconds).
 */
export function layOutProduct(into: string, options: { dist?: string; cli?: boolean } = {}): Product {
  const action = path.join(into, 'action');
  mkdirSync(action, { recursive: true });
  cpSync(path.join(ROOT, 'action.yml'), path.join(action, 'action.yml'));
  cpSync(options.dist ?? path.join(ROOT, 'dist'), path.join(action, 'dist'), { recursive: true });
  assertNoNodeModulesAbove(action);
  const product = productIn(into);
  if (options.cli === false) return product;
  const npmBase = path.join(into, 'npm');
  const env = isolatedNpmEnv(npmBase);
  const npm = (args: string[], cwd: string) => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js'), ...args], { cwd, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    return result.stdout;
  };
  const packDir = path.join(into, 'pack');
  mkdirSync(packDir, { recursive: true });
  const output = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT);
  // Kept as npm printed it, for the tests of what the pack holds (test/e2e/install.test.ts).
  writeFileSync(path.join(packDir, 'pack.json'), output);
  npm(['install', '--global', '--ignore-scripts', '--offline', '--prefix', product.prefix, product.tarball], npmBase);
  // The installed package sits in <prefix>/lib/node_modules, the only node_modules above it, holding nothing else.
  const installed = readdirSync(path.join(product.prefix, 'lib', 'node_modules'));
  if (installed.join() !== 'npm-totp-publish') throw new Error(`the CLI install brought more than itself: ${installed.join(', ')}`);
  return product;
}

/** Where layOutProduct(into) puts each part. `packed` is read on first use (a layout with `cli: false` has none). */
function productIn(into: string): Product {
  const action = path.join(into, 'action');
  const prefix = path.join(into, 'cli');
  let packed: Product['packed'] | undefined;
  return {
    action,
    actionEntry: path.join(action, 'dist', 'index.js'),
    cli: path.join(prefix, 'bin', 'npm-totp-publish'),
    prefix,
    get packed() {
      packed ??= (JSON.parse(readFileSync(path.join(into, 'pack', 'pack.json'), 'utf8')) as [Product['packed']])[0];
      return packed;
    },
    get tarball() {
      return path.join(into, 'pack', this.packed.filename);
    },
  };
}

let laidOut: Product | undefined;

/**
 * The product for this test run: the one scripts/test.js laid out (NPM_TOTP_PUBLISH_PRODUCT), or one
 * laid out now for this process and removed when it exits.
 */
export function product(): Product {
  if (laidOut) return laidOut;
  const shared = process.env.NPM_TOTP_PUBLISH_PRODUCT;
  if (shared) {
    laidOut = productIn(shared);
    return laidOut;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'npm-totp-publish-product-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  laidOut = layOutProduct(dir);
  return laidOut;
}
