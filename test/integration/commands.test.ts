import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import path from 'node:path';
import { makePackage, ROOT } from '../helpers/action.ts';
import { runBlockInProcess } from '../helpers/core.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

type User = { name: string; token: string; secret: string };

describe('commands through npm’s libraries against the test registry', () => {
  const registry = suiteRegistry();
  let alice: User;
  const run = (block: string, extra: Record<string, string> = {}) =>
    runBlockInProcess({ token: alice.token, otpSecret: alice.secret, registry: registry.url, ...extra }, block);
  const writes = () => registry.requests.filter((request) => request.method !== 'GET');
  const outcomes = (report: Awaited<ReturnType<typeof run>>['report']) => report.results.map((result) => result.outcome);

  before(async () => {
    alice = await registry.addUser('alice');
    await registry.addUser('bob');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'cmd-pkg', version: '1.0.0' });
    const two = await makePackage({ 'index.js': '2;\n' }, { name: 'cmd-pkg', version: '2.0.0' });
    const scoped = await makePackage({ 'index.js': '3;\n' }, { name: '@team/cmd-scoped', version: '1.0.0' });
    const { report } = await run(`publish ${dir}\npublish ${two}\npublish ${scoped} --access public`);
    assert.equal(report.error, undefined, String(report.error));
  });

  it('runs publish, dist-tag add and owner add in one block; the same block again writes nothing and skips every line', async () => {
    const dir = await makePackage({ 'index.js': '4;\n' }, { name: 'cmd-block', version: '1.0.0' });
    const block = `publish ${dir}\ndist-tag add cmd-block@1.0.0 stable\nowner add bob cmd-block`;
    registry.clearRequests();
    const first = await run(block);
    assert.equal(first.report.error, undefined, String(first.report.error));
    assert.deepEqual(outcomes(first.report), ['published', 'done', 'done']);
    assert.deepEqual(
      first.report.results.map((result) => result.otpAttempts),
      [1, 1, 1],
    );
    assert.deepEqual(
      writes().map((w) => [w.method, w.otpAccepted]),
      [
        ['PUT', true],
        ['PUT', true],
        ['PUT', true],
      ],
    );
    const packument = await registry.packument('cmd-block');
    assert.equal(packument['dist-tags'].stable, '1.0.0');
    assert.deepEqual(packument.maintainers.map((m: { name: string }) => m.name).sort(), ['alice', 'bob']);

    registry.clearRequests();
    const second = await run(block);
    assert.equal(second.report.error, undefined);
    assert.deepEqual(outcomes(second.report), ['unchanged', 'unchanged', 'unchanged']);
    assert.ok(second.report.results.every((result) => result.ok && result.skipped && result.otpAttempts === 0));
    assert.deepEqual(writes(), [], 'the second run sends no write');
  });

  it('adds, lists and removes dist-tags, refusing a version that does not exist', async () => {
    const { report } = await run('dist-tag add cmd-pkg@1.0.0 legacy\ndist-tag ls cmd-pkg\ndist-tag rm cmd-pkg legacy\ndist-tag rm cmd-pkg legacy');
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(outcomes(report), ['done', 'read', 'done', 'unchanged']);
    assert.match(report.results[1]?.detail ?? '', /latest: 2\.0\.0/);
    assert.match(report.results[1]?.detail ?? '', /legacy: 1\.0\.0/);
    assert.equal((await registry.packument('cmd-pkg'))['dist-tags'].legacy, undefined);
    registry.clearRequests();
    const missing = await run('dist-tag add cmd-pkg@9.9.9 nope');
    assert.match(String((missing.report.error as Error).message), /cmd-pkg@9\.9\.9 is not in the registry/);
    assert.deepEqual(writes(), []);
  });

  it('adds and removes owners, skipping what already holds, refusing an unknown user and the last owner', async () => {
    const { report } = await run('owner add bob cmd-pkg\nowner add bob cmd-pkg\nowner ls cmd-pkg\nowner rm bob cmd-pkg\nowner rm bob cmd-pkg');
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(outcomes(report), ['done', 'unchanged', 'read', 'done', 'unchanged']);
    assert.match(report.results[2]?.detail ?? '', /alice.*bob/);
    registry.clearRequests();
    const unknown = await run('owner add nobody-here cmd-pkg');
    assert.match(String((unknown.report.error as Error).message), /npm user "nobody-here" does not exist/);
    const last = await run('owner rm alice cmd-pkg');
    assert.match(String((last.report.error as Error).message), /only owner of cmd-pkg/);
    assert.deepEqual(writes(), []);
  });

  it('sets access status and the 2FA policy, skipping a status already set', async () => {
    const { report } = await run(
      'access get status @team/cmd-scoped\naccess set status=private @team/cmd-scoped\naccess set status=private @team/cmd-scoped\naccess set mfa=publish @team/cmd-scoped\naccess get status @team/cmd-scoped',
    );
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(outcomes(report), ['read', 'done', 'unchanged', 'done', 'read']);
    assert.equal(report.results[0]?.detail, '@team/cmd-scoped is public');
    assert.equal(report.results[4]?.detail, '@team/cmd-scoped is private');
    const settings = registry.packageSettings('@team/cmd-scoped');
    assert.equal(settings?.access, 'restricted');
    assert.deepEqual(settings?.mfa, 'publish');
  });

  it('deprecates a range with a quoted message, skips it when already so, and undeprecates with an empty message', async () => {
    const { report } = await run('deprecate cmd-pkg@"<2" "use 2.x"\ndeprecate cmd-pkg@"<2" "use 2.x"');
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(outcomes(report), ['done', 'unchanged']);
    let packument = await registry.packument('cmd-pkg');
    assert.equal(packument.versions['1.0.0'].deprecated, 'use 2.x');
    assert.equal(packument.versions['2.0.0'].deprecated, undefined);
    const undo = await run('deprecate cmd-pkg@1.0.0 ""');
    assert.equal(undo.report.error, undefined, String(undo.report.error));
    packument = await registry.packument('cmd-pkg');
    assert.ok(!packument.versions['1.0.0'].deprecated);
  });

  it('unpublishes one version, and skips it when already gone', async () => {
    const dir = await makePackage({ 'index.js': '5;\n' }, { name: 'cmd-gone', version: '1.0.0' });
    const dir2 = await makePackage({ 'index.js': '6;\n' }, { name: 'cmd-gone', version: '1.1.0' });
    const { report } = await run(`publish ${dir}\npublish ${dir2}\nunpublish cmd-gone@1.0.0\nunpublish cmd-gone@1.0.0`);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(outcomes(report), ['published', 'published', 'done', 'unchanged']);
    assert.deepEqual(Object.keys((await registry.packument('cmd-gone')).versions), ['1.1.0']);
  });

  it('sends no request at all when any line of the block is invalid', async () => {
    registry.clearRequests();
    const { report } = await run('dist-tag add cmd-pkg@1.0.0 beta\nowner add bob cmd-pkg\ndist-tag add cmd-pkg@1.0.0 1.x');
    assert.match(String((report.error as Error).message), /^commands line 3 \(dist-tag add cmd-pkg@1\.0\.0 1\.x\): "1\.x" is a valid semver range/);
    assert.deepEqual(registry.requests, []);
  });

  it('stops at the first failure and reports each line as done, failed or not run', async () => {
    const { report } = await run('dist-tag add cmd-pkg@1.0.0 one\ndist-tag add cmd-pkg@9.9.9 two\ndist-tag add cmd-pkg@1.0.0 three');
    assert.deepEqual(outcomes(report), ['done', 'failed', 'not-run']);
    assert.match(report.results[1]?.detail ?? '', /cmd-pkg@9\.9\.9 is not in the registry/);
    assert.equal((await registry.packument('cmd-pkg'))['dist-tags'].three, undefined);
  });

  it('checks the users of every owner change before the first write', async () => {
    registry.clearRequests();
    const { report } = await run('dist-tag add cmd-pkg@1.0.0 early\nowner add bob cmd-pkg\nowner rm nobody-at-all cmd-pkg');
    assert.deepEqual(outcomes(report), ['not-run', 'not-run', 'failed']);
    assert.match(report.results[2]?.detail ?? '', /npm user "nobody-at-all" does not exist/);
    assert.deepEqual(writes(), [], 'no write was sent');
  });

  it('refuses to unpublish the only version without --force, as npm does, and removes the package with it', async () => {
    const dir = await makePackage({ 'index.js': '7;\n' }, { name: 'cmd-single', version: '1.0.0' });
    assert.equal((await run(`publish ${dir}`)).report.error, undefined);
    registry.clearRequests();
    const refused = await run('unpublish cmd-single@1.0.0');
    assert.equal((refused.report.error as { code?: string }).code, 'ELASTVERSION');
    assert.match(refused.report.results[0]?.detail ?? '', /only version of cmd-single.*--force/);
    assert.deepEqual(writes(), []);
    const forced = await run('unpublish cmd-single@1.0.0 --force');
    assert.equal(forced.report.error, undefined, String(forced.report.error));
    assert.equal(await registry.packument('cmd-single'), undefined);
  });

  it('refuses, as npm does, to move latest back to a lower version unless the tag is given', async () => {
    const dir = await makePackage({ 'index.js': '8;\n' }, { name: 'cmd-pkg', version: '1.5.0' });
    registry.clearRequests();
    const implicit = await run(`publish ${dir}`);
    assert.match(
      String((implicit.report.error as Error).message),
      /^tag \(or --tag on line 1\): cmd-pkg@1\.5\.0 is lower than the highest published version, 2\.0\.0/,
    );
    assert.deepEqual(writes(), []);
    const tagged = await run(`publish ${dir} --tag v1-lts`);
    assert.equal(tagged.report.error, undefined, String(tagged.report.error));
    const packument = await registry.packument('cmd-pkg');
    assert.deepEqual([packument['dist-tags'].latest, packument['dist-tags']['v1-lts']], ['2.0.0', '1.5.0']);
  });

  it('checks a .tgz publish on a later line (prerelease needs a tag) before the first line writes', async () => {
    const pre = await makePackage({ 'index.js': '9;\n' }, { name: 'cmd-tgz', version: '3.0.0-rc.1' });
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js'), 'pack', '--pack-destination', pre, '--loglevel', 'error'], {
      cwd: pre,
    });
    registry.clearRequests();
    const { report } = await run(`dist-tag add cmd-pkg@1.0.0 early\npublish ${path.join(pre, 'cmd-tgz-3.0.0-rc.1.tgz')}`);
    assert.match(String((report.error as Error).message), /cmd-tgz@3\.0\.0-rc\.1 is a prerelease; give an explicit tag/);
    assert.deepEqual(registry.requests, [], 'no request at all');
  });

  it('writes nothing on a dry run and says what it would do', async () => {
    registry.clearRequests();
    const { report } = await run('dist-tag add cmd-pkg@1.0.0 dry\nowner add bob cmd-pkg', { dryRun: 'true' });
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(outcomes(report), ['dry-run', 'dry-run']);
    assert.match(report.results[0]?.detail ?? '', /would point dry at 1\.0\.0/);
    assert.deepEqual(writes(), []);
  });
});
