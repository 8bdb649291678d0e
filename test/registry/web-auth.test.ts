/**
 * Web approvals in the test registry, as registry.npmjs.org answers npm 11 (web-auth.ts): the challenge and
 * its legacy form, doneUrl's answers, the token's reach, and "don't ask again".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { call, publish } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { RegistryOptions, TestRegistry } from './index.ts';

async function start(t: TestContext, options: RegistryOptions = {}): Promise<TestRegistry> {
  const registry = await startRegistry(options);
  t.after(() => registry.close());
  return registry;
}

const WEB = { 'npm-auth-type': 'web', 'npm-command': 'publish' };

describe('web approvals in the test registry', () => {
  test('without npm-auth-type web, a security-key account gets the legacy answer and a notice, and no approval page', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice', { web: true });
    const res = await publish(registry.url, 'demo', '1.0.0', { token: alice.token, headers: { 'npm-command': 'publish' } });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('npm-notice') ?? '', /^Open http:\/\/127\.0\.0\.1:\d+\/-\/v1\/login to use your security key/);
    assert.match(((await res.json()) as { error: string }).error, /one-time pass/);
    assert.deepEqual(registry.webChallenges(), []);
  });

  test('doneUrl: 404 to anyone but the challenged user, 202 with retry-after until approved, then 200 with a token the retried command may use', async (t) => {
    const registry = await start(t, { webRetryAfterS: 3 });
    const alice = await registry.addUser('alice', { web: true });
    const mallory = await registry.addUser('mallory', { web: true });
    const refused = await publish(registry.url, 'demo', '1.0.0', { token: alice.token, headers: { ...WEB, 'npm-session': 's1' } });
    const { authUrl, doneUrl } = (await refused.json()) as { authUrl: string; doneUrl: string };
    assert.equal((await fetch(authUrl)).status, 200);
    for (const token of [undefined, mallory.token])
      assert.equal((await fetch(doneUrl, token ? { headers: { authorization: `Bearer ${token}` } } : {})).status, 404);
    const pending = await fetch(doneUrl, { headers: { authorization: `Bearer ${alice.token}` } });
    assert.equal(pending.status, 202);
    assert.equal(pending.headers.get('retry-after'), '3');
    assert.deepEqual(await pending.json(), {});
    registry.approveWeb(authUrl);
    const done = await fetch(doneUrl, { headers: { authorization: `Bearer ${alice.token}` } });
    assert.equal(done.status, 200);
    const { token } = (await done.json()) as { token: string };
    const again = await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: token, headers: { ...WEB, 'npm-session': 's1' } });
    assert.equal(again.status, 201);
    // Another command with the same token is challenged anew (webTokenReuse off): a new approval page.
    const other = await call(registry.url, 'PUT', '-/package/demo/dist-tags/beta', {
      token: alice.token,
      otp: token,
      body: '1.0.0',
      headers: { 'npm-auth-type': 'web', 'npm-command': 'dist-tag', 'npm-session': 's2' },
    });
    assert.equal(other.status, 401);
    assert.equal(registry.webChallenges().length, 2);
    assert.deepEqual(
      registry.requests.filter((request) => request.webAccepted).map((request) => request.webAccepted),
      ['token'],
    );
  });

  test('denied answers 403 and expired 410; the token of a reusing registry serves other commands until it expires', async (t) => {
    const registry = await start(t, { webTokenReuse: true, webRetryAfterS: null });
    const alice = await registry.addUser('alice', { web: true });
    const challenge = async (name: string) =>
      (await (await publish(registry.url, name, '1.0.0', { token: alice.token, headers: WEB })).json()) as { authUrl: string; doneUrl: string };
    const poll = (doneUrl: string) => fetch(doneUrl, { headers: { authorization: `Bearer ${alice.token}` } });
    const denied = await challenge('denied');
    registry.denyWeb(denied.doneUrl);
    assert.equal((await poll(denied.doneUrl)).status, 403);
    const expired = await challenge('expired');
    registry.expireWeb(expired.authUrl);
    assert.equal((await poll(expired.doneUrl)).status, 410);
    const pending = await challenge('reused');
    const first = await poll(pending.doneUrl);
    assert.equal(first.headers.get('retry-after'), null);
    registry.approveWeb(pending.authUrl);
    const { token } = (await (await poll(pending.doneUrl)).json()) as { token: string };
    for (const [name, session] of [
      ['reused', 'a'],
      ['reused-too', 'b'],
    ]) {
      assert.equal(
        (await publish(registry.url, name as string, '1.0.0', { token: alice.token, otp: token, headers: { ...WEB, 'npm-session': session as string } }))
          .status,
        201,
      );
    }
  });

  test("don't ask again: the user's writes pass unasked for webWindowS, except stage approve", async (t) => {
    const registry = await start(t, { webWindowS: 120 });
    const alice = await registry.addUser('alice', { web: true });
    registry.autoApproveWeb({ afterPolls: 1, dontAskAgain: true });
    const { doneUrl } = (await (await publish(registry.url, 'first', '1.0.0', { token: alice.token, headers: WEB })).json()) as { doneUrl: string };
    assert.equal((await fetch(doneUrl, { headers: { authorization: `Bearer ${alice.token}` } })).status, 200);
    assert.equal((await publish(registry.url, 'second', '1.0.0', { token: alice.token, headers: WEB })).status, 201);
    const staged = await call(registry.url, 'POST', '-/stage/package/third', { token: alice.token, body: { name: 'third' } });
    assert.notEqual(staged.status, 401, 'stage publish needs no second factor');
    const approve = await call(registry.url, 'POST', '-/stage/00000000-0000-4000-8000-000000000000/approve', {
      token: alice.token,
      headers: { 'npm-auth-type': 'web', 'npm-command': 'stage' },
    });
    assert.equal(approve.status, 401, 'stage approve is asked every time');
    registry.configure({ clockOffsetMs: 121_000 });
    assert.equal((await publish(registry.url, 'fourth', '1.0.0', { token: alice.token, headers: WEB })).status, 401, 'the window closed');
    assert.deepEqual(
      registry.requests.filter((request) => request.webAccepted).map((request) => `${request.path} ${request.webAccepted}`),
      ['/second window'],
    );
  });
});
