import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { makePackage, runAction, runCli, visibleLog } from '../helpers/action.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

/** A GitHub-hosted job with `id-token: write`, as far as the environment tells. */
const GITHUB_JOB = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/widgets',
  RUNNER_ENVIRONMENT: 'github-hosted',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'ghs_request_token_for_tests',
};
const REPOSITORY = 'git+https://github.com/acme/widgets.git';

/**
 * Provenance asked for where it cannot be signed, through the bundled action
 * as the runner starts it (and the CLI outside any CI): exit code 1, one
 * `::error::` line that names the setting and the cause, a failed row in
 * `results` and the job summary, no package script run, no write sent (only
 * the package's visibility is read, where that is the question), and the ID
 * token endpoint never asked.
 */
describe('provenance refused through the action and the CLI as users get them', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };

  before(async () => {
    user = await registry.addUser('e2e-provenance');
    // A scoped package published without access is restricted (private), as on npmjs.
    const first = await runAction({
      inputs: {
        token: user.token,
        'otp-secret': user.secret,
        registry: registry.url,
        package: await makePackage({ 'index.js': '1;\n' }, { name: '@acme/e2e-private', version: '1.0.0' }),
      },
    });
    assert.equal(first.code, 0, first.stdout + first.stderr);
  });

  async function refused(
    options: { inputs?: Record<string, string>; env?: Record<string, string>; manifest?: Record<string, unknown> },
    error: RegExp,
    reads: string[] = [],
  ) {
    const manifest = {
      name: 'e2e-prov',
      version: '1.0.0',
      repository: REPOSITORY,
      ...options.manifest,
      scripts: { prepublishOnly: "node -e \"require('fs').writeFileSync('ran', '')\"" },
    };
    const pkg = await makePackage({ 'index.js': '1;\n' }, manifest);
    registry.clearRequests();
    const run = await runAction({
      inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: pkg, ...options.inputs },
      env: { ...GITHUB_JOB, ...options.env },
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    assert.equal(errors.length, 1, `one error annotation:\n${run.stdout}`);
    assert.match(errors[0] ?? '', error);
    assert.match(errors[0] ?? '', /nothing was run or sent\.$/);
    assert.equal(run.outputs.published, 'false');
    const results = JSON.parse(run.outputs.results ?? 'null') as Array<Record<string, unknown>>;
    assert.deepEqual(
      results.map((result) => result.outcome),
      ['failed'],
    );
    assert.match(String(results[0]?.detail), error.source.startsWith('^::error::') ? new RegExp(error.source.slice('^::error::'.length)) : error);
    assert.match(run.summary, /❌ failed/);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    assert.doesNotMatch(run.stdout, /Trusted publishing|Provenance:/, 'no exchange was tried and nothing was signed');
    assertNoSecrets({ stdout: visibleLog(run.stdout), stderr: run.stderr, outputs: run.outputFile, summary: run.summary }, [
      user.token,
      user.secret,
      GITHUB_JOB.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    ]);
    assert.deepEqual(
      registry.requests.map((request) => `${request.method} ${request.path}`),
      reads,
      'nothing but the reads that decide',
    );
    assert.equal(await stat(path.join(pkg, 'ran')).catch(() => undefined), undefined, 'prepublishOnly did not run');
    return run;
  }

  it('without permissions: id-token: write', async () => {
    await refused(
      { inputs: { provenance: 'true' }, env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' } },
      /^::error::provenance: e2e-prov@1\.0\.0 cannot be published with provenance: the job has no OIDC ID token .*`permissions: id-token: write`/,
    );
  });

  it('on a self-hosted runner', async () => {
    await refused(
      { inputs: { provenance: 'true' }, env: { RUNNER_ENVIRONMENT: 'self-hosted' } },
      /^::error::provenance: .*self-hosted runner, and the registry accepts provenance only from GitHub-hosted runners/,
    );
  });

  it('in GitLab CI without SIGSTORE_ID_TOKEN, asked for by publishConfig.provenance', async () => {
    await refused(
      { env: { GITHUB_ACTIONS: '', GITLAB_CI: 'true' }, manifest: { publishConfig: { provenance: true } } },
      /^::error::package \(publishConfig\.provenance in .*package\.json\): e2e-prov@1\.0\.0 cannot be published with provenance: the job has no SIGSTORE_ID_TOKEN/,
    );
  });

  it('outside GitHub Actions and GitLab CI', async () => {
    await refused(
      { inputs: { provenance: 'true' }, env: { GITHUB_ACTIONS: '', CI: '' } },
      /^::error::provenance: .*GitHub Actions and GitLab CI only, and this run is not in a CI that can sign one/,
    );
  });

  it('with restricted access', async () => {
    await refused(
      { inputs: { provenance: 'true', access: 'restricted' }, manifest: { name: '@acme/e2e-prov' } },
      /^::error::provenance: .*restricted access \(access\), and npm signs provenance for public packages only/,
    );
  });

  it('when package.json does not name the repository the statement comes from', async () => {
    await refused(
      { inputs: { provenance: 'true' }, manifest: { repository: 'github:acme/other' } },
      /^::error::provenance: .*package\.json's repository is "github:acme\/other", but the statement comes from https:\/\/github\.com\/acme\/widgets/,
    );
  });

  it('for a package the registry says is private, after reading it', async () => {
    await refused(
      { inputs: { provenance: 'true' }, manifest: { name: '@acme/e2e-private', version: '1.1.0' } },
      /^::error::provenance: @acme\/e2e-private@1\.1\.0 cannot be published with provenance: @acme\/e2e-private is private in http:\/\/127\.0\.0\.1:\d+\/, and npm signs provenance for public packages only/,
      ['GET /@acme%2fe2e-private', 'GET /-/package/@acme%2fe2e-private/visibility'],
    );
  });

  it('for a package not in the registry yet, without access public', async () => {
    await refused(
      { inputs: { provenance: 'true' } },
      /^::error::provenance: e2e-prov@1\.0\.0 cannot be published with provenance: e2e-prov is not in http:\/\/127\.0\.0\.1:\d+\/ yet/,
      ['GET /e2e-prov'],
    );
  });

  it('and through the CLI outside any CI', async () => {
    const pkg = await makePackage({ 'index.js': '1;\n' }, { name: 'e2e-prov', version: '1.0.0', repository: REPOSITORY });
    registry.clearRequests();
    const run = await runCli(['publish', pkg, '--provenance', '--registry', registry.url], { PATH: process.env.PATH ?? '', NODE_AUTH_TOKEN: user.token }, pkg);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /^npm-totp-publish: --provenance: e2e-prov@1\.0\.0 cannot be published with provenance: .*this run is not in a CI that can sign one.*nothing was run or sent\.\n$/,
    );
    assert.deepEqual(registry.requests, []);
  });
});
