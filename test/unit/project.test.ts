import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { VERSION } from '../../src/version.ts';
import { ROOT } from '../helpers/action.ts';
// @ts-expect-error: a plain JavaScript build script without type declarations
import { updatedReadme } from '../../scripts/readme-tables.js';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('the project', () => {
  it('runs its tests on Node 24', () => {
    assert.equal(process.versions.node.split('.')[0], '24', `running on ${process.version}`);
  });

  it('declares the action on node24 with dist/index.js as its entry, and documents every input and output with its default', () => {
    const action = parse(read('action.yml'));
    assert.equal(action.runs.using, 'node24');
    assert.equal(action.runs.main, 'dist/index.js');
    for (const name of [
      'token',
      'otp-secret',
      'registry',
      'package',
      'tag',
      'access',
      'dry-run',
      'commands',
      'workspaces',
      'include-workspace-root',
      'concurrency',
      'otp-uses',
      'provenance',
      'auth-type',
      'approval-timeout',
      'approval-webhook',
    ]) {
      assert.ok(action.inputs[name], `input ${name}`);
      assert.match(action.inputs[name].description, /default/i, `input ${name} says its default`);
    }
    assert.deepEqual(Object.keys(action.outputs).sort(), ['approvals', 'name', 'packages', 'published', 'results', 'tag', 'version']);
  });

  it("keeps the README's inputs and outputs tables equal to action.yml", () => {
    const readme = read('README.md');
    assert.equal(updatedReadme(readme), readme, 'run: node scripts/readme-tables.js --write');
  });

  it('opens the README with the demo and test commands that .ci/run relies on', () => {
    const firstLines = read('README.md').split('\n').slice(0, 6).join('\n');
    assert.match(firstLines, /npm ci && npm run demo/);
    assert.match(firstLines, /^npm test\b/m);
    assert.match(read('.ci/run'), /^npm ci$/m);
    assert.match(read('.ci/run'), /^npm test$/m);
  });

  it('keeps the version constant equal to package.json', () => {
    assert.equal(VERSION, JSON.parse(read('package.json')).version);
  });

  it('is MIT-licensed in LICENSE, as package.json says, by the npm-totp-publish authors', () => {
    assert.equal(JSON.parse(read('package.json')).license, 'MIT');
    const license = read('LICENSE');
    assert.match(license, /^MIT License\n\nCopyright \(c\) 2026 the npm-totp-publish authors\n/);
    assert.match(license, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
  });

  it('says in SECURITY.md how to report a vulnerability privately, what is in scope and which versions get fixes; its links resolve', () => {
    const security = read('SECURITY.md');
    assert.match(security, /\*\*Security → Report a vulnerability\*\*/, "GitHub's private vulnerability reporting");
    assert.doesNotMatch(security, /[\w.+-]+@[\w-]+\.[\w.]+/, 'no e-mail address: the project has none for reports');
    for (const part of ['action.yml', 'dist/cli.js', '`dist/`', 'examples/workflows/', '.github/workflows/npm-publish.yml'])
      assert.ok(security.includes(part), `in scope: ${part}`);
    assert.match(security, /\| The newest 1\.x release \| Yes \|/);
    // Its links and anchors resolve: test/unit/docs.test.ts checks every page's.
    assert.ok(security.includes('](docs/security.md)'), 'points to the security model');
    assert.match(read('README.md'), /\[SECURITY\.md\]\(SECURITY\.md\)/, 'the README points to it');
  });

  it('pins the Node binary that npm ci installs to the version in .node-version', () => {
    const pkg = JSON.parse(read('package.json'));
    assert.equal(pkg.devDependencies.node, read('.node-version').trim());
  });
});
