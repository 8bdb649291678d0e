/**
 * A real public monorepo, taken from its published source and not written
 * here, published completely through ONE action step, then checked.
 *
 * Sources (Debian's source archive, the only place besides the npm registry
 * this machine can reach; `apt-get source` with a temporary deb-src list, the
 * system's apt configuration untouched):
 *
 *   babel  Babel 7.20.15 (Debian `node-babel7`, bookworm): a Yarn 3 workspace of 168 packages,
 *          157 public, 746 `workspace:^` ranges, publishConfig only `access`.
 *   yarn   Yarn 4.1.0 (Debian `node-yarnpkg`, trixie): 38 packages, 217 `workspace:^` ranges
 *          (51 in peerDependencies), publishConfig overrides of main, exports, bin (also
 *          `"bin": null`) and browser.
 *
 * Each run: download and verify the `.orig.tar.xz` (sha256; cached under
 * `.tmp/real-monorepo/`, so a re-run does not download), unpack it in a temp
 * folder, start the test registry (test/registry/: no uplinks; its 2FA gate
 * accepts a code for any number of writes, so otp-uses stays at its default, auto, which treats a
 * registry other than registry.npmjs.org as unlimited until it answers 429;
 * registry.npmjs.org would rate-limit that), and run `node dist/index.js` as
 * the runner starts it, once, with workspaces=true, concurrency=4,
 * ignore-scripts=true (the source has no built lib/ and its scripts need yarn).
 * Then it checks, and exits non-zero on any failure:
 *
 *   - the step exited 0;
 *   - the `packages` output lists every workspace package: published (at its source version) for
 *     every public one, private for the private ones;
 *   - the registry holds every public package at that version (dist-tag latest);
 *   - the request log shows each package's publish PUT after those of the workspace packages it
 *     depends on at run time (dependencies, optionalDependencies, peerDependencies: a `workspace:`
 *     range, or a range the workspace version satisfies, as npm links it); pairs inside a
 *     dependency cycle are skipped and the cycles printed;
 *   - no published manifest (packument version document) and no tarball's package/package.json
 *     holds `workspace:` or `catalog:` anywhere, and every `workspace:` range became what yarn
 *     writes (`^` + version for `workspace:^`, ...), in both; the tarball matches dist.integrity;
 *   - yarn: publishConfig main / exports / browser / bin (when set) are the published ones, as
 *     yarn's plugin-pack lifts them.
 *
 *   node_modules/.bin/node bench/real-monorepo.ts [babel|yarn|all]     (default all)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import semver from 'semver';
import { startRegistry, type TestRegistry } from '../test/registry/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACTION = path.join(ROOT, 'dist', 'index.js');
const CACHE = path.join(ROOT, '.tmp', 'real-monorepo');
const GNU_TIME = '/usr/bin/time';
const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

interface Source {
  key: 'babel' | 'yarn';
  label: string;
  debianPackage: string;
  suite: string;
  file: string;
  size: number;
  sha256: string;
}

const SOURCES: Source[] = [
  {
    key: 'babel',
    label: 'Babel 7.20.15',
    debianPackage: 'node-babel7',
    suite: 'bookworm',
    file: 'node-babel7_7.20.15+ds1+~cs214.269.168.orig.tar.xz',
    size: 2_407_700,
    sha256: '659d96ab6bdfc53ff63b783eed35b20f3fe5eed161b292f07502f2e016c10c91',
  },
  {
    key: 'yarn',
    label: 'Yarn 4.1.0',
    debianPackage: 'node-yarnpkg',
    suite: 'trixie',
    file: 'node-yarnpkg_4.1.0+dfsg.orig.tar.xz',
    size: 1_396_712,
    sha256: 'ac012e4fbf570d1fa024f7eea0f2b77769f77a01cbc61366a20aaf0529eeff82',
  },
];

const RUNTIME_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
/** What yarn's plugin-pack lifts from publishConfig (packages/plugin-pack/sources/index.ts, 4.1.0), when truthy. */
const LIFTED = ['type', 'main', 'browser', 'module', 'exports', 'imports', 'bin'] as const;

type Manifest = Record<string, any>;

interface Workspace {
  name: string;
  version: string;
  private: boolean;
  relativeDir: string;
  manifest: Manifest;
}

