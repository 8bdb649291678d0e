import { spawn } from 'node:child_process';
import path from 'node:path';
import { ProductError } from '../foundation/errors.ts';
import { isRecord } from '../foundation/is-record.ts';
import type { Logger } from '../foundation/logger.ts';
import { SETUP_NODE_PLACEHOLDER } from '../foundation/setup-node-placeholder.ts';

/** The lifecycle events npm runs around a publish from a folder, in npm's order. */
export type LifecycleEvent = 'prepublishOnly' | 'prepack' | 'prepare' | 'postpack' | 'publish' | 'postpublish';

/** What a package script is started with. */
export interface ScriptRun {
  /** The package folder (the script's working directory). */
  dir: string;
  /** The package's manifest: its `scripts`, and the `npm_package_*` variables npm sets. */
  manifest: { name?: unknown; version?: unknown; scripts?: unknown; [key: string]: unknown };
  event: LifecycleEvent;
  /** The environment to start from; `scrubEnvironment` has already removed every secret. */
  env: Record<string, string>;
  logger: Logger;
  /** Extra variables (npm sets npm_package_from/resolved/integrity for postpack). */
  extraEnv?: Record<string, string>;
}

/** True when the manifest has a script for `event`. */
export function hasScript(manifest: ScriptRun['manifest'], event: LifecycleEvent): boolean {
  const scripts = manifest.scripts;
  return isRecord(scripts) && typeof scripts[event] === 'string';
}

/**
 * Runs one package script as npm does, if the package has it: through the
 * shell, in the package folder, with npm's environment (scriptEnvironment)
 * over `env` only (nothing else of this process's environment reaches it),
 * stdin closed, and its output relayed line by line as it comes. A failing
 * script is an `EPACK`/`ESCRIPT` error that says so.
 */
export async function runScript(run: ScriptRun): Promise<void> {
  if (!hasScript(run.manifest, run.event)) return;
  const cmd = (run.manifest.scripts as Record<string, string>)[run.event] as string;
  const env = scriptEnvironment(run, cmd);
  const label = `${String(run.manifest.name ?? run.dir)} ${run.event}`;
  run.logger.info(`> ${label}: ${cmd}`);
  const [shell, shellArgs] = process.platform === 'win32' ? [process.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', cmd]] : ['sh', ['-c', cmd]];
  const code = await new Promise<number | string>((resolve, reject) => {
    const child = spawn(shell, shellArgs, { cwd: run.dir, env, stdio: ['ignore', 'pipe', 'pipe'], windowsVerbatimArguments: process.platform === 'win32' });
    const relay = lineRelay(run.logger);
    child.stdout.on('data', relay.write);
    child.stderr.on('data', relay.write);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      relay.end();
      resolve(signal ?? exitCode ?? 1);
    });
  });
  if (code !== 0)
    throw new ScriptFailedError(String(run.manifest.name ?? run.dir), run.event, typeof code === 'string' ? `killed by ${code}` : `exit code ${code}`);
}

/** A package script ended with a non-zero exit code or a signal. */
export class ScriptFailedError extends ProductError {
  readonly event: LifecycleEvent;
  /** `exit code 3`, `killed by SIGTERM`. */
  readonly ending: string;

  constructor(pkg: string, event: LifecycleEvent, ending: string) {
    super('ESCRIPT', `The ${event} script of ${pkg} failed (${ending}); its output is above.`, { received: event });
    this.event = event;
    this.ending = ending;
  }
}

/**
 * The environment npm gives a package script, as @npmcli/run-script 11 builds it (make-spawn-args.js,
 * set-path.js, package-envs.js): `npm_package_*` from the manifest (name, version, config, engines, bin),
 * `npm_package_json`, `npm_lifecycle_event` and `npm_lifecycle_script`, `npm_config_node_gyp`, and every
 * `node_modules/.bin` from the package folder up to the file system's root before PATH. Built here because
 * run-script's public `runScript` collects a piped script's output until it ends, and ours is relayed as it
 * comes; its other files are private. test/unit/script-environment.test.ts compares the two.
 */
