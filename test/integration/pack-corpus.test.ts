/**
 * packDirectory against the real `npm pack` (npm 11.21, node_modules/npm), byte for byte, on real packages
 * copied from node_modules and on hand-made fixtures for the rules npm-packlist applies; and
 * readTarballManifest against npm's own pacote on npm's tarballs.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, link, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Parser, type ReadEntry } from 'tar';
import { packDirectory, type PackOptions } from '../../src/package/pack.ts';
import { readTarballManifest } from '../../src/package/read-tarball.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const NPM_CLI = path.join(REPO, 'node_modules/npm/bin/npm-cli.js');

/** Real packages: `files` lists, .npmignore files, bins, nested folders, none of those. */
const CORPUS = [
  'typescript',
  'semver',
  'tar',
  '@npmcli/run-script',
  'npm-registry-fetch',
  'libnpmpublish',
  'otplib',
  'minimatch',
  'glob',
  'yaml',
  'js-yaml',
  'mkdirp',
  'which',
  '@actions/core',
  '@actions/exec',
  'npm-package-arg',
  'ssri',
  'minipass',
  'hosted-git-info',
  'cacache',
  'lru-cache',
  '@npmcli/package-json',
  'npm-packlist',
  'proc-log',
  'express',
  '@types/node',
  'tweetnacl',
  'jsbn',
  'verror',
  'isarray',
  'minimist',
  'qs',
  'node-gyp',
  'sshpk',
];

/** Hand-made packages (made by makeFixtures below), one per rule of npm-packlist worth checking. */
const FIXTURE_LABELS = [
  'fixtures/files-globs',
  'fixtures/npmignore',
  'fixtures/gitignore',
  'fixtures/bundle',
  'fixtures/bundle-true',
  'fixtures/workspaces',
  'fixtures/scripts',
  'fixtures/manifest-text',
  'fixtures/manifest-steps',
  'fixtures/directories',
];

/** A package to pack: its folder, what npm packed for it, and the options that make packDirectory pack the same. */
interface Case {
  label: string;
  dir: string;
  options?: PackOptions;
  /** The folder npm packed, when it is not `dir` (a copy holding `options.manifestText`). */
  npmDir?: string;
  npmTarball?: string;
}

let tmp: string;
const cases: Case[] = [];
const byLabel = (label: string) => cases.find((c) => c.label === label) as Case;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-pack-corpus-'));
  const corpus = path.join(tmp, 'corpus');
  for (const name of CORPUS) {
    const source = path.join(REPO, 'node_modules', name);
    const dir = path.join(corpus, name.replace('/', '+'));
    await cp(source, dir, { recursive: true, filter: (file) => file !== path.join(source, 'node_modules') });
    cases.push({ label: name, dir });
  }
  await makeFixtures(path.join(tmp, 'fixtures'));

  // One npm process for every folder (npm's start-up is most of its time), scripts off, nothing of ours in its config.
  const plain = cases.map((c) => c.npmDir ?? c.dir);
  for (const [c, packed] of zip(cases, await npmPack(plain, path.join(tmp, 'npm-out'), tmp))) c.npmTarball = packed;
  // The workspace project packed as `npm pack --workspaces --include-workspace-root` does, from its root.
  const ws = path.join(tmp, 'fixtures/workspaces');
  const members = [path.join(ws, 'packages/a'), path.join(ws, 'packages/b')];
  const inProject = [ws, ...members].map((dir) => ({
    label: `${path.relative(tmp, dir)} (in its workspace project)`,
    dir,
    options: { workspaceRoot: ws, workspaces: members },
  }));
  const packed = await npmPack(['--workspaces', '--include-workspace-root'], path.join(tmp, 'npm-out-ws'), ws);
  for (const [c, tarball] of zip(inProject, packed)) cases.push({ ...c, npmTarball: tarball });
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('packDirectory makes the bytes npm pack makes', () => {
  const labels = [...CORPUS, ...FIXTURE_LABELS, ...['', '/packages/a', '/packages/b'].map((rest) => `fixtures/workspaces${rest} (in its workspace project)`)];
  for (const label of labels) {
    it(`packs ${label} with the sha256 of npm pack`, async () => {
      const c = byLabel(label);
      assert.ok(c?.npmTarball, `npm pack made no tarball for ${label}`);
      const expected = await readFile(c.npmTarball);
      const ours = await packDirectory(c.dir, c.options);
      if (sha256(ours.data) !== sha256(expected)) {
        assert.fail(`${label}: packDirectory and npm pack differ:\n${await differences(ours.data, expected)}`);
      }
      assert.equal(ours.integrity, `sha512-${createHash('sha512').update(expected).digest('base64')}`);
      assert.equal(ours.shasum, createHash('sha1').update(expected).digest('hex'));
      assert.deepEqual(ours.files.map((f) => f.path).sort(), [...(await entries(expected)).keys()].sort());
    });
  }

  it('runs no package script on either side', async () => {
    const dir = byLabel('fixtures/scripts').dir;
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.startsWith('ran-')),
      [],
    );
  });
});

