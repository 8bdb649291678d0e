// Rebuilds dist/: tsc compiles src/ to lib/ (ESM), ncc bundles lib/bundle.js with every
// dependency into dist/bundle/, and two small entry files import it: dist/index.js (the
// action, `runs.main`) and dist/cli.js (the CLI bin).
// Usage: node scripts/bundle.js [outDir]   (default dist)
//
// Start-up: Node parses and evaluates only what a path needs (test/e2e/startup.test.ts).
// - src/bundle.ts imports the action and the CLI dynamically, and both import the engine
//   dynamically once their inputs are checked: webpack emits each part as chunk files
//   (dist/bundle/<id>.index.js), loaded on first use, shared code once.
// - LAZY below: packages that npm's libraries and @actions/core require at their top but
//   that a publish rarely or never uses. Each is built on its own (dist/bundle/<dir>/), and
//   the bundle requires a shim generated from the real package's exports instead, which
//   loads the real one on first use.
// - dist/licenses.txt: the licence notice of every package any build bundled, which their licences ask for in
//   every copy; dist/bundled-packages.json records which build holds which (scripts/check-licenses.js).
// - At the end scripts/check-bundle.js refuses a bundle that can load anything outside dist/.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire, findPackageJSON } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { checkBundle } from './check-bundle.js';
import { LICENSES_FILE, licenseProblems, licensesText, packageNotice, RECORD_FILE } from './check-licenses.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** tsc output: always lib/ (gitignored), since its path is named in the bundle's comments. */
const lib = path.join(root, 'lib');
const require = createRequire(import.meta.url);

/**
 * Packages loaded on first use: `name` as the bundled code requires it, `from` the package whose
 * copy is built (npm's libraries may each have their own version), `dir` the build's folder, `lazy`
 * the packages of this table that its own build loads on first use too (the same copies), listed
 * before it (its shim is made by loading its build).
 */
export const LAZY = [
  { name: 'undici', from: '@actions/http-client', why: "@actions/http-client's ProxyAgent, never used here (0.9 MB)" },
  { name: 'cacache', from: 'make-fetch-happen', why: "make-fetch-happen's HTTP cache, used only with a cache folder (never here)" },
  { name: 'http-cache-semantics', from: 'make-fetch-happen', why: 'the same HTTP cache' },
  { name: 'negotiator', from: 'make-fetch-happen', why: 'the same HTTP cache' },
  { name: 'http-proxy-agent', from: '@npmcli/agent', why: 'only behind a proxy' },
  { name: 'https-proxy-agent', from: '@npmcli/agent', why: 'only behind a proxy' },
  { name: 'socks-proxy-agent', from: '@npmcli/agent', why: 'only behind a proxy' },
  { name: 'iconv-lite', from: 'minipass-fetch', why: "minipass-fetch's textConverted, never called here (0.3 MB of code pages)" },
  { name: 'jsonparse', from: 'npm-registry-fetch', why: "npm-registry-fetch's json.stream, never called here" },
  { name: 'glob', from: '@npmcli/package-json', why: 'the readme, gyp files, man pages and bin folder of a folder or a .tgz, and workspace folders' },
  { name: '@npmcli/git', from: '@npmcli/package-json', dir: 'npmcli-git', why: "@npmcli/package-json's gitHead step (find); not a .tgz" },
  { name: '@actions/exec', from: '@actions/core', dir: 'actions-exec', why: "@actions/core's platform details, never used here" },
  {
    name: '@actions/http-client',
    from: '@actions/core',
    dir: 'actions-http-client',
    why: "@actions/core's getIDToken: trusted publishing and provenance only",
    lazy: ['undici'],
  },
  { name: 'sigstore', from: 'libnpmpublish', why: 'provenance only (with TUF, 0.5 MB)' },
];

/**
 * Optional packages that bundled libraries try to load and do without: debug (supports-color: no colours
 * then) and the proxy agents' Negotiate authentication (kerberos, a native addon no bundle can carry: that
 * one kind of proxy authentication fails when tried). They get an empty module, dist/bundle/absent.cjs:
 * an ES build imports its externals when it loads, so a module that throws would stop the whole build.
 */
export const ABSENT = ['supports-color', 'kerberos'];

const dirOf = (entry) => entry.dir ?? entry.name;
const shimOf = (entry) => `${dirOf(entry)}-lazy.cjs`;

