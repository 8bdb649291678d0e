import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../../src/foundation/errors.ts';
import { findWorkspaces, type Monorepo } from '../../src/package/workspaces.ts';
import { duplicateNames, selectWorkspaces, skippedWorkspaces } from '../../src/plan/workspace-selection.ts';
import { ROOT } from '../helpers/action.ts';

let base: string;
let count = 0;
before(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-workspaces-'));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A fresh folder holding `files` (objects are written as JSON). */
async function tree(files: Record<string, unknown>): Promise<string> {
  const root = path.join(base, `repo-${++count}`);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  await mkdir(root, { recursive: true });
  return root;
}

const pkg = (name: string, version = '1.0.0', extra: Record<string, unknown> = {}) => ({ name, version, ...extra });

/** The InputError `action` throws: it names `input`, starts with it, and mentions every one of `mentions`. */
async function refused(action: () => Promise<unknown> | unknown, input: string, ...mentions: string[]): Promise<string> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof InputError, `expected an InputError, got ${String(caught)}`);
  assert.equal(caught.input, input);
  assert.equal(caught.code, 'EINPUT');
  assert.ok(caught.message.startsWith(`${input}: `), caught.message);
  for (const mention of mentions) assert.ok(caught.message.includes(mention), `"${caught.message}" should mention ${mention}`);
  return caught.message;
}

const names = (monorepo: Monorepo) => monorepo.packages.map((p) => p.name);

