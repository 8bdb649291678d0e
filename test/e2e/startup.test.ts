import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makePackage, ROOT, runAction, spawnNode } from '../helpers/action.ts';
import { startRegistry } from '../registry/index.ts';

/**
 * What the bundle loads on each path, not how long it takes (bench/startup.js
 * measures that): each run is preloaded with test/helpers/record-loads.ts,
 * which lists every module node loaded, and the dist/ files among them are
 * looked up in MARKERS.
 */
const DIST = path.join(ROOT, 'dist');
const RECORDER = pathToFileURL(path.join(ROOT, 'test', 'helpers', 'record-loads.ts')).href;

/** A string found only in one package's code: which dist/ files carry that package. */
const MARKERS = {
  '@actions/core': 'Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable',
  undici: 'UND_ERR_CONNECT_TIMEOUT',
  'sigstore/TUF': 'tuf-repo-cdn.sigstore.dev',
  libnpmpublish: 'This package has been marked as private',
  'npm-registry-fetch': 'npm-otp',
} as const;
type Package = keyof typeof MARKERS;
const ENGINE: Package[] = ['libnpmpublish', 'npm-registry-fetch'];
/** The builds of their own that scripts/bundle.js makes for packages loaded only on first use (dist/bundle/<dir>/). */
const DEFERRED = ['actions-exec', 'actions-http-client', 'cacache', 'glob', 'http-cache-semantics', 'http-proxy-agent', 'https-proxy-agent', 'iconv-lite', 'negotiator', 'npmcli-git-find', 'socks-proxy-agent'];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('start-up: each path of dist/ loads only what it needs', () => {
  let work: string;
  /** dist/ files (relative) that carry each package. */
  const carriers = new Map<Package, Set<string>>();

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-startup-'));
    const files = await Promise.all((await listFiles(DIST)).map(async (file) => ({ file: path.relative(DIST, file), text: await readFile(file, 'utf8') })));
    for (const name of Object.keys(MARKERS) as Package[]) {
      carriers.set(name, new Set(files.filter(({ text }) => text.includes(MARKERS[name])).map(({ file }) => file)));
      assert.ok(carriers.get(name)!.size > 0, `no dist/ file holds the ${name} marker ${JSON.stringify(MARKERS[name])}: pick another string of that package`);
    }
  });
  after(() => rm(work, { recursive: true, force: true }));

  let runs = 0;
  /** Runs `run` with the recorder preloaded; returns the packages (by marker) and the dist/ files it loaded. */
  async function recorded<T>(run: (env: Record<string, string>) => Promise<T>, dist = DIST): Promise<{ result: T; files: string[]; packages: Set<Package> }> {
    const record = path.join(work, `loads-${(runs += 1)}.txt`);
    const result = await run({ NODE_OPTIONS: `--import=${RECORDER}`, RECORD_LOADS: record });
    const urls = (await readFile(record, 'utf8')).split('\n');
    const files = urls.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url)).filter((file) => !path.relative(dist, file).startsWith('..')).map((file) => path.relative(dist, file));
    const packages = new Set((Object.keys(MARKERS) as Package[]).filter((name) => files.some((file) => carriers.get(name)!.has(file))));
    return { result, files, packages };
  }
  const cli = (args: string[], env: Record<string, string> = {}) => (recorder: Record<string, string>) =>
    spawnNode([path.join(DIST, 'cli.js'), ...args], { PATH: process.env.PATH ?? '', HOME: work, NODE_DISABLE_COMPILE_CACHE: '1', ...env, ...recorder }, work);
  const action = (inputs: Record<string, string>) => (recorder: Record<string, string>) => runAction({ inputs, env: { HOME: work, ...recorder }, cwd: work });

  it('the CLI answers --version, --help and refused inputs without @actions, undici, sigstore or the engine', async () => {
    for (const [args, code, output] of [
      [['--version'], 0, /^\d+\.\d+\.\d+/],
      [['--help'], 0, /^Usage: npm-totp-publish/],
      [['publish'], 1, /NODE_AUTH_TOKEN \(or NPM_TOKEN\): no registry token was given/],
      [['publish', '--token=abc'], 2, /--token is not accepted/],
    ] as const) {
      const { result, files, packages } = await recorded(cli([...args]));
      assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.match(code === 0 ? result.stdout : result.stderr, output);
      assert.deepEqual([...packages], [], `${args.join(' ')} loaded ${files.join(', ')}`);
      assert.ok(!files.some((file) => file.startsWith(`bundle${path.sep}undici${path.sep}`)), `${args.join(' ')} loaded undici: ${files.join(', ')}`);
    }
  });

  it('the CLI loads the engine once the inputs pass, still without @actions/core, undici or sigstore', async () => {
    const { result, packages } = await recorded(cli(['publish', path.join(work, 'missing')], { NODE_AUTH_TOKEN: 'npm_fake' }));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /does not exist/);
    assert.deepEqual([...packages].sort(), [...ENGINE].sort());
  });

  it('the action reads and refuses its inputs with @actions/core alone, and runs the engine without undici or sigstore', async () => {
    const refused = await recorded(action({ token: '', package: '.' }));
    assert.equal(refused.result.code, 1);
    assert.match(refused.result.stdout, /::error::token .*no registry token was given/);
    assert.deepEqual([...refused.packages], ['@actions/core']);
    assert.ok(!refused.files.includes('cli.js'));

    const engine = await recorded(action({ token: 'npm_fake', package: path.join(work, 'missing') }));
    assert.equal(engine.result.code, 1);
    assert.match(engine.result.stdout, /does not exist/);
    assert.deepEqual([...engine.packages].sort(), ['@actions/core', ...ENGINE].sort());
  });

  it('sigstore, undici and the other deferred packages load on first use, from a copy of dist/ with no node_modules above it', async () => {
    const copy = path.join(work, 'isolated');
    await cp(DIST, path.join(copy, 'dist'), { recursive: true });
    const bundle = path.join(copy, 'dist', 'bundle');
    const shim = (file: string) => JSON.stringify(path.join(bundle, file));
    const esm = (file: string) => JSON.stringify(pathToFileURL(path.join(bundle, file)).href);
    // As the bundled code takes each of them: through its shim (scripts/lazy/).
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const sigstore = require(${shim('sigstore-lazy.cjs')});
      const { ProxyAgent } = await import(${esm('undici-lazy.js')});
      const agent = new ProxyAgent('http://127.0.0.1:9');
      await agent.close();
      // A TUF mirror that refuses the connection: sigstore itself fails, offline.
      const error = await sigstore.verify({}, { tufMirrorURL: 'http://127.0.0.1:9', tufCachePath: ${JSON.stringify(path.join(work, 'tuf'))}, retry: 0, timeout: 2000 }).then(() => undefined, (error) => error);
      const { getExecOutput } = await import(${esm('actions-exec-lazy.js')});
      const { HttpClient } = await import(${esm('actions-http-client-lazy.js')});
      const { HttpProxyAgent, HttpsProxyAgent, SocksProxyAgent } = require(${shim('proxy-agents-lazy.cjs')});
      const CachePolicy = require(${shim('http-cache-semantics-lazy.cjs')});
      const Negotiator = require(${shim('negotiator-lazy.cjs')});
      const cacache = require(${shim('cacache-lazy.cjs')});
      const { decode } = require(${shim('iconv-lite-lazy.cjs')});
      const { glob } = require(${shim('glob-lazy.cjs')});
      const git = require(${shim('npmcli-git-lazy.cjs')});
      console.log(JSON.stringify({
        agent: agent.constructor.name,
        error: error?.name,
        exec: (await getExecOutput(process.execPath, ['-e', 'process.stdout.write("ran")'], { silent: true })).stdout,
        httpClient: new HttpClient('startup-test').userAgent,
        proxies: [new HttpProxyAgent('http://127.0.0.1:9'), new HttpsProxyAgent('http://127.0.0.1:9'), new SocksProxyAgent('socks5://127.0.0.1:9')].map((made) => made.constructor.name),
        socks: SocksProxyAgent.protocols,
        storable: new CachePolicy({ method: 'GET', url: '/', headers: {} }, { status: 200, headers: { 'cache-control': 'max-age=60' } }).storable(),
        mediaType: new Negotiator({ headers: { accept: 'text/html' } }).mediaType(),
        cache: await cacache.ls(${JSON.stringify(path.join(work, 'no-cache'))}),
        latin1: decode(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'latin1'),
        glob: await glob('glob-*.cjs', { cwd: ${JSON.stringify(bundle)} }),
        git: await git.find({ cwd: ${JSON.stringify(bundle)}, root: ${JSON.stringify(copy)} }),
      }));`;
    const { result, files, packages } = await recorded(
      (recorder) => spawnNode(['--input-type=module', '-e', script], { PATH: process.env.PATH ?? '', HOME: work, ...recorder }, copy),
      path.join(copy, 'dist'),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      agent: 'ProxyAgent',
      error: 'TUFError',
      exec: 'ran',
      httpClient: 'startup-test',
      proxies: ['HttpProxyAgent', 'HttpsProxyAgent', 'SocksProxyAgent'],
      socks: ['socks', 'socks4', 'socks4a', 'socks5', 'socks5h'],
      storable: true,
      mediaType: 'text/html',
      cache: {},
      latin1: 'caf\u00e9',
      glob: ['glob-lazy.cjs'],
      git: null,
    });
    for (const dir of DEFERRED) assert.ok(files.includes(path.join('bundle', dir, 'index.js')), `${dir}: ${files.join(', ')}`);
    assert.ok(packages.has('sigstore/TUF') && packages.has('undici'), files.join(', '));
  });

  it('publishes a folder and a .tgz without loading what they do not use (nor child_process)', async () => {
    const registry = await startRegistry();
    try {
      const user = await registry.addUser('startup-publisher');
      const folder = await makePackage({ 'index.js': '1;\n', 'README.md': '# hi\n' }, { name: 'startup-folder', version: '1.0.0' });
      const tarball = path.join(ROOT, 'test', 'fixtures', 'isolated-pkg-1.0.0.tgz');
      // A folder's readme and gypfile steps are answered by the glob shim itself (test/e2e/glob-shim.test.ts).
      for (const [target, used] of [[folder, ['npmcli-git-find']], [tarball, []]] as const) {
        const { result, files } = await recorded(
          (recorder) => runAction({ inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: target }, env: { HOME: work, ...recorder }, cwd: work }),
        );
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.equal(result.outputs.published, 'true');
        const deferred = DEFERRED.filter((dir) => files.includes(path.join('bundle', dir, 'index.js')));
        assert.deepEqual(deferred, used, `${target} loaded ${files.join(', ')}`);
        assert.ok(!files.some((file) => file.startsWith(`bundle${path.sep}undici${path.sep}`)), files.join(', '));
      }
      const loads = await Promise.all(Array.from({ length: runs }, (_, i) => readFile(path.join(work, `loads-${i + 1}.txt`), 'utf8')));
      for (const list of loads.slice(-2)) assert.ok(!list.split('\n').includes('node:child_process'), 'a publish without scripts loaded child_process');
    } finally {
      await registry.close();
    }
  });
});
