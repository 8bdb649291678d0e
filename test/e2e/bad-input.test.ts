import assert from 'node:assert/strict';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { makePackage, runAction, visibleLog } from '../helpers/action.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

/**
 * A representative handful of bad inputs through the bundled action, as the
 * runner starts it: exit code 1, one `::error::` line that names the input,
 * `published=false`, no stack trace, no secret anywhere, and not a single
 * request to the registry. (The full list is covered in-process by
 * test/unit/options.test.ts and test/integration/bad-input.test.ts.)
 */
describe('bad input through node dist/index.js', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };
  let pkg: string;

  before(async () => {
    user = await registry.addUser('e2e-inputs');
    pkg = await makePackage(
      { 'index.js': '1;\n' },
      { name: 'e2e-inputs-pkg', version: '1.0.0', scripts: { prepack: "node -e \"require('fs').writeFileSync('prepack-ran', '')\"" } },
    );
  });

  async function refused(inputs: Record<string, string>, error: RegExp, env: Record<string, string> = {}) {
    registry.clearRequests();
    const run = await runAction({ inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: pkg, ...inputs }, env });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    assert.equal(errors.length, 1, `one error annotation:\n${run.stdout}`);
    assert.match(errors[0] ?? '', error);
    assert.equal(run.outputs.published, 'false');
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    assertNoSecrets({ stdout: visibleLog(run.stdout), stderr: run.stderr, outputs: run.outputFile, summary: run.summary }, [user.token, user.secret]);
    assert.deepEqual(registry.requests, [], 'no request reached the registry');
    assert.equal(await stat(path.join(pkg, 'prepack-ran')).catch(() => undefined), undefined, 'no package script ran');
    return run;
  }

  it('names a line that names no command before anything else, a missing token included', async () => {
    const run = await refused(
      { token: '', commands: 'dist-tag ls\nfrobnicate now' },
      /^::error::commands line 2 \(frobnicate now\): unknown command "frobnicate"\. Known commands:/,
    );
    assert.doesNotMatch(run.stdout, /no registry token/);
    await refused({ token: '', commands: 'owner add bob --tag x' }, /^::error::commands line 1 \(owner add bob --tag x\): --tag is not an option of owner/);
  });

  it('refuses a missing token, naming the input and the environment variable', async () => {
    await refused({ token: '' }, /^::error::token \(or the NODE_AUTH_TOKEN environment variable\): no registry token was given\. Set token/);
  });

  it('still writes the job summary and the results output for an input error: one failed row with the message', async () => {
    const run = await refused({ token: '', 'otp-secret': 'not-base32-0189' }, /^::error::otp-secret: the secret is not base32 text/);
    const results = JSON.parse(run.outputs.results ?? 'null') as Array<Record<string, unknown>>;
    assert.equal(results.length, 1);
    assert.equal(results[0]?.outcome, 'failed');
    assert.equal(results[0]?.ok, false);
    assert.match(String(results[0]?.detail), /^otp-secret: the secret is not base32 text/);
    assert.match(run.summary, /npm-totp-publish failed at inputs/);
    assert.match(run.summary, /otp-secret: the secret is not base32 text/);
    assert.match(run.summary, /❌ failed/);
  });

  it('refuses a TOTP secret that is not base32 without echoing it', async () => {
    await refused({ 'otp-secret': `${user.secret.slice(0, 16)}0189${user.secret.slice(16)}` }, /^::error::otp-secret: the secret is not base32 text/);
  });

  it('names a character outside base32 and its position, and nothing of the secret around it', async () => {
    const bad = `${user.secret.slice(0, 16)}!${user.secret.slice(16)}`;
    const run = await refused(
      { 'otp-secret': bad },
      /^::error::otp-secret: the secret is not base32 text: its character 17 is "!", which base32 does not use\. Expected base32 letters A-Z and digits 2-7/,
    );
    assertNoSecrets({ stdout: visibleLog(run.stdout), stderr: run.stderr, summary: run.summary }, [bad, bad.slice(12, 16), bad.slice(17, 21)]);
  });

  it('names the commands line whose publish folder does not exist, not the package input', async () => {
    await refused(
      { commands: 'publish ./no-such-folder --tag next' },
      /^::error::commands line 1 \(publish \.\/no-such-folder --tag next\): "\.\/no-such-folder" does not exist \(looked for .+\)\. Give a package folder/,
    );
  });

  it('refuses an otpauth URI of type hotp', async () => {
    await refused(
      { 'otp-secret': `otpauth://hotp/npm:e2e?secret=${user.secret}&counter=0` },
      /^::error::otp-secret: an otpauth:\/\/hotp\/ URI describes counter-based one-time passwords/,
    );
  });

  it('refuses plain http to a host other than loopback', async () => {
    await refused(
      { registry: 'http://registry.example.com/' },
      /^::error::registry: "http:\/\/registry\.example\.com\/" is plain http to a host other than this machine: the token would cross the network in clear\. Use https, or set allow-insecure-registry to true/,
    );
  });

  it('refuses a tag that is a semver range', async () => {
    await refused({ tag: '1.x' }, /^::error::tag: "1\.x" is a valid semver range, which npm refuses as a tag name/);
  });

  it('refuses a dry-run value that is not a boolean', async () => {
    await refused({ 'dry-run': 'yes' }, /^::error::dry-run: "yes" is not a boolean/);
  });

  it('refuses a private package and a package.json that is not JSON, before packing', async () => {
    const privateDir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-private', version: '1.0.0', private: true });
    await refused(
      { package: privateDir },
      /^::error::package: e2e-private is marked "private": true in .+; npm refuses to publish it\. Remove "private" to publish\./,
    );
    const brokenDir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-broken', version: '1.0.0' });
    await writeFile(path.join(brokenDir, 'package.json'), '{ "name": "e2e-broken", ');
    await refused({ package: brokenDir }, /^::error::package: .+package\.json is not valid JSON/);
  });

  it('trims a token with a trailing newline instead of refusing it', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-inputs-trimmed', version: '1.0.0' });
    registry.clearRequests();
    const run = await runAction({ inputs: { token: `${user.token}\n`, 'otp-secret': user.secret, registry: registry.url, package: dir, 'dry-run': 'true' } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(JSON.parse(run.outputs.results ?? '[]')[0]?.outcome, 'dry-run');
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
    );
    assertNoSecrets({ stdout: visibleLog(run.stdout), stderr: run.stderr }, [user.token, user.secret]);
  });
});
