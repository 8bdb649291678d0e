import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { makePackage, runAction } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

interface Caught {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bytes: number;
}

/**
 * A write never follows a redirect (issue 18, finding 5): the body, the
 * one-time password and the token go to the registry and nowhere else, and a
 * 3xx answer is a failure that names where it pointed, through the bundled action.
 */
describe('a registry that redirects a write', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  let elsewhere: Server;
  let caught: Caught[];
  let port: number;

  before(async () => {
    alice = await registry.addUser('alice');
    caught = [];
    // Another port on the same host: make-fetch-happen keeps the authorization header when only the port (or the scheme) changes.
    elsewhere = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        caught.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    port = (elsewhere.address() as AddressInfo).port;
  });
  after(async () => {
    elsewhere.closeAllConnections();
    await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
  });

  const inputs = (extra: Record<string, string>) => ({ token: alice.token, 'otp-secret': alice.secret, registry: registry.url, ...extra });

  it('does not send a publish on to the Location of a 307, and says the version was not published', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'redirected', version: '1.0.0' });
    registry.answer({ method: 'PUT', path: '/redirected', status: 307, headers: { location: `http://127.0.0.1:${port}/redirected` } });
    const run = await runAction({ inputs: inputs({ package: dir }) });
    assert.equal(run.code, 1, run.stdout);
    assert.deepEqual(caught, [], 'nothing reached the other port: no body, no one-time password, no token');
    assert.equal(run.outputs.published, 'false');
    const [row] = JSON.parse(run.outputs.results ?? '[]') as Array<{ outcome: string; detail: string }>;
    assert.equal(row?.outcome, 'failed');
    assert.match(row?.detail ?? '', new RegExp(`307.*http://127\\.0\\.0\\.1:${port}.*never follows a redirect`));
    assert.match(row?.detail ?? '', /redirected@1\.0\.0 was not published/);
    assert.equal(await registry.packument('redirected'), undefined);
  });

  it('does not follow a redirect of another write to another host either', async () => {
    const dir = await makePackage({ 'index.js': '2;\n' }, { name: 'redirected-tag', version: '1.0.0' });
    const published = await runAction({ inputs: inputs({ package: dir }) });
    assert.equal(published.code, 0, published.stdout);
    registry.answer({
      method: 'PUT',
      path: /dist-tags\/beta$/,
      status: 308,
      headers: { location: `http://localhost:${port}/-/package/redirected-tag/dist-tags/beta` },
    });
    const run = await runAction({ inputs: inputs({ commands: 'dist-tag add redirected-tag@1.0.0 beta' }) });
    assert.equal(run.code, 1, run.stdout);
    assert.deepEqual(caught, []);
    const [row] = JSON.parse(run.outputs.results ?? '[]') as Array<{ outcome: string; detail: string }>;
    assert.match(row?.detail ?? '', new RegExp(`308.*http://localhost:${port}.*never follows a redirect`));
    assert.equal((await registry.packument('redirected-tag'))['dist-tags'].beta, undefined);
  });
});
