// The format npm run lint holds the tree to (scripts/lint.js runs prettier --check with this configuration).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as prettier from 'prettier';
import { ROOT } from '../helpers/action.ts';

const ignorePath = path.join(ROOT, '.prettierignore');

describe('formatting (Prettier)', () => {
  it('uses the project configuration: lines of 160, single quotes, trailing commas', async () => {
    const options = await prettier.resolveConfig(path.join(ROOT, 'src', 'version.ts'), { editorconfig: false });
    assert.equal(options?.printWidth, 160);
    assert.equal(options?.singleQuote, true);
    assert.equal(options?.trailingComma, 'all');
  });

  it('tells formatted code from code that is not', async () => {
    const options = { ...(await prettier.resolveConfig(path.join(ROOT, 'src', 'version.ts'))), filepath: path.join(ROOT, 'src', 'x.ts') };
    assert.equal(await prettier.check("export const a = { b: 'c' };\n", options), true);
    assert.equal(await prettier.check('export const a = {b:"c"}\n', options), false);
    const long = `export const list = [${Array.from({ length: 40 }, (_, i) => `'item-${i}'`).join(', ')}];\n`;
    assert.equal(await prettier.check(long, options), false, 'a line over 160 characters is broken');
  });

  it('leaves alone what must stay as it is: the built dist/ and the fixtures packed byte for byte', async () => {
    for (const file of ['dist/index.js', 'dist/bundle/index.js', 'test/fixtures/monorepos/vue-core/package.json', 'node_modules/npm/index.js']) {
      assert.equal((await prettier.getFileInfo(path.join(ROOT, file), { ignorePath })).ignored, true, file);
    }
    for (const file of ['src/version.ts', 'test/unit/format.test.ts', 'scripts/lint.js', 'bench/publish.ts']) {
      assert.equal((await prettier.getFileInfo(path.join(ROOT, file), { ignorePath })).ignored, false, file);
    }
  });
});
