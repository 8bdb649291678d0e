import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makePackage, runAction, visibleLog } from '../helpers/action.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

describe('a commands block through node dist/index.js', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };

  before(async () => {
    alice = await registry.addUser('alice');
    await registry.addUser('bob');
  });

  it('publishes, tags and adds an owner in one step; the same step again writes nothing and reports every line skipped', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-block', version: '1.4.0' });
    const commands = ['# release', 'publish', 'dist-tag add e2e-block@1.4.0 stable', 'owner add bob'].join('\n');
    const inputs = { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir, commands };
    registry.clearRequests();
    const first = await runAction({ inputs });
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const results = JSON.parse(first.outputs.results ?? '[]');
    assert.deepEqual(
      results.map((r: { line: number; outcome: string; otpAttempts: number }) => [r.line, r.outcome, r.otpAttempts]),
      [
        [2, 'published', 1],
        [3, 'done', 1],
        [4, 'done', 1],
      ],
    );
    assert.equal(first.outputs.published, 'true');
    assert.equal(first.outputs.name, 'e2e-block');
    assert.match(first.summary, /<td>3<\/td><td><code>dist-tag add e2e-block@1\.4\.0 stable<\/code><\/td>/);
    const packument = await registry.packument('e2e-block');
    assert.equal(packument['dist-tags'].stable, '1.4.0');
    assert.ok(packument.maintainers.some((m: { name: string }) => m.name === 'bob'));
    const codes = registry.requests.flatMap((request) => (request.otp ? [request.otp] : []));
    assertNoSecrets(
      { stdout: visibleLog(first.stdout), stderr: first.stderr, summary: first.summary, outputs: first.outputFile },
      [alice.token, alice.secret],
      codes,
    );

    registry.clearRequests();
    const second = await runAction({ inputs });
    assert.equal(second.code, 0, second.stdout + second.stderr);
    const again = JSON.parse(second.outputs.results ?? '[]');
    assert.ok(again.every((r: { ok: boolean; skipped: boolean; outcome: string }) => r.ok && r.skipped && r.outcome === 'unchanged'));
    assert.equal(second.outputs.published, 'false');
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
    );
  });

  it('sends no request at all when a later line is invalid, and says which line', async () => {
    registry.clearRequests();
    const run = await runAction({
      inputs: {
        token: alice.token,
        'otp-secret': alice.secret,
        registry: registry.url,
        package: '.',
        commands: 'dist-tag add e2e-block@1.4.0 beta\nowner ad bob e2e-block',
      },
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::commands line 2 \(owner ad bob e2e-block\): owner takes add, rm or ls, not "ad"/);
    assert.deepEqual(registry.requests, []);
  });

  it('annotates the failing line and reports the lines after it as not run', async () => {
    const run = await runAction({
      inputs: {
        token: alice.token,
        'otp-secret': alice.secret,
        registry: registry.url,
        commands: 'dist-tag add e2e-block@1.4.0 one\ndist-tag add e2e-block@0.0.1 two\ndist-tag add e2e-block@1.4.0 three',
      },
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error title=commands line 2%3A dist-tag add e2e-block@0\.0\.1 two::e2e-block@0\.0\.1 is not in the registry/);
    assert.deepEqual(
      JSON.parse(run.outputs.results ?? '[]').map((r: { outcome: string }) => r.outcome),
      ['done', 'failed', 'not-run'],
    );
    assert.match(run.stdout, /line 3: not-run/);
  });

  it('says for a 401 that the token was refused and what to check, not a bare status', async () => {
    const revoked = 'npm_revokedRevokedRevoked0000';
    registry.clearRequests();
    const run = await runAction({
      inputs: { token: revoked, 'otp-secret': alice.secret, registry: registry.url, commands: 'dist-tag add e2e-block@1.4.0 next' },
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.ok(
      registry.requests.some((request) => request.method === 'PUT' && request.status === 401),
      'the registry answered the write 401',
    );
    const refused =
      /the registry answered 401: Unauthorized; the registry refused the token, which may be invalid, expired or revoked, or made for another registry \(for registry\.npmjs\.org, create a new granular access token with read and write access to the package and store it in place of the old one\)/;
    assert.match(run.stdout, new RegExp(`^::error title=commands line 1%3A dist-tag add e2e-block@1\\.4\\.0 next::${refused.source}$`, 'm'));
    assert.match(JSON.parse(run.outputs.results ?? '[]')[0]?.detail ?? '', refused);
    assert.match(run.summary, /the registry refused the token/);
    assertNoSecrets({ stdout: visibleLog(run.stdout), stderr: run.stderr, summary: run.summary, outputs: run.outputFile }, [revoked, alice.secret]);
  });
});
