// `npm test`: the whole suite, on the Node 24 that `npm ci` installed into
// node_modules/.bin (npm puts it first on PATH for scripts).
// Usage: node scripts/test.js [test files or globs]   (default: every test/**/*.test.ts)
//
// The tests get a temporary directory of their own (TMPDIR, TEMP, TMP); when they
// end, whatever they left in it is listed and the run fails: tests leave nothing behind.
// The product is laid out once, as users get it (test/helpers/product.ts: the action as
// `uses:` checks it out, the CLI installed from its packed tarball), outside that directory.
// This process hosts every test file's Verdaccio (test/registry/verdaccio.ts), so that its module
// is loaded once for the run. With no file named, `npm run lint` runs beside the tests. At the end it
// prints the slowest test files (scripts/slowest-files.js), the wall time, the CPU time and the load.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const major = Number(process.versions.node.split('.')[0]);
console.log(`npm-totp-publish tests on Node ${process.version} (${process.execPath})`);
if (major < 24) {
  console.error(
    `Node ${process.version} is too old: the tests need Node 24. Run them through npm (npm test), which puts node_modules/.bin/node first on PATH.`,
  );
  process.exit(1);
}
const { layOutProduct } = await import('../test/helpers/product.ts');
const { hostVerdaccios } = await import('../test/registry/verdaccio.ts');
const files = process.argv.slice(2);
// Files the tests might leave in the checkout itself (a cache folder named after an option, say): untracked
// files that were not there before the run fail it too. Outside a git checkout there is nothing to compare.
const untracked = () => {
  const listed = spawnSync('git', ['ls-files', '--others', '--exclude-standard', '--directory'], { encoding: 'utf8' });
  return listed.status === 0 ? new Set(listed.stdout.split('\n').filter(Boolean)) : undefined;
};
const untrackedBefore = untracked();
const started = Date.now();
// The linters (npm run lint) run beside the tests, on the whole tree, when no file is named; their verdict comes at the end.
const lint = files.length > 0 ? undefined : linting();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'npm-totp-publish-tests-'));
const productDir = mkdtempSync(path.join(os.tmpdir(), 'npm-totp-publish-product-'));
let status;
// Every test file's Verdaccios run here (test/registry/verdaccio.ts): its module is loaded once, not once per file.
const verdaccios = await hostVerdaccios();
try {
  layOutProduct(productDir);
  // The product reads npm's config as npm does (user and global config, npm_config_* variables): the tests get none of
  // this machine's (npm run passes its own as npm_config_*), only what each test writes for itself.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)));
  const child = spawn(
    process.execPath,
    [
      '--test',
      '--test-concurrency=2',
      '--test-timeout=120000',
      // The spec for people, then (scripts/slowest-files.js) the slowest files and the totals once the run ends.
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${path.join(import.meta.dirname, 'slowest-files.js')}`,
      '--test-reporter-destination=stdout',
      ...(files.length > 0 ? files : ['test/**/*.test.ts']),
    ],
    // Node's compile cache for every process of the run, in a folder of the run's own outside TMPDIR (npm, which
    // some tests run, and the CLI would otherwise write one into TMPDIR): npm's, the bundle's and the tests' code is
    // compiled once a run instead of once a process (test/helpers/product.ts, compileCacheEnv).
    {
      stdio: 'inherit',
      env: {
        ...env,
        TMPDIR: tmp,
        TEMP: tmp,
        TMP: tmp,
        NODE_COMPILE_CACHE: path.join(productDir, 'compile-cache'),
        NPM_TOTP_PUBLISH_PRODUCT: productDir,
        NPM_CONFIG_USERCONFIG: path.join(productDir, 'no-user-npmrc'),
        NPM_CONFIG_GLOBALCONFIG: path.join(productDir, 'no-global-npmrc'),
        NPM_TOTP_PUBLISH_VERDACCIO_HOST: verdaccios.url,
      },
    },
  );
  status = await new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
  if (lint) {
    const { code, output } = await lint;
    if (code !== 0) {
      console.error(`\nnpm run lint failed (exit ${code}):\n${output}`);
      status = 1;
    } else console.log('\nnpm run lint: no problem.');
  }
  // After the linters too: their CPU time counts, as their wall time does.
  const children = childrenCpuSeconds();
  const own = process.cpuUsage();
  const cpu = children === undefined ? undefined : children + (own.user + own.system) / 1e6;
  console.log(
    `Wall time ${((Date.now() - started) / 1000).toFixed(1)} s${cpu === undefined ? '' : `, CPU time ${cpu.toFixed(1)} s (user + sys, this process and every process it started)`}, load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}.`,
  );
  const added = [...(untracked() ?? [])].filter((file) => untrackedBefore !== undefined && !untrackedBefore.has(file));
  if (added.length > 0) {
    console.error(
      `\nThe tests left ${added.length} new file${added.length === 1 ? '' : 's'} in the checkout (tests must write only to their temporary directory):\n  ${added.sort().join('\n  ')}`,
    );
    status = 1;
  }
  const left = readdirSync(tmp);
  if (left.length > 0) {
    console.error(
      `\nThe tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary directory (tests must remove what they create):\n  ${left.sort().join('\n  ')}`,
    );
    status = 1;
  }
} finally {
  await verdaccios.close();
  rmSync(tmp, { recursive: true, force: true });
  rmSync(productDir, { recursive: true, force: true });
}
process.exit(status);

/** User + system CPU seconds of the finished children of this process and theirs (Linux: /proc/self/stat cutime and cstime); undefined elsewhere. */
function childrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime) are the 14th and 15th after the command name, in clock ticks (100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

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
