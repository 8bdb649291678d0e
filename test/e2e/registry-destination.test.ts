import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runAction } from '../helpers/action.ts';
import { compileCacheEnv } from '../helpers/product.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

const NPM_CLI = path.join(ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js');
const CORP = 'https://npm.corp.example/';
const NPM_DEFAULT = 'https://registry.npmjs.org/';

/** One configuration: `RUN` in any text stands for the run's registry (the test registry). */
interface Case {
  name: string;
  manifest: Record<string, unknown>;
  /** The package folder's `.npmrc` (the project config: npm runs in that folder). */
  project?: string;
  /** The user config at NPM_CONFIG_USERCONFIG. */
  user?: string;
  /** The user config at ~/.npmrc, with no NPM_CONFIG_USERCONFIG (as when setup-node does not set one). */
  home?: string;
  /** The global config at NPM_CONFIG_GLOBALCONFIG. */
  global?: string;
  env?: Record<string, string>;
  /** What npm 11.21 does, as the case means it: publishes to this run's registry, to another one (or fails), or to its default because nothing sets one. */
  npm: 'run' | 'elsewhere' | 'default';
}

const CASES: Case[] = [
  { name: 'nothing set: npm default, the registry input decides', manifest: { name: 'dest-plain' }, npm: 'default' },
  { name: 'publishConfig.registry elsewhere', manifest: { name: 'dest-pc', publishConfig: { registry: CORP } }, npm: 'elsewhere' },
  { name: 'publishConfig.registry is the run registry', manifest: { name: 'dest-pc-run', publishConfig: { registry: 'RUN' } }, npm: 'run' },
  { name: 'publishConfig["@corp:registry"] (finding 3)', manifest: { name: '@corp/dest-a', publishConfig: { '@corp:registry': CORP } }, npm: 'elsewhere' },
  {
    name: 'publishConfig.registry is the run registry, the project maps the scope elsewhere (finding 3)',
    manifest: { name: '@corp/dest-b', publishConfig: { registry: 'RUN' } },
    project: `@corp:registry=${CORP}\n`,
    npm: 'elsewhere',
  },
  {
    name: 'the user config (NPM_CONFIG_USERCONFIG) maps the scope elsewhere (finding 3)',
    manifest: { name: '@corp/dest-c' },
    user: `@corp:registry=${CORP}\n//npm.corp.example/:_authToken=\${NODE_AUTH_TOKEN}\n`,
    npm: 'elsewhere',
  },
  {
    name: 'the user config at ~/.npmrc maps the scope elsewhere (finding 3)',
    manifest: { name: '@corp/dest-d' },
    home: `@corp:registry=${CORP}\n`,
    npm: 'elsewhere',
  },
  { name: 'the global config sets registry elsewhere', manifest: { name: 'dest-global' }, global: `registry=${CORP}\n`, npm: 'elsewhere' },
  {
    name: 'the project registry is ${VAR}, set elsewhere',
    manifest: { name: 'dest-var' },
    project: 'registry=${DEST_URL}\n',
    env: { DEST_URL: CORP },
    npm: 'elsewhere',
  },
  {
    name: 'the project registry is ${VAR}, set to the run registry',
    manifest: { name: 'dest-var-run' },
    project: 'registry=${DEST_URL}\n',
    env: { DEST_URL: 'RUN' },
    npm: 'run',
  },
  {
    name: 'the project registry is an unset ${VAR} (npm fails)',
    manifest: { name: 'dest-var-unset' },
    project: 'registry=${DEST_NOT_SET}\n',
    npm: 'elsewhere',
  },
  {
    name: 'the project registry is an empty ${VAR?} (npm fails)',
    manifest: { name: 'dest-var-empty' },
    project: 'registry=${DEST_NOT_SET?}\n',
    npm: 'elsewhere',
  },
  { name: 'a scope registry for another scope than the name', manifest: { name: 'dest-unscoped' }, project: `@corp:registry=${CORP}\n`, npm: 'default' },
  {
    name: 'the project config wins over the user config',
    manifest: { name: 'dest-layers' },
    project: 'registry=RUN\n',
    user: `registry=${CORP}\n`,
    npm: 'run',
  },
  { name: 'npm_config_registry in the environment', manifest: { name: 'dest-env' }, env: { npm_config_registry: CORP }, npm: 'elsewhere' },
  {
    name: 'NPM_CONFIG_REGISTRY in the environment wins over the project',
    manifest: { name: 'dest-env-upper' },
    project: 'registry=RUN\n',
    env: { NPM_CONFIG_REGISTRY: CORP },
    npm: 'elsewhere',
  },
  {
    name: "npm's scope setting maps an unscoped name",
    manifest: { name: 'dest-scope-setting' },
    project: `scope=corp\n@corp:registry=${CORP}\n`,
    npm: 'elsewhere',
  },
  {
    name: 'the scope registry wins over publishConfig.registry',
    manifest: { name: '@corp/dest-e', publishConfig: { registry: CORP } },
    project: '@corp:registry=RUN\n',
    npm: 'run',
  },
  {
    name: 'publishConfig["@corp:registry"] wins over the user config',
    manifest: { name: '@corp/dest-f', publishConfig: { '@corp:registry': 'RUN' } },
    user: `@corp:registry=${CORP}\n`,
    npm: 'run',
  },
  { name: 'an empty scope registry falls through to registry', manifest: { name: '@corp/dest-g' }, project: '@corp:registry=\nregistry=RUN\n', npm: 'run' },
  { name: 'a [section] key is no setting', manifest: { name: 'dest-section' }, project: `[corp]\nregistry=${CORP}\n`, npm: 'default' },
  { name: 'a quoted value with a comment after it', manifest: { name: 'dest-quoted' }, project: `registry="${CORP}" ; the mirror\n`, npm: 'elsewhere' },
  {
    name: 'the user config moves the global config',
    manifest: { name: 'dest-moved' },
    user: 'globalconfig=GLOBAL\n',
    global: `registry=${CORP}\n`,
    npm: 'elsewhere',
  },
  { name: 'publishConfig.registry that is no URL (npm fails)', manifest: { name: 'dest-number', publishConfig: { registry: 5 } }, npm: 'elsewhere' },
];

/**
 * Where a publish goes is settled with npm's rules (issue 18, finding 3): for
 * each configuration, the real npm CLI 11.21 (`npm publish --dry-run --json`,
 * with its own HOME, user and global config and cache) and the bundled action
 * (a dry run, with the same files and environment) run on the same package;
 * the action publishes to the run's registry only where npm would (or where
 * nothing sets a registry and npm would use its default), and refuses, naming
 * npm's registry, everywhere else.
 */
describe("the registry a publish goes to, by npm's rules", () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  let scratch: string;

  before(async () => {
    alice = await registry.addUser('alice');
    scratch = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-dest-'));
  });
  after(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** The case's files in a folder of its own; the environment npm and the action both get. */
  async function layOut(index: number, entry: Case): Promise<{ dir: string; env: Record<string, string> }> {
    const base = path.join(scratch, String(index));
    const dir = path.join(base, 'pkg');
    const home = path.join(base, 'home');
    await mkdir(dir, { recursive: true });
    await mkdir(home, { recursive: true });
    const files = { user: path.join(base, 'user-npmrc'), global: path.join(base, 'global-npmrc'), moved: path.join(base, 'moved-npmrc') };
    const fill = (text: string) => text.replaceAll('RUN', registry.url).replaceAll('GLOBAL', files.moved);
    const manifest = JSON.parse(fill(JSON.stringify({ version: '1.0.0', ...entry.manifest }))) as Record<string, unknown>;
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(dir, 'index.js'), '1;\n');
    if (entry.project !== undefined) await writeFile(path.join(dir, '.npmrc'), fill(entry.project));
    if (entry.user !== undefined) await writeFile(files.user, fill(entry.user));
    if (entry.home !== undefined) await writeFile(path.join(home, '.npmrc'), fill(entry.home));
    // The user config moving the global config: the moved file holds what the case's global config says.
    if (entry.global !== undefined) await writeFile(entry.user?.includes('globalconfig') ? files.moved : files.global, fill(entry.global));
    // An empty variable is unset, for npm as for the action (whose test runner sets both).
    const env: Record<string, string> = {
      HOME: home,
      NPM_CONFIG_GLOBALCONFIG: entry.user?.includes('globalconfig') ? '' : files.global,
      NPM_CONFIG_USERCONFIG: entry.home === undefined ? files.user : '',
      ...Object.fromEntries(Object.entries(entry.env ?? {}).map(([name, value]) => [name, fill(value)])),
    };
    return { dir, env };
  }

  /** The registry `npm publish --dry-run` says it publishes to, or undefined when npm fails. */
  function npmDestination(dir: string, env: Record<string, string>): Promise<{ registry: string | undefined; output: string }> {
    const npmEnv = {
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      ...compileCacheEnv(),
      npm_config_cache: path.join(dir, '..', 'cache'),
      npm_config_update_notifier: 'false',
      ...env,
    };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [NPM_CLI, 'publish', '--dry-run', '--json', '--offline'], {
        cwd: dir,
        env: npmEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ registry: code === 0 ? /Publishing to (\S+) with tag/.exec(output)?.[1] : undefined, output }));
    });
  }

  const normal = (url: string) => (url.endsWith('/') ? url : `${url}/`);

  for (const [index, entry] of CASES.entries()) {
    it(entry.name, async () => {
      const { dir, env } = await layOut(index, entry);
      const npm = await npmDestination(dir, env);
      const npmSays =
        npm.registry === undefined
          ? 'elsewhere'
          : normal(npm.registry) === registry.url
            ? 'run'
            : normal(npm.registry) === NPM_DEFAULT && entry.npm === 'default'
              ? 'default'
              : 'elsewhere';
      assert.equal(npmSays, entry.npm, `npm went to ${npm.registry ?? 'nowhere (it failed)'}:\n${npm.output}`);

      const run = await runAction({
        inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir, 'dry-run': 'true' },
        env,
        cwd: dir,
      });
      const [row] = JSON.parse(run.outputs.results ?? '[]') as Array<{ outcome: string; detail: string }>;
      if (entry.npm === 'elsewhere') {
        assert.equal(run.code, 1, `the action should refuse:\n${run.stdout}`);
        assert.equal(row?.outcome, 'failed');
        // The refusal names the registry setting, or (npm failing on an unset variable) the file that names it.
        assert.match(row?.detail ?? '', /^(registry|package): .*(nothing was sent|names \$\{)/);
        if (npm.registry !== undefined) assert.ok(row?.detail.includes(npm.registry.replace(/\/$/, '')), `the refusal names ${npm.registry}: ${row?.detail}`);
      } else {
        assert.equal(run.code, 0, `the action should publish to ${registry.url}:\n${run.stdout}`);
        assert.equal(row?.outcome, 'dry-run', row?.detail);
      }
    });
  }
});
