import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isScalar, parse, parseDocument, visit } from 'yaml';
import { ROOT } from '../helpers/action.ts';
import { compileCacheEnv, product } from '../helpers/product.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { startRegistry } from '../registry/index.ts';

/**
 * examples/gitlab-ci.yml: checked as GitLab would read it (rules, variables, id_tokens,
 * environment scoping), and its jobs' `script` lines run with bash as a GitLab runner runs
 * them, in order, against the test registry, with the variables a tag pipeline gives each job.
 *
 * What stands in for what:
 * - the node:24 image: this repository's Node 24 and npm 11 first on PATH, and npm's global
 *   prefix, cache and config in a temporary folder; `npm_config_offline` keeps npm off the
 *   network (the installs here need nothing from it);
 * - the CLI's repository at a tag (`NPM_TOTP_PUBLISH`, a project variable overriding the job's):
 *   a tarball of this repository packed by npm, i.e. the repository's dist/, installed by the
 *   job's own `npm install --global` line;
 * - npmjs (`NPM_REGISTRY`, overridden the same way): the test registry, which demands TOTP codes;
 * - GitLab's ID tokens: NPM_ID_TOKEN is a GitLab-shaped token signed by a key the registry does
 *   not trust (no trusted publisher, so the TOTP fallback), or one minted by the test registry
 *   for a trusted publisher it holds (the fixture issues GitHub-shaped tokens only; the CLI hands
 *   NPM_ID_TOKEN to the exchange as it is, whatever its shape).
 */

const FILE = 'examples/gitlab-ci.yml';
const text = readFileSync(path.join(ROOT, FILE), 'utf8');
const config = parse(text) as Record<string, any>;

/** Top-level keys of .gitlab-ci.yml that are not jobs. */
const RESERVED = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script']);
const jobNames = Object.keys(config).filter((key) => !key.startsWith('.') && !RESERVED.has(key));
const SECRET_VARIABLES = ['NPM_TOKEN', 'NPM_TOTP_SECRET', 'NODE_AUTH_TOKEN', 'NPM_ID_TOKEN', 'SIGSTORE_ID_TOKEN', 'CI_JOB_TOKEN'];

/**
 * Whether GitLab can mask a variable with this value (Settings > CI/CD > Variables, "Masked"): one
 * line without spaces, 8 characters or more, only A-Z a-z 0-9 and @ _ - : +.
 */
export function gitlabMaskable(value: string): boolean {
  return value.length >= 8 && /^[A-Za-z0-9@_\-:+]+$/.test(value);
}

/**
 * A job's rules as GitLab evaluates them for a pipeline: the first rule whose `if:` holds adds the
 * job, with that rule's variables; none, and the job is not in the pipeline. Only the form the
 * example uses, `$VARIABLE =~ /regex/`, is understood; anything else fails the test.
 */
export function evaluateRules(
  rules: Array<{ if?: string; variables?: Record<string, string>; when?: string }>,
  variables: Record<string, string | undefined>,
): { runs: boolean; variables: Record<string, string> } {
  for (const rule of rules) {
    const match = /^\$(\w+) =~ \/(.*)\/$/.exec(rule.if ?? '');
    if (!match) throw new Error(`rule not understood by the test: ${JSON.stringify(rule)}`);
    const value = variables[match[1] as string];
    if (value !== undefined && new RegExp(match[2] as string).test(value)) return { runs: rule.when !== 'never', variables: rule.variables ?? {} };
  }
  return { runs: false, variables: {} };
}

