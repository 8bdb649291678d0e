/**
 * A whole monorepo through one action step against a serial `npm publish --otp` loop,
 * side by side in one run, on one test registry with an OTP gate (test/registry/).
 *
 * Part 1 (default): N tiny workspace packages (default 20) in an npm-workspaces monorepo (root
 * `workspaces: ["packages/*"]`, packages `bench-mono-<run>-<i>`, a few depending on others so there
 * is an order to keep), published each round by
 *
 *   npm loop  one `npm publish --otp=<code>` process per package (the pinned npm CLI, node_modules/npm),
 *             in dependency order, the code computed just before each process starts, with its own
 *             HOME, userconfig and cache; each package in a folder of its own (same manifests)
 *   action    `node dist/index.js` as the runner starts it (every action.yml default as an INPUT_*
 *             variable, then package=<root>, workspaces=true, output and summary files,
 *             RUNNER_TEMP): the defaults (concurrency 4, otp-uses auto), then concurrency 1 and 8
 *
 * on a registry that accepts a code for any number of writes (default options), which otp-uses auto
 * treats as unlimited (it is not registry.npmjs.org). Each action run's window waits (the log's
 * "Waiting ... for the next one-time password window" lines) and the time to its first upload are
 * counted. The ways take turns
 * within a round, starting one later each round, so a slow moment of the machine falls on every way
 * alike. Rounds: ROUNDS (default 3), but a round starts only while the last one would still end
 * within the budget (--budget-s, default 330 s). Wall time, CPU (user + system) and peak RSS come
 * from GNU time (/usr/bin/time -v); for the npm loop the wall time is the whole loop's, the CPU the
 * sum over its processes and the RSS the largest one's. The table shows medians and each way's ratio
 * to the npm loop.
 *
 * Part 2 (--k3, instead of part 1; about 3 minutes on the real clock for 20 packages): a fresh registry
 * that takes one code for at most 3 writes, then answers 429 with Retry-After 300 s (as
 * registry.npmjs.org rate-limits code reuse); the same N packages through one action step with
 * otp-uses 3 (what the default, auto, means on registry.npmjs.org; on this local registry auto would
 * learn the limit from a first 429 instead) and the default concurrency (4). Reports the codes spent, the 429s, the waits and the wall time beside the physical
 * minimum: ceil(N/3) codes, so ceil(N/3) - 1 windows of 30 s to wait for.
 *
 *   node_modules/.bin/node bench/monorepo.ts [ROUNDS] [PACKAGES] [--budget-s=S]
 *   node_modules/.bin/node bench/monorepo.ts --k3 [PACKAGES]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { makeMonorepo, type MonorepoSpec } from '../test/helpers/monorepo.ts';
import { startRegistry, type CreatedUser, type TestRegistry } from '../test/registry/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM_CLI = path.join(ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js');
const GNU_TIME = '/usr/bin/time';
const WINDOW_S = 30;

interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout lines with the ms (since the start) they arrived at. */
  lines: Array<{ atMs: number; text: string }>;
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

