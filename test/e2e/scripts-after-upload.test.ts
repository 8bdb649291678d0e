import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makePackage, runAction } from '../helpers/action.ts';
import { makeMonorepo } from '../helpers/monorepo.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

interface Row {
  command: string;
  outcome: string;
  detail: string;
}

/**
 * npm runs `publish` and `postpublish` after the upload: when one fails, the
 * version is in the registry all the same, and the outputs say so (issue 18,
 * finding 4), through the bundled action.
 */
describe('a script that fails after the upload', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  const cleanups: Array<() => Promise<void>> = [];
  const inputs = (extra: Record<string, string>) => ({ token: alice.token, 'otp-secret': alice.secret, registry: registry.url, 'otp-uses': '100', ...extra });

  before(async () => {
    alice = await registry.addUser('alice');
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  for (const event of ['publish', 'postpublish']) {
    it(`reports the version published when its ${event} script fails, and fails the step at the end`, async () => {
      const name = `after-${event}`;
      const dir = await makePackage({ 'index.js': '1;\n' }, { name, version: '1.0.0', scripts: { [event]: 'echo going wrong && exit 3' } });
      const run = await runAction({ inputs: inputs({ package: dir }) });
      assert.equal(run.code, 1, run.stdout);
      assert.equal(run.outputs.published, 'true');
      const results = JSON.parse(run.outputs.results ?? '[]') as Row[];
      assert.deepEqual(
        results.map((row) => row.outcome),
        ['published'],
      );
      assert.match(results[0]?.detail ?? '', new RegExp(`published ${name}@1\\.0\\.0 .*; then its ${event} script failed \\(exit code 3\\)`));
      assert.match(run.stdout, new RegExp(`^::error::${name}@1\\.0\\.0 is published, but its ${event} script failed`, 'm'));
      assert.doesNotMatch(run.summary, /0 writes done/);
      assert.match(run.summary, /1 write done, then the run failed/);
      assert.ok((await registry.packument(name))?.versions['1.0.0'], 'in the registry');
    });
  }

  it('in a monorepo: lists the package as published and publishes what depends on it', async () => {
    const repo = await makeMonorepo({
      root: { name: 'sa-root', version: '0.0.0', private: true, workspaces: ['packages/*'] },
      packages: {
        'packages/a': { name: '@sa/a', version: '1.0.0', publishConfig: { access: 'public' }, scripts: { postpublish: 'exit 4' } },
        'packages/b': { name: '@sa/b', version: '1.0.0', publishConfig: { access: 'public' }, dependencies: { '@sa/a': '^1.0.0' } },
      },
    });
    cleanups.push(repo.cleanup);
    const run = await runAction({ inputs: inputs({ package: repo.root, workspaces: 'true' }) });
    assert.equal(run.code, 1, run.stdout);
    assert.equal(run.outputs.published, 'true');
    const packages = JSON.parse(run.outputs.packages ?? '[]') as Array<{ name: string; outcome: string; detail: string }>;
    assert.deepEqual(
      packages.map((entry) => [entry.name, entry.outcome]),
      [
        ['@sa/a', 'published'],
        ['@sa/b', 'published'],
      ],
    );
    assert.match(packages[0]?.detail ?? '', /then its postpublish script failed \(exit code 4\)/);
    const results = JSON.parse(run.outputs.results ?? '[]') as Row[];
    assert.deepEqual(
      results.map((row) => row.outcome),
      ['published', 'published'],
    );
    assert.match(run.stdout, /^::error::.*published by this run: @sa\/a@1\.0\.0, @sa\/b@1\.0\.0/m);
    assert.doesNotMatch(run.stdout, /Not in the registry: @sa\/a/);
    for (const name of ['@sa/a', '@sa/b']) assert.ok((await registry.packument(name))?.versions['1.0.0'], `${name} is in the registry`);
  });
});