/**
 * One ncc build into `dir`, written as the ncc CLI writes it. Not minified (ncc's --minify breaks its ESM
 * output); no source maps; no persistent cache, so a build does not depend on what an earlier one left.
 * Returns the package folders it bundled.
 */
async function build(entry, dir, externals) {
  const ncc = require('@vercel/ncc');
  const { code, assets, symlinks, stats } = await ncc(entry, { externals, target: 'es2022', quiet: true, cache: false });
  // ncc's asset relocator copies files that code seems to read (path.resolve(dir, 'package.json') with dir unknown
  // at build time matched every package.json of node_modules once): a bundle never carries node_modules.
  const copied = Object.keys(assets).filter((name) => name.split(/[\\/]/).includes('node_modules'));
  if (copied.length > 0)
    throw new Error(
      `scripts/bundle.js: ncc copied ${copied.length} files of node_modules into ${dir} (${copied.slice(0, 3).join(', ')}...): find the path expression in ${entry} it read as a file, and write it so that it cannot be read so.`,
    );
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.js'), code, { mode: code.startsWith('#!') ? 0o755 : 0o644 });
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), asset.source, { mode: asset.permissions });
  }
  for (const [name, target] of Object.entries(symlinks)) symlinkSync(target, path.join(dir, name));
  // An ESM package builds to ESM (the @actions packages): its folder says so, for Node.
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ type: /^import /m.test(code) ? 'module' : 'commonjs' }, null, 2)}\n`);
  return bundledFolders(stats.compilation);
}

/**
 * The node_modules package folders whose files a build put into its output: the file of every module of every
 * chunk, and of each module webpack concatenated into one. (Not ncc's `license` option: it writes one file per
 * chunk under the same name, so a build's last chunk wins, and it keeps one version of a package bundled twice.)
 */
function bundledFolders(compilation) {
  const folders = new Set();
  const visit = (module) => {
    for (const inner of module.modules ?? []) visit(inner);
    if (typeof module.resource !== 'string') return; // webpack's runtime, an external: no file
    const at = module.resource.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (at < 0) {
      if (path.relative(lib, module.resource).startsWith('..'))
        throw new Error(
          `scripts/bundle.js: ${module.resource} is bundled, but it is neither this project's (lib/) nor in a package of node_modules, so it has no licence notice.`,
        );
      return;
    }
    const base = at + `${path.sep}node_modules${path.sep}`.length;
    const [first = '', second = ''] = module.resource.slice(base).split(path.sep);
    folders.add(path.join(module.resource.slice(0, base), first.startsWith('@') ? path.join(first, second) : first));
  };
  for (const chunk of compilation.chunks) for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(module);
  return [...folders];
}

/**
 * dist/licenses.txt (scripts/check-licenses.js writes each notice) and dist/bundled-packages.json, the record of
 * what each build holds: `{ "<build folder in dist>": [{ name, version, folder (under node_modules) }] }`.
 */