/** A JWT-shaped token with these claims and a signature nobody trusts. */
function foreignJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'gitlab-test' })}.${part(claims)}.${randomBytes(64).toString('base64url')}`;
}

describe('examples/gitlab-ci.yml, read as GitLab reads it', () => {
  it('is valid YAML with two jobs, each with script lines bash can parse, on node:24', () => {
    const doc = parseDocument(text);
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(jobNames, ['npm-pack', 'npm-publish']);
    for (const name of jobNames) {
      const job = config[name];
      assert.ok(['build', 'test', 'deploy'].includes(job.stage), `${name}: one of GitLab's default stages, so no stages: list is needed`);
      assert.equal(job.image, 'node:24', `${name}: the Node the CLI runs on`);
      assert.ok(
        Array.isArray(job.script) && job.script.length > 0 && job.script.every((line: unknown) => typeof line === 'string'),
        `${name}: script is a list of lines`,
      );
      for (const line of job.script as string[]) {
        const check = spawnSync('bash', ['-n'], { input: line, encoding: 'utf8' });
        assert.equal(check.status, 0, `${name}: bash -n: ${line}: ${check.stderr}`);
      }
    }
    assert.equal(config['npm-pack'].stage, 'build');
    assert.equal(config['npm-publish'].stage, 'deploy');
  });

  it('runs both jobs on version tags only: latest for vX.Y.Z, next for a prerelease', () => {
    for (const name of jobNames) {
      const rules = config[name].rules;
      assert.deepEqual(evaluateRules(rules, { CI_COMMIT_TAG: 'v1.2.3' }), { runs: true, variables: { NPM_DIST_TAG: 'latest' } });
      assert.deepEqual(evaluateRules(rules, { CI_COMMIT_TAG: 'v2.0.0-rc.1' }), { runs: true, variables: { NPM_DIST_TAG: 'next' } });
      for (const tag of [undefined, 'v1', 'v1.2', 'release-1.2.3', 'v1.2.3-', 'v1.2.3\nx'])
        assert.equal(evaluateRules(rules, { CI_COMMIT_TAG: tag }).runs, false, `${name} on ${JSON.stringify(tag)}`);
    }
  });

  it('publishes from a job of environment npm that checks nothing out, one at a time, after the pack job', () => {
    const publish = config['npm-publish'];
    assert.deepEqual(publish.environment, { name: 'npm' });
    assert.equal(publish.variables.GIT_STRATEGY, 'none');
    assert.deepEqual(publish.needs, ['npm-pack']);
    assert.equal(typeof publish.resource_group, 'string');
    assert.deepEqual(config['npm-pack'].artifacts.paths, ['npm-pack/']);
  });

  it('declares the ID tokens npm reads, for the publish job only', () => {
    assert.deepEqual(config['npm-publish'].id_tokens, { NPM_ID_TOKEN: { aud: 'npm:registry.npmjs.org' }, SIGSTORE_ID_TOKEN: { aud: 'sigstore' } });
    assert.equal(config['npm-pack'].id_tokens, undefined);
    assert.equal(config['npm-pack'].environment, undefined, 'the pack job is outside the environment the secrets are scoped to');
  });

  it('installs the CLI from its repository (or a release tarball), never by the registry name', () => {
    const source = config['npm-publish'].variables.NPM_TOTP_PUBLISH as string;
    assert.match(source, /^github:npm-totp-publish\/npm-totp-publish#v\d+(\.\d+\.\d+)?$/);
    assert.ok((config['npm-publish'].script as string[]).includes('npm install --global --ignore-scripts "$NPM_TOTP_PUBLISH"'));
  });

  describe('secrets', () => {
    it('never defines a secret in the file, nor turns on CI_DEBUG_TRACE (which logs every variable)', () => {
      visit(parseDocument(text), {
        Pair(_, pair) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          assert.ok(!['NPM_TOKEN', 'NPM_TOTP_SECRET', 'NODE_AUTH_TOKEN'].includes(key), `${key} is set in the file; it belongs in a masked CI/CD variable`);
          assert.notEqual(key, 'CI_DEBUG_TRACE');
          assert.notEqual(key, 'CI_DEBUG_SERVICES');
        },
      });
    });

    it('never names a secret variable in a script line, nor prints the environment', () => {
      for (const name of jobNames) {
        for (const line of config[name].script as string[]) {
          for (const secret of SECRET_VARIABLES) assert.ok(!line.includes(secret), `${name}: "${line}" names ${secret}; the CLI reads it from the environment`);
          assert.doesNotMatch(line, /\b(set -x|set -o xtrace|printenv|env$|export -p|declare -p)\b|^env\b/, `${name}: "${line}" could print secrets`);
        }
      }
    });

    it('tells the reader to store NPM_TOKEN and NPM_TOTP_SECRET masked, protected and scoped to the environment npm', () => {
      const header = text.slice(0, text.indexOf('\n.npm-release-tags'));
      for (const name of ['NPM_TOKEN', 'NPM_TOTP_SECRET']) assert.match(header, new RegExp(`^#   ${name} `, 'm'), `${name} is listed`);
      assert.match(header, /Visibility "Masked"/);
      assert.match(header, /"Protect variable" ticked/);
      assert.match(header, /Environment scope `npm`/);
      assert.match(header, /base32 text, without spaces or `=` padding/);
    });

    it('what the comment tells people to store can be masked, and the otpauth:// URI it warns about cannot', async () => {
      const registry = await startRegistry();
      try {
        const user = await registry.addUser('gitlab-mask');
        assert.ok(gitlabMaskable(user.secret), 'a base32 TOTP secret');
        assert.ok(gitlabMaskable(`npm_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'A').slice(0, 36)}`), 'an npm granular token');
        assert.ok(!gitlabMaskable(`otpauth://totp/npm:alice?secret=${user.secret}&issuer=npm`), 'an otpauth URI');
        assert.ok(!gitlabMaskable('JBSWY3DP EHPK3PXP'), 'base32 with spaces');
        assert.ok(!gitlabMaskable('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3===='), 'base32 with padding');
        assert.ok(!gitlabMaskable('JBSWY3D'), 'fewer than 8 characters');
      } finally {
        await registry.close();
      }
    });
  });
});

