// The CLI installed the ways the README and docs/cli.md tell people to install it: from a tarball of the
// project (what a GitHub release attaches), from the repository at a tag (what
// `github:npm-totp-publish/npm-totp-publish#v1` fetches), globally, and through npx. Never by
// the name `npm-totp-publish` on the npm registry: that name is not this project's yet, and
// whoever registered it would run their code with the token and the TOTP secret in its
// environment.
//
// Everything runs with the real npm CLI (the pinned devDependency) with --ignore-scripts and
// --offline: the installs must need no install step and download nothing, since dist/ bundles
// every dependency. npm's cache, config, home and temporary files live in one temporary folder,
// removed at the end.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { makePackage, ROOT } from '../helpers/action.ts';
import { compileCacheEnv, product } from '../helpers/product.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

const NPM_CLI = path.join(ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Scripts that make npm prepare a git dependency (install its devDependencies and run them) before packing it: pacote's list. */
const GIT_PREPARE_SCRIPTS = ['preinstall', 'install', 'postinstall', 'build', 'prepack', 'prepare'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every file under `dir`, relative to it, sorted. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`])),
  );
  return files.flat().sort();
}

/**
 * Commands of the README (and the GitLab example) that would fetch this CLI from the npm registry
 * by its bare name: `npx npm-totp-publish`, `npm install -g npm-totp-publish@1`, `npm exec
 * --package=npm-totp-publish`, `pnpm dlx`, `yarn dlx`, `bunx`. `github:npm-totp-publish/...`, a
 * URL or a path are not the registry name.
 */
export function registryNameCommands(text: string): string[] {
  const found: string[] = [];
  const command =
    /\b(?:npx|npm\s+(?:exec|x|install|i|add|update)|pnpm\s+(?:dlx|add|install)|yarn\s+(?:dlx|add)|bunx|bun\s+add)((?:\s+-{1,2}[A-Za-z][\w-]*(?:=\S+)?)*)\s+npm-totp-publish(?:@[^\s`'"]*)?(?=[\s`'")]|$)/gm;
  for (const match of text.matchAll(command)) found.push(match[0]);
  for (const match of text.matchAll(/(?:--package[= ]|\s-p\s+)npm-totp-publish(?:@[^\s`'"]*)?(?=[\s`'")]|$)/gm)) found.push(match[0].trim());
  return found;
}

describe('installing the CLI without a registry name', () => {
  let base: string;
  let env: NodeJS.ProcessEnv;
  let tarball: string;
  let packed: { files: Array<{ path: string }>; filename: string };

  /** The real npm with the test's config, cache and home; never the user's or the repository's npm settings. */
  function npm(args: string[], cwd: string): Promise<Run> {
    return run(process.execPath, [NPM_CLI, ...args], cwd);
  }

  function run(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
  }

  /** A new empty folder inside the test's temporary folder. */
  async function emptyFolder(name: string): Promise<string> {
    const dir = path.join(base, name);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  before(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-install-'));
    for (const dir of ['home', 'tmp', 'cache']) await mkdir(path.join(base, dir));
    env = {};
    for (const [name, value] of Object.entries(process.env)) {
      // `npm test` hands npm_config_* of its own run to children; tokens and CI markers stay out too.
      if (/^(npm_|NPM_|NODE_AUTH_TOKEN$|GITHUB_|ACTIONS_|CI$|INPUT_)/i.test(name)) continue;
      env[name] = value;
    }
    Object.assign(env, {
      HOME: path.join(base, 'home'),
      TMPDIR: path.join(base, 'tmp'),
      npm_config_cache: path.join(base, 'cache'),
      npm_config_userconfig: path.join(base, 'home', '.npmrc'),
      npm_config_globalconfig: path.join(base, 'home', 'global-npmrc'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      ...compileCacheEnv(),
      // The installed bin starts with `#!/usr/bin/env node`: Node 24 first on PATH, as setup-node or the node:24 image give it.
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    });
    // The repository as `npm pack --ignore-scripts --json` packed it for this run (test/helpers/product.ts): what a
    // GitHub release attaches, and what the installed CLI every test runs was installed from.
    ({ tarball, packed } = product());
  });

  after(async () => {
    await rm(base, { recursive: true, force: true });
  });

  describe('package.json', () => {
    it('names the bin dist/cli.js, a committed file that runs on node', () => {
      assert.deepEqual(pkg.bin, { 'npm-totp-publish': 'dist/cli.js' });
      assert.match(readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
      const tracked = spawnSync('git', ['ls-files', '--error-unmatch', 'dist/cli.js', 'dist/index.js', 'dist/bundle/index.js'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      assert.equal(tracked.status, 0, `dist/ is committed, so a checkout of a tag has it: ${tracked.stderr}`);
    });

    it('ships dist/, action.yml, the README, the changelog and the licence, and nothing else', () => {
      assert.deepEqual(pkg.files, ['dist/', 'action.yml', 'README.md', 'CHANGELOG.md', 'LICENSE']);
    });

    it('declares no dependency for an install to fetch: dist/ bundles every library the CLI and the action use', () => {
      for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
        assert.equal(
          pkg[field],
          undefined,
          `package.json#${field}: npm would download these into every install of the CLI (and an offline install fails). ` +
            'dist/ is an ncc bundle with every library inside: add libraries as devDependencies (npm install --save-dev).',
        );
      }
    });

    it('has no script that makes npm build a git checkout before installing it', () => {
      const found = GIT_PREPARE_SCRIPTS.filter((name) => pkg.scripts?.[name] !== undefined);
      assert.deepEqual(found, [], 'npm would install every devDependency (and run their install scripts) to prepare a github: install');
      assert.equal(pkg.workspaces, undefined, 'a root with workspaces is prepared too');
    });
  });

  it('packs with the real npm into exactly package.json, the README, the changelog, the licence, action.yml and dist/', async () => {
    const expected = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'action.yml',
      'package.json',
      ...(await listFiles(path.join(ROOT, 'dist'))).map((file) => `dist/${file}`),
    ].sort();
    assert.deepEqual(packed.files.map((file) => file.path).sort(), expected);
    assert.equal(packed.filename, `npm-totp-publish-${pkg.version}.tgz`);
  });

  it('installs the tarball into an empty folder with --ignore-scripts, offline, as one package, and runs --version', async () => {
    const app = await emptyFolder('app');
    const install = await npm(['install', '--ignore-scripts', '--offline', tarball], app);
    assert.equal(install.code, 0, install.stdout + install.stderr);
    assert.match(install.stdout, /added 1 package\b/);
    assert.deepEqual((await readdir(path.join(app, 'node_modules'))).sort(), ['.bin', '.package-lock.json', 'npm-totp-publish']);
    assert.deepEqual(await readdir(path.join(app, 'node_modules', '.bin')), ['npm-totp-publish']);
    const installed = JSON.parse(readFileSync(path.join(app, 'node_modules', 'npm-totp-publish', 'package.json'), 'utf8'));
    assert.equal(installed.dependencies, undefined);
    const version = await run(path.join(app, 'node_modules', '.bin', 'npm-totp-publish'), ['--version'], app);
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout, `${pkg.version}\n`);
  });

  // test/helpers/product.ts installs the CLI every test runs this way (and fails the run when the install brings more
  // than the one package): this checks where the bin landed and that it runs.
  it('installs globally (npm install --global <tarball>) with the bin on the prefix PATH', async () => {
    const { prefix, cli } = product();
    assert.equal(cli, path.join(prefix, 'bin', 'npm-totp-publish'));
    assert.deepEqual(await readdir(path.join(prefix, 'lib', 'node_modules')), ['npm-totp-publish']);
    const version = await run(cli, ['--version'], base);
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout, `${pkg.version}\n`);
  });

  describe('from the repository at a tag, as github:npm-totp-publish/npm-totp-publish#<tag> fetches it', () => {
    // A clone of the committed HEAD (what GitHub serves for a tag) stands in for GitHub: npm
    // fetches a git+file: URL through the same git fetcher, decides the same way whether the
    // checkout needs preparing (it must not), and packs it with `files`.
    let spec: string;

    before(() => {
      const repo = path.join(base, 'repo');
      const clone = spawnSync('git', ['clone', '--quiet', '--depth', '1', `file://${ROOT}`, repo], { env, encoding: 'utf8' });
      assert.equal(clone.status, 0, clone.stderr);
      const tag = spawnSync('git', ['tag', 'v9.9.9-test'], { cwd: repo, env, encoding: 'utf8' });
      assert.equal(tag.status, 0, tag.stderr);
      spec = `git+file://${repo}#v9.9.9-test`;
    });

    it('npm install <repo>#<tag>: no preparation, no download, the bin runs', async () => {
      const app = await emptyFolder('app-git');
      const install = await npm(['install', '--ignore-scripts', '--offline', spec], app);
      assert.equal(install.code, 0, install.stdout + install.stderr);
      assert.match(install.stdout, /added 1 package\b/);
      assert.deepEqual((await readdir(path.join(app, 'node_modules', 'npm-totp-publish'))).sort(), [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'action.yml',
        'dist',
        'package.json',
      ]);
      const version = await run(path.join(app, 'node_modules', '.bin', 'npm-totp-publish'), ['--version'], app);
      assert.equal(version.code, 0, version.stderr);
      assert.equal(version.stdout, `${JSON.parse(spawnSync('git', ['show', 'HEAD:package.json'], { cwd: ROOT, encoding: 'utf8' }).stdout).version}\n`);
    });

    it('npx --yes <repo>#<tag> --version', async () => {
      const dir = await emptyFolder('npx');
      const npx = await run(process.execPath, [path.join(ROOT, 'node_modules', 'npm', 'bin', 'npx-cli.js'), '--yes', spec, '--version'], dir, {
        npm_config_offline: 'true',
      });
      assert.equal(npx.code, 0, npx.stdout + npx.stderr);
      assert.match(npx.stdout, /^\d+\.\d+\.\d+\S*\n$/);
    });
  });

  describe('publishing with the installed CLI', () => {
    const registry = suiteRegistry();
    let user: { token: string; secret: string };

    before(async () => {
      user = await registry.addUser('installed-cli');
    });

    it('publishes a tiny package with a just-in-time code, from the package folder', async () => {
      const app = await emptyFolder('app-publish');
      const install = await npm(['install', '--ignore-scripts', '--offline', tarball], app);
      assert.equal(install.code, 0, install.stdout + install.stderr);
      const bin = path.join(app, 'node_modules', '.bin', 'npm-totp-publish');
      const dir = await makePackage({ 'index.js': 'export default 42;\n' }, { name: 'installed-cli-pkg', version: '1.0.0' });
      registry.clearRequests();
      const publish = await run(bin, ['publish', '--registry', registry.url, '--json'], dir, { NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret });
      assert.equal(publish.code, 0, publish.stdout + publish.stderr);
      const report = JSON.parse(publish.stdout);
      assert.equal(report.published, true);
      assert.equal(report.results[0].command, 'publish installed-cli-pkg@1.0.0');
      assert.equal((await registry.packument('installed-cli-pkg'))['dist-tags'].latest, '1.0.0');
      const codes = registry.requests.flatMap((request) => (request.otpAccepted && request.otp ? [request.otp] : []));
      assert.equal(codes.length, 1, 'one write, with one accepted code');
      assertNoSecrets({ stdout: publish.stdout, stderr: publish.stderr }, [user.token, user.secret], codes);
    });
  });

  describe('the documentation', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    /** The CLI reference, where every install command is shown. */
    const cliPage = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    /** Every page: the README and docs/. */
    const pages = [
      'README.md',
      ...readdirSync(path.join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`),
    ];

    it('finds commands that would fetch the CLI by its registry name', () => {
      assert.deepEqual(registryNameCommands('run `npx npm-totp-publish publish`'), ['npx npm-totp-publish']);
      assert.deepEqual(registryNameCommands('npm install --global npm-totp-publish@1\nnpm i -g npm-totp-publish'), [
        'npm install --global npm-totp-publish@1',
        'npm i -g npm-totp-publish',
      ]);
      assert.deepEqual(registryNameCommands('npm exec --package=npm-totp-publish -- npm-totp-publish'), ['--package=npm-totp-publish']);
      assert.deepEqual(
        registryNameCommands('npx --yes github:npm-totp-publish/npm-totp-publish#v1.0.0 --version\nnpm install -g ./npm-totp-publish-1.0.0.tgz'),
        [],
      );
    });

    it('the README, docs/ and the GitLab example never install the CLI by its registry name', () => {
      for (const page of pages) assert.deepEqual(registryNameCommands(readFileSync(path.join(ROOT, page), 'utf8')), [], page);
      const gitlab = path.join(ROOT, 'examples', 'gitlab-ci.yml');
      if (existsSync(gitlab)) assert.deepEqual(registryNameCommands(readFileSync(gitlab, 'utf8')), []);
    });

    it('docs/cli.md shows the install commands this file proves: the repository at a tag, and a release tarball; the README the first', () => {
      const atTag = /npm install --global github:npm-totp-publish\/npm-totp-publish#v1\b/;
      for (const command of [
        atTag,
        /npx --yes github:npm-totp-publish\/npm-totp-publish#v\d+\.\d+\.\d+ /,
        /npm install --global https:\/\/github\.com\/npm-totp-publish\/npm-totp-publish\/releases\/download\/v(\d+\.\d+\.\d+)\/npm-totp-publish-\1\.tgz/,
      ]) {
        assert.ok(command.test(cliPage), `docs/cli.md shows a command matching ${command}`);
      }
      assert.ok(atTag.test(readme), `README.md shows a command matching ${atTag}`);
    });

    it('the GitLab example installs the CLI from the repository (or a tarball), not the registry', () => {
      const gitlab = parse(readFileSync(path.join(ROOT, 'examples', 'gitlab-ci.yml'), 'utf8'));
      const sources = JSON.stringify(gitlab);
      assert.match(sources, /github:npm-totp-publish\/npm-totp-publish#v\d/);
    });
  });
});
