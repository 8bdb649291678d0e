import assert from 'node:assert/strict';
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { makePackage, ROOT, runCli } from '../helpers/action.ts';
import { product } from '../helpers/product.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

describe('the CLI, installed from its packed tarball', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };
  const env = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret });

  before(async () => {
    user = await registry.addUser('cli-user');
  });

  it('publishes a folder with a just-in-time code and prints JSON results', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'cli-hello', version: '3.1.4' });
    registry.clearRequests();
    const run = await runCli(['publish', dir, '--registry', registry.url, '--tag', 'stable', '--json'], env(), process.cwd());
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.published, true);
    assert.equal(report.tag, 'stable');
    assert.equal(report.results[0].command, 'publish cli-hello@3.1.4');
    assert.equal(report.results[0].otpAttempts, 1);
    assert.equal((await registry.packument('cli-hello'))['dist-tags'].stable, '3.1.4');
    const codes = registry.requests.flatMap((request) => (request.otp ? [request.otp] : []));
    assertNoSecrets({ stdout: run.stdout, stderr: run.stderr }, [user.token, user.secret], codes);
  });

  it('runs npm commands as subcommands, and a block from a file', async () => {
    const tag = await runCli(['dist-tag', 'add', 'cli-hello@3.1.4', 'beta', '--registry', registry.url], env(), process.cwd());
    assert.equal(tag.code, 0, tag.stderr);
    assert.match(tag.stdout, /^done +dist-tag add cli-hello@3\.1\.4 beta \(1 OTP, [\d.]+ s\) - beta now points at 3\.1\.4/m);
    const dir = await makePackage(
      { 'block.txt': 'dist-tag rm cli-hello beta   # cleanup\ndeprecate cli-hello "use the new one"\n' },
      { name: 'cli-hello', version: '3.1.4' },
    );
    const block = await runCli(['run', 'block.txt', '--registry', registry.url, '--json'], env(), dir);
    assert.equal(block.code, 0, block.stderr);
    const report = JSON.parse(block.stdout);
    assert.deepEqual(
      report.results.map((r: { line: number; outcome: string }) => [r.line, r.outcome]),
      [
        [1, 'done'],
        [2, 'done'],
      ],
    );
    const packument = await registry.packument('cli-hello');
    assert.equal(packument['dist-tags'].beta, undefined);
    assert.equal(packument.versions['3.1.4'].deprecated, 'use the new one');
  });

  it('refuses secrets given as arguments, before doing anything', async () => {
    for (const flag of ['--token=abc', '--otp', '--otp-secret=JBSWY3DPEHPK3PXP']) {
      registry.clearRequests();
      const run = await runCli(['publish', '.', flag, '--registry', registry.url], env(), process.cwd());
      assert.equal(run.code, 2, flag);
      assert.match(run.stderr, /is not accepted: command-line arguments are visible/);
      assert.match(run.stderr, /NPM_TOTP_SECRET/);
      assert.deepEqual(registry.requests, []);
    }
  });

  it('names the environment variable when the secret is not base32, and never echoes it', async () => {
    const bad = 'not-a-secret-1189!';
    const run = await runCli(['publish', '.', '--registry', registry.url], { ...env(), NPM_TOTP_SECRET: bad }, process.cwd());
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^npm-totp-publish: NPM_TOTP_SECRET/m);
    assert.ok(!run.stderr.includes(bad));
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('names the character of NPM_TOTP_SECRET that is not base32 and its position, not its neighbours', async () => {
    const bad = `${user.secret.slice(0, 16)}!${user.secret.slice(16)}`;
    registry.clearRequests();
    const run = await runCli(['publish', '.', '--registry', registry.url], { ...env(), NPM_TOTP_SECRET: bad }, process.cwd());
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stderr,
      'npm-totp-publish: NPM_TOTP_SECRET: the secret is not base32 text: its character 17 is "!", which base32 does not use. Expected base32 letters A-Z and digits 2-7, or an otpauth://totp/ URI.\n',
    );
    assertNoSecrets({ stdout: run.stdout, stderr: run.stderr }, [bad, user.secret, bad.slice(12, 16), bad.slice(17, 21)]);
    assert.deepEqual(registry.requests, []);
  });

  it('names the folder given to publish, not --package, when it does not exist', async () => {
    registry.clearRequests();
    const missing = path.join(path.dirname(product().prefix), 'no-such-folder');
    for (const args of [
      ['publish', missing],
      ['publish', missing, '--workspaces'],
      ['stage', 'publish', missing],
    ]) {
      const run = await runCli([...args, '--registry', registry.url], env(), process.cwd());
      assert.equal(run.code, 1, run.stderr);
      const command = args.slice(0, args.indexOf(missing)).join(' ');
      assert.match(
        run.stderr,
        new RegExp(`^npm-totp-publish: ${command}: "${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" does not exist \\(looked for `, 'm'),
        run.stderr,
      );
      assert.doesNotMatch(run.stderr, /--package/);
    }
    const flag = await runCli(['publish', '--package', missing, '--registry', registry.url], env(), process.cwd());
    assert.match(flag.stderr, /^npm-totp-publish: --package: ".+no-such-folder" does not exist/m, 'the flag is still named when it gave the folder');
    assert.deepEqual(registry.requests, []);
  });

  it('says for a 401 on publish that the token was refused and what to check, and that nothing was published', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'cli-revoked', version: '1.0.0' });
    const revoked = 'npm_revokedRevokedRevoked0000';
    const run = await runCli(['publish', dir, '--registry', registry.url], { ...env(), NPM_TOKEN: revoked }, process.cwd());
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /^npm-totp-publish: Publishing cli-revoked@1\.0\.0 failed: 401 .+; the registry refused the token, which may be invalid, expired or revoked, or made for another registry \(for registry\.npmjs\.org, create a new granular access token with read and write access to the package and store it in place of the old one\)\. The registry refused it: cli-revoked@1\.0\.0 was not published\.$/m,
    );
    assert.equal(await registry.packument('cli-revoked'), undefined);
    assertNoSecrets({ stdout: run.stdout, stderr: run.stderr }, [revoked, user.secret]);
  });

  it('prints usage for an unknown command with exit code 2, before anything else is checked (no token given), listing the commands once', async () => {
    for (const given of [env(), { PATH: process.env.PATH ?? '' }]) {
      const run = await runCli(['pubish', '--tag', 'next'], given, process.cwd());
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^npm-totp-publish: unknown command "pubish"\.\n/);
      assert.doesNotMatch(run.stderr, /no registry token/);
      assert.match(run.stderr, /Usage: npm-totp-publish <command>/);
      assert.equal(run.stderr.split('dist-tag add <pkg>@<version>').length, 2, 'the commands are listed once');
    }
  });

  it("prints one command family's usage for <command> --help", async () => {
    const run = await runCli(['owner', '--help'], { PATH: process.env.PATH ?? '' }, process.cwd());
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Usage: npm-totp-publish owner <subcommand> \[options\]\n\n {2}owner add <user> \[<pkg>\]\n/);
    assert.doesNotMatch(run.stdout.split('\nOptions:')[0] ?? '', /dist-tag/);
    const one = await runCli(['stage', 'approve', '--help'], { PATH: process.env.PATH ?? '' }, process.cwd());
    assert.match(one.stdout, /^Usage: npm-totp-publish stage approve /);
    assert.doesNotMatch(one.stdout.split('\nOptions:')[0] ?? '', /stage reject/);
  });

  it('on a Node older than package.json engines, says in one line which Node it needs and which it found, exit 1', (t) => {
    // The machine's own Node (these machines have Node 20; the tests run on the project's Node 24).
    const older: string | undefined = (process.env.PATH ?? '')
      .split(path.delimiter)
      .map((dir) => path.join(dir, 'node'))
      .find((file) => {
        if (!existsSync(file)) return false;
        const version = spawnSync(file, ['--version'], { encoding: 'utf8' }).stdout.trim();
        return Number(/^v(\d+)/.exec(version)?.[1]) < 24;
      });
    if (older === undefined) return t.skip('no Node older than 24 on PATH');
    const engines = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node;
    for (const args of [['--help'], ['publish', '.']]) {
      const result: SpawnSyncReturns<string> = spawnSync(older, [product().cli, ...args], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NPM_TOKEN: 'npm_x' },
      });
      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.equal(result.stdout, '');
      const version: string = spawnSync(older, ['--version'], { encoding: 'utf8' }).stdout.trim();
      assert.equal(result.stderr, `npm-totp-publish needs Node ${engines} (package.json engines); this is Node ${version} (${older}).\n`);
    }
  });
});
