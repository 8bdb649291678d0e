import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkBundle } from '../../scripts/check-bundle.js';
import { ROOT } from '../helpers/action.ts';

const CHECK = path.join(ROOT, 'scripts', 'check-bundle.js');
const check = (dist: string) => spawnSync(process.execPath, [CHECK, dist], { encoding: 'utf8' });

describe('scripts/check-bundle.js: dist/ loads nothing from outside itself', () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-check-bundle-'));
  });
  after(() => rm(work, { recursive: true, force: true }));

  // One scan of the whole dist/ (about 3 s of CPU) answers both questions: a copy with one require planted in a real
  // built file must show that load, and no other, which is the committed dist/ passing.
  it("passes the committed dist/ and fails on a require('left-pad') planted in a built copy, naming only that file and specifier", async () => {
    const copy = path.join(work, 'dist');
    await cp(path.join(ROOT, 'dist'), copy, { recursive: true });
    await appendFile(path.join(copy, 'bundle', 'jsonparse-lazy.cjs'), "\nrequire('left-pad');\n");
    const run = check(copy);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const problems = run.stderr.split('\n\n')[0]?.split('\n') ?? [];
    const others = problems.filter((line) => !line.includes('dist/bundle/jsonparse-lazy.cjs: left-pad '));
    assert.deepEqual(others, [], `the committed dist/ loads from outside itself:\n${run.stderr}`);
    assert.match(run.stderr, /^.*dist\/bundle\/jsonparse-lazy\.cjs: left-pad \(require\(\): a package, which Node would look for in node_modules\)$/m);
    assert.match(run.stderr, /1 load in .* may reach outside the bundle/);
  });

  /** A small bundle of one ES file and one CommonJS file that loads only built-ins and its own files. */
  async function smallBundle(): Promise<string> {
    const dist = await mkdtemp(path.join(work, 'small-'));
    await mkdir(path.join(dist, 'bundle'));
    await writeFile(path.join(dist, 'package.json'), '{"type":"module"}\n');
    await writeFile(path.join(dist, 'bundle', 'chunk.js'), 'export const x = 1;\n');
    await writeFile(
      path.join(dist, 'bundle', 'index.js'),
      "import { readFileSync } from 'node:fs';\nimport { x } from './chunk.js';\nexport { readFileSync, x };\n",
    );
    await writeFile(path.join(dist, 'bundle', 'lazy.cjs'), "'use strict';\nconst fs = require('fs');\nmodule.exports = () => require('./chunk.js');\n");
    return dist;
  }

  it('exits 0 and says so for a bundle that loads nothing from outside itself', async () => {
    const dist = await smallBundle();
    const run = check(dist);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /: every module a file loads is a Node built-in or a file of the bundle\.$/m);
  });

  // Each way of loading a module, in a small bundle of one ES file and one CommonJS file.
  for (const [file, planted, specifier] of [
    ['index.js', "await import('left-pad');", 'left-pad'],
    ['index.js', "import 'left-pad/lib/index.js';", 'left-pad/lib/index.js'],
    ['index.js', "export * from 'left-pad';", 'left-pad'],
    ['index.js', "import { createRequire as cr } from 'node:module';\nconst load = cr(import.meta.url);\nload('left-pad');", 'left-pad'],
    ['index.js', "import module from 'node:module';\nmodule.createRequire(import.meta.url)('left-pad');", 'left-pad'],
    ['index.js', "import 'node:left-pad';", 'node:left-pad'],
    ['lazy.cjs', "require('./missing-chunk.js');", './missing-chunk.js'],
    ['lazy.cjs', "require('../outside.js');", '../outside.js'],
    ['lazy.cjs', "const name = 'left-pad';\nrequire(name);", 'name'],
    ['lazy.cjs', "require.resolve('left-pad');", 'left-pad'],
    ['lazy.cjs', 'eval("require")("left-pad");', 'left-pad'],
    ['lazy.cjs', "const { createRequire: make } = require('node:module');\nconst r = make(__filename);\nr('left-pad');", 'left-pad'],
  ] as const) {
    it(`fails on ${JSON.stringify(planted.split('\n').at(-1))} in ${file}`, async () => {
      const dist = await smallBundle();
      assert.deepEqual(checkBundle(dist), [], 'the small bundle passes before anything is planted');
      await appendFile(path.join(dist, 'bundle', file), `\n${planted}\n`);
      const problems = checkBundle(dist);
      assert.deepEqual(
        problems.map((problem: { file: string; specifier: string }) => [path.relative(dist, problem.file), problem.specifier]),
        [[path.join('bundle', file), specifier]],
      );
    });
  }
});
