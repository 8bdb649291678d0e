/**
 * Proof of faithfulness: the real npm CLI (the pinned devDependency) drives the
 * fixture for every write. Each write fails without a code (EOTP, or for
 * `npm owner` its wrapper EOWNERMUTATE around the EOTP) and succeeds with a
 * valid `--otp`; the request log shows what npm sent. Tests use separate
 * packages so they can run two at a time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { publish } from './http-client.ts';
import type { CreatedUser, RequestRecord } from './index.ts';
import type { NpmResult } from './npm-cli.ts';
import { NpmClient } from './npm-cli.ts';
import { midWindowOffset } from './totp.ts';

const registry = suiteRegistry(() => ({ clockOffsetMs: midWindowOffset() }));
let alice: CreatedUser;
let npm: NpmClient;

/** Publishes versions by hand (quicker than the CLI) so a test has a package to work on. */
async function seed(name: string, versions: string[] = ['1.0.0']): Promise<void> {
  for (const version of versions) {
    // One session for all seeding, so single-use mode sees one command.
    const headers = { 'npm-command': 'seed', 'npm-session': 'seed' };
    const res = await publish(registry.url, name, version, { token: alice.token, otp: registry.codeFor(alice.secret), access: 'public', headers });
    assert.equal(res.status, 201, `seeding ${name}@${version}`);
  }
}

function assertEotp(result: NpmResult): void {
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.errorCode, 'EOTP', result.stderr);
}

const withOtp = (args: string[]): string[] => [...args, `--otp=${registry.codeFor(alice.secret)}`];

function assertOk(result: NpmResult): void {
  assert.equal(result.code, 0, result.stderr);
}

/** The gated writes npm sent for `name`, as [method, path, otpAccepted, status]. */
function writesFor(name: string): Array<[string, string, boolean | undefined, number]> {
  const escaped = name.replace('/', '%2f');
  return registry.requests
    .filter((r: RequestRecord) => r.method !== 'GET' && r.npmCommand !== 'seed' && r.path.includes(escaped))
    .map((r) => [r.method, r.path, r.otpAccepted, r.status]);
}

const names = (list: Array<{ name: string }>): string[] => list.map((m) => m.name);

