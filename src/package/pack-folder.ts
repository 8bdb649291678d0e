import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';
import { ProductError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';
import { SETUP_NODE_PLACEHOLDER } from '../run/options.ts';
import type { PackageManifest } from './read-package.ts';

export interface PackFolderOptions {
  dir: string;
  manifest: PackageManifest;
  /** Skip prepublishOnly, prepack, prepare and postpack. Default false (npm's behaviour). */
  ignoreScripts: boolean;
  /** Values that must not reach package scripts: every variable holding one is removed. */
  secrets: readonly string[];
  logger: Logger;
  /** Environment to start from. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface PackedFolder {
  file: string;
  /** Removes the temporary folder holding the tarball. */
  cleanup(): Promise<void>;
}

/**
 * Packs a folder exactly as `npm publish` would before uploading: runs
 * `prepublishOnly` (if present), then `npm pack` (which runs `prepack`,
 * `prepare` and `postpack`). Package scripts are arbitrary code, so they get
 * an environment without the token, the TOTP secret or any action input.
 */
export async function packFolder(options: PackFolderOptions): Promise<PackedFolder> {
  const { dir, manifest, logger } = options;
  const env = scrubEnvironment(options.env ?? process.env, options.secrets);
  const destination = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-pack-'));
  const cleanup = () => rm(destination, { recursive: true, force: true });
  try {
    if (!options.ignoreScripts && manifest.scripts?.prepublishOnly) {
      logger.info(`Running the prepublishOnly script of ${manifest.name}.`);
      await npm(['run', 'prepublishOnly'], dir, env, logger);
    }
    const args = ['pack', '--pack-destination', destination, '--loglevel', 'warn'];
    if (options.ignoreScripts) args.push('--ignore-scripts');
    await npm(args, dir, env, logger);
    const files = (await readdir(destination)).filter((file) => file.endsWith('.tgz'));
    if (files.length !== 1) throw new ProductError('EPACK', `npm pack in ${dir} produced ${files.length} tarballs, expected one.`);
    return { file: path.join(destination, files[0] as string), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function npm(args: string[], cwd: string, env: Record<string, string>, logger: Logger): Promise<void> {
  const command = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = await getExecOutput(command, args, { cwd, env, silent: true, ignoreReturnCode: true, input: Buffer.alloc(0) }).catch((error: unknown) => {
    throw new ProductError('EPACK', `Could not run npm to pack the package: ${(error as Error).message}. npm must be on PATH.`, { cause: error });
  });
  logger.relay(`${result.stdout}\n${result.stderr}`);
  if (result.exitCode !== 0) {
    throw new ProductError('EPACK', `npm ${args[0] === 'run' ? `run ${args[1]}` : 'pack'} failed in ${cwd} (exit code ${result.exitCode}); its output is above. Nothing was published.`);
  }
}

/**
 * Variables package scripts never see, whatever their values: secrets, and the runner's command files
 * (a script must not set this step's outputs or the next steps' environment).
 */
const SECRET_VARIABLES = /^(GITHUB_OUTPUT|GITHUB_ENV|GITHUB_PATH|GITHUB_STATE|GITHUB_STEP_SUMMARY|INPUT_.*|NODE_AUTH_TOKEN|NPM_TOKEN|NPM_TOTP_SECRET|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_RUNTIME_TOKEN|NPM_ID_TOKEN|npm_config_.*_auth.*)$/i;

/**
 * Token variables a project's .npmrc commonly names (`_authToken=${NODE_AUTH_TOKEN}`, as actions/setup-node
 * writes it). They are set to setup-node's own placeholder rather than removed, because some npm versions
 * refuse to load a config that names an unset variable.
 */
const PLACEHOLDERS = ['NODE_AUTH_TOKEN', 'NPM_TOKEN'];
const PLACEHOLDER = SETUP_NODE_PLACEHOLDER;

/** A copy of `env` without secret-bearing variables, nor any whose value contains a secret. */
export function scrubEnvironment(env: NodeJS.ProcessEnv, secrets: readonly string[]): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || SECRET_VARIABLES.test(name)) continue;
    if (secrets.some((secret) => secret.length >= 4 && value.includes(secret))) continue;
    clean[name] = value;
  }
  for (const name of PLACEHOLDERS) if (env[name] !== undefined) clean[name] = PLACEHOLDER;
  return clean;
}
