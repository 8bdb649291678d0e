/**
 * Web approvals for accounts without TOTP (a security key or passkey), through the action as users get it,
 * against the test registry's web-only accounts (test/registry/web-auth.ts): a person approves the page the
 * job prints, the job waits and goes on.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { makePackage, runAction, runCli, visibleLog } from '../helpers/action.ts';
import { makeMonorepo } from '../helpers/monorepo.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

/** A local server that records what it receives (a chat webhook, or a host that must never see the token). */
async function recorder(): Promise<{
  url: string;
  received: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
  close: () => Promise<void>;
}> {
  const received: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('web approvals from the action as users get it (accounts without TOTP)', () => {
  const registry = suiteRegistry({ webRetryAfterS: 1 });
  /** The account of the test that runs: a new one each time, since an approval's "don't ask again" lasts for its account. */
  let keyUser: { name: string; token: string };
  let accounts = 0;

  beforeEach(async () => {
    keyUser = await registry.addUser(`key-holder-${(accounts += 1)}`, { web: true });
  });

  const tokens = () => registry.requests.flatMap((request) => (request.otp ? [request.otp] : []));

  it('a single publish completes after a person approves the page read from the live log; the webhook is told', async () => {
    const webhook = await recorder();
    try {
      const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'web-single', version: '1.0.0' });
      registry.clearRequests();
      let approvedUrl: string | undefined;
      const run = await runAction({
        inputs: { token: keyUser.token, registry: registry.url, package: dir, 'approval-webhook': `${webhook.url}/hooks/secret-path` },
        env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/widgets', GITHUB_RUN_ID: '77' },
        onStdout: (text) => {
          const match = /::notice::.*?Open (http:\/\/127\.0\.0\.1:\d+\/-\/v1\/auth\/[0-9a-f-]+) and approve/.exec(text);
          if (match?.[1] && approvedUrl === undefined) {
            approvedUrl = match[1];
            // A person reads the link in the log and approves a moment later.
            setTimeout(() => registry.approveWeb(match[1] as string), 300);
          }
        },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.ok(approvedUrl, 'the approval page was in the live log');
      assert.equal(run.outputs.published, 'true');
      assert.equal(run.outputs.approvals, '1');
      assert.match(
        run.stdout,
        /::notice::Approval needed on npm: publish web-single@1\.0\.0\. Open http:\S+ and approve; this job waits until \S+ \(15 min\)\. Tick "don't ask again for 5 minutes"/,
      );
      assert.match(run.summary, /Web approvals given during the run: 1\./);
      assert.equal((await registry.packument('web-single'))?.['dist-tags'].latest, '1.0.0');
      // The write, its polls (with the token, on the registry's origin) and the write again with the approval's token.
      const seen = registry.requests
        .filter((request) => request.path !== '/web-single' || request.method === 'PUT')
        .map((request) => `${request.method} ${request.path}${request.path === '/-/v1/done' ? '' : request.otpSent ? ' +otp' : ''} ${request.status}`);
      assert.equal(seen[0], 'PUT /web-single 401');
      assert.ok(
        seen.slice(1, -1).every((line) => /^GET \/-\/v1\/done (202|200)$/.test(line)),
        seen.join('\n'),
      );
      assert.equal(seen.at(-1), 'PUT /web-single +otp 201');
      assert.ok(
        registry.requests
          .filter((request) => request.path === '/-/v1/done')
          .every((request) => request.user === keyUser.name && request.npmAuthType === 'web' && request.npmCommand === 'publish'),
      );
      assert.equal(webhook.received.length, 1);
      const message = JSON.parse(webhook.received[0]?.body ?? '{}');
      assert.equal(message.authUrl, approvedUrl);
      assert.equal(message.repository, 'acme/widgets');
      assert.equal(message.runUrl, 'https://github.com/acme/widgets/actions/runs/77');
      assert.equal(message.waiting, 'publish web-single@1.0.0');
      assert.equal(message.text, message.content);
      assertNoSecrets(
        { stdout: visibleLog(run.stdout), stderr: run.stderr, summary: run.summary, outputs: run.outputFile },
        [keyUser.token, `${webhook.url}/hooks/secret-path`],
        tokens(),
      );
    } finally {
      await webhook.close();
    }
  });

  for (const dontAskAgain of [true, false]) {
    it(`a 10-package monorepo needs ${dontAskAgain ? 'one approval with' : 'ten without'} "don't ask again"`, async () => {
      const scope = `web-mono-${dontAskAgain ? 'window' : 'each'}`;
      const packages = Object.fromEntries(
        // p0 first, then nine that depend on it, uploaded four at a time: challenged together, approved one at a time.
        Array.from({ length: 10 }, (_, i) => [
          `packages/p${i}`,
          {
            name: `@${scope}/p${i}`,
            version: '1.0.0',
            publishConfig: { access: 'public' },
            ...(i > 0 ? { dependencies: { [`@${scope}/p0`]: '^1.0.0' } } : {}),
          },
        ]),
      );
      const repo = await makeMonorepo({ root: { name: `${scope}-root`, private: true, workspaces: ['packages/*'] }, packages });
      try {
        registry.autoApproveWeb({ afterPolls: 1, dontAskAgain });
        const run = await runAction({ inputs: { token: keyUser.token, registry: registry.url, package: repo.root, workspaces: 'true', 'auth-type': 'web' } });
        registry.autoApproveWeb(undefined);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.equal(run.outputs.approvals, dontAskAgain ? '1' : '10');
        const published = JSON.parse(run.outputs.packages ?? '[]') as Array<{ outcome: string }>;
        assert.deepEqual(
          published.map((entry) => entry.outcome),
          Array(10).fill('published'),
        );
        assert.match(run.stdout, /publish @web-mono-\w+\/p0@1\.0\.0 \(publish of 10 packages\)/);
        const pages = registry.webChallenges().filter((challenge) => challenge.user === keyUser.name);
        assert.equal(pages.filter((challenge) => challenge.status === 'approved').length, dontAskAgain ? 1 : 10);
      } finally {
        await repo.cleanup();
      }
    });
  }

  it('stage approve --workspaces of 3 packages says up front that each needs its own approval, and needs three, even with "don\'t ask again"', async () => {
    const scope = 'web-stage';
    const packages = Object.fromEntries(
      Array.from({ length: 3 }, (_, i) => [`packages/s${i}`, { name: `@${scope}/s${i}`, version: '1.0.0', publishConfig: { access: 'public' } }]),
    );
    const repo = await makeMonorepo({ root: { name: `${scope}-root`, private: true, workspaces: ['packages/*'] }, packages });
    try {
      const staging = await runAction({ inputs: { token: keyUser.token, registry: registry.url, package: repo.root, commands: 'stage publish --workspaces' } });
      assert.equal(staging.code, 0, staging.stdout + staging.stderr);
      registry.autoApproveWeb({ afterPolls: 1, dontAskAgain: true });
      const run = await runAction({ inputs: { token: keyUser.token, registry: registry.url, package: repo.root, commands: 'stage approve --workspaces' } });
      registry.autoApproveWeb(undefined);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /stage approve: each of the 3 staged versions needs its own web approval/);
      assert.equal(run.outputs.approvals, '3');
      assert.deepEqual(
        registry.staged().filter((entry) => entry.packageName.startsWith(`@${scope}/`)),
        [],
      );
    } finally {
      await repo.cleanup();
    }
  });

  it('no approval within approval-timeout: EAPPROVALTIMEOUT, nothing published, the summary says so', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'web-timeout', version: '1.0.0' });
    const run = await runAction({ inputs: { token: keyUser.token, registry: registry.url, package: dir, 'approval-timeout': '1s' } });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::Nobody approved "publish web-timeout@1\.0\.0" within 1 s \(approval-timeout\), so it was not written\./);
    assert.equal(run.outputs.published, 'false');
    assert.equal(await registry.packument('web-timeout'), undefined);
    assert.match(run.summary, /failed/);
  });

  it('a denied approval stops the run with EAPPROVALREFUSED, nothing written', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'web-denied', version: '1.0.0' });
    const run = await runAction({
      inputs: { token: keyUser.token, registry: registry.url, package: dir },
      onStdout: (text) => {
        const match = /Open (http:\S+\/-\/v1\/auth\/[0-9a-f-]+) and approve/.exec(text);
        if (match?.[1]) registry.denyWeb(match[1]);
      },
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /::error::The registry ended the web approval of "publish web-denied@1\.0\.0" without approving it \(403: The request was denied\.\)/,
    );
    assert.equal(await registry.packument('web-denied'), undefined);
  });

  it('a doneUrl on another origin never receives the token, nor any request', async () => {
    const other = await recorder();
    try {
      registry.configure({ webDoneOrigin: other.url.replace('127.0.0.1', 'localhost') });
      const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'web-elsewhere', version: '1.0.0' });
      const run = await runAction({ inputs: { token: keyUser.token, registry: registry.url, package: dir } });
      assert.equal(run.code, 1);
      assert.match(
        run.stdout,
        /::error::The registry asked for a web approval of "publish web-elsewhere@1\.0\.0" but names http:\/\/localhost:\d+ to ask for its result, which is not the registry/,
      );
      assert.deepEqual(other.received, []);
    } finally {
      registry.configure({ webDoneOrigin: null });
      await other.close();
    }
  });

  it('a TOTP account with auth-type auto and a secret works with no web challenge', async () => {
    const totpUser = await registry.addUser('totp-holder');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'web-totp', version: '1.0.0' });
    registry.clearRequests();
    const run = await runAction({ inputs: { token: totpUser.token, 'otp-secret': totpUser.secret, registry: registry.url, package: dir } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.approvals, '0');
    assert.ok(!registry.webChallenges().some((challenge) => challenge.user === 'totp-holder'));
    assert.ok(registry.requests.some((request) => request.method === 'PUT' && request.otpAccepted && request.npmAuthType === 'web'));
  });

  it('auto with a secret, on an account that has moved to a security key: says so and asks for a web approval instead', async () => {
    registry.autoApproveWeb({ afterPolls: 1 });
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'web-moved', version: '1.0.0' });
    const moved = await registry.addUser('moved-to-key', { web: true });
    const run = await runAction({ inputs: { token: moved.token, 'otp-secret': 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', registry: registry.url, package: dir } });
    registry.autoApproveWeb(undefined);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /::warning::The registry answered a one-time password for "publish web-moved@1\.0\.0" with a web approval: the account has no TOTP any more/,
    );
    assert.equal(run.outputs.approvals, '1');
  });

  it('the installed CLI: prints the page on stderr, opens it with --open, waits, and says how many approvals were given', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-web-cli-'));
    try {
      // A browser opener that writes down what it was asked to open.
      await mkdir(path.join(work, 'bin'));
      await writeFile(path.join(work, 'bin', 'xdg-open'), `#!/bin/sh\necho "$1" >> ${JSON.stringify(path.join(work, 'opened'))}\n`, { mode: 0o755 });
      const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'web-cli', version: '1.0.0' });
      registry.autoApproveWeb({ afterPolls: 2 });
      const run = await runCli(
        ['publish', dir, '--registry', registry.url, '--auth-type', 'web', '--approval-timeout', '1m', '--open'],
        { PATH: `${path.join(work, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, HOME: work, NPM_TOKEN: keyUser.token },
        work,
      );
      registry.autoApproveWeb(undefined);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const page = /^notice: Approval needed on npm: publish web-cli@1\.0\.0\. Open (\S+) and approve; this job waits until \S+ \(60 s\)\./m.exec(
        run.stderr,
      )?.[1];
      assert.ok(page, run.stderr);
      assert.match(run.stdout, /^published +publish web-cli@1\.0\.0 /m);
      assert.match(run.stdout, /^web approvals given during the run: 1$/m);
      assert.equal((await readFile(path.join(work, 'opened'), 'utf8')).trim(), page);
      const refused = await runCli(
        ['publish', dir, '--approval-webhook=https://hooks.example/x'],
        { PATH: process.env.PATH ?? '', HOME: work, NPM_TOKEN: keyUser.token },
        work,
      );
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /--approval-webhook is not accepted: .*NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
