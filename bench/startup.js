// Start-up of the bundled CLI and action: how long each path takes from `node`
// to exit, per dist/ folder, interleaved (A B A B ...) so that a busy machine
// weighs on every folder alike. Prints medians of wall time and of CPU time
// (user + system, from /usr/bin/time when present), and the load average.
//
//   node_modules/.bin/node bench/startup.js [dist folders...] [--runs N] [--compile-cache cold|warm] [--only <regexp of scenario names>]
//
// Default: dist/, 15 runs after 2 warm-ups. Every command gets a clean
// environment (PATH and HOME only, plus what the path needs) and its own TMPDIR,
// where module.enableCompileCache() keeps its cache when an entry calls it:
// --compile-cache cold (the default) = a new empty TMPDIR each run, as on a fresh
// runner; warm = one TMPDIR per dist folder, filled by the warm-ups.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args.splice(at, 2)[1];
};
const runs = Number(option('--runs', '15'));
const compileCache = option('--compile-cache', 'cold');
const only = new RegExp(option('--only', '.'));
const dists = (args.length > 0 ? args : ['dist']).map((dir) => path.resolve(dir));
const work = mkdtempSync(path.join(os.tmpdir(), 'npm-totp-publish-startup-'));
const missing = path.join(work, 'missing');
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir() };
const actionEnv = (inputs) => ({
  ...base,
  GITHUB_ACTIONS: 'true',
  GITHUB_OUTPUT: path.join(work, 'output'),
  GITHUB_STEP_SUMMARY: path.join(work, 'summary'),
  RUNNER_TEMP: work,
  INPUT_REGISTRY: 'https://registry.npmjs.org/',
  'INPUT_DRY-RUN': 'false',
  'INPUT_IGNORE-SCRIPTS': 'false',
  'INPUT_ALLOW-INSECURE-REGISTRY': 'false',
  'INPUT_TRUSTED-PUBLISHING': 'auto',
  ...inputs,
});
// The whole engine, in one process: import the bundle, run the CLI once through
// --version (its side loaded), then a publish that loads the engine and fails at once.
const engineProbe = (dist) => `
${readFileSync(path.join(dist, 'cli.js'), 'utf8').includes('enableCompileCache') ? "(await import('node:module')).enableCompileCache();" : ''}
const t0 = performance.now();
const { runCli } = await import(${JSON.stringify(path.join(dist, 'bundle', 'index.js'))});
const io = { stdout() {}, stderr() {}, cwd: process.cwd() };
await runCli(['--version'], {}, io);
const t1 = performance.now();
await runCli(['publish', ${JSON.stringify(missing)}], { NODE_AUTH_TOKEN: 'x' }, io);
const t2 = performance.now();
console.log(JSON.stringify({ cliSide: t1 - t0, engine: t2 - t1 }));`;

const scenarios = [
  { name: 'node -e 0', argv: () => ['-e', '0'], env: base },
  { name: 'cli --version', argv: (d) => [path.join(d, 'cli.js'), '--version'], env: base },
  { name: 'cli --help', argv: (d) => [path.join(d, 'cli.js'), '--help'], env: base },
  { name: 'cli input error (no token)', argv: (d) => [path.join(d, 'cli.js'), 'publish'], env: base },
  { name: 'cli engine (missing package)', argv: (d) => [path.join(d, 'cli.js'), 'publish', missing], env: { ...base, NODE_AUTH_TOKEN: 'x' } },
  { name: 'action input error (empty token)', argv: (d) => [path.join(d, 'index.js')], env: actionEnv({ INPUT_TOKEN: '', INPUT_PACKAGE: '.' }) },
  { name: 'action engine (missing package)', argv: (d) => [path.join(d, 'index.js')], env: actionEnv({ INPUT_TOKEN: 'x', INPUT_PACKAGE: missing }) },
  { name: 'in-process: engine load', argv: (d) => ['--input-type=module', '-e', engineProbe(d)], env: base, probe: true },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function runOnce(scenario, dist, tmp) {
  const env = { ...scenario.env, TMPDIR: tmp };
  const argv = [process.execPath, ...scenario.argv(dist)];
  const timeFile = path.join(work, 'time');
  const command = time ? [time, '-f', '%U %S', '-o', timeFile, ...argv] : argv;
  for (const file of ['output', 'summary']) writeFileSync(path.join(work, file), '');
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { cwd: work, env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = time
    ? readFileSync(timeFile, 'utf8')
        .trim()
        .split('\n')
        .at(-1)
        .split(' ')
        .reduce((sum, s) => sum + Number(s) * 1000, 0)
    : NaN;
  return { wall, cpu, probe: scenario.probe ? JSON.parse(result.stdout.trim().split('\n').at(-1)) : undefined };
}

console.log(
  `Node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${runs} runs, TMPDIR (compile cache) ${compileCache}`,
);
const warmCache = Object.fromEntries(dists.map((dist) => [dist, mkdtempSync(path.join(work, 'tmp-'))]));
for (const scenario of scenarios.filter(({ name }) => only.test(name))) {
  const samples = new Map(dists.map((dist) => [dist, []]));
  for (let round = -2; round < runs; round += 1) {
    for (const dist of dists) {
      const tmp = compileCache === 'cold' ? mkdtempSync(path.join(work, 'tmp-')) : warmCache[dist];
      const sample = runOnce(scenario, dist, tmp);
      if (compileCache === 'cold') rmSync(tmp, { recursive: true, force: true });
      if (round >= 0) samples.get(dist).push(sample);
    }
  }
  for (const dist of dists) {
    const list = samples.get(dist);
    const probe = scenario.probe
      ? `  (CLI side ${median(list.map((s) => s.probe.cliSide)).toFixed(1)} ms, then engine ${median(list.map((s) => s.probe.engine)).toFixed(1)} ms)`
      : '';
    console.log(
      `${scenario.name.padEnd(34)} ${path.relative(process.cwd(), dist) || '.'}`.padEnd(70) +
        ` wall ${median(list.map((s) => s.wall))
          .toFixed(1)
          .padStart(6)} ms  cpu ${median(list.map((s) => s.cpu))
          .toFixed(0)
          .padStart(4)} ms${probe}`,
    );
  }
}
console.log(
  `load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
rmSync(work, { recursive: true, force: true });
