import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { makePackage } from '../helpers/action.ts';
import { runBlockInProcess } from '../helpers/core.ts';
import { makeMonorepo, type MonorepoSpec } from '../helpers/monorepo.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { midWindowOffset } from '../registry/totp.ts';

type User = { name: string; token: string; secret: string };

/** An 8-package npm monorepo: chains a <- b <- c, a <- d, e <- f, g <- h; the root names the GitHub repository. */
function eightPackages(scope: string, version = '1.0.0'): MonorepoSpec {
  const name = (short: string) => `@${scope}/${short}`;
  const dep = (short: string) => ({ [name(short)]: `^${version}` });
  const pkg = (short: string, dependencies?: Record<string, string>) => ({
    name: name(short),
    version,
    ...(dependencies ? { dependencies } : {}),
    publishConfig: { access: 'public' },
  });
  return {
    root: {
      name: `${scope}-root`,
      version: '0.0.0',
      private: true,
      workspaces: ['packages/*'],
      repository: { type: 'git', url: `git+https://github.com/acme/${scope}.git` },
    },
    packages: {
      'packages/a': pkg('a'),
      'packages/b': pkg('b', dep('a')),
      'packages/c': pkg('c', dep('b')),
      'packages/d': pkg('d', dep('a')),
      'packages/e': pkg('e'),
      'packages/f': pkg('f', dep('e')),
      'packages/g': pkg('g'),
      'packages/h': pkg('h', dep('g')),
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');

describe('trust and stage commands through npm’s libraries against the test registry', () => {
  const registry = suiteRegistry(() => ({ clockOffsetMs: midWindowOffset(), recordBodies: true }));
  let alice: User;
  const cleanups: Array<() => Promise<void>> = [];
  const run = (block: string, extra: Record<string, string> = {}, cwd?: string) =>
    runBlockInProcess({ token: alice.token, otpSecret: alice.secret, registry: registry.url, otpUses: '100', ...extra }, block, cwd);
  const outcomes = (report: Awaited<ReturnType<typeof run>>['report']) => report.results.map((result) => result.outcome);
  const requests = (method: string, needle: string) => registry.requests.filter((request) => request.method === method && request.path.includes(needle));
  const writes = () => registry.requests.filter((request) => request.method !== 'GET');

  before(async () => {
    alice = await registry.addUser('alice');
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  describe('trust', () => {
    let dir: string;
    before(async () => {
      dir = await makePackage(
        { 'index.js': '1;\n' },
        { name: 'tr-pkg', version: '1.0.0', repository: { type: 'git', url: 'git+https://github.com/acme/tr-pkg.git' } },
      );
      const { report } = await run(`publish ${dir}`);
      assert.equal(report.error, undefined, String(report.error));
    });

    it('adds a GitHub trusted publisher, taking the repository from package.json; the same line again reads (one code) and skips', async () => {
      registry.clearRequests();
      const line = 'trust github --file release.yml --env npm --allow-publish --allow-stage-publish';
      const first = await run(line, { package: dir });
      assert.equal(first.report.error, undefined, String(first.report.error));
      const [row] = first.report.results;
      assert.equal(row?.outcome, 'done');
      assert.match(row?.id ?? '', UUID);
      assert.equal(row?.otpAttempts, 2, 'the read and the write each carry a code');
      assert.match(
        row?.detail ?? '',
        /added a trusted publisher to tr-pkg \(id [0-9a-f-]{36}\): GitHub Actions, repository acme\/tr-pkg, workflow release\.yml, environment npm; may publish, stage publish/,
      );
      assert.ok(first.lines.some((entry) => /repository acme\/tr-pkg from the "repository" of its package\.json/.test(entry.message)));
      assert.ok(first.lines.some((entry) => /asks for a one-time password even for this read, so it uses a code/.test(entry.message)));
      assert.deepEqual(
        requests('POST', '/trust').map((request) => request.body),
        [
          [
            {
              type: 'github',
              claims: { repository: 'acme/tr-pkg', workflow_ref: { file: 'release.yml' }, environment: 'npm' },
              permissions: ['createPackage', 'createStagedPackage'],
            },
          ],
        ],
      );
      assert.deepEqual(
        registry.packageSettings('tr-pkg')?.trustConfigs.map((config) => config.id),
        [row?.id],
      );

      registry.clearRequests();
      const second = await run(line, { package: dir });
      assert.equal(second.report.error, undefined, String(second.report.error));
      assert.deepEqual([second.report.results[0]?.outcome, second.report.results[0]?.skipped, second.report.results[0]?.id], ['unchanged', true, row?.id]);
      assert.deepEqual(writes(), [], 'no POST: only the list was read');
      assert.equal(requests('GET', '/-/package/tr-pkg/trust').length, 1);
    });

    it('lists the trusted publishers as data, revokes one, and skips revoking it again', async () => {
      const listed = await run('trust list tr-pkg');
      assert.equal(listed.report.error, undefined, String(listed.report.error));
      const [row] = listed.report.results;
      assert.equal(row?.outcome, 'read');
      const data = row?.data as Array<{ id: string; type: string; claims: Record<string, unknown>; permissions: string[] }>;
      assert.equal(data.length, 1);
      assert.deepEqual([data[0]?.type, data[0]?.claims.repository, data[0]?.permissions], ['github', 'acme/tr-pkg', ['createPackage', 'createStagedPackage']]);
      const id = data[0]?.id as string;
      const revoked = await run(`trust revoke tr-pkg --id ${id}\ntrust revoke tr-pkg --id ${id}\ntrust list tr-pkg`);
      assert.equal(revoked.report.error, undefined, String(revoked.report.error));
      assert.deepEqual(outcomes(revoked.report), ['done', 'unchanged', 'read']);
      assert.deepEqual(
        revoked.report.results.map((result) => result.id),
        [id, id, undefined],
      );
      assert.deepEqual(revoked.report.results[2]?.data, []);
      assert.equal(revoked.report.results[2]?.detail, 'tr-pkg has no trusted publishers');
    });

    it('adds GitLab and CircleCI publishers with the bodies npm sends', async () => {
      const ids = {
        org: '0b1f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a01',
        project: '1c2f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a02',
        pipeline: '2d3f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a03',
        context: '3e4f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a04',
      };
      const gitlab = await makePackage({ 'index.js': '2;\n' }, { name: 'tr-gitlab', version: '1.0.0', repository: 'gitlab:acme/sub/tr-gitlab' });
      const circle = await makePackage({ 'index.js': '3;\n' }, { name: 'tr-circle', version: '1.0.0' });
      assert.equal((await run(`publish ${gitlab}\npublish ${circle}`)).report.error, undefined);
      registry.clearRequests();
      const { report } = await run(
        `trust gitlab --file .gitlab-ci.yml --allow-publish\ntrust circleci tr-circle --org-id ${ids.org} --project-id ${ids.project} --pipeline-definition-id ${ids.pipeline} --vcs-origin github.com/acme/tr-circle --context-id ${ids.context} --allow-stage-publish`,
        { package: gitlab },
      );
      assert.equal(report.error, undefined, String(report.error));
      assert.deepEqual(outcomes(report), ['done', 'done']);
      assert.deepEqual(
        requests('POST', '/trust').map((request) => request.body),
        [
          [{ type: 'gitlab', claims: { project_path: 'acme/sub/tr-gitlab', ci_config_ref_uri: { file: '.gitlab-ci.yml' } }, permissions: ['createPackage'] }],
          [
            {
              type: 'circleci',
              claims: {
                'oidc.circleci.com/org-id': ids.org,
                'oidc.circleci.com/project-id': ids.project,
                'oidc.circleci.com/pipeline-definition-id': ids.pipeline,
                'oidc.circleci.com/vcs-origin': 'github.com/acme/tr-circle',
                'oidc.circleci.com/context-ids': [ids.context],
              },
              permissions: ['createStagedPackage'],
            },
          ],
        ],
      );
    });

    it('checks every line before the first request: a path for --file, no permission, a repository that is not GitHub, an id that is not a UUID', async () => {
      const gitlabRepo = await makePackage({ 'index.js': '4;\n' }, { name: 'tr-pkg', version: '1.0.0', repository: 'gitlab:acme/tr-pkg' });
      const cases: Array<[string, RegExp, string?]> = [
        [
          'trust github tr-pkg --file .github/workflows/release.yml --repo acme/tr-pkg --allow-publish',
          /--file must be just the GitHub Actions workflow file name, not a path: "release\.yml"/,
        ],
        ['trust github tr-pkg --file release.yml --repo acme/tr-pkg', /at least one permission flag is required \(--allow-publish, --allow-stage-publish\)/],
        ['trust github tr-pkg --file release.sh --repo acme/tr-pkg --allow-publish', /--file must end in \.yml or \.yaml/],
        ['trust github tr-pkg --file release.yml --repo acme --allow-publish', /--repo must be owner\/repository/],
        [
          'trust github --file release.yml --allow-publish',
          /tr-pkg: the "repository" in its package\.json is not a GitHub repository; give --repo owner\/repo/,
          gitlabRepo,
        ],
        ['trust revoke tr-pkg --id 42', /--id must be a trusted publisher's id, a UUID/],
        [
          'trust circleci tr-pkg --org-id x --project-id y --pipeline-definition-id z --vcs-origin github.com/a/b --allow-publish',
          /--org-id must be a valid UUID/,
        ],
        ['stage approve 1234', /"1234" is neither a stage id \(a UUID\) nor <pkg>@<version>/],
        ['stage view not-a-uuid', /"not-a-uuid" is not a stage id/],
      ];
      for (const [line, message, pkg] of cases) {
        registry.clearRequests();
        const { report } = await run(`dist-tag ls tr-pkg\n${line}`, pkg ? { package: pkg } : {});
        assert.match(String((report.error as Error)?.message), message, line);
        assert.deepEqual(registry.requests, [], `${line}: no request at all`);
      }
    });

    it('sets up every public package of an 8-package monorepo with one POST each; a second run sends none', async () => {
      const repo = await makeMonorepo(eightPackages('trmono'));
      cleanups.push(repo.cleanup);
      const published = await run('publish --workspaces', { package: repo.root });
      assert.equal(published.report.error, undefined, String(published.report.error));
      const line = 'trust github --workspaces --file stage-and-approve.yml --env npm --allow-stage-publish';
      registry.clearRequests();
      const first = await run(line, { package: repo.root });
      assert.equal(first.report.error, undefined, String(first.report.error));
      const shorts = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
      assert.deepEqual(
        first.report.results.map((result) => [result.command, result.outcome]),
        shorts.map((short) => [`trust github @trmono/${short} --file stage-and-approve.yml --repo acme/trmono --env npm --allow-stage-publish`, 'done']),
      );
      assert.ok(first.report.results.every((result) => UUID.test(result.id ?? '')));
      assert.deepEqual(
        requests('POST', '/trust').map((request) => request.path),
        shorts.map((short) => `/-/package/@trmono%2f${short}/trust`),
      );
      for (const request of requests('POST', '/trust')) {
        assert.deepEqual(request.body, [
          {
            type: 'github',
            claims: { repository: 'acme/trmono', workflow_ref: { file: 'stage-and-approve.yml' }, environment: 'npm' },
            permissions: ['createStagedPackage'],
          },
        ]);
      }
      registry.clearRequests();
      const second = await run(line, { package: repo.root });
      assert.equal(second.report.error, undefined, String(second.report.error));
      assert.ok(second.report.results.every((result) => result.outcome === 'unchanged' && result.skipped));
      assert.deepEqual(writes(), [], 'the second run sends no POST');
    });

    it('refuses, before any write, a trusted publisher for a package that is not in the registry', async () => {
      registry.clearRequests();
      const { report } = await run(
        'trust github tr-pkg --file release.yml --repo acme/tr-pkg --allow-publish\ntrust github tr-nowhere --file release.yml --repo acme/tr-nowhere --allow-publish',
      );
      assert.deepEqual(outcomes(report), ['not-run', 'failed']);
      assert.match(report.results[1]?.detail ?? '', /tr-nowhere is not on .* a trusted publisher can only be added to a package that exists/);
      assert.deepEqual(writes(), []);
    });

    it('without a TOTP secret, fails with EOTP where npm asks for a code', async () => {
      for (const line of [
        'trust github tr-pkg --file release.yml --repo acme/tr-pkg --allow-publish',
        'trust list tr-pkg',
        'trust revoke tr-pkg --id 0b1f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a01',
      ]) {
        const { report } = await runBlockInProcess({ token: alice.token, registry: registry.url }, line);
        assert.equal((report.error as { code?: string })?.code, 'EOTP', line);
      }
    });
  });

  it('runs from the CLI as well: stage publish, stage approve and trust github words and flags, results as JSON', async () => {
    const dir = await makePackage({ 'index.js': '11;\n' }, { name: 'cli-ts', version: '1.0.0', repository: 'github:acme/cli-ts' });
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(
        [...argv, '--registry', registry.url, '--json'],
        { NODE_AUTH_TOKEN: alice.token, NPM_TOTP_SECRET: alice.secret },
        { stdout: (text) => out.push(text), stderr: (text) => err.push(text), cwd: dir },
      );
      assert.equal(code, 0, err.join(''));
      return JSON.parse(out.join('')) as { results: Array<{ outcome: string; stageId?: string; id?: string }> };
    };
    const staged = await cli('stage', 'publish');
    assert.equal(staged.results[0]?.outcome, 'staged');
    const approved = await cli('stage', 'approve', 'cli-ts@1.0.0');
    assert.deepEqual([approved.results[0]?.outcome, approved.results[0]?.stageId], ['done', staged.results[0]?.stageId]);
    const trusted = await cli('trust', 'github', '--file', 'release.yml', '--allow-publish', '--yes');
    assert.equal(trusted.results[0]?.outcome, 'done');
    assert.deepEqual(
      registry.packageSettings('cli-ts')?.trustedPublishers.map((publisher) => [publisher.repository, publisher.id]),
      [['acme/cli-ts', trusted.results[0]?.id]],
    );
  });

  describe('stage', () => {
    it('stages with no code; lists, views and downloads; approves by name@version, then skips; rejects', async () => {
      const dir = await makePackage({ 'index.js': '5;\n' }, { name: 'st-pkg', version: '1.0.0', description: 'staged' });
      registry.clearRequests();
      const staged = await run('stage publish --tag next', { package: dir });
      assert.equal(staged.report.error, undefined, String(staged.report.error));
      const [row] = staged.report.results;
      assert.deepEqual([row?.command, row?.outcome, row?.skipped, row?.otpAttempts], ['stage publish st-pkg@1.0.0', 'staged', false, 0]);
      assert.match(row?.stageId ?? '', UUID);
      assert.equal(staged.report.published, false);
      const stageId = row?.stageId as string;
      const post = requests('POST', '/-/stage/package/st-pkg');
      assert.deepEqual(
        post.map((request) => [request.otpSent, request.npmCommand, request.status]),
        [[false, 'stage', 201]],
      );
      assert.equal(await registry.packument('st-pkg'), undefined, 'not published until approved');

      const again = await run('stage publish --tag next', { package: dir });
      assert.deepEqual([again.report.results[0]?.outcome, again.report.results[0]?.stageId], ['unchanged', stageId]);

      const downloads = path.join(os.tmpdir(), `st-download-${process.pid}`);
      cleanups.push(async () => (await import('node:fs/promises')).rm(downloads, { recursive: true, force: true }));
      const read = await run(`stage list st-pkg\nstage view ${stageId}\nstage download ${stageId} --dir ${downloads}`);
      assert.equal(read.report.error, undefined, String(read.report.error));
      assert.deepEqual(outcomes(read.report), ['read', 'read', 'read']);
      const [item] = read.report.results[0]?.data as Array<Record<string, unknown>>;
      assert.deepEqual([item?.id, item?.packageName, item?.version, item?.tag, item?.status], [stageId, 'st-pkg', '1.0.0', 'next', 'staged']);
      assert.deepEqual(read.report.results[1]?.data, item);
      const file = path.join(downloads, `st-pkg-1.0.0-${stageId}.tgz`);
      assert.equal(sha1(await readFile(file)), item?.shasum);

      registry.clearRequests();
      const approved = await run('stage approve st-pkg@1.0.0', { package: dir });
      assert.equal(approved.report.error, undefined, String(approved.report.error));
      assert.deepEqual(
        [approved.report.results[0]?.outcome, approved.report.results[0]?.stageId, approved.report.results[0]?.otpAttempts],
        ['done', stageId, 1],
      );
      assert.match(approved.report.results[0]?.detail ?? '', /the checkout packs to the same tarball/);
      const packument = await registry.packument('st-pkg');
      assert.equal(packument['dist-tags'].next, '1.0.0');
      assert.equal(packument.versions['1.0.0'].dist.shasum, item?.shasum);
      assert.deepEqual(
        requests('POST', '/approve').map((request) => [request.path, request.otpAccepted, request.body]),
        [[`/-/stage/${stageId}/approve`, true, undefined]],
      );

      registry.clearRequests();
      const skip = await run('stage approve st-pkg@1.0.0\nstage publish', { package: dir });
      assert.equal(skip.report.error, undefined, String(skip.report.error));
      assert.deepEqual(outcomes(skip.report), ['unchanged', 'unchanged']);
      assert.match(skip.report.results[0]?.detail ?? '', /st-pkg@1\.0\.0 is already published: nothing to approve/);
      assert.deepEqual(writes(), []);

      await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'st-pkg', version: '1.1.0' }));
      const second = await run('stage publish --tag next', { package: dir });
      const secondId = second.report.results[0]?.stageId as string;
      const rejected = await run(`stage reject ${secondId}\nstage reject st-pkg@1.1.0`);
      assert.equal(rejected.report.error, undefined, String(rejected.report.error));
      assert.deepEqual(outcomes(rejected.report), ['done', 'unchanged']);
      assert.deepEqual(registry.staged('st-pkg'), []);
    });

    it('refuses to approve an entry whose tarball is not what the checkout packs to', async () => {
      const dir = await makePackage({ 'index.js': '6;\n' }, { name: 'st-mismatch', version: '1.0.0' });
      const staged = await run('stage publish', { package: dir });
      assert.equal(staged.report.error, undefined, String(staged.report.error));
      await writeFile(path.join(dir, 'index.js'), '7;\n');
      registry.clearRequests();
      const { report } = await run('stage approve st-mismatch@1.0.0', { package: dir });
      assert.equal((report.error as { code?: string }).code, 'ESTAGEMISMATCH');
      assert.match(report.results[0]?.detail ?? '', /st-mismatch@1\.0\.0 staged as [0-9a-f-]{36} is not what this checkout packs to/);
      assert.deepEqual(writes(), [], 'nothing approved');
      assert.equal(registry.staged('st-mismatch').length, 1);
    });

    it('refuses, before any write, to approve what is neither staged nor published', async () => {
      const dir = await makePackage({ 'index.js': '8;\n' }, { name: 'st-nothing', version: '1.0.0' });
      await run('stage publish', { package: dir });
      registry.clearRequests();
      const { report } = await run('stage approve st-nothing@1.0.0 st-nothing@2.0.0 0b1f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a01', { package: dir });
      assert.deepEqual(outcomes(report), ['not-run', 'failed', 'not-run']);
      assert.match(report.results[1]?.detail ?? '', /st-nothing@2\.0\.0 is neither staged nor published/);
      assert.deepEqual(writes(), []);
    });

    it('without a TOTP secret, stages but fails with EOTP on approve and reject', async () => {
      const dir = await makePackage({ 'index.js': '9;\n' }, { name: 'st-nocode', version: '1.0.0' });
      const raw = { token: alice.token, registry: registry.url, package: dir };
      const staged = await runBlockInProcess(raw, 'stage publish\nstage list st-nocode');
      assert.equal(staged.report.error, undefined, String(staged.report.error));
      for (const line of ['stage approve st-nocode@1.0.0', 'stage reject st-nocode@1.0.0']) {
        const { report } = await runBlockInProcess(raw, line);
        assert.equal((report.error as { code?: string })?.code, 'EOTP', line);
      }
    });

    it('stage publish --workspaces then stage approve --workspaces publishes every package in dependency order, byte for byte as staged', async () => {
      const repo = await makeMonorepo(eightPackages('stmono'));
      cleanups.push(repo.cleanup);
      registry.clearRequests();
      const staged = await run('stage publish --workspaces', { package: repo.root });
      assert.equal(staged.report.error, undefined, String(staged.report.error));
      assert.ok(
        staged.report.packages?.every((entry) => entry.outcome === 'staged' && UUID.test(entry.stageId ?? '')),
        JSON.stringify(staged.report.packages),
      );
      assert.ok(staged.report.results.every((result) => result.outcome === 'staged' && result.command.startsWith('stage publish @stmono/')));
      assert.ok(
        registry.requests.every((request) => !request.otpSent),
        'no code sent while staging',
      );
      const shasums = new Map(
        registry
          .staged()
          .filter((item) => item.packageName.startsWith('@stmono/'))
          .map((item) => [item.packageName, item.shasum]),
      );
      assert.equal(shasums.size, 8);

      const again = await run('stage publish --workspaces', { package: repo.root });
      assert.ok(
        again.report.packages?.every((entry) => entry.outcome === 'unchanged'),
        JSON.stringify(again.report.packages),
      );

      registry.clearRequests();
      const approved = await run('stage approve --workspaces', { package: repo.root });
      assert.equal(approved.report.error, undefined, String(approved.report.error));
      assert.ok(
        approved.report.results.every((result) => result.outcome === 'done'),
        JSON.stringify(approved.report.results),
      );
      const order = approved.report.results.map((result) => result.command.replace('stage approve @stmono/', '').replace('@1.0.0', ''));
      for (const [before, after] of [
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'd'],
        ['e', 'f'],
        ['g', 'h'],
      ] as const)
        assert.ok(order.indexOf(before) < order.indexOf(after), `${before} before ${after}: ${order.join(' ')}`);
      assert.equal(requests('POST', '/approve').length, 8);
      for (const [name, shasum] of shasums) {
        const version = (await registry.packument(name)).versions['1.0.0'];
        assert.equal(version.dist.shasum, shasum, name);
        const served = Buffer.from(await (await fetch(String(version.dist.tarball))).arrayBuffer());
        assert.equal(sha1(served), shasum, `${name}: the published tarball is the staged one`);
      }
      registry.clearRequests();
      const rerun = await run('stage approve --workspaces\nstage reject --workspaces', { package: repo.root });
      assert.equal(rerun.report.results.length, 16);
      assert.ok(
        rerun.report.results.every((result) => result.outcome === 'unchanged'),
        JSON.stringify(rerun.report.results),
      );
      assert.match(
        rerun.report.results[8]?.detail ?? '',
        /nothing is staged as @stmono\/\w@1\.0\.0 \(@stmono\/\w@1\.0\.0 is published: stage reject cannot remove it\)/,
      );
      assert.deepEqual(writes(), []);
    });

    it('a dry run approves nothing and says what it would do', async () => {
      const dir = await makePackage({ 'index.js': '10;\n' }, { name: 'st-dry', version: '1.0.0' });
      await run('stage publish', { package: dir });
      registry.clearRequests();
      const { report } = await run('stage approve st-dry@1.0.0 --dry-run\nstage reject st-dry@1.0.0 --dry-run', { package: dir });
      assert.equal(report.error, undefined, String(report.error));
      assert.deepEqual(outcomes(report), ['dry-run', 'dry-run']);
      assert.match(
        report.results[0]?.detail ?? '',
        /would approve [0-9a-f-]{36}, publishing st-dry@1\.0\.0 with tag latest; the checkout packs to the same tarball/,
      );
      assert.deepEqual(writes(), []);
      assert.equal(registry.staged('st-dry').length, 1);
    });
  });
});
