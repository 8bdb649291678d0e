/**
 * Trusted publishing: the exchange accepts only ID tokens the fixture signed,
 * for this registry, from a configured workflow, and mints a short-lived token
 * that publishes that one package without a code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { call, escapeName, publish } from './http-client.ts';
import { startRegistry } from './index.ts';
import type { CreatedUser, IdTokenClaims, TestRegistry } from './index.ts';
import { NpmClient } from './npm-cli.ts';
import { midWindowOffset } from './totp.ts';

const WORKFLOW: IdTokenClaims = { repository: 'acme/demo', workflow: 'release.yml', repositoryVisibility: 'private' };

async function start(t: TestContext): Promise<{ registry: TestRegistry; alice: CreatedUser }> {
  const offset = midWindowOffset();
  const registry = await startRegistry({ clockOffsetMs: offset });
  t.after(() => registry.close());
  const alice = await registry.addUser('alice');
  for (const name of ['@acme/demo', 'other']) {
    assert.equal((await publish(registry.url, name, '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret) })).status, 201);
  }
  registry.trustPublisher('@acme/demo', { repository: 'acme/demo', workflow: 'release.yml' });
  registry.clearRequests();
  return { registry, alice };
}

const exchange = (registry: TestRegistry, name: string, idToken: string) =>
  call(registry.url, 'POST', `-/npm/v1/oidc/token/exchange/package/${escapeName(name)}`, { token: idToken });

describe('trusted publishing (OIDC)', () => {
  test("exchanges a trusted workflow's ID token for a token that publishes without a code", async (t) => {
    const { registry } = await start(t);
    const res = await exchange(registry, '@acme/demo', registry.issueIdToken(WORKFLOW));
    assert.equal(res.status, 201);
    const { token } = (await res.json()) as { token: string };
    assert.equal((await publish(registry.url, '@acme/demo', '1.1.0', { token })).status, 201);
    const packument = await registry.packument('@acme/demo');
    assert.deepEqual(packument.versions['1.1.0']._npmUser, { name: 'GitHub Actions', email: 'npm-oidc-no-reply@github.com' });
    assert.deepEqual(
      packument.maintainers.map((m: { name: string }) => m.name),
      ['alice'],
      'maintainers unchanged',
    );
    const put = registry.requests.at(-1);
    assert.deepEqual([put?.oidcPackage, put?.otpAccepted, put?.user], ['@acme/demo', undefined, undefined]);
    assert.equal(registry.requests[0]?.otpAccepted, undefined, 'the exchange needs no code');
  });

  test('the minted token may only publish its own package, and expires', async (t) => {
    const { registry } = await start(t);
    const { token } = (await (await exchange(registry, '@acme/demo', registry.issueIdToken(WORKFLOW))).json()) as { token: string };
    assert.equal((await publish(registry.url, 'other', '2.0.0', { token })).status, 403);
    const tag = await call(registry.url, 'PUT', '-/package/@acme%2fdemo/dist-tags/next', { token, body: '"1.0.0"' });
    assert.equal(tag.status, 403, 'dist-tag, owner and access still need a user token');
    registry.configure({ clockOffsetMs: midWindowOffset() + 901_000 });
    assert.equal((await publish(registry.url, '@acme/demo', '1.2.0', { token })).status, 401, 'expired after 900 s');
  });

  test('refuses foreign, misaddressed or expired ID tokens with 401 and untrusted workflows with 404', async (t) => {
    const { registry } = await start(t);
    const cases: Array<[string, IdTokenClaims, string, number]> = [
      ['foreign key', { ...WORKFLOW, foreignKey: true }, '@acme/demo', 401],
      ['other audience', { ...WORKFLOW, audience: 'npm:registry.npmjs.org' }, '@acme/demo', 401],
      ['expired', { ...WORKFLOW, expiresInS: -1 }, '@acme/demo', 401],
      ['other workflow', { ...WORKFLOW, workflow: 'ci.yml' }, '@acme/demo', 404],
      ['other repository', { ...WORKFLOW, repository: 'evil/demo' }, '@acme/demo', 404],
      ['no trusted publisher', WORKFLOW, 'other', 404],
      ['unknown package', WORKFLOW, 'never-published', 404],
    ];
    for (const [label, claims, name, status] of cases) {
      const res = await exchange(registry, name, registry.issueIdToken(claims));
      assert.equal(res.status, status, label);
      const body = (await res.json()) as { message: string };
      assert.match(body.message, /^OIDC token exchange error - (unauthorized|package not found)$/, label);
    }
    assert.equal((await exchange(registry, '@acme/demo', 'not-a-jwt')).status, 401);
  });

  test('an environment-bound trusted publisher needs the matching environment claim', async (t) => {
    const { registry } = await start(t);
    registry.trustPublisher('other', { repository: 'acme/demo', workflow: 'release.yml', environment: 'npm' });
    assert.equal((await exchange(registry, 'other', registry.issueIdToken(WORKFLOW))).status, 404);
    assert.equal((await exchange(registry, 'other', registry.issueIdToken({ ...WORKFLOW, environment: 'npm' }))).status, 201);
  });

  test('the npm CLI publishes through the exchange with NPM_ID_TOKEN and no token or code', async (t) => {
    const { registry } = await start(t);
    const npm = await NpmClient.create(registry.url);
    t.after(() => npm.dispose());
    const dir = await npm.makePackage('@acme/demo', '1.3.0');
    const env = { GITHUB_ACTIONS: 'true', NPM_ID_TOKEN: registry.issueIdToken(WORKFLOW) };
    const result = await npm.run(['publish'], dir, env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      registry.requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.status]),
      [
        ['POST', '/-/npm/v1/oidc/token/exchange/package/@acme%2fdemo', 201],
        ['PUT', '/@acme%2fdemo', 201],
      ],
    );
  });
});
