/**
 * The product's `trust` and `stage` commands against npm CLI 11.21's, on one
 * fixture that records request bodies: for every command, the request the
 * product sends for npm's own request has the same method, path, query and
 * body; without a TOTP secret the product fails with EOTP on exactly the
 * commands where npm asks for a code (every trust command, approve, reject),
 * and the others (stage publish, list, view, download) need none. The product
 * runs in-process (src/), through the same core as the action and the CLI.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runBlockInProcess } from '../helpers/core.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { publish } from './http-client.ts';
import type { CreatedUser, RequestRecord } from './index.ts';
import type { NpmResult } from './npm-cli.ts';
import { NpmClient } from './npm-cli.ts';
import { midWindowOffset } from './totp.ts';

const registry = suiteRegistry(() => ({ clockOffsetMs: midWindowOffset(), recordBodies: true }));
let alice: CreatedUser;
let npm: NpmClient;

const IDS = {
  org: '0b1f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a01',
  project: '1c2f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a02',
  pipeline: '2d3f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a03',
  context: '3e4f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a04',
};

async function seed(name: string): Promise<void> {
  const res = await publish(registry.url, name, '1.0.0', {
    token: alice.token,
    otp: registry.codeFor(alice.secret),
    headers: { 'npm-command': 'seed', 'npm-session': 'seed' },
  });
  assert.equal(res.status, 201, `seeding ${name}`);
}

const npmWithOtp = (args: string[], cwd?: string): Promise<NpmResult> => npm.run([...args, `--otp=${registry.codeFor(alice.secret)}`], cwd);

function assertNpm(result: NpmResult, expected: 'ok' | 'EOTP'): void {
  if (expected === 'ok') assert.equal(result.code, 0, result.stderr);
  else assert.equal(result.errorCode, 'EOTP', result.stderr);
}

/** Runs one product line; `code` false runs it without a TOTP secret. */
async function product(line: string, options: { code?: boolean; cwd?: string; pkg?: string } = {}) {
  const raw = {
    token: alice.token,
    registry: registry.url,
    otpUses: '100',
    ...(options.code === false ? {} : { otpSecret: alice.secret }),
    ...(options.pkg ? { package: options.pkg } : {}),
  };
  return (await runBlockInProcess(raw, line, options.cwd)).report;
}

/** The requests since `from` whose path contains `needle`: method, path with query, body, and whether the gate asked for a code. */
function sentSince(
  from: number,
  needle: string,
): Array<{ method: string; where: string; body: unknown; refusal: string | undefined; command: string | undefined }> {
  return registry.requests
    .slice(from)
    .filter((r: RequestRecord) => r.path.includes(needle))
    .map((r) => ({ method: r.method, where: r.path + r.query, body: r.body, refusal: r.otpRefusal, command: r.npmCommand }));
}

/** The requests of `sent` that npm's command makes (a method and path), for comparing with npm's. */
const only = (sent: ReturnType<typeof sentSince>, method: string, pattern: RegExp) => sent.filter((r) => r.method === method && pattern.test(r.where));

