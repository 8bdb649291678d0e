import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { glob as realGlob } from 'glob';
import { ROOT } from '../helpers/action.ts';

/**
 * dist/bundle/glob-lazy.cjs answers @npmcli/package-json's two calls on a folder being published
 * (`{README,README.*}` with nocase and mark, `*.gyp`) from one readdir instead of loading glob. Its answers
 * must be glob's own, order included: the readme step takes the first markdown-like name glob gives.
 */
const SHIM = path.join(ROOT, 'dist', 'bundle', 'glob-lazy.cjs');
const REAL_IN_DIST = path.join(ROOT, 'dist', 'bundle', 'glob', 'index.js');
const require = createRequire(import.meta.url);
const shim = require(SHIM) as { glob: (pattern: string, options: Record<string, unknown>) => Promise<string[]> };

const README = { pattern: '{README,README.*}', options: { nocase: true, mark: true } };
const GYP = { pattern: '*.gyp', options: {} };
const NAMES = ['README', 'readme.md', 'README.markdown', 'Readme.txt', 'README.', 'readme.MD', 'READMEX', 'xREADME', 'README.d', 'ReadMe.rst', 'README.md.bak', '.readme', 'a.gyp', '.b.gyp', 'C.GYP', 'd.gyp', '.gyp', 'binding.gyp', 'gyp', 'x.gypi', 'README\nnewline'];

describe('the glob shim in dist/ answers as glob does', { skip: process.platform !== 'linux' && 'the fast path is for Linux only' }, () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-glob-'));
  });
  after(() => rm(work, { recursive: true, force: true }));

  const same = async (cwd: string, call: { pattern: string; options: Record<string, unknown> }, label: string) => {
    const options = { cwd, ...call.options };
    assert.deepEqual(await shim.glob(call.pattern, options), await realGlob(call.pattern, options), `${label}: ${call.pattern}`);
  };

  it('gives the readme and gypfile steps the same names in the same order, on 150 random folders, without loading glob', async () => {
    for (let round = 0; round < 150; round += 1) {
      const dir = path.join(work, `r${round}`);
      await mkdir(dir);
      const picked = NAMES.filter(() => Math.random() < 0.5).sort(() => Math.random() - 0.5);
      for (const name of picked) {
        if (Math.random() < 0.2) await mkdir(path.join(dir, name));
        else await writeFile(path.join(dir, name), 'x');
      }
      await same(dir, README, picked.join(' | '));
      await same(dir, GYP, picked.join(' | '));
    }
    assert.equal(require.cache[REAL_IN_DIST], undefined, 'the fast path loaded the real glob');
  });

  it('leaves a symlink, a missing folder and any other call to the real glob, with its answers', async () => {
    const linked = path.join(work, 'linked');
    await mkdir(path.join(linked, 'docs'), { recursive: true });
    await writeFile(path.join(linked, 'docs', 'intro.md'), '# hi\n');
    await symlink(path.join(linked, 'docs', 'intro.md'), path.join(linked, 'README.md'));
    await symlink(path.join(linked, 'docs'), path.join(linked, 'README'));
    await same(linked, README, 'symlinks');
    await same(path.join(work, 'missing'), README, 'missing folder');
    await same(linked, { pattern: '**/*.md', options: {} }, 'another pattern');
    await same(linked, { pattern: '{README,README.*}', options: { nocase: true } }, 'other options');
    assert.notEqual(require.cache[REAL_IN_DIST], undefined, 'the real glob was not used');
  });
});
