import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { makePackage, runAction, runCli } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { midWindowOffset } from '../registry/totp.ts';

/**
 * The `results` and `packages` outputs (and the CLI's --json) are data: a
 * one-time password is never put in them, and nothing redacts one out of
 * them, so a number or a hash that holds a code's digits stays as it is and
 * the JSON always parses (issue 18, finding 7).
 */
describe('outputs hold data, never redacted codes', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };

  before(async () => {
    alice = await registry.addUser('alice');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'od-pkg', version: '1.0.0' });
    const published = await runAction({ inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir } });
    assert.equal(published.code, 0, published.stdout);
  });

  /**
   * A trust list (read with a code, as npmjs asks one) whose answer holds the
   * codes of this window and the next as numbers and inside strings.
   */
  function trustListHoldingCodes(): unknown[] {
    registry.configure({ clockOffsetMs: midWindowOffset() });
    const codes = [registry.codeFor(alice.secret), registry.codeFor(alice.secret, 1)];
    const list = [
      {
        id: randomUUID(),
        type: 'github',
        claims: { repository: 'acme/od-pkg', workflow_ref: { file: 'release.yml' }, environment: `env-${codes.join('-')}` },
        permissions: ['createPackage'],
        // As numbers when they read as one (a code may start with 0), and as a hash would hold them.
        numbers: codes.map((code) => Number(code)),
        shasum: `${codes[0]}ab${codes[1]}cd`,
      },
    ];
    registry.answer({ method: 'GET', path: '/-/package/od-pkg/trust', status: 200, body: list });
    return list;
  }

  it('writes the results output as data that parses, holding what the registry answered', async () => {
    const list = trustListHoldingCodes();
    registry.clearRequests();
    const run = await runAction({ inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, commands: 'trust list od-pkg' } });
    assert.equal(run.code, 0, run.stdout);
    assert.ok(
      registry.requests.some((request) => request.otpSent),
      'the read carried a one-time password',
    );
    const results = JSON.parse(run.outputs.results ?? '') as Array<{ outcome: string; data: unknown }>;
    assert.equal(results[0]?.outcome, 'read');
    assert.deepEqual(results[0]?.data, list);
  });

  it('prints --json as data that parses, holding what the registry answered', async () => {
    const list = trustListHoldingCodes();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NPM_TOKEN: alice.token, NPM_TOTP_SECRET: alice.secret };
    const run = await runCli(['trust', 'list', 'od-pkg', '--registry', registry.url, '--json'], env, process.cwd());
    assert.equal(run.code, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as { results: Array<{ data: unknown }> };
    assert.deepEqual(printed.results[0]?.data, list);
  });
});
