/**
 * A monorepo through the engine, against the test registry: every public
 * workspace package in dependency order (from the registry's request log),
 * `workspace:` and `catalog:` resolved in what is published, re-runs that
 * write nothing, failure isolation and a re-run that completes it, and codes
 * paced to a registry that takes a code for at most K writes. Windows pass on
 * a time-travel clock, so paced codes cost no wall time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Parser, type ReadEntry } from 'tar';
import type { PackageResult } from '../../src/run/result.ts';
import { makeMonorepo, npmMonorepo } from '../helpers/monorepo.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { publishWithClock, TimeTravelClock } from '../helpers/time-travel.ts';

/** package.json inside a published tarball. */
async function packedManifest(data: Buffer): Promise<Record<string, unknown>> {
  let text = '';
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        if (entry.path === 'package/package.json') entry.on('data', (chunk: Buffer) => (text += chunk.toString()));
        else entry.resume();
      },
    });
    parser.on('end', resolve);
    parser.on('error', reject);
    parser.end(data);
  });
  return JSON.parse(text) as Record<string, unknown>;
}

describe('publishing a monorepo', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };
  const cleanups: Array<() => Promise<void>> = [];

  before(async () => {
    user = await registry.addUser('mono-publisher');
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  const run = async (root: string, extra: Record<string, string> = {}, as = user) => {
    const clock = new TimeTravelClock(registry);
    clock.placeRegistry({ intoWindowMs: 2_000 });
    return publishWithClock({ token: as.token, otpSecret: as.secret, registry: registry.url, package: root, workspaces: 'true', ...extra }, clock, root);
  };
  const outcomes = (packages: PackageResult[] | undefined) => Object.fromEntries((packages ?? []).map((entry) => [entry.name, entry.outcome]));
  const puts = () =>
    registry.requests.filter((request) => request.method === 'PUT' && request.status === 201).map((request) => decodeURIComponent(request.path.slice(1)));

  it('publishes every public package after the ones it depends on, lists the private one, and warns of the cycle and the private dependency', async () => {
    const repo = await makeMonorepo(npmMonorepo('order'));
    cleanups.push(repo.cleanup);
    registry.clearRequests();
    const { report, lines } = await run(repo.root);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(outcomes(report.packages), {
      '@order/a': 'published',
      '@order/b': 'published',
      '@order/c': 'published',
      '@order/d': 'published',
      '@order/e': 'published',
      '@order/f': 'published',
      '@order/g': 'published',
      '@order/x': 'published',
      '@order/y': 'published',
      '@order/private': 'private',
    });
    const order = puts();
    const before = (first: string, then: string) =>
      assert.ok(order.indexOf(`@order/${first}`) < order.indexOf(`@order/${then}`), `${first} before ${then}: ${order.join(' ')}`);
    before('a', 'b');
    before('b', 'c');
    before('a', 'd');
    before('a', 'e');
    before('a', 'f');
    before('x', 'y');
    assert.equal(order.length, 9);
    assert.ok(
      lines.some(
        (line) =>
          line.level === 'warning' && /depend on each other \(@order\/x -> @order\/y, @order\/y -> @order\/x; a -> b: a depends on b\)/.test(line.message),
      ),
      'the cycle is named by its edges',
    );
    assert.ok(
      lines.some((line) => line.level === 'warning' && /@order\/g: .*@order\/private/.test(line.message)),
      'the private dependency is named',
    );
    assert.equal(report.published, true);
    assert.equal(report.results.length, 9, 'one row per publish');
  });

  it('writes nothing when run again: every package is unchanged and no code is spent', async () => {
    const repo = await makeMonorepo(npmMonorepo('rerun'));
    cleanups.push(repo.cleanup);
    await run(repo.root);
    registry.clearRequests();
    const { report } = await run(repo.root);
    assert.equal(report.error, undefined, String(report.error));
    assert.ok(Object.values(outcomes(report.packages)).every((outcome) => outcome === 'unchanged' || outcome === 'private'));
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
    );
    assert.equal(
      report.results.reduce((sum, row) => sum + row.otpAttempts, 0),
      0,
    );
  });

  it('stops the dependents of a failed package, publishes everything independent, says what is in the registry, and a re-run completes it', async () => {
    const repo = await makeMonorepo(npmMonorepo('fail'));
    cleanups.push(repo.cleanup);
    registry.failPackage('@fail/b', { status: 403, times: 1, body: { error: 'You do not have permission to publish "@fail/b".' } });
    const first = await run(repo.root);
    const got = outcomes(first.report.packages);
    assert.equal(got['@fail/b'], 'failed');
    assert.equal(got['@fail/c'], 'not-run');
    for (const independent of ['a', 'd', 'e', 'f', 'g', 'x', 'y']) assert.equal(got[`@fail/${independent}`], 'published', independent);
    const error = first.report.error as Error & { code?: string };
    assert.equal(error.code, 'EWORKSPACES');
    assert.match(
      error.message,
      /^1 workspace package failed: @fail\/b@1\.0\.0 \(.+\)\. In the registry now: published by this run: .*@fail\/a@1\.0\.0.*; already there: none\. Not in the registry: @fail\/b@1\.0\.0, @fail\/c@1\.0\.0\. Running the same step again publishes only what is missing\.$/,
    );
    assert.match(first.report.packages?.find((entry) => entry.name === '@fail/c')?.detail ?? '', /^not run: it depends on @fail\/b, which failed$/);
    assert.equal(await registry.packument('@fail/b'), undefined);

    registry.clearRequests();
    const second = await run(repo.root);
    assert.equal(second.report.error, undefined, String(second.report.error));
    assert.equal(outcomes(second.report.packages)['@fail/b'], 'published');
    assert.equal(outcomes(second.report.packages)['@fail/c'], 'published');
    assert.deepEqual(puts().sort(), ['@fail/b', '@fail/c']);
  });

  it('never trips a registry that takes a code for at most 3 writes with otp-uses 3 (what auto means on registry.npmjs.org): 9 publishes with 3 codes', async () => {
    const repo = await makeMonorepo(npmMonorepo('paced'));
    cleanups.push(repo.cleanup);
    registry.configure({ otpUsesPerCode: 3, otpUsesRetryAfterS: 300 });
    try {
      // A user of its own: the others' codes of this window are spent already.
      const paced = await registry.addUser('mono-paced');
      registry.clearRequests();
      const { report } = await run(repo.root, { otpUses: '3' }, paced);
      assert.equal(report.error, undefined, String(report.error));
      const writes = registry.requests.filter((request) => request.method === 'PUT');
      assert.equal(writes.filter((request) => request.status === 429).length, 0, 'no 429');
      assert.equal(writes.length, 9);
      assert.equal(new Set(writes.map((request) => request.otp)).size, 3, 'ceil(9 / 3) codes');
    } finally {
      registry.configure({ otpUsesPerCode: undefined });
    }
  });

  it('with otp-uses auto on a registry not known to limit reuse: one code for every write, no window wait, and the log says why', async () => {
    const repo = await makeMonorepo(npmMonorepo('unpaced'));
    cleanups.push(repo.cleanup);
    const unpaced = await registry.addUser('mono-unpaced');
    registry.clearRequests();
    const { report, lines } = await run(repo.root, {}, unpaced);
    assert.equal(report.error, undefined, String(report.error));
    const writes = registry.requests.filter((request) => request.method === 'PUT');
    assert.equal(writes.length, 9);
    assert.equal(new Set(writes.map((request) => request.otp)).size, 1, 'one code');
    assert.equal(
      report.results.reduce((sum, row) => sum + row.waitedMs, 0),
      0,
      'no wait for a window',
    );
    assert.ok(
      lines.some((line) =>
        /as many writes per one-time password as its window allows \(otp-uses auto: 127\.0\.0\.1 is not known to limit reuse/.test(line.message),
      ),
      'the pacing and why',
    );
  });

  it("with otp-uses auto, learns a limit from the registry's 429 rate limited otp and keeps to it", async () => {
    const repo = await makeMonorepo(npmMonorepo('learned'));
    cleanups.push(repo.cleanup);
    registry.configure({ otpUsesPerCode: 3, otpUsesRetryAfterS: 2 });
    try {
      const learner = await registry.addUser('mono-learner');
      registry.clearRequests();
      const { report, lines } = await run(repo.root, {}, learner);
      assert.equal(report.error, undefined, String(report.error));
      const writes = registry.requests.filter((request) => request.method === 'PUT');
      // The writes already out with the code when the first 429 came (at most `concurrency`) get one too.
      const tooMany = writes.filter((request) => request.status === 429).length;
      assert.ok(tooMany >= 1 && tooMany <= 4, `429s: ${tooMany}`);
      assert.equal(writes.filter((request) => request.status === 201).length, 9);
      assert.ok(
        registry.otpStats.codes.filter((code) => code.user === 'mono-learner').every((code) => code.uses <= 3),
        'no code served more than 3 writes',
      );
      assert.ok(
        lines.some((line) => /each code serves at most 3 writes/.test(line.message)),
        lines.map((line) => line.message).join('\n'),
      );
    } finally {
      registry.configure({ otpUsesPerCode: undefined });
    }
  });

  it('resolves workspace: and catalog: ranges in the published manifest and tarball of a pnpm monorepo, and lifts its publishConfig', async () => {
    const repo = await makeMonorepo({
      root: { name: 'pnpm-root', version: '0.0.0', private: true },
      rootFiles: {
        'pnpm-workspace.yaml': "packages:\n  - 'pkgs/*'\n  - '!pkgs/ignored'\ncatalog:\n  semver: ^7.6.0\ncatalogs:\n  tools:\n    minimist: 1.2.8\n",
      },
      packages: {
        'pkgs/core': {
          name: 'pnpm-core',
          version: '2.1.0',
          main: 'src/index.ts',
          publishConfig: { main: 'index.js', access: 'public' },
          dependencies: { semver: 'catalog:' },
        },
        'pkgs/util': {
          name: 'pnpm-util',
          version: '2.1.0',
          dependencies: { 'pnpm-core': 'workspace:^', minimist: 'catalog:tools' },
          devDependencies: { 'pnpm-core': 'workspace:*' },
        },
        'pkgs/app': {
          name: 'pnpm-app',
          version: '3.0.0',
          dependencies: { 'pnpm-util': 'workspace:~', 'pnpm-core': 'workspace:*' },
          peerDependencies: { 'pnpm-core': 'workspace:>=2.0.0' },
        },
        'pkgs/ignored': { name: 'pnpm-ignored', version: '1.0.0' },
      },
    });
    cleanups.push(repo.cleanup);
    const { report } = await run(repo.root);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(outcomes(report.packages), { 'pnpm-core': 'published', 'pnpm-util': 'published', 'pnpm-app': 'published' });
    const expected: Record<string, Record<string, unknown>> = {
      'pnpm-core': { dependencies: { semver: '^7.6.0' }, main: 'index.js' },
      'pnpm-util': { dependencies: { 'pnpm-core': '^2.1.0', minimist: '1.2.8' }, devDependencies: { 'pnpm-core': '2.1.0' } },
      'pnpm-app': { dependencies: { 'pnpm-util': '~2.1.0', 'pnpm-core': '2.1.0' }, peerDependencies: { 'pnpm-core': '>=2.0.0' } },
    };
    for (const [name, fields] of Object.entries(expected)) {
      const packument = await registry.packument(name);
      const version = Object.keys(packument.versions)[0] as string;
      const published = packument.versions[version] as Record<string, unknown>;
      const data = Buffer.from(await (await fetch(String((published.dist as { tarball: string }).tarball))).arrayBuffer());
      const tarball = await packedManifest(data);
      for (const [field, value] of Object.entries(fields)) {
        assert.deepEqual(published[field], value, `${name} ${field} in the registry`);
        assert.deepEqual(tarball[field], value, `${name} ${field} in the tarball`);
      }
      assert.doesNotMatch(JSON.stringify(published) + JSON.stringify(tarball), /workspace:|catalog:/);
    }
  });
});

