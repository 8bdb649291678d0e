/**
 * npmjs's answers of 2026 that the fixture gives on demand: an expired or revoked token (its `npm-notice`, 404 on
 * a write, 401 on whoami), a bypass-2FA granular token refused for governance writes (403
 * Forbidden2FABypassGAT), a stage-only token or a trusted publisher without `createPackage` publishing directly
 * ("OIDC permission denied for this action"), the profile's `tfa`, an `npm-notice` on every answer, and a staged
 * version still `validating` (approving it answers 409).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { call, escapeName, publish, stagePublish, trustBody } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { RegistryOptions, TestRegistry } from './index.ts';
import { midWindowOffset } from './totp.ts';

async function start(t: TestContext, options: RegistryOptions = {}): Promise<TestRegistry> {
  const registry = await startRegistry({ clockOffsetMs: midWindowOffset(), ...options });
  t.after(() => registry.close());
  return registry;
}

const EXPIRED = 'Access token expired or revoked. Please try logging in again.';

describe('npmjs in 2026', () => {
  test('an expired or revoked token: a notice on every answer, 404 on a publish, 401 on whoami, reads as anonymous', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret) })).status, 201);
    registry.expireToken(alice.token);
    const put = await publish(registry.url, 'demo', '1.0.1', { token: alice.token, otp: registry.codeFor(alice.secret) });
    assert.equal(put.status, 404);
    assert.equal(put.headers.get('npm-notice'), EXPIRED);
    const whoami = await call(registry.url, 'GET', '-/whoami', { token: alice.token });
    assert.equal(whoami.status, 401);
    assert.equal(whoami.headers.get('npm-notice'), EXPIRED);
    const read = await call(registry.url, 'GET', 'demo', { token: alice.token });
    assert.equal(read.status, 200, 'a public package still reads');
    assert.equal(read.headers.get('npm-notice'), EXPIRED);
    const tag = await call(registry.url, 'PUT', '-/package/demo/dist-tags/next', { token: alice.token, otp: registry.codeFor(alice.secret), body: '"1.0.0"' });
    assert.equal(tag.status, 404);
    assert.deepEqual(Object.keys((await registry.packument('demo')).versions), ['1.0.0']);
    const fresh = registry.issueToken('alice');
    const ok = await call(registry.url, 'GET', '-/whoami', { token: fresh });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('npm-notice'), null, 'a live token gets no notice');
  });

  test('a bypass-2FA token writes without a code, and is refused owner, access and trust changes with Forbidden2FABypassGAT', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    await registry.addUser('bob');
    const bypass = registry.issueToken('alice', { bypass2fa: true });
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: bypass })).status, 201, 'a publish needs no code');
    assert.equal((await call(registry.url, 'PUT', '-/package/demo/dist-tags/next', { token: bypass, body: '"1.0.0"' })).status, 201);
    const packument = await registry.packument('demo');
    const refusals = [
      await call(registry.url, 'PUT', `demo/-rev/${packument._rev}`, {
        token: bypass,
        otp: registry.codeFor(alice.secret),
        body: { _id: 'demo', _rev: packument._rev, maintainers: [{ name: 'alice' }, { name: 'bob' }] },
      }),
      await call(registry.url, 'POST', '-/package/demo/access', { token: bypass, body: { publish_requires_tfa: true } }),
      await call(registry.url, 'POST', '-/package/demo/trust', { token: bypass, body: trustBody.github('o/r', 'release.yml', ['createPackage']) }),
      await call(registry.url, 'GET', '-/package/demo/trust', { token: bypass }),
    ];
    for (const answer of refusals) {
      assert.equal(answer.status, 403);
      assert.deepEqual(await answer.json(), {
        code: 'Forbidden2FABypassGAT',
        error: 'Granular access tokens that bypass two-factor authentication may not perform this action.',
      });
    }
    assert.deepEqual(
      registry.packageSettings('demo')?.maintainers.map((m) => m.name),
      ['alice'],
    );
    const asked = await call(registry.url, 'GET', '-/package/demo/trust', { token: alice.token });
    assert.equal(asked.status, 401, "the account's own token is asked for a code instead");
  });

  test("a stage-only token and a trusted publisher that may only stage are refused a direct publish in npm's words", async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const stageOnly = registry.issueToken('alice', { stageOnly: true });
    const direct = await publish(registry.url, 'demo', '1.0.0', { token: stageOnly, otp: registry.codeFor(alice.secret) });
    assert.equal(direct.status, 403);
    assert.deepEqual(await direct.json(), { error: 'OIDC permission denied for this action' });
    assert.equal((await stagePublish(registry.url, 'demo', '1.0.0', { token: stageOnly })).status, 201);

    assert.equal((await publish(registry.url, 'staged-only', '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret) })).status, 201);
    registry.trustPublisher('staged-only', { repository: 'acme/x', workflow: 'release.yml', permissions: ['createStagedPackage'] });
    const exchanged = await call(registry.url, 'POST', `-/npm/v1/oidc/token/exchange/package/${escapeName('staged-only')}`, {
      token: registry.issueIdToken({ repository: 'acme/x', workflow: 'release.yml' }),
    });
    const { token } = (await exchanged.json()) as { token: string };
    const oidc = await publish(registry.url, 'staged-only', '1.0.1', { token });
    assert.equal(oidc.status, 403);
    assert.deepEqual(await oidc.json(), { error: 'OIDC permission denied for this action' });
  });

  test("the profile's tfa: auth-and-writes for 2FA accounts, auth-only, none (null) or pending otherwise", async (t) => {
    const registry = await start(t);
    const cases: Array<[string, Parameters<TestRegistry['addUser']>[1], unknown]> = [
      ['totp', {}, { mode: 'auth-and-writes', pending: false }],
      ['key', { web: true }, { mode: 'auth-and-writes', pending: false }],
      ['light', { twoFactor: false }, { mode: 'auth-only', pending: false }],
      ['none', { twoFactor: false, tfa: 'none' }, null],
      ['half', { twoFactor: false, tfa: 'pending' }, { mode: 'auth-only', pending: true }],
    ];
    for (const [name, options, tfa] of cases) {
      const user = await registry.addUser(name, options);
      const answer = await call(registry.url, 'GET', '-/npm/v1/user', { token: user.token });
      assert.equal(answer.status, 200, name);
      const body = (await answer.json()) as { name: string; tfa: unknown };
      assert.equal(body.name, name);
      assert.deepEqual(body.tfa, tfa, name);
    }
    assert.equal((await call(registry.url, 'GET', '-/npm/v1/user')).status, 401);
  });

  test('an npm-notice on every answer, when configured', async (t) => {
    const registry = await start(t, { npmNotice: 'Something to say' });
    assert.equal((await call(registry.url, 'GET', 'nothing-here')).headers.get('npm-notice'), 'Something to say');
    registry.configure({ npmNotice: undefined });
    assert.equal((await call(registry.url, 'GET', 'nothing-here')).headers.get('npm-notice'), null);
  });

  test('a staged version validates for a number of answers: listed as validating, approving it answers 409, then it is staged and approvable', async (t) => {
    const registry = await start(t, { stageValidatingAnswers: 2 });
    const alice = await registry.addUser('alice');
    const staged = await stagePublish(registry.url, 'demo', '1.0.0', { token: alice.token });
    const { stageId } = (await staged.json()) as { stageId: string };
    assert.equal(registry.staged('demo')[0]?.status, 'validating', 'the helper does not spend an answer');
    const listed = (await (await call(registry.url, 'GET', '-/stage?package=demo', { token: alice.token })).json()) as { items: Array<{ status: string }> };
    assert.equal(listed.items[0]?.status, 'validating');
    const early = await call(registry.url, 'POST', `-/stage/${stageId}/approve`, { token: alice.token, otp: registry.codeFor(alice.secret) });
    assert.equal(early.status, 409);
    assert.match(((await early.json()) as { error: string }).error, /is still being validated/);
    const view = (await (await call(registry.url, 'GET', `-/stage/${stageId}`, { token: alice.token })).json()) as { status: string };
    assert.equal(view.status, 'staged');
    const approved = await call(registry.url, 'POST', `-/stage/${stageId}/approve`, { token: alice.token, otp: registry.codeFor(alice.secret) });
    assert.equal(approved.status, 200);
    assert.deepEqual(Object.keys((await registry.packument('demo')).versions), ['1.0.0']);
  });
});
