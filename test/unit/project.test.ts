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
    for (const name of ['token', 'otp-secret', 'registry', 'package', 'tag', 'access', 'dry-run', 'commands', 'workspaces', 'include-workspace-root', 'concurrency', 'otp-uses', 'provenance', 'auth-type', 'approval-timeout', 'approval-webhook']) {
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

  it('pins the Node binary that npm ci installs to the version in .node-version', () => {
    const pkg = JSON.parse(read('package.json'));
    assert.equal(pkg.devDependencies.node, read('.node-version').trim());
  });
});
