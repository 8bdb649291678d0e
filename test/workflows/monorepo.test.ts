import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Parser, type ReadEntry } from 'tar';
import { runAction } from '../helpers/action.ts';
import { makeMonorepo, npmMonorepo } from '../helpers/monorepo.ts';
// @ts-expect-error: a plain JavaScript script without type declarations
import { workflowFiles } from '../../scripts/lint-workflows.js';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import {
  actionInputs,
  actionStep,
  type Context,
  condition,
  pathFilterMatches,
  readWorkflow,
  runStep,
  stepById,
  tagFilterMatches,
  type Workflow,
} from './helpers.ts';

/** One package of the action's `packages` output. */
interface PackageEntry {
  name: string;
  version: string;
  tag: string;
  outcome: string;
  detail: string;
}

/** The file names inside a tarball, without the leading `package/`. */
async function tarballFiles(data: Buffer): Promise<string[]> {
  const files: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        files.push(entry.path.replace(/^package\//, ''));
        entry.resume();
      },
    });
    parser.on('end', resolve);
    parser.on('error', reject);
    parser.end(data);
  });
  return files.sort();
}

/**
 * examples/workflows/monorepo-release.yml: its build and publish steps, and
 * the report after them, on the 10-package npm-workspaces fixture (9 public
 * packages, one private), for both events that start it: a pushed v* tag and
 * a push to main that changes a package.json (a changesets "Version Packages"
 * merge). The checkout is the monorepo's root (the workspace); setup-node is
 * the project's Node 24 first on PATH; `npm ci` is not run (the fixture has
 * no dependencies outside itself). The example publishes to npmjs, so the test
 * adds `registry:` pointing at the test registry. Both events give the action
 * the same inputs; otp-uses is left at auto, which knows no reuse limit for the
 * test registry, so no run waits for a code window.
 */
