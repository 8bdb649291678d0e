/**
 * The publish plan at its edges (issue: one plan, settled before anything
 * runs): where a package goes, re-runs that converge, refusals made before
 * any script, npm's scripts after the upload, and script output as it comes.
 */
import assert from 'node:assert/strict';
import { readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { packDuringCheck } from '../../src/commands/publish.ts';
import type { PublishPlan } from '../../src/plan/types.ts';
import { InputError } from '../../src/foundation/errors.ts';
import type { Logger } from '../../src/foundation/logger.ts';
import { type LifecycleEvent, runScript } from '../../src/package/scripts.ts';
import { makePackage } from '../helpers/action.ts';
import { publishInProcess, runBlockInProcess } from '../helpers/core.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

describe('the publish plan', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };

  before(async () => {
    user = await registry.addUser('plan-publisher');
  });

  const SENTINEL = 'prepack-ran';
  const watched = (manifest: Record<string, unknown>, files: Record<string, string> = {}) =>
    makePackage({ 'index.js': '1;\n', ...files }, { scripts: { prepack: `node -e "require('fs').writeFileSync('${SENTINEL}', '')"` }, ...manifest });
  const ran = async (dir: string) => (await stat(path.join(dir, SENTINEL)).catch(() => undefined)) !== undefined;
  const publish = (dir: string, extra: Record<string, string> = {}, env?: NodeJS.ProcessEnv) =>
    publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: dir, ...extra }, dir, env);

  describe('goes only where the package says it goes', () => {
    it('stops, naming both registries, when publishConfig.registry names another one; the token goes nowhere', async () => {
      const dir = await watched({ name: 'pc-elsewhere', version: '1.0.0', publishConfig: { registry: 'https://npm.pkg.github.com/' } });
      registry.clearRequests();
      const { report } = await publish(dir);
      const error = report.error as InputError;
      assert.ok(error instanceof InputError, String(error));
      assert.equal(error.input, 'registry');
      assert.match(
        error.message,
        /^registry: pc-elsewhere says "publishConfig": \{"registry": "https:\/\/npm\.pkg\.github\.com\/"\} in .+package\.json, but this run publishes to registry \(http:\/\/127\.0\.0\.1:\d+\/\)\. Set registry to https:\/\/npm\.pkg\.github\.com\/ .+nothing was sent\.$/,
      );
      assert.deepEqual(registry.requests, [], 'not one request');
      assert.equal(await ran(dir), false, 'no script ran');
    });

    it('names the default registry as the default when the registry input is left empty', async () => {
      const dir = await watched({ name: 'pc-default', version: '1.0.0', publishConfig: { registry: registry.url } });
      const { report } = await publishInProcess({ token: user.token, otpSecret: user.secret, package: dir }, dir);
      assert.match((report.error as Error).message, /this run publishes to registry \(default https:\/\/registry\.npmjs\.org\/\)/);
    });

    it('publishes when publishConfig.registry is the registry in effect (trailing slash or not)', async () => {
      const dir = await makePackage(
        { 'index.js': '1;\n' },
        { name: 'pc-same', version: '1.0.0', publishConfig: { registry: registry.url.replace(/\/$/, '') } },
      );
      const { report } = await publish(dir);
      assert.equal(report.error, undefined, String(report.error));
      assert.equal(report.published, true);
    });

    it("stops when the project's .npmrc maps the package's scope to another registry, ${VAR} expanded as npm does", async () => {
      const dir = await watched(
        { name: '@corp/internal', version: '1.0.0' },
        { '.npmrc': 'registry=${PLAN_TEST_REGISTRY}\n@corp:registry=https://npm.corp.example/\n' },
      );
      registry.clearRequests();
      const { report } = await publish(dir, {}, { ...process.env, PLAN_TEST_REGISTRY: registry.url });
      assert.match(
        (report.error as Error).message,
        /^registry: .+\.npmrc sets @corp:registry=https:\/\/npm\.corp\.example\/, so npm would publish @corp\/internal there, but this run publishes to registry \(http:\/\/127\.0\.0\.1:\d+\/\)/,
      );
      assert.deepEqual(registry.requests, []);
      assert.equal(await ran(dir), false);
    });

    it("stops when the .npmrc's registry= names another registry for an unscoped package, and refuses an unset ${VAR}", async () => {
      const dir = await watched({ name: 'rc-elsewhere', version: '1.0.0' }, { '.npmrc': '; comment\nregistry = "https://mirror.example/npm/"\n' });
      const { report } = await publish(dir);
      assert.match((report.error as Error).message, /\.npmrc sets registry=https:\/\/mirror\.example\/npm\/, so npm would publish rc-elsewhere there/);
      const unset = await watched({ name: 'rc-unset', version: '1.0.0' }, { '.npmrc': 'registry=${PLAN_TEST_NOT_SET}\n' });
      const refused = await publish(unset, {}, { PATH: process.env.PATH });
      assert.match((refused.report.error as Error).message, /^package: .+\.npmrc names \$\{PLAN_TEST_NOT_SET\}, which is not set in the environment/);
      assert.equal(await ran(unset), false);
    });

    it('accepts an .npmrc that agrees, and ignores its auth lines', async () => {
      const dir = await makePackage(
        { 'index.js': '1;\n', '.npmrc': `registry=${registry.url}\n//127.0.0.1/:_authToken=\${NODE_AUTH_TOKEN?}\n` },
        { name: 'rc-same', version: '1.0.0' },
      );
      const { report } = await publish(dir);
      assert.equal(report.error, undefined, String(report.error));
    });
  });

  describe('decides from one read of the registry before any script runs', () => {
    it('refuses a version lower than the highest under an implicit latest, after one GET and before prepack', async () => {
      await publish(await makePackage({ 'index.js': '1;\n' }, { name: 'plan-lower', version: '2.0.0' }));
      const dir = await watched({ name: 'plan-lower', version: '1.5.0' });
      registry.clearRequests();
      const { report } = await publish(dir);
      assert.match((report.error as Error).message, /^tag: plan-lower@1\.5\.0 is lower than the highest published version, 2\.0\.0/);
      assert.equal(await ran(dir), false, 'prepack did not run');
      assert.deepEqual(
        registry.requests.map((request) => `${request.method} ${request.path}`),
        ['GET /plan-lower'],
      );
      assert.equal(report.results[0]?.otpAttempts, 0);
    });

    it('stops a block before its first line runs when a later publish is refused by that read', async () => {
      await publish(await makePackage({ 'index.js': '1;\n' }, { name: 'plan-block', version: '3.0.0' }));
      const dir = await watched({ name: 'plan-block', version: '2.9.0' });
      registry.clearRequests();
      const second = await runBlockInProcess(
        { token: user.token, otpSecret: user.secret, registry: registry.url, package: dir },
        `dist-tag add plan-block@3.0.0 stable\npublish ${dir}`,
        dir,
      );
      assert.deepEqual(
        second.report.results.map((result) => result.outcome),
        ['not-run', 'failed'],
      );
      assert.deepEqual(
        registry.requests.filter((request) => request.method !== 'GET'),
        [],
        'no write',
      );
      assert.equal(await ran(dir), false);
    });

    it('reads and packs a folder without scripts while the registry answers, and still reports the read first', async () => {
      // Without scripts before packing, the folder is read during the preflight read; its failure (a README.md
      // pointing nowhere) must not overtake the read's own refusal.
      const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'plan-early', version: '1.0.0' });
      await symlink(path.join(dir, 'nowhere.md'), path.join(dir, 'README.md'));
      registry.fail({ method: 'GET', path: '/plan-early', times: 1, status: 403, body: { error: 'Forbidden by the test' } });
      const refused = await publish(dir);
      assert.match(
        (refused.report.error as Error).message,
        /^Reading plan-early from .+ before publishing failed: 403 Forbidden by the test\. Nothing was sent/,
      );
      // The registry answers now: the folder's own failure is the one reported, and nothing was sent.
      registry.clearRequests();
      const broken = await publish(dir);
      assert.match(String(broken.report.error), /ENOENT/);
      assert.deepEqual(
        registry.requests.map((request) => request.method),
        ['GET'],
      );
      await rm(path.join(dir, 'README.md'));
      const published = await publish(dir);
      assert.equal(published.report.error, undefined, String(published.report.error));
      assert.equal(published.report.published, true);
    });

    it('reads a folder early only when no script runs before packing, and never a .tgz', async () => {
      const plan = (scripts: LifecycleEvent[], kind: 'folder' | 'tarball' = 'folder') =>
        ({ name: 'x', version: '1.0.0', scripts, source: kind === 'folder' ? { kind, dir: '/nowhere', manifest: {} } : { kind } }) as unknown as PublishPlan;
      for (const before of ['prepublishOnly', 'prepack', 'prepare'] as const) assert.equal(packDuringCheck(plan([before, 'postpack'])), undefined, before);
      assert.equal(packDuringCheck(plan([], 'tarball')), undefined);
      const packing = packDuringCheck(plan(['postpack', 'publish', 'postpublish']));
      assert.ok(packing instanceof Promise);
      await assert.rejects(packing);
    });
  });

  describe('re-runs converge', () => {
    it('sets the asked-for tag on a version already published with the same contents (outcome tagged), once', async () => {
      const dir = await makePackage({ 'index.js': 'export default 1;\n' }, { name: 'rerun-tag', version: '1.0.0' });
      assert.equal((await publish(dir)).report.published, true);
      const second = await publish(dir, { tag: 'next' });
      assert.equal(second.report.error, undefined, String(second.report.error));
      assert.equal(second.report.published, false);
      assert.equal(second.report.results[0]?.outcome, 'tagged');
      assert.equal(second.report.results[0]?.otpAttempts, 1);
      assert.equal((await registry.packument('rerun-tag'))['dist-tags'].next, '1.0.0');
      const third = await publish(dir, { tag: 'next' });
      assert.equal(third.report.results[0]?.outcome, 'unchanged');
      assert.equal(third.report.results[0]?.otpAttempts, 0);
    });

    it('leaves latest alone when no tag was asked for', async () => {
      const dir = await makePackage({ 'index.js': 'export default 2;\n' }, { name: 'rerun-implicit', version: '1.0.0' });
      await publish(dir, { tag: 'beta' });
      const again = await publish(dir);
      assert.equal(again.report.results[0]?.outcome, 'unchanged');
      assert.equal((await registry.packument('rerun-implicit'))['dist-tags'].latest, '1.0.0', 'the first publish set latest; nothing moved it');
    });
  });

  it('runs publish and postpublish after the upload, as npm does, and not on a re-run', async () => {
    const record = (event: string) => `node -e "require('fs').appendFileSync('order.txt', '${event}\\n')"`;
    const events = ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'];
    const dir = await makePackage(
      { 'index.js': '1;\n', '.npmignore': 'order.txt\n' },
      { name: 'after-upload', version: '1.0.0', scripts: Object.fromEntries(events.map((event) => [event, record(event)])) },
    );
    const { report } = await publish(dir);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual((await readFile(path.join(dir, 'order.txt'), 'utf8')).trim().split('\n'), events);
    await writeFile(path.join(dir, 'order.txt'), '');
    await publish(dir);
    assert.deepEqual(
      (await readFile(path.join(dir, 'order.txt'), 'utf8')).trim().split('\n'),
      ['prepack', 'prepare', 'postpack'],
      'only the packing scripts, to compare contents',
    );
  });
});