describe('findWorkspaces: npm', () => {
  it('expands the workspaces array of the root package.json into packages sorted by name, skipping folders without package.json and node_modules', async () => {
    const root = await tree({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
      'packages/zeta/package.json': pkg('zeta', 'v2.0.0'),
      'packages/alpha/package.json': pkg('@scope/alpha'),
      'packages/empty/README.md': 'no package here',
      'packages/node_modules/dep/package.json': pkg('dep'),
      'node_modules/other/package.json': pkg('other'),
    });
    const monorepo = await findWorkspaces(root, 'workspaces');
    assert.equal(monorepo.manager, 'npm');
    assert.equal(monorepo.root, root);
    assert.equal(monorepo.rootManifest.name, 'root');
    assert.deepEqual(monorepo.catalogs, {});
    assert.deepEqual(names(monorepo), ['@scope/alpha', 'zeta']);
    const [alpha, zeta] = monorepo.packages;
    assert.deepEqual(alpha, {
      name: '@scope/alpha',
      version: '1.0.0',
      dir: path.join(root, 'packages/alpha'),
      relativeDir: 'packages/alpha',
      manifest: pkg('@scope/alpha'),
      private: false,
    });
    assert.equal(zeta?.version, '2.0.0', 'the version as npm publishes it');
    assert.equal(zeta?.manifest.version, 'v2.0.0', 'the manifest as written');
  });

  it('reads the { "packages": [...] } form, folders with and without ./, and exact folders', async () => {
    const root = await tree({
      'package.json': { name: 'root', workspaces: { packages: ['./libs/*', 'tools/cli/', '/apps/web'] } },
      'libs/a/package.json': pkg('a'),
      'tools/cli/package.json': pkg('cli'),
      'apps/web/package.json': pkg('web'),
      'apps/other/package.json': pkg('other'),
    });
    assert.deepEqual(names(await findWorkspaces(root, 'workspaces')), ['a', 'cli', 'web']);
  });

  it('finds nested packages with packages/**, including a package folder that holds others', async () => {
    const root = await tree({
      'package.json': { name: 'root', workspaces: ['packages/**'] },
      'packages/group/package.json': pkg('group'),
      'packages/group/inner/package.json': pkg('inner'),
      'packages/deep/er/still/package.json': pkg('still'),
      'packages/deep/er/still/node_modules/x/package.json': pkg('x'),
    });
    const monorepo = await findWorkspaces(root, 'workspaces');
    assert.deepEqual(names(monorepo), ['group', 'inner', 'still']);
    assert.equal(monorepo.packages.find((p) => p.name === 'still')?.relativeDir, 'packages/deep/er/still');
  });

  it('excludes folders with "!" patterns, and a later pattern that a negation matches cancels that negation, as @npmcli/map-workspaces does', async () => {
    const files = {
      'packages/a/package.json': pkg('a'),
      'packages/b/package.json': pkg('b'),
      'packages/legacy/old/package.json': pkg('old'),
      'packages/legacy/kept/package.json': pkg('kept'),
    };
    const excluded = await tree({ 'package.json': { name: 'root', workspaces: ['packages/**', '!packages/legacy/**', '!packages/b'] }, ...files });
    assert.deepEqual(names(await findWorkspaces(excluded, 'workspaces')), ['a']);
    const cancelled = await tree({
      'package.json': { name: 'root', workspaces: ['packages/**', '!packages/legacy/**', '!packages/b', 'packages/legacy/kept'] },
      ...files,
    });
    assert.deepEqual(names(await findWorkspaces(cancelled, 'workspaces')), ['a', 'kept', 'old']);
  });

  it("finds the same packages as npm's own @npmcli/map-workspaces", async () => {
    const require = createRequire(path.join(ROOT, 'node_modules/npm/package.json'));
    const mapWorkspaces = require('@npmcli/map-workspaces') as (options: { cwd: string; pkg: Record<string, unknown> }) => Promise<Map<string, string>>;
    const files = {
      'packages/a/package.json': pkg('a'),
      'packages/a/nested/package.json': pkg('nested'),
      'packages/b/package.json': pkg('b'),
      'packages/.hidden/package.json': pkg('hidden'),
      'packages/legacy/old/package.json': pkg('old'),
      'packages/legacy/kept/package.json': pkg('kept'),
      'packages/x/node_modules/y/package.json': pkg('y'),
      'tools/cli/package.json': pkg('cli'),
      'apps/web/package.json': pkg('web'),
      'apps/README.md': '',
    };
    const lists = [
      ['packages/*'],
      ['packages/**'],
      ['packages/**', '!packages/legacy/**'],
      ['packages/**', '!packages/legacy/**', 'packages/legacy/kept'],
      ['!packages/b', 'packages/*'],
      ['packages/*', '!!packages/b', '!packages/a'],
      ['./tools/*', '/apps/web/', 'apps/*'],
      ['**'],
    ];
    for (const workspaces of lists) {
      const root = await tree({ 'package.json': { name: 'root', workspaces }, ...files });
      const expected = [...(await mapWorkspaces({ cwd: root, pkg: { workspaces } })).keys()].sort();
      assert.deepEqual(names(await findWorkspaces(root, 'workspaces')), expected, JSON.stringify(workspaces));
    }
  });

  it('names a private package without a name after its folder, as npm does, and accepts a private package without version', async () => {
    const root = await tree({
      'package.json': { workspaces: ['packages/*', 'packages/@internal/*'] },
      'packages/tools/package.json': { private: true },
      'packages/@internal/config/package.json': { private: true, version: 'not-a-version' },
    });
    const monorepo = await findWorkspaces(root, 'workspaces');
    assert.deepEqual(
      monorepo.packages.map((p) => [p.name, p.version, p.private]),
      [
        ['@internal/config', '', true],
        ['tools', '', true],
      ],
    );
  });
});

