/**
 * Provenance from GitLab CI: libnpmpublish builds a SLSA v0.2 statement from
 * the CI_* variables and sigstore signs it with the job's SIGSTORE_ID_TOKEN.
 * ci-info reads the environment once, when it loads: this process is made a
 * GitLab job before any module of the product loads (a file of its own, since
 * test/integration/provenance.test.ts is a GitHub Actions job).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { MockSigstore } from '../helpers/sigstore.ts';

const JOB = {
  GITLAB_CI: 'true',
  CI: 'true',
  CI_PROJECT_URL: 'https://gitlab.com/acme/widgets',
  CI_PROJECT_PATH: 'acme/widgets',
  CI_COMMIT_SHA: '89abcdef0123456789abcdef0123456789abcdef',
  CI_JOB_NAME: 'publish',
  CI_JOB_ID: '5151',
  CI_JOB_URL: 'https://gitlab.com/acme/widgets/-/jobs/5151',
  CI_PIPELINE_ID: '777',
  CI_RUNNER_ID: '12',
  CI_CONFIG_PATH: '.gitlab-ci.yml',
};
for (const name of ['GITHUB_ACTIONS', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'NPM_ID_TOKEN', 'CIRCLECI']) delete process.env[name];
Object.assign(process.env, JOB);

const { sigstoreIdToken, startMockSigstore } = await import('../helpers/sigstore.ts');
process.env.SIGSTORE_ID_TOKEN = sigstoreIdToken({ iss: 'https://gitlab.com', sub: 'project_path:acme/widgets:ref_type:tag:ref:v1.0.0' });
const { systemClock } = await import('../../src/foundation/clock.ts');
const { normalizeOptions } = await import('../../src/grammar/options.ts');
const { runCommands } = await import('../../src/run/run.ts');
const { USER_AGENT } = await import('../../src/version.ts');
const { makePackage } = await import('../helpers/action.ts');
const { NAMES } = await import('../helpers/core.ts');
const { recordingLogger } = await import('../helpers/fake-clock.ts');
const { suiteRegistry } = await import('../helpers/suite-registry.ts');

describe('provenance from GitLab CI', () => {
  const registry = suiteRegistry({ recordBodies: true });
  let sigstore: MockSigstore;
  let user: { name: string; token: string; secret: string };

  before(async () => {
    sigstore = await startMockSigstore();
    user = await registry.addUser('gitlab-user');
  });
  after(async () => {
    await sigstore.close();
  });

  it('signs the statement of this project, commit and job with SIGSTORE_ID_TOKEN, for a new package published with access public', async () => {
    const dir = await makePackage(
      { 'index.js': '1;\n' },
      { name: 'gl-prov', version: '1.0.0', repository: { type: 'git', url: 'git+https://gitlab.com/acme/widgets.git' } },
    );
    const { logger } = recordingLogger();
    const options = normalizeOptions(
      { token: user.token, otpSecret: user.secret, registry: registry.url, package: dir, provenance: 'true', access: 'public' },
      NAMES,
    );
    const { fulcioURL, rekorURL, tsaServerURL } = sigstore;
    const report = await runCommands(options, undefined, {
      clock: systemClock,
      logger,
      cwd: process.cwd(),
      env: process.env,
      userAgent: USER_AGENT,
      sigstore: { fulcioURL, rekorURL, tsaServerURL },
    });
    assert.equal(report.error, undefined, String(report.error));
    assert.match(report.results[0]?.transparencyLogUrl ?? '', /^https:\/\/search\.sigstore\.dev\/\?logIndex=\d+$/);

    // access public: the package becomes public with this publish, so its visibility is not asked first.
    assert.deepEqual(
      registry.requests.map((request) => `${request.method} ${request.path}`),
      ['GET /gl-prov', 'PUT /gl-prov'],
    );
    const body = registry.requests.find((request) => request.method === 'PUT')?.body as { _attachments: Record<string, { data: string }> };
    const bundle = JSON.parse(body._attachments['gl-prov-1.0.0.sigstore']?.data ?? 'null');
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
    const tarball = Buffer.from(body._attachments['gl-prov-1.0.0.tgz']?.data ?? '', 'base64');
    assert.deepEqual(statement.subject, [{ name: 'pkg:npm/gl-prov@1.0.0', digest: { sha512: createHash('sha512').update(tarball).digest('hex') } }]);
    assert.equal(statement.predicateType, 'https://slsa.dev/provenance/v0.2');
    assert.deepEqual(statement.predicate.invocation.configSource, {
      uri: 'git+https://gitlab.com/acme/widgets',
      digest: { sha1: JOB.CI_COMMIT_SHA },
      entryPoint: 'publish',
    });
    assert.equal(statement.predicate.metadata.buildInvocationId, JOB.CI_JOB_URL);
    assert.equal(sigstore.requests.find((request) => request.service === 'fulcio')?.claims?.iss, 'https://gitlab.com');
  });
});
