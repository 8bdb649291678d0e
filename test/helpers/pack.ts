import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { packDirectory } from '../../src/package/pack.ts';

/** Packs `dir` in-process (no scripts) into `<name>-<version>.tgz` in a new temporary folder; `cleanup` removes it. */
export async function packToFile(dir: string): Promise<{ file: string; data: Buffer; cleanup: () => Promise<void> }> {
  const packed = await packDirectory(dir);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-tgz-'));
  const file = path.join(folder, `${path.basename(dir)}.tgz`);
  await writeFile(file, packed.data);
  return { file, data: packed.data, cleanup: () => rm(folder, { recursive: true, force: true }) };
}
