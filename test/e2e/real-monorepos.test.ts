/**
 * Real monorepos, as their repositories hold them (test/fixtures/monorepos/README.md names each
 * commit), published whole through ONE action step from a bare checkout (runAction), then checked
 * against what their package manager makes of them:
 *
 * - vuejs/core and vitest-dev/vitest (pnpm): every public package's manifest and file list in the
 *   registry equal those of the tarball `pnpm pack` (pnpm 11.22.0, the devDependency) makes from the
 *   same checkout, field for field: every range, publishConfig, and the workspace root's LICENSE
 *   that pnpm adds to a package without one. pnpm resolves `workspace:` through each package's
 *   node_modules, so its copy gets the links `pnpm install` would make (nothing else is installed).
 * - toss/slash (yarn 4, publishConfig overrides of exports, main, module, types): every range and
 *   lifted field as yarn's plugin-pack writes them (yarn is not installed here: checked against its
 *   rules, read from its source).
 *
 * Private packages, and public ones that pnpm never publishes (no version), are listed, not
 * refused; the order of the uploads keeps every dependency before its dependents.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Parser, type ReadEntry } from 'tar';
import { ROOT, runAction, runCli } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'monorepos');
const PNPM = path.join(ROOT, 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');
const FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

type Manifest = Record<string, any>;
interface PackageEntry {
  name: string;
  version: string;
  tag: string;
  outcome: string;
  detail: string;
}

/** Every file of a tarball (without `package/`) and its package.json. */
async function readTarball(data: Buffer): Promise<{ files: string[]; manifest: Manifest }> {
  const files: string[] = [];
  let text = '';
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        files.push(entry.path.replace(/^package\//, ''));
        if (entry.path === 'package/package.json') entry.on('data', (chunk: Buffer) => (text += chunk.toString()));
        else entry.resume();
      },
    });
    parser.on('end', resolve);
    parser.on('error', reject);
    parser.end(data);
  });
  return { files: files.sort(), manifest: JSON.parse(text) as Manifest };
}

