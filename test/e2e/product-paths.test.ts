/**
 * Every path of the product, run as users get it (test/helpers/product.ts): the action from the
 * folder `uses:` checks out, with no node_modules anywhere, and the CLI installed from its packed
 * tarball. A bundle that reaches outside dist/ on any of these paths fails here.
 *
 * Covered elsewhere through the same helpers: a folder and a .tgz publish, a proxy (action.test.ts);
 * trust and stage with --workspaces (test/workflows/trust-stage.test.ts); trusted publishing by OIDC
 * (test/integration/trusted-publishing.test.ts); the example workflows (test/workflows/).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makePackage, runAction, runCli, visibleLog } from '../helpers/action.ts';
import { makeMonorepo } from '../helpers/monorepo.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { sigstoreIdToken, startMockSigstore, type MockSigstore } from '../helpers/sigstore.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

const LIFECYCLE = ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'];

describe('every path of the product, from the folder uses: checks out and the installed CLI', () => {
  const registry = suiteRegistry({ recordBodies: true });
  let alice: { name: string; token: string; secret: string };
  let work: string;

  before(async () => {
    alice = await registry.addUser('alice');
    await registry.addUser('bob');
    work = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-paths-'));
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const codesSeen = () => registry.requests.flatMap((request) => (request.otp ? [request.otp] : []));

  /** A package whose every lifecycle script appends its event to `order`, a file outside the package. */
  async function scripted(name: string) {
    const script = `node -e "require('fs').appendFileSync(process.env.ORDER_FILE, process.env.npm_lifecycle_event + '\\\\n')"`;
    return makePackage({ 'index.js': '1;\n' }, { name, version: '1.0.0', scripts: Object.fromEntries(LIFECYCLE.map((event) => [event, script])) });
  }

  it('runs each lifecycle script in npm order around the upload, from the action and from the CLI', async () => {
    for (const [way, name] of [
      ['action', 'paths-scripts-action'],
      ['cli', 'paths-scripts-cli'],
    ] as const) {
      const order = path.join(work, `${way}-order.txt`);
      const dir = await scripted(name);
      registry.clearRequests();
      const run =
        way === 'action'
          ? await runAction({ inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir }, env: { ORDER_FILE: order } })
          : await runCli(
              ['publish', dir, '--registry', registry.url],
              { PATH: process.env.PATH ?? '', HOME: work, NPM_TOKEN: alice.token, NPM_TOTP_SECRET: alice.secret, ORDER_FILE: order },
              work,
            );
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual((await readFile(order, 'utf8')).trim().split('\n'), LIFECYCLE, way);
      assert.equal((await registry.packument(name))?.versions['1.0.0'].name, name);
      assertNoSecrets({ stdout: visibleLog(run.stdout), stderr: run.stderr }, [alice.token, alice.secret], codesSeen());
    }
  });

  for (const manager of ['npm', 'yarn', 'pnpm'] as const) {
    it(`publishes a ${manager} workspace in dependency order, with workspace ranges written as ${manager} writes them`, async () => {
      const scope = `paths-${manager}`;
      const range = manager === 'npm' ? '^1.0.0' : 'workspace:^';
      const repo = await makeMonorepo({
        root: { name: `${scope}-root`, version: '0.0.0', private: true, ...(manager === 'pnpm' ? {} : { workspaces: ['packages/*'] }) },
        rootFiles: {
          ...(manager === 'pnpm' ? { 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n" } : {}),
          ...(manager === 'yarn' ? { 'yarn.lock': '' } : {}),
        },
        packages: {
          'packages/base': { name: `@${scope}/base`, version: '1.0.0', publishConfig: { access: 'public' } },
          'packages/top': { name: `@${scope}/top`, version: '1.0.0', dependencies: { [`@${scope}/base`]: range }, publishConfig: { access: 'public' } },
          'packages/hidden': { name: `@${scope}/hidden`, version: '1.0.0', private: true },
        },
      });
      try {
        registry.clearRequests();
        const run = await runAction({
          inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: repo.root, workspaces: 'true' },
        });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const puts = registry.requests.filter((request) => request.method === 'PUT' && request.status < 300).map((request) => request.path);
        assert.deepEqual(puts, [`/@${scope}%2fbase`, `/@${scope}%2ftop`]);
        const top = await registry.packument(`@${scope}/top`);
        assert.deepEqual(top.versions['1.0.0'].dependencies, { [`@${scope}/base`]: '^1.0.0' });
        const packages = JSON.parse(run.outputs.packages ?? '[]') as Array<{ name: string; outcome: string }>;
        assert.deepEqual(packages.map((entry) => [entry.name, entry.outcome]).sort(), [
          [`@${scope}/base`, 'published'],
          [`@${scope}/hidden`, 'private'],
          [`@${scope}/top`, 'published'],
        ]);
      } finally {
        await repo.cleanup();
      }
    });
  }

  it('runs a commands block with every kind of write: stage, approve, reject, dist-tag, owner, access, deprecate, trust, publish, unpublish', async () => {
    const name = '@paths/every';
    const dir = await makePackage({ 'index.js': '1;\n' }, { name, version: '1.0.0', repository: 'github:acme/widgets', publishConfig: { access: 'public' } });
    const next = await makePackage({ 'index.js': '2;\n' }, { name, version: '1.1.0', publishConfig: { access: 'public' } });
    const staged = await makePackage({ 'index.js': '3;\n' }, { name, version: '2.0.0', publishConfig: { access: 'public' } });
    // What a line refers to is checked before anything runs: what the approval and the rejection take is staged first,
    // and the package exists before a trusted publisher is added.
    const inputs = { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir };
    const staging = await runAction({ inputs: { ...inputs, commands: `stage publish\nstage publish ${staged}` } });
    assert.equal(staging.code, 0, staging.stdout + staging.stderr);
    assert.deepEqual(
      registry.staged(name).map((entry) => entry.version),
      ['1.0.0', '2.0.0'],
    );
    const approving = await runAction({ inputs: { ...inputs, commands: `stage approve ${name}@1.0.0` } });
    assert.equal(approving.code, 0, approving.stdout + approving.stderr);
    assert.deepEqual(Object.keys((await registry.packument(name)).versions), ['1.0.0']);
    const commands = [
      `dist-tag add ${name}@1.0.0 beta`,
      `dist-tag rm ${name} beta`,
      `owner add bob ${name}`,
      `owner rm bob ${name}`,
      `access set status=private ${name}`,
      `access set mfa=publish ${name}`,
      `deprecate ${name}@1.0.0 "use 1.1.0"`,
      `trust github ${name} --file release.yml --allow-publish`,
      `publish ${next}`,
      `unpublish ${name}@1.1.0`,
      `stage reject ${name}@2.0.0`,
    ].join('\n');
    registry.clearRequests();
    const run = await runAction({ inputs: { ...inputs, commands } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const results = JSON.parse(run.outputs.results ?? '[]') as Array<{ line: number; outcome: string; id?: string }>;
    assert.equal(results.length, 11, JSON.stringify(results));
    assert.ok(
      results.every((result) => ['done', 'published'].includes(result.outcome)),
      JSON.stringify(results.map((result) => [result.line, result.outcome])),
    );
    const packument = await registry.packument(name);
    assert.deepEqual(Object.keys(packument.versions), ['1.0.0']);
    assert.equal(packument.versions['1.0.0'].deprecated, 'use 1.1.0');
    assert.equal(packument['dist-tags'].beta, undefined);
    const settings = registry.packageSettings(name);
    assert.equal(settings?.access, 'restricted');
    assert.equal(settings?.mfa, 'publish');
    assert.deepEqual(
      settings?.maintainers.map((maintainer) => maintainer.name),
      ['alice'],
    );
    assert.deepEqual(registry.staged(name), []);
    const trusted = results[7]?.id;
    assert.ok(trusted && settings?.trustConfigs.some((config) => config.id === trusted));

    const revoke = await runAction({
      inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, commands: `trust list ${name}\ntrust revoke ${name} --id ${trusted}` },
    });
    assert.equal(revoke.code, 0, revoke.stdout + revoke.stderr);
    assert.deepEqual(registry.packageSettings(name)?.trustConfigs, []);
    assertNoSecrets(
      {
        stdout: visibleLog(staging.stdout + approving.stdout + run.stdout + revoke.stdout),
        stderr: staging.stderr + approving.stderr + run.stderr + revoke.stderr,
        summary: staging.summary + approving.summary + run.summary + revoke.summary,
      },
      [alice.token, alice.secret],
      codesSeen(),
    );
  });

  describe('provenance, signed by the mocked Sigstore (NPM_TOTP_PUBLISH_SIGSTORE)', () => {
    let sigstore: MockSigstore;
    let endpoint: Server;
    before(async () => {
      sigstore = await startMockSigstore();
      endpoint = createServer((req, res) => {
        const audience = new URL(req.url ?? '/', 'http://x').searchParams.get('audience');
        if (req.headers.authorization !== 'Bearer ghs_request_token' || audience !== 'sigstore') return void res.writeHead(401).end();
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ value: sigstoreIdToken({ iss: 'https://token.actions.githubusercontent.com', sub: 'repo:acme/widgets:ref:refs/tags/v1.0.0' }) }),
          );
      });
      await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    });
    after(async () => {
      await sigstore.close();
      await new Promise((resolve) => endpoint.close(resolve));
    });

    it('attaches a statement signed through Fulcio, Rekor and the TSA, and reports its transparency log entry', async () => {
      const name = 'paths-provenance';
      // A package must be public in the registry before a statement can go with it.
      const first = await runAction({
        inputs: {
          token: alice.token,
          'otp-secret': alice.secret,
          registry: registry.url,
          package: await makePackage({ 'index.js': '0;\n' }, { name, version: '0.9.0' }),
          provenance: 'false',
        },
      });
      assert.equal(first.code, 0, first.stdout + first.stderr);
      const dir = await makePackage({ 'index.js': '1;\n' }, { name, version: '1.0.0', repository: 'git+https://github.com/acme/widgets.git' });
      const { fulcioURL, rekorURL, tsaServerURL } = sigstore;
      const run = await runAction({
        inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir, provenance: 'true' },
        env: {
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'acme/widgets',
          GITHUB_REPOSITORY_ID: '123456',
          GITHUB_REPOSITORY_OWNER_ID: '7890',
          GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/release.yml@refs/tags/v1.0.0',
          GITHUB_REF: 'refs/tags/v1.0.0',
          GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
          GITHUB_EVENT_NAME: 'push',
          GITHUB_RUN_ID: '4242',
          GITHUB_RUN_ATTEMPT: '1',
          RUNNER_ENVIRONMENT: 'github-hosted',
          ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/token?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'ghs_request_token',
          NPM_TOTP_PUBLISH_SIGSTORE: JSON.stringify({ fulcioURL, rekorURL, tsaServerURL }),
        },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(
        sigstore.requests.map((request) => request.service),
        ['fulcio', 'rekor', 'tsa'],
      );
      const [result] = JSON.parse(run.outputs.results ?? '[]') as Array<{ transparencyLogUrl?: string }>;
      assert.match(result?.transparencyLogUrl ?? '', /^https:\/\/search\.sigstore\.dev\/\?logIndex=\d+$/);
      assert.match(run.stdout, /::warning::Provenance statements are signed by the Sigstore instance at http:\/\/127\.0\.0\.1:\d+/);
      assert.equal((await registry.packument(name)).versions['1.0.0'].dist.attestations.provenance.predicateType, 'https://slsa.dev/provenance/v1');
    });

    it('refuses a NPM_TOTP_PUBLISH_SIGSTORE that is not JSON of https URLs, naming it, before any request', async () => {
      registry.clearRequests();
      const run = await runAction({
        inputs: {
          token: alice.token,
          'otp-secret': alice.secret,
          registry: registry.url,
          package: await makePackage({ 'index.js': '1;\n' }, { name: 'paths-bad-sigstore', version: '1.0.0' }),
        },
        env: { NPM_TOTP_PUBLISH_SIGSTORE: '{"fulcioURL":"http://fulcio.example","rekorURL":"https://rekor.example"}' },
      });
      assert.equal(run.code, 1);
      assert.match(run.stdout, /::error::NPM_TOTP_PUBLISH_SIGSTORE: fulcioURL must be https \(http only to this machine\)/);
      assert.deepEqual(registry.requests, []);
    });
  });

  // -h is --help for every command (one test of the parsed flags, src/cli/main.ts): --help after each command, -h after two.
  it('answers --help for every subcommand of the installed CLI, and -h', async () => {
    for (const command of ['publish', 'dist-tag', 'owner', 'access', 'deprecate', 'unpublish', 'trust', 'stage', 'run']) {
      for (const flag of ['publish', 'stage'].includes(command) ? ['--help', '-h'] : ['--help']) {
        const run = await runCli([command, flag], { PATH: process.env.PATH ?? '', HOME: work }, work);
        assert.equal(run.code, 0, `${command} ${flag}: ${run.stderr}`);
        assert.match(run.stdout, /^Usage: npm-totp-publish /, `${command} ${flag}`);
        assert.match(run.stdout, new RegExp(`^  ${command}\\b`, 'm'), `${command} ${flag} shows the ${command} usage`);
      }
    }
  });
});