interface Exec {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
}

function exec(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Exec> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, wallMs: performance.now() - started }));
  });
}

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** The verified .orig.tar.xz: from the cache, or downloaded with `apt-get source --download-only` through a temporary deb-src list. */
async function archiveOf(source: Source): Promise<{ file: string; downloaded: boolean }> {
  const cached = path.join(CACHE, source.file);
  if (existsSync(cached)) {
    const sum = await sha256Of(cached);
    if (sum === source.sha256) return { file: cached, downloaded: false };
    console.log(`${cached}: sha256 ${sum}, expected ${source.sha256}; downloading again`);
    await rm(cached, { force: true });
  }
  const apt = await mkdtemp(path.join(os.tmpdir(), `real-monorepo-apt-${source.key}-`));
  try {
    await mkdir(path.join(apt, 'lists', 'partial'), { recursive: true });
    await mkdir(path.join(apt, 'cache', 'archives', 'partial'), { recursive: true });
    await mkdir(path.join(apt, 'download'), { recursive: true });
    await writeFile(
      path.join(apt, 'debian-src.sources'),
      [`Types: deb-src`, `URIs: http://deb.debian.org/debian`, `Suites: ${source.suite}`, `Components: main`, `Signed-By: ${KEYRING}`, ''].join('\n'),
    );
    // Only this folder: no system source list, lists or cache is read or written.
    const flags = [
      '-o',
      'Dir::Etc::SourceList=/dev/null',
      '-o',
      `Dir::Etc::SourceParts=${apt}`,
      '-o',
      `Dir::State::Lists=${path.join(apt, 'lists')}`,
      '-o',
      `Dir::Cache=${path.join(apt, 'cache')}`,
    ];
    console.log(`downloading ${source.file} (Debian ${source.suite} source package ${source.debianPackage}) ...`);
    const update = await exec('apt-get', [...flags, 'update']);
    if (update.code !== 0) throw new Error(`apt-get update failed (exit ${update.code}):\n${(update.stdout + update.stderr).slice(-2000)}`);
    // Some component tarballs and the .dsc/.debian.tar.xz of older revisions answer 404: the exit code says nothing; the sha256 of the main tarball does.
    const fetched = await exec('apt-get', [...flags, 'source', '--download-only', source.debianPackage], { cwd: path.join(apt, 'download') });
    const file = path.join(apt, 'download', source.file);
    if (!existsSync(file))
      throw new Error(`apt-get source did not bring ${source.file} (exit ${fetched.code}):\n${(fetched.stdout + fetched.stderr).slice(-2000)}`);
    const sum = await sha256Of(file);
    const size = (await stat(file)).size;
    if (sum !== source.sha256 || size !== source.size)
      throw new Error(`${source.file}: sha256 ${sum}, ${size} bytes; expected ${source.sha256}, ${source.size} bytes`);
    await mkdir(CACHE, { recursive: true });
    await copyFile(file, cached);
    return { file: cached, downloaded: true };
  } finally {
    await rm(apt, { recursive: true, force: true });
  }
}

