import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import runScript from '@npmcli/run-script';
import { type LifecycleEvent, scriptEnvironment } from '../../src/package/scripts.ts';

/** What a script sees, as JSON on its stdout. */
const PRINT_ENV = `node -e "process.stdout.write(JSON.stringify(process.env))"`;

describe('the environment of a package script', () => {
  it('is the one @npmcli/run-script gives it (its public runScript, output collected), but for its own node-gyp-bin folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-script-env-'));
    try {
      const manifest = {
        name: '@acme/env',
        version: '1.2.3-rc.1',
        config: { port: 8080, nested: { deep: true, off: false, none: null } },
        engines: { node: '>=24' },
        bin: { one: 'a.js', two: 'b.js' },
        scripts: { prepack: PRINT_ENV },
        description: 'not in the environment',
        keywords: ['x', 'y'],
      };
      await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest));
      const base = { PATH: `/usr/local/bin${path.delimiter}/usr/bin${path.delimiter}/bin`, HOME: dir, LANG: 'C' };
      const event: LifecycleEvent = 'prepack';
      // run-script spreads process.env under `env`: every other variable is set to undefined, which spawn leaves out.
      const hidden = Object.fromEntries(
        Object.keys(process.env)
          .filter((name) => !(name in base))
          .map((name) => [name, undefined]),
      );
      const theirs = await runScript({ event, path: dir, pkg: manifest, env: { ...hidden, ...base }, stdio: 'pipe', nodeGyp: 'node-gyp' });
      const expected = JSON.parse(String(theirs.stdout)) as Record<string, string>;
      const ours = scriptEnvironment({ dir, manifest, event, env: base }, PRINT_ENV);
      const nodeGypBin = path.join(path.dirname(createRequire(import.meta.url).resolve('@npmcli/run-script')), 'node-gyp-bin');
      expected.PATH = (expected.PATH as string)
        .split(path.delimiter)
        .filter((entry) => entry !== nodeGypBin)
        .join(path.delimiter);
      // What the shell itself adds (PWD, SHLVL, _) is not the environment either side built.
      for (const name of ['PWD', 'SHLVL', '_', 'OLDPWD']) delete expected[name];
      assert.deepEqual(ours, expected);
      assert.equal(ours.npm_package_config_nested_off, '');
      assert.equal(ours.npm_package_bin_two, 'b.js');
      assert.equal(ours.npm_package_description, undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
