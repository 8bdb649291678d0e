/**
 * npm's 2026 routes spoken to by hand: trusted publishers (`/-/package/<pkg>/trust`,
 * 2FA-gated even for the GET, maintainers only, honoured by the OIDC exchange)
 * and staged publishing (`/-/stage/...`: staging needs a token but no code,
 * approval and rejection need a code, staged versions stay out of the packument
 * and share the version index with published ones).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { call, escapeName, publish, publishBody, stagePublish, trustBody } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { CreatedUser, StagedPackage, TestRegistry, TrustConfig } from './index.ts';
import { midWindowOffset } from './totp.ts';

interface Setup {
  registry: TestRegistry;
  alice: CreatedUser;
  bob: CreatedUser;
  otp: () => string;
}

/** alice maintains `demo` and `@acme/demo` (1.0.0 each); bob maintains nothing. */
async function start(t: TestContext): Promise<Setup> {
  const registry = await startRegistry({ clockOffsetMs: midWindowOffset() });
  t.after(() => registry.close());
  const alice = await registry.addUser('alice');
  const bob = await registry.addUser('bob');
  const otp = () => registry.codeFor(alice.secret);
  for (const name of ['demo', '@acme/demo']) {
    assert.equal((await publish(registry.url, name, '1.0.0', { token: alice.token, otp: otp(), access: 'public' })).status, 201);
  }
  registry.clearRequests();
  return { registry, alice, bob, otp };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const trustPath = (name: string, id?: string) => `-/package/${escapeName(name)}/trust${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

const exchange = async (registry: TestRegistry, name: string, idToken: string): Promise<string> => {
  const res = await call(registry.url, 'POST', `-/npm/v1/oidc/token/exchange/package/${escapeName(name)}`, { token: idToken });
  assert.equal(res.status, 201);
  return ((await res.json()) as { token: string }).token;
};

describe('trusted publishers (/-/package/<pkg>/trust)', () => {
  test('create, list and revoke each need a code; the answers carry ids as npm prints them', async (t) => {
    const { registry, alice, otp } = await start(t);
    const body = trustBody.github('acme/demo', 'release.yml', ['createPackage', 'createStagedPackage'], 'npm');
    const refused = await call(registry.url, 'POST', trustPath('@acme/demo'), { token: alice.token, body });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('www-authenticate'), 'OTP');
    const created = await call(registry.url, 'POST', trustPath('@acme/demo'), { token: alice.token, otp: otp(), body });
    assert.equal(created.status, 201);
    const [config, ...more] = (await created.json()) as TrustConfig[];
    assert.equal(more.length, 0);
    assert.match(config?.id ?? '', UUID);
    assert.deepEqual({ ...config, id: 'X' }, { id: 'X', ...(body[0] as object) });

    assert.equal((await call(registry.url, 'GET', trustPath('@acme/demo'), { token: alice.token })).status, 401, 'the GET is gated too');
    const listed = await call(registry.url, 'GET', trustPath('@acme/demo'), { token: alice.token, otp: otp() });
    assert.deepEqual(await listed.json(), [config]);
    assert.deepEqual(registry.packageSettings('@acme/demo')?.trustedPublishers, [
      { repository: 'acme/demo', workflow: 'release.yml', environment: 'npm', permissions: ['createPackage', 'createStagedPackage'], id: config?.id },
    ]);

    const again = await call(registry.url, 'POST', trustPath('@acme/demo'), {
      token: alice.token,
      otp: otp(),
      body: trustBody.gitlab('acme/demo', '.gitlab-ci.yml', ['createPackage']),
    });
    assert.equal(again.status, 409, 'one trusted publisher per package');

    const id = config?.id ?? '';
    assert.equal((await call(registry.url, 'DELETE', trustPath('@acme/demo', id), { token: alice.token })).status, 401);
    assert.equal((await call(registry.url, 'DELETE', trustPath('@acme/demo', 'no-such-id'), { token: alice.token, otp: otp() })).status, 404);
    assert.equal((await call(registry.url, 'DELETE', trustPath('@acme/demo', id), { token: alice.token, otp: otp() })).status, 204);
    assert.deepEqual(await (await call(registry.url, 'GET', trustPath('@acme/demo'), { token: alice.token, otp: otp() })).json(), []);
    assert.deepEqual(
      registry.requests.map((r) => [r.method, r.status, r.otpRefusal ?? (r.otpAccepted ? 'ok' : '-')]),
      [
        ['POST', 401, 'missing'],
        ['POST', 201, 'ok'],
        ['GET', 401, 'missing'],
        ['GET', 200, 'ok'],
        ['POST', 409, 'ok'],
        ['DELETE', 401, 'missing'],
        ['DELETE', 404, 'ok'],
        ['DELETE', 204, 'ok'],
        ['GET', 200, 'ok'],
      ],
    );
  });

  test('refuses non-maintainers, unknown packages, bad bodies, OIDC tokens and users without 2FA', async (t) => {
    const { registry, alice, bob, otp } = await start(t);
    const good = trustBody.github('acme/demo', 'release.yml', ['createPackage']);
    const post = (body: unknown, token = alice.token, code = otp(), name = 'demo') => call(registry.url, 'POST', trustPath(name), { token, otp: code, body });
    assert.equal((await post(good, bob.token, registry.codeFor(bob.secret))).status, 403, 'not a maintainer');
    assert.equal((await call(registry.url, 'GET', trustPath('demo'), { token: bob.token, otp: registry.codeFor(bob.secret) })).status, 403);
    assert.equal((await post(good, alice.token, otp(), 'never-published')).status, 404);
    const bad: Array<[string, unknown]> = [
      ['not an array', good[0]],
      ['empty array', []],
      ['unknown type', [{ type: 'jenkins', claims: {}, permissions: ['createPackage'] }]],
      ['no permission', trustBody.github('acme/demo', 'release.yml', [])],
      ['unknown permission', [{ ...(good[0] as object), permissions: ['deletePackage'] }]],
      ['workflow path', trustBody.github('acme/demo', '.github/workflows/release.yml', ['createPackage'])],
      ['repository without owner', trustBody.github('demo', 'release.yml', ['createPackage'])],
    ];
    for (const [label, body] of bad) {
      const res = await post(body);
      assert.equal(res.status, 400, label);
      assert.match(((await res.json()) as { error: string }).error, /^Invalid trust configuration|^The body must be/, label);
    }
    assert.equal((await call(registry.url, 'POST', trustPath('demo'), { body: good })).status, 401, 'no token');
    const carol = await registry.addUser('carol', { twoFactor: false });
    assert.equal((await post(good, carol.token, '')).status, 403, 'a user without 2FA');
    registry.trustPublisher('demo', { repository: 'acme/demo', workflow: 'release.yml' });
    const oidcToken = await exchange(registry, 'demo', registry.issueIdToken({ repository: 'acme/demo', workflow: 'release.yml' }));
    assert.equal((await post(good, oidcToken, '')).status, 403, 'a trusted-publishing token');
    assert.equal(registry.packageSettings('demo')?.trustConfigs.length, 1, 'only the trustPublisher() one');
  });

  test('a github configuration made through the route is honoured by the OIDC exchange, with its permissions', async (t) => {
    const { registry, alice, otp } = await start(t);
    const workflow = { repository: 'acme/demo', workflow: 'release.yml' };
    const create = async (permissions: Array<'createPackage' | 'createStagedPackage'>, environment?: string): Promise<string> => {
      const res = await call(registry.url, 'POST', trustPath('@acme/demo'), {
        token: alice.token,
        otp: otp(),
        body: trustBody.github('acme/demo', 'release.yml', permissions, environment),
      });
      assert.equal(res.status, 201);
      return ((await res.json()) as TrustConfig[])[0]?.id ?? '';
    };
    const id = await create(['createPackage']);
    let token = await exchange(registry, '@acme/demo', registry.issueIdToken(workflow));
    assert.equal((await publish(registry.url, '@acme/demo', '1.1.0', { token })).status, 201, 'publish allowed');
    const notStaged = await stagePublish(registry.url, '@acme/demo', '1.2.0', { token });
    assert.equal(notStaged.status, 403, 'stage publish needs createStagedPackage');

    await call(registry.url, 'DELETE', trustPath('@acme/demo', id), { token: alice.token, otp: otp() });
    await create(['createStagedPackage'], 'npm');
    const noEnvironment = await call(registry.url, 'POST', `-/npm/v1/oidc/token/exchange/package/${escapeName('@acme/demo')}`, {
      token: registry.issueIdToken(workflow),
    });
    assert.equal(noEnvironment.status, 404, 'the environment claim must match');
    token = await exchange(registry, '@acme/demo', registry.issueIdToken({ ...workflow, environment: 'npm' }));
    assert.equal((await publish(registry.url, '@acme/demo', '1.2.0', { token })).status, 403, 'publish needs createPackage');
    const staged = await stagePublish(registry.url, '@acme/demo', '1.2.0', { token });
    assert.equal(staged.status, 201);
    const [item] = registry.staged('@acme/demo');
    assert.deepEqual([item?.actor, item?.actorType, item?.version], ['GitHub Actions', 'oidc', '1.2.0']);
    assert.equal((await call(registry.url, 'GET', '-/stage', { token })).status, 200, "the token reads its own package's stage");
    const approve = await call(registry.url, 'POST', `-/stage/${item?.id}/approve`, { token });
    assert.equal(approve.status, 403, 'but a person approves');
  });
});

describe('staged publishing (/-/stage)', () => {
  test('stages without a code, keeps the version out of the packument, and lists, views and serves it', async (t) => {
    const { registry, alice, bob } = await start(t);
    assert.equal((await stagePublish(registry.url, 'demo', '1.1.0')).status, 401, 'a token is needed');
    const body = publishBody(registry.url, 'demo', '1.1.0', { tag: 'next' });
    const res = await call(registry.url, 'POST', '-/stage/package/demo', { token: alice.token, body });
    assert.equal(res.status, 201);
    const { message, stageId } = (await res.json()) as { message: string; stageId: string };
    assert.match(stageId, UUID);
    assert.equal(typeof message, 'string');
    assert.deepEqual([registry.requests.at(-1)?.otpAccepted, registry.requests.at(-1)?.user], [undefined, 'alice'], 'no gate');

    const packument = await registry.packument('demo');
    assert.deepEqual(Object.keys(packument.versions), ['1.0.0']);
    assert.deepEqual(packument['dist-tags'], { latest: '1.0.0' });
    assert.equal((await call(registry.url, 'GET', 'demo/-/demo-1.1.0.tgz')).status, 404);

    const tarball = Buffer.from((body['_attachments'] as Record<string, { data: string }>)['demo-1.1.0.tgz']?.data ?? '', 'base64');
    const createdAt = registry.staged()[0]?.createdAt ?? '';
    assert.ok(Math.abs(Date.parse(createdAt) - (registry.requests.at(-1)?.at ?? 0)) < 1000, 'staged at registry time');
    const expected: StagedPackage = {
      id: stageId,
      packageName: 'demo',
      version: '1.1.0',
      tag: 'next',
      createdAt,
      actor: 'alice',
      actorType: 'user',
      access: null,
      shasum: createHash('sha1').update(tarball).digest('hex'),
      status: 'staged',
    };
    const listed = await call(registry.url, 'GET', '-/stage?page=0&perPage=100', { token: alice.token });
    assert.deepEqual(await listed.json(), { items: [expected], page: 0, perPage: 100, total: 1 });
    assert.deepEqual(await (await call(registry.url, 'GET', `-/stage/${stageId}`, { token: alice.token })).json(), expected);
    const served = await call(registry.url, 'GET', `-/stage/${stageId}/tarball`, { token: alice.token });
    assert.equal(served.headers.get('content-type'), 'application/octet-stream');
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), tarball);
    assert.deepEqual(registry.staged(), [expected]);

    assert.equal((await call(registry.url, 'GET', '-/stage')).status, 401, 'reads need a token');
    assert.deepEqual(
      await (await call(registry.url, 'GET', '-/stage', { token: bob.token })).json(),
      { items: [], page: 0, perPage: 100, total: 0 },
      'others see nothing',
    );
    assert.equal((await call(registry.url, 'GET', `-/stage/${stageId}`, { token: bob.token })).status, 404);
    assert.equal((await call(registry.url, 'GET', '-/stage/00000000-0000-4000-8000-000000000000', { token: alice.token })).status, 404);
    assert.equal(registry.requests.filter((r) => r.otpAccepted !== undefined).length, 0, 'nothing here was gated');
  });

  test('one version index: staged and published versions refuse each other (403 published, 409 staged)', async (t) => {
    const { registry, alice, bob, otp } = await start(t);
    const staged = await stagePublish(registry.url, 'demo', '1.1.0', { token: alice.token });
    assert.equal(staged.status, 201);
    const again = await stagePublish(registry.url, 'demo', '1.1.0', { token: alice.token });
    assert.equal(again.status, 409);
    assert.match(((await again.json()) as { error: string }).error, /demo@1\.1\.0 is staged/);
    const published = await publish(registry.url, 'demo', '1.1.0', { token: alice.token, otp: otp() });
    assert.equal(published.status, 409, 'a direct publish of a staged version');
    const over = await stagePublish(registry.url, 'demo', '1.0.0', { token: alice.token });
    assert.equal(over.status, 403);
    assert.deepEqual(await over.json(), { error: 'You cannot publish over the previously published versions: 1.0.0.' });
    assert.equal((await stagePublish(registry.url, 'demo', '1.2.0', { token: bob.token })).status, 403, 'not a maintainer');
    const wrongName = await call(registry.url, 'POST', '-/stage/package/demo', { token: alice.token, body: publishBody(registry.url, 'other', '1.0.0') });
    assert.equal(wrongName.status, 400);
    assert.equal(registry.staged().length, 1);
  });

  test('approve needs a code, then publishes the staged bytes with their tag and drops the entry', async (t) => {
    const { registry, alice, bob, otp } = await start(t);
    const body = publishBody(registry.url, '@acme/demo', '2.0.0-rc.1', { tag: 'next' });
    const res = await call(registry.url, 'POST', `-/stage/package/${escapeName('@acme/demo')}`, { token: alice.token, body });
    const { stageId } = (await res.json()) as { stageId: string };
    const approve = (token: string, code?: string) =>
      call(registry.url, 'POST', `-/stage/${stageId}/approve`, code === undefined ? { token } : { token, otp: code });
    const refused = await approve(alice.token);
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('www-authenticate'), 'OTP');
    assert.equal((await approve(bob.token, registry.codeFor(bob.secret))).status, 403, 'not a maintainer');
    const approved = await approve(alice.token, otp());
    assert.equal(approved.status, 200);
    assert.equal(((await approved.json()) as { version: string }).version, '2.0.0-rc.1');

    const packument = await registry.packument('@acme/demo');
    assert.deepEqual(packument['dist-tags'], { latest: '1.0.0', next: '2.0.0-rc.1' });
    const manifest = packument.versions['2.0.0-rc.1'];
    const sent = (body['versions'] as Record<string, { dist: { integrity: string; shasum: string } }>)['2.0.0-rc.1'];
    assert.equal(manifest.dist.integrity, sent?.dist.integrity);
    assert.deepEqual(manifest._npmUser, { name: 'alice', email: 'alice@example.test' }, 'the approver publishes');
    const tarball = await call(registry.url, 'GET', new URL(manifest.dist.tarball).pathname);
    const staged = Buffer.from((body['_attachments'] as Record<string, { data: string }>)['@acme/demo-2.0.0-rc.1.tgz']?.data ?? '', 'base64');
    assert.deepEqual(Buffer.from(await tarball.arrayBuffer()), staged, 'byte-identical');
    assert.deepEqual(registry.packageSettings('@acme/demo')?.publishedVersions, ['1.0.0', '2.0.0-rc.1']);

    assert.deepEqual(registry.staged(), []);
    assert.equal((await call(registry.url, 'GET', `-/stage/${stageId}`, { token: alice.token })).status, 404);
    assert.equal((await approve(alice.token, otp())).status, 404, 'approved once');
    assert.equal((await stagePublish(registry.url, '@acme/demo', '2.0.0-rc.1', { token: alice.token })).status, 403, 'now published');
  });

  test('reject needs a code and removes the entry; the version may be staged again', async (t) => {
    const { registry, alice, otp } = await start(t);
    const { stageId } = (await (await stagePublish(registry.url, 'demo', '1.1.0', { token: alice.token })).json()) as { stageId: string };
    assert.equal((await call(registry.url, 'DELETE', `-/stage/${stageId}`, { token: alice.token })).status, 401);
    assert.equal((await call(registry.url, 'DELETE', `-/stage/${stageId}`, { token: alice.token, otp: otp() })).status, 204);
    assert.equal((await call(registry.url, 'DELETE', `-/stage/${stageId}`, { token: alice.token, otp: otp() })).status, 404);
    assert.deepEqual(registry.staged(), []);
    assert.deepEqual(Object.keys((await registry.packument('demo')).versions), ['1.0.0']);
    assert.equal((await stagePublish(registry.url, 'demo', '1.1.0', { token: alice.token })).status, 201, 'never published, so free');
    const carol = await registry.addUser('carol', { twoFactor: false });
    const { stageId: fresh } = (await (await stagePublish(registry.url, 'fresh', '1.0.0', { token: carol.token })).json()) as { stageId: string };
    assert.equal((await call(registry.url, 'DELETE', `-/stage/${fresh}`, { token: carol.token })).status, 403, 'approving and rejecting need 2FA');
  });

  test('lists page by page (pages from 0) and by package; a new package is staged and approved by its stager', async (t) => {
    const { registry, alice, otp } = await start(t);
    for (const version of ['1.1.0', '1.2.0', '1.3.0']) assert.equal((await stagePublish(registry.url, 'demo', version, { token: alice.token })).status, 201);
    const fresh = (await (await stagePublish(registry.url, 'fresh', '0.1.0', { token: alice.token })).json()) as { stageId: string };
    const page = async (query: string) =>
      (await call(registry.url, 'GET', `-/stage?${query}`, { token: alice.token })).json() as Promise<{
        items: StagedPackage[];
        total: number;
        page: number;
        perPage: number;
      }>;
    const first = await page('page=0&perPage=2&package=demo');
    assert.deepEqual([first.items.map((i) => i.version), first.total, first.page, first.perPage], [['1.1.0', '1.2.0'], 3, 0, 2]);
    const second = await page('page=1&perPage=2&package=demo');
    assert.deepEqual(
      second.items.map((i) => i.version),
      ['1.3.0'],
    );
    assert.equal((await page('page=0&perPage=100')).total, 4);
    assert.equal((await call(registry.url, 'GET', '-/stage?perPage=0', { token: alice.token })).status, 400);

    assert.equal(await registry.packument('fresh'), undefined, 'a staged new package does not exist yet');
    assert.equal((await call(registry.url, 'POST', `-/stage/${fresh.stageId}/approve`, { token: alice.token, otp: otp() })).status, 200);
    assert.deepEqual(
      registry.packageSettings('fresh')?.maintainers.map((m) => m.name),
      ['alice'],
    );
    assert.equal((await registry.packument('fresh'))['dist-tags'].latest, '0.1.0');
  });
});