/** The workspaces of the root manifest, read here from the source (`dir/*` and literal folders, as both sources use); the root itself not included. */
async function readWorkspaces(root: string): Promise<Workspace[]> {
  const rootManifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const patterns: string[] = Array.isArray(rootManifest.workspaces) ? rootManifest.workspaces : (rootManifest.workspaces?.packages ?? []);
  const dirs: string[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*') && !pattern.slice(0, -2).includes('*')) {
      const parent = pattern.slice(0, -2);
      if (!existsSync(path.join(root, parent))) continue;
      for (const entry of (await readdir(path.join(root, parent), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isDirectory() && entry.name !== 'node_modules') dirs.push(`${parent}/${entry.name}`);
      }
    } else if (!pattern.includes('*')) {
      dirs.push(pattern);
    } else {
      throw new Error(`workspace pattern ${pattern}: this bench reads only "dir/*" and literal folders`);
    }
  }
  const workspaces: Workspace[] = [];
  for (const relativeDir of dirs) {
    const file = path.join(root, relativeDir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    if (typeof manifest.name !== 'string') throw new Error(`${relativeDir}/package.json has no name`);
    workspaces.push({ name: manifest.name, version: String(manifest.version ?? ''), private: manifest.private === true, relativeDir, manifest });
  }
  return workspaces;
}

/**
 * What yarn's plugin-pack writes for a `workspace:` range (4.1.0: `*` and a path -> version, `^`/`~` ->
 * prefix + version, else the range; a workspace without a version counts as 0.0.0, as yarn's
 * `manifest.version ?? '0.0.0'`).
 */
function yarnResolved(spec: string, target: Workspace): string {
  const selector = spec.slice('workspace:'.length);
  const version = target.version || '0.0.0';
  if (selector === '*' || selector === target.relativeDir || selector === `./${target.relativeDir}`) return version;
  if (selector === '^' || selector === '~') return `${selector}${version}`;
  return selector;
}

/** `bin` as npm publishes it (normalize-package-bin): a string becomes {<name without scope>: path}, paths lose a leading ./ */
function npmBin(bin: unknown, name: string): unknown {
  const entries =
    typeof bin === 'string' ? [[name.replace(/^@[^/]+\//, ''), bin] as const] : bin !== null && typeof bin === 'object' ? Object.entries(bin) : undefined;
  if (entries === undefined) return bin;
  return Object.fromEntries(entries.map(([key, value]) => [key, path.posix.join('/', String(value)).slice(1)]));
}

/** The workspace package a runtime dependency names, as npm and yarn link it: a `workspace:` range, or a range the workspace version satisfies. */
function runtimeTarget(name: string, spec: string, byName: Map<string, Workspace>): Workspace | undefined {
  const target = byName.get(name);
  if (target === undefined) return undefined;
  if (spec.startsWith('workspace:')) return target;
  if (spec === '' || spec === '*') return target;
  if (semver.validRange(spec, { loose: true }) === null || semver.valid(target.version) === null) return undefined;
  return semver.satisfies(target.version, spec, { loose: true, includePrerelease: true }) ? target : undefined;
}

/** Tarjan's strongly connected components; returns those with more than one member (the cycles), members sorted. */
function cyclesOf(names: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== node);
      if (members.length > 1) found.push(members.sort());
    }
  };
  for (const name of names) if (!index.has(name)) visit(name);
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** Every file of a .tgz (ustar with pax headers, as npm pack writes it). */
function untar(tgz: Buffer): Map<string, Buffer> {
  const data = gunzipSync(tgz);
  const files = new Map<string, Buffer>();
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    const prefix = text(345, 155);
    const body = data.subarray(offset + 512, offset + 512 + size);
    if (type === 'x') {
      paxPath = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    } else {
      const name = paxPath ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
      if (type === '0' || type === '') files.set(name, Buffer.from(body));
      paxPath = undefined;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Every place in `value` where a string holds `workspace:` or `catalog:`, as JSON paths. */
function protocolLeft(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') return /workspace:|catalog:/.test(value) ? [`${at} = ${JSON.stringify(value).slice(0, 80)}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => protocolLeft(item, `${at}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(/workspace:|catalog:/.test(key) ? [`${at} key ${JSON.stringify(key)}`] : []),
      ...protocolLeft(item, `${at}.${key}`),
    ]);
  }
  return [];
}

/** Values of a GITHUB_OUTPUT file (`name<<delimiter` blocks, as @actions/core writes them). */
function parseOutputs(text: string): Map<string, string> {
  const outputs = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs.set(heredoc[1]!, lines.slice(i + 1, end).join('\n'));
      i = end;
    } else if (/^[^=]+=/.test(lines[i] ?? '')) {
      const [name, ...value] = (lines[i] ?? '').split('=');
      outputs.set(name!, value.join('='));
    }
  }
  return outputs;
}