function writeNotices(out, builds) {
  const nodeModules = path.join(root, 'node_modules');
  const notices = [];
  const record = {};
  for (const [dir, folders] of builds) {
    const packages = folders.map((folder) => {
      const notice = packageNotice(folder);
      notices.push(notice);
      return { name: notice.name, version: notice.version, folder: path.relative(nodeModules, folder).split(path.sep).join('/') };
    });
    const order = (a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0);
    record[path.relative(out, dir).split(path.sep).join('/')] = packages.sort(order);
  }
  writeFileSync(path.join(out, LICENSES_FILE), licensesText(notices));
  writeFileSync(path.join(out, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * The file Node loads for `entry.name` when `entry.from` requires it, or imports it when the package is
 * ES-only (the @actions packages have only an `import` condition): the package's `exports` "." or `main`.
 */
function packageEntry(entry) {
  const from = path.join(root, 'node_modules', entry.from, 'package.json');
  const manifestFile = findPackageJSON(entry.name, from);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  let target = manifest.exports?.['.'] ?? manifest.exports ?? manifest.main ?? 'index.js';
  while (target !== null && typeof target === 'object') target = target.require ?? target.import ?? target.default;
  if (typeof target !== 'string') throw new Error(`scripts/bundle.js: cannot tell ${entry.name}'s entry from ${manifestFile}.`);
  return path.resolve(path.dirname(manifestFile), target);
}

/** A data value a shim can carry as written: JSON that reads back equal. */
function isPlainData(value) {
  try {
    return value !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value);
  } catch {
    return false;
  }
}

/**
 * The shim for one lazy package, from its real exports: each function becomes a stand-in that calls
 * (or constructs) the real one; each plain data value is written as is, so reading it loads nothing;
 * anything else is a getter that loads the real package. A function's own properties get the same
 * treatment. `0 && (module.exports = {...})` names the exports for Node's CommonJS lexer, so an ES
 * import of the shim sees them.
 */
function shimSource(entry, real) {
  const lines = [
    "'use strict';",
    `// Generated by scripts/bundle.js (LAZY): stands in for ${entry.name}, which ${entry.from} requires at its top;`,
    `// needed for: ${entry.why}. The real one (./${dirOf(entry)}/) loads on first use.`,
    `let real;`,
    `const load = () => (real ??= require('./${dirOf(entry)}/index.js'));`,
    '// A function (or class) of the same name that calls, or constructs, the real one.',
    'const standIn = (name, get) => ({ [name]: function (...args) { return new.target ? new (get())(...args) : get().apply(this, args); } })[name];',
  ];
  // A function met again (glob.glob.glob, Negotiator.Negotiator) is the stand-in already made.
  const made = new Map();
  const standIn = (value, expression, get) => {
    made.set(value, expression);
    for (const own of Object.getOwnPropertyNames(value)) {
      if (['length', 'name', 'prototype', 'arguments', 'caller'].includes(own)) continue;
      define(expression, own, value[own], `${get}[${JSON.stringify(own)}]`);
    }
  };
  const define = (target, key, value, get) => {
    const expression = `${target}[${JSON.stringify(key)}]`;
    if (typeof value === 'function' && made.has(value)) lines.push(`${expression} = ${made.get(value)};`);
    else if (typeof value === 'function') {
      lines.push(`${expression} = standIn(${JSON.stringify(value.name || key)}, () => ${get});`);
      standIn(value, expression, get);
    } else if (isPlainData(value)) lines.push(`${expression} = ${JSON.stringify(value)};`);
    else lines.push(`Object.defineProperty(${target}, ${JSON.stringify(key)}, { enumerable: true, get: () => ${get} });`);
  };
  if (typeof real === 'function') {
    lines.push(`module.exports = standIn(${JSON.stringify(real.name || 'exported')}, () => load());`);
    standIn(real, 'module.exports', 'load()');
  } else {
    for (const key of Object.keys(real)) if (key !== '__esModule') define('exports', key, real[key], `load()[${JSON.stringify(key)}]`);
    if (real.__esModule) lines.push("Object.defineProperty(exports, '__esModule', { value: true });");
  }
  const names = typeof real === 'function' ? [] : Object.keys(real).filter((key) => key !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(key));
  if (names.length > 0) lines.push(`0 && (module.exports = { ${names.join(', ')} });`);
  return `${lines.join('\n')}\n`;
}

/** Refuses a shim whose exports (and their own properties) differ from the real package's in name or kind. */
function checkShim(entry, shim, real, where = entry.name, seen = new Set()) {
  if (typeof real === 'function' && seen.has(real)) return;
  seen.add(real);
  const keys = (value) =>
    (typeof value === 'function'
      ? Object.getOwnPropertyNames(value).filter((key) => !['length', 'name', 'prototype', 'arguments', 'caller'].includes(key))
      : Object.keys(value ?? {})
    ).sort();
  if (typeof shim !== typeof real) throw new Error(`scripts/bundle.js: the shim of ${where} is a ${typeof shim}, the real one a ${typeof real}.`);
  if (typeof real !== 'function' && (real === null || typeof real !== 'object')) {
    if (!isDeepStrictEqual(shim, real))
      throw new Error(`scripts/bundle.js: the shim of ${where} is ${JSON.stringify(shim)}, the real one ${JSON.stringify(real)}.`);
    return;
  }
  if (!isDeepStrictEqual(keys(shim), keys(real)))
    throw new Error(`scripts/bundle.js: the shim of ${where} exports ${keys(shim).join(', ')}; the real one ${keys(real).join(', ')}.`);
  for (const key of keys(real)) {
    const descriptor = Object.getOwnPropertyDescriptor(shim, key);
    if (descriptor?.get) continue; // read through to the real value
    if (typeof real[key] === 'function' || isPlainData(real[key])) checkShim(entry, shim[key], real[key], `${where}.${key}`, seen);
  }
}

async function main() {
  const out = path.resolve(root, process.argv[2] ?? 'dist');
  process.noDeprecation = true; // as the ncc CLI does: its tsconfig lookup calls fs.existsSync(undefined) for a package without one (DEP0187)
  process.chdir(root); // ncc reads tsconfig.json and filters assets from the working folder
  rmSync(lib, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(root, 'node_modules', '.bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', lib], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  rmSync(out, { recursive: true, force: true });
  const bundle = path.join(out, 'bundle');

  mkdirSync(bundle, { recursive: true });
  writeFileSync(
    path.join(bundle, 'absent.cjs'),
    "'use strict';\n// Generated by scripts/bundle.js (ABSENT): an optional package that is not part of the bundle.\n",
  );
  const externals = (prefix) =>
    Object.fromEntries([...LAZY.map((entry) => [entry.name, `${prefix}${shimOf(entry)}`]), ...ABSENT.map((name) => [name, `${prefix}absent.cjs`])]);
  const builds = [[bundle, await build(path.join(lib, 'bundle.js'), bundle, externals('./'))]];
  for (const entry of LAZY) {
    const others = Object.fromEntries(Object.entries(externals('../')).filter(([name]) => ABSENT.includes(name) || entry.lazy?.includes(name)));
    const source = packageEntry(entry);
    builds.push([path.join(bundle, dirOf(entry)), await build(source, path.join(bundle, dirOf(entry)), others)]);
    const real = require(path.join(bundle, dirOf(entry), 'index.js'));
    writeFileSync(path.join(bundle, shimOf(entry)), shimSource(entry, real));
    checkShim(entry, require(path.join(bundle, shimOf(entry))), real);
  }

  writeNotices(out, builds);
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  // Both entries end the process once their work is done and their output flushed, as npm does:
  // node's own teardown of a full heap takes longer, and nothing (a keep-alive socket) can hold it.
  const exit = "// Flushed first: a pipe is asynchronous on Windows.\nprocess.stdout.write('', () => process.stderr.write('', () => process.exit()));\n";
  writeFileSync(
    path.join(out, 'index.js'),
    `// The GitHub Action's entry (action.yml runs.main). Built by scripts/bundle.js.\nimport { runAction } from './bundle/index.js';\n\nawait runAction();\n${exit}`,
  );
  // The CLI says which Node it needs before loading anything that an older one cannot run. It turns on
  // node's compile cache (in os.tmpdir(); NODE_DISABLE_COMPILE_CACHE=1 turns it off): run again on one
  // machine, it starts from cached code. The action does not: a hosted runner's temp folder starts empty.
  const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
  const major = Number(/^>=(\d+)$/.exec(engines)?.[1] ?? Number.NaN);
  if (!(major > 0)) throw new Error(`scripts/bundle.js: package.json engines.node is "${engines}"; the CLI's check reads ">=<major>".`);
  writeFileSync(
    path.join(out, 'cli.js'),
    [
      '#!/usr/bin/env node',
      '// The npm-totp-publish CLI. Built by scripts/bundle.js.',
      "import module from 'node:module';",
      '',
      `if (Number(process.versions.node.split('.')[0]) < ${major}) {`,
      `  process.stderr.write(\`npm-totp-publish needs Node ${engines} (package.json engines); this is Node \${process.version} (\${process.execPath}).\\n\`);`,
      '  process.exit(1);',
      '}',
      'module.enableCompileCache?.();',
      "const { runCli } = await import('./bundle/index.js');",
      '',
      'process.exitCode = await runCli(process.argv.slice(2), process.env, {',
      '  stdout: (text) => process.stdout.write(text),',
      '  stderr: (text) => process.stderr.write(text),',
      '  cwd: process.cwd(),',
      '});',
      exit,
    ].join('\n'),
  );
  chmodSync(path.join(out, 'cli.js'), 0o755);
  rmSync(lib, { recursive: true, force: true });

  const unnoticed = licenseProblems(out, path.join(root, 'node_modules'));
  if (unnoticed.length > 0) throw new Error(`scripts/bundle.js: the licence notices are incomplete:\n  ${unnoticed.join('\n  ')}`);
  const problems = checkBundle(out);
  if (problems.length > 0) {
    throw new Error(
      `scripts/bundle.js: the bundle can load modules from outside itself:\n${problems.map(({ file, specifier, why }) => `  ${path.relative(root, file)}: ${specifier} (${why})`).join('\n')}`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