/** Runs `node <args>` under GNU time: wall time, CPU and peak RSS of the process tree, stdout lines timed. */
function measure(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Measured> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is needed (Debian package "time")`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(GNU_TIME, ['-v', process.execPath, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    const lines: Measured['lines'] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stdout += text;
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      const atMs = performance.now() - started;
      for (const line of parts) lines.push({ atMs, text: line });
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (partial) lines.push({ atMs: wallMs, text: partial });
      const field = (name: string) => Number(new RegExp(`^\\s*${name}: (.+)$`, 'm').exec(stderr)?.[1] ?? Number.NaN);
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        lines,
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
const s = (ms: number, digits = 2) => (ms / 1000).toFixed(digits);
const pad = (i: number) => String(i).padStart(2, '0');

/** Parses the runner's `name<<DELIMITER ... DELIMITER` blocks of a GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== match[2]; i += 1) value.push(lines[i] ?? '');
    outputs[match[1] as string] = value.join('\n');
  }
  return outputs;
}

/**
 * The folder -> manifest map of N tiny packages named `bench-mono-<run>-<i>`, with a few dependencies
 * pointing at later folders, so that dependency order differs from folder order: 00 -> 01 -> 02 (a chain),
 * every tenth (10, 20, ...) -> the last one, and the middle one -> 00.
 */
function packagesOf(run: string, count: number): Record<string, Record<string, unknown>> {
  const name = (i: number) => `bench-mono-${run}-${pad(i)}`;
  const dependsOn = (i: number): number[] => {
    const deps = new Set<number>();
    if (i < 2 && i + 1 < count) deps.add(i + 1);
    if (i > 0 && i % 10 === 0 && i !== count - 1) deps.add(count - 1);
    if (i === Math.floor(count / 2) && i > 2) deps.add(0);
    return [...deps];
  };
  const packages: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < count; i += 1) {
    const deps = dependsOn(i);
    packages[`packages/p${pad(i)}`] = {
      name: name(i),
      version: '1.0.0',
      description: `bench package ${i} of ${count}`,
      main: 'index.js',
      license: 'MIT',
      ...(deps.length > 0 ? { dependencies: Object.fromEntries(deps.map((dep) => [name(dep), '^1.0.0'])) } : {}),
    };
  }
  return packages;
}

function monorepoSpec(run: string, count: number): MonorepoSpec {
  return { root: { name: `bench-mono-${run}-root`, version: '0.0.0', private: true, workspaces: ['packages/*'] }, packages: packagesOf(run, count) };
}

/** Package names in dependency order (dependencies first; ties in folder order). */
function dependencyOrder(packages: Record<string, Record<string, unknown>>): string[] {
  const manifests = new Map(Object.values(packages).map((manifest) => [String(manifest.name), manifest]));
  const order: string[] = [];
  const visit = (name: string) => {
    if (order.includes(name)) return;
    for (const dep of Object.keys((manifests.get(name)?.dependencies as Record<string, string> | undefined) ?? {})) if (manifests.has(dep)) visit(dep);
    order.push(name);
  };
  for (const name of manifests.keys()) visit(name);
  return order;
}

/** Dependency edges (dependent, dependency) whose dependency's publish did not arrive first at the registry. */
function orderViolations(registry: TestRegistry, packages: Record<string, Record<string, unknown>>): string[] {
  const firstPut = new Map<string, number>();
  registry.requests.forEach((request, index) => {
    if (request.method !== 'PUT' || request.status < 200 || request.status >= 300) return;
    const name = decodeURIComponent(request.path.slice(1));
    if (!firstPut.has(name)) firstPut.set(name, index);
  });
  const violations: string[] = [];
  for (const manifest of Object.values(packages)) {
    for (const dep of Object.keys((manifest.dependencies as Record<string, string> | undefined) ?? {})) {
      const mine = firstPut.get(String(manifest.name));
      const theirs = firstPut.get(dep);
      if (mine === undefined || theirs === undefined || theirs > mine) violations.push(`${String(manifest.name)} before ${dep}`);
    }
  }
  return violations;
}

/** The INPUT_* variables the runner sets from action.yml's defaults (before `with:` overrides them). */
async function actionDefaults(): Promise<Record<string, string>> {
  const spec = parseYaml(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(spec.inputs)) if (input.default !== undefined) inputs[name] = String(input.default);
  return inputs;
}

/** Folders and servers to remove on the way out, also on Ctrl-C. */
const cleanups: Array<() => Promise<unknown>> = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

interface Setup {
  registry: TestRegistry;
  user: CreatedUser;
  work: string;
  npmEnv: NodeJS.ProcessEnv;
  /** Runs the action on the monorepo at `root` with these inputs (over action.yml's defaults); parses its outputs. */
  runAction(root: string, inputs: Record<string, string>): Promise<Measured & { outputs: Record<string, string> }>;
}

async function setUp(registry: TestRegistry): Promise<Setup> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-monorepo-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
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
  const defaults = await actionDefaults();
  // A copy of dist/ as it is now: every action run uses the same build even if dist/ is rebuilt meanwhile.
  await cp(path.join(ROOT, 'dist'), path.join(work, 'dist'), { recursive: true });
  const action = path.join(work, 'dist', 'index.js');
  distBuild = createHash('sha256')
    .update(await readFile(path.join(work, 'dist', 'bundle', 'index.js')))
    .digest('hex')
    .slice(0, 12);
  const runAction = async (root: string, inputs: Record<string, string>) => {
    const runner = await mkdtemp(path.join(work, 'runner-'));
    const output = path.join(runner, 'output');
    await writeFile(output, '');
    await writeFile(path.join(runner, 'summary'), '');
    const given: Record<string, string> = {
      ...defaults,
      token: user.token,
      'otp-secret': user.secret,
      registry: registry.url,
      package: root,
      workspaces: 'true',
      ...inputs,
    };
    const env = cleanEnv({
      HOME: home,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: runner,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: path.join(runner, 'summary'),
      ...Object.fromEntries(Object.entries(given).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])),
    });
    const run = await measure([action], root, env);
    const outputs = parseOutputs(await readFile(output, 'utf8'));
    await rm(runner, { recursive: true, force: true });
    return { ...run, outputs };
  };
  return { registry, user, work, npmEnv, runAction };
}

/** Fails unless the action published every package of the monorepo. */
function checkAction(run: Measured & { outputs: Record<string, string> }, count: number, what: string): void {
  const packages = JSON.parse(run.outputs.packages ?? '[]') as Array<{ name: string; outcome: string }>;
  const published = packages.filter((entry) => entry.outcome === 'published').length;
  if (run.code !== 0 || published !== count) {
    throw new Error(`${what}: exit ${run.code}, ${published} of ${count} packages published:\n${(run.stdout + run.stderr).slice(-3000)}`);
  }
}

const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const loadAtStart = load();
const startedAt = new Date().toISOString();
/** sha256 of the dist/bundle/index.js the action runs used (first 12 hex digits). */
let distBuild = '?';

function header(command: string, extra: string): void {
  console.log(`$ ${command}\n`);
  console.log(
    `bench/monorepo.ts: ${extra}; Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart} at the start and ${load()} at the end, started ${startedAt}; dist/bundle/index.js sha256 ${distBuild}`,
  );
}

async function partOne(rounds: number, count: number, budgetMs: number, command: string): Promise<void> {
  const registry = await startRegistry();
  cleanups.push(() => registry.close());
  const { npmEnv, user, work, runAction } = await setUp(registry);
  const stamp = Date.now().toString(36);
  const NPM = `npm publish --otp loop (${count} processes)`;
  const actionWay = (concurrency: number) =>
    concurrency === 4 ? 'action, defaults (concurrency 4, otp-uses auto)' : `action, concurrency ${concurrency}, otp-uses auto`;
  const order = [NPM, actionWay(4), actionWay(1), actionWay(8)];
  const results = new Map<string, Array<{ wallMs: number; cpuMs: number; maxRssKb: number; waits?: number; firstUploadMs?: number }>>(
    order.map((way) => [way, []]),
  );
  const violations: string[] = [];
  const started = performance.now();
  let roundsDone = 0;
  let lastRoundMs = 0;

  const npmLoop = async (run: string) => {
    const packages = packagesOf(run, count);
    const base = path.join(work, `npm-${run}`);
    const folders = new Map<string, string>();
    for (const [folder, manifest] of Object.entries(packages)) {
      const dir = path.join(base, path.basename(folder));
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await writeFile(path.join(dir, 'index.js'), `module.exports = ${JSON.stringify(String(manifest.name))};\n`);
      folders.set(String(manifest.name), dir);
    }
    let cpuMs = 0;
    let maxRssKb = 0;
    const loopStarted = performance.now();
    for (const name of dependencyOrder(packages)) {
      const dir = folders.get(name) as string;
      const code = registry.codeFor(user.secret); // as a person would paste it, just before the process starts
      const run = await measure([NPM_CLI, 'publish', `--otp=${code}`, `--registry=${registry.url}`, '--ignore-scripts'], dir, npmEnv);
      if (run.code !== 0) throw new Error(`npm publish of ${name} failed (exit ${run.code}):\n${(run.stdout + run.stderr).slice(-2500)}`);
      cpuMs += run.cpuMs;
      maxRssKb = Math.max(maxRssKb, run.maxRssKb);
    }
    const wallMs = performance.now() - loopStarted;
    await rm(base, { recursive: true, force: true });
    return { wallMs, cpuMs, maxRssKb };
  };
  const actionRun = async (run: string, concurrency: number) => {
    const spec = monorepoSpec(run, count);
    const repo = await makeMonorepo(spec);
    try {
      registry.clearRequests();
      const startedAt = Date.now();
      const measured = await runAction(repo.root, concurrency === 4 ? {} : { concurrency: String(concurrency) });
      checkAction(measured, count, `action, concurrency ${concurrency}`);
      violations.push(...orderViolations(registry, spec.packages));
      const firstPut = registry.requests.find((request) => request.method === 'PUT');
      const waits = measured.lines.filter((line) => /Waiting [\d.]+ s for the next one-time password window/.test(line.text)).length;
      return { ...measured, waits, firstUploadMs: firstPut ? firstPut.at - startedAt : Number.NaN };
    } finally {
      await repo.cleanup();
    }
  };

  for (let round = 1; round <= rounds; round += 1) {
    const elapsed = performance.now() - started;
    if (round > 1 && elapsed + lastRoundMs > budgetMs) {
      console.error(`round ${round} skipped: ${s(elapsed, 0)} s spent, the last round took ${s(lastRoundMs, 0)} s, budget ${s(budgetMs, 0)} s`);
      break;
    }
    const roundStarted = performance.now();
    for (let turn = 0; turn < order.length; turn += 1) {
      const way = order[(turn + round - 1) % order.length] as string;
      const run = `${stamp}-r${round}${way === NPM ? 'npm' : `c${/concurrency (\d+)/.exec(way)?.[1]}`}`;
      const measured = way === NPM ? await npmLoop(run) : await actionRun(run, Number(/concurrency (\d+)/.exec(way)?.[1]));
      results.get(way)?.push({
        wallMs: measured.wallMs,
        cpuMs: measured.cpuMs,
        maxRssKb: measured.maxRssKb,
        ...('waits' in measured
          ? { waits: (measured as unknown as { waits: number }).waits, firstUploadMs: (measured as unknown as { firstUploadMs: number }).firstUploadMs }
          : {}),
      });
      console.error(`round ${round}: ${way}: ${s(measured.wallMs)} s wall, ${s(measured.cpuMs)} s CPU, ${(measured.maxRssKb / 1024).toFixed(0)} MB`);
    }
    lastRoundMs = performance.now() - roundStarted;
    roundsDone = round;
  }

  const stats = registry.otpStats;
  const npmWall = median((results.get(NPM) ?? []).map((run) => run.wallMs));
  header(
    command,
    `${count} tiny workspace packages per run, ${roundsDone} round${roundsDone === 1 ? '' : 's'} (${s(performance.now() - started, 0)} s), a registry that accepts code reuse`,
  );
  console.log(`medians; ratio = wall time / wall time of the npm loop; per package = wall time / ${count}\n`);
  console.log(
    '| way | runs | wall s (median) | per package ms | ratio to npm loop | CPU s (median) | peak RSS MB (median / max) | code-window waits (all runs) | s to the first upload (median) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const way of order) {
    const runs = results.get(way) ?? [];
    const wall = median(runs.map((run) => run.wallMs));
    const rss = runs.map((run) => run.maxRssKb / 1024);
    const waits = way === NPM ? '' : String(runs.reduce((sum, run) => sum + (run.waits ?? 0), 0));
    const first = way === NPM ? '' : s(median(runs.map((run) => run.firstUploadMs ?? Number.NaN)));
    console.log(
      `| ${way} | ${runs.length} | ${s(wall)} | ${(wall / count).toFixed(0)} | ${(wall / npmWall).toFixed(3)} | ${s(median(runs.map((run) => run.cpuMs)))} | ${median(rss).toFixed(0)} / ${Math.max(...rss).toFixed(0)} | ${waits} | ${first} |`,
    );
  }
  console.log(
    `\nregistry: ${stats.accepted} writes accepted with a code (${stats.distinctCodes} distinct codes), ${stats.refused} refused, ${stats.rateLimited} answered 429.`,
  );
  console.log(
    `dependency order (a package's publish arrives after its dependencies'): ${violations.length === 0 ? 'kept in every action run' : `broken ${violations.length} times: ${violations.slice(0, 5).join('; ')}`}.`,
  );
}

/** Merged length of [start, end] intervals, ms. */
function unionMs(intervals: Array<[number, number]>): number {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

async function partTwo(count: number, command: string): Promise<void> {
  const uses = 3;
  const registry = await startRegistry({ otpUsesPerCode: uses, otpUsesRetryAfterS: 300 });
  cleanups.push(() => registry.close());
  const { runAction } = await setUp(registry);
  const spec = monorepoSpec(`${Date.now().toString(36)}-k3`, count);
  const repo = await makeMonorepo(spec);
  cleanups.push(() => repo.cleanup());
  const startedAt = registry.now();
  console.error(
    `K=3: publishing ${count} packages with the default otp-uses and concurrency, about ${(((Math.ceil(count / uses) - 1) * WINDOW_S) / 60).toFixed(1)} minutes on the real clock`,
  );
  // otp-uses 3 is what auto means on registry.npmjs.org; concurrency stays action.yml's default (4).
  const run = await runAction(repo.root, { 'otp-uses': String(uses) });
  checkAction(run, count, 'action on the K=3 registry');
  const stats = registry.otpStats;
  const tooMany = registry.requests.filter((request) => request.status === 429).length;
  const waits = run.lines
    .map((line) => ({
      atMs: line.atMs,
      match: /Waiting ([\d.]+) s for the next one-time password window/.exec(line.text),
      debug: line.text.startsWith('::debug::'),
    }))
    .filter((line) => line.match !== null)
    .map((line) => ({ atMs: line.atMs, ms: Number(line.match?.[1]) * 1000, debug: line.debug }));
  const results = JSON.parse(run.outputs.results ?? '[]') as Array<{ waitedMs?: number }>;
  const waitedMsSum = results.reduce((sum, result) => sum + (result.waitedMs ?? 0), 0);
  const waitedWallMs = unionMs(waits.map((wait) => [wait.atMs, wait.atMs + wait.ms]));
  const minCodes = Math.ceil(count / uses);
  const minWindows = minCodes - 1;
  const accepted = registry.requests.filter((request) => request.otpAccepted === true);
  const firstWriteAt = accepted[0]?.at ?? startedAt;
  const lastWriteAt = accepted.at(-1)?.at ?? startedAt;
  const firstIntoWindowS = (firstWriteAt / 1000) % WINDOW_S;
  // The last code's window opens minWindows windows after the one the first write was made in.
  const minSpanS = minWindows * WINDOW_S - firstIntoWindowS;
  const steps = stats.codes.map((code) => code.step);
  const perCode = stats.codes.map((code) => code.uses).join(' ');
  const sumWaitsMs = waits.reduce((sum, wait) => sum + wait.ms, 0);

  header(
    command,
    `${count} tiny workspace packages through one action step, a registry that takes a code for at most ${uses} writes (then 429, Retry-After 300 s)`,
  );
  console.log(
    `action: otp-uses ${uses} (what auto means on registry.npmjs.org) and concurrency 4 (action.yml's default); the first write came ${firstIntoWindowS.toFixed(1)} s into a 30 s window\n`,
  );
  console.log('| measure | this run | physical minimum |');
  console.log('|---|---|---|');
  console.log(
    `| packages published | ${JSON.parse(run.outputs.packages ?? '[]').filter((entry: { outcome: string }) => entry.outcome === 'published').length} of ${count} | |`,
  );
  console.log(`| codes spent (distinct codes on accepted writes) | ${stats.distinctCodes} | ceil(${count}/${uses}) = ${minCodes} |`);
  console.log(`| writes per code, in order | ${perCode} | ${uses} each (the last ${count - uses * (minCodes - 1)}) |`);
  console.log(`| windows from the first code to the last | ${steps.length > 0 ? Math.max(...steps) - Math.min(...steps) : 0} | ${minWindows} |`);
  console.log(`| 429 answered | ${tooMany} (gate: ${stats.rateLimited}) | 0 |`);
  console.log(`| codes refused (401) | ${stats.refused} | 0 |`);
  console.log(
    `| waits logged (info / debug) | ${waits.length} (${waits.filter((wait) => !wait.debug).length} / ${waits.filter((wait) => wait.debug).length}) | ${minWindows}, up to 30 s each |`,
  );
  console.log(
    `| s waiting: wall (union of the logged waits) / sum of the logged waits / sum of waitedMs over the ${results.length} results | ${s(waitedWallMs, 1)} / ${s(sumWaitsMs, 1)} / ${s(waitedMsSum, 1)} | at most ${minWindows} x 30 = ${minWindows * WINDOW_S} |`,
  );
  console.log(
    `| s from the first accepted write to the last | ${s(lastWriteAt - firstWriteAt, 1)} | ${minWindows} x 30 - ${firstIntoWindowS.toFixed(1)} = ${minSpanS.toFixed(1)} (the last code's window opens) |`,
  );
  console.log(`| wall s of the step | ${s(run.wallMs, 1)} | |`);
  console.log(`| CPU s / peak RSS MB | ${s(run.cpuMs)} / ${(run.maxRssKb / 1024).toFixed(0)} | |`);
  const violations = orderViolations(registry, spec.packages);
  console.log(
    `\ndependency order (a package's publish arrives after its dependencies'): ${violations.length === 0 ? 'kept' : `broken: ${violations.join('; ')}`}.`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const k3 = args.includes('--k3');
  const budgetArg = args.find((arg) => arg.startsWith('--budget-s='));
  const positional = args.filter((arg) => !arg.startsWith('--'));
  const command = ['node_modules/.bin/node bench/monorepo.ts', ...args].join(' ');
  if (k3) {
    const count = Number(positional[0] ?? 20);
    if (!Number.isInteger(count) || count < 1 || count > 99) throw new Error('usage: bench/monorepo.ts --k3 [PACKAGES 1-99]');
    await partTwo(count, command);
    return;
  }
  const rounds = Number(positional[0] ?? 3);
  const count = Number(positional[1] ?? 20);
  const budgetS = Number(budgetArg?.slice('--budget-s='.length) ?? 330);
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(count) || count < 1 || count > 99 || !(budgetS > 0)) {
    throw new Error('usage: bench/monorepo.ts [ROUNDS >= 1] [PACKAGES 1-99] [--budget-s=S]');
  }
  await partOne(rounds, count, budgetS * 1000, command);
}

try {
  await main();
} finally {
  await cleanUp();
}
