import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LAZY } from '../../scripts/bundle.js';
import { LICENSES_FILE, licenseProblems, parseLicensesText, RECORD_FILE } from '../../scripts/check-licenses.js';
import { ROOT } from '../helpers/action.ts';

const DIST = path.join(ROOT, 'dist');
const NODE_MODULES = path.join(ROOT, 'node_modules');

/**
 * The licences of the packages bundled into dist/ ask for their notice in every copy: dist/licenses.txt holds one
 * per package version, and scripts/bundle.js records in dist/bundled-packages.json which package folders each of its
 * ncc builds bundled (from the modules of every chunk). Reads those two files and node_modules; builds nothing.
 */
describe('dist/licenses.txt: the notice of every package bundled into dist/', () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-licenses-'));
  });
  after(() => rm(work, { recursive: true, force: true }));

  /** A copy of the two files in a folder of its own, with `edit` applied to the notices. */
  async function copyWith(edit: (licenses: string) => string): Promise<string> {
    const dist = await mkdtemp(path.join(work, 'dist-'));
    await copyFile(path.join(DIST, RECORD_FILE), path.join(dist, RECORD_FILE));
    await writeFile(path.join(dist, LICENSES_FILE), edit(await readFile(path.join(DIST, LICENSES_FILE), 'utf8')));
    return dist;
  }

  it('holds a notice for every package version that any build bundled, each the licence its package ships, and no other', () => {
    assert.deepEqual(licenseProblems(DIST, NODE_MODULES), []);
  });

  it('records the main build and each LAZY sub-build', async () => {
    const record = JSON.parse(await readFile(path.join(DIST, RECORD_FILE), 'utf8')) as Record<string, Array<{ name: string; version: string; folder: string }>>;
    assert.deepEqual(Object.keys(record).sort(), ['bundle', ...LAZY.map((entry) => `bundle/${entry.dir ?? entry.name}`)].sort());
    for (const entry of LAZY) {
      assert.ok(
        record[`bundle/${entry.dir ?? entry.name}`]?.some((pkg) => pkg.name === entry.name),
        `the ${entry.name} build holds ${entry.name}`,
      );
    }
    // Two versions of one package bundled (minipass 7 at the top, 3 under minipass-flush), under two licences: a notice for each.
    const versions = [
      ...new Set(
        Object.values(record)
          .flat()
          .filter((pkg) => pkg.name === 'minipass')
          .map((pkg) => pkg.version),
      ),
    ];
    assert.ok(versions.length > 1, `minipass versions bundled: ${versions.join(', ')}`);
    const notices = parseLicensesText(await readFile(path.join(DIST, LICENSES_FILE), 'utf8'));
    const texts = new Set(versions.map((version) => notices.get(`minipass@${version}`)?.text));
    assert.equal(texts.size, versions.length, 'each version has its own notice');
  });

  it('fails when a bundled package has no notice, naming the package and the build', async () => {
    const dist = await copyWith((licenses) => licenses.replace(/\n\n-{80}\nsemver@[^\n]+\n[\s\S]*?(?=\n\n-{80}\n)/, ''));
    const problems = licenseProblems(dist, NODE_MODULES);
    assert.ok(problems.length > 0);
    assert.ok(
      problems.every((problem) => /^semver@\S+ is bundled into dist\/bundle(\/[\w-]+)? but has no notice in dist\/licenses\.txt\.$/.test(problem)),
      problems.join('\n'),
    );
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-licenses.js'), dist], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /^semver@\S+ is bundled into dist\/bundle but has no notice/m);
  });

  it('fails on a notice that is not the text the package ships, and on a notice for a package no build bundled', async () => {
    const changed = await copyWith((licenses) => licenses.replace(/(\nyaml@[^\n]+\nISC\n)Copyright/, '$1Copyright (c) someone else'));
    assert.deepEqual(
      licenseProblems(changed, NODE_MODULES).map((problem) => problem.replace(/^yaml@\S+?'s/, "yaml@<v>'s")),
      ["yaml@<v>'s notice in dist/licenses.txt is not the licence node_modules/yaml ships: run npm run bundle."],
    );
    const extra = await copyWith((licenses) => `${licenses.trimEnd()}\n\n${'-'.repeat(80)}\nleft-pad@1.3.0\nWTFPL\nDo what you want.\n`);
    assert.deepEqual(licenseProblems(extra), ['dist/licenses.txt has a notice for left-pad@1.3.0, which no build in dist/bundled-packages.json bundles.']);
  });
});
