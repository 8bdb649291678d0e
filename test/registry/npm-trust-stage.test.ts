/**
 * npm CLI 11.21 (the pinned devDependency) drives the 2026 routes: `npm trust
 * github|list|revoke` and `npm stage publish|list|view|download|approve|reject`.
 * The gated ones (every trust command, approve, reject) fail with EOTP without
 * `--otp` and succeed with one; the others need no code. The request bodies npm
 * sent are checked exactly (`recordBodies`), so the product's own requests can
 * be compared with them (see also `trustBody` in http-client.ts and STATUS.md).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { call, publish, stagePublish, trustBody } from './http-client.ts';
import type { CreatedUser, RequestRecord } from './index.ts';
import type { NpmResult } from './npm-cli.ts';
import { NpmClient } from './npm-cli.ts';
import { midWindowOffset } from './totp.ts';

const registry = suiteRegistry(() => ({ clockOffsetMs: midWindowOffset(), recordBodies: true }));
let alice: CreatedUser;
let npm: NpmClient;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const withOtp = (args: string[]): string[] => [...args, `--otp=${registry.codeFor(alice.secret)}`];

function assertEotp(result: NpmResult): void {
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.errorCode, 'EOTP', result.stderr);
}

function assertOk(result: NpmResult): void {
  assert.equal(result.code, 0, result.stderr);
}

async function seed(name: string): Promise<void> {
  const headers = { 'npm-command': 'seed', 'npm-session': 'seed' };
  const res = await publish(registry.url, name, '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret), headers });
  assert.equal(res.status, 201, `seeding ${name}`);
}

/** What npm sent about `needle` (path contains it), as [method, path + query, gate verdict, status]. */
function sent(needle: string): Array<[string, string, string, number]> {
  return registry.requests
    .filter((r: RequestRecord) => r.npmCommand !== 'seed' && r.path.includes(needle))
    .map((r) => [r.method, r.path + r.query, r.otpRefusal ?? (r.otpAccepted === undefined ? 'ungated' : 'ok'), r.status]);
}

const bodiesOf = (method: string, pathname: string): unknown[] =>
  registry.requests.filter((r) => r.method === method && r.path === pathname).map((r) => r.body);

