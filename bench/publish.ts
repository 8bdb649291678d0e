/**
 * Publishing N tiny packages through an OTP gate, three ways, against one
 * test registry in one run:
 *
 *   A. npm-totp-publish, the bundled CLI (dist/cli.js), one process per publish;
 *   B. the npm CLI (`npm publish --otp=<code>`), one process per publish, with
 *      a temporary userconfig, cache and HOME;
 *   C. our engine in-process from src/, all N publishes in one process (what a
 *      `commands` block with N publish lines does);
 *   D. as A, but publishing a .tgz packed beforehand: A minus the `npm pack`
 *      our packer runs, so the difference is the packing.
 *
 * For each: wall time per publish, and CPU time (user + system) and peak RSS
 * of the process tree, from GNU time (`/usr/bin/time -v`, which counts the
 * children a process waited for, such as the `npm pack` our packer runs).
 * Without /usr/bin/time, only the measured process's own
 * `process.resourceUsage()` is shown (children not included).
 *
 *   node_modules/.bin/node bench/publish.ts [N]      (default N = 5)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM_CLI = path.join(ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js');
const OUR_CLI = path.join(ROOT, 'dist', 'cli.js');
const GNU_TIME = '/usr/bin/time';
const SELF = fileURLToPath(import.meta.url);

interface Usage {
  wallMs: number;
  cpuMs: number | undefined;
  maxRssKb: number | undefined;
}

interface Measured extends Usage {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment for children: nothing of the caller's npm config, CI markers or tokens. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|NPM_|NODE_AUTH_TOKEN$|GITHUB_|ACTIONS_|CI$|INPUT_)/i.test(name)) continue;
    env[name] = value;
  }
  return { ...env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`, ...extra };
}

/** Runs `node <args>` under GNU time when available; returns wall time, CPU and peak RSS of the tree. */
function measure(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Measured> {
  const gnu = existsSync(GNU_TIME);
  const [command, argv] = gnu ? [GNU_TIME, ['-v', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const field = (name: string) => {
        const match = new RegExp(`^\\s*${name}: (.+)$`, 'm').exec(stderr);
        return match ? Number(match[1]) : undefined;
      };
      let cpuMs: number | undefined;
      let maxRssKb: number | undefined;
      if (gnu) {
        const user = field('User time \\(seconds\\)');
        const system = field('System time \\(seconds\\)');
        cpuMs = user !== undefined && system !== undefined ? (user + system) * 1000 : undefined;
        maxRssKb = field('Maximum resident set size \\(kbytes\\)');
      } else {
        // The child's own figures (see --child below); npm's are unknown this way.
        const own = /^BENCH_USAGE (.+)$/m.exec(stdout);
        if (own) ({ cpuMs, maxRssKb } = JSON.parse(own[1] as string) as Usage);
      }
      resolve({ code: code ?? -1, stdout, stderr, wallMs, cpuMs, maxRssKb });
    });
  });
}

