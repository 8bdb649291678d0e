/**
 * This product's publish against `npm publish --otp`, side by side in one run,
 * on one test registry with an OTP gate (test/registry/), as ratios.
 *
 * Every round publishes a fresh package each way, in turn (so a slow moment of
 * the machine falls on every way alike):
 *
 *   npm      `npm publish --otp=<code>` of a tiny folder (the pinned npm CLI, node_modules/npm)
 *   action   `node dist/index.js` as the runner starts it (INPUT_* variables, output and summary files), a tiny folder,
 *            from a folder laid out as `uses:` checks it out (test/helpers/product.ts: no node_modules anywhere)
 *   cli      `dist/cli.js publish --package <folder>`, a tiny folder, as installed from the packed tarball
 *   npm tgz  `npm publish --otp=<code> <file.tgz>` of a tiny .tgz packed beforehand (packing not timed)
 *   action tgz  the action publishing that kind of .tgz
 *
 * then the typescript package (node_modules/typescript, renamed per round) from a folder, by npm and by the
 * action. Wall time, CPU (user + system) and peak RSS of the process tree come from GNU time
 * (/usr/bin/time -v); the table shows medians and each way's ratio to npm's.
 *
 *   node_modules/.bin/node bench/publish.ts [ROUNDS] [TS_ROUNDS]     (defaults 9 and 7)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { layOutProduct } from '../test/helpers/product.ts';
import { startRegistry } from '../test/registry/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM_CLI = path.join(ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js');
const GNU_TIME = '/usr/bin/time';

interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
}

/** Environment for children: nothing of the caller's npm config, CI markers, inputs or tokens. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|NPM_|NODE_AUTH_TOKEN$|GITHUB_|ACTIONS_|RUNNER_|CI$|INPUT_|NODE_COMPILE_CACHE|NODE_DISABLE_COMPILE_CACHE)/i.test(name)) continue;
    env[name] = value;
  }
  return { ...env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/** Runs `node <args>` under GNU time: wall time, CPU and peak RSS of the process tree. */
