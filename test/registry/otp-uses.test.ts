/**
 * The per-code use limit (`otpUsesPerCode`), as registry.npmjs.org rate-limits
 * reuse of one code ("E429 ... rate limited otp" after a few writes): K uses per
 * code, a command's requests counting as one; use K+1 answers 429 with
 * Retry-After and locks the user's writes for that long. And the counters in
 * `registry.otpStats`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { call, publish } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { RegistryOptions, TestRegistry } from './index.ts';
import { NpmClient } from './npm-cli.ts';
import { midWindowOffset } from './totp.ts';

async function start(t: TestContext, options: RegistryOptions = {}): Promise<TestRegistry> {
  const registry = await startRegistry({ clockOffsetMs: midWindowOffset(), ...options });
  t.after(() => registry.close());
  return registry;
}

/** A gated write that passes the gate and then answers 404 (no such package): cheap and side-effect free. */
const write = (registry: TestRegistry, token: string, otp: string, session?: string) =>
  call(registry.url, 'POST', '-/package/none/access', {
    token,
    otp,
    body: {},
    headers: session === undefined ? {} : { 'npm-command': 'access', 'npm-session': session },
  });

describe('per-code use limit', () => {
  test('accepts a code K times; use K+1 answers 429 rate limited otp and locks the user for Retry-After seconds', async (t) => {
    const offset = midWindowOffset();
    const registry = await start(t, { clockOffsetMs: offset, otpUsesPerCode: 3, otpUsesRetryAfterS: 40 });
    const alice = await registry.addUser('alice');
    const bob = await registry.addUser('bob');
    const code = registry.codeFor(alice.secret);
    for (let i = 0; i < 3; i++) assert.equal((await write(registry, alice.token, code)).status, 404, `use ${i + 1}`);
    const over = await write(registry, alice.token, code);
    assert.equal(over.status, 429);
    assert.equal(over.headers.get('retry-after'), '40');
    assert.deepEqual(await over.json(), { error: 'rate limited otp' });
    const entry = registry.requests.at(-1);
    assert.deepEqual([entry?.otpAccepted, entry?.otpRefusal, entry?.rateLimit], [false, 'rate-limited', 'code-uses']);

    registry.configure({ clockOffsetMs: offset + 10_000 });
    const fresh = await write(registry, alice.token, registry.codeFor(alice.secret, 1));
    assert.equal(fresh.status, 429, 'even a fresh code, while locked');
    assert.equal(fresh.headers.get('retry-after'), '30', 'whole seconds left');
    assert.equal((await write(registry, alice.token, '')).status, 429, 'even without a code');
    assert.equal((await write(registry, bob.token, registry.codeFor(bob.secret))).status, 404, 'per user');

    registry.configure({ clockOffsetMs: offset + 41_000 });
    assert.equal((await write(registry, alice.token, registry.codeFor(alice.secret))).status, 404, 'after Retry-After');
    assert.deepEqual(registry.otpStats, {
      accepted: 5,
      uses: 5,
      distinctCodes: 3,
      refused: 0,
      rateLimited: 3,
      rateLimitedCodeUses: 3,
      codes: [
        { user: 'alice', code, step: registry.otpStats.codes[0]?.step ?? -1, requests: 3, uses: 3, overLimit: 1 },
        { user: 'bob', code: registry.otpStats.codes[1]?.code ?? '', step: registry.otpStats.codes[1]?.step ?? -1, requests: 1, uses: 1, overLimit: 0 },
        { user: 'alice', code: registry.codeFor(alice.secret), step: registry.otpStats.codes[2]?.step ?? -1, requests: 1, uses: 1, overLimit: 0 },
      ],
    });
  });

  test('the requests of one command (npm-command + npm-session) count as one use', async (t) => {
    const registry = await start(t, { otpUsesPerCode: 2, otpUsesRetryAfterS: 5 });
    const alice = await registry.addUser('alice');
    const code = registry.codeFor(alice.secret);
    const statuses: number[] = [];
    for (const session of ['a', 'a', 'a', 'b', 'a', 'c', 'a']) statuses.push((await write(registry, alice.token, code, session)).status);
    assert.deepEqual(statuses, [404, 404, 404, 404, 404, 429, 429], 'a: use 1, b: use 2, a again is no new use, c: use 3 -> 429, then locked');
    const stats = registry.otpStats;
    assert.deepEqual([stats.accepted, stats.uses, stats.distinctCodes, stats.rateLimitedCodeUses], [5, 2, 1, 2]);
    assert.deepEqual(
      registry.requests.map((r) => r.rateLimit ?? '-'),
      ['-', '-', '-', '-', '-', 'code-uses', 'code-uses'],
    );
  });

  test('unlimited by default; refused codes and the failed-attempts limit show in the counters', async (t) => {
    const registry = await start(t, { rateLimitAfterRejections: 2, rateLimitRetryAfterS: 60 });
    const alice = await registry.addUser('alice');
    const code = registry.codeFor(alice.secret);
    for (let i = 0; i < 8; i++) assert.equal((await write(registry, alice.token, code)).status, 404);
    assert.equal((await write(registry, alice.token, '000000')).status, 401);
    assert.equal((await call(registry.url, 'POST', '-/package/none/access', { token: alice.token, body: {} })).status, 401, 'missing: not a rejection');
    assert.equal((await write(registry, alice.token, '000001')).status, 401, 'rejection 2 sets the lock');
    const stats = registry.otpStats;
    assert.deepEqual([stats.accepted, stats.uses, stats.distinctCodes, stats.refused, stats.rateLimited], [8, 8, 1, 3, 0]);
    const locked = await write(registry, alice.token, code);
    assert.equal(locked.status, 429);
    assert.notDeepEqual(await locked.json(), { error: 'rate limited otp' }, 'the failed-attempts lock has its own message');
    assert.deepEqual([registry.otpStats.rateLimited, registry.otpStats.rateLimitedCodeUses, registry.requests.at(-1)?.rateLimit], [1, 0, 'failed-attempts']);
    await assert.rejects(startRegistry({ otpUsesPerCode: 0 }), /otpUsesPerCode/);
    assert.throws(() => registry.configure({ otpUsesRetryAfterS: 0 }), /otpUsesRetryAfterS/);
  });

  test('the npm CLI: unpublish (several requests, one code) is one use; the use after the limit fails with E429', async (t) => {
    const registry = await start(t, { otpUsesPerCode: 2 });
    const alice = await registry.addUser('alice');
    const npm = await NpmClient.create(registry.url, alice.token);
    t.after(() => npm.dispose());
    const seed = { 'npm-command': 'seed', 'npm-session': 'seed' };
    const seedCode = registry.codeFor(alice.secret, -1);
    for (const version of ['1.0.0', '1.1.0']) {
      assert.equal((await publish(registry.url, 'uses', version, { token: alice.token, otp: seedCode, headers: seed })).status, 201);
    }
    const code = registry.codeFor(alice.secret);
    assert.equal((await npm.run(['unpublish', 'uses@1.1.0', `--otp=${code}`])).code, 0);
    assert.equal((await npm.run(['dist-tag', 'add', 'uses@1.0.0', 'beta', `--otp=${code}`])).code, 0);
    const limited = await npm.run(['dist-tag', 'add', 'uses@1.0.0', 'gamma', `--otp=${code}`]);
    assert.equal(limited.errorCode, 'E429', limited.stderr);
    assert.match(limited.stderr, /rate limited otp/);
    const byCode = registry.requests.filter((r) => r.otp === code && r.otpAccepted !== undefined);
    assert.deepEqual(
      byCode.map((r) => [r.npmCommand, r.method, r.status]),
      [
        ['unpublish', 'PUT', 201],
        ['unpublish', 'DELETE', 201],
        ['dist-tag', 'PUT', 201],
        ['dist-tag', 'PUT', 429],
      ],
    );
    const [entry] = registry.otpStats.codes.filter((c) => c.code === code);
    assert.deepEqual([entry?.requests, entry?.uses, entry?.overLimit], [3, 2, 1]);
  });
});