/** C's child: publishes every folder in BENCH_DIRS in this one process, through the core; prints per-publish wall times. */
async function child(): Promise<void> {
  const { systemClock } = await import('../src/foundation/clock.ts');
  const { silentLogger } = await import('../src/foundation/logger.ts');
  const { normalizeOptions } = await import('../src/plan/options.ts');
  const { runCommands } = await import('../src/run/run.ts');
  const { USER_AGENT } = await import('../src/version.ts');
  const { NAMES } = await import('../test/helpers/core.ts');
  const dirs = JSON.parse(process.env['BENCH_DIRS'] ?? '[]') as string[];
  const raw = { token: process.env['BENCH_TOKEN'], otpSecret: process.env['BENCH_SECRET'], registry: process.env['BENCH_REGISTRY'] };
  const times: number[] = [];
  for (const dir of dirs) {
    const started = performance.now();
    const report = await runCommands(normalizeOptions(raw, NAMES), { block: `publish ${dir}`, inputName: 'commands' }, { clock: systemClock, logger: silentLogger, cwd: dir, env: process.env, userAgent: USER_AGENT });
    if (report.error !== undefined) throw report.error;
    times.push(performance.now() - started);
  }
  const usage = process.resourceUsage();
  console.log(`BENCH_TIMES ${JSON.stringify(times)}`);
  console.log(`BENCH_USAGE ${JSON.stringify({ wallMs: 0, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS })}`);
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 5);
  if (!Number.isInteger(n) || n < 1) throw new Error(`N must be a whole number >= 1, got ${process.argv[2]}`);
  const { startRegistry } = await import('../test/registry/index.ts');
  const registry = await startRegistry();
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-publish-'));
  try {
    const user = await registry.addUser('bench-publisher');
    const makePackages = async (label: string) => {
      const dirs: string[] = [];
      for (let i = 1; i <= n; i += 1) {
        const dir = path.join(work, `${label}-${i}`);
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: `bench-${label}-${i}`, version: '1.0.0', main: 'index.js' }));
        await writeFile(path.join(dir, 'index.js'), `module.exports = ${JSON.stringify(`${label} ${i}`)};\n`);
        dirs.push(dir);
      }
      return dirs;
    };

    // npm's own config, cache and home, in the temporary folder.
    const npmHome = path.join(work, 'npm-home');
    await mkdir(npmHome, { recursive: true });
    const npmrc = path.join(npmHome, '.npmrc');
    await writeFile(npmrc, [`registry=${registry.url}`, `${registry.url.replace(/^https?:/, '')}:_authToken=${user.token}`, `cache=${path.join(npmHome, 'cache')}`, 'audit=false', 'fund=false', 'update-notifier=false', 'fetch-retries=0', 'loglevel=warn'].join('\n'));
    const npmEnv = cleanEnv({ HOME: npmHome, NPM_CONFIG_USERCONFIG: npmrc, NPM_CONFIG_GLOBALCONFIG: path.join(npmHome, 'global-npmrc') });
    const ourEnv = cleanEnv({ HOME: npmHome, NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret });

    const rows: Array<{ way: string; perPublish: number[]; usage: Array<Usage> }> = [];

    const ours = { way: 'A. npm-totp-publish CLI (dist/cli.js), a process per publish', perPublish: [] as number[], usage: [] as Usage[] };
    for (const dir of await makePackages('ours')) {
      const run = await measure([OUR_CLI, 'publish', '--registry', registry.url, '--package', dir], dir, ourEnv);
      if (run.code !== 0) throw new Error(`our CLI failed on ${dir}:\n${run.stderr.slice(-2000)}`);
      ours.perPublish.push(run.wallMs);
      ours.usage.push(run);
    }
    rows.push(ours);

    const npm = { way: 'B. npm CLI publish --otp, a process per publish', perPublish: [] as number[], usage: [] as Usage[] };
    for (const dir of await makePackages('npm')) {
      const code = registry.codeFor(user.secret); // computed just before the process starts, as a person would paste it
      const run = await measure([NPM_CLI, 'publish', `--otp=${code}`, `--registry=${registry.url}`], dir, npmEnv);
      if (run.code !== 0) throw new Error(`npm publish failed in ${dir}:\n${run.stderr.slice(-2000)}`);
      npm.perPublish.push(run.wallMs);
      npm.usage.push(run);
    }
    rows.push(npm);

    const packed = { way: 'D. npm-totp-publish CLI publishing a .tgz packed beforehand (no npm pack)', perPublish: [] as number[], usage: [] as Usage[] };
    for (const dir of await makePackages('tgz')) {
      const pack = await measure([NPM_CLI, 'pack', '--pack-destination', dir, '--loglevel', 'warn'], dir, npmEnv); // not counted
      const file = path.join(dir, pack.stdout.trim().split('\n').pop() ?? '');
      const run = await measure([OUR_CLI, 'publish', '--registry', registry.url, '--package', file], dir, ourEnv);
      if (run.code !== 0) throw new Error(`our CLI failed on ${file}:\n${run.stderr.slice(-2000)}`);
      packed.perPublish.push(run.wallMs);
      packed.usage.push(run);
    }

    const inProcess = await measure([SELF, '--child'], ROOT, cleanEnv({ HOME: npmHome, BENCH_DIRS: JSON.stringify(await makePackages('inproc')), BENCH_TOKEN: user.token, BENCH_SECRET: user.secret, BENCH_REGISTRY: registry.url }));
    if (inProcess.code !== 0) throw new Error(`in-process run failed:\n${inProcess.stderr.slice(-2000)}`);
    const times = JSON.parse(/^BENCH_TIMES (.+)$/m.exec(inProcess.stdout)?.[1] ?? '[]') as number[];
    rows.push({ way: `C. our engine in one process for all ${n} (src/, commands block)`, perPublish: times, usage: [inProcess] });
    rows.push(packed);

    const accepted = registry.requests.filter((request) => request.method === 'PUT' && request.otpAccepted).length;
    const refused = registry.requests.filter((request) => request.method === 'PUT' && request.otpRefusal !== undefined).length;

    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    const sum = (values: Array<number | undefined>) => values.reduce<number>((total, value) => total + (value ?? Number.NaN), 0);
    console.log(`Publishing ${n} tiny packages through a TOTP gate (Node ${process.version}, ${os.cpus().length} CPUs, ${new Date().toISOString()})`);
    console.log(`measured with ${existsSync(GNU_TIME) ? `${GNU_TIME} -v (process tree)` : 'process.resourceUsage() (our process only; npm: n/a)'}\n`);
    console.log('| way | wall per publish, s (each) | median s | CPU s, all publishes | peak RSS MB (max) |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) {
      const cpu = sum(row.usage.map((usage) => usage.cpuMs));
      const rss = Math.max(...row.usage.map((usage) => usage.maxRssKb ?? Number.NaN));
      console.log(`| ${row.way} | ${row.perPublish.map(seconds).join(' ')} | ${seconds(median(row.perPublish))} | ${Number.isFinite(cpu) ? seconds(cpu) : 'n/a'} | ${Number.isFinite(rss) ? (rss / 1024).toFixed(0) : 'n/a'} |`);
    }
    console.log(`\nregistry: ${accepted} publishes accepted with a code, ${refused} refused.`);
  } finally {
    await registry.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child();
else await main();
