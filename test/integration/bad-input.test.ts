import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { InputError, ProductError } from '../../src/foundation/errors.ts';
import type { RawOptions } from '../../src/grammar/options.ts';
import { packToFile } from '../helpers/pack.ts';
import { makePackage } from '../helpers/action.ts';
import { publishInProcess } from '../helpers/core.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

/**
 * Bad input through the core, against the real test registry: each is refused
 * with one message naming the input and what would be valid, before any
 * request (the registry's log stays empty) and before any package script.
 */
describe('bad input is refused before any request', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };

  before(async () => {
    user = await registry.addUser('input-checker');
  });

  const SENTINEL = 'prepack-ran';
  /** A package whose prepack leaves a file behind, so a test can tell that no script ran. */
  const makeWatched = (manifest: Record<string, unknown>) =>
    makePackage({ 'index.js': '1;\n' }, { scripts: { prepack: `node -e "require('fs').writeFileSync('${SENTINEL}', '')"` }, ...manifest });

  /** Publishes `raw`; expects an InputError (or `code`) reported as the failed result, with no request and no secret in it. */
  async function refused(raw: RawOptions, expected: RegExp, options: { input?: string; code?: string; cwd?: string } = {}): Promise<string> {
    registry.clearRequests();
    const { report, lines } = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, ...raw }, options.cwd);
    const error = report.error;
    assert.ok(error instanceof ProductError, `expected a ProductError, got ${String(error)}`);
    assert.equal(error.code, options.code ?? 'EINPUT');
    if (options.input) assert.equal((error as InputError).input, options.input);
    assert.match(error.message, expected);
    assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace');
    assert.equal(report.published, false);
    assert.deepEqual(
      report.results.map((result) => [result.ok, result.outcome, result.detail]),
      [[false, 'failed', error.message]],
    );
    assert.deepEqual(registry.requests, [], 'no request reached the registry');
    assertNoSecrets({ message: error.message, log: lines.map((line) => line.message).join('\n') }, [user.token, user.secret]);
    return error.message;
  }

  it('refuses a package folder that does not exist, saying what the package input may be', async () => {
    const missing = path.join(os.tmpdir(), 'npm-totp-publish-no-such-folder');
    await refused(
      { package: missing },
      /^package: ".+no-such-folder" does not exist \(looked for .+\)\. Give a package folder, its package\.json, or a \.tgz made by npm pack\.$/,
      { input: 'package' },
    );
  });

  it('refuses a folder without package.json', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-empty-'));
    try {
      await refused({ package: dir }, /^package: there is no package\.json in .+\. Give a package folder, its package\.json, or a \.tgz made by npm pack\.$/, {
        input: 'package',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a package.json that is not JSON, naming the file and how to fix it, before any script runs', async () => {
    const dir = await makeWatched({ name: 'bad-json', version: '1.0.0' });
    await writeFile(path.join(dir, 'package.json'), "{ name: 'bad-json', version: '1.0.0', }\n");
    await refused(
      { package: dir },
      /^package: .+package\.json is not valid JSON \(.+\)\. Fix its syntax: double-quoted names and strings, no comments, no trailing commas\.$/,
      { input: 'package' },
    );
    assert.equal(await stat(path.join(dir, SENTINEL)).catch(() => undefined), undefined, 'no script ran');
  });

  it('reads a package.json saved with a byte order mark, as npm does', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'bom-json', version: '1.0.0' });
    await writeFile(path.join(dir, 'package.json'), `\uFEFF${JSON.stringify({ name: 'bom-json', version: '1.0.0' })}`);
    const { report } = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: dir, dryRun: 'true' });
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.outcome, 'dry-run');
  });

  it('refuses a package marked private, before any script runs', async () => {
    const dir = await makeWatched({ name: 'secret-pkg', version: '1.0.0', private: true });
    await refused(
      { package: dir },
      /^package: secret-pkg is marked "private": true in .+package\.json; npm refuses to publish it\. Remove "private" to publish\.$/,
      { input: 'package' },
    );
    assert.equal(await stat(path.join(dir, SENTINEL)).catch(() => undefined), undefined, 'no script ran');
  });

  it('refuses a version that is not semver, with an example of one that is', async () => {
    for (const version of ['1.0', 'latest', '01.2.3']) {
      const dir = await makeWatched({ name: 'bad-version', version });
      await refused(
        { package: dir },
        /^package: version ".+" in .+package\.json is not a semver version\. Use major\.minor\.patch, such as 1\.2\.3 or 2\.0\.0-beta\.1\.$/,
        { input: 'package' },
      );
    }
    const noVersion = await makeWatched({ name: 'no-version' });
    await refused({ package: noVersion }, /^package: version undefined in .+ is not a semver version/, { input: 'package' });
  });

  it('refuses an invalid package name', async () => {
    const dir = await makeWatched({ name: 'Bad Name', version: '1.0.0' });
    await refused({ package: dir }, /^package: "Bad Name" in .+ is not a valid npm package name\. Use lower case, URL-safe characters/, { input: 'package' });
  });

  it('refuses a prerelease without an explicit tag, before packing; a tag from publishConfig counts as explicit', async () => {
    const dir = await makeWatched({ name: 'pre-pkg', version: '2.0.0-rc.1' });
    await refused({ package: dir }, /^tag: pre-pkg@2\.0\.0-rc\.1 is a prerelease; give an explicit tag \(for example next or beta\)/, { input: 'tag' });
    assert.equal(await stat(path.join(dir, SENTINEL)).catch(() => undefined), undefined, 'no script ran');
    const configured = await makePackage({ 'index.js': '1;\n' }, { name: 'pre-pkg', version: '2.0.0-rc.1', publishConfig: { tag: 'next' } });
    const { report } = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: configured, dryRun: 'true' });
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.tag, 'next');
  });

  it('refuses a prerelease .tgz without an explicit tag once its manifest is read, still before any request', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'pre-tgz', version: '3.0.0-beta.2' });
    const packed = await packToFile(dir);
    try {
      await refused({ package: packed.file }, /^tag: pre-tgz@3\.0\.0-beta\.2 is a prerelease; give an explicit tag/, { input: 'tag' });
    } finally {
      await packed.cleanup();
    }
  });

  it('refuses restricted access for an unscoped package before any script runs or any request is sent, naming the input', async () => {
    const dir = await makeWatched({ name: 'unscoped-restricted', version: '1.0.0' });
    await refused(
      { package: dir, access: 'restricted' },
      /^access: unscoped-restricted is unscoped, and only scoped packages \(@scope\/name\) can have restricted access\. Use public, or publish under a scope\.$/,
      { input: 'access' },
    );
    assert.equal(await stat(path.join(dir, SENTINEL)).catch(() => undefined), undefined, 'no script ran');
    const configured = await makeWatched({ name: 'unscoped-configured', version: '1.0.0', publishConfig: { access: 'restricted' } });
    await refused({ package: configured }, /^package \(publishConfig\.access in .+package\.json\): unscoped-configured is unscoped/, { input: 'package' });
    assert.equal(await stat(path.join(configured, SENTINEL)).catch(() => undefined), undefined, 'no script ran');
  });

  it('refuses "private": "true" (a string, which npm treats as private) before any script runs, with no code spent', async () => {
    const dir = await makeWatched({ name: 'string-private', version: '1.0.0', private: 'true' });
    await refused({ package: dir }, /^package: string-private is marked "private": "true" in .+package\.json; npm refuses to publish it\./, {
      input: 'package',
    });
    assert.equal(await stat(path.join(dir, SENTINEL)).catch(() => undefined), undefined, 'no script ran');
  });

  it('refuses bad settings while reading them, before the core starts', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'settings-pkg', version: '1.0.0' });
    const cases: Array<[RawOptions, RegExp]> = [
      [{ token: undefined }, /^token: no registry token was given/],
      [{ otpSecret: 'not-base32-0189' }, /^otp-secret: the secret is not base32 text/],
      [{ otpSecret: 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP' }, /^otp-secret: an otpauth:\/\/hotp\/ URI/],
      [{ otpSecret: 'JBSWY3DP' }, /^otp-secret: the secret is 40 bits long/],
      [{ registry: 'ftp://registry.example.com/' }, /^registry: .* is not an http:\/\/ or https:\/\/ URL/],
      [{ registry: 'http://registry.example.com/' }, /^registry: .* is plain http to a host other than this machine/],
      [{ tag: '^1.0.0' }, /^tag: "\^1\.0\.0" is a valid semver range/],
      [{ access: 'everyone' }, /^access: "everyone" is not an access level/],
      [{ dryRun: 'yes' }, /^dry-run: "yes" is not a boolean/],
    ];
    for (const [raw, expected] of cases) {
      registry.clearRequests();
      await assert.rejects(publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: dir, ...raw }), (error: unknown) => {
        assert.ok(error instanceof InputError, String(error));
        assert.match(error.message, expected);
        assertNoSecrets({ message: error.message }, [user.token, user.secret]);
        return true;
      });
      assert.deepEqual(registry.requests, [], `no request for ${JSON.stringify(Object.keys(raw))}`);
    }
  });

  it('publishes with a token and a secret that carry surrounding whitespace and a trailing newline', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'padded-secrets', version: '1.0.0' });
    registry.clearRequests();
    const { report, masked } = await publishInProcess({ token: `  ${user.token}\n`, otpSecret: `\t${user.secret} \r\n`, registry: registry.url, package: dir });
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.published, true);
    assert.ok(masked.includes(user.token), 'the trimmed token is masked');
    assert.deepEqual(
      registry.requests.filter((request) => request.method === 'PUT').map((request) => [request.user, request.otpAccepted, request.status]),
      [['input-checker', true, 201]],
    );
    assert.deepEqual(Object.keys((await registry.packument('padded-secrets')).versions), ['1.0.0']);
  });
});