describe('a monorepo root that is not a package itself', () => {
  const registry = suiteRegistry();
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('publishes the workspaces of a root package.json with no version and no name (as yarn and pnpm roots often are)', async () => {
    const user = await registry.addUser('rootless');
    const spec = npmMonorepo('rootless');
    const repo = await makeMonorepo({ ...spec, root: { private: true, workspaces: ['packages/*'] } });
    cleanups.push(repo.cleanup);
    const clock = new TimeTravelClock(registry);
    const { report } = await publishWithClock(
      { token: user.token, otpSecret: user.secret, registry: registry.url, package: repo.root, workspaces: '@rootless/a,packages/b', otpUses: '10' },
      clock,
      repo.root,
    );
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(
      report.packages?.filter((entry) => entry.outcome !== 'skipped' && entry.outcome !== 'private').map((entry) => `${entry.name}:${entry.outcome}`),
      ['@rootless/a:published', '@rootless/b:published'],
    );
    const others = report.packages?.filter((entry) => entry.outcome === 'skipped').map((entry) => entry.name);
    assert.deepEqual(
      others,
      ['@rootless/c', '@rootless/d', '@rootless/e', '@rootless/f', '@rootless/g', '@rootless/x', '@rootless/y'],
      'the packages left out are listed',
    );
    assert.equal(report.packages?.find((entry) => entry.name === '@rootless/c')?.detail, 'skipped: not selected by workspaces (@rootless/a, packages/b)');
  });
});
