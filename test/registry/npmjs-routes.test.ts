/**
 * The npmjs routes Verdaccio lacks, spoken to by hand: user lookup, owner
 * changes with revision checks, access and 2FA policy, visibility,
 * collaborators, a user's packages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { call, publish } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { CreatedUser, TestRegistry } from './index.ts';
import { midWindowOffset } from './totp.ts';

interface Setup {
  registry: TestRegistry;
  alice: CreatedUser;
  bob: CreatedUser;
  otp: () => string;
}

async function start(t: TestContext): Promise<Setup> {
  const registry = await startRegistry({ clockOffsetMs: midWindowOffset() });
  t.after(() => registry.close());
  const alice = await registry.addUser('alice');
  const bob = await registry.addUser('bob', { email: 'bob@corp.test' });
  const otp = () => registry.codeFor(alice.secret);
  for (const name of ['demo', '@acme/scoped']) {
    assert.equal((await publish(registry.url, name, '1.0.0', { token: alice.token, otp: otp(), access: 'public' })).status, 201);
  }
  return { registry, alice, bob, otp };
}

const json = async (res: Response | Promise<Response>): Promise<unknown> => (await res).json();

describe('npmjs routes', () => {
  test('user lookup returns name and email, 404 for an unknown user', async (t) => {
    const { registry } = await start(t);
    assert.deepEqual(await json(call(registry.url, 'GET', '-/user/org.couchdb.user:bob')), {
      _id: 'org.couchdb.user:bob',
      name: 'bob',
      email: 'bob@corp.test',
      type: 'user',
      roles: [],
    });
    assert.equal((await call(registry.url, 'GET', '-/user/org.couchdb.user:nobody')).status, 404);
  });

  test('owner change replaces maintainers, needs the current revision, and moves it on', async (t) => {
    const { registry, alice, otp } = await start(t);
    const rev = (await registry.packument('demo'))._rev as string;
    const body = (maintainers: unknown[], quoted = rev) => ({ _id: 'demo', _rev: quoted, maintainers });
    const put = (maintainers: unknown[], quoted = rev) =>
      call(registry.url, 'PUT', `demo/-rev/${quoted}`, { token: alice.token, otp: otp(), body: body(maintainers, quoted) });
    assert.equal((await put([{ name: 'alice' }, { name: 'ghost' }])).status, 404, 'unknown user');
    assert.equal((await put([])).status, 403, 'no owners left');
    const ok = await put([{ name: 'alice' }, { name: 'bob' }]);
    assert.equal(ok.status, 200);
    const packument = await registry.packument('demo');
    assert.deepEqual(packument.maintainers, [
      { name: 'alice', email: 'alice@example.test' },
      { name: 'bob', email: 'bob@corp.test' },
    ]);
    assert.notEqual(packument._rev, rev);
    assert.equal((await put([{ name: 'bob' }])).status, 409, 'the old revision is stale now');
  });

  test('a non-maintainer cannot change owners or access', async (t) => {
    const { registry, bob } = await start(t);
    const otp = registry.codeFor(bob.secret);
    const rev = (await registry.packument('demo'))._rev as string;
    const owners = await call(registry.url, 'PUT', `demo/-rev/${rev}`, {
      token: bob.token,
      otp,
      body: { _id: 'demo', _rev: rev, maintainers: [{ name: 'bob' }] },
    });
    assert.equal(owners.status, 403);
    const access = await call(registry.url, 'POST', '-/package/@acme%2fscoped/access', { token: bob.token, otp, body: { access: 'restricted' } });
    assert.equal(access.status, 403);
    assert.equal(registry.packageSettings('@acme/scoped')?.access, 'public');
  });

  test('access sets status on scoped packages only, and the 2FA policy on any', async (t) => {
    const { registry, alice, otp } = await start(t);
    const post = (name: string, body: unknown) => call(registry.url, 'POST', `-/package/${name}/access`, { token: alice.token, otp: otp(), body });
    assert.equal((await post('demo', { access: 'restricted' })).status, 400);
    assert.equal((await post('@acme%2fscoped', { access: 'restricted' })).status, 200);
    assert.deepEqual(await json(call(registry.url, 'GET', '-/package/@acme%2fscoped/visibility')), { public: false });
    assert.deepEqual(await json(call(registry.url, 'GET', '-/package/demo/visibility')), { public: true });
    assert.equal((await post('demo', { publish_requires_tfa: true, automation_token_overrides_tfa: true })).status, 200);
    assert.equal(registry.packageSettings('demo')?.mfa, 'automation');
    assert.equal((await post('demo', { publish_requires_tfa: 'yes' })).status, 400);
    assert.equal((await post('missing', { access: 'public' })).status, 404);
  });

  test('with mfa=publish an auth-only maintainer needs a code to publish', async (t) => {
    const { registry, alice, otp } = await start(t);
    const carol = await registry.addUser('carol', { twoFactor: false });
    const rev = (await registry.packument('demo'))._rev as string;
    await call(registry.url, 'PUT', `demo/-rev/${rev}`, { token: alice.token, otp: otp(), body: { maintainers: [{ name: 'alice' }, { name: 'carol' }] } });
    assert.equal((await publish(registry.url, 'demo', '1.1.0', { token: carol.token })).status, 201);
    await call(registry.url, 'POST', '-/package/demo/access', {
      token: alice.token,
      otp: otp(),
      body: { publish_requires_tfa: true, automation_token_overrides_tfa: false },
    });
    assert.equal((await publish(registry.url, 'demo', '1.2.0', { token: carol.token })).status, 401);
    assert.equal((await publish(registry.url, 'demo', '1.2.0', { token: carol.token, otp: registry.codeFor(carol.secret) })).status, 201);
  });

  test("collaborators and a user's packages list the maintainers' read-write rights", async (t) => {
    const { registry } = await start(t);
    assert.deepEqual(await json(call(registry.url, 'GET', '-/package/demo/collaborators')), { alice: 'read-write' });
    assert.deepEqual(await json(call(registry.url, 'GET', '-/user/alice/package')), { demo: 'read-write', '@acme/scoped': 'read-write' });
    assert.deepEqual(await json(call(registry.url, 'GET', '-/user/bob/package')), {});
    assert.equal((await call(registry.url, 'GET', '-/org/acme/package')).status, 404, 'no orgs: libnpmaccess falls back to the user route');
    assert.equal((await call(registry.url, 'GET', '-/package/missing/collaborators')).status, 404);
  });
});
