// `npm test`: the whole suite, on the Node 24 that `npm ci` installed into
// node_modules/.bin (npm puts it first on PATH for scripts).
// Usage: node scripts/test.js [test files or globs]   (default: every test/**/*.test.ts)
//
// The tests get a temporary directory of their own (TMPDIR, TEMP, TMP); when they
// end, whatever they left in it is listed and the run fails: tests leave nothing behind.
// The product is laid out once, as users get it (test/helpers/product.ts: the action as
// `uses:` checks it out, the CLI installed from its packed tarball), outside that directory.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const major = Number(process.versions.node.split('.')[0]);
console.log(`npm-totp-publish tests on Node ${process.version} (${process.execPath})`);
if (major < 24) {
  console.error(`Node ${process.version} is too old: the tests need Node 24. Run them through npm (npm test), which puts node_modules/.bin/node first on PATH.`);
  process.exit(1);
}
const { layOutProduct } = await import('../test/helpers/product.ts');
const files = process.argv.slice(2);
// Files the tests might leave in the checkout itself (a cache folder named after an option, say): untracked
// files that were not there before the run fail it too. Outside a git checkout there is nothing to compare.
const untracked = () => {
  const listed = spawnSync('git', ['ls-files', '--others', '--exclude-standard', '--directory'], { encoding: 'utf8' });
  return listed.status === 0 ? new Set(listed.stdout.split('\n').filter(Boolean)) : undefined;
};
const untrackedBefore = untracked();
// The linters (npm run lint) run beside the tests, on the whole tree, when no file is named; their verdict comes at the end.
const lint = files.length > 0 ? undefined : linting();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'npm-totp-publish-tests-'));
const productDir = mkdtempSync(path.join(os.tmpdir(), 'npm-totp-publish-product-'));
let status;
try {
  layOutProduct(productDir);
  // The product reads npm's config as npm does (user and global config, npm_config_* variables): the tests get none of
  // this machine's (npm run passes its own as npm_config_*), only what each test writes for itself.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)));
  const result = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=2', '--test-timeout=120000', '--test-reporter=spec', ...(files.length > 0 ? files : ['test/**/*.test.ts'])],
    // npm (which some tests run) enables Node's compile cache in the temporary directory: a speed-up only, off here.
    {
      stdio: 'inherit',
      env: {
        ...env, TMPDIR: tmp, TEMP: tmp, TMP: tmp, NODE_DISABLE_COMPILE_CACHE: '1', NPM_TOTP_PUBLISH_PRODUCT: productDir,
        NPM_CONFIG_USERCONFIG: path.join(productDir, 'no-user-npmrc'), NPM_CONFIG_GLOBALCONFIG: path.join(productDir, 'no-global-npmrc'),
      },
    },
  );
  status = result.status ?? 1;
  if (lint) {
    const { code, output } = await lint;
    if (code !== 0) {
      console.error(`\nnpm run lint failed (exit ${code}):\n${output}`);
      status = 1;
    } else console.log('\nnpm run lint: no problem.');
  }
  const added = [...(untracked() ?? [])].filter((file) => untrackedBefore !== undefined && !untrackedBefore.has(file));
  if (added.length > 0) {
    console.error(`\nThe tests left ${added.length} new file${added.length === 1 ? '' : 's'} in the checkout (tests must write only to their temporary directory):\n  ${added.sort().join('\n  ')}`);
    status = 1;
  }
  const left = readdirSync(tmp);
  if (left.length > 0) {
    console.error(`\nThe tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary directory (tests must remove what they create):\n  ${left.sort().join('\n  ')}`);
    status = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(productDir, { recursive: true, force: true });
}
process.exit(status);

/** `npm run lint`'s checks, started now: resolves with their exit code and what they printed. */
function linting() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join('scripts', 'lint.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