describe('npm CLI against the fixture', { concurrency: 2 }, () => {
  before(async () => {
    alice = await registry.addUser('alice');
    await registry.addUser('bob');
    npm = await NpmClient.create(registry.url, alice.token);
  });
  after(async () => {
    await npm?.dispose();
  });

  test('publish', async () => {
    const dir = await npm.makePackage('@acme/cli-publish', '1.0.0');
    assertEotp(await npm.run(['publish', '--access', 'public'], dir));
    assert.equal(await registry.packument('@acme/cli-publish'), undefined);
    const published = await npm.run(withOtp(['publish', '--access', 'public']), dir);
    assertOk(published);
    assert.match(published.stdout, /\+ @acme\/cli-publish@1\.0\.0/);
    assert.deepEqual(writesFor('@acme/cli-publish'), [
      ['PUT', '/@acme%2fcli-publish', false, 401],
      ['PUT', '/@acme%2fcli-publish', true, 201],
    ]);
    const packument = await registry.packument('@acme/cli-publish');
    assert.deepEqual(names(packument.maintainers), ['alice']);
  });

  test('dist-tag add, ls and rm', async () => {
    await seed('cli-tags');
    assertEotp(await npm.run(['dist-tag', 'add', 'cli-tags@1.0.0', 'beta']));
    assertOk(await npm.run(withOtp(['dist-tag', 'add', 'cli-tags@1.0.0', 'beta'])));
    const listed = await npm.run(['dist-tag', 'ls', 'cli-tags']);
    assertOk(listed);
    assert.equal(listed.stdout.trim(), 'beta: 1.0.0\nlatest: 1.0.0');
    assertEotp(await npm.run(['dist-tag', 'rm', 'cli-tags', 'beta']));
    assertOk(await npm.run(withOtp(['dist-tag', 'rm', 'cli-tags', 'beta'])));
    assert.deepEqual((await registry.packument('cli-tags'))['dist-tags'], { latest: '1.0.0' });
    assert.deepEqual(writesFor('cli-tags'), [
      ['PUT', '/-/package/cli-tags/dist-tags/beta', false, 401],
      ['PUT', '/-/package/cli-tags/dist-tags/beta', true, 201],
      ['DELETE', '/-/package/cli-tags/dist-tags/beta', false, 401],
      ['DELETE', '/-/package/cli-tags/dist-tags/beta', true, 201],
    ]);
  });

  test('owner add, ls and rm', async () => {
    await seed('cli-owners');
    const refused = await npm.run(['owner', 'add', 'bob', 'cli-owners']);
    assert.equal(refused.errorCode, 'EOWNERMUTATE', refused.stderr);
    assert.match(refused.stderr, /OTP required for authentication/);
    assertOk(await npm.run(withOtp(['owner', 'add', 'bob', 'cli-owners'])));
    const listed = await npm.run(['owner', 'ls', 'cli-owners']);
    assertOk(listed);
    assert.equal(listed.stdout.trim(), 'alice <alice@example.test>\nbob <bob@example.test>');
    assert.equal((await npm.run(['owner', 'rm', 'bob', 'cli-owners'])).errorCode, 'EOWNERMUTATE');
    assertOk(await npm.run(withOtp(['owner', 'rm', 'bob', 'cli-owners'])));
    assert.deepEqual(names(registry.packageSettings('cli-owners')?.maintainers ?? []), ['alice']);
    const rmLast = await npm.run(withOtp(['owner', 'rm', 'alice', 'cli-owners']));
    assert.equal(rmLast.errorCode, 'EOWNERRM', 'npm refuses to remove the last owner itself');
    assert.deepEqual(
      writesFor('cli-owners').map(([method, , accepted, status]) => [method, accepted, status]),
      [
        ['PUT', false, 401],
        ['PUT', true, 200],
        ['PUT', false, 401],
        ['PUT', true, 200],
      ],
    );
  });

  test('access set status=private and status=public', async () => {
    await seed('@acme/cli-access');
    assertEotp(await npm.run(['access', 'set', 'status=private', '@acme/cli-access']));
    const set = await npm.run(withOtp(['access', 'set', 'status=private', '@acme/cli-access']));
    assertOk(set);
    assert.equal(set.stdout.trim(), '@acme/cli-access: private', 'npm reads the visibility back');
    assert.equal(registry.packageSettings('@acme/cli-access')?.access, 'restricted');
    assertOk(await npm.run(withOtp(['access', 'set', 'status=public', '@acme/cli-access'])));
    const got = await npm.run(['access', 'get', 'status', '@acme/cli-access']);
    assert.equal(got.stdout.trim(), '@acme/cli-access: public');
    assert.deepEqual(writesFor('@acme/cli-access'), [
      ['POST', '/-/package/@acme%2fcli-access/access', false, 401],
      ['POST', '/-/package/@acme%2fcli-access/access', true, 200],
      ['POST', '/-/package/@acme%2fcli-access/access', true, 200],
    ]);
  });

  test('access set mfa=publish, automation and none', async () => {
    await seed('cli-mfa');
    assertEotp(await npm.run(['access', 'set', 'mfa=publish', 'cli-mfa']));
    assert.equal(registry.packageSettings('cli-mfa')?.mfa, 'none');
    for (const level of ['publish', 'automation', 'none'] as const) {
      assertOk(await npm.run(withOtp(['access', 'set', `mfa=${level}`, 'cli-mfa'])));
      assert.equal(registry.packageSettings('cli-mfa')?.mfa, level);
    }
  });

  test('deprecate and undeprecate', async () => {
    await seed('cli-deprecate', ['1.0.0', '1.1.0']);
    assertEotp(await npm.run(['deprecate', 'cli-deprecate@1.0.0', 'use 1.1']));
    assertOk(await npm.run(withOtp(['deprecate', 'cli-deprecate@1.0.0', 'use 1.1'])));
    let versions = (await registry.packument('cli-deprecate')).versions;
    assert.equal(versions['1.0.0'].deprecated, 'use 1.1');
    assert.equal(versions['1.1.0'].deprecated, undefined);
    assertOk(await npm.run(withOtp(['deprecate', 'cli-deprecate@1.0.0', ''])));
    versions = (await registry.packument('cli-deprecate')).versions;
    assert.ok(!versions['1.0.0'].deprecated, 'an empty message undeprecates');
    assert.deepEqual(
      writesFor('cli-deprecate')
        .slice(-3)
        .map(([m, p, a, s]) => [m, p, a, s]),
      [
        ['PUT', '/cli-deprecate', false, 401],
        ['PUT', '/cli-deprecate', true, 201],
        ['PUT', '/cli-deprecate', true, 201],
      ],
    );
  });

  test('unpublish one version, then the whole package', async () => {
    await seed('cli-unpublish', ['1.0.0', '1.1.0']);
    assertEotp(await npm.run(['unpublish', 'cli-unpublish@1.1.0']));
    assertOk(await npm.run(withOtp(['unpublish', 'cli-unpublish@1.1.0'])));
    const packument = await registry.packument('cli-unpublish');
    assert.deepEqual(Object.keys(packument.versions), ['1.0.0']);
    assert.equal(packument['dist-tags'].latest, '1.0.0');
    assertOk(await npm.run(withOtp(['unpublish', 'cli-unpublish', '--force'])));
    assert.equal(await registry.packument('cli-unpublish'), undefined);
    const writes = writesFor('cli-unpublish').map(([method, path, accepted, status]) => [method, path.replace(/-rev\/.*/, '-rev/R'), accepted, status]);
    assert.deepEqual(writes, [
      ['PUT', '/cli-unpublish/-rev/R', false, 401],
      ['PUT', '/cli-unpublish/-rev/R', true, 201],
      ['DELETE', '/cli-unpublish/-/cli-unpublish-1.1.0.tgz/-rev/R', true, 201],
      ['DELETE', '/cli-unpublish/-rev/R', true, 201],
    ]);
  });
});

describe('npm CLI in single-use mode', () => {
  test('a multi-request command (unpublish) uses one code throughout; the next command cannot reuse it', async (t) => {
    registry.configure({ clockOffsetMs: midWindowOffset(), singleUse: true });
    t.after(() => registry.configure({ singleUse: false }));
    registry.clearRequests();
    const client = await NpmClient.create(registry.url, alice.token);
    t.after(() => client.dispose());
    await seed('single-use', ['1.0.0', '1.1.0', '1.2.0']);
    const code = registry.codeFor(alice.secret, 1);
    assertOk(await client.run(['unpublish', 'single-use@1.2.0', `--otp=${code}`]));
    assertEotp(await client.run(['unpublish', 'single-use@1.1.0', `--otp=${code}`]));
    assert.deepEqual(Object.keys((await registry.packument('single-use')).versions), ['1.0.0', '1.1.0']);
    const gated = registry.requests.filter((r) => r.otp === code && r.otpAccepted !== undefined);
    assert.deepEqual(
      gated.map((r) => [r.method, r.otpRefusal ?? 'ok']),
      [
        ['PUT', 'ok'],
        ['DELETE', 'ok'],
        ['PUT', 'reused'],
      ],
    );
  });
});
