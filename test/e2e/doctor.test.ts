import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DoctorReport } from '../../src/commands/doctor.ts';
import { makePackage, runAction, runCli, visibleLog } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { publish, stagePublish } from '../registry/http-client.ts';

interface Row {
  line: number;
  command: string;
  outcome: string;
  detail: string;
  data?: unknown;
}

const rows = (outputs: Record<string, string>): Row[] => JSON.parse(outputs.results ?? '[]');
/** Doctor's report, the `data` of its row. */
const doctorOf = (results: Row[]): DoctorReport => results.find((row) => /^doctor\b/.test(row.command))?.data as DoctorReport;

/**
 * `doctor` through the bundled action (`doctor: true`, or a doctor line) and the installed CLI, against the test
 * registry answering as npmjs does: what it reports for each case of issue 22, that it writes nothing and spends
 * no code (but with --check-trust), and that it fails the step exactly when a planned write would fail.
 */
describe('doctor', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  let bob: { name: string; token: string; secret: string };
  let work: string;

  before(async () => {
    alice = await registry.addUser('alice');
    bob = await registry.addUser('bob');
    work = await mkdtemp(path.join(os.tmpdir(), 'doctor-'));
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** Publishes name@version by hand, as alice. */
  const seed = async (name: string, version = '1.0.0') =>
    assert.equal((await publish(registry.url, name, version, { token: alice.token, otp: registry.codeFor(alice.secret) })).status, 201);
  /** Every request since the last clearRequests that could change something, or sent a code. */
  const writes = () => registry.requests.filter((request) => request.method !== 'GET' || request.otpSent);

  it('a good setup: the token, TOTP, the clock, the package, and publish by token and TOTP would go; the table in the log and the summary; nothing written, no code spent', async () => {
    await seed('doc-good');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'doc-good', version: '1.1.0' });
    registry.clearRequests();
    const run = await runAction({ inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir, doctor: 'true' } });
    assert.equal(run.code, 0, run.stdout);
    const results = rows(run.outputs);
    assert.deepEqual(
      results.map((row) => [row.command, row.outcome]),
      [
        ['doctor', 'read'],
        ['publish doc-good@1.1.0', 'not-run'],
      ],
    );
    const report = doctorOf(results);
    assert.equal(report.ok, true);
    assert.deepEqual([report.token.state, report.token.user, report.token.bypass2fa], ['valid', 'alice', false]);
    assert.deepEqual([report.account.tfa, report.account.totp, report.account.webApprovals], ['auth-and-writes', true, false]);
    assert.equal(typeof report.clock.offsetMs, 'number');
    assert.deepEqual(
      report.packages.map(({ name, version, exists, published, tag, access, maintainer, staged }) => ({
        name,
        version,
        exists,
        published,
        tag,
        access,
        maintainer,
        staged,
      })),
      [{ name: 'doc-good', version: '1.1.0', exists: true, published: false, tag: 'latest', access: 'public', maintainer: true, staged: [] }],
    );
    assert.deepEqual(
      report.writes.map(({ command, auth, ok }) => ({ command, auth, ok })),
      [{ command: 'publish doc-good@1.1.0', auth: 'token + TOTP', ok: true }],
    );
    assert.deepEqual(report.problems, []);
    assert.match(run.stdout, /^npm-totp-publish doctor: no planned write would fail; nothing was written$/m);
    assert.match(run.stdout, /^ {2}token +ok +valid: the token is alice's/m);
    assert.match(run.stdout, /^ {2}publish doc-good@1\.1\.0 +ok +token \+ TOTP; would go$/m);
    assert.match(run.summary, /<h4>npm-totp-publish doctor: no planned write would fail; nothing was written<\/h4>/);
    assert.match(run.summary, /<td>doc-good@1\.1\.0<\/td><td>ok<\/td><td>exists \(latest 1\.0\.0\); 1\.1\.0 is not published yet/);
    assert.deepEqual(writes(), [], 'only reads, and no code');
    assert.equal(await registry.packument('doc-good').then((doc) => Object.keys(doc.versions).join()), '1.0.0');
    for (const secret of [alice.token, alice.secret])
      assert.ok(!visibleLog(run.stdout).includes(secret) && !run.summary.includes(secret) && !run.outputFile.includes(secret));
  });

  it('an expired token: ETOKEN, and the step fails, since the publish needs the token', async () => {
    await seed('doc-expired');
    const token = registry.issueToken('alice');
    registry.expireToken(token);
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'doc-expired', version: '1.1.0' });
    const run = await runAction({ inputs: { token, 'otp-secret': alice.secret, registry: registry.url, package: dir, doctor: 'true' } });
    assert.equal(run.code, 1, run.stdout);
    const report = doctorOf(rows(run.outputs));
    assert.equal(report.token.state, 'expired');
    assert.equal(report.ok, false);
    assert.match(report.writes[0]?.detail ?? '', /would fail: The registry says the token expired or was revoked/);
    assert.match(
      run.stdout,
      /^::error::The registry says the token expired or was revoked \("Access token expired or revoked"\): it refused whoami \(it answered 401\)\. Create a new granular access token.*90 days at most/m,
    );
    assert.equal(run.stdout.split('\n').filter((line) => line.startsWith('::warning::The registry says (npm-notice): Access token expired')).length, 1);
  });

  it("a bypass-2FA token with an owner change planned: the change would fail, the step fails, and line numbers stay the block's", async () => {
    await seed('doc-bypass');
    const bypass = registry.issueToken('alice', { bypass2fa: true });
    registry.clearRequests();
    const run = await runAction({
      inputs: { token: bypass, registry: registry.url, commands: 'dist-tag add doc-bypass@1.0.0 beta\nowner add bob doc-bypass', doctor: 'true' },
    });
    assert.equal(run.code, 1, run.stdout);
    const results = rows(run.outputs);
    assert.deepEqual(
      results.map((row) => [row.line, row.command, row.outcome]),
      [
        [1, 'dist-tag add doc-bypass@1.0.0 beta', 'not-run'],
        [2, 'owner add bob doc-bypass', 'not-run'],
        [0, 'doctor', 'read'],
      ],
    );
    const report = doctorOf(results);
    assert.equal(report.token.bypass2fa, true);
    assert.deepEqual(
      report.writes.map(({ line, auth, ok }) => ({ line, auth, ok })),
      [
        { line: 1, auth: 'token (bypasses 2FA)', ok: true },
        { line: 2, auth: 'token', ok: false },
      ],
    );
    assert.match(
      report.problems[0] ?? '',
      /^owner add bob doc-bypass: the token bypasses 2FA, which npm refuses for owner, access, mfa and trust changes \(403 Forbidden2FABypassGAT\)/,
    );
    assert.match(run.stdout, /^::error::doctor: 1 of 2 planned writes would fail: owner add bob doc-bypass: the token bypasses 2FA/m);
    assert.match(run.stdout, /^ {2}line 2: owner add bob doc-bypass +FAIL +token; would fail/m);
    assert.deepEqual(writes(), []);
    assert.deepEqual(
      registry.packageSettings('doc-bypass')?.maintainers.map((m) => m.name),
      ['alice'],
    );
  });

  it('an account without TOTP (a security key) and no secret: its writes would wait for web approvals, which the registry offers; the step passes', async () => {
    const keyUser = await registry.addUser('key-owner', { web: true });
    registry.autoApproveWeb({});
    const seeded = await runAction({
      inputs: { token: keyUser.token, registry: registry.url, package: await makePackage({ 'index.js': '0;\n' }, { name: 'doc-key', version: '1.0.0' }) },
    });
    registry.autoApproveWeb(undefined);
    assert.equal(seeded.code, 0, seeded.stdout);
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'doc-key', version: '1.1.0' });
    const run = await runAction({ inputs: { token: keyUser.token, registry: registry.url, package: dir, doctor: 'true' } });
    assert.equal(run.code, 0, run.stdout);
    const report = doctorOf(rows(run.outputs));
    assert.deepEqual([report.account.tfa, report.account.totp, report.account.webApprovals], ['auth-and-writes', false, true]);
    assert.match(
      report.account.detail,
      /otp-secret is not set; the registry offers this account web approvals: each write waits for a person to approve it on npm's web page/,
    );
    assert.deepEqual(
      report.writes.map(({ auth, ok }) => ({ auth, ok })),
      [{ auth: 'token + web approval', ok: true }],
    );
    assert.match(run.stdout, /^ {2}2FA +warn +2FA auth-and-writes/m);
    assert.ok(
      registry.webChallenges().every((challenge) => challenge.status !== 'approved' || challenge.npmCommand !== 'trust'),
      'the probe asked nobody to approve anything',
    );
  });

  it('a TOTP account and no secret: the registry offers no web approval, so its writes would fail, and the step fails', async () => {
    await seed('doc-nosecret');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'doc-nosecret', version: '1.1.0' });
    const run = await runAction({ inputs: { token: alice.token, registry: registry.url, package: dir, doctor: 'true' } });
    assert.equal(run.code, 1, run.stdout);
    const report = doctorOf(rows(run.outputs));
    assert.equal(report.account.webApprovals, false);
    assert.match(
      report.problems[0] ?? '',
      /^publish doc-nosecret@1\.1\.0: the registry offers this account no web approval \(it asks for a one-time password\), and otp-secret is not set/,
    );
  });

  it("a staged version waiting: reported; the same version as the checkout's would block its publish (409), and the step fails", async () => {
    await seed('doc-staged');
    assert.equal((await stagePublish(registry.url, 'doc-staged', '1.0.5', { token: alice.token })).status, 201);
    const other = await runAction({
      inputs: {
        token: alice.token,
        'otp-secret': alice.secret,
        registry: registry.url,
        package: await makePackage({ 'index.js': '1;\n' }, { name: 'doc-staged', version: '1.1.0' }),
        doctor: 'true',
      },
    });
    assert.equal(other.code, 0, other.stdout);
    const [otherPackage] = doctorOf(rows(other.outputs)).packages;
    assert.deepEqual(
      otherPackage?.staged.map(({ version, tag, status }) => ({ version, tag, status })),
      [{ version: '1.0.5', tag: 'latest', status: 'staged' }],
    );
    assert.match(otherPackage?.detail ?? '', /1 staged version waiting: 1\.0\.5 \(id [0-9a-f-]{36}, tag latest, staged\)/);

    const same = await runAction({
      inputs: {
        token: alice.token,
        'otp-secret': alice.secret,
        registry: registry.url,
        package: await makePackage({ 'index.js': '1;\n' }, { name: 'doc-staged', version: '1.0.5' }),
        doctor: 'true',
      },
    });
    assert.equal(same.code, 1, same.stdout);
    assert.match(
      doctorOf(rows(same.outputs)).problems[0] ?? '',
      /^publish doc-staged@1\.0\.5: doc-staged@1\.0\.5 is staged already \(id [0-9a-f-]{36}\): the registry refuses to publish it \(409\) until it is approved \(stage approve doc-staged@1\.0\.5\) or rejected/,
    );
  });

  it('not a maintainer: the publish would be refused (403), and the step fails', async () => {
    await seed('doc-theirs');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'doc-theirs', version: '1.1.0' });
    const run = await runAction({ inputs: { token: bob.token, 'otp-secret': bob.secret, registry: registry.url, package: dir, doctor: 'true' } });
    assert.equal(run.code, 1, run.stdout);
    const report = doctorOf(rows(run.outputs));
    assert.equal(report.packages[0]?.maintainer, false);
    assert.match(report.packages[0]?.detail ?? '', /bob is not a maintainer \(collaborators: alice\)/);
    assert.match(report.problems[0] ?? '', /^publish doc-theirs@1\.1\.0: bob is not a maintainer of doc-theirs: the registry refuses it \(403\)/);
  });

  it('the CLI: doctor --json gives the report; --check-trust spends one code and proves the secret; a wrong secret is found so, and fails', async () => {
    await seed('doc-cli');
    registry.trustPublisher('doc-cli', { repository: 'acme/doc-cli', workflow: 'release.yml', permissions: ['createStagedPackage'] });
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'doc-cli', version: '1.1.0' });
    const env = { PATH: process.env.PATH ?? '', HOME: work, NODE_AUTH_TOKEN: alice.token, NPM_TOTP_SECRET: alice.secret };
    const plain = await runCli(['doctor', '--registry', registry.url, '--json'], env, dir);
    assert.equal(plain.code, 0, plain.stderr);
    const report = doctorOf(JSON.parse(plain.stdout).results);
    assert.equal(report.ok, true);
    assert.equal(report.packages[0]?.trust, null);
    assert.match(plain.stderr, /^npm-totp-publish doctor: no planned write would fail; nothing was written$/m);

    const accepted = registry.otpStats.accepted;
    const checked = await runCli(['doctor', '--check-trust', '--registry', registry.url, '--json'], env, dir);
    assert.equal(checked.code, 0, checked.stderr);
    const trusted = doctorOf(JSON.parse(checked.stdout).results);
    assert.deepEqual(
      trusted.packages[0]?.trust?.map((config) => config.permissions),
      [['createStagedPackage']],
    );
    assert.match(trusted.account.detail, /and the registry accepted its code/);
    assert.equal(registry.otpStats.accepted, accepted + 1, 'one code, for the trust list');

    // Each refused code moves the registry's clock to the next window: the three refusals without real waits.
    registry.configure({ nextWindowAfterRefusal: true });
    const wrong = await runCli(['doctor', '--check-trust', '--registry', registry.url], { ...env, NPM_TOTP_SECRET: bob.secret }, dir).finally(() =>
      registry.configure({ nextWindowAfterRefusal: false }),
    );
    assert.equal(wrong.code, 1, wrong.stderr);
    assert.match(wrong.stderr, /publish doc-cli@1\.1\.0 +FAIL +token; would fail: The registry refused 3 one-time passwords/);
    assert.doesNotMatch(wrong.stdout + wrong.stderr, new RegExp(`${alice.token}|${alice.secret}|${bob.secret}`));
  });

  it("a registry Date more than 15 minutes off is not applied, and the clock row says codes then follow the runner's clock", async () => {
    await seed('doc-clock');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'doc-clock', version: '1.1.0' });
    const env = { PATH: process.env.PATH ?? '', HOME: work, NODE_AUTH_TOKEN: alice.token, NPM_TOTP_SECRET: alice.secret };
    registry.configure({ dateHeader: new Date(Date.now() + 20 * 60 * 1000).toUTCString() });
    const run = await runCli(['doctor', '--registry', registry.url, '--json'], env, dir).finally(() => registry.configure({ dateHeader: undefined }));
    const report = doctorOf(JSON.parse(run.stdout).results);
    assert.equal(report.clock.offsetMs, null);
    assert.match(report.clock.detail, /no Date header this run can apply .*made on this runner's clock/);
    assert.match(run.stderr, /clock +warn +the registry sent no Date header this run can apply/);
  });

  it('a doctor line in a block, from a file through the CLI, inspects the other lines; help lists it; a bad doctor input is refused naming it', async () => {
    await seed('doc-block');
    const file = path.join(work, 'block.txt');
    await writeFile(file, 'dist-tag add doc-block@1.0.0 next\ndoctor\n');
    const env = { PATH: process.env.PATH ?? '', HOME: work, NODE_AUTH_TOKEN: alice.token, NPM_TOTP_SECRET: alice.secret };
    registry.clearRequests();
    const run = await runCli(['run', file, '--registry', registry.url, '--json'], env, work);
    assert.equal(run.code, 0, run.stderr);
    const results = JSON.parse(run.stdout).results as Row[];
    assert.deepEqual(
      results.map((row) => [row.line, row.command, row.outcome]),
      [
        [1, 'dist-tag add doc-block@1.0.0 next', 'not-run'],
        [2, 'doctor', 'read'],
      ],
    );
    assert.deepEqual(
      doctorOf(results).writes.map(({ command, auth, ok }) => ({ command, auth, ok })),
      [{ command: 'dist-tag add doc-block@1.0.0 next', auth: 'token + TOTP', ok: true }],
    );
    assert.deepEqual(writes(), []);
    const help = await runCli(['doctor', '--help'], env, work);
    assert.match(help.stdout, /^ {2}doctor \[<folder>\|<tarball>\] \[--workspaces/m);
    const bad = await runAction({ inputs: { token: alice.token, registry: registry.url, doctor: 'maybe' } });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /::error::doctor: "maybe" is not a boolean/);
  });
});
