import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LAZY } from '../../scripts/bundle.js';
import { makePackage, ROOT, runAction, runCli, spawnNode } from '../helpers/action.ts';
import { product } from '../helpers/product.ts';
import { startRegistry } from '../registry/index.ts';

/**
 * What the bundle loads on each path, not how long it takes (bench/startup.js
 * measures that): each run is preloaded with test/helpers/record-loads.ts,
 * which lists every module node loaded, and the dist/ files among them are
 * looked up in MARKERS.
 */
/** dist/ as the action's users get it, and as the CLI's install holds it. */
const ACTION_DIST = path.join(product().action, 'dist');
const CLI_DIST = path.join(product().prefix, 'lib', 'node_modules', 'npm-totp-publish', 'dist');
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
const DEFERRED = LAZY.map((entry) => entry.dir ?? entry.name);

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
    const files = await Promise.all(
      (await listFiles(ACTION_DIST)).map(async (file) => ({ file: path.relative(ACTION_DIST, file), text: await readFile(file, 'utf8') })),
    );
    for (const name of Object.keys(MARKERS) as Package[]) {
      carriers.set(name, new Set(files.filter(({ text }) => text.includes(MARKERS[name])).map(({ file }) => file)));
      assert.ok(carriers.get(name)!.size > 0, `no dist/ file holds the ${name} marker ${JSON.stringify(MARKERS[name])}: pick another string of that package`);
    }
  });
  after(() => rm(work, { recursive: true, force: true }));

  let runs = 0;
  /** Runs `run` with the recorder preloaded; returns the packages (by marker) and the dist/ files it loaded. */
  async function recorded<T>(
    run: (env: Record<string, string>) => Promise<T>,
    dist = ACTION_DIST,
  ): Promise<{ result: T; files: string[]; packages: Set<Package> }> {
    const record = path.join(work, `loads-${(runs += 1)}.txt`);
    const result = await run({ NODE_OPTIONS: `--import=${RECORDER}`, RECORD_LOADS: record });
    const urls = (await readFile(record, 'utf8')).split('\n');
    const files = urls
      .filter((url) => url.startsWith('file:'))
      .map((url) => fileURLToPath(url))
      .filter((file) => !path.relative(dist, file).startsWith('..'))
      .map((file) => path.relative(dist, file));
    const packages = new Set((Object.keys(MARKERS) as Package[]).filter((name) => files.some((file) => carriers.get(name)!.has(file))));
    return { result, files, packages };
  }
  const cli =
    (args: string[], env: Record<string, string> = {}) =>
    (recorder: Record<string, string>) =>
      runCli(args, { PATH: process.env.PATH ?? '', HOME: work, NODE_DISABLE_COMPILE_CACHE: '1', ...env, ...recorder }, work);
  const action = (inputs: Record<string, string>) => (recorder: Record<string, string>) => runAction({ inputs, env: { HOME: work, ...recorder }, cwd: work });

  // --help and the refusal of a command's arguments read the command descriptors (src/commands/), whose steps call
  // npm's libraries: those load with them (about 0.1 s, on paths that end without a request), never @actions or sigstore.
  it('the CLI answers --version with nothing, and --help and refused inputs without @actions, undici or sigstore', async () => {
    for (const [args, code, output, loads] of [
      [['--version'], 0, /^\d+\.\d+\.\d+/, []],
      [['--help'], 0, /^Usage: npm-totp-publish/, ENGINE],
      [['dist-tag', '--help'], 0, /^Usage: npm-totp-publish dist-tag <subcommand>[^]*dist-tag rm <pkg> <tag>/, ENGINE],
      [['publish'], 1, /NODE_AUTH_TOKEN \(or NPM_TOKEN\): no registry token was given/, ENGINE],
      [['publish', '--token=abc'], 2, /--token is not accepted/, ENGINE],
    ] as const) {
      const { result, files, packages } = await recorded(cli([...args]), CLI_DIST);
      assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.match(code === 0 ? result.stdout : result.stderr, output);
      assert.deepEqual([...packages].sort(), [...loads].sort(), `${args.join(' ')} loaded ${files.join(', ')}`);
      assert.ok(!files.some((file) => file.startsWith(`bundle${path.sep}undici${path.sep}`)), `${args.join(' ')} loaded undici: ${files.join(', ')}`);
    }
  });

  it('the CLI loads the engine once the inputs pass, still without @actions/core, undici or sigstore', async () => {
    const { result, packages } = await recorded(cli(['publish', path.join(work, 'missing')], { NODE_AUTH_TOKEN: 'npm_fake' }), CLI_DIST);
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

  it('every deferred package loads on first use through its shim, and works, from the folder uses: checks out', async () => {
    const bundle = path.join(ACTION_DIST, 'bundle');
    // Requiring every shim loads no real package: the script records what is loaded before the first use.
    const script = `
      import { createRequire } from 'node:module';
      import { writeFileSync } from 'node:fs';
      const require = createRequire(import.meta.url);
      const shims = Object.fromEntries(${JSON.stringify(DEFERRED)}.map((dir) => [dir, require(${JSON.stringify(bundle)} + '/' + dir + '-lazy.cjs')]));
      writeFileSync(${JSON.stringify(path.join(work, 'before-use.txt'))}, Object.keys(require.cache).join('\\n'));
      const { ProxyAgent } = shims.undici;
      const agent = new ProxyAgent('http://127.0.0.1:9');
      await agent.close();
      // A TUF mirror that refuses the connection: sigstore itself fails, offline.
      const error = await shims.sigstore.verify({}, { tufMirrorURL: 'http://127.0.0.1:9', tufCachePath: ${JSON.stringify(path.join(work, 'tuf'))}, retry: 0, timeout: 2000 }).then(() => undefined, (error) => error);
      const { getExecOutput } = shims['actions-exec'];
      const { HttpClient } = shims['actions-http-client'];
      const { HttpProxyAgent } = shims['http-proxy-agent'];
      const { HttpsProxyAgent } = shims['https-proxy-agent'];
      const { SocksProxyAgent } = shims['socks-proxy-agent'];
      const CachePolicy = shims['http-cache-semantics'];
      const Negotiator = shims.negotiator;
      const Parser = shims.jsonparse;
      const parsed = [];
      const parser = new Parser();
      parser.onValue = function (value) { if (this.stack.length === 0) parsed.push(value); };
      parser.write('{"a":[1,2]}');
      console.log(JSON.stringify({
        agent: agent.constructor.name,
        error: error?.name,
        exec: (await getExecOutput(process.execPath, ['-e', 'process.stdout.write("ran")'], { silent: true })).stdout,
        httpClient: new HttpClient('startup-test').userAgent,
        proxies: [new HttpProxyAgent('http://127.0.0.1:9'), new HttpsProxyAgent('http://127.0.0.1:9'), new SocksProxyAgent('socks5://127.0.0.1:9')].map((made) => made.constructor.name),
        socks: SocksProxyAgent.protocols,
        storable: new CachePolicy({ method: 'GET', url: '/', headers: {} }, { status: 200, headers: { 'cache-control': 'max-age=60' } }).storable(),
        mediaType: new Negotiator({ headers: { accept: 'text/html' } }).mediaType(),
        cache: await shims.cacache.ls(${JSON.stringify(path.join(work, 'no-cache'))}),
        latin1: shims['iconv-lite'].decode(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'latin1'),
        parsed,
        glob: await shims.glob.glob('glob-*.cjs', { cwd: ${JSON.stringify(bundle)} }),
        git: await shims['npmcli-git'].find({ cwd: ${JSON.stringify(bundle)}, root: ${JSON.stringify(product().action)} }),
      }));`;
    const { result, files, packages } = await recorded((recorder) =>
      spawnNode(['--input-type=module', '-e', script], { PATH: process.env.PATH ?? '', HOME: work, ...recorder }, work),
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
      parsed: [{ a: [1, 2] }],
      glob: ['glob-lazy.cjs'],
      git: null,
    });
    const beforeUse = (await readFile(path.join(work, 'before-use.txt'), 'utf8')).split('\n');
    for (const dir of DEFERRED) {
      assert.ok(!beforeUse.includes(path.join(bundle, dir, 'index.js')), `requiring the shim of ${dir} loaded the real one`);
      assert.ok(files.includes(path.join('bundle', dir, 'index.js')), `${dir}: ${files.join(', ')}`);
    }
    assert.ok(packages.has('sigstore/TUF') && packages.has('undici'), files.join(', '));
  });

  it('publishes a folder and a .tgz without loading what they do not use', async () => {
    const registry = await startRegistry();
    try {
      const user = await registry.addUser('startup-publisher');
      const folder = await makePackage({ 'index.js': '1;\n', 'README.md': '# hi\n' }, { name: 'startup-folder', version: '1.0.0' });
      const tarball = path.join(ROOT, 'test', 'fixtures', 'isolated-pkg-1.0.0.tgz');
      // A folder: @npmcli/package-json's readme and gypfile steps (glob) and its gitHead step (@npmcli/git);
      // a .tgz: the same readme and gypfile steps, but never gitHead.
      for (const [target, used] of [
        [folder, ['glob', 'npmcli-git']],
        [tarball, ['glob']],
      ] as const) {
        const { result, files } = await recorded((recorder) =>
          runAction({
            inputs: { token: user.token, 'otp-secret': user.secret, registry: registry.url, package: target },
            env: { HOME: work, ...recorder },
            cwd: work,
          }),
        );
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.equal(result.outputs.published, 'true');
        const deferred = DEFERRED.filter((dir) => files.includes(path.join('bundle', dir, 'index.js')));
        assert.deepEqual(deferred, used, `${target} loaded ${files.join(', ')}`);
        assert.ok(!files.some((file) => file.startsWith(`bundle${path.sep}undici${path.sep}`)), files.join(', '));
      }
    } finally {
      await registry.close();
    }
  });
});
