import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileCacheEnv, product, ROOT } from './product.ts';

export { ROOT };

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Outputs the step set, parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** Raw GITHUB_OUTPUT file. */
  outputFile: string;
  /** The job summary (GITHUB_STEP_SUMMARY file). */
  summary: string;
}

/**
 * Runs the action exactly as the runner does: `node <action>/dist/index.js` from the folder
 * `uses:` checks out (test/helpers/product.ts: no node_modules in or above it), with every
 * input as an `INPUT_<NAME>` variable (name upper-cased, spaces to underscores, hyphens kept),
 * fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and the workspace (`cwd`, default an empty
 * folder) as the working directory, and the run's compile cache (compileCacheEnv, a speed-up only).
 * `action`: another laid-out action folder (layOutProduct).
 */
export async function runAction(options: {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  cwd?: string;
  action?: string;
  /** Called with each piece of stdout as it arrives (a test that acts on the live log, as a person would). */
  onStdout?: (text: string) => void;
}): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-runner-'));
  const outputPath = path.join(dir, 'output');
  const summaryPath = path.join(dir, 'summary');
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.homedir(),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    // The action reads npm's user and global config as npm does: none of this machine's, unless a test gives one
    // (an empty value unsets it, as npm reads the environment).
    NPM_CONFIG_USERCONFIG: path.join(dir, 'no-user-npmrc'),
    NPM_CONFIG_GLOBALCONFIG: path.join(dir, 'no-global-npmrc'),
    ...compileCacheEnv(),
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  try {
    const entry = path.join(options.action ?? product().action, 'dist', 'index.js');
    let cwd = options.cwd;
    if (cwd === undefined) {
      cwd = path.join(dir, 'workspace');
      await mkdir(cwd);
    }
    const { code, stdout, stderr } = await spawnCommand(process.execPath, [entry], env, cwd, options.onStdout);
    const outputFile = await readFile(outputPath, 'utf8');
    return { code, stdout, stderr, outputs: parseOutputFile(outputFile), outputFile, summary: await readFile(summaryPath, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the CLI as installed from its packed tarball (test/helpers/product.ts), through the bin
 * npm linked, with exactly `env` (Node 24 first on PATH, for the bin's `#!/usr/bin/env node`; the run's
 * compile cache, compileCacheEnv, unless `env` says otherwise).
 */
export function runCli(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? process.env.PATH ?? ''}`;
  return spawnCommand(product().cli, args, { ...compileCacheEnv(), ...env, PATH }, cwd);
}

/** Runs `node <args>` with exactly `env`; collects both streams. */
export function spawnNode(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return spawnCommand(process.execPath, args, env, cwd);
}

function spawnCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  onStdout?: (text: string) => void,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(chunk.toString());
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Parses `name<<DELIMITER\nvalue\nDELIMITER` blocks, as the runner does. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/** stdout without the runner's `::add-mask::` commands, which the runner consumes and never shows. */
export function visibleLog(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** Folders made by makePackage in this process; removed when it exits (each test file runs in a process of its own). */
const madePackages = new Set<string>();
process.once('exit', () => {
  for (const dir of madePackages) rmSync(dir, { recursive: true, force: true });
});

/** Makes a small package in a new temporary folder, removed when the test process exits. */
export async function makePackage(files: Record<string, string>, manifest: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-pkg-'));
  madePackages.add(dir);
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}