describe('findWorkspaces: yarn', () => {
  it('is yarn when yarn.lock exists, and reads catalogs from .yarnrc.yml', async () => {
    const root = await tree({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
      'yarn.lock': '__metadata:\n  version: 8\n',
      '.yarnrc.yml': 'nodeLinker: node-modules\ncatalog:\n  react: ^18.2.0\ncatalogs:\n  legacy:\n    react: ^17.0.2\n',
      'packages/a/package.json': pkg('a'),
    });
    const monorepo = await findWorkspaces(root, 'workspaces');
    assert.equal(monorepo.manager, 'yarn');
    assert.deepEqual(monorepo.catalogs, { default: { react: '^18.2.0' }, legacy: { react: '^17.0.2' } });
  });

  it('is yarn when packageManager names yarn, even without a lockfile', async () => {
    const root = await tree({
      'package.json': { name: 'root', packageManager: 'yarn@4.9.2', workspaces: { packages: ['packages/*'] } },
      'packages/a/package.json': pkg('a'),
    });
    const monorepo = await findWorkspaces(root, 'workspaces');
    assert.equal(monorepo.manager, 'yarn');
    assert.deepEqual(monorepo.catalogs, {});
  });
});

describe('findWorkspaces: pnpm', () => {
  it('reads packages from pnpm-workspace.yaml with "!" exclusions, ignoring node_modules and bower_components', async () => {
    const root = await tree({
      'package.json': { name: 'root', private: true, workspaces: ['ignored/*'] },
      'pnpm-workspace.yaml': "packages:\n  - 'packages/**'\n  - '!**/fixtures/**'\n  - '!packages/skip'\n  - apps/web\n",
      'packages/a/package.json': pkg('a'),
      'packages/skip/package.json': pkg('skip'),
      'packages/a/fixtures/f/package.json': pkg('fixture'),
      'packages/bower_components/b/package.json': pkg('bower'),
      'apps/web/package.json': pkg('web', '1.0.0', { private: true }),
      'ignored/x/package.json': pkg('x'),
    });
    const monorepo = await findWorkspaces(root, 'workspaces');
    assert.equal(monorepo.manager, 'pnpm');
    assert.deepEqual(names(monorepo), ['a', 'web']);
  });

  it('reads the default catalog ("catalog", or catalogs.default) and the named catalogs', async () => {
    const root = await tree({
      'package.json': { name: 'root' },
      'pnpm-workspace.yaml': 'packages: [packages/*]\ncatalog:\n  react: ^18.2.0\ncatalogs:\n  legacy:\n    react: ^17.0.2\n',
      'packages/a/package.json': pkg('a'),
    });
    assert.deepEqual((await findWorkspaces(root, 'workspaces')).catalogs, { default: { react: '^18.2.0' }, legacy: { react: '^17.0.2' } });
    const other = await tree({
      'pnpm-workspace.yaml': 'packages: [packages/*]\ncatalogs:\n  default:\n    lodash: ^4.17.21\n',
      'packages/a/package.json': pkg('a'),
    });
    const monorepo = await findWorkspaces(other, 'workspaces');
    assert.deepEqual(monorepo.catalogs, { default: { lodash: '^4.17.21' } });
    assert.deepEqual(monorepo.rootManifest, {}, 'a pnpm root may have no package.json');
  });

  it('refuses a default catalog defined twice, and a catalog that is not a mapping of names to ranges', async () => {
    const twice = await tree({
      'pnpm-workspace.yaml': 'packages: [packages/*]\ncatalog:\n  a: ^1.0.0\ncatalogs:\n  default:\n    a: ^2.0.0\n',
      'packages/a/package.json': pkg('a'),
    });
    await refused(() => findWorkspaces(twice, 'workspaces'), 'workspaces', path.join(twice, 'pnpm-workspace.yaml'), 'twice');
    const numbers = await tree({
      'pnpm-workspace.yaml': 'packages: [packages/*]\ncatalogs:\n  legacy:\n    a: 1\n',
      'packages/a/package.json': pkg('a'),
    });
    await refused(() => findWorkspaces(numbers, 'workspaces'), 'workspaces', path.join(numbers, 'pnpm-workspace.yaml'), 'catalog "legacy"', '"a"');
  });

  it('refuses a pnpm-workspace.yaml that is not valid YAML, or whose packages are not a list of strings', async () => {
    const broken = await tree({ 'pnpm-workspace.yaml': 'packages: [packages/*\n', 'packages/a/package.json': pkg('a') });
    await refused(() => findWorkspaces(broken, 'workspaces'), 'workspaces', path.join(broken, 'pnpm-workspace.yaml'), 'not valid YAML');
    const notList = await tree({ 'pnpm-workspace.yaml': 'packages: packages/*\n', 'packages/a/package.json': pkg('a') });
    await refused(() => findWorkspaces(notList, 'workspaces'), 'workspaces', path.join(notList, 'pnpm-workspace.yaml'), 'not a list');
  });

  it('refuses a pnpm-workspace.yaml without packages: the root declares no workspaces', async () => {
    const root = await tree({ 'package.json': pkg('root'), 'pnpm-workspace.yaml': 'catalog:\n  a: ^1.0.0\n' });
    await refused(() => findWorkspaces(root, 'workspaces'), 'workspaces', path.join(root, 'pnpm-workspace.yaml'), 'declares no workspaces');
  });
});