describe('the product against npm CLI 11.21 for trust and stage', { concurrency: 1 }, () => {
  before(async () => {
    alice = await registry.addUser('alice');
    npm = await NpmClient.create(registry.url, alice.token);
  });
  after(async () => {
    await npm?.dispose();
  });

  test('trust github, gitlab and circleci: the same POST body as npm; EOTP without a code, as npm', async () => {
    const lines: Array<[string, string]> = [
      ['github', '--file release.yml --repo acme/conf --env npm --allow-publish --allow-stage-publish'],
      ['gitlab', '--file .gitlab-ci.yml --project acme/sub/conf --allow-stage-publish'],
      [
        'circleci',
        `--org-id ${IDS.org} --project-id ${IDS.project} --pipeline-definition-id ${IDS.pipeline} --vcs-origin github.com/acme/conf --context-id ${IDS.context} --allow-publish`,
      ],
    ];
    for (const [provider, flags] of lines) {
      const theirs = `conf-npm-${provider}`;
      const ours = `conf-ours-${provider}`;
      await seed(theirs);
      await seed(ours);
      const args = ['trust', provider, theirs, ...flags.split(' '), '--yes'];
      let mark = registry.requests.length;
      assertNpm(await npm.run(args), 'EOTP');
      assertNpm(await npmWithOtp(args), 'ok');
      const npmSent = sentSince(mark, `/-/package/${theirs}/trust`);
      assert.deepEqual(
        npmSent.map((r) => [r.method, r.refusal ?? 'ok']),
        [
          ['POST', 'missing'],
          ['POST', 'ok'],
        ],
        provider,
      );

      mark = registry.requests.length;
      const refused = await product(`trust ${provider} ${ours} ${flags}`, { code: false });
      assert.equal((refused.error as { code?: string }).code, 'EOTP', provider);
      const done = await product(`trust ${provider} ${ours} ${flags}`);
      assert.equal(done.error, undefined, String(done.error));
      const ourSent = sentSince(mark, `/-/package/${ours}/trust`);
      const [npmPost] = only(npmSent, 'POST', /trust$/).filter((r) => r.refusal === undefined);
      const [ourPost] = only(ourSent, 'POST', /trust$/);
      assert.deepEqual(ourPost?.body, npmPost?.body, `${provider}: the body npm sends`);
      assert.deepEqual([ourPost?.command, npmPost?.command], ['trust', 'trust']);
      // Ours reads the list first (to skip a publisher that is there): a gated read, refused without a code.
      assert.deepEqual(
        ourSent.map((r) => [r.method, r.refusal ?? 'ok']),
        [
          ['GET', 'missing'],
          ['GET', 'ok'],
          ['POST', 'ok'],
        ],
        provider,
      );
    }
  });

  test('trust list and trust revoke: the same requests as npm, each refused without a code', async () => {
    await seed('conf-list-npm');
    await seed('conf-list-ours');
    for (const pkg of ['conf-list-npm', 'conf-list-ours']) {
      const report = await product(`trust github ${pkg} --file release.yml --repo acme/conf --allow-publish`);
      assert.equal(report.error, undefined, String(report.error));
    }
    const idOf = (pkg: string) => registry.packageSettings(pkg)?.trustConfigs[0]?.id as string;
    let mark = registry.requests.length;
    assertNpm(await npm.run(['trust', 'list', 'conf-list-npm']), 'EOTP');
    assertNpm(await npmWithOtp(['trust', 'list', 'conf-list-npm']), 'ok');
    assertNpm(await npm.run(['trust', 'revoke', 'conf-list-npm', '--id', idOf('conf-list-npm')]), 'EOTP');
    assertNpm(await npmWithOtp(['trust', 'revoke', 'conf-list-npm', '--id', idOf('conf-list-npm')]), 'ok');
    const npmSent = sentSince(mark, '/-/package/conf-list-npm/trust').map((r) => ({
      ...r,
      where: r.where.replace(/conf-list-npm/g, 'P').replace(/[0-9a-f-]{36}/, 'ID'),
    }));

    const id = idOf('conf-list-ours');
    mark = registry.requests.length;
    for (const line of ['trust list conf-list-ours', `trust revoke conf-list-ours --id ${id}`]) {
      assert.equal(((await product(line, { code: false })).error as { code?: string }).code, 'EOTP', line);
      const report = await product(line);
      assert.equal(report.error, undefined, String(report.error));
    }
    const ourSent = sentSince(mark, '/-/package/conf-list-ours/trust').map((r) => ({
      ...r,
      where: r.where.replace(/conf-list-ours/g, 'P').replace(/[0-9a-f-]{36}/, 'ID'),
    }));
    assert.deepEqual(
      ourSent.map((r) => [r.method, r.where, r.body, r.refusal ?? 'ok']),
      npmSent.map((r) => [r.method, r.where, r.body, r.refusal ?? 'ok']),
    );
    assert.deepEqual(registry.packageSettings('conf-list-ours')?.trustConfigs, []);
  });

  test('stage publish: the same POST body as npm (libnpmpublish 11 in npm, 12 here), no code from either', async () => {
    const dir = await npm.makePackage('conf-stage', '1.0.0', { description: 'staged twice' });
    let mark = registry.requests.length;
    assertNpm(await npm.run(['stage', 'publish', '--tag', 'next'], dir), 'ok');
    const [npmPost] = only(sentSince(mark, '/-/stage/package/conf-stage'), 'POST', /.*/);
    const npmId = registry.staged('conf-stage')[0]?.id as string;
    // Reject npm's entry, so the product stages the very same folder (and so the very same tarball).
    assertNpm(await npmWithOtp(['stage', 'reject', npmId]), 'ok');

    mark = registry.requests.length;
    const report = await product('stage publish --tag next', { code: false, pkg: dir });
    assert.equal(report.error, undefined, String(report.error));
    const [ourPost] = only(sentSince(mark, '/-/stage/package/conf-stage'), 'POST', /.*/);
    assert.deepEqual([ourPost?.refusal, npmPost?.refusal], [undefined, undefined], 'no code asked of either');
    assert.deepEqual([ourPost?.command, npmPost?.command], ['stage', 'stage']);
    const theirs = npmPost?.body as Record<string, any>;
    const ours = ourPost?.body as Record<string, any>;
    assert.deepEqual(Object.keys(ours), Object.keys(theirs));
    assert.deepEqual(ours._attachments, theirs._attachments, 'the same tarball, byte for byte');
    for (const key of ['_id', 'name', 'description', 'dist-tags', 'access']) assert.deepEqual(ours[key], theirs[key], key);
    const [ourVersion, theirVersion] = [ours.versions['1.0.0'], theirs.versions['1.0.0']];
    // What differs is who sent it: npm names its own version, and libnpmpublish 11 and 12 differ on nothing else here.
    const strip = ({ _npmVersion, ...rest }: Record<string, unknown>) => rest;
    assert.deepEqual(strip(ourVersion), strip(theirVersion));
    assert.equal(theirVersion._npmVersion, '11.21.2');
  });

  test('stage list, view and download: the same reads as npm, no code; approve and reject: the same writes, refused without a code', async () => {
    const dirs = { npm: await npm.makePackage('conf-decide', '1.1.0'), ours: await npm.makePackage('conf-decide', '1.2.0') };
    await seed('conf-decide');
    assertNpm(await npm.run(['stage', 'publish', '--tag', 'next'], dirs.npm), 'ok');
    assertNpm(await npm.run(['stage', 'publish', '--tag', 'beta'], dirs.ours), 'ok');
    const id = (version: string) => registry.staged('conf-decide').find((item) => item.version === version)?.id as string;
    const [first, second] = [id('1.1.0'), id('1.2.0')];

    const reads = (stageId: string) => [
      ['stage', 'list', 'conf-decide'],
      ['stage', 'view', stageId],
      ['stage', 'download', stageId],
    ];
    let mark = registry.requests.length;
    for (const args of reads(first)) assertNpm(await npm.run(args), 'ok');
    const npmReads = sentSince(mark, '/-/stage').map((r) => [r.method, r.where.replace(first, 'ID'), r.body, r.refusal]);
    mark = registry.requests.length;
    const downloads = path.join(npm.home, 'ours');
    const report = await product(`stage list conf-decide\nstage view ${first}\nstage download ${first} --dir ${downloads}`, { code: false });
    assert.equal(report.error, undefined, String(report.error));
    const ourReads = sentSince(mark, '/-/stage').map((r) => [r.method, r.where.replace(first, 'ID'), r.body, r.refusal]);
    assert.deepEqual(ourReads, npmReads);
    await rm(downloads, { recursive: true, force: true });

    // approve and reject by id: npm's two requests each (refused, then with a code); the product checks the id first with a read of its own.
    mark = registry.requests.length;
    assertNpm(await npm.run(['stage', 'approve', first]), 'EOTP');
    assertNpm(await npmWithOtp(['stage', 'approve', first]), 'ok');
    const npmApprove = only(sentSince(mark, '/-/stage'), 'POST', /approve$/).map((r) => [r.method, r.where.replace(first, 'ID'), r.body, r.refusal ?? 'ok']);
    mark = registry.requests.length;
    assertNpm(await npm.run(['stage', 'reject', second]), 'EOTP');
    const npmReject = only(sentSince(mark, '/-/stage'), 'DELETE', /.*/).map((r) => [r.method, r.where.replace(second, 'ID'), r.body, r.refusal ?? 'ok']);
    assertNpm(await npm.run(['stage', 'publish', '--tag', 'next'], await npm.makePackage('conf-decide', '1.3.0')), 'ok');
    const third = id('1.3.0');

    mark = registry.requests.length;
    assert.equal(((await product(`stage approve ${third}`, { code: false })).error as { code?: string }).code, 'EOTP');
    assert.equal((await product(`stage approve ${third}`)).error, undefined);
    const ourApprove = only(sentSince(mark, '/-/stage'), 'POST', /approve$/).map((r) => [r.method, r.where.replace(third, 'ID'), r.body, r.refusal ?? 'ok']);
    assert.deepEqual(ourApprove, npmApprove);
    mark = registry.requests.length;
    assert.equal(((await product(`stage reject ${second}`, { code: false })).error as { code?: string }).code, 'EOTP');
    const ourReject = only(sentSince(mark, '/-/stage'), 'DELETE', /.*/).map((r) => [r.method, r.where.replace(second, 'ID'), r.body, r.refusal ?? 'ok']);
    assert.deepEqual(ourReject, npmReject);
    assert.equal((await product(`stage reject ${second}`)).error, undefined);
    assert.deepEqual(registry.staged('conf-decide'), []);
    const packument = await registry.packument('conf-decide');
    assert.deepEqual(Object.keys(packument.versions).sort(), ['1.0.0', '1.1.0', '1.3.0']);
  });
});
