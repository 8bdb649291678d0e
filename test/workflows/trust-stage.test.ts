import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runAction } from '../helpers/action.ts';
import { runBlockInProcess } from '../helpers/core.ts';
import { makeMonorepo, type MonorepoSpec } from '../helpers/monorepo.ts';
import { startRegistry, type TestRegistry } from '../registry/index.ts';
// @ts-expect-error: a plain JavaScript script without type declarations
import { workflowFiles } from '../../scripts/lint-workflows.js';
import { actionInputs, actionStep, condition, declaredInputs, readWorkflow, runStep, stepById, tagFilterMatches, type Workflow } from './helpers.ts';

/** A monorepo of 8 public packages (a <- b <- c, a <- d, e <- f, g <- h) whose root names its GitHub repository. */
function monorepo(scope: string, repository: string): MonorepoSpec {
  const name = (short: string) => `@${scope}/${short}`;
  const pkg = (short: string, on?: string) => ({
    name: name(short),
    version: '1.0.0',
    ...(on ? { dependencies: { [name(on)]: '^1.0.0' } } : {}),
    publishConfig: { access: 'public' },
  });
  return {
    root: { name: `${scope}-root`, version: '0.0.0', private: true, workspaces: ['packages/*'], repository: `github:${repository}` },
    packages: {
      'packages/a': pkg('a'),
      'packages/b': pkg('b', 'a'),
      'packages/c': pkg('c', 'b'),
      'packages/d': pkg('d', 'a'),
      'packages/e': pkg('e'),
      'packages/f': pkg('f', 'e'),
      'packages/g': pkg('g'),
      'packages/h': pkg('h', 'g'),
    },
  };
}

const SHORTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Row {
  command: string;
  outcome: string;
  detail: string;
  otpAttempts: number;
  id?: string;
  stageId?: string;
}

let registry: TestRegistry;
let secrets: { NPM_TOKEN: string; NPM_TOTP_SECRET: string };
const cleanups: Array<() => Promise<void>> = [];
const writes = () => registry.requests.filter((request) => request.method !== 'GET');
const rows = (outputs: Record<string, string>): Row[] => JSON.parse(outputs.results ?? '[]');

before(async () => {
  registry = await startRegistry();
  const user = await registry.addUser('release-bot');
  secrets = { NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret };
});
after(async () => {
  for (const cleanup of cleanups) await cleanup();
  await registry.close();
});

/** A monorepo on disk whose packages are in the registry at 1.0.0 (trusted publishers need existing packages). */
async function publishedMonorepo(scope: string, repository: string): Promise<string> {
  const repo = await makeMonorepo(monorepo(scope, repository));
  cleanups.push(repo.cleanup);
  const { report } = await runBlockInProcess(
    { token: secrets.NPM_TOKEN, otpSecret: secrets.NPM_TOTP_SECRET, registry: registry.url, package: repo.root, otpUses: '100' },
    'publish --workspaces',
  );
  assert.equal(report.error, undefined, String(report.error));
  return repo.root;
}

/**
 * examples/workflows/trusted-publishing-setup.yml, dispatched from the Run
 * workflow form: the plan job's line step (bash) and its dry-run action step,
 * then, unless the form asks for a dry run only, the setup job's action step
 * and its Report step. The checkout is the monorepo root. The test adds
 * `registry:` pointing at the test registry, and `otp-uses` high enough that
 * 16 gated requests (a read and a write per package) fit one code window.
 */