describe('readTarballManifest reads what npm 11.21 publishes from a tarball', () => {
  // npm's own pacote (21), as `npm publish <file.tgz>` calls it.
  const pacote = createRequire(NPM_CLI)('pacote') as { manifest(spec: string, opts: object): Promise<Record<string, unknown>> };
  for (const label of [
    'semver',
    'typescript',
    'yaml',
    '@types/node',
    'express',
    'node-gyp',
    'fixtures/manifest-steps',
    'fixtures/directories',
    'fixtures/files-globs',
  ]) {
    it(`reads ${label} as pacote.manifest(file:…, {fullMetadata, fullReadJson}) does`, async () => {
      const tarball = byLabel(label).npmTarball as string;
      const expected = await pacote.manifest(`file:${tarball}`, { cache: path.join(tmp, 'pacote-cache'), fullMetadata: true, fullReadJson: true });
      const ours = await readTarballManifest(await readFile(tarball));
      assert.deepEqual(json(ours), json(Object.fromEntries(Object.entries(expected).filter(([key]) => !key.startsWith('_')))));
    });
  }
});

function zip<A, B>(a: A[], b: B[]): Array<[A, B]> {
  assert.equal(a.length, b.length, 'npm pack made one tarball per folder');
  return a.map((item, i) => [item, b[i] as B]);
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Runs the npm CLI's pack in `cwd` with scripts off and a config of its own; the tarballs, in order. */
async function npmPack(args: string[], destination: string, cwd: string): Promise<string[]> {
  await mkdir(destination, { recursive: true });
  const npmTmp = path.join(tmp, 'npm-tmp');
  await mkdir(npmTmp, { recursive: true });
  await writeFile(path.join(tmp, 'npmrc-user'), '');
  await writeFile(path.join(tmp, 'npmrc-global'), '');
  // No npm_config_* of ours; npm's own temporary files (its compile cache) go to a folder removed with the rest.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name))), TMPDIR: npmTmp, TMP: npmTmp, TEMP: npmTmp };
  const argv = [
    NPM_CLI,
    'pack',
    '--ignore-scripts',
    '--json',
    '--pack-destination',
    destination,
    '--cache',
    path.join(tmp, 'npm-cache'),
    '--userconfig',
    path.join(tmp, 'npmrc-user'),
    '--globalconfig',
    path.join(tmp, 'npmrc-global'),
    '--no-update-notifier',
    '--offline',
    '--loglevel',
    'error',
    ...args,
  ];
  const { stdout } = await promisify(execFile)(process.execPath, argv, { cwd, env, maxBuffer: 256 * 1024 * 1024 }).catch(
    (error: { stderr?: string; code?: number }) => {
      throw new Error(`npm pack failed (exit code ${error.code}) in ${cwd}:\n${error.stderr}`);
    },
  );
  const results = JSON.parse(stdout) as Array<{ filename: string }>;
  return results.map((result) => path.join(destination, result.filename.replace(/^@/, '').replace(/\//, '-')));
}

/** Path -> header fields and sha256 of each entry. */
async function entries(data: Buffer): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        const hash = createHash('sha256');
        entry.on('data', (chunk: Buffer) => hash.update(chunk));
        entry.on('end', () =>
          found.set(
            entry.path.replace(/^package\//, ''),
            `${entry.type} mode ${entry.mode?.toString(8)} size ${entry.size} ${hash.digest('hex').slice(0, 12)}`,
          ),
        );
      },
    });
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.end(data);
  });
  return found;
}

