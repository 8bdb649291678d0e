import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/product.ts';

/**
 * No test runs the repository's dist/ in place: inside the repository Node finds the project's
 * node_modules, so a bundle missing a module passes there and crashes for every user. Tests run the
 * product through test/helpers/product.ts (runAction, runCli), laid out as users get it.
 *
 * A file may name the repository's dist/ only to read it, never to run it: each such file is here with why.
 */
const READS_DIST: Record<string, string> = {
  'test/helpers/product.ts': 'copies dist/ into the folder laid out as uses: checks it out',
  'test/e2e/check-bundle.test.ts': 'parses the committed dist/ (scripts/check-bundle.js) and plants a require in a copy',
  'test/e2e/install.test.ts': 'packs the repository with npm and compares the packed file list with dist/',
  'test/unit/format.test.ts': 'asks Prettier whether it would format dist/ files (it must not), never runs them',
  'test/e2e/licenses.test.ts': 'reads dist/licenses.txt and dist/bundled-packages.json (scripts/check-licenses.js) and edits a copy',
  'test/unit/project.test.ts': "checks action.yml's runs.main",
  'test/unit/publish-manifest.test.ts': "fixture packages' own main, bin and exports fields, not this repository's dist/",
};

/** Ways a test could reach the repository's dist/: ROOT joined with it, a relative import of it, or its entries as bare paths. */
const PATTERNS = [
  /\bROOT\s*,\s*['"`]dist['"`]/,
  /\$\{ROOT\}\/dist\b/,
  /from\s+['"](\.\.\/)+dist\//,
  /import\(\s*['"](\.\.\/)+dist\//,
  /['"`](\.\/)?dist\/(index|cli)\.js['"`]/,
  /resolve\(\s*['"`]dist\b/,
];

function testFiles(dir: string): string[] {
  return (
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(ts|js|mjs|cjs)$/.test(entry.name))
      .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      // Real monorepos' own files (their dist/ is theirs), data for the tests, never run.
      .filter((file) => !file.startsWith('test/fixtures/monorepos/'))
  );
}

/** The lines of `text` that reach dist/ by one of PATTERNS. */
export function distReferences(text: string): string[] {
  return text.split('\n').filter((line) => PATTERNS.some((pattern) => pattern.test(line)));
}

describe('the tests run the product only as users get it', () => {
  it("finds each way of reaching the repository's dist/", () => {
    for (const line of [
      "spawnNode([path.join(ROOT, 'dist', 'index.js')], env, ROOT)",
      'spawn(process.execPath, [`${ROOT}/dist/cli.js`, "--help"])',
      "import { runCli } from '../../dist/bundle/index.js';",
      "await import('../../dist/bundle/index.js')",
      "spawnNode(['dist/cli.js', 'publish'], env, ROOT)",
      "spawnNode([path.resolve('dist/index.js')], env, ROOT)",
    ]) {
      assert.deepEqual(distReferences(line), [line], line);
    }
    assert.deepEqual(distReferences("await cp(path.join(work, 'dist'), copy);\nconst dist = manifest.dist;"), []);
  });

  it('no test file outside the readers above names the repository dist/; each reader still does', () => {
    const found: Record<string, string[]> = {};
    for (const file of testFiles(path.join(ROOT, 'test')).filter((file) => file !== 'test/unit/product-only.test.ts')) {
      const lines = distReferences(readFileSync(path.join(ROOT, file), 'utf8'));
      if (lines.length > 0) found[file] = lines;
    }
    const outside = Object.fromEntries(Object.entries(found).filter(([file]) => !(file in READS_DIST)));
    assert.deepEqual(outside, {}, 'run the product through runAction / runCli (test/helpers/action.ts), never dist/ in place');
    assert.deepEqual(
      Object.keys(READS_DIST).filter((file) => !(file in found)),
      [],
      'a reader that no longer reads dist/ leaves READS_DIST',
    );
  });
});