describe('examples/workflows/trusted-publishing-setup.yml', () => {
  let workflow: Workflow;
  before(async () => {
    workflow = await readWorkflow('examples/workflows/trusted-publishing-setup.yml');
  });

  const github = {
    event_name: 'workflow_dispatch',
    ref: 'refs/heads/main',
    ref_name: 'main',
    ref_type: 'branch',
    repository: 'octo-org/wf-trust',
    workflow: 'npm trusted publishing setup',
  };

  async function dispatch(form: Record<string, unknown>, root: string) {
    const inputs = declaredInputs(workflow.on.workflow_dispatch.inputs, form);
    const plan = workflow.jobs.plan;
    const line = await runStep(stepById(plan, 'line'), { github, inputs }, { workspace: root, runnerTemp: os.tmpdir() });
    assert.equal(line.code, 0, line.stderr);
    const env = { GITHUB_EVENT_NAME: github.event_name, GITHUB_WORKSPACE: root };
    const planWith = await actionInputs(actionStep(plan), { github, inputs, steps: { line: { outputs: line.outputs } } }, { registry: registry.url });
    const dryRun = await runAction({ inputs: planWith, cwd: root, env });
    const needs = { plan: { outputs: { commands: line.outputs.commands ?? '' } } };
    const setup = workflow.jobs.setup;
    if (!condition(setup.if, { inputs })) return { line, planWith, dryRun, setup: undefined };
    const setupWith = await actionInputs(actionStep(setup), { github, inputs, secrets, needs }, { registry: registry.url, 'otp-uses': '100' });
    const real = await runAction({ inputs: setupWith, cwd: root, env });
    const report = await runStep(
      stepById(setup, 'Report'),
      { steps: { trust: { outputs: real.outputs } }, job: { status: real.code === 0 ? 'success' : 'failure' } },
      { workspace: root, runnerTemp: os.tmpdir() },
    );
    return { line, planWith, dryRun, setup: { run: real, inputs: setupWith, report } };
  }

  it('is linted, runs by hand only, keeps the secrets out of the dry run, and writes only in the npm environment', () => {
    assert.ok((workflowFiles() as string[]).includes('examples/workflows/trusted-publishing-setup.yml'));
    assert.deepEqual(Object.keys(workflow.on), ['workflow_dispatch']);
    assert.equal(workflow.on.workflow_dispatch.inputs['dry-run'].default, true, 'a dry run unless unticked');
    assert.equal(workflow.jobs.plan.environment, undefined);
    assert.doesNotMatch(JSON.stringify(workflow.jobs.plan), /secrets\./, 'the dry run holds no secret');
    assert.equal(actionStep(workflow.jobs.plan).with['dry-run'], true);
    assert.deepEqual([workflow.jobs.setup.needs, workflow.jobs.setup.environment], ['plan', 'npm']);
    assert.equal(workflow.jobs.setup.concurrency['cancel-in-progress'], false);
    assert.deepEqual(workflow.jobs.setup.permissions, { contents: 'read' });
  });

  describe('on an 8-package monorepo', () => {
    let root: string;
    before(async () => {
      root = await publishedMonorepo('wftrust', 'octo-org/wf-trust');
    });

    it('with the form as it is: the dry run lists what each package would get, and nothing is written', async () => {
      registry.clearRequests();
      const { line, planWith, dryRun, setup } = await dispatch({}, root);
      assert.equal(line.outputs.commands, 'trust github --file stage-and-approve.yml --allow-stage-publish --workspaces');
      assert.deepEqual([planWith.token ?? '', planWith['otp-secret'] ?? ''], ['', ''], 'no secret reaches the dry run');
      assert.equal(dryRun.code, 0, dryRun.stdout + dryRun.stderr);
      const results = rows(dryRun.outputs);
      assert.deepEqual(
        results.map((row) => [row.command, row.outcome]),
        SHORTS.map((short) => [`trust github @wftrust/${short} --file stage-and-approve.yml --repo octo-org/wf-trust --allow-stage-publish`, 'dry-run']),
      );
      assert.match(
        results[0]?.detail ?? '',
        /would add a trusted publisher to @wftrust\/a: GitHub Actions, repository octo-org\/wf-trust, workflow stage-and-approve\.yml; may stage publish/,
      );
      assert.match(dryRun.summary, /dry run: nothing was written/);
      assert.equal(setup, undefined, 'the setup job is skipped');
      assert.deepEqual(writes(), []);
    });

    it('unticked: one POST per package, each row with its id; a second run reads, skips and posts nothing', async () => {
      registry.clearRequests();
      const first = await dispatch({ 'dry-run': false, environment: 'npm-stage', may: 'publish and stage publish' }, root);
      assert.equal(first.dryRun.code, 0, first.dryRun.stdout);
      const setup = first.setup;
      assert.ok(setup);
      assert.equal(setup.run.code, 0, setup.run.stdout + setup.run.stderr);
      const results = rows(setup.run.outputs);
      assert.deepEqual(
        results.map((row) => row.outcome),
        SHORTS.map(() => 'done'),
      );
      assert.ok(results.every((row) => UUID.test(row.id ?? '')));
      const posts = registry.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/trust'));
      assert.deepEqual(
        posts.map((request) => [decodeURIComponent(request.path), request.status]),
        SHORTS.map((short) => [`/-/package/@wftrust/${short}/trust`, 201]),
      );
      for (const short of SHORTS) {
        assert.deepEqual(
          registry
            .packageSettings(`@wftrust/${short}`)
            ?.trustedPublishers.map(({ repository, workflow: file, environment, permissions }) => ({ repository, file, environment, permissions })),
          [{ repository: 'octo-org/wf-trust', file: 'stage-and-approve.yml', environment: 'npm-stage', permissions: ['createPackage', 'createStagedPackage'] }],
        );
      }
      const printed = setup.report.stdout.trim().split('\n');
      assert.equal(printed.length, 8);
      assert.ok(
        printed[0]?.startsWith(
          `done\ttrust github @wftrust/a --file stage-and-approve.yml --repo octo-org/wf-trust --env npm-stage --allow-publish --allow-stage-publish\t${results[0]?.id}\t`,
        ),
        printed[0],
      );

      registry.clearRequests();
      const second = await dispatch({ 'dry-run': false, environment: 'npm-stage', may: 'publish and stage publish' }, root);
      assert.equal(second.setup?.run.code, 0, second.setup?.run.stdout);
      assert.deepEqual(
        rows(second.setup?.run.outputs ?? {}).map((row) => [row.outcome, row.id]),
        results.map((row) => ['unchanged', row.id]),
      );
      assert.deepEqual(writes(), [], 'no POST: the second run only read');
      assert.match(second.setup?.run.stdout ?? '', /asks for a one-time password even for this read, so it uses a code/);
    });
  });
});

