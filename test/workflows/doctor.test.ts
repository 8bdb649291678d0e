import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makePackage, runAction } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { publish } from '../registry/http-client.ts';
import { actionInputs, actionStep, readWorkflow, type Workflow } from './helpers.ts';

/**
 * examples/workflows/npm-doctor.yml: a weekly check with no write scope, its doctor step run with exactly the
 * inputs the workflow gives it (plus `registry:`, pointing at the test registry), in a checkout of a package whose
 * next version is not published yet: it passes while the token works, and fails, saying so, once it expired.
 */
describe('examples/workflows/npm-doctor.yml', () => {
  const registry = suiteRegistry();
  let workflow: Workflow;
  let alice: { token: string; secret: string };

  before(async () => {
    alice = await registry.addUser('alice');
    workflow = await readWorkflow('examples/workflows/npm-doctor.yml');
  });

  it('runs weekly and on demand, with no write scope anywhere, and only checks', () => {
    assert.match(String(workflow.on.schedule?.[0]?.cron), /^\S+ \S+ \* \* [0-6]$/, 'one day a week');
    assert.ok('workflow_dispatch' in workflow.on);
    const scopes = [workflow.permissions, ...Object.values(workflow.jobs as Record<string, Workflow>).map((job) => job.permissions)];
    for (const permissions of scopes) assert.deepEqual(permissions, { contents: 'read' });
    const step = actionStep(workflow.jobs.doctor);
    assert.equal(String(step.with.doctor), 'true');
    assert.equal(step.with.commands, undefined);
  });

  it('passes while the release would go, and fails, saying to renew the token, once the token expired', async () => {
    assert.equal((await publish(registry.url, 'wf-doctor', '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret) })).status, 201);
    const checkout = await makePackage({ 'index.js': '1;\n' }, { name: 'wf-doctor', version: '1.1.0' });
    const github = { event_name: 'schedule', ref: 'refs/heads/main', ref_name: 'main', repository: 'octo-org/wf-doctor' };
    const token = registry.issueToken('alice');
    const inputs = await actionInputs(
      actionStep(workflow.jobs.doctor),
      { github, secrets: { NPM_TOKEN: token, NPM_TOTP_SECRET: alice.secret } },
      { registry: registry.url },
    );
    const healthy = await runAction({ inputs, cwd: checkout, env: { GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: github.ref } });
    assert.equal(healthy.code, 0, healthy.stdout);
    assert.match(healthy.summary, /<h3>npm-totp-publish doctor: no planned write would fail; nothing was written<\/h3>/);
    registry.clearRequests();

    registry.expireToken(token);
    const expired = await runAction({ inputs, cwd: checkout, env: { GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: github.ref } });
    assert.equal(expired.code, 1, expired.stdout);
    assert.match(expired.stdout, /^::error::The registry says the token expired or was revoked.*Create a new granular access token/m);
    assert.match(expired.summary, /<h3>npm-totp-publish doctor: 1 of 1 planned write would fail; nothing was written<\/h3>/);
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET' || request.otpSent),
      [],
      'a check writes nothing and spends no code',
    );
    assert.deepEqual(Object.keys((await registry.packument('wf-doctor')).versions), ['1.0.0']);
  });
});