describe('examples/workflows/monorepo-release.yml', () => {
  const registry = suiteRegistry();
  let secrets: { NPM_TOKEN: string; NPM_TOTP_SECRET: string };
  let workflow: Workflow;
  let job: Workflow;
  const cleanups: Array<() => Promise<void>> = [];

  before(async () => {
    const user = await registry.addUser('monorepo-bot');
    secrets = { NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret };
    workflow = await readWorkflow('examples/workflows/monorepo-release.yml');
    job = workflow.jobs.publish;
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  /** The `github` context of each event. */
  const events = {
    tag: (tag: string) => ({
      event_name: 'push',
      ref: `refs/tags/${tag}`,
      ref_name: tag,
      ref_type: 'tag',
      repository: 'octo-org/wf-monorepo',
      workflow: 'monorepo release',
    }),
    main: () => ({
      event_name: 'push',
      ref: 'refs/heads/main',
      ref_name: 'main',
      ref_type: 'branch',
      repository: 'octo-org/wf-monorepo',
      workflow: 'monorepo release',
    }),
  };
  type Github = ReturnType<typeof events.main>;

  /** Runs the workflow's publish step for `github`'s event, with the monorepo at `root` as the workspace. */
  async function publish(github: Github, root: string) {
    const inputs = await actionInputs(actionStep(job), { github, secrets }, { registry: registry.url });
    const run = await runAction({
      inputs,
      cwd: root,
      env: {
        GITHUB_EVENT_NAME: github.event_name,
        GITHUB_REF: github.ref,
        GITHUB_REF_NAME: github.ref_name,
        GITHUB_REF_TYPE: github.ref_type,
        GITHUB_WORKSPACE: root,
      },
    });
    const packages: PackageEntry[] = run.outputs.packages === undefined ? [] : JSON.parse(run.outputs.packages);
    return { run, inputs, packages, outcomes: Object.fromEntries(packages.map((entry) => [entry.name, entry.outcome])) };
  }

  /**
   * Runs the Report step after a publish, as the runner would (when its `if:` holds) with the job standing at `status`.
   * An output the step did not set reads as '' (GitHub's value for it).
   */
  async function report(outputs: Record<string, string>, status: 'success' | 'failure' | 'cancelled', root: string) {
    const step = stepById(job, 'Report');
    const context: Context = { steps: { publish: { outputs: { packages: '', ...outputs } } }, job: { status } };
    if (!condition(step.if, context)) return undefined;
    return runStep(step, context, { workspace: root, runnerTemp: os.tmpdir() });
  }

  /** The packages whose publish reached the registry (`PUT /<name>` answered 201), in arrival order. */
  const puts = () =>
    registry.requests.filter((request) => request.method === 'PUT' && request.status === 201).map((request) => decodeURIComponent(request.path.slice(1)));
  const writes = () => registry.requests.filter((request) => request.method !== 'GET');
  const every = (prefix: string, outcome: string, names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'x', 'y']) =>
    Object.fromEntries(names.map((short) => [`@${prefix}/${short}`, outcome]));

  /** Sets fields of one fixture package's package.json, as a "Version Packages" merge would. */
  async function edit(root: string, folder: string, fields: Record<string, unknown>) {
    const file = path.join(root, folder, 'package.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, `${JSON.stringify({ ...manifest, ...fields }, null, 2)}\n`);
  }

  it("is one of the workflows lint.test.ts lints with actionlint and the project's own checks", () => {
    assert.ok((workflowFiles() as string[]).includes('examples/workflows/monorepo-release.yml'));
  });

  it('runs on v* tags, and on pushes to main that change a package.json', () => {
    assert.deepEqual(Object.keys(workflow.on), ['push'], 'no other event');
    const push = workflow.on.push;
    assert.ok(tagFilterMatches(push.tags, 'refs/tags/v1.2.3'));
    assert.ok(tagFilterMatches(push.tags, 'refs/tags/v2.0.0-rc.1'));
    assert.ok(!tagFilterMatches(push.tags, 'refs/tags/1.2.3'));
    assert.deepEqual(push.branches, ['main']);
    // GitHub evaluates path filters for branch pushes only; a pushed tag runs whatever it changed.
    assert.ok(pathFilterMatches(push.paths, 'packages/a/package.json'), 'a changesets version bump');
    assert.ok(!pathFilterMatches(push.paths, 'packages/a/index.js'), 'a code change alone publishes nothing');
    assert.ok(!pathFilterMatches(push.paths, 'package.json'), "the root's package.json");
    assert.ok(!pathFilterMatches(push.paths, 'packages/a/node_modules/x/package.json'));
  });

  it('gives the action the same inputs for both events: every workspace, 4 at once, codes paced by otp-uses auto, no tag, no expect-version', async () => {
    const onTag = await actionInputs(actionStep(job), { github: events.tag('v1.0.0'), secrets });
    const onMain = await actionInputs(actionStep(job), { github: events.main(), secrets });
    assert.deepEqual(onTag, onMain);
    assert.deepEqual([onTag.workspaces, onTag.concurrency, onTag['otp-uses'], onTag['include-workspace-root']], ['true', '4', 'auto', 'false']);
    assert.deepEqual([onTag.token, onTag['otp-secret']], [secrets.NPM_TOKEN, secrets.NPM_TOTP_SECRET]);
    assert.equal(onTag.tag, undefined, 'the tag is up to each package (publishConfig.tag), never the workflow');
    assert.equal(onTag['expect-version'], undefined, 'expect-version checks one package; a monorepo has many');
    assert.equal(onTag.package, '.', 'the checkout is the monorepo root');
  });

  it('publishes in an environment, one run at a time per workflow, never cancelled midway, with a read-only token', () => {
    assert.equal(job.environment, 'npm');
    assert.equal(job.concurrency['cancel-in-progress'], false);
    assert.match(job.concurrency.group, /\$\{\{ github\.repository \}\}-\$\{\{ github\.workflow \}\}$/);
    assert.deepEqual(workflow.permissions, { contents: 'read' });
    assert.deepEqual(job.permissions, { contents: 'read' });
    const runs = (job.steps as Workflow[]).map((step) => step.run).filter(Boolean);
    assert.deepEqual(runs.slice(0, 3), ['npm ci', 'npm run build --workspaces --if-present', 'npm test --workspaces --if-present']);
    for (const step of job.steps as Workflow[]) {
      if (step === actionStep(job)) continue;
      assert.doesNotMatch(JSON.stringify(step), /secrets\./, `${step.name ?? step.run ?? step.uses}: no secret outside the action's step`);
    }
  });

  describe('on the npm-workspaces fixture', () => {
    let root: string;

    before(async () => {
      const spec = npmMonorepo('wfmono');
      // One package builds (the others have no build script: --if-present skips them).
      spec.packages['packages/a'] = {
        ...spec.packages['packages/a'],
        scripts: { build: "node -e \"require('fs').writeFileSync('built.js', 'module.exports = 1;\\n')\"" },
      };
      const repo = await makeMonorepo(spec);
      cleanups.push(repo.cleanup);
      root = repo.root;
    });

    it('on a pushed tag: builds the workspaces, publishes every public package (what was built included) and lists the private one', async () => {
      for (const command of ['npm run build --workspaces --if-present', 'npm test --workspaces --if-present']) {
        const step = (job.steps as Workflow[]).find((candidate) => candidate.run === command) as Workflow;
        const built = await runStep(step, { github: events.tag('v1.0.0') }, { workspace: root, runnerTemp: os.tmpdir() });
        assert.equal(built.code, 0, `${command}\n${built.stdout}${built.stderr}`);
      }
      registry.clearRequests();
      const { run, packages, outcomes } = await publish(events.tag('v1.0.0'), root);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(outcomes, { ...every('wfmono', 'published'), '@wfmono/private': 'private' });
      assert.equal(packages.length, 10, 'one entry per workspace package');
      for (const entry of packages) {
        assert.equal(entry.version, '1.0.0', entry.name);
        assert.equal(entry.tag, entry.outcome === 'private' ? '' : 'latest', entry.name);
      }
      assert.equal(run.outputs.published, 'true');
      assert.equal(puts().length, 9);
      const order = puts();
      assert.ok(
        order.indexOf('@wfmono/a') < order.indexOf('@wfmono/b') && order.indexOf('@wfmono/b') < order.indexOf('@wfmono/c'),
        `dependency order: ${order.join(' ')}`,
      );
      for (const name of Object.keys(every('wfmono', ''))) {
        const packument = await registry.packument(name);
        assert.equal(packument?.['dist-tags'].latest, '1.0.0', `${name} is in the registry`);
      }
      assert.equal(await registry.packument('@wfmono/private'), undefined, 'the private package is not');
      const a = (await registry.packument('@wfmono/a')).versions['1.0.0'];
      const tarball = Buffer.from(await (await fetch(String(a.dist.tarball))).arrayBuffer());
      assert.deepEqual(await tarballFiles(tarball), ['built.js', 'index.js', 'package.json'], 'the build step ran before the publish');

      const printed = await report(run.outputs, 'success', root);
      assert.equal(printed?.code, 0, printed?.stderr);
      const lines = printed?.stdout.trim().split('\n') ?? [];
      assert.equal(lines.length, 10);
      assert.ok(lines.includes(`published\t@wfmono/a@1.0.0\tlatest\t${packages.find((entry) => entry.name === '@wfmono/a')?.detail}`), printed?.stdout);
      assert.ok(
        lines.some((line) => line.startsWith('private\t@wfmono/private@1.0.0\t\t')),
        printed?.stdout,
      );
    });

    it('on the same commit pushed to main (or a re-run): publishes nothing and sends no write', async () => {
      registry.clearRequests();
      const { run, outcomes } = await publish(events.main(), root);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(outcomes, { ...every('wfmono', 'unchanged'), '@wfmono/private': 'private' });
      assert.equal(run.outputs.published, 'false');
      assert.deepEqual(writes(), [], 'no PUT (nor any other write) reached the registry');
    });

    it('after a "Version Packages" merge that bumps one package: publishes that one only', async () => {
      await edit(root, 'packages/d', { version: '1.1.0' });
      registry.clearRequests();
      const { run, packages, outcomes } = await publish(events.main(), root);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(outcomes, { ...every('wfmono', 'unchanged'), '@wfmono/d': 'published', '@wfmono/private': 'private' });
      assert.deepEqual(packages.find((entry) => entry.name === '@wfmono/d')?.version, '1.1.0');
      assert.equal(run.outputs.published, 'true');
      assert.deepEqual(puts(), ['@wfmono/d']);
      assert.deepEqual(writes().length, 1);
      const packument = await registry.packument('@wfmono/d');
      assert.deepEqual(Object.keys(packument.versions).sort(), ['1.0.0', '1.1.0']);
      assert.equal(packument['dist-tags'].latest, '1.1.0');
    });

    it('a prerelease without publishConfig.tag stops the run before any write; with it, goes to that tag and leaves latest alone', async () => {
      await edit(root, 'packages/e', { version: '2.0.0-rc.0' });
      registry.clearRequests();
      const refused = await publish(events.main(), root);
      assert.equal(refused.run.code, 1);
      assert.match(refused.run.stdout, /::error::.*@wfmono\/e@2\.0\.0-rc\.0 is a prerelease; give an explicit tag/);
      assert.equal(refused.run.outputs.published, 'false');
      assert.deepEqual(writes(), [], 'nothing was written');

      await edit(root, 'packages/e', { publishConfig: { access: 'public', tag: 'next' } });
      registry.clearRequests();
      const { run, packages, outcomes } = await publish(events.main(), root);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(outcomes['@wfmono/e'], 'published');
      assert.equal(packages.find((entry) => entry.name === '@wfmono/e')?.tag, 'next');
      assert.deepEqual(puts(), ['@wfmono/e']);
      const packument = await registry.packument('@wfmono/e');
      assert.deepEqual([packument['dist-tags'].next, packument['dist-tags'].latest], ['2.0.0-rc.0', '1.0.0']);
    });
  });

  describe('when the registry refuses one package', () => {
    let root: string;

    before(async () => {
      const repo = await makeMonorepo(npmMonorepo('wffail'));
      cleanups.push(repo.cleanup);
      root = repo.root;
    });

    it('exits 1 with `packages` saying which failed, which were not run and which were published; the report still prints', async () => {
      registry.failPackage('@wffail/a', { status: 403, body: { error: 'You do not have permission to publish "@wffail/a".' } });
      registry.clearRequests();
      const { run, packages, outcomes } = await publish(events.tag('v1.0.0'), root);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      // Everything that depends on @wffail/a at run time waits for it, and is not run; the rest goes.
      assert.deepEqual(outcomes, {
        ...every('wffail', 'not-run', ['b', 'c', 'd', 'e', 'f']),
        ...every('wffail', 'published', ['g', 'x', 'y']),
        '@wffail/a': 'failed',
        '@wffail/private': 'private',
      });
      assert.match(packages.find((entry) => entry.name === '@wffail/a')?.detail ?? '', /403|permission/);
      assert.equal(packages.find((entry) => entry.name === '@wffail/b')?.detail, 'not run: it depends on @wffail/a, which failed');
      assert.equal(packages.find((entry) => entry.name === '@wffail/c')?.detail, 'not run: it depends on @wffail/b, which was not run');
      assert.match(
        run.stdout,
        /::error::1 workspace package failed: @wffail\/a@1\.0\.0 .*Not in the registry: .*Running the same step again publishes only what is missing\./,
      );
      assert.equal(run.outputs.published, 'true', 'some packages were uploaded by this run');
      assert.deepEqual(puts().sort(), ['@wffail/g', '@wffail/x', '@wffail/y']);
      for (const short of ['a', 'b', 'c', 'd', 'e', 'f']) assert.equal(await registry.packument(`@wffail/${short}`), undefined, short);

      const printed = await report(run.outputs, 'failure', root);
      assert.ok(printed, 'the Report step runs after a failed publish');
      assert.equal(printed.code, 0, printed.stderr);
      assert.match(printed.stdout, /^failed\t@wffail\/a@1\.0\.0\tlatest\t/m);
      assert.match(printed.stdout, /^not-run\t@wffail\/c@1\.0\.0\tlatest\tnot run: it depends on @wffail\/b, which was not run$/m);
    });

    it('a re-run publishes what is missing, and only that', async () => {
      registry.clearRequests();
      const { run, outcomes } = await publish(events.tag('v1.0.0'), root);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(outcomes, {
        ...every('wffail', 'published', ['a', 'b', 'c', 'd', 'e', 'f']),
        ...every('wffail', 'unchanged', ['g', 'x', 'y']),
        '@wffail/private': 'private',
      });
      assert.deepEqual(puts().sort(), ['@wffail/a', '@wffail/b', '@wffail/c', '@wffail/d', '@wffail/e', '@wffail/f']);
    });
  });

  it('skips the report when the publish step set no packages (it stopped before planning), or the run was cancelled', async () => {
    assert.equal(await report({ published: 'false' }, 'failure', os.tmpdir()), undefined);
    assert.equal(await report({ packages: '[]' }, 'cancelled', os.tmpdir()), undefined);
  });
});

/**
 * The pnpm and yarn variants: the same job as monorepo-release.yml (events,
 * environment, concurrency, permissions, the action's inputs), with each
 * package manager's install and build. pnpm's build step runs with the
 * project's pnpm (11.22.0, the devDependency, first on PATH as
 * pnpm/action-setup puts it; told not to check for the install that did not run);
 * `pnpm install` and yarn's steps are not run (the
 * fixtures need nothing from a registry, and yarn is not installed here).
 */
describe('examples/workflows/monorepo-release-pnpm.yml and -yarn.yml', () => {
  const registry = suiteRegistry();
  let secrets: { NPM_TOKEN: string; NPM_TOTP_SECRET: string };
  let npmJob: Workflow;
  const cleanups: Array<() => Promise<void>> = [];
  const github = {
    event_name: 'push',
    ref: 'refs/tags/v1.0.0',
    ref_name: 'v1.0.0',
    ref_type: 'tag',
    repository: 'octo-org/wf-monorepo',
    workflow: 'monorepo release',
  };

  before(async () => {
    const user = await registry.addUser('monorepo-managers');
    secrets = { NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret };
    npmJob = (await readWorkflow('examples/workflows/monorepo-release.yml')).jobs.publish;
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  const variants = {
    pnpm: {
      file: 'examples/workflows/monorepo-release-pnpm.yml',
      runs: ['pnpm install --frozen-lockfile', 'pnpm -r build', 'pnpm -r --if-present test'],
      setup: 'pnpm/action-setup@',
    },
    yarn: {
      file: 'examples/workflows/monorepo-release-yarn.yml',
      runs: ['corepack enable', 'yarn install --immutable', 'yarn workspaces foreach --all --topological run build', 'yarn workspaces foreach --all run test'],
      setup: undefined,
    },
  };

  for (const [manager, variant] of Object.entries(variants)) {
    it(`${manager}: is linted, runs on the same events as the npm example, with ${manager}'s own install and build before the action's step, and gives the action the same inputs`, async () => {
      assert.ok((workflowFiles() as string[]).includes(variant.file));
      const workflow = await readWorkflow(variant.file);
      const job = workflow.jobs.publish;
      const npmWorkflow = await readWorkflow('examples/workflows/monorepo-release.yml');
      assert.deepEqual(workflow.on, npmWorkflow.on);
      assert.deepEqual(
        [job.environment, job.permissions, job.concurrency, workflow.permissions],
        [npmJob.environment, npmJob.permissions, npmJob.concurrency, npmWorkflow.permissions],
      );
      const steps = job.steps as Workflow[];
      assert.deepEqual(
        steps.map((step) => step.run).filter((run) => run !== undefined && !run.includes('jq')),
        variant.runs,
      );
      if (variant.setup)
        assert.ok(steps.findIndex((step) => String(step.uses).startsWith(variant.setup as string)) < steps.findIndex((step) => step.run === variant.runs[0]));
      assert.ok(steps.indexOf(actionStep(job)) > steps.findIndex((step) => step.run === variant.runs.at(-1)), 'the action runs after the build');
      assert.deepEqual(await actionInputs(actionStep(job), { github, secrets }), await actionInputs(actionStep(npmJob), { github, secrets }));
      for (const step of steps) {
        if (step === actionStep(job)) continue;
        assert.doesNotMatch(JSON.stringify(step), /secrets\./, `${step.name ?? step.run ?? step.uses}: no secret outside the action's step`);
      }
    });
  }

  it('pnpm: builds with pnpm -r build, then publishes every public package with workspace: and catalog: resolved, the root LICENSE added, a versionless test package and a private one listed', async () => {
    const repo = await makeMonorepo({
      root: { name: 'wfpnpm-root', private: true, packageManager: 'pnpm@11.22.0' },
      rootFiles: { 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'test/*'\ncatalog:\n  semver: ^7.6.0\n", LICENSE: 'MIT License\n' },
      packages: {
        'packages/core': {
          name: '@wfpnpm/core',
          version: '1.0.0',
          publishConfig: { access: 'public' },
          dependencies: { semver: 'catalog:' },
          scripts: { build: "node -e \"require('fs').writeFileSync('built.js', '1;\\n')\"" },
        },
        'packages/app': { name: '@wfpnpm/app', version: '1.0.0', publishConfig: { access: 'public' }, dependencies: { '@wfpnpm/core': 'workspace:^' } },
        'test/runner': { name: '@wfpnpm/test-runner' },
        'test/fixture': { name: '@wfpnpm/fixture', private: true },
      },
    });
    cleanups.push(repo.cleanup);
    const job = (await readWorkflow(variants.pnpm.file)).jobs.publish;
    const home = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-pnpm-home-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    const build = await runStep(
      (job.steps as Workflow[]).find((step) => step.run === 'pnpm -r build') as Workflow,
      { github },
      { workspace: repo.root, runnerTemp: os.tmpdir(), env: { HOME: home, pnpm_config_verify_deps_before_run: 'false' } },
    );
    assert.equal(build.code, 0, build.stdout + build.stderr);
    const inputs = await actionInputs(actionStep(job), { github, secrets }, { registry: registry.url });
    const run = await runAction({ inputs, cwd: repo.root });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const packages: PackageEntry[] = JSON.parse(run.outputs.packages ?? '[]');
    assert.deepEqual(Object.fromEntries(packages.map((entry) => [entry.name, entry.outcome])), {
      '@wfpnpm/core': 'published',
      '@wfpnpm/app': 'published',
      '@wfpnpm/fixture': 'private',
      '@wfpnpm/test-runner': 'skipped',
    });
    assert.doesNotMatch(run.stdout, /for the next one-time password window \(the current code has served/, 'no wait for pacing');
    const core = (await registry.packument('@wfpnpm/core')).versions['1.0.0'];
    const tarball = Buffer.from(await (await fetch(String(core.dist.tarball))).arrayBuffer());
    assert.deepEqual(
      await tarballFiles(tarball),
      ['LICENSE', 'built.js', 'index.js', 'package.json'],
      'built by the pnpm step; the root LICENSE added, as pnpm does',
    );
    assert.deepEqual(core.dependencies, { semver: '^7.6.0' });
    assert.deepEqual((await registry.packument('@wfpnpm/app')).versions['1.0.0'].dependencies, { '@wfpnpm/core': '^1.0.0' });
  });

  it('yarn: publishes every public package with workspace: resolved and publishConfig lifted as yarn packs them', async () => {
    const repo = await makeMonorepo({
      root: { name: 'wfyarn-root', private: true, packageManager: 'yarn@4.5.0', workspaces: ['packages/*'] },
      packages: {
        'packages/core': { name: '@wfyarn/core', version: '2.0.0', main: './src/index.ts', publishConfig: { access: 'public', main: './index.js' } },
        'packages/app': { name: '@wfyarn/app', version: '2.0.0', publishConfig: { access: 'public' }, dependencies: { '@wfyarn/core': 'workspace:^' } },
      },
    });
    cleanups.push(repo.cleanup);
    const job = (await readWorkflow(variants.yarn.file)).jobs.publish;
    const inputs = await actionInputs(actionStep(job), { github, secrets }, { registry: registry.url });
    const run = await runAction({ inputs, cwd: repo.root });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /of .* \(yarn\), 4 at a time/);
    const core = (await registry.packument('@wfyarn/core')).versions['2.0.0'];
    assert.equal(core.main, './index.js');
    assert.deepEqual((await registry.packument('@wfyarn/app')).versions['2.0.0'].dependencies, { '@wfyarn/core': '^2.0.0' });
  });
});
