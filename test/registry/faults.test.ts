/**
 * Faults on demand: each one does what it says, to matching requests only, the
 * given number of times, and shows in the request log. failPackage() hits one
 * package only, in the phase asked for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { call, publish, stagePublish } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { CreatedUser, TestRegistry } from './index.ts';
import { midWindowOffset, PERIOD_S } from './totp.ts';

async function start(t: TestContext): Promise<{ registry: TestRegistry; alice: CreatedUser; otp: () => string }> {
  const registry = await startRegistry({ clockOffsetMs: midWindowOffset() });
  t.after(() => registry.close());
  const alice = await registry.addUser('alice');
  return { registry, alice, otp: () => registry.codeFor(alice.secret) };
}

describe('faults', () => {
  test('fail() answers the chosen status to the next N matching requests without processing them', async (t) => {
    const { registry, alice, otp } = await start(t);
    registry.fail({ method: 'PUT', path: /^\/demo$/, times: 2, status: 502, retryAfterS: 3 });
    assert.equal((await call(registry.url, 'GET', 'demo')).status, 404, 'a GET does not match');
    const first = await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: otp() });
    assert.equal(first.status, 502);
    assert.equal(first.headers.get('retry-after'), '3');
    assert.deepEqual(await first.json(), { error: 'Bad Gateway' });
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: otp() })).status, 502);
    assert.equal(await registry.packument('demo'), undefined, 'nothing stored');
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: otp() })).status, 201, 'third try passes');
    assert.deepEqual(
      registry.requests.map((r) => [r.method, r.status, r.fault ?? '-', r.otpAccepted ?? '-']),
      [
        ['GET', 404, '-', '-'],
        ['PUT', 502, 'fail', '-'],
        ['PUT', 502, 'fail', '-'],
        ['PUT', 201, '-', true],
      ],
    );
  });

  test('reset() drops the connection before processing: the client errors and nothing is stored', async (t) => {
    const { registry, alice, otp } = await start(t);
    registry.reset({ method: 'PUT', path: '/@acme/demo' });
    await assert.rejects(publish(registry.url, '@acme/demo', '1.0.0', { token: alice.token, otp: otp() }), TypeError);
    assert.equal(await registry.packument('@acme/demo'), undefined);
    const [entry] = registry.requests;
    assert.deepEqual([entry?.path, entry?.status, entry?.fault], ['/@acme%2fdemo', 0, 'reset']);
    assert.equal((await publish(registry.url, '@acme/demo', '1.0.0', { token: alice.token, otp: otp() })).status, 201, 'only once');
  });

  test('loseAnswer() stores the publish, then drops the connection; a blind retry meets 403', async (t) => {
    const { registry, alice, otp } = await start(t);
    registry.loseAnswer({ method: 'PUT' });
    await assert.rejects(publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: otp() }), TypeError);
    const packument = await registry.packument('demo');
    assert.deepEqual(Object.keys(packument.versions), ['1.0.0'], 'the publish happened');
    assert.deepEqual([registry.requests[0]?.status, registry.requests[0]?.fault], [201, 'lose-answer']);
    const retry = await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: otp() });
    assert.equal(retry.status, 403);
  });

  test('delay() holds the answer; in the request phase the code is checked after the delay', async (t) => {
    const { registry, alice } = await start(t);
    registry.configure({ otpTolerance: 0 });
    const write = (otp: string) => call(registry.url, 'POST', '-/package/none/access', { token: alice.token, otp, body: {} });

    registry.delay(300, { method: 'GET', times: 1 });
    const started = performance.now();
    assert.equal((await call(registry.url, 'GET', 'demo')).status, 404);
    assert.ok(performance.now() - started >= 290, 'the answer was held for the delay');

    // Held for longer than the test, the registry's clock moved a window on meanwhile, then released: the test, not a
    // race between timers, puts the window boundary between the request's arrival and its processing.
    const HELD_MS = 10 * 60 * 1000;
    const acrossBoundary = async (phase: 'answer' | 'request') => {
      registry.delay(HELD_MS, { method: 'POST', times: 1, phase });
      const from = registry.requests.length;
      let settled = false;
      const answer = write(registry.codeFor(alice.secret)).finally(() => (settled = true));
      while (registry.requests.slice(from).every((r) => r.fault !== 'delay')) await new Promise((resolve) => setTimeout(resolve, 2));
      assert.equal(settled, false, 'held');
      registry.configure({ clockOffsetMs: registry.now() - Date.now() + PERIOD_S * 1000 });
      registry.releaseDelays();
      return answer;
    };
    assert.equal((await acrossBoundary('answer')).status, 404, 'code checked on arrival, before the boundary: accepted (then 404)');
    assert.equal((await acrossBoundary('request')).status, 401, 'code checked after the boundary: refused');
    assert.deepEqual(
      registry.requests.map((r) => [r.fault, r.otpRefusal ?? 'ok']),
      [
        ['delay', 'ok'],
        ['delay', 'ok'],
        ['delay', 'invalid'],
      ],
    );
  });

  test('ownerConflictOnce() makes the first owner change answer 409 after the OTP gate, then lets the next through', async (t) => {
    const { registry, alice, otp } = await start(t);
    await registry.addUser('bob');
    await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: otp() });
    const change = async () => {
      const { _rev: rev } = await registry.packument('demo');
      const maintainers = [
        { name: 'alice', email: 'alice@example.test' },
        { name: 'bob', email: 'bob@example.test' },
      ];
      return call(registry.url, 'PUT', `demo/-rev/${rev}`, { token: alice.token, otp: otp(), body: { _id: 'demo', _rev: rev, maintainers } });
    };
    registry.ownerConflictOnce();
    const conflicted = await change();
    assert.equal(conflicted.status, 409);
    assert.deepEqual(
      (await registry.packument('demo')).maintainers.map((m: { name: string }) => m.name),
      ['alice'],
    );
    const entry = registry.requests.at(-1);
    assert.deepEqual([entry?.otpAccepted, entry?.fault], [true, 'owner-conflict']);
    assert.equal((await change()).status, 200);
    assert.deepEqual(
      (await registry.packument('demo')).maintainers.map((m: { name: string }) => m.name),
      ['alice', 'bob'],
    );
  });

  test('clearFaults() drops pending faults, and close() does not wait for a pending delay', async () => {
    const registry = await startRegistry();
    registry.fail({ times: 5 });
    registry.clearFaults();
    assert.equal((await call(registry.url, 'GET', 'demo')).status, 404);
    registry.delay(60_000);
    const pending = call(registry.url, 'GET', 'demo').catch((error: unknown) => error);
    while (registry.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    await registry.close();
    assert.ok(performance.now() - started < 1000);
    assert.ok((await pending) instanceof Error, 'the held request is cut off');
  });

  test("failPackage() fails one package's publish in a run of several, once, before the OTP gate", async (t) => {
    const { registry, alice, otp } = await start(t);
    registry.failPackage('@acme/b', { status: 403, body: { error: 'Package name too similar to existing package b2' } });
    const statuses: Array<[string, number]> = [];
    for (const name of ['@acme/a', '@acme/b', '@acme/c']) {
      statuses.push([name, (await publish(registry.url, name, '1.0.0', { token: alice.token, otp: otp() })).status]);
    }
    assert.deepEqual(statuses, [
      ['@acme/a', 201],
      ['@acme/b', 403],
      ['@acme/c', 201],
    ]);
    assert.equal(await registry.packument('@acme/b'), undefined, 'nothing stored');
    const failed = registry.requests[1];
    assert.deepEqual([failed?.fault, failed?.otpAccepted, failed?.path], ['fail-package', undefined, '/@acme%2fb'], 'the gate never ran');
    assert.equal((await call(registry.url, 'GET', '@acme%2fb')).status, 404, 'a read is no publish');
    assert.equal((await publish(registry.url, '@acme/b', '1.0.0', { token: alice.token, otp: otp() })).status, 201, 'only once');
  });

  test('failPackage() phases: any (reads too), write, stage, and publish covers a staged approval', async (t) => {
    const { registry, alice, otp } = await start(t);
    await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: otp() });
    registry.failPackage('demo', { phase: 'any', times: 2, retryAfterS: 7 });
    const read = await call(registry.url, 'GET', 'demo');
    assert.deepEqual([read.status, read.headers.get('retry-after')], [500, '7']);
    assert.equal((await call(registry.url, 'GET', 'demo/-/demo-1.0.0.tgz')).status, 500, 'a tarball names the package too');
    assert.equal((await call(registry.url, 'GET', 'demo')).status, 200);

    registry.failPackage('demo', { phase: 'write', status: 502 });
    assert.equal((await call(registry.url, 'GET', 'demo')).status, 200, 'a read is no write');
    assert.equal((await call(registry.url, 'PUT', '-/package/demo/dist-tags/beta', { token: alice.token, otp: otp(), body: '"1.0.0"' })).status, 502);

    registry.failPackage('demo', { phase: 'stage', status: 503 });
    assert.equal((await stagePublish(registry.url, 'demo', '1.1.0', { token: alice.token })).status, 503);
    const { stageId } = (await (await stagePublish(registry.url, 'demo', '1.1.0', { token: alice.token })).json()) as { stageId: string };
    registry.failPackage('demo');
    const approve = () => call(registry.url, 'POST', `-/stage/${stageId}/approve`, { token: alice.token, otp: otp() });
    assert.equal((await approve()).status, 500, 'the approval of a staged demo is its publish');
    assert.equal(registry.staged().length, 1, 'still staged');
    assert.equal((await approve()).status, 200);
    assert.deepEqual(Object.keys((await registry.packument('demo')).versions), ['1.0.0', '1.1.0']);
  });

  test('failPackage({afterOtp: true}) lets the gate check (and spend) the code first', async (t) => {
    const { registry, alice } = await start(t);
    registry.configure({ singleUse: true });
    registry.failPackage('demo', { afterOtp: true });
    const code = registry.codeFor(alice.secret);
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: alice.token })).status, 401, 'no code: the gate answers, the fault waits');
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: code })).status, 500);
    assert.deepEqual([registry.requests.at(-1)?.fault, registry.requests.at(-1)?.otpAccepted], ['fail-package', true]);
    const retry = await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: code });
    assert.equal(retry.status, 401, 'the code was spent');
    assert.equal(registry.requests.at(-1)?.otpRefusal, 'reused');
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret, 1) })).status, 201);
    assert.throws(() => registry.failPackage('demo', { status: 302 }), /status/);
    assert.throws(() => registry.failPackage('demo', { phase: 'later' as never }), /phase/);
    registry.failPackage('demo', { phase: 'any', times: 5 });
    registry.clearFaults();
    assert.equal((await call(registry.url, 'GET', 'demo')).status, 200, 'clearFaults() drops them');
  });
});
