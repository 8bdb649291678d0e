import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../../src/foundation/errors.ts';
import { publishManifest } from '../../src/package/publish-manifest.ts';
import { findWorkspaces, type Catalogs, type Monorepo, type PackageManager, type WorkspacePackage } from '../../src/package/workspaces.ts';

const ROOT = path.resolve('/repo');

/** A workspace package at packages/<folder> (folder defaults to the unscoped name). */
function workspacePackage(manifest: Record<string, unknown>, folder?: string): WorkspacePackage {
  const name = String(manifest.name);
  const relativeDir = `packages/${folder ?? name.replace(/^@[^/]+\//, '')}`;
  return {
    name,
    version: typeof manifest.version === 'string' ? manifest.version : '',
    dir: path.join(ROOT, relativeDir),
    relativeDir,
    manifest,
    private: manifest.private === true,
  };
}

/** A monorepo of `manager` holding the published package `subject` (packages/subject) and the given siblings. */
function setup(
  manager: PackageManager,
  subject: Record<string, unknown>,
  siblings: Array<Record<string, unknown>> = [],
  catalogs: Catalogs = {},
  rootManifest: Record<string, unknown> = { name: 'root', private: true },
) {
  const pkg = workspacePackage({ name: 'subject', version: '1.0.0', ...subject }, 'subject');
  const packages = [pkg, ...siblings.map((manifest) => workspacePackage(manifest))].sort((a, b) => (a.name < b.name ? -1 : 1));
  const monorepo: Monorepo = { root: ROOT, manager, rootManifest, packages, catalogs };
  return { pkg, monorepo };
}

const SIBLINGS = [
  { name: 'lib', version: '1.2.3' },
  { name: '@scope/util', version: '2.0.0-beta.1' },
  { name: 'internal', version: '0.1.0', private: true },
  { name: 'tooling', private: true },
];

/** The manifest published for `subject` in a pnpm monorepo with SIBLINGS. */
function published(subject: Record<string, unknown>, manager: PackageManager = 'pnpm', catalogs: Catalogs = {}) {
  const { pkg, monorepo } = setup(manager, subject, SIBLINGS, catalogs);
  return publishManifest(pkg, monorepo, 'workspaces');
}

function refused(action: () => unknown, ...mentions: string[]): string {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof InputError, `expected an InputError, got ${String(caught)}`);
  assert.equal(caught.input, 'workspaces');
  assert.ok(caught.message.startsWith('workspaces: '), caught.message);
  for (const mention of mentions) assert.ok(caught.message.includes(mention), `"${caught.message}" should mention ${mention}`);
  return caught.message;
}

const FILE = path.join(ROOT, 'packages/subject/package.json');