/** Every workspace package.json of a fixture, by folder. */
async function workspaceManifests(root: string, folders: string[]): Promise<Map<string, Manifest>> {
  const found = new Map<string, Manifest>();
  for (const folder of folders) {
    const [parent, star] = folder.endsWith('/*') ? [folder.slice(0, -2), true] : [folder, false];
    const dirs = star
      ? (await readdir(path.join(root, parent), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => `${parent}/${entry.name}`)
      : [parent];
    for (const dir of dirs) {
      const text = await readFile(path.join(root, dir, 'package.json'), 'utf8').catch(() => undefined);
      if (text !== undefined) found.set(dir, JSON.parse(text) as Manifest);
    }
  }
  return found;
}

/** A copy of the fixture with each package's workspace dependencies linked into its node_modules, as `pnpm install` links them. */
async function linkedCopy(fixture: string, manifests: Map<string, Manifest>, into: string): Promise<string> {
  const copy = path.join(into, 'pnpm-checkout');
  await cp(fixture, copy, { recursive: true });
  const byName = new Map([...manifests].map(([dir, manifest]) => [manifest.name as string, dir]));
  for (const [dir, manifest] of manifests) {
    for (const field of FIELDS) {
      for (const [name, spec] of Object.entries((manifest[field] ?? {}) as Record<string, string>)) {
        const target = spec.includes('workspace:') ? byName.get(name) : undefined;
        if (target === undefined) continue;
        const link = path.join(copy, dir, 'node_modules', name);
        await mkdir(path.dirname(link), { recursive: true });
        await symlink(path.relative(path.dirname(link), path.join(copy, target)), link).catch(() => undefined);
      }
    }
  }
  return copy;
}

/** `pnpm -r --filter ./packages/* pack` in `checkout` (scripts off, pnpm's version switch off, a HOME of its own): tarballs by package name. */
async function pnpmPack(checkout: string, work: string): Promise<Map<string, { files: string[]; manifest: Manifest }>> {
  const out = path.join(work, 'pnpm-out');
  const home = path.join(work, 'pnpm-home');
  await mkdir(home, { recursive: true });
  const run = spawnSync(
    process.execPath,
    [PNPM, '--config.pm-on-fail=ignore', '--config.ignore-scripts=true', '-r', '--filter', './packages/*', 'pack', '--pack-destination', out],
    {
      cwd: checkout,
      env: { PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, HOME: home },
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const packed = new Map<string, { files: string[]; manifest: Manifest }>();
  for (const file of await readdir(out)) {
    const tarball = await readTarball(await readFile(path.join(out, file)));
    packed.set(tarball.manifest.name as string, tarball);
  }
  return packed;
}

describe('real monorepos through one action step', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };
  let work: string;

  before(async () => {
    user = await registry.addUser('real-monorepos');
    work = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-real-'));
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** Publishes the fixture from a copy of it (the checkout) with one action step; returns the run and its packages. */
  async function publish(fixture: string, inputs: Record<string, string>) {
    const checkout = path.join(work, `${fixture}-checkout`);
    await cp(path.join(FIXTURES, fixture), checkout, { recursive: true });
    registry.clearRequests();
    const run = await runAction({
      inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, workspaces: 'true', 'ignore-scripts': 'true', ...inputs },
      cwd: checkout,
    });
    const packages: PackageEntry[] = run.outputs.packages === undefined ? [] : JSON.parse(run.outputs.packages);
    const puts = registry.requests
      .filter((request) => request.method === 'PUT' && request.status === 201)
      .map((request) => decodeURIComponent(request.path.slice(1)));
    return { run, packages, puts, checkout };
  }

  /** The version of `name` in the registry: its manifest there and its tarball. */
  async function published(name: string, version: string) {
    const document = (await registry.packument(name)).versions[version] as Manifest;
    const tarball = await readTarball(Buffer.from(await (await fetch(String(document.dist.tarball))).arrayBuffer()));
    return { document, tarball };
  }

  /** Every runtime dependency between published packages arrived before its dependent, except between members of one cycle. */
  function assertOrder(puts: string[], manifests: Map<string, Manifest>) {
    const edges = new Map<string, string[]>();
    for (const manifest of manifests.values()) {
      if (!puts.includes(manifest.name)) continue;
      const targets = ['dependencies', 'optionalDependencies', 'peerDependencies'].flatMap((field) => Object.keys(manifest[field] ?? {}));
      edges.set(
        manifest.name,
        targets.filter((target) => puts.includes(target) && target !== manifest.name),
      );
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (edges.get(from) ?? []).some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
    let checked = 0;
    for (const [name, targets] of edges) {
      for (const dependency of targets) {
        if (reaches(dependency, name)) continue; // a cycle: its members go in name order
        checked += 1;
        assert.ok(puts.indexOf(dependency) < puts.indexOf(name), `${dependency} before ${name}: ${puts.join(' ')}`);
      }
    }
    assert.ok(checked > 0, 'some order was checked');
  }

  /** Each published package equals what `pnpm pack` makes of it: the manifest field for field, the same files. */
  async function assertAsPnpm(names: string[], pnpm: Map<string, { files: string[]; manifest: Manifest }>) {
    for (const name of names) {
      const expected = pnpm.get(name);
      assert.ok(expected, `pnpm packed ${name}`);
      const { document, tarball } = await published(name, expected.manifest.version);
      assert.deepEqual(tarball.manifest, expected.manifest, `${name}: package.json in the tarball`);
      assert.deepEqual(tarball.files, expected.files, `${name}: the files`);
      for (const field of [...FIELDS, 'publishConfig', 'main', 'module', 'types', 'exports'] as const) {
        assert.deepEqual(document[field], expected.manifest[field], `${name}: ${field} in the registry`);
      }
      // The registry's copy is the manifest as npm prepares it (npm publish does the same): bin paths lose a leading ./
      const bin = expected.manifest.bin as Record<string, string> | undefined;
      assert.deepEqual(
        document.bin,
        bin && Object.fromEntries(Object.entries(bin).map(([key, value]) => [key, value.replace(/^\.\//, '')])),
        `${name}: bin in the registry`,
      );
      assert.doesNotMatch(JSON.stringify(document) + JSON.stringify(tarball.manifest), /workspace:|catalog:/, name);
    }
  }

  it('vuejs/core: 11 public packages in dependency order, 6 private ones listed, every manifest and file list as pnpm packs it', async () => {
    const manifests = await workspaceManifests(path.join(FIXTURES, 'vue-core'), ['packages/*', 'packages-private/*']);
    const publics = [...manifests.values()]
      .filter((manifest) => !manifest.private)
      .map((manifest) => manifest.name as string)
      .sort();
    assert.equal(publics.length, 11);
    const { run, packages, puts } = await publish('vue-core', {});
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(puts.slice().sort(), publics);
    assert.deepEqual(packages.filter((entry) => entry.outcome === 'private').length, 6);
    assert.ok(
      packages.every((entry) => entry.outcome === 'published' || entry.outcome === 'private'),
      JSON.stringify(packages),
    );
    assert.deepEqual([run.outputs.name, run.outputs.version, run.outputs.tag], ['', '', ''], 'no first package passed off as the run');
    assert.doesNotMatch(
      run.stdout,
      /for the next one-time password window \(the current code has served/,
      'no code window waited for by pacing (a run that starts in the last ~2 s of a window still waits for the next one)',
    );
    assertOrder(puts, manifests);
    const pnpm = await pnpmPack(await linkedCopy(path.join(FIXTURES, 'vue-core'), manifests, path.join(work, 'vue')), path.join(work, 'vue'));
    await assertAsPnpm(publics, pnpm);
  });

  it('vitest-dev/vitest, unmodified: 14 public packages as pnpm packs them (13 get the root LICENSE), a versionless public package and private fixtures sharing a name listed, never refused', async () => {
    const manifests = await workspaceManifests(path.join(FIXTURES, 'vitest'), [
      'docs',
      'packages/*',
      'examples/*',
      'test/*',
      'test/e2e/dts/*',
      'test/e2e/fixtures/conditions-pkg',
    ]);
    const publics = [...manifests.values()]
      .filter((manifest) => !manifest.private && manifest.version)
      .map((manifest) => manifest.name as string)
      .sort();
    assert.equal(publics.length, 14);
    const { run, packages, puts } = await publish('vitest', { tag: 'next' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(puts.slice().sort(), publics);
    const skipped = packages.filter((entry) => entry.outcome === 'skipped');
    assert.deepEqual(skipped.map((entry) => entry.name).sort(), ['@test/node-runner', '@vitest/test-typescript']);
    assert.equal(packages.filter((entry) => entry.outcome === 'private').length, 24, 'every private package, the three sharing a name each once');
    assert.equal(packages.length, 40, 'every workspace package listed');
    assert.match(skipped[0]?.detail ?? '', /^skipped: has no "version", and pnpm publishes only packages with a name and a version$/);
    assert.match(
      run.stdout,
      /::warning::3 workspace packages are named @vitest\/test-integration-dts-exact-optional-property \(test\/e2e\/dts\/exact-optional-property-no-node, test\/e2e\/dts\/exact-optional-property-node, test\/e2e\/dts\/no-dispose\); none of them is published/,
    );
    assertOrder(puts, manifests);
    const pnpm = await pnpmPack(await linkedCopy(path.join(FIXTURES, 'vitest'), manifests, path.join(work, 'vitest')), path.join(work, 'vitest'));
    await assertAsPnpm(publics, pnpm);
    const withRootLicense = publics.filter((name) => pnpm.get(name)?.files.includes('LICENSE'));
    assert.equal(withRootLicense.length, 13, 'every package but vitest (LICENSE.md of its own) gets the root LICENSE');
    const license = await readFile(path.join(FIXTURES, 'vitest', 'LICENSE'));
    const tgz = (await registry.packument('@vitest/spy')).versions[pnpm.get('@vitest/spy')?.manifest.version].dist.tarball;
    assert.ok((await readTarball(Buffer.from(await (await fetch(String(tgz))).arrayBuffer()))).files.includes('LICENSE'));
    assert.ok(license.length > 0);
  });

  it('toss/slash (yarn 4): publishConfig exports, main, module and types lifted, workspace:^<range> written as the range, as yarn packs them', async () => {
    const manifests = await workspaceManifests(path.join(FIXTURES, 'toss-slash'), ['packages/common/*', 'packages/react/*', 'configs/*', 'docs']);
    const publics = [...manifests.values()].filter((manifest) => !manifest.private);
    const { run, packages, puts } = await publish('toss-slash', {});
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(puts.slice().sort(), publics.map((manifest) => manifest.name as string).sort());
    assert.deepEqual(
      packages
        .filter((entry) => entry.outcome === 'private')
        .map((entry) => entry.name)
        .sort(),
      [...manifests.values()]
        .filter((manifest) => manifest.private)
        .map((manifest) => manifest.name as string)
        .sort(),
    );
    assertOrder(puts, manifests);
    const byName = new Map([...manifests.values()].map((manifest) => [manifest.name as string, manifest]));
    for (const source of publics) {
      const { document, tarball } = await published(source.name, source.version);
      for (const manifest of [document, tarball.manifest]) {
        // yarn's plugin-pack (beforeWorkspacePacking): a truthy publishConfig field replaces the top-level one; publishConfig stays.
        for (const field of ['main', 'module', 'exports', 'types', 'typings', 'bin', 'browser', 'type', 'imports'] as const) {
          if (source.publishConfig?.[field]) assert.deepEqual(manifest[field], source.publishConfig[field], `${source.name} ${field}`);
        }
        assert.deepEqual(manifest.publishConfig, source.publishConfig, `${source.name} keeps publishConfig, as yarn does`);
        for (const field of FIELDS) {
          for (const [name, spec] of Object.entries((source[field] ?? {}) as Record<string, string>)) {
            const version = byName.get(name)?.version ?? '0.0.0';
            // yarn: workspace:^ / workspace:~ -> ^ / ~ and the version, workspace:* -> the version, workspace:<range> -> the range.
            const expected = !spec.startsWith('workspace:')
              ? spec
              : (({ '*': version, '^': `^${version}`, '~': `~${version}` } as Record<string, string>)[spec.slice(10)] ?? spec.slice(10));
            assert.equal(manifest[field]?.[name], expected, `${source.name} ${field} ${name}`);
          }
        }
      }
      assert.doesNotMatch(JSON.stringify(document) + JSON.stringify(tarball.manifest), /workspace:|catalog:/, source.name);
    }
  });

  it('one folder of the vue workspace (package: packages/compiler-dom) is published as pnpm publishes it: every workspace: and catalog: range resolved', async () => {
    const manifests = await workspaceManifests(path.join(FIXTURES, 'vue-core'), ['packages/*']);
    const checkout = path.join(work, 'vue-folder-checkout');
    await cp(path.join(FIXTURES, 'vue-core'), checkout, { recursive: true });
    const file = path.join(checkout, 'packages', 'compiler-dom', 'package.json');
    const source = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    const run = await runAction({
      inputs: {
        token: user.token,
        'otp-secret': user.secret,
        registry: registry.url,
        package: 'packages/compiler-dom',
        'ignore-scripts': 'true',
        'dry-run': 'true',
      },
      cwd: checkout,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /@vue\/compiler-dom@3\.5\.41 was already published with identical contents/,
      'the folder packs to the tarball the workspace publish uploaded: same resolved ranges, same files',
    );
    assert.deepEqual(source.dependencies, { '@vue/shared': 'workspace:*', '@vue/compiler-core': 'workspace:*' }, 'the checkout keeps its ranges');
    const { tarball } = await published('@vue/compiler-dom', '3.5.41');
    assert.deepEqual(tarball.manifest.dependencies, {
      '@vue/shared': manifests.get('packages/shared')?.version,
      '@vue/compiler-core': manifests.get('packages/compiler-core')?.version,
    });
  });

  it('refuses, before anything runs, a folder with a workspace: range in an npm workspace, and one with no workspace above it, naming the dependency', async () => {
    const npmRoot = path.join(work, 'npm-workspace');
    await mkdir(path.join(npmRoot, 'packages', 'b'), { recursive: true });
    await mkdir(path.join(npmRoot, 'packages', 'a'), { recursive: true });
    const write = (file: string, data: unknown) => writeFile(path.join(npmRoot, file), `${JSON.stringify(data, null, 2)}\n`);
    await write('package.json', { name: 'root', private: true, workspaces: ['packages/*'] });
    await write('packages/a/package.json', { name: 'npmws-a', version: '1.0.0' });
    await write('packages/b/package.json', { name: 'npmws-b', version: '1.0.0', dependencies: { 'npmws-a': 'workspace:^' } });
    registry.clearRequests();
    const refused = await runAction({ inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: 'packages/b' }, cwd: npmRoot });
    assert.equal(refused.code, 1);
    assert.match(
      refused.stdout,
      /::error::package: npmws-b \(.*packages\/b\/package\.json\) has "npmws-a": "workspace:\^" in dependencies, but .* is an npm workspace, and npm has no workspace: protocol/,
    );
    assert.deepEqual(registry.requests, [], 'nothing was sent');

    const lone = path.join(work, 'lone');
    await mkdir(lone, { recursive: true });
    await writeFile(path.join(lone, 'package.json'), JSON.stringify({ name: 'lone-pkg', version: '1.0.0', dependencies: { semver: 'catalog:' } }));
    const alone = await runAction({ inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: lone } });
    assert.equal(alone.code, 1);
    assert.match(
      alone.stdout,
      /::error::package: lone-pkg .* has "semver": "catalog:" in dependencies, and there is no pnpm or yarn workspace above .* to resolve it from/,
    );
    assert.deepEqual(registry.requests, [], 'nothing was sent');
  });

  it('the CLI lists the private and skipped packages after the writes, as the job summary does', async () => {
    const checkout = path.join(work, 'vitest-cli-checkout');
    await cp(path.join(FIXTURES, 'vitest'), checkout, { recursive: true });
    const env = { PATH: process.env.PATH ?? '', HOME: work, NODE_AUTH_TOKEN: user.token, NPM_TOTP_SECRET: user.secret };
    const run = await runCli(['publish', '--workspaces', '--tag', 'next', '--registry', registry.url, '--ignore-scripts', '--dry-run'], env, checkout);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.ok(
      lines.includes('skipped   @test/node-runner - skipped: has no "version", and pnpm publishes only packages with a name and a version'),
      run.stdout,
    );
    assert.ok(lines.includes('private   docs - private: not published'), run.stdout);
    assert.equal(lines.filter((line) => line.startsWith('private ')).length, 24, 'every private package, once each, the three sharing a name included');
    assert.ok(lines.findIndex((line) => line.startsWith('skipped ')) > lines.findIndex((line) => /^(dry-run|unchanged) /.test(line)), 'after the writes');
  });
});
