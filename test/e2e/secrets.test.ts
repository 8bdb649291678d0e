import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makePackage, runAction, runCli, visibleLog } from '../helpers/action.ts';
import { filesBelow, secretLeakForms } from '../helpers/scan.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { runBlockWithClock, TimeTravelClock } from '../helpers/time-travel.ts';

/**
 * One scan over every scenario, successes and failures, through the bundled
 * action, the CLI and (for the slow OTP failures) the core on a time-travel
 * clock: stdout (less the runner's ::add-mask:: commands), stderr, the
 * outputs file, the job summary, every file the run wrote (HOME, TMPDIR,
 * RUNNER_TEMP and the package folder) and every error message must hold no
 * token, no form of the secret and no code the registry received.
 */
describe('secret hygiene across every scenario', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  let scratch: string;
  const places: Record<string, string> = {};
  const secrets = () => [alice.token, ...secretLeakForms(alice.secret, uri())];
  const uri = () => `otpauth://totp/npm:alice?secret=${alice.secret}&issuer=npm&algorithm=SHA1&digits=6&period=30`;
  const grouped = () => (alice.secret.match(/.{1,4}/g) ?? []).join(' ').toLowerCase();

  before(async () => {
    alice = await registry.addUser('alice');
    await registry.addUser('bob');
    scratch = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-scan-'));
  });
  after(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** Runs the action with HOME, TMPDIR and RUNNER_TEMP inside a folder that is scanned afterwards. */
  async function scenario(name: string, inputs: Record<string, string>, expectCode: number, env: Record<string, string> = {}) {
    const home = path.join(scratch, name);
    await mkdir(path.join(home, 'tmp'), { recursive: true });
    const run = await runAction({ inputs: { registry: registry.url, ...inputs }, env: { HOME: home, TMPDIR: path.join(home, 'tmp'), ...env } });
    assert.equal(run.code, expectCode, `${name}: ${run.stdout}${run.stderr}`);
    Object.assign(places, {
      [`${name} stdout`]: visibleLog(run.stdout),
      [`${name} stderr`]: run.stderr,
      [`${name} outputs`]: run.outputFile,
      [`${name} summary`]: run.summary,
    });
    return run;
  }

  it('runs the action through successes and failures', async () => {
    const pkg = await makePackage(
      { 'index.js': '1;\n' },
      {
        name: 'scan-pkg',
        version: '1.0.0',
        files: ['index.js'],
        scripts: { prepack: "node -e \"require('fs').writeFileSync('env.json', JSON.stringify(process.env))\"" },
      },
    );
    const other = await makePackage({ 'index.js': 'changed;\n' }, { name: 'scan-pkg', version: '1.0.0' });
    // The registry down for this package's publish only: its retries wait 1 s and 2 s for real, beside the scenarios below.
    registry.failPackage('scan-down', { times: 3, status: 503 });
    const down = scenario(
      'registry-down',
      { token: alice.token, 'otp-secret': alice.secret, package: await makePackage({ 'a.js': '1;\n' }, { name: 'scan-down', version: '1.0.0' }) },
      1,
    );
    // Its verdict is read below (await down); until then a failure must not count as an unhandled rejection.
    down.catch(() => undefined);
    await scenario('publish-uri', { token: alice.token, 'otp-secret': uri(), package: pkg }, 0);
    await scenario('republish-spaced-secret', { token: ` ${alice.token}\n`, 'otp-secret': grouped(), package: pkg }, 0);
    await scenario(
      'commands',
      { token: alice.token, 'otp-secret': alice.secret, package: pkg, commands: 'dist-tag add scan-pkg@1.0.0 beta\nowner add bob\ndeprecate scan-pkg "old"' },
      0,
    );
    await scenario('no-otp-secret', { token: alice.token, package: await makePackage({ 'a.js': '1;\n' }, { name: 'scan-no-otp', version: '1.0.0' }) }, 1);
    await scenario('failing-line', { token: alice.token, 'otp-secret': alice.secret, package: pkg, commands: 'owner add ghost-user' }, 1);
    await scenario('bad-secret', { token: alice.token, 'otp-secret': `${alice.secret}!`, package: pkg }, 1);
    await scenario('conflict', { token: alice.token, 'otp-secret': alice.secret, package: other }, 1);
    const downRun = await down;
    registry.clearFaults();
    assert.equal(
      registry.requests.filter((request) => request.method === 'PUT' && request.path === '/scan-down' && request.status === 503).length,
      3,
      downRun.stdout,
    );
    Object.assign(places, await filesBelow(scratch), await filesBelow(pkg));
  });

  it('runs the CLI through a success and a failure', async () => {
    const pkg = await makePackage({ 'index.js': '2;\n' }, { name: 'scan-cli', version: '1.0.0' });
    const env = { PATH: process.env.PATH ?? '', HOME: scratch, NPM_TOKEN: alice.token, NPM_TOTP_SECRET: grouped() };
    const ok = await runCli(['publish', pkg, '--registry', registry.url, '--json'], env, scratch);
    assert.equal(ok.code, 0, ok.stderr);
    const failed = await runCli(['owner', 'add', 'ghost', 'scan-cli', '--registry', registry.url], env, scratch);
    assert.equal(failed.code, 1);
    Object.assign(places, { 'cli stdout': ok.stdout + failed.stdout, 'cli stderr': ok.stderr + failed.stderr });
  });

  it('runs the slow OTP failures in-process: wrong secret, security-key account, rate limiting; and a web approval', async () => {
    const clock = new TimeTravelClock(registry);
    const wrong = await runBlockWithClock(
      { token: alice.token, otpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', registry: registry.url },
      'dist-tag add scan-pkg@1.0.0 wrong',
      clock,
    );
    assert.equal((wrong.report.error as { code?: string }).code, 'EOTPREJECTED');
    const keyUser = await registry.addUser('scan-key-user', { web: true });
    const webauthn = await runBlockWithClock(
      { token: keyUser.token, otpSecret: keyUser.secret, authType: 'totp', registry: registry.url },
      'dist-tag add scan-pkg@1.0.0 key',
      clock,
    );
    // A web approval that a person gives: its token is a secret too (the scan below reads it from the request log).
    registry.autoApproveWeb({ afterPolls: 1 });
    const approved = await runBlockWithClock(
      { token: keyUser.token, registry: registry.url, package: await makePackage({ 'a.js': '1;\n' }, { name: 'scan-web', version: '1.0.0' }) },
      'publish\nowner add alice scan-web',
      clock,
    );
    registry.autoApproveWeb(undefined);
    assert.equal(approved.report.error, undefined, String(approved.report.error));
    places['web approval log'] = approved.lines.map((line) => line.message).join('\n');
    places['web approval report'] = JSON.stringify(approved.report);
    registry.configure({ rateLimitAfterRejections: 1, rateLimitRetryAfterS: 500 });
    const limited = await runBlockWithClock(
      { token: alice.token, otpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', registry: registry.url },
      'dist-tag add scan-pkg@1.0.0 limited',
      clock,
    );
    registry.configure({ rateLimitAfterRejections: undefined });
    for (const [name, run] of Object.entries({ wrong, webauthn, limited })) {
      assert.ok(run.report.error, `${name} failed`);
      const error = run.report.error as Error & { cause?: unknown };
      places[`${name} log`] = run.lines.map((line) => line.message).join('\n');
      places[`${name} report`] = JSON.stringify(run.report.results);
      places[`${name} error`] = `${error.message}\n${String(error.cause)}`;
    }
  });

  it('finds no token, no form of the secret and no received code anywhere', () => {
    assert.ok(Object.keys(places).length > 40, `scanned ${Object.keys(places).length} places`);
    const codes = [...new Set(registry.requests.flatMap((request) => (request.otp ? [request.otp] : [])))];
    assert.ok(codes.length >= 4, `the registry received ${codes.length} codes`);
    const forms = secrets();
    for (const [place, text] of Object.entries(places)) {
      forms.forEach((form, index) => assert.ok(!text.includes(form), `secret form #${index} appears in ${place}`));
      for (const code of codes) assert.ok(!new RegExp(`(^|\\D)${code}(\\D|$)`).test(text), `a code the registry received appears in ${place}`);
    }
  });
});