describe('publishManifest: workspace: ranges', () => {
  it('writes workspace:*, bare workspace:, ^, ~ and explicit ranges as pnpm and yarn do, in every dependency field', () => {
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      const { manifest } = published({ [field]: { lib: 'workspace:*' } });
      assert.deepEqual(manifest[field], { lib: '1.2.3' }, field);
    }
    const { manifest, warnings } = published({
      dependencies: { lib: 'workspace:^', '@scope/util': 'workspace:~', other: '^4.0.0' },
      devDependencies: { lib: 'workspace:' },
      optionalDependencies: { lib: 'workspace:^1.0.0' },
      peerDependencies: { lib: 'workspace:1.2.3' },
    });
    assert.deepEqual(manifest.dependencies, { lib: '^1.2.3', '@scope/util': '~2.0.0-beta.1', other: '^4.0.0' });
    assert.deepEqual(manifest.devDependencies, { lib: '1.2.3' });
    assert.deepEqual(manifest.optionalDependencies, { lib: '^1.0.0' });
    assert.deepEqual(manifest.peerDependencies, { lib: '1.2.3' });
    assert.deepEqual(warnings, []);
  });

  it('writes an aliased workspace: range as npm:<real-name>@<version>, as pnpm does', () => {
    const { manifest } = published({
      dependencies: { 'my-lib': 'workspace:lib@*', 'my-util': 'workspace:@scope/util@^', same: 'workspace:lib@^1.0.0', lib: 'workspace:lib@~' },
    });
    assert.deepEqual(manifest.dependencies, { 'my-lib': 'npm:lib@1.2.3', 'my-util': 'npm:@scope/util@^2.0.0-beta.1', same: 'npm:lib@^1.0.0', lib: '~1.2.3' });
  });

  it("resolves pnpm's relative workspace:../folder and yarn's workspace:<folder from the root>", () => {
    const { manifest } = published({ dependencies: { lib: 'workspace:../lib', renamed: 'workspace:../util', util: 'workspace:packages/util' } });
    assert.deepEqual(manifest.dependencies, { lib: '1.2.3', renamed: 'npm:@scope/util@2.0.0-beta.1', util: 'npm:@scope/util@2.0.0-beta.1' });
  });

  it('accepts a package naming itself and the root package as a workspace dependency', () => {
    const { pkg, monorepo } = setup('pnpm', { devDependencies: { subject: 'workspace:^', root: 'workspace:*' } }, [], {}, { name: 'root', version: 'v3.0.0' });
    assert.deepEqual(publishManifest(pkg, monorepo, 'workspaces').manifest.devDependencies, { subject: '^1.0.0', root: '3.0.0' });
  });

  it('rewrites workspace: ranges in peerDependencies the pnpm way, comparators and "||" ranges included', () => {
    const { manifest } = published({ peerDependencies: { lib: 'workspace:>=', '@scope/util': '^1.0.0 || workspace:^' } });
    assert.deepEqual(manifest.peerDependencies, { lib: '>=1.2.3', '@scope/util': '^1.0.0 || ^2.0.0-beta.1' });
  });

  it('refuses a workspace: range naming a package outside the monorepo, naming the package, field and dependency', () => {
    refused(() => published({ dependencies: { missing: 'workspace:*' } }), 'subject', FILE, 'dependencies', '"missing"', 'lib');
    refused(() => published({ devDependencies: { alias: 'workspace:missing@^' } }), 'devDependencies', '"alias"', '"missing"');
    refused(() => published({ peerDependencies: { lib: 'workspace:../nowhere' } }), 'peerDependencies', '"lib"', '../nowhere');
  });

  it('refuses a workspace: range the workspace version does not satisfy, or that is no range', () => {
    refused(() => published({ dependencies: { lib: 'workspace:^2.0.0' } }), FILE, 'lib 1.2.3', '^2.0.0');
    refused(() => published({ dependencies: { lib: 'workspace:next' } }), FILE, '"next"');
  });

  it('refuses a run-time workspace: dependency on a package without version, and leaves a devDependency on one out of the published manifest, with a warning', () => {
    refused(() => published({ dependencies: { tooling: 'workspace:*' } }), 'tooling', 'no version');
    const { manifest, warnings } = published({ devDependencies: { tooling: 'workspace:*', other: '^1.0.0' } });
    assert.deepEqual(manifest.devDependencies, { other: '^1.0.0' }, 'nothing of workspace: reaches the registry');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /published without its devDependency "tooling"/);
  });

  it('reads a yarn workspace without a version as 0.0.0, as yarn packs it', () => {
    assert.deepEqual(published({ devDependencies: { tooling: 'workspace:^' } }, 'yarn').manifest.devDependencies, { tooling: '^0.0.0' });
  });

  it('leaves non-string specs and other protocols alone, and never modifies the checkout manifest', () => {
    const subject = { dependencies: { lib: 'workspace:*', odd: 5, git: 'github:a/b', tarball: 'file:../x.tgz' }, scripts: { build: 'tsc' } };
    const { pkg, monorepo } = setup('pnpm', subject, SIBLINGS);
    const before = structuredClone(pkg.manifest);
    const { manifest } = publishManifest(pkg, monorepo, 'workspaces');
    assert.deepEqual(manifest.dependencies, { lib: '1.2.3', odd: 5, git: 'github:a/b', tarball: 'file:../x.tgz' });
    assert.deepEqual(pkg.manifest, before);
    assert.notEqual(manifest, pkg.manifest);
  });
});