describe('findWorkspaces refuses', () => {
  it('a root without package.json', async () => {
    const root = await tree({});
    await refused(() => findWorkspaces(root, 'package'), 'package', root, 'no package.json');
  });

  it('a root package.json that declares no workspaces, or an empty list', async () => {
    const none = await tree({ 'package.json': pkg('root') });
    await refused(() => findWorkspaces(none, 'package'), 'package', path.join(none, 'package.json'), 'declares no workspaces', '"workspaces"');
    const empty = await tree({ 'package.json': { name: 'root', workspaces: { packages: [] } } });
    await refused(() => findWorkspaces(empty, 'workspaces'), 'workspaces', path.join(empty, 'package.json'), 'declares no workspaces');
  });

  it('a workspaces field that is not a list of patterns', async () => {
    const root = await tree({ 'package.json': { name: 'root', workspaces: 'packages/*' } });
    await refused(() => findWorkspaces(root, 'workspaces'), 'workspaces', path.join(root, 'package.json'), 'not a list of folder patterns');
  });

  it('a pattern list that matches no package folder', async () => {
    const root = await tree({ 'package.json': { name: 'root', workspaces: ['packages/*', 'apps/*'] }, 'packages/empty/README.md': '' });
    await refused(() => findWorkspaces(root, 'workspaces'), 'workspaces', path.join(root, 'package.json'), '"packages/*"', '"apps/*"', 'match no folder');
  });

  it('a malformed package.json, at the root or in a workspace, saying which file and why', async () => {
    const atRoot = await tree({ 'package.json': '{ "name": "root", }' });
    await refused(() => findWorkspaces(atRoot, 'workspaces'), 'workspaces', path.join(atRoot, 'package.json'), 'not valid JSON');
    const inside = await tree({
      'package.json': { name: 'root', workspaces: ['packages/*'] },
      'packages/a/package.json': pkg('a'),
      'packages/b/package.json': '{ "name": "b" // comment\n}',
    });
    await refused(() => findWorkspaces(inside, 'workspaces'), 'workspaces', path.join(inside, 'packages/b/package.json'), 'not valid JSON');
    const array = await tree({ 'package.json': { name: 'root', workspaces: ['packages/*'] }, 'packages/a/package.json': [1, 2] });
    await refused(() => findWorkspaces(array, 'workspaces'), 'workspaces', path.join(array, 'packages/a/package.json'), 'JSON object');
  });

  it('a public workspace package without name, with an invalid name, without version or with an invalid version, once it would be published', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ version: '1.0.0' }, 'has no "name"'],
      [{ name: 'Not Valid', version: '1.0.0' }, 'not a valid npm package name'],
      [{ name: 'a' }, 'has no "version"'],
      [{ name: 'a', version: 'one' }, 'not a semver version'],
    ];
    for (const [manifest, why] of cases) {
      const root = await tree({
        'package.json': { name: 'root', workspaces: ['packages/*'] },
        'packages/a/package.json': manifest,
        'packages/b/package.json': pkg('b'),
      });
      const monorepo = await findWorkspaces(root, 'workspaces');
      assert.equal(monorepo.packages.length, 2, 'found, and not refused: only what would be published can stop a run');
      await refused(() => selectWorkspaces(monorepo, true, false, 'workspaces'), 'workspaces', path.join(root, 'packages/a/package.json'), why);
      assert.deepEqual(
        selectWorkspaces(monorepo, ['b'], false, 'workspaces').map((p) => p.name),
        ['b'],
        'left out by the selection: never refused',
      );
    }
  });

  it('two packages with one name, naming both folders, when one of them would be published', async () => {
    const root = await tree({
      'package.json': { name: 'root', workspaces: ['packages/*'] },
      'packages/one/package.json': pkg('same'),
      'packages/two/package.json': pkg('same', '2.0.0'),
      'packages/three/package.json': pkg('unique'),
    });
    const monorepo = await findWorkspaces(root, 'workspaces');
    await refused(
      () => selectWorkspaces(monorepo, true, false, 'workspaces'),
      'workspaces',
      '"same"',
      path.join(root, 'packages/one/package.json'),
      path.join(root, 'packages/two/package.json'),
    );
    await refused(() => selectWorkspaces(monorepo, ['packages/one'], false, 'workspaces'), 'workspaces', '"same"');
    assert.deepEqual(
      selectWorkspaces(monorepo, ['unique'], false, 'workspaces').map((p) => p.name),
      ['unique'],
    );
  });
});

