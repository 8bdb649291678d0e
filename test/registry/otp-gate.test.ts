/**
 * The 2FA gate: codes, clock offset, tolerance, single use, the three challenge
 * styles and rate limiting. Codes are generated with otplib (not the fixture's
 * own TOTP) so the two implementations check each other.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { generateSync } from 'otplib';
import { call, publish } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { RegistryOptions, TestRegistry } from './index.ts';
import { midWindowOffset } from './totp.ts';

async function start(t: TestContext, options: RegistryOptions = {}): Promise<TestRegistry> {
  const registry = await startRegistry({ clockOffsetMs: midWindowOffset(), ...options });
  t.after(() => registry.close());
  return registry;
}

/** The code an authenticator shows `windows` steps from the registry's now. */
const codeAt = (registry: TestRegistry, secret: string, windows = 0): string =>
  generateSync({ secret, epoch: Math.floor(registry.now() / 1000) + windows * 30 });

describe('otp gate', () => {
  test('refuses a write without a code with 401 and www-authenticate: OTP, and logs it', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const res = await publish(registry.url, 'demo', '1.0.0', { token: alice.token });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'OTP');
    assert.match(((await res.json()) as { error: string }).error, /one-time pass/);
    const [entry] = registry.requests;
    assert.deepEqual(
      {
        method: entry?.method,
        path: entry?.path,
        otpSent: entry?.otpSent,
        otpAccepted: entry?.otpAccepted,
        otpRefusal: entry?.otpRefusal,
        status: entry?.status,
        user: entry?.user,
      },
      { method: 'PUT', path: '/demo', otpSent: false, otpAccepted: false, otpRefusal: 'missing', status: 401, user: 'alice' },
    );
    assert.equal(await registry.packument('demo'), undefined);
  });

  test('accepts the current code, stores the version and lists the publisher as first maintainer', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const code = codeAt(registry, alice.secret);
    const res = await publish(registry.url, '@acme/demo', '1.0.0', { token: alice.token, otp: code, access: 'public' });
    assert.equal(res.status, 201);
    const entry = registry.requests.at(-1);
    assert.equal(entry?.otp, code);
    assert.equal(entry?.otpAccepted, true);
    const packument = await registry.packument('@acme/demo');
    assert.deepEqual(packument.maintainers, [{ name: 'alice', email: 'alice@example.test' }]);
    assert.deepEqual(packument.versions['1.0.0']._npmUser, { name: 'alice', email: 'alice@example.test' });
    assert.equal(packument['dist-tags'].latest, '1.0.0');
  });

  test('accepts codes one window either side by default and only the current one with tolerance 0', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const write = (otp: string) => call(registry.url, 'POST', '-/package/none/access', { token: alice.token, otp, body: { access: 'public' } });
    assert.equal((await write(codeAt(registry, alice.secret, -1))).status, 404, 'previous window passes the gate (then 404)');
    assert.equal((await write(codeAt(registry, alice.secret, 1))).status, 404, 'next window passes the gate');
    assert.equal((await write(codeAt(registry, alice.secret, 2))).status, 401, 'two windows ahead is refused');
    registry.configure({ otpTolerance: 0 });
    assert.equal((await write(codeAt(registry, alice.secret, -1))).status, 401);
    assert.equal((await write(codeAt(registry, alice.secret, 0))).status, 404);
    assert.deepEqual(
      registry.requests.map((r) => r.otpRefusal ?? 'ok'),
      ['ok', 'ok', 'invalid', 'invalid', 'ok'],
    );
  });

  test('nextWindowAfterRefusal: an invalid code moves its clock to the start of the next window, said in the Date header', async (t) => {
    const registry = await start(t, { nextWindowAfterRefusal: true });
    const alice = await registry.addUser('alice');
    const write = (otp: string) => call(registry.url, 'POST', '-/package/none/access', { token: alice.token, otp, body: { access: 'public' } });
    const before = Math.floor(registry.now() / 30_000);
    const refused = await write(codeAt(registry, alice.secret, 3));
    assert.equal(refused.status, 401);
    const now = registry.now();
    assert.equal(Math.floor(now / 30_000), before + 1, 'one window later');
    assert.ok(now % 30_000 < 5_000, `at the start of that window (${now % 30_000} ms in)`);
    assert.equal(Math.floor(Date.parse(refused.headers.get('date') ?? '') / 30_000), before + 1, 'the answer says the new time');
    assert.equal((await write(codeAt(registry, alice.secret))).status, 404, "the new window's code passes the gate, and the clock stays");
    assert.equal(Math.floor(registry.now() / 30_000), before + 1);
  });

  test('checks codes against its own clock and reports that clock in the Date header', async (t) => {
    const registry = await start(t, { clockOffsetMs: midWindowOffset(3) });
    const alice = await registry.addUser('alice');
    const machineCode = generateSync({ secret: alice.secret, epoch: Math.floor(Date.now() / 1000) });
    const write = (otp: string) => call(registry.url, 'POST', '-/package/none/access', { token: alice.token, otp, body: {} });
    const refused = await write(machineCode);
    assert.equal(refused.status, 401, "the machine's code is three windows behind the registry");
    const dateHeader = Date.parse(refused.headers.get('date') ?? '');
    assert.ok(Math.abs(dateHeader - registry.now()) < 2000, 'Date header follows the registry clock');
    assert.ok(dateHeader - Date.now() > 60_000, 'registry is ahead of this machine');
    assert.equal((await write(codeAt(registry, alice.secret))).status, 404);
    const read = await call(registry.url, 'GET', 'nothing-here');
    assert.ok(Math.abs(Date.parse(read.headers.get('date') ?? '') - registry.now()) < 2000, 'proxied answers too');
  });

  test('in single-use mode refuses a code sent again, except within one npm command', async (t) => {
    const registry = await start(t, { singleUse: true });
    const alice = await registry.addUser('alice');
    const code = codeAt(registry, alice.secret);
    const session = { 'npm-command': 'unpublish', 'npm-session': 'abc123' };
    const write = (headers: Record<string, string> = {}) =>
      call(registry.url, 'POST', '-/package/none/access', { token: alice.token, otp: code, body: {}, headers });
    assert.equal((await write(session)).status, 404);
    assert.equal((await write(session)).status, 404, 'same command, same code');
    assert.equal((await write({ ...session, 'npm-session': 'other' })).status, 401, 'another command');
    assert.equal((await write()).status, 401, 'no session at all');
    assert.deepEqual(
      registry.requests.map((r) => r.otpRefusal ?? 'ok'),
      ['ok', 'ok', 'reused', 'reused'],
    );
    registry.configure({ singleUse: false });
    assert.equal((await write()).status, 404, 'reuse is fine once single use is off');
  });

  test('signals the requirement in the body alone when configured so', async (t) => {
    const registry = await start(t, { otpChallenge: 'body' });
    const alice = await registry.addUser('alice');
    const res = await publish(registry.url, 'demo', '1.0.0', { token: alice.token });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), null);
    assert.match(await res.text(), /one-time pass/);
  });

  test('a security-key account answers with authUrl and doneUrl and never accepts a TOTP', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice', { web: true });
    const res = await publish(registry.url, 'demo', '1.0.0', {
      token: alice.token,
      otp: codeAt(registry, alice.secret),
      headers: { 'npm-auth-type': 'web', 'npm-command': 'publish' },
    });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'OTP');
    const body = (await res.json()) as { authUrl: string; doneUrl: string };
    assert.ok(body.authUrl.startsWith(registry.url) && body.doneUrl.startsWith(`${registry.url}-/v1/done?authId=`));
    assert.equal((await fetch(body.doneUrl)).status, 404, 'an anonymous poll learns nothing');
    const done = await fetch(body.doneUrl, { headers: { authorization: `Bearer ${alice.token}` } });
    assert.equal(done.status, 202, 'nobody touched the key yet');
    assert.equal(done.headers.get('retry-after'), '1');
    assert.equal(registry.requests[0]?.otpRefusal, 'web');
    assert.equal(await registry.packument('demo'), undefined);
  });

  test('answers 429 with Retry-After after K rejected codes, until the lock expires', async (t) => {
    const offset = midWindowOffset();
    const registry = await start(t, { clockOffsetMs: offset, rateLimitAfterRejections: 2, rateLimitRetryAfterS: 7 });
    const alice = await registry.addUser('alice');
    const bob = await registry.addUser('bob');
    const write = (token: string, otp: string) => call(registry.url, 'POST', '-/package/none/access', { token, otp, body: {} });
    assert.equal((await write(alice.token, '000000')).status, 401);
    assert.equal((await write(alice.token, '000001')).status, 401);
    const limited = await write(alice.token, codeAt(registry, alice.secret));
    assert.equal(limited.status, 429, 'even a good code is refused while locked');
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal((await write(bob.token, codeAt(registry, bob.secret))).status, 404, 'the limit is per user');
    registry.configure({ clockOffsetMs: offset + 8000 });
    assert.equal((await write(alice.token, codeAt(registry, alice.secret))).status, 404, 'accepted after Retry-After');
    assert.deepEqual(
      registry.requests.map((r) => r.status),
      [401, 401, 429, 404, 404],
    );
  });

  test('reads, user creation and writes by a user without 2FA need no code', async (t) => {
    const registry = await start(t);
    const carol = await registry.addUser('carol', { twoFactor: false });
    assert.equal((await publish(registry.url, 'plain', '1.0.0', { token: carol.token })).status, 201);
    assert.equal((await call(registry.url, 'GET', 'plain')).status, 200);
    const created = await call(registry.url, 'PUT', '-/user/org.couchdb.user:dave', { body: { name: 'dave', password: 'pw', email: 'd@example.test' } });
    assert.equal(created.status, 201);
    assert.match(((await created.json()) as { token: string }).token, /^npm_/);
    assert.ok(
      registry.requests.every((r) => r.otpAccepted === undefined),
      'the gate never ran',
    );
  });

  test('a write without a token is refused with 401 and no OTP challenge', async (t) => {
    const registry = await start(t);
    const res = await publish(registry.url, 'demo', '1.0.0');
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), null);
    assert.doesNotMatch(await res.text(), /one-time pass/);
  });
});