describe('publishManifest: catalog: ranges', () => {
  const catalogs = { default: { react: '^18.2.0', lodash: 'npm:lodash-es@^4.17.21' }, legacy: { react: '^17.0.2' } };

  it('resolves catalog:, catalog:default and catalog:<name> from the entry named like the dependency', () => {
    const { manifest } = published(
      {
        dependencies: { react: 'catalog:', lodash: 'catalog:default' },
        devDependencies: { react: 'catalog:legacy' },
        peerDependencies: { react: 'catalog: legacy ' },
      },
      'pnpm',
      catalogs,
    );
    assert.deepEqual(manifest.dependencies, { react: '^18.2.0', lodash: 'npm:lodash-es@^4.17.21' });
    assert.deepEqual(manifest.devDependencies, { react: '^17.0.2' });
    assert.deepEqual(manifest.peerDependencies, { react: '^17.0.2' });
  });

  it('resolves yarn catalogs (.yarnrc.yml) too', () => {
    assert.deepEqual(published({ dependencies: { react: 'catalog:' } }, 'yarn', catalogs).manifest.dependencies, { react: '^18.2.0' });
  });

  it('refuses an unknown catalog, a missing entry, a catalog in an npm monorepo and an entry using a local protocol', () => {
    refused(
      () => published({ dependencies: { react: 'catalog:next' } }, 'pnpm', catalogs),
      FILE,
      'catalog "next"',
      'pnpm-workspace.yaml',
      '"default", "legacy"',
    );
    refused(() => published({ dependencies: { vue: 'catalog:' } }, 'pnpm', catalogs), 'catalog "default"', 'no entry for "vue"');
    refused(() => published({ dependencies: { react: 'catalog:' } }, 'pnpm', {}), 'defines none');
    refused(() => published({ dependencies: { react: 'catalog:' } }, 'yarn', {}), '.yarnrc.yml');
    refused(() => published({ dependencies: { react: 'catalog:' } }, 'npm', catalogs), 'npm has no catalogs');
    for (const range of ['workspace:*', 'catalog:', 'link:../x', 'file:../x']) {
      refused(() => published({ dependencies: { react: 'catalog:' } }, 'pnpm', { default: { react: range } }), `"${range}"`);
    }
  });
});

describe('publishManifest: publishConfig', () => {
  const publishConfig = {
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    exports: { '.': './dist/index.js' },
    bin: { tool: 'dist/cli.js' },
    'umd:main': 'dist/umd.js',
    typesVersions: { '*': { '*': ['dist/*'] } },
    os: ['linux'],
    engines: { node: '>=20' },
    access: 'public',
    tag: 'next',
    registry: 'https://registry.example.com/',
  };
  const subject = { main: 'src/index.ts', publishConfig };

  it('lifts the fields pnpm lifts and removes them from publishConfig, keeping tag, access and registry', () => {
    const { manifest } = published(subject, 'pnpm');
    assert.equal(manifest.main, 'dist/index.js');
    assert.equal(manifest.types, 'dist/index.d.ts');
    assert.deepEqual(manifest.exports, { '.': './dist/index.js' });
    assert.deepEqual(manifest.bin, { tool: 'dist/cli.js' });
    assert.equal(manifest['umd:main'], 'dist/umd.js');
    assert.deepEqual(manifest.typesVersions, { '*': { '*': ['dist/*'] } });
    assert.deepEqual(manifest.os, ['linux']);
    assert.deepEqual(manifest.engines, { node: '>=20' });
    assert.deepEqual(manifest.publishConfig, { access: 'public', tag: 'next', registry: 'https://registry.example.com/' });
  });

  it('drops a publishConfig that pnpm emptied', () => {
    const { manifest } = published({ publishConfig: { main: 'dist/index.js' } }, 'pnpm');
    assert.equal(manifest.main, 'dist/index.js');
    assert.equal('publishConfig' in manifest, false);
  });

  it('publishes under publishConfig.name in pnpm, with a warning, and refuses an invalid one', () => {
    const { manifest, warnings } = published({ publishConfig: { name: '@scope/renamed', access: 'public' } }, 'pnpm');
    assert.equal(manifest.name, '@scope/renamed');
    assert.deepEqual(manifest.publishConfig, { access: 'public' });
    assert.deepEqual(warnings, ['subject is published as @scope/renamed (publishConfig.name), as pnpm publishes it.']);
    refused(() => published({ publishConfig: { name: 'Not Valid' } }, 'pnpm'), FILE, 'publishConfig.name');
  });

  it('lifts the fields yarn lifts when they are set, and keeps publishConfig as yarn does', () => {
    const { manifest } = published({ ...subject, publishConfig: { ...publishConfig, module: '', type: 'module' } }, 'yarn');
    assert.equal(manifest.main, 'dist/index.js');
    assert.equal(manifest.types, 'dist/index.d.ts');
    assert.equal(manifest.type, 'module');
    assert.deepEqual(manifest.bin, { tool: 'dist/cli.js' });
    assert.equal('module' in manifest, false, 'an empty value is not lifted');
    assert.equal('umd:main' in manifest, false, 'yarn does not lift umd:main');
    assert.equal('os' in manifest, false, 'yarn does not lift os');
    assert.deepEqual(manifest.publishConfig, { ...publishConfig, module: '', type: 'module' });
  });

  it('lifts nothing in an npm monorepo', () => {
    const { manifest } = published(subject, 'npm');
    assert.equal(manifest.main, 'src/index.ts');
    assert.deepEqual(manifest.publishConfig, publishConfig);
  });
});

