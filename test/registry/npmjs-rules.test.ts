/**
 * npmjs's refusals that Verdaccio does not make on its own: publishing over a
 * version (even an unpublished one), writes by non-maintainers, stale
 * revisions, removing `latest`, whoami with a bad token.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { call, publish } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { TestRegistry } from './index.ts';
import { midWindowOffset } from './totp.ts';

async function start(t: TestContext): Promise<TestRegistry> {
  const registry = await startRegistry({ clockOffsetMs: midWindowOffset() });
  t.after(() => registry.close());
  return registry;
}

describe('npmjs rules', () => {
  test("publishing over an existing version answers 403 with npmjs's message, not Verdaccio's 409", async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const otp = registry.codeFor(alice.secret);
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp })).status, 201);
    const again = await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp });
    assert.equal(again.status, 403);
    assert.deepEqual(await again.json(), { error: 'You cannot publish over the previously published versions: 1.0.0.' });
  });

  test('a version stays burnt after it is unpublished', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const otp = registry.codeFor(alice.secret);
    await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp });
    const { _rev: rev } = await registry.packument('demo');
    const removed = await call(registry.url, 'DELETE', `demo/-rev/${rev}`, { token: alice.token, otp });
    assert.equal(removed.status, 201);
    assert.equal(await registry.packument('demo'), undefined);
    assert.equal((await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp })).status, 403);
    assert.equal((await publish(registry.url, 'demo', '1.0.1', { token: alice.token, otp })).status, 201);
  });

  test('only maintainers may publish to or tag an existing package', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const mallory = await registry.addUser('mallory');
    await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret) });
    const otp = registry.codeFor(mallory.secret);
    const published = await publish(registry.url, 'demo', '2.0.0', { token: mallory.token, otp });
    assert.equal(published.status, 403);
    assert.match(((await published.json()) as { error: string }).error, /You do not have permission to publish "demo"/);
    const tagged = await call(registry.url, 'PUT', '-/package/demo/dist-tags/evil', { token: mallory.token, otp, body: '"1.0.0"' });
    assert.equal(tagged.status, 403);
    const packument = await registry.packument('demo');
    assert.deepEqual(Object.keys(packument.versions), ['1.0.0']);
    assert.deepEqual(packument['dist-tags'], { latest: '1.0.0' });
  });

  test('a write quoting a stale revision answers 409 and changes nothing', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const otp = registry.codeFor(alice.secret);
    await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp });
    const stale = (await registry.packument('demo'))._rev as string;
    await publish(registry.url, 'demo', '1.1.0', { token: alice.token, otp });
    const res = await call(registry.url, 'DELETE', `demo/-rev/${stale}`, { token: alice.token, otp });
    assert.equal(res.status, 409);
    const packument = await registry.packument('demo');
    assert.deepEqual(Object.keys(packument.versions), ['1.0.0', '1.1.0']);
    assert.notEqual(packument._rev, stale);
  });

  test('refuses to remove the latest dist-tag but removes others', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    const otp = registry.codeFor(alice.secret);
    await publish(registry.url, 'demo', '1.0.0', { token: alice.token, otp });
    assert.equal((await call(registry.url, 'PUT', '-/package/demo/dist-tags/beta', { token: alice.token, otp, body: '"1.0.0"' })).status, 201);
    assert.equal((await call(registry.url, 'DELETE', '-/package/demo/dist-tags/latest', { token: alice.token, otp })).status, 400);
    assert.equal((await call(registry.url, 'DELETE', '-/package/demo/dist-tags/beta', { token: alice.token, otp })).status, 201);
    assert.deepEqual((await registry.packument('demo'))['dist-tags'], { latest: '1.0.0' });
  });

  test('whoami answers 401 to a bad token and the user name to a good one', async (t) => {
    const registry = await start(t);
    const alice = await registry.addUser('alice');
    assert.equal((await call(registry.url, 'GET', '-/whoami', { token: 'npm_not-a-token' })).status, 401);
    assert.equal((await call(registry.url, 'GET', '-/whoami')).status, 401);
    const good = await call(registry.url, 'GET', '-/whoami', { token: alice.token });
    assert.deepEqual(await good.json(), { username: 'alice' });
  });
});
