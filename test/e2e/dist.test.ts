import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/action.ts';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`])),
  );
  return files.flat().sort();
}

describe('dist/', () => {
  it('is exactly what the source builds (run npm run bundle and commit dist/ when this fails)', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-dist-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js'), out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      const built = await listFiles(out);
      assert.deepEqual(await listFiles(path.join(ROOT, 'dist')), built);
      for (const file of built) {
        const same = (await readFile(path.join(out, file))).equals(await readFile(path.join(ROOT, 'dist', file)));
        assert.ok(same, `dist/${file} differs from a fresh build`);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
