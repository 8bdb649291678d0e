import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { makePackage, runAction } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { actionInputs, actionStep, readWorkflow, tagFilterMatches, type Workflow } from './helpers.ts';

/**
 * examples/workflows/release.yml: its publish step, given what a tag push
 * gives it. The checkout is the package folder (the workspace); npm ci and
 * npm test are the package's own business and are not run here. The example
 * publishes to npmjs, so the test adds `registry:` pointing at the test registry.
 */
describe('examples/workflows/release.yml, on a pushed tag', () => {
  const registry = suiteRegistry();
  let secrets: { NPM_TOKEN: string; NPM_TOTP_SECRET: string };
  let workflow: Workflow;

  before(async () => {
    const user = await registry.addUser('release-bot');
    secrets = { NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret };
    workflow = await readWorkflow('examples/workflows/release.yml');
  });

  /** Runs the workflow's publish step for a push of `tag`, in `workspace`. */
  async function publishOnTag(tag: string, workspace: string) {
    const github = { event_name: 'push', ref: `refs/tags/${tag}`, ref_name: tag, ref_type: 'tag', repository: 'octo-org/wf-release' };
    const inputs = await actionInputs(actionStep(workflow.jobs.publish), { github, secrets }, { registry: registry.url });
    const run = await runAction({
      inputs,
      cwd: workspace,
      env: {
        GITHUB_EVENT_NAME: github.event_name,
        GITHUB_REF: github.ref,
        GITHUB_REF_NAME: github.ref_name,
        GITHUB_REF_TYPE: github.ref_type,
        GITHUB_WORKSPACE: workspace,
      },
    });
    return { run, inputs };
  }

  it('runs on version tags only', () => {
    const tags: string[] = workflow.on.push.tags;
    assert.ok(tagFilterMatches(tags, 'refs/tags/v1.2.3'));
    assert.ok(tagFilterMatches(tags, 'refs/tags/v2.0.0-rc.1'));
    assert.ok(!tagFilterMatches(tags, 'refs/tags/1.2.3'));
    assert.equal(workflow.on.push.branches, undefined, 'a branch push never publishes');
  });

  it('publishes the version of tag v1.2.3 under latest', async () => {
    const dir = await makePackage({ 'index.js': 'export default 1;\n' }, { name: 'wf-release', version: '1.2.3' });
    const { run, inputs } = await publishOnTag('v1.2.3', dir);
    assert.equal(inputs['expect-version'], 'v1.2.3');
    assert.equal(inputs.tag, 'latest');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual([run.outputs.published, run.outputs.name, run.outputs.version, run.outputs.tag], ['true', 'wf-release', '1.2.3', 'latest']);
    const packument = await registry.packument('wf-release');
    assert.equal(packument['dist-tags'].latest, '1.2.3');
  });

  it('publishes a prerelease tag (a "-" in it) under next, leaving latest where it was', async () => {
    const dir = await makePackage({ 'index.js': 'export default 2;\n' }, { name: 'wf-release', version: '1.3.0-rc.1' });
    const { run, inputs } = await publishOnTag('v1.3.0-rc.1', dir);
    assert.equal(inputs.tag, 'next');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual([run.outputs.published, run.outputs.version, run.outputs.tag], ['true', '1.3.0-rc.1', 'next']);
    const packument = await registry.packument('wf-release');
    assert.deepEqual([packument['dist-tags'].next, packument['dist-tags'].latest], ['1.3.0-rc.1', '1.2.3']);
  });

  it('refuses a tag that is not the package.json version before any script runs or any request reaches the registry', async () => {
    const dir = await makePackage(
      { 'index.js': '1;\n' },
      { name: 'wf-release-mismatch', version: '1.2.3', scripts: { prepack: "node -e \"require('fs').writeFileSync('prepack-ran', '')\"" } },
    );
    registry.clearRequests();
    const { run } = await publishOnTag('v1.2.4', dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::expect-version: the release is 1\.2\.4 but wf-release-mismatch is at 1\.2\.3/);
    assert.equal(run.outputs.published, 'false');
    assert.deepEqual(registry.requests, [], 'no request reached the registry');
    assert.equal(await stat(path.join(dir, 'prepack-ran')).catch(() => undefined), undefined, 'no package script ran');
    assert.equal(await registry.packument('wf-release-mismatch'), undefined);
  });
});