describe('examples/gitlab-ci.yml, its script lines run against the test registry', () => {
  let base: string;
  const registry = suiteRegistry();
  let user: { token: string; secret: string };
  let cliTarball: string;
  let imageEnv: Record<string, string>;
  let counter = 0;
  /** Every log of every job run here, for the secret scan at the end. */
  const logs: Record<string, string> = {};
  const idTokens: string[] = [];
  /** Every one-time password the registry received, gathered before each clearRequests(). */
  const codes: string[] = [];
  const gatherCodes = () => codes.push(...registry.requests.flatMap((request) => (request.otp ? [request.otp] : [])));
  const jobToken = `glcbt-${randomBytes(16).toString('hex')}`;

  async function folder(name: string): Promise<string> {
    counter += 1;
    const dir = path.join(base, `${counter}-${name}`);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  before(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-gitlab-'));
    // The image: node and npm on PATH, npm's global prefix (/usr/local in node:24) and cache here.
    const bin = await folder('image-bin');
    await symlink(process.execPath, path.join(bin, 'node'));
    await symlink(path.join(ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js'), path.join(bin, 'npm'));
    await symlink(path.join(ROOT, 'node_modules', 'npm', 'bin', 'npx-cli.js'), path.join(bin, 'npx'));
    const prefix = await folder('usr-local');
    const home = await folder('root');
    imageEnv = {
      PATH: [path.join(prefix, 'bin'), bin, '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
      HOME: home,
      TMPDIR: await folder('tmp'),
      npm_config_prefix: prefix,
      npm_config_cache: path.join(home, '.npm'),
      npm_config_userconfig: path.join(home, '.npmrc'),
      npm_config_globalconfig: path.join(prefix, 'etc', 'npmrc'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_offline: 'true',
      ...compileCacheEnv(),
    };
    // The CLI's repository at a tag: this repository, as `npm pack --ignore-scripts` packed it for this run (test/helpers/product.ts).
    cliTarball = product().tarball;
    user = await registry.addUser('gitlab-release');
  });

  after(async () => {
    await rm(base, { recursive: true, force: true });
  });

  /** A checkout of a small project at `version`: package.json with a test script, and its lockfile. */
  async function project(name: string, version: string): Promise<string> {
    const dir = await folder('checkout');
    const manifest = { name, version, type: 'module', scripts: { test: 'node -e "process.exit(0)"' } };
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(
      path.join(dir, 'package-lock.json'),
      `${JSON.stringify({ name, version, lockfileVersion: 3, requires: true, packages: { '': { name, version } } }, null, 2)}\n`,
    );
    await writeFile(path.join(dir, 'index.js'), `export default '${name}@${version}';\n`);
    return dir;
  }

  /**
   * The variables GitLab gives one job of a tag pipeline: predefined ones, the job's `variables:`,
   * the matching rule's, then the project's CI/CD variables (`project`), which override both; the
   * ID tokens when the job declares `id_tokens`.
   */
  function jobEnv(name: string, tag: string, dir: string, project: Record<string, string>, ids: Record<string, string> = {}): Record<string, string> {
    const job = config[name];
    const rules = evaluateRules(job.rules, { CI_COMMIT_TAG: tag });
    assert.ok(rules.runs, `${name} runs for ${tag}`);
    const predefined: Record<string, string> = {
      CI: 'true',
      GITLAB_CI: 'true',
      CI_SERVER: 'yes',
      CI_SERVER_URL: 'https://gitlab.example.com',
      CI_API_V4_URL: 'https://gitlab.example.com/api/v4',
      CI_PROJECT_DIR: dir,
      CI_PROJECT_PATH: 'octo-group/gl-pkg',
      CI_PROJECT_NAMESPACE: 'octo-group',
      CI_PROJECT_NAME: 'gl-pkg',
      CI_CONFIG_PATH: '.gitlab-ci.yml',
      CI_PIPELINE_SOURCE: 'push',
      CI_PIPELINE_ID: '1001',
      CI_JOB_ID: String(2000 + counter),
      CI_JOB_NAME: name,
      CI_JOB_STAGE: job.stage,
      CI_JOB_TOKEN: jobToken,
      CI_COMMIT_TAG: tag,
      CI_COMMIT_REF_NAME: tag,
      CI_COMMIT_REF_PROTECTED: 'true',
      CI_COMMIT_SHA: 'a'.repeat(40),
      ...(job.environment ? { CI_ENVIRONMENT_NAME: job.environment.name } : {}),
    };
    if (job.id_tokens) {
      assert.deepEqual(Object.keys(ids).sort(), Object.keys(job.id_tokens).sort(), 'the test gives exactly the ID tokens the job declares');
      idTokens.push(...Object.values(ids));
    }
    return { ...imageEnv, ...predefined, ...(job.variables ?? {}), ...rules.variables, ...project, ...(job.id_tokens ? ids : {}) };
  }

  /**
   * Runs a job's script as the GitLab runner does with bash: every line in one shell, in order,
   * each echoed as `$ <line>` before it runs, stopping at the first that fails (set -eo pipefail).
   */
  async function runJob(name: string, dir: string, env: Record<string, string>): Promise<{ code: number; log: string }> {
    const lines = config[name].script as string[];
    const quote = (line: string) => `'${line.replace(/'/g, `'\\''`)}'`;
    const script = ['set -eo pipefail', ...lines.flatMap((line) => [`printf '$ %s\\n' ${quote(line)}`, line])].join('\n');
    const { code, log } = await new Promise<{ code: number; log: string }>((resolve, reject) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-c', script], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode ?? 1, log: out }));
    });
    logs[`${name} ${counter}`] = log;
    return { code, log };
  }

  /** The pack job for `tag` in a checkout, then its artifacts in a fresh folder (GIT_STRATEGY: none) for the publish job. */
  async function packJob(checkout: string, tag: string): Promise<string> {
    const packed = await runJob('npm-pack', checkout, jobEnv('npm-pack', tag, checkout, {}));
    assert.equal(packed.code, 0, packed.log);
    const publishDir = await folder('publish-job');
    for (const artifact of config['npm-pack'].artifacts.paths as string[])
      await cp(path.join(checkout, artifact), path.join(publishDir, artifact), { recursive: true });
    return publishDir;
  }

  /** The publish job's variables: the masked CI/CD variables (scoped to its environment) and the two overrides that point it at this test. */
  function publishVariables(): Record<string, string> {
    return { NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret, NPM_TOTP_PUBLISH: cliTarball, NPM_REGISTRY: registry.url };
  }

  const gitlabIdTokens = () => ({
    NPM_ID_TOKEN: foreignJwt({
      iss: 'https://gitlab.example.com',
      aud: 'npm:registry.npmjs.org',
      project_path: 'octo-group/gl-pkg',
      ci_config_ref_uri: 'gitlab.example.com/octo-group/gl-pkg//.gitlab-ci.yml@refs/tags/v1.2.3',
      environment: 'npm',
    }),
    SIGSTORE_ID_TOKEN: foreignJwt({ iss: 'https://gitlab.example.com', aud: 'sigstore', project_path: 'octo-group/gl-pkg' }),
  });

  it('the pack job gets no secret and no ID token: they are scoped to the publish job', async () => {
    const env = jobEnv('npm-pack', 'v1.2.3', await folder('x'), {});
    for (const name of SECRET_VARIABLES.filter((n) => n !== 'CI_JOB_TOKEN')) assert.equal(env[name], undefined, name);
  });

  it('v1.2.3: packs, installs the CLI, and publishes under latest with a TOTP code when npm does not trust the pipeline', async () => {
    const checkout = await project('gl-pkg', '1.2.3');
    const publishDir = await packJob(checkout, 'v1.2.3');
    assert.deepEqual(await readdir(path.join(publishDir, 'npm-pack')), ['gl-pkg-1.2.3.tgz']);
    gatherCodes();
    registry.clearRequests();
    const run = await runJob('npm-publish', publishDir, jobEnv('npm-publish', 'v1.2.3', publishDir, publishVariables(), gitlabIdTokens()));
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, /^\$ npm install --global --ignore-scripts "\$NPM_TOTP_PUBLISH"$/m);
    assert.match(
      run.log,
      new RegExp(`^\\$ npm-totp-publish --version\\n${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version.replace(/\./g, '\\.')}$`, 'm'),
    );
    assert.match(run.log, /Trusted publishing is not available for gl-pkg/);
    const packument = await registry.packument('gl-pkg');
    assert.equal(packument['dist-tags'].latest, '1.2.3');
    const put = registry.requests.find((request) => request.method === 'PUT' && request.path === '/gl-pkg');
    assert.equal(put?.otpAccepted, true, 'published with an accepted one-time password');
    assert.equal(put?.user, 'gitlab-release');
    assert.deepEqual(await readdir(publishDir), ['npm-pack'], 'the publish job leaves nothing but its artifact (no .npmrc, no checkout)');
  });

  it('a tag that is not the package.json version fails the publish before any request', async () => {
    const checkout = await project('gl-pkg-mismatch', '1.2.3');
    const publishDir = await packJob(checkout, 'v1.2.4');
    gatherCodes();
    registry.clearRequests();
    const run = await runJob('npm-publish', publishDir, jobEnv('npm-publish', 'v1.2.4', publishDir, publishVariables(), gitlabIdTokens()));
    assert.notEqual(run.code, 0);
    assert.match(run.log, /expect-version: the release is 1\.2\.4 but gl-pkg-mismatch is at 1\.2\.3/);
    assert.deepEqual(registry.requests, []);
  });

  it('v1.3.0-rc.1 with a trusted publisher: publishes under next by OIDC, with no one-time password', async () => {
    registry.trustPublisher('gl-pkg', { repository: 'octo-group/gl-pkg', workflow: 'gitlab-ci.yml' });
    const ids = {
      NPM_ID_TOKEN: registry.issueIdToken({
        repository: 'octo-group/gl-pkg',
        workflow: 'gitlab-ci.yml',
        ref: 'refs/tags/v1.3.0-rc.1',
        repositoryVisibility: 'private',
      }),
      SIGSTORE_ID_TOKEN: gitlabIdTokens().SIGSTORE_ID_TOKEN,
    };
    const checkout = await project('gl-pkg', '1.3.0-rc.1');
    const publishDir = await packJob(checkout, 'v1.3.0-rc.1');
    gatherCodes();
    registry.clearRequests();
    const run = await runJob('npm-publish', publishDir, jobEnv('npm-publish', 'v1.3.0-rc.1', publishDir, publishVariables(), ids));
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, /Trusted publishing: the registry issued a short-lived publish token for gl-pkg/);
    const packument = await registry.packument('gl-pkg');
    assert.deepEqual([packument['dist-tags'].next, packument['dist-tags'].latest], ['1.3.0-rc.1', '1.2.3']);
    const put = registry.requests.find((request) => request.method === 'PUT' && request.path === '/gl-pkg');
    assert.equal(put?.oidcPackage, 'gl-pkg', 'published with the token the OIDC exchange minted');
    assert.equal(put?.otpSent, false);
  });

  it('no job log shows the token, the TOTP secret, a one-time password, an ID token or the job token', () => {
    assert.ok(Object.keys(logs).length >= 5, Object.keys(logs).join(', '));
    gatherCodes();
    assert.ok(codes.length >= 1);
    assertNoSecrets(logs, [user.token, user.secret, jobToken, ...idTokens], codes);
  });
});
