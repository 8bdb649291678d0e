import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { writeOutputs, writeSummary } from '../../src/action/outputs.ts';
import { Redactor } from '../../src/foundation/redactor.ts';
import { runCli } from '../../src/cli/main.ts';
import { provenanceCi, repositoryProblem } from '../../src/plan/provenance-rules.ts';
import { normalizeOptions } from '../../src/grammar/options.ts';
import { settleProvenance } from '../../src/plan/provenance.ts';
import { makePackage } from '../helpers/action.ts';
import { NAMES } from '../helpers/core.ts';

describe('the provenance setting', () => {
  const normalize = (provenance: string | boolean | undefined) => normalizeOptions({ token: 'npm_x', provenance }, NAMES).provenance;

  it('takes true, false and auto (the default), and refuses anything else naming the input and its choices', () => {
    assert.deepEqual([undefined, '', ' AUTO ', 'true', 'False', true, false].map(normalize), ['auto', 'auto', 'auto', true, false, true, false]);
    assert.throws(
      () => normalize('yes'),
      /^InputError: provenance: "yes" is not a choice\. Use true \(.*\), false \(never\), or auto \(publishConfig\.provenance, else as npm does: with trusted publishing from GitHub Actions or GitLab CI\)\.$/,
    );
  });
});

describe("a line's --provenance", () => {
  const settle = (
    setting: string,
    lineFlag: { value: boolean | 'auto'; line: number } | undefined,
    publishConfig: Record<string, unknown> = {},
    env: NodeJS.ProcessEnv = {},
  ) =>
    settleProvenance(
      normalizeOptions({ token: 'npm_x', provenance: setting }, NAMES),
      {
        id: 'x@1.0.0',
        manifest: { name: 'x', version: '1.0.0' },
        publishConfig,
        where: 'x/package.json',
        access: undefined,
        accessFrom: 'access',
        dryRun: false,
        lineFlag,
      },
      env,
    );

  it('overrides the setting, as --tag does, and is named as the line where it decides', () => {
    assert.deepEqual(settle('true', { value: false, line: 2 }), { mode: 'off', from: '--provenance on line 2', ci: undefined });
    assert.deepEqual(settle('true', { value: 'auto', line: 3 }), { mode: 'auto', from: '--provenance on line 3', ci: undefined });
    assert.deepEqual(settle('false', { value: 'auto', line: 3 }, { provenance: false }).mode, 'off', 'auto reads publishConfig.provenance');
    assert.deepEqual(settle('true', undefined, {}, { GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'u', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }), {
      mode: 'on',
      from: 'provenance',
      ci: 'github',
    });
  });

  it('is refused where it cannot be signed, saying what to write on that line', () => {
    assert.throws(
      () => settle('false', { value: true, line: 2 }),
      (error: Error & { code?: string; input?: string }) => {
        assert.equal(error.code, 'EINPUT');
        assert.match(
          error.message,
          /^--provenance on line 2: x@1\.0\.0 cannot be published with provenance: .* Or write --provenance=false or --provenance=auto on line 2 to publish without it; nothing was run or sent\.$/,
        );
        return true;
      },
    );
    assert.throws(
      () => settle('true', { value: 'auto', line: 4 }, { provenance: true }),
      /^InputError: package \(publishConfig\.provenance in x\/package\.json\): .* Or write --provenance=false on line 4 \(it overrides publishConfig\.provenance\) to publish without it/,
    );
  });
});

describe('what provenance depends on', () => {
  it('tells the CI as ci-info does: GitHub Actions first, then GitLab CI, none with CI=false', () => {
    assert.equal(provenanceCi({ GITHUB_ACTIONS: 'true', GITLAB_CI: 'true' }), 'github');
    assert.equal(provenanceCi({ GITLAB_CI: 'true' }), 'gitlab');
    assert.equal(provenanceCi({ GITHUB_ACTIONS: 'true', CI: 'false' }), undefined);
    assert.equal(provenanceCi({ CIRCLECI: 'true' }), undefined);
  });

  it("accepts every form of package.json's repository that names the statement's repository, and says what to write otherwise", () => {
    const expected = 'https://github.com/acme/widgets';
    for (const repository of [
      'acme/widgets',
      'github:acme/widgets',
      'https://github.com/acme/widgets',
      'git+https://github.com/Acme/Widgets.git',
      'git@github.com:acme/widgets.git',
      'git+ssh://git@github.com/acme/widgets.git',
      { type: 'git', url: 'git+https://github.com/acme/widgets.git', directory: 'packages/a' },
      'not a url at all, left to the registry',
    ]) {
      assert.equal(repositoryProblem({ repository }, expected), undefined, JSON.stringify(repository));
    }
    assert.match(
      repositoryProblem({}, expected) ?? '',
      /^package\.json has no "repository".* Add "repository": \{"type": "git", "url": "git\+https:\/\/github\.com\/acme\/widgets\.git"\}$/,
    );
    assert.match(repositoryProblem({ repository: { type: 'git', url: '' } }, expected) ?? '', /has no "repository"/);
    assert.match(
      repositoryProblem({ repository: 'github:acme/widgets-old' }, expected) ?? '',
      /^package\.json's repository is "github:acme\/widgets-old", but the statement comes from https:\/\/github\.com\/acme\/widgets/,
    );
    assert.match(repositoryProblem({ repository: 'https://gitlab.com/acme/widgets' }, expected) ?? '', /but the statement comes from/);
  });
});

