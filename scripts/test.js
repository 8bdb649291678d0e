// `npm test`: the whole suite, on the Node 24 that `npm ci` installed into
// node_modules/.bin (npm puts it first on PATH for scripts).
// Usage: node scripts/test.js [test files or globs]   (default: every test/**/*.test.ts)
import { spawnSync } from 'node:child_process';

const major = Number(process.versions.node.split('.')[0]);
console.log(`npm-totp-publish tests on Node ${process.version} (${process.execPath})`);
if (major < 24) {
  console.error(`Node ${process.version} is too old: the tests need Node 24. Run them through npm (npm test), which puts node_modules/.bin/node first on PATH.`);
  process.exit(1);
}
const files = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=120000', '--test-reporter=spec', ...(files.length > 0 ? files : ['test/**/*.test.ts'])],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
