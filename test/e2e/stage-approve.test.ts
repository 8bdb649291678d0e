import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import PackageJson from '@npmcli/package-json';
import libnpmpublish from 'libnpmpublish';
import { packDirectory } from '../../src/package/pack.ts';
import { makePackage, runAction } from '../helpers/action.ts';
import { runBlockInProcess } from '../helpers/core.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { stagePublish } from '../registry/http-client.ts';

interface Row {
  command: string;
  outcome: string;
  detail: string;
}

/**
 * `stage approve <pkg>@<version>` through the bundled action, as the approve
 * job of examples/workflows/stage-and-approve.yml runs it: a staged version is
 * published only when what the registry will serve is what the checkout
 * would publish.
 */
describe('stage approve never publishes what the checkout would not', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  const rows = (outputs: Record<string, string>): Row[] => JSON.parse(outputs.results ?? '[]');
  const approvals = () => registry.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/approve'));
  const approve = (dir: string, commands: string, inputs: Record<string, string> = {}) =>
    runAction({ inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir, commands, ...inputs } });
  /** Stages the folder as it is now, by the product itself (without provenance, as a stage job with it would sign one). */
  const stage = async (dir: string, extra: Record<string, string> = {}) => {
    const { report } = await runBlockInProcess({ token: alice.token, registry: registry.url, package: dir, provenance: 'false', ...extra }, 'stage publish');
    assert.equal(report.error, undefined, String(report.error));
  };

  before(async () => {
    alice = await registry.addUser('alice');
  });

  describe('when setting up the comparison fails (issue 18, finding 1)', () => {
    it('refuses a staged tarball with other contents although package.json asks for provenance the approve job cannot sign', async () => {
      const dir = await makePackage({ 'index.js': 'good;\n' }, { name: 'ap-prov', version: '1.0.0', publishConfig: { provenance: true } });
      await writeFile(path.join(dir, 'index.js'), 'evil;\n');
      await stage(dir);
      await writeFile(path.join(dir, 'index.js'), 'good;\n');
      registry.clearRequests();
      // GitHub Actions without `id-token: write`, as in the example's approve job.
      const run = await approve(dir, 'stage approve ap-prov@1.0.0');
      assert.equal(run.code, 1, run.stdout);
      const [row] = rows(run.outputs);
      assert.equal(row?.outcome, 'failed');
      assert.match(row?.detail ?? '', /ap-prov@1\.0\.0 staged as [0-9a-f-]{36} is not what this checkout packs to/);
      assert.deepEqual(approvals(), [], 'nothing approved');
      assert.equal(registry.staged('ap-prov').length, 1);
      assert.equal(await registry.packument('ap-prov'), undefined);
    });

    it('compares without provenance, and approves a staged tarball the checkout packs to', async () => {
      const dir = await makePackage({ 'index.js': 'same;\n' }, { name: 'ap-prov-same', version: '1.0.0', publishConfig: { provenance: true } });
      await stage(dir);
      const run = await approve(dir, 'stage approve ap-prov-same@1.0.0');
      assert.equal(run.code, 0, run.stdout);
      const [row] = rows(run.outputs);
      assert.equal(row?.outcome, 'done');
      assert.match(row?.detail ?? '', /the checkout packs to the same tarball/);
    });

    it('refuses, before any write, to approve the name and version of a checkout that cannot be packed for comparing', async () => {
      const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'ap-private', version: '1.0.0', private: true });
      const staged = await stagePublish(registry.url, 'ap-private', '1.0.0', { token: alice.token });
      assert.equal(staged.status, 201);
      const { stageId } = (await staged.json()) as { stageId: string };
      for (const target of ['ap-private@1.0.0', stageId]) {
        registry.clearRequests();
        const run = await approve(dir, `stage approve ${target}`);
        assert.equal(run.code, 1, run.stdout);
        const [row] = rows(run.outputs);
        assert.equal(row?.outcome, 'failed', target);
        assert.match(row?.detail ?? '', /ap-private@1\.0\.0.*cannot be compared.*"private"/s, target);
        assert.deepEqual(
          registry.requests.filter((request) => request.method !== 'GET'),
          [],
          `${target}: nothing written`,
        );
      }
      assert.equal(registry.staged('ap-private').length, 1);
    });
  });

  describe('what the registry will publish besides the tarball (issue 18, finding 2)', () => {
    /** Stages the checkout's own tarball with a version document of the stager's choosing (manifest confusion), as libnpmpublish sends it. */
    async function stageConfused(
      dir: string,
      change: (manifest: Record<string, unknown>) => Record<string, unknown>,
      opts: { tag?: string; access?: 'public' | 'restricted' } = {},
    ) {
      const manifest = (await (await PackageJson.fix(dir, { changes: [] })).prepare()).content as Record<string, unknown>;
      const { data } = await packDirectory(dir);
      const host = new URL(registry.url).host;
      await libnpmpublish.publish(change(manifest) as never, data, {
        registry: registry.url,
        [`//${host}/:_authToken`]: alice.token,
        stage: true,
        defaultTag: opts.tag ?? 'latest',
        access: opts.access ?? null,
      } as never);
    }

    it('fails the step loudly when the published version document adds a dependency the checkout does not have', async () => {
      const dir = await makePackage({ 'index.js': 'x;\n' }, { name: 'ap-confused', version: '1.0.0', bin: { 'ap-confused': 'index.js' } });
      await stageConfused(dir, (manifest) => ({ ...manifest, dependencies: { 'evil-dep': '^1.0.0' }, scripts: { postinstall: 'node evil.js' } }));
      const run = await approve(dir, 'stage approve ap-confused@1.0.0');
      assert.equal(run.code, 1, run.stdout);
      const [row] = rows(run.outputs);
      assert.equal(row?.outcome, 'failed');
      assert.match(row?.detail ?? '', /ap-confused@1\.0\.0 is published.*differs from what this checkout would publish in dependencies, scripts/s);
      assert.match(row?.detail ?? '', /deprecate.*unpublish/s);
      assert.match(run.stdout, /^::error [^\n]*::ap-confused@1\.0\.0 is published/m, 'an annotation on the step');
      assert.deepEqual(
        (await registry.packument('ap-confused')).versions['1.0.0'].dependencies,
        { 'evil-dep': '^1.0.0' },
        'the registry serves what was staged',
      );
    });

    it('refuses before approving a staged tag or access other than the checkout chooses', async () => {
      const tagged = await makePackage({ 'index.js': 't;\n' }, { name: 'ap-tag', version: '1.0.0', publishConfig: { tag: 'next' } });
      await stageConfused(tagged, (manifest) => manifest, { tag: 'latest' });
      const scoped = await makePackage({ 'index.js': 'a;\n' }, { name: '@ap/restricted', version: '1.0.0', publishConfig: { access: 'restricted' } });
      await stageConfused(scoped, (manifest) => manifest, { access: 'public' });
      registry.clearRequests();
      for (const [dir, target, field] of [
        [tagged, 'ap-tag@1.0.0', /tag latest.*this checkout publishes it with tag next/s],
        [scoped, '@ap/restricted@1.0.0', /access public.*this checkout publishes it with access restricted/s],
      ] as const) {
        const run = await approve(dir, `stage approve ${target}`);
        assert.equal(run.code, 1, run.stdout);
        const [row] = rows(run.outputs);
        assert.equal(row?.outcome, 'failed', target);
        assert.match(row?.detail ?? '', field, target);
      }
      assert.deepEqual(approvals(), [], 'nothing approved');
    });

    it('approves, and checks the published version document, when it matches the checkout', async () => {
      const dir = await makePackage(
        { 'index.js': 'ok;\n' },
        { name: 'ap-clean', version: '1.0.0', bin: { 'ap-clean': 'index.js' }, dependencies: { semver: '^7.0.0' }, engines: { node: '>=20' } },
      );
      await stage(dir);
      const run = await approve(dir, 'stage approve ap-clean@1.0.0');
      assert.equal(run.code, 0, run.stdout);
      const [row] = rows(run.outputs);
      assert.equal(row?.outcome, 'done');
      assert.match(row?.detail ?? '', /the published version document matches the checkout/);
    });
  });
});
