/**
 * What goes over the wire in a web approval, the product beside the npm CLI 11.21 (`--auth-type=web` on a
 * pseudo-terminal, the only way npm waits for one): the same requests, with the same headers that matter
 * (npm-auth-type, npm-command, the token, npm-otp), on a challenged publish and a challenged dist-tag add.
 * The product polls dist-tag's doneUrl with GET where npm re-sends the write's method and body (the poll
 * needs neither; npm-profile's own webAuthCheckLogin uses GET).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makePackage, runAction } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import type { RequestRecord } from './index.ts';
import { NpmClient } from './npm-cli.ts';

/** A request as the comparison sees it: method, path, and the headers a web approval turns on. */
const shape = (request: RequestRecord) => ({
  method: request.method,
  path: request.path.replace(/-(npm|ours)\b/, '-X'),
  status: request.status,
  npmAuthType: request.npmAuthType,
  npmCommand: request.npmCommand,
  user: request.user,
  otp: request.otpSent ? (request.otp?.startsWith('webotp_') ? 'approval token' : 'other') : 'none',
});

describe('web approvals on the wire: the product as npm CLI 11.21 does it', () => {
  const registry = suiteRegistry({ webRetryAfterS: 1 });
  let npm: NpmClient;
  let user: { name: string; token: string };

  before(async () => {
    user = await registry.addUser('web-wire', { web: true });
    npm = await NpmClient.create(registry.url, user.token);
  });
  after(async () => {
    await npm.dispose();
  });

  /** The requests from the first challenged write to the write that passed, with the doneUrl polls collapsed to one. */
  function exchange(from: number): ReturnType<typeof shape>[] {
    const requests = registry.requests.slice(from).filter((request) => request.method !== 'GET' || request.path === '/-/v1/done');
    const first = requests.findIndex((request) => request.status === 401);
    const seen = requests.slice(first).map(shape);
    return seen.filter((request, index) => !(request.path === '/-/v1/done' && seen[index + 1]?.path === '/-/v1/done'));
  }

  it('publish: the write, its polls with the token (202 then 200), the write again with the approval token', async (t) => {
    registry.autoApproveWeb({ afterPolls: 2 });
    const from = registry.requests.length;
    const viaNpm = await npm.runInTerminal(['publish', '--auth-type=web'], await npm.makePackage('wire-npm', '1.0.0'));
    if (viaNpm === undefined) return t.skip('no `script` on this machine to give npm a terminal');
    assert.equal(viaNpm.errorCode, undefined, viaNpm.stdout);
    const npmSide = exchange(from);
    const ours = registry.requests.length;
    const run = await runAction({
      inputs: {
        token: user.token,
        registry: registry.url,
        package: await makePackage({ 'index.js': '1;\n' }, { name: 'wire-ours', version: '1.0.0', main: 'index.js' }),
      },
    });
    registry.autoApproveWeb(undefined);
    assert.equal(run.code, 0, run.stdout);
    const ourSide = exchange(ours);
    assert.deepEqual(ourSide, npmSide);
    assert.deepEqual(
      npmSide.map((request) => `${request.method} ${request.path} ${request.status} ${request.otp}`),
      ['PUT /wire-X 401 none', 'GET /-/v1/done 200 none', 'PUT /wire-X 201 approval token'],
    );
    assert.ok(npmSide.every((request) => request.npmAuthType === 'web' && request.npmCommand === 'publish' && request.user === 'web-wire'));
  });

  it("dist-tag add: the same headers; npm polls with the write's method and body, the product with GET", async (t) => {
    registry.autoApproveWeb({ afterPolls: 1 });
    const from = registry.requests.length;
    const viaNpm = await npm.runInTerminal(['dist-tag', 'add', 'wire-npm@1.0.0', 'beta', '--auth-type=web']);
    if (viaNpm === undefined) return t.skip('no `script` on this machine to give npm a terminal');
    assert.equal(viaNpm.errorCode, undefined, viaNpm.stdout);
    const npmSide = exchange(from);
    const ours = registry.requests.length;
    const run = await runAction({ inputs: { token: user.token, registry: registry.url, commands: 'dist-tag add wire-ours@1.0.0 beta' } });
    registry.autoApproveWeb(undefined);
    assert.equal(run.code, 0, run.stdout);
    const ourSide = exchange(ours);
    assert.deepEqual(
      npmSide.map((request) => request.method),
      ['PUT', 'PUT', 'PUT'],
    );
    assert.deepEqual(
      ourSide,
      npmSide.map((request) => (request.path === '/-/v1/done' ? { ...request, method: 'GET' } : request)),
    );
    assert.ok(ourSide.every((request) => request.npmAuthType === 'web' && request.npmCommand === 'dist-tag'));
  });
});