describe('npm trust and npm stage against the fixture', { concurrency: 2 }, () => {
  before(async () => {
    alice = await registry.addUser('alice');
    npm = await NpmClient.create(registry.url, alice.token);
  });
  after(async () => {
    await npm?.dispose();
  });

  test('trust github, list and revoke need a code; a staged publish goes through the new trust with OIDC', async () => {
    await seed('@acme/cli-trust');
    const create = ['trust', 'github', '@acme/cli-trust', '--file', 'release.yml', '--repo', 'acme/cli-trust', '--yes'];
    assertEotp(await npm.run([...create, '--allow-publish']));
    const created = await npm.run(withOtp([...create, '--allow-publish', '--allow-stage-publish', '--env', 'npm']));
    assertOk(created);
    const id = UUID.exec(created.stdout.split('created successfully')[1] ?? '')?.[0] ?? '';
    assert.match(id, UUID, created.stdout);
    assert.match(
      created.stdout,
      /type: github\nid: .+\nfile: release\.yml\nrepository: acme\/cli-trust\nenvironment: npm\npermissions: publish, stage publish/,
    );
    assert.deepEqual(
      bodiesOf('POST', '/-/package/@acme%2fcli-trust/trust'),
      [
        trustBody.github('acme/cli-trust', 'release.yml', ['createPackage']),
        trustBody.github('acme/cli-trust', 'release.yml', ['createPackage', 'createStagedPackage'], 'npm'),
      ],
      'the exact bodies npm sends',
    );

    assertEotp(await npm.run(['trust', 'list', '@acme/cli-trust']));
    const listed = await npm.run(withOtp(['trust', 'list', '@acme/cli-trust']));
    assertOk(listed);
    assert.equal(
      listed.stdout.trim(),
      `type: github\nid: ${id}\nfile: release.yml\nrepository: acme/cli-trust\nenvironment: npm\npermissions: publish, stage publish`,
    );

    // The configuration made by npm lets a GitHub Actions job stage with no token and no code.
    const job = await NpmClient.create(registry.url);
    try {
      const dir = await job.makePackage('@acme/cli-trust', '1.1.0');
      const idToken = registry.issueIdToken({ repository: 'acme/cli-trust', workflow: 'release.yml', environment: 'npm', repositoryVisibility: 'private' });
      const staged = await job.run(['stage', 'publish'], dir, { GITHUB_ACTIONS: 'true', NPM_ID_TOKEN: idToken });
      assertOk(staged);
      assert.match(staged.stdout, /\+ @acme\/cli-trust@1\.1\.0 \(staged with id [0-9a-f-]{36}\)/);
    } finally {
      await job.dispose();
    }
    assert.deepEqual(
      registry.staged('@acme/cli-trust').map((item) => [item.version, item.actorType]),
      [['1.1.0', 'oidc']],
    );

    assertEotp(await npm.run(['trust', 'revoke', '@acme/cli-trust', '--id', id]));
    assertOk(await npm.run(withOtp(['trust', 'revoke', '@acme/cli-trust', '--id', id])));
    assert.deepEqual(registry.packageSettings('@acme/cli-trust')?.trustConfigs, []);
    assert.deepEqual(sent('/-/package/@acme%2fcli-trust/trust'), [
      ['POST', '/-/package/@acme%2fcli-trust/trust', 'missing', 401],
      ['POST', '/-/package/@acme%2fcli-trust/trust', 'ok', 201],
      ['GET', '/-/package/@acme%2fcli-trust/trust', 'missing', 401],
      ['GET', '/-/package/@acme%2fcli-trust/trust', 'ok', 200],
      ['DELETE', `/-/package/@acme%2fcli-trust/trust/${id}`, 'missing', 401],
      ['DELETE', `/-/package/@acme%2fcli-trust/trust/${id}`, 'ok', 204],
    ]);
    assert.deepEqual(sent('/-/stage/package/@acme%2fcli-trust'), [['POST', '/-/stage/package/@acme%2fcli-trust', 'ungated', 201]]);
    const exchange = registry.requests.find((r) => r.path === '/-/npm/v1/oidc/token/exchange/package/@acme%2fcli-trust');
    assert.equal(exchange?.status, 201);
  });

  test('stage publish, list, view and download need no code; approve and reject do', async () => {
    await seed('cli-stage');
    const publishDir = await npm.makePackage('cli-stage', '1.1.0', { description: 'staged by the npm CLI' });
    const staged = await npm.run(['stage', 'publish', '--tag', 'next'], publishDir);
    assertOk(staged);
    const id = /\(staged with id ([0-9a-f-]{36})\)/.exec(staged.stdout)?.[1] ?? '';
    assert.match(id, UUID, staged.stdout);
    assert.deepEqual(Object.keys((await registry.packument('cli-stage')).versions), ['1.0.0'], 'not visible until approved');

    // The body is libnpmpublish's publish body (npm 11.21 bundles libnpmpublish 11.2.1), POSTed instead of PUT.
    const [body] = bodiesOf('POST', '/-/stage/package/cli-stage') as Array<Record<string, any>>;
    const tarball = Buffer.from(body?.['_attachments']['cli-stage-1.1.0.tgz'].data, 'base64');
    const manifest = body?.['versions']['1.1.0'];
    assert.deepEqual(Object.keys(body ?? {}), ['_id', 'name', 'description', 'dist-tags', 'versions', 'access', '_attachments']);
    assert.deepEqual(
      [body?.['_id'], body?.['name'], body?.['description'], body?.['dist-tags'], body?.['access']],
      ['cli-stage', 'cli-stage', 'staged by the npm CLI', { next: '1.1.0' }, null],
    );
    assert.deepEqual(body?.['_attachments']['cli-stage-1.1.0.tgz'].content_type, 'application/octet-stream');
    assert.equal(body?.['_attachments']['cli-stage-1.1.0.tgz'].length, tarball.length);
    assert.deepEqual(manifest.dist, {
      integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
      shasum: createHash('sha1').update(tarball).digest('hex'),
      tarball: `${registry.url}cli-stage/-/cli-stage-1.1.0.tgz`,
    });
    assert.deepEqual([manifest._id, manifest._npmVersion], ['cli-stage@1.1.0', '11.21.2']);

    const listed = await npm.run(['stage', 'list', 'cli-stage']);
    assertOk(listed);
    const item = registry.staged('cli-stage')[0];
    const shown = `id: ${id}\npackage name: cli-stage\nversion: 1.1.0\nstatus: staged\ntag: next\ndate staged: ${item?.createdAt}\nstaged by: alice (user)\nshasum: ${item?.shasum}`;
    assert.equal(listed.stdout.trim(), shown);
    const viewed = await npm.run(['stage', 'view', id]);
    assertOk(viewed);
    assert.equal(viewed.stdout.trim(), shown);
    const downloaded = await npm.run(['stage', 'download', id]);
    assertOk(downloaded);
    const file = `cli-stage-1.1.0-${id}.tgz`;
    assert.equal(downloaded.stdout.trim(), file);
    assert.deepEqual(await readFile(path.join(npm.home, file)), tarball);

    assertEotp(await npm.run(['stage', 'approve', id]));
    const approved = await npm.run(withOtp(['stage', 'approve', id]));
    assertOk(approved);
    assert.equal(approved.stdout.trim(), `Staged package ${id} approved and published successfully.`);
    const packument = await registry.packument('cli-stage');
    assert.deepEqual(packument['dist-tags'], { latest: '1.0.0', next: '1.1.0' });
    assert.equal(packument.versions['1.1.0'].dist.integrity, manifest.dist.integrity);
    const served = await call(registry.url, 'GET', 'cli-stage/-/cli-stage-1.1.0.tgz');
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), tarball, 'byte-identical');
    const empty = await npm.run(['stage', 'list', 'cli-stage']);
    assert.equal(empty.stdout.trim(), 'No staged versions of package name "cli-stage".');

    const second = await stagePublish(registry.url, 'cli-stage', '1.2.0', { token: alice.token, headers: { 'npm-command': 'seed' } });
    const { stageId: rejectId } = (await second.json()) as { stageId: string };
    assertEotp(await npm.run(['stage', 'reject', rejectId]));
    const rejected = await npm.run(withOtp(['stage', 'reject', rejectId]));
    assertOk(rejected);
    assert.equal(rejected.stdout.trim(), `Staged package ${rejectId} has been rejected.`);
    assert.deepEqual(registry.staged('cli-stage'), []);

    // The other test's OIDC stage publish runs alongside; leave it out.
    assert.deepEqual(
      sent('/-/stage').filter(([, where]) => !where.includes('cli-trust')),
      [
        ['POST', '/-/stage/package/cli-stage', 'ungated', 201],
        ['GET', '/-/stage?page=0&perPage=100&package=cli-stage', 'ungated', 200],
        ['GET', `/-/stage/${id}`, 'ungated', 200],
        ['GET', `/-/stage/${id}/tarball`, 'ungated', 200],
        ['POST', `/-/stage/${id}/approve`, 'missing', 401],
        ['POST', `/-/stage/${id}/approve`, 'ok', 200],
        ['GET', '/-/stage?page=0&perPage=100&package=cli-stage', 'ungated', 200],
        ['DELETE', `/-/stage/${rejectId}`, 'missing', 401],
        ['DELETE', `/-/stage/${rejectId}`, 'ok', 204],
      ],
    );
    assert.deepEqual(bodiesOf('POST', `/-/stage/${id}/approve`), [undefined, undefined], 'approve sends no body');
  });
});
