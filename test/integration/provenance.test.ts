/**
 * Provenance through libnpmpublish's own path, signed by mocked Fulcio, Rekor
 * and TSA on 127.0.0.1, against the test registry. libnpmpublish tells the CI
 * through ci-info, which reads the environment once, when it loads: so this
 * process is made a GitHub Actions job before any module of the product loads.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RawOptions } from '../../src/grammar/options.ts';
import type { IdTokenProvider } from '../../src/run/id-tokens.ts';
import type { MockSigstore } from '../helpers/sigstore.ts';

/** package.json's repository, as the registry wants it for a statement from acme/widgets. */
const REPOSITORY = { type: 'git', url: 'git+https://github.com/acme/widgets.git' };

const RUN = {
  GITHUB_ACTIONS: 'true',
  CI: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/widgets',
  GITHUB_REPOSITORY_ID: '123456',
  GITHUB_REPOSITORY_OWNER_ID: '7890',
  GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/release.yml@refs/tags/v1.1.0',
  GITHUB_REF: 'refs/tags/v1.1.0',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  RUNNER_ENVIRONMENT: 'github-hosted',
};
for (const name of ['GITLAB_CI', 'SIGSTORE_ID_TOKEN', 'NPM_ID_TOKEN', 'CIRCLECI', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
  delete process.env[name];
Object.assign(process.env, RUN);

const { systemClock } = await import('../../src/foundation/clock.ts');
const { normalizeOptions } = await import('../../src/grammar/options.ts');
const { runCommands } = await import('../../src/run/run.ts');
const { USER_AGENT } = await import('../../src/version.ts');
const { makePackage } = await import('../helpers/action.ts');
const { makeMonorepo } = await import('../helpers/monorepo.ts');
const { NAMES } = await import('../helpers/core.ts');
const { recordingLogger } = await import('../helpers/fake-clock.ts');
const { sigstoreIdToken, startMockSigstore } = await import('../helpers/sigstore.ts');
const { suiteRegistry } = await import('../helpers/suite-registry.ts');

describe('provenance: a statement signed through sigstore, attached to the publish', () => {
  const registry = suiteRegistry({ recordBodies: true });
  let sigstore: MockSigstore;
  let endpoint: Server;
  let alice: { name: string; token: string; secret: string };
  const publisher = { repository: 'acme/widgets', workflow: 'release.yml' };
  const audiences: string[] = [];

  before(async () => {
    sigstore = await startMockSigstore();
    alice = await registry.addUser('alice');
    // GitHub's ID token endpoint: sigstore asks for audience `sigstore`, trusted publishing for `npm:<host>`.
    endpoint = createServer((req, res) => {
      const audience = new URL(req.url ?? '/', 'http://x').searchParams.get('audience') ?? '';
      audiences.push(audience);
      if (req.headers.authorization !== 'Bearer ghs_request_token') return void res.writeHead(401).end();
      const value =
        audience === 'sigstore'
          ? sigstoreIdToken({ iss: 'https://token.actions.githubusercontent.com', sub: 'repo:acme/widgets:ref:refs/tags/v1.1.0' })
          : registry.issueIdToken(publisher);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value }));
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/token?api-version=2.0`;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'ghs_request_token';
    // The first versions go out with the token: a package must exist (and be public) for provenance and for a trusted publisher.
    for (const name of ['prov-pkg', 'prov-auto', '@acme/hidden']) {
      const { report } = await publish({ package: await makePackage({ 'index.js': '1;\n' }, { name, version: '1.0.0' }), provenance: 'false' });
      assert.equal(report.error, undefined, String(report.error));
    }
    registry.trustPublisher('prov-auto', publisher);
  });
  after(async () => {
    await sigstore.close();
    endpoint.close();
  });

  async function publish(raw: RawOptions, extra: { idTokens?: IdTokenProvider; env?: NodeJS.ProcessEnv; fulcioURL?: string } = {}) {
    const { logger, lines } = recordingLogger();
    const options = normalizeOptions({ token: alice.token, otpSecret: alice.secret, registry: registry.url, ...raw }, NAMES);
    const { fulcioURL, rekorURL, tsaServerURL } = sigstore;
    const report = await runCommands(options, undefined, {
      clock: systemClock,
      logger,
      cwd: process.cwd(),
      env: extra.env ?? process.env,
      userAgent: USER_AGENT,
      sigstore: { fulcioURL: extra.fulcioURL ?? fulcioURL, rekorURL, tsaServerURL },
      ...(extra.idTokens ? { idTokens: extra.idTokens } : {}),
    });
    return { report, lines };
  }

  /** The publish body the registry received for `name@version`. */
  function publishBody(name: string, version: string): { _attachments: Record<string, { data: string; content_type: string; length: number }> } {
    const put = registry.requests.find(
      (request) => request.method === 'PUT' && request.path === `/${name.replace('/', '%2f')}` && JSON.stringify(request.body ?? '').includes(`"${version}"`),
    );
    assert.ok(put, `a publish of ${name}@${version} reached the registry`);
    return put.body as ReturnType<typeof publishBody>;
  }

  /** The in-toto statement inside the attached bundle, checked against the tarball that went with it. */
  function attachedStatement(name: string, version: string) {
    const attachments = publishBody(name, version)._attachments;
    const tarball = Buffer.from(attachments[`${name}-${version}.tgz`]?.data ?? '', 'base64');
    const attachment = attachments[`${name}-${version}.sigstore`];
    assert.ok(attachment, `${name}-${version}.sigstore is attached`);
    const bundle = JSON.parse(attachment.data);
    assert.equal(attachment.content_type, bundle.mediaType);
    assert.match(bundle.mediaType, /^application\/vnd\.dev\.sigstore\.bundle/);
    assert.equal(bundle.dsseEnvelope.payloadType, 'application/vnd.in-toto+json');
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
    return { bundle, statement, tarball };
  }

  it('with provenance true: signs the statement of this workflow, commit and run over the tarball, attaches it, and reports the transparency log entry', async () => {
    const dir = await makePackage({ 'index.js': '2;\n' }, { name: 'prov-pkg', version: '1.1.0', repository: REPOSITORY });
    registry.clearRequests();
    audiences.length = 0;
    sigstore.requests.length = 0;
    const { report, lines } = await publish({ package: dir, provenance: 'true' });
    assert.equal(report.error, undefined, String(report.error));

    const { bundle, statement, tarball } = attachedStatement('prov-pkg', '1.1.0');
    assert.deepEqual(statement.subject, [{ name: 'pkg:npm/prov-pkg@1.1.0', digest: { sha512: createHash('sha512').update(tarball).digest('hex') } }]);
    assert.equal(statement.predicateType, 'https://slsa.dev/provenance/v1');
    const build = statement.predicate.buildDefinition;
    assert.deepEqual(build.externalParameters.workflow, {
      ref: 'refs/tags/v1.1.0',
      repository: 'https://github.com/acme/widgets',
      path: '.github/workflows/release.yml',
    });
    assert.deepEqual(build.resolvedDependencies, [{ uri: 'git+https://github.com/acme/widgets@refs/tags/v1.1.0', digest: { gitCommit: RUN.GITHUB_SHA } }]);
    assert.equal(statement.predicate.runDetails.metadata.invocationId, 'https://github.com/acme/widgets/actions/runs/4242/attempts/2');
    assert.equal(statement.predicate.runDetails.builder.id, 'https://github.com/actions/runner/github-hosted');

    // Signed with the job's identity (audience sigstore), logged in Rekor, timestamped by the TSA.
    assert.deepEqual(audiences, ['sigstore']);
    assert.deepEqual(
      sigstore.requests.map((request) => request.service),
      ['fulcio', 'rekor', 'tsa'],
    );
    assert.equal(sigstore.requests[0]?.claims?.sub, 'repo:acme/widgets:ref:refs/tags/v1.1.0');
    const logIndex = bundle.verificationMaterial.tlogEntries[0].logIndex;
    const url = `https://search.sigstore.dev/?logIndex=${logIndex}`;
    assert.equal(report.results[0]?.transparencyLogUrl, url);
    assert.match(report.results[0]?.detail ?? '', new RegExp(`with provenance \\(transparency log: ${url.replace(/[?.]/g, '\\$&')}\\)`));
    assert.ok(
      lines.some((line) => line.level === 'info' && line.message === `Provenance statement for prov-pkg@1.1.0 published to the transparency log: ${url}`),
    );

    // The registry was asked whether the package is public before anything ran (and once more by libnpmpublish, as npm does), then one PUT with one code.
    assert.deepEqual(
      registry.requests.map((request) => `${request.method} ${request.path}`),
      ['GET /prov-pkg', 'GET /-/package/prov-pkg/visibility', 'GET /-/package/prov-pkg/visibility', 'PUT /prov-pkg'],
    );
    assert.equal(report.results[0]?.otpAttempts, 1);
    // The registry kept the bundle apart and marks the version, as npmjs does.
    assert.equal((await registry.packument('prov-pkg')).versions['1.1.0'].dist.attestations.provenance.predicateType, 'https://slsa.dev/provenance/v1');
  });

  it('with auto (the default): on for a trusted publish from a public repository of a public package, as npm does', async () => {
    const dir = await makePackage({ 'index.js': '2;\n' }, { name: 'prov-auto', version: '1.1.0', repository: 'acme/widgets' });
    registry.clearRequests();
    const idTokens: IdTokenProvider = async () => registry.issueIdToken(publisher);
    const { report, lines } = await publish({ package: dir }, { idTokens });
    assert.equal(report.error, undefined, String(report.error));
    const { statement } = attachedStatement('prov-auto', '1.1.0');
    assert.equal(statement.subject[0].name, 'pkg:npm/prov-auto@1.1.0');
    assert.match(
      report.results[0]?.detail ?? '',
      /by trusted publishing, with provenance \(transparency log: https:\/\/search\.sigstore\.dev\/\?logIndex=\d+\)/,
    );
    assert.equal(report.results[0]?.otpAttempts, 0);
    assert.ok(
      lines.some((line) =>
        /^Provenance: on for prov-auto@1\.1\.0, as npm turns it on for a trusted publish \(public repository and public package\)\.$/.test(line.message),
      ),
    );
  });

  it('with auto: off for a trusted publish from a private repository, and for a publish with the token, saying why', async () => {
    const dir = await makePackage({ 'index.js': '3;\n' }, { name: 'prov-auto', version: '1.2.0', repository: REPOSITORY });
    registry.clearRequests();
    const privateRepo: IdTokenProvider = async () => registry.issueIdToken({ ...publisher, repositoryVisibility: 'private' });
    const { report, lines } = await publish({ package: dir }, { idTokens: privateRepo });
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(Object.keys(publishBody('prov-auto', '1.2.0')._attachments), ['prov-auto-1.2.0.tgz']);
    assert.equal(report.results[0]?.transparencyLogUrl, undefined);
    assert.ok(
      lines.some((line) =>
        /^Provenance: off for prov-auto@1\.2\.0 \(the ID token says the repository is private\); npm would not sign one either\. Set provenance to true to require it\.$/.test(
          line.message,
        ),
      ),
    );

    const next = await makePackage({ 'index.js': '4;\n' }, { name: 'prov-pkg', version: '1.2.0' });
    registry.clearRequests();
    const withToken = await publish({ package: next });
    assert.equal(withToken.report.error, undefined, String(withToken.report.error));
    assert.deepEqual(Object.keys(publishBody('prov-pkg', '1.2.0')._attachments), ['prov-pkg-1.2.0.tgz']);
  });

  it('with auto: off, with a warning, for a trusted publish whose package.json names another repository (npm would sign it and the registry refuse the publish)', async () => {
    const dir = await makePackage({ 'index.js': '7;\n' }, { name: 'prov-auto', version: '1.3.0', repository: 'https://github.com/acme/old-name' });
    registry.clearRequests();
    const { report, lines } = await publish({ package: dir }, { idTokens: async () => registry.issueIdToken(publisher) });
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(Object.keys(publishBody('prov-auto', '1.3.0')._attachments), ['prov-auto-1.3.0.tgz']);
    assert.ok(
      lines.some(
        (line) =>
          line.level === 'warning' &&
          /^Provenance: off for prov-auto@1\.3\.0: npm would sign a statement here, but package\.json's repository is "git\+https:\/\/github\.com\/acme\/old-name\.git"/.test(
            line.message,
          ),
      ),
      JSON.stringify(lines),
    );
  });

  it('reads publishConfig.provenance as npm does, and the provenance setting beats it', async () => {
    const dir = await makePackage(
      { 'index.js': '5;\n' },
      { name: 'prov-pkg', version: '1.3.0', repository: 'https://github.com/acme/widgets', publishConfig: { provenance: true } },
    );
    registry.clearRequests();
    const { report, lines } = await publish({ package: dir });
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(attachedStatement('prov-pkg', '1.3.0').statement.subject[0].name, 'pkg:npm/prov-pkg@1.3.0');
    assert.ok(
      lines.some((line) =>
        line.message.startsWith(
          `Provenance: signing a statement for prov-pkg@1.3.0 with this job's OIDC identity (package (publishConfig.provenance in ${path.join(dir, 'package.json')}))`,
        ),
      ),
    );

    const off = await makePackage({ 'index.js': '6;\n' }, { name: 'prov-pkg', version: '1.4.0', publishConfig: { provenance: true } });
    registry.clearRequests();
    const refused = await publish({ package: off, provenance: 'false' });
    assert.equal(refused.report.error, undefined, String(refused.report.error));
    assert.deepEqual(Object.keys(publishBody('prov-pkg', '1.4.0')._attachments), ['prov-pkg-1.4.0.tgz']);
  });

  it('signs one statement per workspace package of a monorepo, each with its transparency log entry, and refuses the run first when one package cannot have one', async () => {
    const members = (bRepository: unknown) => ({
      root: { name: 'prov-mono', private: true, workspaces: ['packages/*'] },
      packages: {
        'packages/a': { name: 'prov-ws-a', version: '1.0.0', repository: { ...REPOSITORY, directory: 'packages/a' } },
        'packages/b': { name: 'prov-ws-b', version: '1.0.0', dependencies: { 'prov-ws-a': '^1.0.0' }, ...(bRepository ? { repository: bRepository } : {}) },
      },
    });
    const broken = await makeMonorepo(members(undefined));
    try {
      registry.clearRequests();
      const { report } = await publish({ package: broken.root, workspaces: 'true', provenance: 'true', access: 'public' });
      assert.equal((report.error as { code?: string } | undefined)?.code, 'EINPUT');
      assert.match((report.error as Error).message, /^provenance: prov-ws-b@1\.0\.0 cannot be published with provenance: package\.json has no "repository"/);
      assert.deepEqual(registry.requests, []);
    } finally {
      await broken.cleanup();
    }

    const repo = await makeMonorepo(members('github:acme/widgets'));
    try {
      registry.clearRequests();
      const { report } = await publish({ package: repo.root, workspaces: 'true', provenance: 'true', access: 'public' });
      assert.equal(report.error, undefined, String(report.error));
      assert.deepEqual(
        report.results.map((row) => row.command),
        ['publish prov-ws-a@1.0.0', 'publish prov-ws-b@1.0.0'],
      );
      for (const row of report.results) assert.match(row.transparencyLogUrl ?? '', /^https:\/\/search\.sigstore\.dev\/\?logIndex=\d+$/);
      assert.notEqual(report.results[0]?.transparencyLogUrl, report.results[1]?.transparencyLogUrl);
      assert.equal(attachedStatement('prov-ws-a', '1.0.0').statement.subject[0].name, 'pkg:npm/prov-ws-a@1.0.0');
      assert.equal(attachedStatement('prov-ws-b', '1.0.0').statement.subject[0].name, 'pkg:npm/prov-ws-b@1.0.0');
    } finally {
      await repo.cleanup();
    }
  });

  it('says a signing failure as such, and sends nothing to the registry', async () => {
    const dir = await makePackage({ 'index.js': '8;\n' }, { name: 'prov-pkg', version: '1.5.0', repository: REPOSITORY });
    registry.clearRequests();
    // Nothing listens on port 9: Fulcio cannot be reached.
    const { report } = await publish({ package: dir, provenance: 'true' }, { fulcioURL: 'http://127.0.0.1:9' });
    assert.equal((report.error as { code?: string } | undefined)?.code, 'EPUBLISH');
    assert.match(
      (report.error as Error).message,
      /^Publishing prov-pkg@1\.5\.0 failed: signing the provenance statement failed \(CA_CREATE_SIGNING_CERTIFICATE_ERROR: .*\)\. Nothing was sent to the registry: prov-pkg@1\.5\.0 was not published\.$/,
    );
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
    );
  });

  describe('stage publish: the staged body carries the statement, as npm stages it', () => {
    /** Runs a `commands` block, as the action's `commands` input does. */
    async function block(raw: RawOptions, text: string, extra: { idTokens?: IdTokenProvider; env?: NodeJS.ProcessEnv; fulcioURL?: string } = {}) {
      const { logger, lines } = recordingLogger();
      const options = normalizeOptions({ token: alice.token, otpSecret: alice.secret, registry: registry.url, ...raw }, NAMES);
      const { fulcioURL, rekorURL, tsaServerURL } = sigstore;
      const report = await runCommands(
        options,
        { block: text, inputName: 'commands' },
        {
          clock: systemClock,
          logger,
          cwd: process.cwd(),
          env: extra.env ?? process.env,
          userAgent: USER_AGENT,
          sigstore: { fulcioURL: extra.fulcioURL ?? fulcioURL, rekorURL, tsaServerURL },
          ...(extra.idTokens ? { idTokens: extra.idTokens } : {}),
        },
      );
      return { report, lines };
    }

    /** The attachments of the staged body the registry received for `name@version`. */
    function stagedAttachments(name: string, version: string): Record<string, { data: string; content_type: string }> {
      const post = registry.requests.find(
        (request) =>
          request.method === 'POST' &&
          request.path === `/-/stage/package/${name.replace('/', '%2f')}` &&
          JSON.stringify(request.body ?? '').includes(`"${version}"`),
      );
      assert.ok(post, `a stage publish of ${name}@${version} reached the registry`);
      return (post.body as { _attachments: Record<string, { data: string; content_type: string }> })._attachments;
    }

    function stagedStatement(name: string, version: string) {
      const attachments = stagedAttachments(name, version);
      const attachment = attachments[`${name}-${version}.sigstore`];
      assert.ok(attachment, `${name}-${version}.sigstore is attached to the staged body`);
      const bundle = JSON.parse(attachment.data);
      assert.equal(attachment.content_type, bundle.mediaType);
      const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
      const tarball = Buffer.from(attachments[`${name}-${version}.tgz`]?.data ?? '', 'base64');
      assert.deepEqual(statement.subject, [{ name: `pkg:npm/${name}@${version}`, digest: { sha512: createHash('sha512').update(tarball).digest('hex') } }]);
      return { bundle, statement };
    }

    it('with --provenance on the line (over the setting false): signs, stages the body with the .sigstore attachment, reports the transparency log entry; approving publishes the version with its attestation', async () => {
      const dir = await makePackage({ 'index.js': '20;\n' }, { name: 'prov-pkg', version: '2.0.0', repository: REPOSITORY });
      registry.clearRequests();
      sigstore.requests.length = 0;
      const { report, lines } = await block({ package: dir, provenance: 'false' }, 'stage publish --provenance');
      assert.equal(report.error, undefined, String(report.error));
      const { bundle, statement } = stagedStatement('prov-pkg', '2.0.0');
      assert.equal(statement.predicateType, 'https://slsa.dev/provenance/v1');
      assert.deepEqual(
        sigstore.requests.map((request) => request.service),
        ['fulcio', 'rekor', 'tsa'],
      );
      const url = `https://search.sigstore.dev/?logIndex=${bundle.verificationMaterial.tlogEntries[0].logIndex}`;
      const [row] = report.results;
      assert.equal(row?.outcome, 'staged');
      assert.equal(row?.transparencyLogUrl, url);
      assert.match(row?.detail ?? '', new RegExp(`with provenance \\(transparency log: ${url.replace(/[?.]/g, '\\$&')}\\); stage approve `));
      assert.ok(
        lines.some((line) =>
          line.message.startsWith("Provenance: signing a statement for prov-pkg@2.0.0 with this job's OIDC identity (--provenance on line 1)."),
        ),
      );
      assert.ok(lines.some((line) => line.message === `Provenance statement for prov-pkg@2.0.0 published to the transparency log: ${url}`));
      assert.ok(!lines.some((line) => /staged without a provenance statement/.test(line.message)));
      assert.deepEqual(
        registry.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`),
        ['GET /prov-pkg', 'GET /-/package/prov-pkg/visibility', 'GET /-/stage', 'GET /-/package/prov-pkg/visibility', 'POST /-/stage/package/prov-pkg'],
      );
      assert.equal((await registry.packument('prov-pkg')).versions['2.0.0'], undefined, 'not published until approved');

      const approved = await block({ package: dir, provenance: 'false' }, 'stage approve prov-pkg@2.0.0');
      assert.equal(approved.report.error, undefined, String(approved.report.error));
      assert.equal(approved.report.results[0]?.outcome, 'done');
      assert.equal((await registry.packument('prov-pkg')).versions['2.0.0'].dist.attestations.provenance.predicateType, 'https://slsa.dev/provenance/v1');
    });

    it('stage publish --workspaces with provenance true: one statement per package, each staged body with its attachment and each row with its entry', async () => {
      const repo = await makeMonorepo({
        root: { name: 'prov-stage-mono', private: true, workspaces: ['packages/*'] },
        packages: {
          'packages/a': { name: 'prov-stage-a', version: '1.0.0', repository: { ...REPOSITORY, directory: 'packages/a' } },
          'packages/b': { name: 'prov-stage-b', version: '1.0.0', repository: 'github:acme/widgets', dependencies: { 'prov-stage-a': '^1.0.0' } },
        },
      });
      try {
        registry.clearRequests();
        const { report } = await block({ package: repo.root, provenance: 'true', access: 'public' }, 'stage publish --workspaces');
        assert.equal(report.error, undefined, String(report.error));
        assert.deepEqual(
          report.results.map((row) => [row.command, row.outcome]),
          [
            ['stage publish prov-stage-a@1.0.0', 'staged'],
            ['stage publish prov-stage-b@1.0.0', 'staged'],
          ],
        );
        for (const row of report.results) assert.match(row.transparencyLogUrl ?? '', /^https:\/\/search\.sigstore\.dev\/\?logIndex=\d+$/);
        assert.notEqual(report.results[0]?.transparencyLogUrl, report.results[1]?.transparencyLogUrl);
        stagedStatement('prov-stage-a', '1.0.0');
        stagedStatement('prov-stage-b', '1.0.0');
      } finally {
        await repo.cleanup();
      }
    });

    it('with auto: on for a staged trusted publish, as npm turns it on; off with --provenance=false on the line', async () => {
      const first = await publish({ package: await makePackage({ 'index.js': '1;\n' }, { name: 'prov-staged-auto', version: '1.0.0' }), provenance: 'false' });
      assert.equal(first.report.error, undefined, String(first.report.error));
      registry.trustPublisher('prov-staged-auto', { ...publisher, permissions: ['createStagedPackage'] });
      const idTokens: IdTokenProvider = async () => registry.issueIdToken(publisher);

      const dir = await makePackage({ 'index.js': '2;\n' }, { name: 'prov-staged-auto', version: '1.1.0', repository: REPOSITORY });
      registry.clearRequests();
      const { report, lines } = await block({ package: dir }, 'stage publish', { idTokens });
      assert.equal(report.error, undefined, String(report.error));
      assert.match(
        report.results[0]?.detail ?? '',
        /by trusted publishing, with provenance \(transparency log: https:\/\/search\.sigstore\.dev\/\?logIndex=\d+\)/,
      );
      assert.equal(report.results[0]?.otpAttempts, 0);
      stagedStatement('prov-staged-auto', '1.1.0');
      assert.ok(lines.some((line) => /^Provenance: on for prov-staged-auto@1\.1\.0, as npm turns it on for a trusted publish/.test(line.message)));

      const off = await makePackage({ 'index.js': '3;\n' }, { name: 'prov-staged-auto', version: '1.2.0', repository: REPOSITORY });
      registry.clearRequests();
      const unsigned = await block({ package: off, provenance: 'true' }, 'stage publish --provenance=false', { idTokens });
      assert.equal(unsigned.report.error, undefined, String(unsigned.report.error));
      assert.deepEqual(Object.keys(stagedAttachments('prov-staged-auto', '1.2.0')), ['prov-staged-auto-1.2.0.tgz']);
      assert.equal(unsigned.report.results[0]?.transparencyLogUrl, undefined);
    });

    it('is refused before anything runs where it cannot be signed, naming the line; a bad value is refused naming the line; a signing failure stages nothing', async () => {
      const dir = await makePackage(
        { 'index.js': '1;\n', 'mark.js': "require('node:fs').writeFileSync('ran', '');\n" },
        { name: 'prov-pkg', version: '9.1.0', repository: REPOSITORY, scripts: { prepublishOnly: 'node mark.js' } },
      );
      registry.clearRequests();
      sigstore.requests.length = 0;
      const outside = await block({ package: dir }, 'dist-tag ls prov-pkg\nstage publish --provenance', { env: { PATH: process.env.PATH } });
      assert.equal((outside.report.error as { code?: string } | undefined)?.code, 'EINPUT');
      assert.match(
        (outside.report.error as Error).message,
        /^--provenance on line 2: prov-pkg@9\.1\.0 cannot be published with provenance: .*GitHub Actions and GitLab CI only.* Or write --provenance=false or --provenance=auto on line 2 to publish without it; nothing was run or sent\.$/,
      );
      assert.equal(existsSync(path.join(dir, 'ran')), false, 'prepublishOnly did not run');
      assert.equal(registry.requests.length, 0, 'nothing was read or sent');
      assert.equal(sigstore.requests.length, 0);

      const bad = await block({ package: dir }, 'stage publish --provenance=yes');
      assert.equal((bad.report.error as { code?: string } | undefined)?.code, 'EINPUT');
      assert.equal(
        (bad.report.error as Error).message,
        'commands line 1 (stage publish --provenance=yes): --provenance must be true, false or auto, not "yes".',
      );
      assert.equal(registry.requests.length, 0);

      const failing = await makePackage({ 'index.js': '30;\n' }, { name: 'prov-pkg', version: '3.0.0', repository: REPOSITORY });
      const { report } = await block({ package: failing, provenance: 'true' }, 'stage publish', { fulcioURL: 'http://127.0.0.1:9' });
      assert.equal((report.error as { code?: string } | undefined)?.code, 'ESTAGE');
      assert.match(
        (report.error as Error).message,
        /^Staging prov-pkg@3\.0\.0 failed: signing the provenance statement failed \(CA_CREATE_SIGNING_CERTIFICATE_ERROR: .*\)\. Nothing was sent to the registry: prov-pkg@3\.0\.0 was not staged\.$/,
      );
      assert.deepEqual(
        registry.requests.filter((request) => request.method !== 'GET'),
        [],
      );
      assert.deepEqual(registry.staged('prov-pkg'), []);
    });
  });

  describe('refused before any script runs or any write is sent', () => {
    /** A package whose prepublishOnly script leaves a file behind: it must never exist. */
    async function scripted(manifest: Record<string, unknown>) {
      const dir = await makePackage(
        { 'index.js': '1;\n', 'mark.js': "require('node:fs').writeFileSync('ran', '');\n" },
        { ...manifest, scripts: { prepublishOnly: 'node mark.js' } },
      );
      return { dir, ran: () => existsSync(path.join(dir, 'ran')) };
    }

    async function refusal(
      raw: RawOptions,
      env: NodeJS.ProcessEnv = process.env,
      manifest: Record<string, unknown> = { name: 'prov-pkg', version: '9.0.0', repository: REPOSITORY },
    ) {
      const pkg = await scripted(manifest);
      registry.clearRequests();
      sigstore.requests.length = 0;
      const { report } = await publish({ package: pkg.dir, ...raw }, { env });
      assert.equal((report.error as { code?: string } | undefined)?.code, 'EINPUT', String(report.error));
      assert.equal(pkg.ran(), false, 'prepublishOnly did not run');
      assert.deepEqual(registry.requests.filter((request) => request.method !== 'GET').length, 0, 'no write was sent');
      assert.deepEqual(sigstore.requests, [], 'sigstore was not asked');
      return { message: (report.error as Error).message, requests: registry.requests.map((request) => `${request.method} ${request.path}`) };
    }

    it('outside GitHub Actions and GitLab CI', async () => {
      const { message, requests } = await refusal({ provenance: 'true' }, { PATH: process.env.PATH });
      assert.match(
        message,
        /^provenance: prov-pkg@9\.0\.0 cannot be published with provenance: .*npm does in GitHub Actions and GitLab CI only, and this run is not in a CI that can sign one\. .* set provenance to false or auto to publish without it; nothing was run or sent\.$/,
      );
      assert.deepEqual(requests, []);
    });

    it('in GitHub Actions without id-token: write', async () => {
      const { message } = await refusal({ provenance: 'true' }, { ...RUN });
      assert.match(message, /the job has no OIDC ID token .* Give the publishing job `permissions: id-token: write`/);
    });

    it('in GitLab CI without SIGSTORE_ID_TOKEN, and for publishConfig.provenance naming where it is set', async () => {
      const { message } = await refusal(
        {},
        { GITLAB_CI: 'true', CI: 'true' },
        { name: 'prov-pkg', version: '9.0.0', repository: REPOSITORY, publishConfig: { provenance: true } },
      );
      assert.match(
        message,
        /^package \(publishConfig\.provenance in .*package\.json\): prov-pkg@9\.0\.0 cannot be published with provenance: the job has no SIGSTORE_ID_TOKEN .*id_tokens.*set provenance to false \(it overrides publishConfig\.provenance\)/,
      );
    });

    it('on a self-hosted runner', async () => {
      const { message } = await refusal({ provenance: 'true' }, { ...process.env, RUNNER_ENVIRONMENT: 'self-hosted' });
      assert.match(message, /the job runs on a self-hosted runner, and the registry accepts provenance only from GitHub-hosted runners/);
    });

    it('when package.json has no repository, or names another one than the statement would', async () => {
      const missing = await refusal({ provenance: 'true' }, process.env, { name: 'prov-pkg', version: '9.0.0' });
      assert.match(
        missing.message,
        /package\.json has no "repository", .* Add "repository": \{"type": "git", "url": "git\+https:\/\/github\.com\/acme\/widgets\.git"\}/,
      );
      const other = await refusal({ provenance: 'true' }, process.env, { name: 'prov-pkg', version: '9.0.0', repository: 'github:someone/fork' });
      assert.match(
        other.message,
        /package\.json's repository is "github:someone\/fork", but the statement comes from https:\/\/github\.com\/acme\/widgets, and the registry refuses provenance when they differ/,
      );
    });

    it('with restricted access', async () => {
      const { message, requests } = await refusal({ provenance: 'true', access: 'restricted' }, process.env, {
        name: '@acme/hidden',
        version: '9.0.0',
        repository: REPOSITORY,
      });
      assert.match(message, /it is published with restricted access \(access\), and npm signs provenance for public packages only/);
      assert.deepEqual(requests, []);
    });

    it('for a package the registry says is private, and for a new one, after one read and before anything runs', async () => {
      const hidden = await refusal({ provenance: 'true' }, process.env, { name: '@acme/hidden', version: '9.0.0', repository: REPOSITORY });
      assert.match(
        hidden.message,
        /^provenance: @acme\/hidden@9\.0\.0 cannot be published with provenance: @acme\/hidden is private in http:\/\/127\.0\.0\.1:\d+\/, and npm signs provenance for public packages only\. Publish with access public/,
      );
      assert.deepEqual(hidden.requests, ['GET /@acme%2fhidden', 'GET /-/package/@acme%2fhidden/visibility']);

      const fresh = await refusal({ provenance: 'true' }, process.env, { name: 'prov-new', version: '1.0.0', repository: REPOSITORY });
      assert.match(fresh.message, /prov-new is not in http:\/\/127\.0\.0\.1:\d+\/ yet, so the registry cannot say it is public/);
      assert.deepEqual(fresh.requests, ['GET /prov-new']);
    });

    it('but not on a dry run, whose result says what the real publish would meet', async () => {
      const pkg = await scripted({ name: 'prov-pkg', version: '9.0.0' });
      const { report } = await publish({ package: pkg.dir, provenance: 'true', dryRun: 'true' }, { env: { PATH: process.env.PATH } });
      assert.equal(report.error, undefined, String(report.error));
      assert.match(
        report.results[0]?.detail ?? '',
        /^dry run: prov-pkg@9\.0\.0 would be published with tag latest; provenance: prov-pkg@9\.0\.0 cannot be published with provenance/,
      );
    });
  });
});