async function differences(ours: Buffer, theirs: Buffer): Promise<string> {
  const [left, right] = [await entries(ours), await entries(theirs)];
  const lines: string[] = [];
  for (const [name, value] of left) if (right.get(name) !== value) lines.push(`  ${name}: ours ${value}, npm ${right.get(name) ?? 'absent'}`);
  for (const [name, value] of right) if (!left.has(name)) lines.push(`  ${name}: ours absent, npm ${value}`);
  const order =
    [...left.keys()].join(' ') === [...right.keys()].join(' ') ? '' : `\n  order: ours ${[...left.keys()].join(' ')}\n  npm  ${[...right.keys()].join(' ')}`;
  return (lines.join('\n') || '  same entries (gzip or header bytes differ)') + order;
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

const manifest = (fields: object) => `${JSON.stringify(fields, null, 2)}\n`;

async function makeFixtures(root: string): Promise<void> {
  const add = async (name: string, files: Record<string, string>, extra?: (dir: string) => Promise<void>, options?: PackOptions) => {
    const dir = path.join(root, name);
    await write(dir, files);
    await extra?.(dir);
    cases.push({ label: `fixtures/${name}`, dir, options });
    return dir;
  };

  await add('files-globs', {
    'package.json': manifest({
      name: 'fixture-files-globs',
      version: '1.0.0',
      main: 'main.js',
      browser: 'browser.js',
      bin: { fx: './cli/fx.js', top: 'top-cli.js' },
      files: [
        'lib',
        'dist/*.js',
        '!dist/skip.js',
        './docs/',
        'types/**/*.d.ts',
        'CHANGELOG.md',
        'missing.js',
        'nested/*',
        '/top.txt',
        'data/**',
        '!data/private.json',
      ],
    }),
    'lib/a.js': 'a',
    'lib/sub/b.js': 'b',
    'lib/.npmignore': 'secret.js\n',
    'lib/secret.js': 's',
    'lib/.DS_Store': 'x',
    'lib/.hidden.js': 'h',
    'dist/a.js': 'a',
    'dist/skip.js': 's',
    'dist/a.js.map': 'm',
    'docs/guide.md': 'g',
    'types/x/y.d.ts': 'y',
    'types/x/z.ts': 'z',
    'CHANGELOG.md': 'c',
    'nested/one.txt': '1',
    'nested/deep/two.txt': '2',
    'top.txt': 't',
    'data/file.json': '{}',
    'data/private.json': '{}',
    'README.md': '# files\n',
    LICENSE: 'MIT',
    'main.js': 'm',
    'browser.js': 'b',
    'cli/fx.js': '#!/usr/bin/env node\n',
    'top-cli.js': '#!/usr/bin/env node\n',
    'other.js': 'o',
    '.npmrc': 'x=y\n',
    'package-lock.json': '{}',
    'npm-shrinkwrap.json': '{}',
    'node_modules/x/index.js': 'x',
  });

  await add(
    'npmignore',
    {
      'package.json': manifest({ name: 'fixture-npmignore', version: '1.0.0', description: 'nested .npmignore files' }),
      '.npmignore': '*.log\ntmp/\n/root-only.txt\n# a comment\n\n!important.log\n',
      '.gitignore': 'kept-because-npmignore-wins.js\n',
      'kept-because-npmignore-wins.js': 'k',
      'index.js': 'i',
      'a.log': 'l',
      'important.log': 'l',
      'root-only.txt': 'r',
      'tmp/x.js': 'x',
      'sub/root-only.txt': 'r',
      'sub/.npmignore': '!keep.log\nsecret.txt\n',
      'sub/keep.log': 'k',
      'sub/secret.txt': 's',
      'sub/public.txt': 'p',
      'sub/deeper/.gitignore': 'gen/\n',
      'sub/deeper/gen/out.js': 'o',
      'sub/deeper/src.js': 's',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'CVS/Entries': 'c',
      '.DS_Store': 'd',
      'x.orig': 'o',
      'npm-debug.log': 'n',
      '._x': 'x',
      'build/config.gypi': 'g',
      'build/other.txt': 'b',
      'archived-packages/old.tgz': 'a',
      '.x.swp': 's',
      'star*.js': 's',
      '.svn/x': 's',
      '.hg/x': 'h',
      'npm-shrinkwrap.json': '{}',
      'yarn.lock': 'y',
      'pnpm-lock.yaml': 'p',
      'bun.lockb': 'b',
      'bun.lock': 'b',
      '.npm-extension.mjs': 'e',
      README: 'plain readme',
      LICENCE: 'l',
      'COPYING.md': 'c',
      'readme.txt~': 'backup',
      'café.txt': 'é',
      '@types/index.d.ts': 'export {}',
      [`${'long-folder-name/'.repeat(6)}and-a-file-name-long-enough-for-a-pax-header.js`]: 'p',
      'exec.sh': '#!/bin/sh\n',
      'private.txt': 'p',
      'hl-a.txt': 'same inode',
    },
    async (dir) => {
      await chmod(path.join(dir, 'exec.sh'), 0o755);
      await chmod(path.join(dir, 'private.txt'), 0o600);
      await link(path.join(dir, 'hl-a.txt'), path.join(dir, 'hl-b.txt'));
      await symlink('index.js', path.join(dir, 'link.js'));
      await mkdir(path.join(dir, 'empty'), { recursive: true });
    },
  );

  await add('gitignore', {
    'package.json': manifest({ name: 'fixture-gitignore', version: '1.0.0' }),
    '.gitignore': 'dist/\n*.tmp\n',
    'index.js': 'i',
    'dist/x.js': 'x',
    'a.tmp': 't',
    'src/b.js': 'b',
    'src/.gitignore': 'gen.js\n',
    'src/gen.js': 'g',
  });

  const dep = (name: string, fields: object = {}) => ({
    [`node_modules/${name}/package.json`]: manifest({ name: path.basename(name), version: '1.0.0', ...fields }),
    [`node_modules/${name}/index.js`]: name,
  });
  await add(
    'bundle',
    {
      'package.json': manifest({
        name: 'fixture-bundle',
        version: '1.0.0',
        dependencies: { a: '1', d: '1', l: '1', both: '1', '@s/scoped': '1' },
        devDependencies: { dv: '1', both: '1' },
        peerDependencies: { p: '1' },
        optionalDependencies: { opt: '1', missing: '1' },
        bundleDependencies: ['a', 'dv', 'p', 'both', 'l', 'opt', 'missing', 'not-a-dependency', '@s/scoped'],
      }),
      'index.js': 'i',
      ...dep('a', { dependencies: { b: '1', c: '1' }, files: ['index.js', 'lib'] }),
      'node_modules/a/lib/x.js': 'x',
      'node_modules/a/other.js': 'left out by files',
      'node_modules/a/.npmignore': 'lib/\n',
      'node_modules/a/test.log': 't',
      ...dep('a/node_modules/c'),
      ...dep('b', { optionalDependencies: { e: '1' } }),
      ...dep('e'),
      'node_modules/b/.npmignore': 'index.js\n',
      'node_modules/b/.gitignore': 'kept\n',
      'node_modules/b/sub/.npmignore': 'x.js\n',
      'node_modules/b/sub/x.js': 'x',
      ...dep('d'),
      ...dep('dv'),
      ...dep('p'),
      ...dep('both'),
      ...dep('opt'),
      ...dep('@s/scoped'),
      'node_modules/.bin/x': 'x',
      'local/l/package.json': manifest({ name: 'l', version: '1.0.0' }),
      'local/l/index.js': 'l',
      'local/l/.npmignore': 'ignored.js\n',
      'local/l/ignored.js': 'i',
      'local/l/x.log~': 'x',
    },
    async (dir) => {
      await symlink('../local/l', path.join(dir, 'node_modules/l'));
    },
  );

  await add('bundle-true', {
    'package.json': manifest({ name: 'fixture-bundle-true', version: '1.0.0', dependencies: { a: '1' }, bundledDependencies: true }),
    'index.js': 'i',
    ...dep('a'),
    ...dep('z'),
  });

  await add('workspaces', {
    'package.json': manifest({ name: 'fixture-ws-root', version: '1.0.0', workspaces: ['packages/*', '!packages/ignored'] }),
    '.gitignore': '*.log\n',
    'index.js': 'r',
    'packages/a/package.json': manifest({ name: 'fixture-ws-a', version: '1.0.0' }),
    'packages/a/lib/x.js': 'x',
    'packages/a/debug.log': 'd',
    'packages/b/package.json': manifest({ name: 'fixture-ws-b', version: '1.0.0' }),
    'packages/b/.npmignore': 'private/\n',
    'packages/b/private/p.js': 'p',
    'packages/ignored/package.json': manifest({ name: 'fixture-ws-ignored', version: '1.0.0' }),
    'other/o.js': 'o',
    'sub/package.json': manifest({ name: 'not-a-workspace', files: ['nothing'] }),
    'sub/s.js': 's',
    'sub/.npmignore': 's.js\n',
  });

  const ran = (event: string) => `node -e "require('fs').writeFileSync('ran-${event}', '')"`;
  await add('scripts', {
    'package.json': manifest({
      name: 'fixture-scripts',
      version: '1.0.0',
      scripts: Object.fromEntries(
        ['prepack', 'prepare', 'postpack', 'prepublishOnly', 'prepublish', 'preinstall', 'install', 'postinstall'].map((event) => [event, ran(event)]),
      ),
    }),
    'index.js': 'i',
  });

  // manifestText: our tarball of the folder with the new text must equal npm's tarball of a copy holding that text.
  const original = { name: 'fixture-manifest-text', version: '1.0.0', dependencies: { x: 'workspace:*' }, files: ['lib'] };
  const text = manifest({ ...original, dependencies: { x: '1.2.3' }, files: ['lib', 'extra.js'], bin: 'extra.js' });
  const dir = await add('manifest-text', { 'package.json': manifest(original), 'lib/a.js': 'a', 'extra.js': 'e', 'left-out.js': 'l' }, undefined, {
    manifestText: text,
  });
  const copy = path.join(root, 'manifest-text-as-npm-sees-it');
  await cp(dir, copy, { recursive: true });
  await writeFile(path.join(copy, 'package.json'), text);
  byLabel('fixtures/manifest-text').npmDir = copy;

  await add('manifest-steps', {
    'package.json': manifest({
      name: 'fixture-manifest-steps',
      version: 'v1.0.0-beta.1',
      repository: 'github:o/r',
      bugs: 'https://example.com/bugs',
      author: 'A <a@example.com> (https://a.example.com)',
      license: 'MIT',
      main: 'lib/index',
      dependencies: { x: '^1' },
    }),
    'binding.gyp': '{}',
    'server.js': 's',
    AUTHORS: '# authors\nAnn <ann@example.com>\n\nBob\n',
    'readme.markdown': '# Title\n\nText.\n',
    README: 'plain',
    'lib/index.js': 'i',
    'lib/index.d.ts': 'export {}',
  });

  await add('directories', {
    'package.json': manifest({ name: 'fixture-directories', version: '2.0.0', directories: { bin: './bin', man: 'man' }, files: ['bin', 'man'] }),
    'bin/a.js': 'a',
    'bin/sub/b.js': 'b',
    'bin/.hidden': 'h',
    'man/x.1': 'x',
    'man/sub/y.5': 'y',
    'man/readme.txt': 'r',
    'README.md': '# dirs\n',
  });
}
