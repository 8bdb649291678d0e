import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makePackage, runAction, runCli } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { publish, stagePublish } from '../registry/http-client.ts';

interface Row {
  command: string;
  outcome: string;
  detail: string;
  stageId?: string;
}

const rows = (outputs: Record<string, string>): Row[] => JSON.parse(outputs.results ?? '[]');

/**
 * The registry's answers of 2026 through the bundled action and the installed CLI, each in npm's words as the
 * test registry gives them (test/registry/STATUS.md, "npmjs's 2026 answers"), each turned into one error that
 * says what to do (docs/troubleshooting.md): an expired or revoked token (ETOKEN), a bypass-2FA token on a
 * governance write (EBYPASSTOKEN), a credential that may only stage publishing directly (ESTAGEONLY), a staged
 * version still validating (waited for), and every npm-notice shown once as a warning.
 */
describe("npm's 2026 refusals, as users meet them", () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  let work: string;

  before(async () => {
    alice = await registry.addUser('alice');
    await registry.addUser('bob');
    work = await mkdtemp(path.join(os.tmpdir(), 'npm-2026-'));
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** Publishes name@1.0.0 by hand, as alice. */
  const seed = async (name: string) =>
    assert.equal((await publish(registry.url, name, '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret) })).status, 201);

  it('an expired or revoked token: ETOKEN, saying to create a new granular token and how long they live, and the notice once', async () => {
    const token = registry.issueToken('alice');
    registry.expireToken(token);
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'r26-expired', version: '1.0.0' });
    const run = await runAction({ inputs: { token, 'otp-secret': alice.secret, registry: registry.url, package: dir } });
    assert.equal(run.code, 1, run.stdout);
    const [row] = rows(run.outputs);
    assert.equal(row?.outcome, 'failed');
    assert.match(
      row?.detail ?? '',
      /^The registry says the token expired or was revoked \("Access token expired or revoked"\): it refused "publish r26-expired@1\.0\.0" \(it answered 404\)\. Create a new granular access token .*7 days unless you choose longer, and 90 days at most/,
    );
    assert.match(run.stdout, /^::error::The registry says the token expired or was revoked/m);
    const notices = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::warning::The registry says (npm-notice): Access token expired or revoked. Please try logging in again.'));
    assert.equal(notices.length, 1, 'the notice came with every answer, and is shown once');
    assert.equal(await registry.packument('r26-expired'), undefined);

    const cli = await runCli(
      ['publish', '--registry', registry.url, '--json'],
      { PATH: process.env.PATH ?? '', HOME: work, NODE_AUTH_TOKEN: token, NPM_TOTP_SECRET: alice.secret },
      dir,
    );
    assert.equal(cli.code, 1, cli.stderr);
    assert.match(cli.stderr, /^npm-totp-publish: The registry says the token expired or was revoked/m);
    assert.equal(cli.stderr.split('\n').filter((line) => line.startsWith('warning: The registry says (npm-notice): Access token expired')).length, 1);
    assert.doesNotMatch(cli.stdout + cli.stderr, new RegExp(token));
  });

  it('a bypass-2FA token: the dist-tag goes without a code, the owner change is refused with EBYPASSTOKEN, naming otp-secret and web approvals', async () => {
    await seed('r26-bypass');
    const bypass = registry.issueToken('alice', { bypass2fa: true });
    registry.clearRequests();
    const run = await runAction({
      inputs: { token: bypass, registry: registry.url, commands: 'dist-tag add r26-bypass@1.0.0 beta\nowner add bob r26-bypass' },
    });
    assert.equal(run.code, 1, run.stdout);
    const [tagged, owner] = rows(run.outputs);
    assert.equal(tagged?.outcome, 'done');
    assert.equal(owner?.outcome, 'failed');
    assert.match(
      owner?.detail ?? '',
      /^The registry refused "owner add bob r26-bypass" to a token that bypasses two-factor authentication \(403 Forbidden2FABypassGAT\).*set otp-secret to the account's TOTP secret, or leave it empty \(auth-type auto\) and a person approves/s,
    );
    assert.deepEqual(
      registry.packageSettings('r26-bypass')?.maintainers.map((m) => m.name),
      ['alice'],
    );
    assert.equal(registry.requests.filter((request) => request.otpSent).length, 0, 'no code was ever sent');
  });

  it('a stage-only token publishing directly: ESTAGEONLY, saying to stage it or use a token that may publish', async () => {
    const stageOnly = registry.issueToken('alice', { stageOnly: true });
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'r26-stage-only', version: '1.0.0' });
    const run = await runAction({ inputs: { token: stageOnly, 'otp-secret': alice.secret, registry: registry.url, package: dir } });
    assert.equal(run.code, 1, run.stdout);
    assert.match(
      rows(run.outputs)[0]?.detail ?? '',
      /^The registry refused "publish r26-stage-only@1\.0\.0": the token may only stage versions .*\(403 OIDC permission denied for this action\)\. Nothing was published\. Stage it instead \(stage publish/,
    );
    const staged = await runAction({ inputs: { token: stageOnly, registry: registry.url, package: dir, commands: 'stage publish' } });
    assert.equal(staged.code, 0, staged.stdout);
    assert.equal(rows(staged.outputs)[0]?.outcome, 'staged');
  });

  it('a trusted publisher that may only stage, publishing by OIDC: ESTAGEONLY, saying --allow-publish', async () => {
    await seed('r26-oidc');
    registry.trustPublisher('r26-oidc', { repository: 'acme/r26', workflow: 'release.yml', permissions: ['createStagedPackage'] });
    const dir = await makePackage({ 'index.js': '2;\n' }, { name: 'r26-oidc', version: '1.1.0' });
    const env = { PATH: process.env.PATH ?? '', HOME: work, NPM_ID_TOKEN: registry.issueIdToken({ repository: 'acme/r26', workflow: 'release.yml' }) };
    const cli = await runCli(['publish', '--registry', registry.url, '--provenance=false'], env, dir);
    assert.equal(cli.code, 1, cli.stderr);
    assert.match(
      cli.stderr,
      /npm-totp-publish: The registry refused "publish r26-oidc@1\.1\.0": this job's trusted publisher may only stage versions .*--allow-publish/,
    );
    assert.deepEqual(Object.keys((await registry.packument('r26-oidc')).versions), ['1.0.0']);
  });

  it('stage approve of a version still validating: waits, logging each wait, then approves once it is staged', async () => {
    registry.configure({ stageValidatingAnswers: 2 });
    const staged = await stagePublish(registry.url, 'r26-validating', '1.0.0', { token: alice.token });
    registry.configure({ stageValidatingAnswers: 0 });
    assert.equal(staged.status, 201);
    const checkout = await makePackage({ 'index.js': '1;\n' }, { name: 'r26-elsewhere', version: '9.9.9' });
    // Validating: once for the check before anything runs, once when the step reads it again; and an approval answered 409 once.
    registry.answer({
      method: 'POST',
      path: /\/approve$/,
      status: 409,
      body: { error: 'r26-validating@1.0.0 is still being validated' },
      headers: { 'retry-after': '1' },
    });
    const run = await runAction({
      inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: checkout, commands: 'stage approve r26-validating@1.0.0' },
    });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(rows(run.outputs)[0]?.outcome, 'done');
    assert.match(
      run.stdout,
      /r26-validating@1\.0\.0 \(staged as [0-9a-f-]{36}\) is still being validated by the registry \(its status is validating\); waiting 1 s before approving it/,
    );
    assert.match(
      run.stdout,
      /is still being validated by the registry \(the registry answered the approval 409 \(409 r26-validating@1\.0\.0 is still being validated\)\); waiting 1 s/,
    );
    assert.deepEqual(Object.keys((await registry.packument('r26-validating')).versions), ['1.0.0']);
  });

  it('every npm-notice the registry sends is shown once, as a warning, and can write no workflow command', async () => {
    registry.configure({ npmNotice: 'Heads up ##[error]pwned ::stop-commands::x' });
    try {
      const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'r26-notice', version: '1.0.0' });
      const run = await runAction({ inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir } });
      assert.equal(run.code, 0, run.stdout);
      const warnings = run.stdout.split('\n').filter((line) => line.includes('Heads up'));
      assert.deepEqual(warnings, ['::warning::The registry says (npm-notice): Heads up #\\#[error]pwned ::stop-commands::x']);
      assert.doesNotMatch(run.stdout, /##\[/);
    } finally {
      registry.configure({ npmNotice: undefined });
    }
  });
});
