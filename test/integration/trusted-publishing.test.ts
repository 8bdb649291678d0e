import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { before, describe, it } from 'node:test';
import { systemClock } from '../../src/foundation/clock.ts';
import { normalizeOptions } from '../../src/grammar/options.ts';
import { runCommands } from '../../src/run/run.ts';
import type { IdTokenProvider } from '../../src/run/id-tokens.ts';
import { USER_AGENT } from '../../src/version.ts';
import { makePackage, runAction, visibleLog } from '../helpers/action.ts';
import { NAMES } from '../helpers/core.ts';
import { recordingLogger } from '../helpers/fake-clock.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

describe('trusted publishing (OIDC) for publish, token and OTP for the rest', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  const publisher = { repository: 'acme/widgets', workflow: 'release.yml' };

  before(async () => {
    alice = await registry.addUser('alice');
    // Trusted publishers can only be configured on a package that exists: the first version goes out with the token.
    const first = await makePackage({ 'index.js': '1;\n' }, { name: 'oidc-pkg', version: '1.0.0' });
    const { report } = await run(`publish ${first}`, undefined);
    assert.equal(report.error, undefined, String(report.error));
    registry.trustPublisher('oidc-pkg', publisher);
  });

  async function run(block: string, idTokens: IdTokenProvider | undefined) {
    const { logger, lines } = recordingLogger();
    const options = normalizeOptions({ token: alice.token, otpSecret: alice.secret, registry: registry.url }, NAMES);
    const report = await runCommands(
      options,
      { block, inputName: 'commands' },
      { clock: systemClock, logger, cwd: process.cwd(), env: process.env, userAgent: USER_AGENT, ...(idTokens ? { idTokens } : {}) },
    );
    return { report, lines };
  }

  it('publishes with a short-lived token from the job identity and no one-time password, while dist-tag still uses the token and a code', async () => {
    const dir = await makePackage({ 'index.js': '2;\n' }, { name: 'oidc-pkg', version: '1.1.0' });
    const audiences: string[] = [];
    registry.clearRequests();
    const { report } = await run(`publish ${dir}\ndist-tag add oidc-pkg@1.0.0 legacy`, async (audience) => {
      audiences.push(audience);
      return registry.issueIdToken(publisher);
    });
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(audiences, ['npm:127.0.0.1']);
    assert.match(report.results[0]?.detail ?? '', /by trusted publishing/);
    assert.deepEqual(
      report.results.map((result) => result.otpAttempts),
      [0, 1],
    );
    const writes = registry.requests.filter((request) => request.method !== 'GET');
    assert.deepEqual(
      writes.map((w) => [w.method, w.path.replace(/oidc-pkg.*$/, 'oidc-pkg…'), w.otpSent, w.status, w.oidcPackage ?? null]),
      [
        ['POST', '/-/npm/v1/oidc/token/exchange/package/oidc-pkg…', false, 201, null],
        ['PUT', '/oidc-pkg…', false, 201, 'oidc-pkg'],
        ['PUT', '/-/package/oidc-pkg…', true, 201, null],
      ],
    );
    assert.equal((await registry.packument('oidc-pkg')).versions['1.1.0'] !== undefined, true);
  });

  it('falls back to the token and a one-time password, saying why, when this workflow is not a trusted publisher', async () => {
    const dir = await makePackage({ 'index.js': '3;\n' }, { name: 'oidc-pkg', version: '1.2.0' });
    registry.clearRequests();
    const { report, lines } = await run(`publish ${dir}`, async () => registry.issueIdToken({ repository: 'someone/else', workflow: 'release.yml' }));
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.otpAttempts, 1);
    assert.ok(
      lines.some((line) =>
        /Trusted publishing is not available for oidc-pkg \(the registry answered 404.*configure this repository and workflow as a trusted publisher/.test(
          line.message,
        ),
      ),
    );
    assert.deepEqual(
      registry.requests.filter((r) => r.method === 'PUT').map((r) => [r.otpAccepted, r.oidcPackage ?? null]),
      [[true, null]],
    );
  });

  it('runs the action with GitHub’s ID token endpoint, and leaks neither the request token nor the ID token', async () => {
    const idToken = registry.issueIdToken(publisher);
    const requestToken = 'ghs_request_token_0123456789abcdefABCDEF';
    const seen: string[] = [];
    const endpoint = createServer((req, res) => {
      seen.push(`${req.headers.authorization === `Bearer ${requestToken}`} ${new URL(req.url ?? '/', 'http://x').searchParams.get('audience')}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value: idToken }));
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = endpoint.address() as AddressInfo;
      const dir = await makePackage({ 'index.js': '4;\n' }, { name: 'oidc-pkg', version: '1.3.0' });
      // provenance: false, else npm's rule would sign a statement for this public repository and package (see provenance.test.ts).
      const run = await runAction({
        inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir, provenance: 'false' },
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(seen, ['true npm:127.0.0.1']);
      assert.equal(JSON.parse(run.outputs.results ?? '[]')[0].otpAttempts, 0);
      assert.match(run.stdout, /the registry issued a short-lived publish token for oidc-pkg/);
      assertNoSecrets({ stdout: visibleLog(run.stdout), stderr: run.stderr, summary: run.summary, outputs: run.outputFile }, [
        alice.token,
        alice.secret,
        requestToken,
        idToken,
      ]);

      // trusted-publishing: off never asks for an ID token, and publishes with the token and a code.
      const next = await makePackage({ 'index.js': '5;\n' }, { name: 'oidc-pkg', version: '1.4.0' });
      const off = await runAction({
        inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: next, 'trusted-publishing': 'off' },
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
      });
      assert.equal(off.code, 0, off.stdout + off.stderr);
      assert.equal(seen.length, 1, 'no second ID token request');
      assert.equal(JSON.parse(off.outputs.results ?? '[]')[0].otpAttempts, 1);
    } finally {
      endpoint.close();
    }
  });
});

describe('no token at all: trusted publishing alone', () => {
  const registry = suiteRegistry();

  it('publishes by OIDC with no token, and refuses a line that needs one before anything is sent', async () => {
    const owner = await registry.addUser('tokenless-owner');
    const manifest = { name: 'tokenless-pkg', repository: { type: 'git', url: 'git+https://github.com/acme/tokenless.git' } };
    // A trusted publisher can only be configured on a package that exists: the first version goes out with a token.
    const first = await makePackage({ 'index.js': '1;\n' }, { ...manifest, version: '1.0.0' });
    const withToken = normalizeOptions({ token: owner.token, otpSecret: owner.secret, registry: registry.url, package: first }, NAMES);
    assert.equal(
      (await runCommands(withToken, undefined, { clock: systemClock, logger: recordingLogger().logger, cwd: first, env: process.env, userAgent: USER_AGENT }))
        .error,
      undefined,
    );
    registry.trustPublisher('tokenless-pkg', { repository: 'acme/tokenless', workflow: 'release.yml' });
    const dir = await makePackage({ 'index.js': '2;\n' }, { ...manifest, version: '1.1.0' });
    registry.clearRequests();
    const idToken = registry.issueIdToken({ repository: 'acme/tokenless', workflow: 'release.yml', repositoryVisibility: 'private' });
    const { logger, lines } = recordingLogger();
    const options = normalizeOptions({ registry: registry.url, package: dir, provenance: 'false' }, NAMES, { idTokenAvailable: true });
    const report = await runCommands(options, undefined, {
      clock: systemClock,
      logger,
      cwd: dir,
      env: process.env,
      userAgent: USER_AGENT,
      idTokens: async () => idToken,
    });
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.published, true);
    assert.ok(lines.some((line) => /no token: only trusted publishing \(OIDC\) can upload/.test(line.message)));
    assert.ok(
      registry.requests.every((request) => request.user === undefined),
      'the token of no user was sent',
    );

    registry.clearRequests();
    const refused = await runCommands(
      options,
      { block: `owner add ${owner.name} tokenless-pkg`, inputName: 'commands' },
      { clock: systemClock, logger, cwd: dir, env: process.env, userAgent: USER_AGENT, idTokens: async () => idToken },
    );
    assert.match(String(refused.error), /^InputError: token: line 1 \(owner add tokenless-owner tokenless-pkg\) needs a registry token/);
    assert.deepEqual(registry.requests, []);
  });
});