/** Environment for the action: nothing of the caller's npm config, CI markers, inputs or tokens. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|NPM_|NODE_AUTH_TOKEN$|GITHUB_|ACTIONS_|RUNNER_|CI$|INPUT_|NODE_COMPILE_CACHE|NODE_DISABLE_COMPILE_CACHE)/i.test(name)) continue;
    env[name] = value;
  }
  return { ...env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

interface Report {
  source: Source;
  downloaded: boolean;
  workspaces: number;
  publicCount: number;
  privateCount: number;
  workspaceRanges: number;
  published: number;
  stepSeconds: number;
  stepCpuSeconds: number | undefined;
  stepRssMb: number | undefined;
  publishPuts: number;
  writes: number;
  distinctCodes: number;
  refused: number;
  rateLimited: number;
  orderPairs: number;
  cyclePairsSkipped: number;
  cycles: string[][];
  tarballFiles: number;
  tarballBytes: number;
  lifted: number;
  warnings: string[];
  notes: string[];
  failures: string[];
}

async function runSource(source: Source): Promise<Report> {
  const { file: archive, downloaded } = await archiveOf(source);
  const work = await mkdtemp(path.join(os.tmpdir(), `real-monorepo-${source.key}-`));
  let registry: TestRegistry | undefined;
  try {
    const unpacked = await exec('tar', ['-xJf', archive, '-C', work]);
    if (unpacked.code !== 0) throw new Error(`tar -xJf ${archive} failed:\n${unpacked.stderr}`);
    const top = (await readdir(work, { withFileTypes: true })).filter((entry) => entry.isDirectory());
    if (top.length !== 1) throw new Error(`${source.file}: expected one top-level folder, found ${top.map((entry) => entry.name).join(', ')}`);
    const root = path.join(work, top[0]!.name);
    const workspaces = await readWorkspaces(root);
    const byName = new Map(workspaces.map((pkg) => [pkg.name, pkg]));
    // The root is a workspace too (yarn's root workspace): a `workspace:` range may name it (Yarn's devDependency on @yarnpkg/monorepo). Never published here.
    const rootManifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Manifest;
    const resolvable = new Map(byName);
    if (typeof rootManifest.name === 'string' && !byName.has(rootManifest.name)) {
      resolvable.set(rootManifest.name, {
        name: rootManifest.name,
        version: String(rootManifest.version ?? ''),
        private: rootManifest.private === true,
        relativeDir: '.',
        manifest: rootManifest,
      });
    }
    const publics = workspaces.filter((pkg) => !pkg.private);
    const workspaceRanges = workspaces.reduce(
      (sum, pkg) =>
        sum +
        DEPENDENCY_FIELDS.reduce(
          (count, field) => count + Object.values(pkg.manifest[field] ?? {}).filter((spec) => String(spec).startsWith('workspace:')).length,
          0,
        ),
      0,
    );
    const catalogRanges = workspaces.reduce(
      (sum, pkg) =>
        sum +
        DEPENDENCY_FIELDS.reduce(
          (count, field) => count + Object.values(pkg.manifest[field] ?? {}).filter((spec) => String(spec).startsWith('catalog:')).length,
          0,
        ),
      0,
    );
    console.log(
      `\n== ${source.label}: ${workspaces.length} workspaces (${publics.length} public, ${workspaces.length - publics.length} private), ${workspaceRanges} workspace: ranges, ${catalogRanges} catalog: ranges; ${archive}${downloaded ? ' (downloaded now)' : ' (cached)'}`,
    );

    registry = await startRegistry(); // no limit on uses per code (registry.npmjs.org has one), no single use
    const user = await registry.addUser(`real-${source.key}`);
    const runner = path.join(work, 'runner');
    const home = path.join(work, 'home');
    await mkdir(runner, { recursive: true });
    await mkdir(home, { recursive: true });
    const outputFile = path.join(runner, 'output');
    const summaryFile = path.join(runner, 'summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    const env = cleanEnv({
      HOME: home,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: runner,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      INPUT_TOKEN: user.token,
      'INPUT_OTP-SECRET': user.secret,
      INPUT_REGISTRY: registry.url,
      INPUT_PACKAGE: root,
      INPUT_WORKSPACES: 'true',
      INPUT_CONCURRENCY: '4',
      // otp-uses is left at its default, auto: no limit on this registry (it is not registry.npmjs.org).
      'INPUT_OTP-USES': 'auto',
      'INPUT_IGNORE-SCRIPTS': 'true',
      // The action.yml defaults the runner would pass.
      'INPUT_DRY-RUN': 'false',
      'INPUT_ALLOW-INSECURE-REGISTRY': 'false',
      'INPUT_INCLUDE-WORKSPACE-ROOT': 'false',
      'INPUT_TRUSTED-PUBLISHING': 'auto',
    });
    console.log(`running node dist/index.js (workspaces=true, concurrency=4, otp-uses=auto (the default), ignore-scripts=true) ...`);
    const timed = existsSync(GNU_TIME);
    const step = timed
      ? await exec(GNU_TIME, ['-v', process.execPath, ACTION], { cwd: root, env })
      : await exec(process.execPath, [ACTION], { cwd: root, env });
    const field = (name: string) => Number(new RegExp(`^\\s*${name}: (.+)$`, 'm').exec(step.stderr)?.[1] ?? Number.NaN);
    const stepCpuSeconds = timed ? field('User time \\(seconds\\)') + field('System time \\(seconds\\)') : undefined;
    const stepRssMb = timed ? field('Maximum resident set size \\(kbytes\\)') / 1024 : undefined;
    const log = step.stdout + step.stderr;
    const warnings = log.split('\n').filter((line) => line.startsWith('::warning'));

    const failures: string[] = [];
    const notes: string[] = [];
    const fail = (message: string) => failures.push(message);
    /** One failure for a list of packages (a step that stopped early leaves them all missing). */
    const failMany = (message: string, names: string[]) => {
      if (names.length > 0) fail(`${message}: ${names.length} package(s): ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', ...' : ''}`);
    };
    if (step.code !== 0)
      fail(
        `the action step exited ${step.code}; last lines:\n${log
          .split('\n')
          .filter(
            (line) =>
              !line.startsWith('::add-mask::') &&
              !/^\s*(User|System|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status|Command being)/.test(
                line,
              ),
          )
          .slice(-25)
          .join('\n')}`,
      );

    // The packages output.
    const outputs = parseOutputs(await readFile(outputFile, 'utf8'));
    let listed: Array<{ name: string; version: string; outcome: string; detail?: string }> = [];
    try {
      listed = JSON.parse(outputs.get('packages') ?? 'null') ?? [];
      if (!Array.isArray(listed)) throw new Error('not an array');
    } catch (error) {
      fail(`the packages output is not a JSON array: ${String(error)} (${(outputs.get('packages') ?? '(not set)').slice(0, 200)})`);
      listed = [];
    }
    const listedByName = new Map(listed.map((entry) => [entry.name, entry]));
    if (listed.length !== workspaces.length) fail(`packages output: ${listed.length} entries for ${workspaces.length} workspace packages`);
    for (const entry of listed) if (!byName.has(entry.name)) fail(`packages output names ${entry.name}, which is not a workspace package`);
    failMany(
      'packages output: missing',
      workspaces.filter((pkg) => !listedByName.has(pkg.name)).map((pkg) => pkg.name),
    );
    for (const pkg of workspaces) {
      const entry = listedByName.get(pkg.name);
      const want = pkg.private ? 'private' : 'published';
      if (!entry) continue;
      else if (entry.outcome !== want) fail(`packages output: ${pkg.name} is ${entry.outcome}, expected ${want}: ${entry.detail ?? ''}`);
      else if (!pkg.private && entry.version !== pkg.version) fail(`packages output: ${pkg.name} at ${entry.version}, the source says ${pkg.version}`);
    }
    const published = listed.filter((entry) => entry.outcome === 'published').length;

    // Publish order from the request log: the first accepted PUT /<name> of each package.
    const requests = registry.requests;
    const putAt = new Map<string, number>();
    let publishPuts = 0;
    requests.forEach((request, index) => {
      if (request.method !== 'PUT' || request.status < 200 || request.status >= 300) return;
      let name: string;
      try {
        name = decodeURIComponent(request.path.slice(1));
      } catch {
        return;
      }
      if (!byName.has(name)) return;
      publishPuts += 1;
      if (!putAt.has(name)) putAt.set(name, index);
    });
    const edges = new Map<string, string[]>();
    for (const pkg of publics) {
      const targets = new Set<string>();
      for (const kind of RUNTIME_FIELDS) {
        for (const [name, spec] of Object.entries(pkg.manifest[kind] ?? {})) {
          const target = runtimeTarget(name, String(spec), byName);
          if (target && target.name !== pkg.name && !target.private) targets.add(target.name);
        }
      }
      edges.set(pkg.name, [...targets].sort());
    }
    const cycles = cyclesOf(
      publics.map((pkg) => pkg.name),
      edges,
    );
    const cycleOf = new Map(cycles.flatMap((members, index) => members.map((member) => [member, index] as const)));
    let orderPairs = 0;
    let cyclePairsSkipped = 0;
    failMany(
      'request log: no accepted PUT',
      publics.filter((pkg) => !putAt.has(pkg.name)).map((pkg) => pkg.name),
    );
    for (const pkg of publics) {
      const own = putAt.get(pkg.name);
      if (own === undefined) continue;
      for (const dependency of edges.get(pkg.name) ?? []) {
        if (cycleOf.has(pkg.name) && cycleOf.get(pkg.name) === cycleOf.get(dependency)) {
          cyclePairsSkipped += 1;
          continue;
        }
        orderPairs += 1;
        const before = putAt.get(dependency);
        if (before === undefined || before > own)
          fail(`order: ${pkg.name} was PUT (request #${own}) before its dependency ${dependency} (${before === undefined ? 'never' : `request #${before}`})`);
      }
    }

    // The registry's packuments and tarballs.
    let tarballFiles = 0;
    let tarballBytes = 0;
    let lifted = 0;
    const absent: string[] = [];
    for (const pkg of publics) {
      const packument = await registry.packument(pkg.name);
      const doc = packument?.versions?.[pkg.version] as Manifest | undefined;
      if (!doc) {
        absent.push(`${pkg.name}@${pkg.version}${packument ? ` (has ${Object.keys(packument.versions ?? {}).join(', ') || 'no version'})` : ''}`);
        continue;
      }
      if (packument['dist-tags']?.latest !== pkg.version) fail(`registry: ${pkg.name} latest is ${packument['dist-tags']?.latest}, expected ${pkg.version}`);
      for (const where of protocolLeft(doc)) fail(`published manifest ${pkg.name}@${pkg.version}: ${where}`);
      const response = await fetch(doc.dist?.tarball ?? '', { headers: { authorization: `Bearer ${user.token}` } });
      if (!response.ok) {
        fail(`registry: tarball of ${pkg.name}@${pkg.version} answered ${response.status} (${doc.dist?.tarball})`);
        continue;
      }
      const tgz = Buffer.from(await response.arrayBuffer());
      tarballBytes += tgz.length;
      if (doc.dist?.integrity !== `sha512-${createHash('sha512').update(tgz).digest('base64')}`)
        fail(`tarball of ${pkg.name}@${pkg.version} does not match dist.integrity`);
      const files = untar(tgz);
      tarballFiles += files.size;
      const packed = files.get('package/package.json');
      if (!packed) {
        fail(`tarball of ${pkg.name}@${pkg.version} has no package/package.json`);
        continue;
      }
      if (/workspace:|catalog:/.test(packed.toString('utf8')))
        fail(`tarball ${pkg.name}@${pkg.version}: package/package.json holds ${protocolLeft(JSON.parse(packed.toString('utf8'))).join('; ')}`);
      const inTarball = JSON.parse(packed.toString('utf8')) as Manifest;
      for (const [label, manifest] of [
        ['published manifest', doc],
        ['tarball package.json', inTarball],
      ] as const) {
        for (const kind of DEPENDENCY_FIELDS) {
          for (const [name, spec] of Object.entries(pkg.manifest[kind] ?? {})) {
            const expected = String(spec).startsWith('workspace:') && resolvable.has(name) ? yarnResolved(String(spec), resolvable.get(name)!) : String(spec);
            const got = manifest[kind]?.[name];
            if (got !== expected)
              fail(
                `${label} ${pkg.name}@${pkg.version}: ${kind}.${name} is ${JSON.stringify(got)}, expected ${JSON.stringify(expected)} (source: ${JSON.stringify(spec)})`,
              );
          }
        }
        if (source.key === 'yarn') {
          for (const key of LIFTED) {
            const override = pkg.manifest.publishConfig?.[key];
            if (!override) {
              // yarn lifts a truthy value only: "bin": null keeps the package's own bin
              if (override === null && key in (pkg.manifest.publishConfig ?? {}) && label === 'published manifest')
                notes.push(
                  `${pkg.name}: publishConfig.${key} is null; published ${key}: ${JSON.stringify(manifest[key])}, the package's own: ${JSON.stringify(pkg.manifest[key])}`,
                );
              continue;
            }
            // The registry's document has bin as npm publishes it (normalized); the tarball keeps the file's text.
            const same =
              JSON.stringify(manifest[key]) === JSON.stringify(override) ||
              (key === 'bin' && JSON.stringify(npmBin(manifest[key], pkg.name)) === JSON.stringify(npmBin(override, pkg.name)));
            if (!same)
              fail(`${label} ${pkg.name}@${pkg.version}: ${key} is ${JSON.stringify(manifest[key])}, publishConfig.${key} is ${JSON.stringify(override)}`);
            else if (label === 'published manifest') lifted += 1;
          }
        }
      }
    }

    failMany('registry: not there at its version', absent);
    const stats = registry.otpStats;
    return {
      source,
      downloaded,
      workspaces: workspaces.length,
      publicCount: publics.length,
      privateCount: workspaces.length - publics.length,
      workspaceRanges,
      published,
      stepSeconds: step.wallMs / 1000,
      stepCpuSeconds,
      stepRssMb,
      publishPuts,
      writes: stats.accepted,
      distinctCodes: stats.distinctCodes,
      refused: stats.refused,
      rateLimited: stats.rateLimited,
      orderPairs,
      cyclePairsSkipped,
      cycles,
      tarballFiles,
      tarballBytes,
      lifted,
      warnings,
      notes,
      failures,
    };
  } finally {
    await registry?.close();
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'all';
  const chosen = which === 'all' ? SOURCES : SOURCES.filter((source) => source.key === which);
  if (chosen.length === 0) throw new Error('usage: bench/real-monorepo.ts [babel|yarn|all]');
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: build dist/ first`);
  const reports: Report[] = [];
  for (const source of chosen) {
    const report = await runSource(source);
    reports.push(report);
    console.log(`cycles (${report.cycles.length}): ${report.cycles.map((members) => members.join(' <-> ')).join('; ') || 'none'}`);
    if (report.warnings.length > 0) {
      const distinct = [
        ...new Set(
          report.warnings.map((line) =>
            line
              .replace(/^::warning[^:]*::/, '')
              .replace(/%0A/g, ' ')
              .slice(0, 200),
          ),
        ),
      ];
      console.log(`the action said ${report.warnings.length} warning(s), ${distinct.length} distinct${distinct.length > 10 ? ' (first 10)' : ''}:`);
      for (const warning of distinct.slice(0, 10)) console.log(`  ${warning}`);
    }
    for (const note of report.notes) console.log(`note: ${note}`);
    if (report.failures.length > 0) {
      console.log(`\nFAILED, ${source.label}: ${report.failures.length} check(s) failed${report.failures.length > 40 ? ' (first 40)' : ''}:`);
      for (const failure of report.failures.slice(0, 40)) console.log(`  - ${failure}`);
    } else {
      console.log(`OK, ${source.label}: every check passed`);
    }
  }
  console.log(
    `\nbench/real-monorepo.ts: Node ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}, ${new Date().toISOString()}\n`,
  );
  console.log(
    '| monorepo | workspaces (public / private) | workspace: ranges | published | action step wall s | CPU s | peak RSS MB | publish PUTs | writes accepted with a code | distinct codes | refused / 429 | order pairs checked (skipped in cycles) | cycles | tarballs: files, MB | publishConfig fields lifted | warnings | result |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of reports) {
    console.log(
      `| ${r.source.label} | ${r.workspaces} (${r.publicCount} / ${r.privateCount}) | ${r.workspaceRanges} | ${r.published} / ${r.publicCount} | ${r.stepSeconds.toFixed(1)} | ${r.stepCpuSeconds?.toFixed(1) ?? 'n/a'} | ${r.stepRssMb?.toFixed(0) ?? 'n/a'} | ${r.publishPuts} | ${r.writes} | ${r.distinctCodes} | ${r.refused} / ${r.rateLimited} | ${r.orderPairs} (${r.cyclePairsSkipped}) | ${r.cycles.length} | ${r.tarballFiles}, ${(r.tarballBytes / 1e6).toFixed(1)} | ${r.lifted} | ${r.warnings.length} | ${r.failures.length === 0 ? 'OK' : `FAILED (${r.failures.length})`} |`,
    );
  }
  if (reports.some((report) => report.failures.length > 0)) process.exitCode = 1;
}

await main();
