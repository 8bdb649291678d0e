import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makePackage, ROOT, runAction } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import {
  actionInputs,
  actionStep,
  condition,
  declaredInputs,
  interpolate,
  interpolateAll,
  OWN_ACTION,
  readWorkflow,
  runStep,
  stepById,
  tagFilterMatches,
  type Workflow,
} from './helpers.ts';

const REUSABLE = '.github/workflows/npm-publish.yml';

/**
 * examples/workflows/caller.yml calling .github/workflows/npm-publish.yml on a
 * pushed tag. The caller's `with:` and `secrets:` become the called
 * workflow's inputs and secrets; the pack job's Pack step runs with bash
 * (real npm pack, package scripts included); the artifact upload and download
 * are a file copy between the paths the two steps name; the publish job's
 * secret check runs with bash and its action step through dist/index.js, in an
 * empty workspace (the publish job checks nothing out). The caller's own
 * install and build commands are not run. `registry` is added to the caller's
 * inputs to point at the test registry.
 */
describe('the reusable workflow, called by examples/workflows/caller.yml', () => {
  const registry = suiteRegistry();
  let callerSecrets: { NPM_TOKEN: string; NPM_TOTP_SECRET: string };
  let caller: Workflow;
  let reusable: Workflow;
  const temps: string[] = [];
  const tempDir = async (prefix: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    temps.push(dir);
    return dir;
  };

  before(async () => {
    const user = await registry.addUser('org-bot');
    callerSecrets = { NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret };
    caller = await readWorkflow('examples/workflows/caller.yml');
    reusable = await readWorkflow(REUSABLE);
  });
  after(async () => {
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  /** Everything from the caller's push of `tag` to the reusable workflow's outputs. */
  async function release(tag: string, workspace: string, secrets = callerSecrets) {
    const github = { event_name: 'push', ref: `refs/tags/${tag}`, ref_name: tag, ref_type: 'tag', repository: 'octo-org/wf-lib', run_id: '42' };
    const call = caller.jobs.npm;
    const inputs = declaredInputs(reusable.on.workflow_call.inputs, { ...interpolateAll(call.with, { github, secrets }), registry: registry.url });
    const passedSecrets = interpolateAll(call.secrets, { github, secrets });
    const runnerTemp = await tempDir('wf-runner-pack-');
    const context: Record<string, unknown> = { github, inputs, secrets: passedSecrets, runner: { temp: runnerTemp } };

    // pack job: no secrets in its context at all.
    const pack = reusable.jobs.pack;
    const packStep = stepById(pack, 'pack');
    const packed = await runStep(packStep, { github, inputs, runner: { temp: runnerTemp } }, { workspace, runnerTemp });
    assert.equal(packed.code, 0, packed.stdout + packed.stderr);
    const packOutputs = interpolateAll(pack.outputs, { steps: { pack: { outputs: packed.outputs } } });
    const upload = (pack.steps as Workflow[]).find((step) => String(step.uses).startsWith('actions/upload-artifact@')) as Workflow;
    const uploaded = interpolateAll(upload.with, { ...context, steps: { pack: { outputs: packed.outputs } } });

    // publish job, on another runner: the artifact lands where download-artifact is told to put it.
    const publish = reusable.jobs.publish;
    const publishTemp = await tempDir('wf-runner-publish-');
    const emptyWorkspace = await tempDir('wf-workspace-');
    const publishContext = { ...context, runner: { temp: publishTemp }, needs: { pack: { outputs: packOutputs } } };
    const download = (publish.steps as Workflow[]).find((step) => String(step.uses).startsWith('actions/download-artifact@')) as Workflow;
    const downloaded = interpolateAll(download.with, publishContext);
    assert.equal(downloaded.name, uploaded.name, 'the publish job downloads the artifact the pack job uploaded');
    await mkdir(downloaded.path as string, { recursive: true });
    await copyFile(uploaded.path as string, path.join(downloaded.path as string, path.basename(uploaded.path as string)));

    const check = await runStep(stepById(publish, 'Check that NPM_TOKEN arrived'), publishContext, { workspace: emptyWorkspace, runnerTemp: publishTemp });
    if (check.code !== 0) return { packed, packOutputs, check, run: undefined, outputs: undefined, actionWith: undefined };
    const actionWith = await actionInputs(actionStep(publish), publishContext);
    const run = await runAction({
      inputs: actionWith,
      cwd: emptyWorkspace,
      env: {
        GITHUB_EVENT_NAME: github.event_name,
        GITHUB_REF: github.ref,
        GITHUB_REF_NAME: github.ref_name,
        GITHUB_WORKSPACE: emptyWorkspace,
        RUNNER_TEMP: publishTemp,
      },
    });
    const jobOutputs = interpolateAll(publish.outputs, { steps: { publish: { outputs: run.outputs } } });
    const outputs = Object.fromEntries(
      Object.entries(reusable.on.workflow_call.outputs as Record<string, { value: string }>).map(([name, output]) => [
        name,
        interpolate(output.value, { jobs: { publish: { outputs: jobOutputs } } }),
      ]),
    );
    assert.deepEqual(await readdir(emptyWorkspace), [], 'the publish step wrote nothing into the workspace');
    return { packed, packOutputs, check, run, outputs, actionWith };
  }

  const prepackScript = "node -e \"require('fs').appendFileSync('scripts-ran', process.env.npm_lifecycle_event + '\\n')\"";

  it('packs in the job without secrets (package scripts run there) and publishes the tarball with ignore-scripts under latest', async () => {
    const dir = await makePackage(
      { 'index.js': 'export default 1;\n' },
      { name: '@octo-org/wf-lib', version: '2.1.0', scripts: { prepack: prepackScript, postpack: prepackScript, prepublishOnly: prepackScript } },
    );
    const { packOutputs, run, outputs, actionWith } = await release('v2.1.0', dir);
    assert.ok(run && outputs && actionWith);
    assert.deepEqual(
      [packOutputs.name, packOutputs.version, packOutputs.tag, packOutputs.file],
      ['@octo-org/wf-lib', '2.1.0', 'latest', 'octo-org-wf-lib-2.1.0.tgz'],
    );
    assert.equal(packOutputs.artifact, 'npm-package-@octo-org__wf-lib-2.1.0', 'an artifact name without a slash');
    assert.equal(actionWith['ignore-scripts'], 'true');
    assert.match(actionWith.package ?? '', /\.tgz$/);
    assert.equal(actionWith['expect-version'], 'v2.1.0');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(outputs, { published: 'true', name: '@octo-org/wf-lib', version: '2.1.0', tag: 'latest', results: run.outputs.results });
    assert.equal((await registry.packument('@octo-org/wf-lib'))['dist-tags'].latest, '2.1.0');
    // npm pack ran prepack and postpack once, in the pack job; the publish ran no script at all.
    assert.deepEqual((await readFile(path.join(dir, 'scripts-ran'), 'utf8')).trim().split('\n'), ['prepack', 'postpack']);
  });

  it('publishes a prerelease under next when the caller names no tag', async () => {
    const dir = await makePackage({ 'index.js': 'export default 2;\n' }, { name: '@octo-org/wf-lib', version: '2.2.0-beta.1' });
    const { packOutputs, run } = await release('v2.2.0-beta.1', dir);
    assert.ok(run);
    assert.equal(packOutputs.tag, 'next');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const packument = await registry.packument('@octo-org/wf-lib');
    assert.deepEqual([packument['dist-tags'].next, packument['dist-tags'].latest], ['2.2.0-beta.1', '2.1.0']);
  });

  it('refuses a tarball whose version is not the tag, without a request to the registry', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: '@octo-org/wf-lib', version: '2.3.0' });
    registry.clearRequests();
    const { run, outputs } = await release('v2.3.1', dir);
    assert.ok(run && outputs);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::expect-version: the release is 2\.3\.1 but @octo-org\/wf-lib is at 2\.3\.0/);
    assert.equal(outputs.published, 'false');
    assert.deepEqual(registry.requests, []);
  });

  it('stops before the action, saying where to store it, when the caller passed an empty NPM_TOKEN', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: '@octo-org/wf-lib', version: '2.4.0' });
    const { check, run } = await release('v2.4.0', dir, { ...callerSecrets, NPM_TOKEN: '' });
    assert.equal(run, undefined);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /::error::NPM_TOKEN is empty\. Store it as a repository or organisation secret, or as a secret of the environment "npm"/);
  });
});