describe('the CLI --provenance flag', () => {
  async function cli(args: string[], env: NodeJS.ProcessEnv) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, env, { cwd: process.cwd(), stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
  }

  it('is true alone, takes =false and =auto inline, and refuses before anything runs where it cannot work', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'cli-prov', version: '1.0.0', repository: 'acme/widgets' });
    // A registry nobody listens on: a refusal sends nothing, so nothing can fail on it.
    const base = ['publish', dir, '--registry', 'http://127.0.0.1:9/'];
    const outside = await cli([...base, '--provenance'], { NODE_AUTH_TOKEN: 'npm_token_for_tests' });
    assert.equal(outside.code, 1);
    assert.match(
      outside.stderr,
      /^npm-totp-publish: --provenance: cli-prov@1\.0\.0 cannot be published with provenance: .* this run is not in a CI that can sign one\. .* set --provenance to false or auto to publish without it; nothing was run or sent\.\n$/,
    );
    const github = await cli([...base, '--provenance=true'], { NODE_AUTH_TOKEN: 'npm_token_for_tests', GITHUB_ACTIONS: 'true' });
    assert.match(github.stderr, /permissions: id-token: write/);
    const bad = await cli([...base, '--provenance=maybe'], { NODE_AUTH_TOKEN: 'npm_token_for_tests' });
    assert.match(bad.stderr, /^npm-totp-publish: --provenance: "maybe" is not a choice/);
    // With =false and =auto provenance refuses nothing: the next check of the plan speaks.
    for (const value of ['false', 'auto']) {
      const run = await cli([...base, `--provenance=${value}`, '--expect-version', '9.9.9'], {
        NODE_AUTH_TOKEN: 'npm_token_for_tests',
        GITHUB_ACTIONS: 'true',
      });
      assert.match(run.stderr, /^npm-totp-publish: --expect-version: the release is 9\.9\.9 but cli-prov is at 1\.0\.0/, run.stderr);
    }
  });
});

describe('the transparency log entry of a publish with provenance', () => {
  it('is in the results output and linked from the job summary', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-summary-'));
    const [summaryFile, outputFile] = [path.join(dir, 'summary'), path.join(dir, 'output')];
    await writeFile(summaryFile, '');
    await writeFile(outputFile, '');
    const saved = { GITHUB_STEP_SUMMARY: process.env.GITHUB_STEP_SUMMARY, GITHUB_OUTPUT: process.env.GITHUB_OUTPUT };
    Object.assign(process.env, { GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile });
    try {
      const url = 'https://search.sigstore.dev/?logIndex=123456';
      const row = {
        line: 0,
        command: 'publish prov-pkg@1.1.0',
        ok: true,
        skipped: false,
        outcome: 'published' as const,
        otpAttempts: 0,
        waitedMs: 0,
        durationMs: 1200,
        detail: `published prov-pkg@1.1.0 with tag latest, with provenance (transparency log: ${url})`,
        transparencyLogUrl: url,
      };
      const report = { published: true, name: 'prov-pkg', version: '1.1.0', tag: 'latest', registry: 'https://registry.npmjs.org/', results: [row] };
      writeOutputs(report, new Redactor());
      await writeSummary(report, new Redactor(), 'Auth: trusted publishing.');
      const summary = await readFile(summaryFile, 'utf8');
      assert.match(
        summary,
        /<p>Provenance of <code>prov-pkg@1\.1\.0<\/code>: <a href="https:\/\/search\.sigstore\.dev\/\?logIndex=123456">its transparency log entry<\/a><\/p>/,
      );
      assert.match(await readFile(outputFile, 'utf8'), /"transparencyLogUrl":"https:\/\/search\.sigstore\.dev\/\?logIndex=123456"/);
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