function measure(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Measured> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is needed (Debian package "time")`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(GNU_TIME, ['-v', process.execPath, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const field = (name: string) => Number(new RegExp(`^\\s*${name}: (.+)$`, 'm').exec(stderr)?.[1] ?? Number.NaN);
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        wallMs,
        cpuMs: (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000,
        maxRssKb: field('Maximum resident set size \\(kbytes\\)'),
      });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 9);
  const tsRounds = Number(process.argv[3] ?? 7);
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(tsRounds) || tsRounds < 0)
    throw new Error('usage: bench/publish.ts [ROUNDS >= 1] [TS_ROUNDS >= 0]');
  const registry = await startRegistry();
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-publish-'));
  const product = layOutProduct(path.join(work, 'product'));
  const ACTION = product.actionEntry;
  const CLI = path.join(product.prefix, 'lib', 'node_modules', 'npm-totp-publish', 'dist', 'cli.js');
  try {
    const user = await registry.addUser('bench-publisher');
    const home = path.join(work, 'home');
    await mkdir(home, { recursive: true });
    const npmrc = path.join(home, '.npmrc');
    await writeFile(
      npmrc,
      [
        `registry=${registry.url}`,
        `${registry.url.replace(/^https?:/, '')}:_authToken=${user.token}`,
        `cache=${path.join(home, 'cache')}`,
        'audit=false',
        'fund=false',
        'update-notifier=false',
        'fetch-retries=0',
        'loglevel=warn',
      ].join('\n'),
    );
    const npmEnv = cleanEnv({ HOME: home, NPM_CONFIG_USERCONFIG: npmrc, NPM_CONFIG_GLOBALCONFIG: path.join(home, 'global-npmrc') });
    const cliEnv = cleanEnv({ HOME: home, NPM_TOKEN: user.token, NPM_TOTP_SECRET: user.secret });
    const actionEnv = async (pkg: string): Promise<NodeJS.ProcessEnv> => {
      const runner = await mkdtemp(path.join(work, 'runner-'));
      await writeFile(path.join(runner, 'output'), '');
      await writeFile(path.join(runner, 'summary'), '');
      return cleanEnv({
        HOME: home,
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        RUNNER_TEMP: runner,
        GITHUB_OUTPUT: path.join(runner, 'output'),
        GITHUB_STEP_SUMMARY: path.join(runner, 'summary'),
        INPUT_TOKEN: user.token,
        'INPUT_OTP-SECRET': user.secret,
        INPUT_REGISTRY: registry.url,
        INPUT_PACKAGE: pkg,
      });
    };
    let made = 0;
    const tiny = async (label: string) => {
      made += 1;
      const dir = path.join(work, `${label}-${made}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: `bench-${label}-${made}`, version: '1.0.0', main: 'index.js' }, null, 2)}\n`);
      await writeFile(path.join(dir, 'index.js'), `module.exports = ${made};\n`);
      return dir;
    };
    const tgz = async (label: string) => {
      const dir = await tiny(label);
      const packed = await measure([NPM_CLI, 'pack', '--pack-destination', dir, '--ignore-scripts'], dir, npmEnv); // not timed
      if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr.slice(-1500)}`);
      return path.join(dir, packed.stdout.trim().split('\n').pop() ?? '');
    };
    const typescript = async () => {
      made += 1;
      const dir = path.join(work, `ts-${made}`);
      await cp(path.join(ROOT, 'node_modules', 'typescript'), dir, { recursive: true });
      const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      manifest.name = `bench-typescript-${made}`;
      manifest.scripts = {};
      await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      return dir;
    };

    const ways = new Map<string, Measured[]>();
    const record = (way: string, run: Measured, what: string) => {
      if (run.code !== 0) throw new Error(`${way} failed on ${what} (exit ${run.code}):\n${(run.stdout + run.stderr).slice(-2500)}`);
      ways.set(way, [...(ways.get(way) ?? []), run]);
    };
    const npmPublish = async (way: string, target: string, cwd: string) => {
      const code = registry.codeFor(user.secret); // as a person would paste it, just before the process starts
      record(
        way,
        await measure(
          [NPM_CLI, 'publish', `--otp=${code}`, `--registry=${registry.url}`, '--ignore-scripts', ...(target === cwd ? [] : [target])],
          cwd,
          npmEnv,
        ),
        target,
      );
    };
    const actionPublish = async (way: string, target: string) => record(way, await measure([ACTION], path.dirname(target), await actionEnv(target)), target);

    for (let round = 1; round <= rounds; round += 1) {
      const folder = await tiny('npm');
      await npmPublish('npm publish --otp, tiny folder', folder, folder);
      await actionPublish('action, tiny folder', await tiny('action'));
      const cliDir = await tiny('cli');
      record('CLI, tiny folder', await measure([CLI, 'publish', '--registry', registry.url, '--package', cliDir], cliDir, cliEnv), cliDir);
      const npmTgz = await tgz('npmtgz');
      await npmPublish('npm publish --otp, tiny .tgz', npmTgz, path.dirname(npmTgz));
      await actionPublish('action, tiny .tgz', await tgz('actiontgz'));
    }
    for (let round = 1; round <= tsRounds; round += 1) {
      const npmDir = await typescript();
      await npmPublish('npm publish --otp, typescript folder', npmDir, npmDir);
      await rm(npmDir, { recursive: true, force: true });
      const ourDir = await typescript();
      await actionPublish('action, typescript folder', ourDir);
      await rm(ourDir, { recursive: true, force: true });
    }

    const refused = registry.requests.filter((request) => request.otpRefusal !== undefined).length;
    const baseline = (way: string) =>
      way.includes('typescript')
        ? 'npm publish --otp, typescript folder'
        : way.includes('.tgz')
          ? 'npm publish --otp, tiny .tgz'
          : 'npm publish --otp, tiny folder';
    const folderBaseline = median((ways.get('npm publish --otp, tiny folder') ?? []).map((run) => run.wallMs));
    const s = (ms: number) => (ms / 1000).toFixed(2);
    console.log(
      `bench/publish.ts: ${rounds} rounds of tiny packages, ${tsRounds} of typescript (${(await readFile(path.join(ROOT, 'node_modules', 'typescript', 'package.json'), 'utf8')).match(/"version": "([^"]+)"/)?.[1]}); Node ${process.version}, ${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}, ${new Date().toISOString()}`,
    );
    console.log('medians; ratio = wall time / wall time of npm publish --otp on the same kind of input (tiny .tgz rows: also vs the tiny folder)\n');
    console.log('| way | runs | wall s (median) | ratio to npm | CPU s (median) | peak RSS MB (median / max) |');
    console.log('|---|---|---|---|---|---|');
    for (const [way, runs] of ways) {
      const wall = median(runs.map((run) => run.wallMs));
      const base = median((ways.get(baseline(way)) ?? []).map((run) => run.wallMs));
      const ratio =
        way === baseline(way) ? '1.00' : `${(wall / base).toFixed(2)}${way.includes('.tgz') ? ` (${(wall / folderBaseline).toFixed(2)} vs folder)` : ''}`;
      const rss = runs.map((run) => run.maxRssKb / 1024);
      console.log(
        `| ${way} | ${runs.length} | ${s(wall)} | ${ratio} | ${s(median(runs.map((run) => run.cpuMs)))} | ${median(rss).toFixed(0)} / ${Math.max(...rss).toFixed(0)} |`,
      );
    }
    console.log(`\nregistry: ${registry.requests.filter((request) => request.otpAccepted).length} writes accepted with a code, ${refused} refused.`);
  } finally {
    await registry.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