describe('the reusable workflow and its caller: the contract between them', () => {
  let caller: Workflow;
  let reusable: Workflow;
  before(async () => {
    caller = await readWorkflow('examples/workflows/caller.yml');
    reusable = await readWorkflow(REUSABLE);
  });

  it('is called by its path in this repository, on version tags', async () => {
    const uses: string = caller.jobs.npm.uses;
    assert.match(uses, new RegExp(`^${OWN_ACTION}/${REUSABLE.replace(/\./g, '\\.')}@`));
    assert.ok(await stat(path.join(ROOT, REUSABLE)));
    assert.ok(tagFilterMatches(caller.on.push.tags, 'refs/tags/v1.0.0'));
  });

  it('passes only declared inputs, of the declared types, and every required one', () => {
    const declared = reusable.on.workflow_call.inputs as Record<string, { type: string; required?: boolean }>;
    for (const [name, value] of Object.entries(caller.jobs.npm.with as Record<string, unknown>)) {
      assert.ok(declared[name], `input ${name} is declared`);
      const type = typeof value === 'string' && value.includes('${{') ? declared[name].type : typeof value;
      assert.equal(type, declared[name].type, `input ${name} is a ${declared[name].type}`);
    }
    for (const [name, spec] of Object.entries(declared)) if (spec.required) assert.ok(name in caller.jobs.npm.with, `required input ${name} is given`);
  });

  it('passes exactly the declared secrets, by name, never every secret', () => {
    const declared = Object.keys(reusable.on.workflow_call.secrets).sort();
    assert.deepEqual(declared, ['NPM_TOKEN', 'NPM_TOTP_SECRET']);
    assert.notEqual(caller.jobs.npm.secrets, 'inherit');
    assert.deepEqual(Object.keys(caller.jobs.npm.secrets).sort(), declared);
  });

  it('keeps the secrets out of the pack job and out of every script', () => {
    const pack = JSON.stringify(reusable.jobs.pack);
    assert.doesNotMatch(pack, /secrets\./, 'the pack job names no secret');
    assert.equal(reusable.jobs.pack.environment, undefined);
    const publish = reusable.jobs.publish;
    for (const step of publish.steps as Workflow[]) {
      if (step.run !== undefined)
        assert.doesNotMatch(JSON.stringify(step.env ?? {}), /secrets\.NPM_(TOKEN|TOTP_SECRET) *\}\}/, `step ${step.name} gets no secret value`);
      if (String(step.uses).startsWith('actions/checkout@') || String(step.uses).startsWith('actions/setup-node@'))
        assert.fail('the publish job checks nothing out and installs nothing');
    }
    assert.equal(actionStep(publish).with['ignore-scripts'], true);
  });

  it('publishes in an environment, one publish per package at a time, never cancelled midway', () => {
    const publish = reusable.jobs.publish;
    assert.equal(publish.environment, '${{ inputs.environment }}');
    assert.equal(reusable.on.workflow_call.inputs.environment.default, 'npm');
    assert.match(publish.concurrency.group, /\$\{\{ inputs\.package \}\}/);
    assert.equal(publish.concurrency['cancel-in-progress'], false);
    assert.deepEqual(publish.needs, 'pack');
  });

  it('grants each job only what it uses: contents read to pack, nothing to publish, no OIDC token (trusted publishing is opt-in)', () => {
    assert.deepEqual(reusable.permissions, {});
    assert.deepEqual(reusable.jobs.pack.permissions, { contents: 'read' });
    assert.deepEqual(reusable.jobs.publish.permissions, {});
    assert.deepEqual(caller.jobs.npm.permissions, { contents: 'read' });
    assert.ok(!JSON.stringify([reusable, caller]).includes('id-token'), 'no job can mint OIDC tokens unless the organisation opts in');
  });

  it('skips the install and build steps when the caller empties them', () => {
    const pack = reusable.jobs.pack;
    const inputs = declaredInputs(reusable.on.workflow_call.inputs, { 'install-command': '', 'build-command': '' });
    assert.equal(condition(stepById(pack, 'Install').if, { inputs }), false);
    assert.equal(condition(stepById(pack, 'Build').if, { inputs }), false);
    const defaults = declaredInputs(reusable.on.workflow_call.inputs, {});
    assert.equal(condition(stepById(pack, 'Install').if, { inputs: defaults }), true, 'npm ci by default');
  });
});

describe("every workflow names this product's action and reusable workflow by the README's ref", () => {
  it('uses one ref everywhere: the README, docs/, the examples and the reusable workflow', async () => {
    const docs = (await readdir(path.join(ROOT, 'docs'))).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
    const files = ['README.md', ...docs, REUSABLE, ...(await readdir(path.join(ROOT, 'examples', 'workflows'))).map((name) => `examples/workflows/${name}`)];
    const refs = new Set<string>();
    for (const file of files) {
      const text = await readFile(path.join(ROOT, file), 'utf8');
      for (const match of text.matchAll(new RegExp(`${OWN_ACTION}(?:/[\\w./-]+)?@([\\w.-]+)`, 'g'))) refs.add(match[1] as string);
    }
    assert.deepEqual([...refs], ['v1'], 'v1: the major tag each release of this project moves (.github/workflows/release.yml)');
  });
});
