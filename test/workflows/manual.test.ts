import assert from 'node:assert/strict';
import os from 'node:os';
import { before, describe, it } from 'node:test';
import { makePackage, runAction } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { actionInputs, actionStep, declaredInputs, readWorkflow, runStep, stepById, type Workflow } from './helpers.ts';

/**
 * examples/workflows/manual.yml, started from the Run workflow form: the
 * form's inputs (with the workflow's defaults), its "one command per line"
 * step run by bash, then the action's step. The checkout is the package
 * folder; npm ci is not run. The test adds `registry:` pointing at the test registry.
 */
describe('examples/workflows/manual.yml, run by hand (workflow_dispatch)', () => {
  const registry = suiteRegistry();
  let secrets: { NPM_TOKEN: string; NPM_TOTP_SECRET: string };
  let workflow: Workflow;

  before(async () => {
    const alice = await registry.addUser('alice');
    await registry.addUser('bob');
    secrets = { NPM_TOKEN: alice.token, NPM_TOTP_SECRET: alice.secret };
    workflow = await readWorkflow('examples/workflows/manual.yml');
  });

  /** Runs the job's steps that matter for `form` (what the person typed), in `workspace`. */
  async function dispatch(form: Record<string, unknown>, workspace: string) {
    const github = { event_name: 'workflow_dispatch', ref: 'refs/heads/main', ref_name: 'main', ref_type: 'branch', repository: 'octo-org/wf-manual' };
    const inputs = declaredInputs(workflow.on.workflow_dispatch.inputs, form);
    const job = workflow.jobs.npm;
    const split = await runStep(stepById(job, 'commands'), { github, inputs }, { workspace, runnerTemp: os.tmpdir() });
    assert.equal(split.code, 0, split.stderr);
    const context = { github, inputs, secrets, steps: { commands: { outputs: split.outputs } } };
    const actionWith = await actionInputs(actionStep(job), context, { registry: registry.url });
    const run = await runAction({
      inputs: actionWith,
      cwd: workspace,
      env: { GITHUB_EVENT_NAME: github.event_name, GITHUB_REF: github.ref, GITHUB_REF_NAME: github.ref_name, GITHUB_WORKSPACE: workspace },
    });
    return { run, actionWith };
  }

  const writes = () => registry.requests.filter((request) => request.method !== 'GET');

  it('rehearses by default: a run with the form left as it is packs and reads the registry but writes nothing', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'wf-manual', version: '1.0.0' });
    registry.clearRequests();
    const { run, actionWith } = await dispatch({}, dir);
    assert.equal(actionWith['dry-run'], 'true');
    assert.equal(actionWith.commands, '', 'an empty commands field means: publish the package');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.published, 'false');
    assert.deepEqual(
      JSON.parse(run.outputs.results ?? '[]').map((r: { outcome: string }) => r.outcome),
      ['dry-run'],
    );
    assert.ok(registry.requests.length > 0, 'the registry was read');
    assert.deepEqual(writes(), [], 'nothing was written');
    assert.equal(await registry.packument('wf-manual'), undefined);
  });

  it('publishes when dry run is unticked', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'wf-manual', version: '1.0.0' });
    const { run } = await dispatch({ 'dry-run': false, package: '.' }, dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.published, 'true');
    assert.equal((await registry.packument('wf-manual'))['dist-tags'].latest, '1.0.0');
  });

  it('runs a ";"-separated commands field as a block: a dist-tag and an owner, each with its own code', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'wf-manual', version: '1.0.0' });
    registry.clearRequests();
    const { run, actionWith } = await dispatch({ 'dry-run': false, commands: 'dist-tag add wf-manual@1.0.0 stable; owner add bob' }, dir);
    assert.equal(actionWith.commands?.trim(), 'dist-tag add wf-manual@1.0.0 stable\n owner add bob');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const results = JSON.parse(run.outputs.results ?? '[]');
    assert.deepEqual(
      results.map((r: { line: number; outcome: string; otpAttempts: number }) => [r.line, r.outcome, r.otpAttempts]),
      [
        [1, 'done', 1],
        [2, 'done', 1],
      ],
    );
    const packument = await registry.packument('wf-manual');
    assert.equal(packument['dist-tags'].stable, '1.0.0');
    assert.ok(packument.maintainers.some((m: { name: string }) => m.name === 'bob'));
    assert.deepEqual(
      writes().map((w) => [w.method, w.otpAccepted]),
      [
        ['PUT', true],
        ['PUT', true],
      ],
    );
  });

  it('rehearses a commands field too unless dry run is unticked', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'wf-manual', version: '1.0.0' });
    registry.clearRequests();
    const { run } = await dispatch({ commands: 'dist-tag add wf-manual@1.0.0 beta' }, dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(
      JSON.parse(run.outputs.results ?? '[]').map((r: { outcome: string }) => r.outcome),
      ['dry-run'],
    );
    assert.deepEqual(writes(), []);
    assert.equal((await registry.packument('wf-manual'))['dist-tags'].beta, undefined);
  });
});
