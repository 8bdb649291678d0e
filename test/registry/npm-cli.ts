/**
 * Runs the real npm CLI (the pinned devDependency) against a test registry,
 * with its config, cache and home in a temporary folder: nothing is read from
 * or written to the user's or the repository's npm config.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NPM_CLI = fileURLToPath(new URL('../../node_modules/npm/bin/npm-cli.js', import.meta.url));

export interface NpmResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The `npm error code X` npm printed, if any (EOTP, E403, ...). */
  errorCode: string | undefined;
}

export class NpmClient {
  readonly home: string;
  readonly #registry: string;
  readonly #env: NodeJS.ProcessEnv;

  private constructor(home: string, registry: string, env: NodeJS.ProcessEnv) {
    this.home = home;
    this.#registry = registry;
    this.#env = env;
  }

  /** A client for `registry` authenticating with `token` (none when undefined). */
  static async create(registry: string, token?: string): Promise<NpmClient> {
    const home = await mkdtemp(path.join(tmpdir(), 'npm-cli-'));
    const authKey = `${registry.replace(/^https?:/, '')}:_authToken`;
    const npmrc = [
      `registry=${registry}`,
      token === undefined ? '' : `${authKey}=${token}`,
      `cache=${path.join(home, 'cache')}`,
      'audit=false',
      'fund=false',
      'update-notifier=false',
      'fetch-retries=0',
      'loglevel=http',
    ].join('\n');
    await writeFile(path.join(home, '.npmrc'), `${npmrc}\n`);
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) {
      // Keep the caller's npm settings, CI markers and tokens away from the child.
      if (/^(npm_|NPM_|NODE_AUTH_TOKEN$|GITHUB_|ACTIONS_|CI$)/i.test(name)) continue;
      env[name] = value;
    }
    Object.assign(env, {
      HOME: home,
      NPM_CONFIG_USERCONFIG: path.join(home, '.npmrc'),
      NPM_CONFIG_GLOBALCONFIG: path.join(home, 'global-npmrc'),
      // npm calls module.enableCompileCache(): into the run's cache when `npm test` names one in
      // NODE_COMPILE_CACHE (inherited above; npm's code is then compiled once a run), else into
      // os.tmpdir()/node-compile-cache, which would be left behind: off then.
      ...(process.env['NODE_COMPILE_CACHE'] ? {} : { NODE_DISABLE_COMPILE_CACHE: '1' }),
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
    });
    return new NpmClient(home, registry, env);
  }

  /** Writes a minimal package (package.json and index.js) and returns its folder. */
  async makePackage(name: string, version: string, extra: Record<string, unknown> = {}): Promise<string> {
    const dir = path.join(this.home, 'pkgs', `${name.replace(/[@/]/g, '_')}-${version}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js', ...extra }, null, 2));
    await writeFile(path.join(dir, 'index.js'), `module.exports = ${JSON.stringify(`${name}@${version}`)};\n`);
    return dir;
  }

  /**
   * Runs `npm <args>` in `cwd` (default: the client's home), with `env` added
   * to the cleaned environment; never throws on a non-zero exit.
   */
  run(args: string[], cwd: string = this.home, env: NodeJS.ProcessEnv = {}): Promise<NpmResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [NPM_CLI, ...args, `--registry=${this.#registry}`], {
        cwd,
        env: { ...this.#env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => {
        const errorCode = /npm error code (\S+)/.exec(stderr)?.[1];
        resolve({ code: code ?? -1, stdout, stderr, errorCode });
      });
    });
  }

  /**
   * Runs `npm <args>` on a pseudo-terminal (util-linux `script`), as a person at a terminal runs it: npm's
   * otplease waits for a web approval only when stdin and stdout are TTYs. `BROWSER=true` keeps npm from
   * opening anything. `script` exits 0 whatever npm did: read `errorCode` and the output. Undefined when
   * this machine has no `script`.
   */
  async runInTerminal(args: string[], cwd: string = this.home): Promise<NpmResult | undefined> {
    const script = ['/usr/bin/script', '/bin/script'].find((file) => existsSync(file));
    if (script === undefined) return undefined;
    const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, NPM_CLI, ...args, `--registry=${this.#registry}`].map(quote).join(' ');
    return new Promise((resolve, reject) => {
      const child = spawn(script, ['-qfec', command, '/dev/null'], {
        cwd,
        env: { ...this.#env, BROWSER: 'true', TERM: 'dumb' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr: '', errorCode: /npm error code (\S+)/.exec(stdout)?.[1] }));
    });
  }

  async dispose(): Promise<void> {
    await rm(this.home, { recursive: true, force: true });
  }
}
