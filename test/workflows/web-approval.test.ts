import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { makePackage, runAction, visibleLog } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { actionInputs, actionStep, readWorkflow, runStep, stepById, tagFilterMatches, type Workflow } from './helpers.ts';

/**
 * examples/workflows/release-web-approval.yml: its publish step on a pushed tag, for an account whose
 * second factor is a security key (no TOTP secret), against the test registry in web-only mode; a person
 * approves the page the step prints, and the webhook hears of it. The example publishes to npmjs, so the
 * test adds `registry:` pointing at the test registry.
 */
describe('examples/workflows/release-web-approval.yml, for an account without TOTP', () => {
  const registry = suiteRegistry();
  let workflow: Workflow;
  let webhook: Server;
  const heard: string[] = [];
  let secrets: { NPM_TOKEN: string; NPM_APPROVAL_WEBHOOK: string };

  before(async () => {
    const user = await registry.addUser('key-releaser', { web: true });
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        heard.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    secrets = { NPM_TOKEN: user.token, NPM_APPROVAL_WEBHOOK: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook` };
    workflow = await readWorkflow('examples/workflows/release-web-approval.yml');
  });
  after(async () => {
    await new Promise((resolve) => webhook.close(resolve));
  });

  it('is linted with the others, runs on version tags, gives no TOTP secret, and lets the job outlive approval-timeout', async () => {
    assert.ok(tagFilterMatches(workflow.on.push.tags, 'refs/tags/v1.2.3'));
    const job = workflow.jobs.publish;
    const step = actionStep(job);
    assert.equal(step.with['otp-secret'], undefined);
    assert.equal(step.with['auth-type'], 'web');
    const timeoutMinutes = Number(/^(\d+)m$/.exec(String(step.with['approval-timeout']))?.[1]);
    assert.ok(job['timeout-minutes'] > timeoutMinutes, `timeout-minutes ${job['timeout-minutes']} > approval-timeout ${timeoutMinutes} min`);
  });

  it('on v1.2.3: prints the approval page, tells the webhook, publishes once a person approves, and reports one approval', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'wf-web', version: '1.2.3' });
    const github = { event_name: 'push', ref: 'refs/tags/v1.2.3', ref_name: 'v1.2.3', ref_type: 'tag', repository: 'octo-org/wf-web' };
    const inputs = await actionInputs(actionStep(workflow.jobs.publish), { github, secrets }, { registry: registry.url });
    let approving = false;
    const run = await runAction({
      inputs,
      cwd: dir,
      env: {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: github.ref,
        GITHUB_REF_NAME: github.ref_name,
        GITHUB_REPOSITORY: github.repository,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '9',
      },
      onStdout: (text) => {
        const page = /::notice::.*Open (\S+) and approve/.exec(text)?.[1];
        if (page && !approving) {
          approving = true;
          setTimeout(() => registry.approveWeb(page), 200);
        }
      },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual([run.outputs.published, run.outputs.version, run.outputs.tag, run.outputs.approvals], ['true', '1.2.3', 'latest', '1']);
    assert.equal(heard.length, 1);
    assert.equal(JSON.parse(heard[0] ?? '{}').repository, 'octo-org/wf-web');
    assert.ok(!visibleLog(run.stdout).includes(secrets.NPM_APPROVAL_WEBHOOK), 'the webhook URL is a secret: only ::add-mask:: names it');
    const report = await runStep(
      stepById(workflow.jobs.publish, 'Report'),
      { steps: { publish: { outputs: run.outputs } } },
      { workspace: dir, runnerTemp: dir },
    );
    assert.equal(report.stdout.trim(), 'published=true wf-web@1.2.3 after 1 web approval(s)');
  });
});
