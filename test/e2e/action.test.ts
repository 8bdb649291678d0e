import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { makePackage, ROOT, runAction, visibleLog } from '../helpers/action.ts';
import { assertNoNodeModulesAbove, product } from '../helpers/product.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

describe('the action, run as GitHub runs it (node dist/index.js in the folder uses: checks out)', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };

  before(async () => {
    user = await registry.addUser('release-bot');
  });

  const codesReceived = () => registry.requests.flatMap((request) => (request.otp ? [request.otp] : []));

  it('publishes with a just-in-time code, sets every output, and leaks nothing', async () => {
    const dir = await makePackage({ 'index.js': 'export const hello = "world";\n' }, { name: 'e2e-hello', version: '1.0.0', type: 'module' });
    registry.clearRequests();
    const run = await runAction({
      inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: dir },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.published, 'true');
    assert.equal(run.outputs.name, 'e2e-hello');
    assert.equal(run.outputs.version, '1.0.0');
    assert.equal(run.outputs.tag, 'latest');
    const results = JSON.parse(run.outputs.results ?? '[]');
    assert.equal(results.length, 1);
    assert.deepEqual(
      { command: results[0].command, ok: results[0].ok, skipped: results[0].skipped, otpAttempts: results[0].otpAttempts, outcome: results[0].outcome },
      { command: 'publish e2e-hello@1.0.0', ok: true, skipped: false, otpAttempts: 1, outcome: 'published' },
    );
    const packument = await registry.packument('e2e-hello');
    assert.deepEqual(Object.keys(packument.versions), ['1.0.0']);
    assert.equal(packument['dist-tags'].latest, '1.0.0');
    const writes = registry.requests.filter((request) => request.method !== 'GET');
    assert.deepEqual(
      writes.map((w) => [w.method, w.otpSent, w.otpAccepted, w.status]),
      [['PUT', true, true, 201]],
    );
    assert.match(run.summary, /e2e-hello@1\.0\.0/);
    assert.match(run.summary, /OTP attempts/);
    assertNoSecrets(
      { stdout: visibleLog(run.stdout), stderr: run.stderr, summary: run.summary, outputs: run.outputFile },
      [user.token, user.secret],
      codesReceived(),
    );
    // The runner is told to mask the token and the secret before anything else happens.
    assert.ok(run.stdout.includes(`::add-mask::${user.token}`));
  });

  it('succeeds with published=false and writes nothing when the same version is already published', async () => {
    const dir = await makePackage({ 'index.js': 'export const hello = "world";\n' }, { name: 'e2e-hello', version: '1.0.0', type: 'module' });
    registry.clearRequests();
    const run = await runAction({ inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: dir } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.published, 'false');
    const [result] = JSON.parse(run.outputs.results ?? '[]');
    assert.equal(result.ok, true);
    assert.equal(result.skipped, true);
    assert.equal(result.otpAttempts, 0);
    assert.equal(result.outcome, 'unchanged');
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
      'no write was sent',
    );
    const packument = await registry.packument('e2e-hello');
    assert.deepEqual(Object.keys(packument.versions), ['1.0.0'], 'the registry holds the version once');
  });

  it('refuses, without writing, a version that is already published with other contents', async () => {
    const dir = await makePackage({ 'index.js': 'export const hello = "changed";\n' }, { name: 'e2e-hello', version: '1.0.0', type: 'module' });
    registry.clearRequests();
    const run = await runAction({ inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: dir } });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::e2e-hello@1\.0\.0 is already in the registry with different contents.*bump the version/);
    assert.equal(run.outputs.published, 'false');
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
    );
  });

  it('fails clearly, naming otp-secret, when the registry asks for a code and none was configured', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-no-otp', version: '1.0.0' });
    const run = await runAction({ inputs: { token: user.token, registry: registry.url, package: dir } });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /::error::The registry asks for a one-time password for "publish e2e-no-otp@1\.0\.0", but no TOTP secret was given, and it offered no web approval \(its answer names no approval page\)\. Set otp-secret/,
    );
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(await registry.packument('e2e-no-otp'), undefined);
  });

  it('refuses, before packing or any request, a release tag that does not match the package version', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-release', version: '1.2.3', scripts: { prepack: 'touch prepack-ran' } });
    registry.clearRequests();
    const mismatch = await runAction({
      inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: dir, 'expect-version': 'v1.2.4' },
      env: { GITHUB_REF: 'refs/tags/v1.2.4', GITHUB_REF_NAME: 'v1.2.4', GITHUB_EVENT_NAME: 'push' },
    });
    assert.equal(mismatch.code, 1);
    assert.match(mismatch.stdout, /::error::expect-version: the release is 1\.2\.4 but e2e-release is at 1\.2\.3/);
    assert.deepEqual(registry.requests, []);
    assert.equal(await stat(path.join(dir, 'prepack-ran')).catch(() => undefined), undefined, 'no script ran');
    const match = await runAction({
      inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: dir, 'expect-version': 'v1.2.3' },
    });
    assert.equal(match.code, 0, match.stdout);
    assert.equal(match.outputs.published, 'true');
  });

  it("keeps package scripts from issuing workflow commands or setting this step's outputs", async () => {
    const script = [
      "const fs = require('fs');",
      "console.log('::error::forged annotation');",
      "console.log('::stop-commands::guess');",
      "console.log('::add-mask::nothing');",
      "if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, 'published=forged\\n');",
    ].join(' ');
    const dir = await makePackage(
      { 'index.js': '1;\n', 'prepack.js': `${script}\n` },
      { name: 'e2e-script-commands', version: '1.0.0', scripts: { prepack: 'node prepack.js' } },
    );
    const run = await runAction({ inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: dir } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.published, 'true');
    const lines = run.stdout.split('\n');
    const forged = lines.findIndex((line) => line.includes('::error::forged annotation'));
    const stop = lines.findIndex((line) => /^::stop-commands::[0-9a-f-]{36}$/.test(line));
    assert.ok(stop >= 0 && stop < forged, 'the relayed output is preceded by ::stop-commands:: with an unguessable token');
    const token = lines[stop]?.slice('::stop-commands::'.length);
    const resume = lines.findIndex((line) => line === `::${token}::`);
    assert.ok(resume > forged, 'commands resume only after the relayed output');
    assert.ok(
      lines.slice(stop + 1, resume).every((line) => !line.startsWith('::')),
      'relayed lines are indented',
    );
  });

  it('reports the run as it went when the job summary cannot be written', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-no-summary', version: '1.0.0' });
    const run = await runAction({
      inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: dir },
      env: { GITHUB_STEP_SUMMARY: ROOT },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.published, 'true');
    assert.match(run.stdout, /::warning::Could not write the job summary/);
  });

  it('takes the token from NODE_AUTH_TOKEN when the token input is empty, as setup-node sets it', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-env-token', version: '0.1.0' });
    const run = await runAction({ inputs: { 'otp-secret': user.secret, registry: registry.url, package: dir }, env: { NODE_AUTH_TOKEN: `${user.token}\n` } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.published, 'true');
    assertNoSecrets({ stdout: visibleLog(run.stdout), stderr: run.stderr, summary: run.summary }, [user.token, user.secret], codesReceived());
  });

  it('runs from the folder uses: checks out, with no node_modules anywhere above it, writing nothing there; publishing a tarball', async () => {
    const { action } = product();
    assertNoNodeModulesAbove(action);
    const before = await readdir(action, { recursive: true });
    const tarball = path.join(ROOT, 'test', 'fixtures', 'isolated-pkg-1.0.0.tgz');
    const run = await runAction({
      inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: tarball },
      env: { PATH: '/usr/bin:/bin' },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.name, 'isolated-pkg');
    assert.equal(run.outputs.published, 'true');
    assert.deepEqual((await readdir(action, { recursive: true })).sort(), before.sort(), 'the run wrote nothing in the action folder');
  });

  it('publishes through the HTTP proxy that http_proxy names (the proxy agent loads on first use)', async () => {
    // A forward proxy: requests come with the absolute URL as their target, and go on to the registry.
    const seen: string[] = [];
    const proxy = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      const target = new URL(request.url ?? '/');
      const upstream = httpRequest(target, { method: request.method, headers: { ...request.headers, host: target.host } }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-proxied', version: '1.0.0' });
      const run = await runAction({
        inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: dir },
        env: { http_proxy: `http://127.0.0.1:${port}` },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.outputs.published, 'true');
      assert.deepEqual(seen, [`GET ${registry.url}e2e-proxied?write=true`, `PUT ${registry.url}e2e-proxied`]);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
