/**
 * Preloaded with `node --import` by test/e2e/startup.test.ts: records the URL of
 * every module node loads in this process (ESM imports, dynamic imports and
 * CommonJS requires alike, through module.registerHooks) and writes them, one
 * per line, to the file named by RECORD_LOADS when the process exits.
 */
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.RECORD_LOADS;
if (!file) throw new Error('record-loads: set RECORD_LOADS to the file to write');
const loaded = new Set<string>();
registerHooks({
  load(url, context, nextLoad) {
    loaded.add(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => writeFileSync(file, [...loaded].join('\n')));