describe('package scripts', () => {
  it('relay their output line by line as it comes, not when they end', async () => {
    const dir = await makePackage({}, { name: 'streaming', version: '1.0.0' });
    const go = path.join(dir, 'go');
    // The script prints a line, then waits (at most 10 s) for the test to answer that line before printing the next.
    const script = `node -e "console.log('first'); const fs = require('fs'); const end = Date.now() + 10000; (function wait() { if (fs.existsSync('go')) { console.log('second'); } else if (Date.now() > end) { console.log('timed out'); } else setTimeout(wait, 20); })()"`;
    const relayed: string[] = [];
    const logger: Logger = {
      debug() {},
      info() {},
      warning() {},
      error() {},
      notice() {},
      mask() {},
      relay: (text) => {
        relayed.push(...text.split('\n'));
        if (text.includes('first')) void writeFile(go, '');
      },
    };
    await runScript({ dir, manifest: { name: 'streaming', scripts: { prepack: script } }, event: 'prepack', env: { PATH: process.env.PATH ?? '' }, logger });
    assert.deepEqual(relayed, ['first', 'second']);
  });

  it('see only the environment they are given, with stdin closed', async () => {
    const dir = await makePackage({}, { name: 'env-only', version: '1.0.0' });
    process.env.PLAN_TEST_SECRETISH = 'must-not-leak';
    try {
      const dump = `node -e "require('fs').writeFileSync('env.json', JSON.stringify({ env: process.env, stdin: require('fs').readFileSync(0, 'utf8') }))"`;
      await runScript({
        dir,
        manifest: { name: 'env-only', version: '1.0.0', scripts: { prepack: dump } },
        event: 'prepack',
        env: { PATH: process.env.PATH ?? '', KEEP: 'yes' },
        logger: { debug() {}, info() {}, warning() {}, error() {}, notice() {}, mask() {}, relay() {} },
      });
      const seen = JSON.parse(await readFile(path.join(dir, 'env.json'), 'utf8')) as { env: Record<string, string>; stdin: string };
      assert.equal(seen.env.PLAN_TEST_SECRETISH, undefined);
      assert.equal(seen.env.KEEP, 'yes');
      assert.equal(seen.env.npm_package_name, 'env-only');
      assert.equal(seen.env.npm_lifecycle_event, 'prepack');
      assert.equal(seen.stdin, '');
    } finally {
      delete process.env.PLAN_TEST_SECRETISH;
    }
  });

  it('fail with the event, the package and the exit code', async () => {
    const dir = await makePackage({}, { name: 'failing', version: '1.0.0' });
    await assert.rejects(
      runScript({
        dir,
        manifest: { name: 'failing', scripts: { prepack: 'exit 3' } },
        event: 'prepack',
        env: { PATH: process.env.PATH ?? '' },
        logger: { debug() {}, info() {}, warning() {}, error() {}, notice() {}, mask() {}, relay() {} },
      }),
      /^ScriptFailedError: The prepack script of failing failed \(exit code 3\); its output is above\.$/,
    );
  });
});