export function scriptEnvironment(run: Pick<ScriptRun, 'dir' | 'manifest' | 'event' | 'env' | 'extraEnv'>, cmd: string): Record<string, string> {
  const env: Record<string, string> = { ...run.env };
  const packageValues = {
    name: run.manifest.name,
    version: run.manifest.version,
    config: run.manifest.config,
    engines: run.manifest.engines,
    bin: run.manifest.bin,
  };
  const flatten = (values: Record<string, unknown>, prefix: string): void => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (value === null || value === false) env[`${prefix}${key}`] = '';
      else if (Array.isArray(value)) value.forEach((item, index) => flatten({ [`${key}_${index}`]: item }, prefix));
      else if (typeof value === 'object') flatten(value as Record<string, unknown>, `${prefix}${key}_`);
      else env[`${prefix}${key}`] = String(value);
    }
  };
  flatten(packageValues, 'npm_package_');
  Object.assign(env, {
    // A template: ncc's asset relocator reads path.resolve(<folder>, 'package.json') as files to copy into dist/.
    npm_package_json: `${path.resolve(run.dir)}${path.sep}package.json`,
    npm_lifecycle_event: run.event,
    npm_lifecycle_script: cmd,
    npm_config_node_gyp: run.env.npm_config_node_gyp || 'node-gyp',
    ...run.extraEnv,
  });
  const bins: string[] = [];
  for (let dir = path.resolve(run.dir); ; dir = path.dirname(dir)) {
    bins.push(path.join(dir, 'node_modules', '.bin'));
    if (path.dirname(dir) === dir) break;
  }
  // Windows may spell it Path, or have several: npm merges them, in order, into each.
  const pathNames = Object.keys(env).filter((name) => /^path$/i.test(name));
  const paths = pathNames
    .flatMap((name) => (env[name] ?? '').split(path.delimiter))
    .filter((entry, index, all) => entry !== '' && all.indexOf(entry) === index);
  for (const name of pathNames.length > 0 ? pathNames : ['PATH']) env[name] = [...bins, ...paths].join(path.delimiter);
  return env;
}

/** Passes complete lines to the logger as they arrive; a partial line waits for its end. */
function lineRelay(logger: Logger): { write: (chunk: Buffer) => void; end: () => void } {
  let pending = '';
  return {
    write: (chunk) => {
      pending += chunk.toString('utf8');
      const cut = pending.lastIndexOf('\n');
      if (cut < 0) return;
      logger.relay(pending.slice(0, cut));
      pending = pending.slice(cut + 1);
    },
    end: () => {
      if (pending !== '') logger.relay(pending);
      pending = '';
    },
  };
}

/**
 * Variables package scripts never see, whatever their values: secrets, and the runner's command files
 * (a script must not set this step's outputs or the next steps' environment).
 */
const SECRET_VARIABLES =
  /^(GITHUB_OUTPUT|GITHUB_ENV|GITHUB_PATH|GITHUB_STATE|GITHUB_STEP_SUMMARY|INPUT_.*|NODE_AUTH_TOKEN|NPM_TOKEN|NPM_TOTP_SECRET|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_RUNTIME_TOKEN|NPM_ID_TOKEN|SIGSTORE_ID_TOKEN|npm_config_.*_auth.*)$/i;

/**
 * Token variables a project's .npmrc commonly names (`_authToken=${NODE_AUTH_TOKEN}`, as actions/setup-node
 * writes it). They are set to setup-node's own placeholder rather than removed, because some npm versions
 * refuse to load a config that names an unset variable.
 */
const PLACEHOLDERS = ['NODE_AUTH_TOKEN', 'NPM_TOKEN'];

/** A copy of `env` without secret-bearing variables, nor any whose value contains a secret. */
export function scrubEnvironment(env: NodeJS.ProcessEnv, secrets: readonly string[]): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || SECRET_VARIABLES.test(name)) continue;
    if (secrets.some((secret) => secret.length >= 4 && value.includes(secret))) continue;
    clean[name] = value;
  }
  for (const name of PLACEHOLDERS) if (env[name] !== undefined) clean[name] = SETUP_NODE_PLACEHOLDER;
  return clean;
}
