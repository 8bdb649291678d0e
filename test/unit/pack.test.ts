/**
 * Edge cases of packDirectory and readTarballManifest. Byte-for-byte agreement with the npm CLI is checked in
 * test/integration/pack-corpus.test.ts; these pin down behaviour that test shows only indirectly.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { create as createTar, Parser, type ReadEntry } from 'tar';
import { packDirectory } from '../../src/package/pack.ts';
import { readTarballManifest } from '../../src/package/read-tarball.ts';

let tmp: string;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-pack-unit-'));
});
after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

let count = 0;
async function folder(files: Record<string, string>): Promise<string> {
  const dir = path.join(tmp, `pkg-${++count}`);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** Path (without the top folder) -> mode and text of each entry. */
async function unpack(data: Buffer): Promise<Map<string, { mode: number; text: string }>> {
  const found = new Map<string, { mode: number; text: string }>();
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => found.set(entry.path.replace(/^[^/]+\//, ''), { mode: entry.mode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    });
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.end(data);
  });
  return found;
}

const json = (fields: object) => `${JSON.stringify(fields, null, 2)}\n`;

describe('packDirectory', () => {
  it('publishes manifestText as package.json, selects files by it, and leaves the checkout untouched', async () => {
    const original = json({ name: 'rewritten', version: '1.0.0', dependencies: { sibling: 'workspace:^' }, files: ['lib'] });
    const dir = await folder({ 'package.json': original, 'lib/a.js': 'a', 'extra.js': 'e' });
    const text = json({ name: 'rewritten', version: '1.0.0', dependencies: { sibling: '^2.1.0' }, files: ['lib', 'extra.js'] });
    const before = await readdir(dir, { recursive: true });

    const packed = await packDirectory(dir, { manifestText: text });

    const entries = await unpack(packed.data);
    assert.equal(entries.get('package.json')?.text, text);
    assert.deepEqual([...entries.keys()].sort(), ['extra.js', 'lib/a.js', 'package.json']);
    assert.equal(await readFile(path.join(dir, 'package.json'), 'utf8'), original);
    assert.deepEqual(await readdir(dir, { recursive: true }), before);
    // The same bytes as packing a copy whose package.json holds the text.
    const copy = `${dir}-copy`;
    await cp(dir, copy, { recursive: true });
    await writeFile(path.join(copy, 'package.json'), text);
    assert.deepEqual((await packDirectory(copy)).data, packed.data);
  });

  it('packs the same bytes when manifestText is the file itself', async () => {
    const text = json({ name: 'same-text', version: '1.2.3' });
    const dir = await folder({ 'package.json': text, 'index.js': 'i' });
    assert.deepEqual((await packDirectory(dir, { manifestText: text })).data, (await packDirectory(dir)).data);
  });

  it('marks bins executable as npm 11 does: by the path without its first folder', async () => {
    // pacote's test drops the first folder of the path (it expects package/): bin/run.js is compared as run.js.
    const dir = await folder({
      'package.json': json({ name: 'bins', version: '1.0.0', bin: { top: './cli.js', nested: 'bin/run.js' } }),
      'cli.js': '',
      'bin/run.js': '',
      'lib/cli.js': '',
    });
    const entries = await unpack((await packDirectory(dir)).data);
    assert.equal(entries.get('cli.js')?.mode, 0o755);
    assert.equal(entries.get('bin/run.js')?.mode, 0o644);
    assert.equal(entries.get('lib/cli.js')?.mode, 0o755);
  });

  it('leaves the workspaces out of the root only when packing with them, and applies the root .gitignore to a workspace', async () => {
    const root = await folder({
      'package.json': json({ name: 'root', version: '1.0.0', workspaces: ['packages/*'] }),
      '.gitignore': '*.log\n',
      'packages/a/package.json': json({ name: 'a', version: '1.0.0' }),
      'packages/a/debug.log': 'd',
    });
    const member = path.join(root, 'packages/a');
    const paths = async (dir: string, options = {}) => (await packDirectory(dir, options)).files.map((file) => file.path).sort();

    assert.deepEqual(await paths(root), ['package.json', 'packages/a/package.json']);
    assert.deepEqual(await paths(root, { workspaceRoot: root, workspaces: [member] }), ['package.json']);
    assert.deepEqual(await paths(member), ['debug.log', 'package.json']);
    assert.deepEqual(await paths(member, { workspaceRoot: root, workspaces: [member] }), ['package.json']);
  });

  it('refuses a workspace root whose workspaces npm cannot map: two of one name, or a declaration that is not a list', async () => {
    const twins = await folder({
      'package.json': json({ name: 'twins', version: '1.0.0', workspaces: ['packages/*'] }),
      'packages/a/package.json': json({ name: 'twin', version: '1.0.0' }),
      'packages/b/package.json': json({ name: 'twin', version: '1.0.0' }),
    });
    await assert.rejects(packDirectory(twins), { code: 'EPACK', message: /must not have multiple workspaces with the same name/ });
    await assert.rejects(packDirectory(await folder({ 'package.json': json({ name: 'odd', version: '1.0.0', workspaces: 'packages/*' }) })), {
      code: 'EPACK',
      message: /expects an Array/,
    });
  });

  it('lists every entry with its size and returns npm integrity and shasum', async () => {
    const text = json({ name: 'sizes', version: '1.0.0' });
    const dir = await folder({ 'package.json': text, 'a.txt': 'hello' });
    const packed = await packDirectory(dir);
    // npm's order: by extension, then name.
    assert.deepEqual(packed.files, [
      { path: 'package.json', size: text.length },
      { path: 'a.txt', size: 5 },
    ]);
    assert.match(packed.integrity, /^sha512-[A-Za-z0-9+/]{86}==$/);
    assert.match(packed.shasum, /^[0-9a-f]{40}$/);
  });

  it('refuses a folder without package.json, a manifest without version, and a non-string "files" entry', async () => {
    await assert.rejects(packDirectory(await folder({ 'index.js': 'i' })), { code: 'EPACK', message: /package\.json does not exist/ });
    await assert.rejects(packDirectory(await folder({ 'package.json': json({ name: 'no-version' }) })), { code: 'EPACK', message: /"version"/ });
    await assert.rejects(packDirectory(await folder({ 'package.json': '{ not json' })), { code: 'EPACK' });
    await assert.rejects(packDirectory(await folder({ 'package.json': json({ name: 'bad-files', version: '1.0.0', files: ['lib', 7] }) })), {
      code: 'EPACKFILES',
    });
  });

  it('refuses a bundled dependency whose "files" npm-packlist cannot walk, instead of crashing', async () => {
    const dir = await folder({
      'package.json': json({ name: 'bundler', version: '1.0.0', dependencies: { dep: '1' }, bundleDependencies: ['dep'] }),
      'node_modules/dep/package.json': json({ name: 'dep', version: '1.0.0', files: { lib: true } }),
    });
    await assert.rejects(packDirectory(dir), { code: 'EPACKFILES', message: /node_modules[\\/]dep/ });
  });
});