describe('publishManifest: private workspace dependencies', () => {
  it('warns when a public package needs a private workspace package at run time, naming the dependency', () => {
    const { manifest, warnings } = published({
      dependencies: { internal: 'workspace:^' },
      optionalDependencies: { aliased: 'npm:internal@^0.1.0' },
      devDependencies: { internal: 'workspace:*' },
    });
    assert.deepEqual(manifest.dependencies, { internal: '^0.1.0' });
    assert.deepEqual(warnings, [
      'subject depends on internal (dependencies), a private workspace package that is never published: consumers of subject will not be able to install it.',
      'subject depends on internal (optionalDependencies), a private workspace package that is never published: consumers of subject will not be able to install it.',
    ]);
  });

  it('does not warn for a private package, or for a dev-only dependency', () => {
    assert.deepEqual(published({ private: true, dependencies: { internal: 'workspace:*' } }).warnings, []);
    assert.deepEqual(published({ devDependencies: { internal: '^0.1.0' } }).warnings, []);
  });
});

describe('publishManifest on a monorepo read from disk', () => {
  let base: string;
  before(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-manifest-'));
  });
  after(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('rewrites a pnpm package with workspace:, catalog: and publishConfig and leaves its package.json untouched', async () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'root', private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\ncatalog:\n  react: ^18.2.0\n",
      'packages/app/package.json': JSON.stringify({
        name: 'app',
        version: '1.0.0',
        dependencies: { core: 'workspace:^', react: 'catalog:' },
        publishConfig: { main: 'dist/app.js', access: 'public' },
      }),
      'packages/core/package.json': JSON.stringify({ name: 'core', version: '3.1.0' }),
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(base, file)), { recursive: true });
      await writeFile(path.join(base, file), text);
    }
    const monorepo = await findWorkspaces(base, 'workspaces');
    const app = monorepo.packages.find((p) => p.name === 'app');
    assert.ok(app);
    const { manifest, warnings } = publishManifest(app, monorepo, 'workspaces');
    assert.deepEqual(manifest, {
      name: 'app',
      version: '1.0.0',
      dependencies: { core: '^3.1.0', react: '^18.2.0' },
      main: 'dist/app.js',
      publishConfig: { access: 'public' },
    });
    assert.deepEqual(warnings, []);
    assert.equal(await readFile(path.join(base, 'packages/app/package.json'), 'utf8'), files['packages/app/package.json']);
  });
});