/**
 * examples/workflows/stage-and-approve.yml on a pushed tag: the stage job's
 * action step (with an OIDC ID token for this workflow, as GitHub gives one to
 * a job with id-token: write, and the token, but no TOTP secret), then the
 * approve job's action step (token and TOTP secret) and its Report step. The
 * checkout is the monorepo root; npm ci and the builds are not run (the
 * fixture has no dependencies and nothing to build).
 */
describe('examples/workflows/stage-and-approve.yml', () => {
  let workflow: Workflow;
  let root: string;
  const repository = 'octo-org/wf-stage';
  before(async () => {
    workflow = await readWorkflow('examples/workflows/stage-and-approve.yml');
    root = await publishedMonorepo('wfstage', repository);
    for (const short of SHORTS)
      registry.trustPublisher(`@wfstage/${short}`, { repository, workflow: 'stage-and-approve.yml', permissions: ['createStagedPackage'] });
  });

  const github = (tag: string) => ({
    event_name: 'push',
    ref: `refs/tags/${tag}`,
    ref_name: tag,
    ref_type: 'tag',
    repository,
    workflow: 'npm stage and approve',
  });
  const env = (tag: string) => ({
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: `refs/tags/${tag}`,
    GITHUB_REF_NAME: tag,
    GITHUB_REF_TYPE: 'tag',
    GITHUB_WORKSPACE: root,
  });

  async function stage(tag: string) {
    const inputs = await actionInputs(actionStep(workflow.jobs.stage), { github: github(tag), secrets }, { registry: registry.url });
    const idToken = registry.issueIdToken({ repository, workflow: 'stage-and-approve.yml', ref: `refs/tags/${tag}` });
    return { inputs, run: await runAction({ inputs, cwd: root, env: { ...env(tag), NPM_ID_TOKEN: idToken } }) };
  }

  async function approve(tag: string) {
    const job = workflow.jobs.approve;
    const inputs = await actionInputs(actionStep(job), { github: github(tag), secrets }, { registry: registry.url, 'otp-uses': '100' });
    const run = await runAction({ inputs, cwd: root, env: env(tag) });
    const report = await runStep(
      stepById(job, 'Report'),
      { steps: { approve: { outputs: run.outputs } }, job: { status: run.code === 0 ? 'success' : 'failure' } },
      { workspace: root, runnerTemp: os.tmpdir() },
    );
    return { inputs, run, report };
  }

  async function bump(version: string, shorts = SHORTS) {
    for (const short of shorts) {
      const file = path.join(root, 'packages', short, 'package.json');
      await writeFile(file, `${JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), version }, null, 2)}\n`);
    }
  }

  it('is linted; stages on v* tags with no TOTP secret; approves in the npm environment after the stage job', () => {
    assert.ok((workflowFiles() as string[]).includes('examples/workflows/stage-and-approve.yml'));
    assert.deepEqual(Object.keys(workflow.on), ['push']);
    assert.ok(tagFilterMatches(workflow.on.push.tags, 'refs/tags/v1.2.3'));
    assert.ok(!tagFilterMatches(workflow.on.push.tags, 'refs/tags/1.2.3'));
    const { stage: staging, approve: approving } = workflow.jobs;
    assert.doesNotMatch(JSON.stringify(staging), /NPM_TOTP_SECRET/, 'the stage job never holds the second factor');
    assert.doesNotMatch(JSON.stringify(staging), /secrets\./, 'nor any long-lived secret: it stages by trusted publishing');
    assert.equal(staging.environment, undefined);
    assert.equal(staging.permissions['id-token'], 'write');
    assert.equal(actionStep(staging).with.commands, 'stage publish --workspaces');
    assert.deepEqual([approving.needs, approving.environment], ['stage', 'npm']);
    assert.equal(approving.permissions['id-token'], undefined);
    assert.equal(actionStep(approving).with.commands, 'stage approve --workspaces');
    const text = JSON.stringify(workflow);
    for (const step of [...staging.steps, ...approving.steps] as Workflow[]) {
      if (step === actionStep(staging) || step === actionStep(approving)) continue;
      assert.doesNotMatch(JSON.stringify(step), /secrets\./, `${step.name ?? step.run ?? step.uses}: no secret outside the action's step`);
    }
    assert.ok(text.length > 0);
  });

  it('on v1.1.0: stages every package by trusted publishing with no code; approving publishes them, in dependency order, byte for byte as staged', async () => {
    await bump('1.1.0');
    registry.clearRequests();
    const staged = await stage('v1.1.0');
    assert.equal(staged.inputs['otp-secret'] ?? '', '', 'no TOTP secret in the stage job');
    assert.equal(staged.inputs.token ?? '', '', 'no token either: the stage job holds no long-lived secret');
    assert.equal(staged.run.code, 0, staged.run.stdout + staged.run.stderr);
    const stagedRows = rows(staged.run.outputs);
    assert.deepEqual(
      stagedRows.map((row) => [row.outcome, row.otpAttempts]),
      SHORTS.map(() => ['staged', 0]),
    );
    assert.ok(stagedRows.every((row) => UUID.test(row.stageId ?? '')));
    assert.equal(staged.run.outputs.published, 'false');
    assert.ok(
      registry.requests.every((request) => !request.otpSent),
      'no one-time password was sent',
    );
    const entries = registry.staged().filter((item) => item.packageName.startsWith('@wfstage/'));
    assert.deepEqual(
      entries.map((item) => [item.version, item.actorType]),
      SHORTS.map(() => ['1.1.0', 'oidc']),
    );
    for (const short of SHORTS) assert.equal((await registry.packument(`@wfstage/${short}`))['dist-tags'].latest, '1.0.0', 'nothing public yet');

    registry.clearRequests();
    const approved = await approve('v1.1.0');
    assert.equal(approved.run.code, 0, approved.run.stdout + approved.run.stderr);
    const approvedRows = rows(approved.run.outputs);
    assert.ok(
      approvedRows.every((row) => row.outcome === 'done' && /the checkout packs to the same tarball/.test(row.detail)),
      JSON.stringify(approvedRows),
    );
    const order = approvedRows.map((row) => /@wfstage\/(\w)@/.exec(row.command)?.[1]);
    for (const [first, then] of [
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ])
      assert.ok(order.indexOf(first) < order.indexOf(then), order.join(' '));
    const posts = registry.requests.filter((request) => request.method === 'POST');
    assert.deepEqual(
      posts.map((request) => [request.path.endsWith('/approve'), request.otpAccepted]),
      SHORTS.map(() => [true, true]),
    );
    for (const entry of entries) {
      const version = (await registry.packument(entry.packageName)).versions['1.1.0'];
      const served = Buffer.from(await (await fetch(String(version.dist.tarball))).arrayBuffer());
      assert.equal(createHash('sha1').update(served).digest('hex'), entry.shasum, `${entry.packageName}: published as staged`);
      assert.equal((await registry.packument(entry.packageName))['dist-tags'].latest, '1.1.0');
    }
    const printed = approved.report.stdout.trim().split('\n');
    assert.equal(printed.length, 8);
    assert.match(printed[0] ?? '', /^done\tstage approve @wfstage\/\w@1\.1\.0\t[0-9a-f-]{36}\tapproved /);

    registry.clearRequests();
    const again = await approve('v1.1.0');
    assert.equal(again.run.code, 0, again.run.stdout);
    assert.deepEqual(
      rows(again.run.outputs).map((row) => row.outcome),
      SHORTS.map(() => 'unchanged'),
    );
    assert.deepEqual(writes(), [], 'a re-run approves nothing');
  });

  it('refuses to approve a staged version this checkout does not pack to, before anything is published', async () => {
    await bump('1.2.0', ['a']);
    const staged = await stage('v1.2.0');
    assert.equal(staged.run.code, 0, staged.run.stdout + staged.run.stderr);
    assert.deepEqual(
      rows(staged.run.outputs)
        .filter((row) => row.outcome === 'staged')
        .map((row) => row.command),
      ['stage publish @wfstage/a@1.2.0'],
    );
    await writeFile(path.join(root, 'packages', 'a', 'index.js'), 'module.exports = "not what was staged";\n');
    registry.clearRequests();
    const approved = await approve('v1.2.0');
    assert.equal(approved.run.code, 1);
    const approvedRows = rows(approved.run.outputs);
    const a = approvedRows.find((row) => row.command === 'stage approve @wfstage/a@1.2.0');
    assert.equal(a?.outcome, 'failed');
    assert.match(a?.detail ?? '', /is not what this checkout packs to/);
    assert.match(approved.run.stdout, /::error.*is not what this checkout packs to/);
    assert.deepEqual(writes(), [], 'nothing was approved');
    assert.equal(registry.staged('@wfstage/a').length, 1);
  });
});
