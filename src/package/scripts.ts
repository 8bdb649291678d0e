import { createRequire } from 'node:module';
import { ProductError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';
import { SETUP_NODE_PLACEHOLDER } from '../foundation/tokens.ts';

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
  return typeof scripts === 'object' && scripts !== null && typeof (scripts as Record<string, unknown>)[event] === 'string';
}

// @npmcli/run-script builds the script's environment (PATH with every node_modules/.bin up the tree,
// npm_package_*, npm_lifecycle_*, npm_config_node_gyp) exactly as npm does; its spawn collects the
// output until the script ends, so the process is started here, with that environment, to stream it.
const require = createRequire(import.meta.url);
type SpawnArgs = [string, string[], { env: Record<string, string | undefined>; cwd: string }];
let makeSpawnArgs: ((options: Record<string, unknown>) => SpawnArgs) | undefined;
let packageEnvs: ((pkg: unknown) => Record<string, string>) | undefined;

/**
 * Runs one package script as npm does, if the package has it: through the
 * shell, in the package folder, with npm's environment built by
 * @npmcli/run-script over `env` only (nothing else of this process's
 * environment reaches it), stdin closed, and its output relayed line by line
 * as it comes. A failing script is an `EPACK`/`ESCRIPT` error that says so.
 */
export async function runScript(run: ScriptRun): Promise<void> {
  if (!hasScript(run.manifest, run.event)) return;
  const cmd = (run.manifest.scripts as Record<string, string>)[run.event] as string;
  makeSpawnArgs ??= require('@npmcli/run-script/lib/make-spawn-args.js') as typeof makeSpawnArgs;
  packageEnvs ??= require('@npmcli/run-script/lib/package-envs.js') as typeof packageEnvs;
  const env = { ...run.env, ...(packageEnvs as NonNullable<typeof packageEnvs>)(run.manifest), ...run.extraEnv };
  // run-script spreads process.env under `env`: every variable of this process that is not in `env`
  // is set to undefined, which child_process leaves out of the child's environment.
  const hidden = Object.fromEntries(Object.keys(process.env).filter((name) => !(name in env)).map((name) => [name, undefined]));
  const [, , spawnOptions] = (makeSpawnArgs as NonNullable<typeof makeSpawnArgs>)({ cmd, args: [], env: { ...hidden, ...env }, event: run.event, path: run.dir, scriptShell: true, stdio: 'pipe', nodeGyp: process.env.npm_config_node_gyp || 'node-gyp' });
  const label = `${String(run.manifest.name ?? run.dir)} ${run.event}`;
  run.logger.info(`> ${label}: ${cmd}`);
  // child_process only when a script runs: most publishes have none.
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const [shell, shellArgs] = process.platform === 'win32' ? [process.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', cmd]] : ['sh', ['-c', cmd]];
  const code = await new Promise<number | string>((resolve, reject) => {
    const child = spawn(shell, shellArgs, { cwd: run.dir, env: spawnOptions.env, stdio: ['ignore', 'pipe', 'pipe'], windowsVerbatimArguments: process.platform === 'win32' });
    const relay = lineRelay(run.logger);
    child.stdout.on('data', relay.write);
    child.stderr.on('data', relay.write);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      relay.end();
      resolve(signal ?? exitCode ?? 1);
    });
  });
  if (code !== 0) {
    throw new ProductError('ESCRIPT', `The ${run.event} script of ${String(run.manifest.name ?? run.dir)} failed (${typeof code === 'string' ? `killed by ${code}` : `exit code ${code}`}); its output is above.`, { received: run.event });
  }
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
const SECRET_VARIABLES = /^(GITHUB_OUTPUT|GITHUB_ENV|GITHUB_PATH|GITHUB_STATE|GITHUB_STEP_SUMMARY|INPUT_.*|NODE_AUTH_TOKEN|NPM_TOKEN|NPM_TOTP_SECRET|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_RUNTIME_TOKEN|NPM_ID_TOKEN|SIGSTORE_ID_TOKEN|npm_config_.*_auth.*)$/i;

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