describe('readTarballManifest', () => {
  it('reads package.json under any top folder name, as tar.x with strip 1 does', async () => {
    const dir = await folder({ 'repo-main/package.json': json({ name: 'any-top', version: '1.0.0', _resolved: 'x' }), 'repo-main/README.md': '# Any\n' });
    const data = await createTar({ gzip: true, cwd: dir }, ['repo-main']).concat();
    const manifest = await readTarballManifest(data);
    assert.equal(manifest.name, 'any-top');
    assert.equal(manifest.readme, '# Any\n');
    assert.equal(manifest.readmeFilename, 'README.md');
    assert.equal(
      Object.keys(manifest).some((key) => key.startsWith('_')),
      false,
    );
  });

  it('prefers a markdown README, and uses npm placeholder text when there is none', async () => {
    const both = await folder({ 'package.json': json({ name: 'readmes', version: '1.0.0' }), README: 'plain', 'readme.markdown': 'marked' });
    assert.equal((await readTarballManifest((await packDirectory(both)).data)).readme, 'marked');
    const none = await folder({ 'package.json': json({ name: 'no-readme', version: '1.0.0' }) });
    assert.equal((await readTarballManifest((await packDirectory(none)).data)).readme, 'ERROR: No README data found!');
  });

  it('cleans the version and normalises bins and repository as npm publish does', async () => {
    const dir = await folder({ 'package.json': json({ name: 'norm', version: 'v2.0.0', bin: './cli.js', repository: 'github:o/r' }), 'cli.js': '' });
    const manifest = await readTarballManifest((await packDirectory(dir)).data);
    assert.equal(manifest.version, '2.0.0');
    assert.deepEqual(manifest.bin, { norm: 'cli.js' });
    assert.deepEqual(manifest.repository, { type: 'git', url: 'git+https://github.com/o/r.git' });
  });

  it('refuses bytes that are not a tarball, a truncated tarball, and a tarball without package.json', async () => {
    await assert.rejects(readTarballManifest(Buffer.from('not a tarball')), { code: 'ETARBALL' });
    const whole = (await packDirectory(await folder({ 'package.json': json({ name: 'cut', version: '1.0.0' }) }))).data;
    await assert.rejects(readTarballManifest(whole.subarray(0, whole.length - 4)), { code: 'ETARBALL', message: /unexpected end of file/ });
    const dir = await folder({ 'package/index.js': 'i' });
    await assert.rejects(readTarballManifest(await createTar({ gzip: true, cwd: dir }, ['package']).concat()), {
      code: 'ETARBALL',
      message: /no package\.json/,
    });
    const flat = await folder({ 'package.json': json({ name: 'flat', version: '1.0.0' }) });
    await assert.rejects(readTarballManifest(await createTar({ gzip: true, cwd: flat }, ['package.json']).concat()), { code: 'ETARBALL' });
  });

  it('leaves nothing in the temporary folder where npm reads the package, whether it reads it or refuses it', async () => {
    const readable = (await packDirectory(await folder({ 'package.json': json({ name: 'temp', version: '1.0.0', main: 'lib/x.js' }), 'lib/x.d.ts': '' }))).data;
    const refused = (await packDirectory(await folder({ 'package.json': json({ name: 'temp-main', version: '1.0.0', main: 5 }) }))).data;
    const own = path.join(tmp, 'own-tmpdir');
    await mkdir(own);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own; // os.tmpdir() reads it on each call
    try {
      assert.equal((await readTarballManifest(readable)).types, './lib/x.d.ts');
      await assert.rejects(readTarballManifest(refused), { code: 'ETARBALL', message: /"main" attribute must be of type string/ });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    assert.deepEqual(await readdir(own), []);
  });
});