describe('packages that will not be published never stop a run', () => {
  it('pnpm: a public package without a version, private fixtures sharing a name: listed with why, as pnpm publish -r leaves them', async () => {
    const root = await tree({
      'package.json': { name: 'root', private: true },
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - test/*\n',
      'packages/a/package.json': pkg('@v/a'),
      'test/runner/package.json': { name: '@test/runner' },
      'test/one/package.json': { name: '@v/fixture', private: true },
      'test/two/package.json': { name: '@v/fixture', private: true },
    });
    const monorepo = await findWorkspaces(root, 'workspaces');
    assert.deepEqual(duplicateNames(monorepo), [{ name: '@v/fixture', dirs: ['test/one', 'test/two'] }]);
    const selected = selectWorkspaces(monorepo, true, false, 'workspaces');
    assert.deepEqual(
      selected.map((p) => `${p.name} ${p.relativeDir}`),
      ['@v/a packages/a', '@v/fixture test/one', '@v/fixture test/two'],
    );
    assert.deepEqual(
      skippedWorkspaces(monorepo, selected, true, 'workspaces').map(({ pkg: p, why }) => [p.name, why]),
      [['@test/runner', 'skipped: has no "version", and pnpm publishes only packages with a name and a version']],
    );
    const some = selectWorkspaces(monorepo, ['packages/*'], false, 'workspaces');
    assert.deepEqual(
      skippedWorkspaces(monorepo, some, ['packages/*'], 'workspaces').map(({ pkg: p, why }) => [p.relativeDir, why]),
      [
        ['test/runner', 'skipped: not selected by workspaces (packages/*)'],
        ['test/one', 'private: not published, and not selected by workspaces (packages/*)'],
        ['test/two', 'private: not published, and not selected by workspaces (packages/*)'],
      ],
    );
    await refused(() => selectWorkspaces(monorepo, ['@test/runner'], false, 'workspaces'), 'workspaces', '@test/runner', 'has no "version"');
  });
});

describe('selectWorkspaces', () => {
  let monorepo: Monorepo;
  before(async () => {
    const root = await tree({
      'package.json': { name: 'root', version: '0.1.0', workspaces: ['packages/*', 'plugins/**'] },
      'packages/core/package.json': pkg('@acme/core'),
      'packages/cli/package.json': pkg('@acme/cli'),
      'plugins/official/one/package.json': pkg('plugin-one'),
      'plugins/official/two/package.json': pkg('plugin-two'),
      'plugins/community/three/package.json': pkg('plugin-three', '1.0.0', { private: true }),
    });
    monorepo = await findWorkspaces(root, 'workspaces');
  });
  const select = (filter: true | string[], includeRoot = false) => selectWorkspaces(monorepo, filter, includeRoot, 'workspaces').map((p) => p.name);

  it('selects every package (private ones included) for true, in name order', () => {
    assert.deepEqual(select(true), ['@acme/cli', '@acme/core', 'plugin-one', 'plugin-three', 'plugin-two']);
  });

  it('matches names, folders with or without ./, absolute folders and globs over folders, without duplicates', () => {
    assert.deepEqual(select(['@acme/core']), ['@acme/core']);
    assert.deepEqual(select(['packages/cli', './packages/core/']), ['@acme/cli', '@acme/core']);
    assert.deepEqual(select([path.join(monorepo.root, 'plugins/official/one')]), ['plugin-one']);
    assert.deepEqual(select(['plugins/*/t*']), ['plugin-three', 'plugin-two']);
    assert.deepEqual(select(['packages/*', '@acme/cli', ' ']), ['@acme/cli', '@acme/core']);
  });

  it('selects the packages directly inside a folder, as npm -w does', () => {
    assert.deepEqual(select(['plugins/official']), ['plugin-one', 'plugin-two']);
    assert.deepEqual(select(['./packages']), ['@acme/cli', '@acme/core']);
  });

  it('puts the root first when it is included', () => {
    const selected = selectWorkspaces(monorepo, ['plugin-one'], true, 'workspaces');
    assert.deepEqual(
      selected.map((p) => [p.name, p.version, p.relativeDir, p.dir]),
      [
        ['root', '0.1.0', '.', monorepo.root],
        ['plugin-one', '1.0.0', 'plugins/official/one', path.join(monorepo.root, 'plugins/official/one')],
      ],
    );
    assert.deepEqual(select([], true), ['root']);
  });

  it('refuses an entry that matches nothing, listing the known packages', async () => {
    const message = await refused(
      () => select(['@acme/core', 'nope']),
      'workspaces',
      '"nope"',
      '@acme/cli (packages/cli)',
      'plugin-two (plugins/official/two)',
    );
    assert.doesNotMatch(message, /include-workspace-root/);
    await refused(() => select(['root']), 'workspaces', 'include-workspace-root');
  });

  it('refuses to include a root without name, version or package.json, or named like a workspace package', async () => {
    const nameless = { ...monorepo, rootManifest: { workspaces: ['packages/*'] } };
    await refused(() => selectWorkspaces(nameless, [], true, 'workspaces'), 'workspaces', path.join(monorepo.root, 'package.json'), 'has no "name"');
    const versionless = { ...monorepo, rootManifest: { name: 'root' } };
    await refused(() => selectWorkspaces(versionless, [], true, 'workspaces'), 'workspaces', 'has no "version"');
    await refused(() => selectWorkspaces({ ...monorepo, rootManifest: {} }, [], true, 'workspaces'), 'workspaces', monorepo.root, 'no package.json');
    const clash = { ...monorepo, rootManifest: pkg('@acme/core') };
    await refused(
      () => selectWorkspaces(clash, true, true, 'workspaces'),
      'workspaces',
      path.join(monorepo.root, 'packages/core/package.json'),
      '"@acme/core"',
    );
    assert.deepEqual(
      selectWorkspaces(clash, ['@acme/cli'], true, 'workspaces').map((p) => p.name),
      ['@acme/core', '@acme/cli'],
    );
  });

  it('includes a private root without name or version, named after its folder', () => {
    const privateRoot = { ...monorepo, rootManifest: { private: true, workspaces: ['packages/*'] } };
    const [root] = selectWorkspaces(privateRoot, [], true, 'workspaces');
    assert.deepEqual([root?.name, root?.version, root?.private], [path.basename(monorepo.root), '', true]);
  });
});
