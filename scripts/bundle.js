// Rebuilds dist/: tsc compiles src/ to lib/ (ESM), ncc bundles lib/bundle.js
// with every dependency into dist/bundle/, and two small entry files import it:
// dist/index.js (the action, `runs.main`) and dist/cli.js (the CLI bin).
// Usage: node scripts/bundle.js [outDir]   (default dist; the up-to-date test builds elsewhere)
//
// Start-up: node parses and evaluates only what a path needs (test/e2e/startup.test.ts).
// - src/bundle.ts imports the action and the CLI dynamically, and both import the
//   engine dynamically once their inputs are checked: webpack emits each part as
//   chunk files (dist/bundle/<id>.index.js), loaded on first use, shared code once.
// - packages that npm's libraries and @actions/core require at their top but a
//   publish rarely or never uses (sigstore, undici, the HTTP cache, the proxy
//   agents... the `lazy` list below) are mapped by ncc to the small shims in
//   scripts/lazy/, which load the real ones on first use: sigstore from its own
//   chunks of this build, the others from builds of their own (dist/bundle/<dir>/).
// - every emitted file is ASCII, and the main build's files are minified (names kept).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(root, process.argv[2] ?? 'dist');
process.noDeprecation = true; // as the ncc CLI does: its tsconfig lookup calls fs.existsSync(undefined) for a package without one (DEP0187)
process.chdir(root); // ncc reads tsconfig.json and filters assets from the working folder
const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
// tsc output: always lib/ (gitignored), since its path is named in the bundle's comments.
const lib = path.join(root, 'lib');
rmSync(lib, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules', '.bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', lib], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(out, { recursive: true, force: true });
const bundle = path.join(out, 'bundle');

/**
 * One ncc build into `dir`, written as the ncc CLI writes it. --minify breaks ncc's ESM output (`require is not defined`:
 * the main build is minified below instead); source maps would bloat the diff. No persistent cache: ncc keeps one per
 * working folder in ~/.cache/ncc, and a build must not depend on what an earlier checkout at that path left there.
 */
async function build(entry, dir, externals = {}) {
  const { code, assets, symlinks, stats } = await ncc(entry, { externals, target: 'es2022', quiet: true, cache: false });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.js'), code, { mode: code.startsWith('#!') ? 0o755 : 0o644 });
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), asset.source, { mode: asset.permissions });
  }
  for (const [name, target] of Object.entries(symlinks)) symlinkSync(target, path.join(dir, name));
  refuseMissingModules(dir, [code, ...Object.values(assets).map((asset) => String(asset.source))]);
  return stats;
}

/**
 * ncc does not fail on a module it cannot find: it writes `eval("require")("x")`, which throws only when that
 * path runs (a removed dependency would pass the build and break a publish). Only optional peers of npm's
 * libraries that they guard themselves may stay unresolved.
 */
function refuseMissingModules(dir, sources) {
  const optional = new Set(['supports-color', 'kerberos']);
  const missing = new Set(sources.flatMap((text) => [...text.matchAll(/eval\("require"\)\("([^"]+)"\)/g)].map((match) => match[1])).filter((name) => !optional.has(name)));
  if (missing.size > 0) throw new Error(`the bundle in ${dir} could not resolve ${[...missing].join(', ')}: install it (npm ci), or add it to the optional list in scripts/bundle.js if nothing needs it`);
}

// Packages that the bundled code requires at its top but needs only on some paths:
// ncc maps each to a shim (scripts/lazy/) that loads the real one on first use, so
// that a publish parses only what it runs (test/e2e/startup.test.ts).
// sigstore's functions are all async, so its shim asks the bundle for a chunk
// (src/bundle.ts loadSigstore). The others each get a build of their own
// (dist/bundle/<dir>/), loaded by their shim on first use:
// - undici: only @actions/http-client's ProxyAgent;
// - @actions/exec (@actions/core's platform details) and @actions/http-client
//   (@actions/core's getIDToken; its undici through undici's shim);
// - the proxy agents: @npmcli/agent, only behind a proxy;
// - cacache, http-cache-semantics, negotiator: make-fetch-happen's HTTP cache,
//   only with a cache folder (never here);
// - iconv-lite: minipass-fetch's textConverted; jsonparse: npm-registry-fetch's json.stream;
// - glob: @npmcli/package-json's readme, man and bin folders (a folder, not a .tgz);
// - @npmcli/git: @npmcli/package-json uses only its find(), built alone.
// What they share with the rest (minipass, agent-base) is copied into their
// build: parsed only when they load.
const within = (user) => ({ paths: [path.join(root, 'node_modules', user)] });
/** An ESM-only package (no `require` export) as `user` imports it: the copy in its own node_modules, else the project's. */
const importedBy = (name, user) => {
  const nested = path.join(root, 'node_modules', user, 'node_modules', name);
  if (existsSync(nested)) throw new Error(`scripts/bundle.js: ${user} has its own ${name}; resolve that one.`);
  return fileURLToPath(import.meta.resolve(name));
};
const lazy = [
  { name: 'sigstore', shim: 'sigstore-lazy.cjs', source: 'sigstore.cjs' },
  { name: 'undici', shim: 'undici-lazy.js', source: 'undici.js', build: require.resolve('undici', within('@actions/http-client')) },
  { name: '@actions/exec', dir: 'actions-exec', shim: 'actions-exec-lazy.js', source: 'actions-exec.js', build: importedBy('@actions/exec', '@actions/core') },
  { name: '@actions/http-client', dir: 'actions-http-client', shim: 'actions-http-client-lazy.js', source: 'actions-http-client.js', build: importedBy('@actions/http-client', '@actions/core'), externals: { undici: '../undici-lazy.js' } },
  ...['cacache', 'http-cache-semantics', 'negotiator'].map((name) => ({ name, shim: `${name}-lazy.cjs`, source: `${name}.cjs`, build: require.resolve(name, within('make-fetch-happen')) })),
  ...['http-proxy-agent', 'https-proxy-agent', 'socks-proxy-agent'].map((name) => ({ name, shim: 'proxy-agents-lazy.cjs', source: 'proxy-agents.cjs', build: require.resolve(name, within('@npmcli/agent')) })),
  { name: 'iconv-lite', shim: 'iconv-lite-lazy.cjs', source: 'iconv-lite.cjs', build: require.resolve('iconv-lite', within('minipass-fetch')) },
  { name: 'jsonparse', shim: 'jsonparse-lazy.cjs', source: 'jsonparse.cjs', build: require.resolve('jsonparse', within('npm-registry-fetch')) },
  { name: 'glob', shim: 'glob-lazy.cjs', source: 'glob.cjs', build: require.resolve('glob', within('@npmcli/package-json')) },
  { name: '@npmcli/git', dir: 'npmcli-git-find', shim: 'npmcli-git-lazy.cjs', source: 'npmcli-git.cjs', build: require.resolve('@npmcli/git/lib/find.js', within('@npmcli/package-json')) },
];
const builds = [await build(path.join(lib, 'bundle.js'), bundle, Object.fromEntries(lazy.map(({ name, shim }) => [name, `./${shim}`])))];
for (const { name, dir = name, source, shim, build: entry, externals } of lazy) {
  copyFileSync(path.join(root, 'scripts', 'lazy', source), path.join(bundle, shim));
  if (!entry) continue;
  builds.push(await build(entry, path.join(bundle, dir), externals));
  // ESM when the package is (the proxy agents, @actions/*): the shims require() or import() it, as node 24 allows.
  const esm = /^import /m.test(readFileSync(path.join(bundle, dir, 'index.js'), 'utf8'));
  writeFileSync(path.join(bundle, dir, 'package.json'), `${JSON.stringify({ type: esm ? 'module' : 'commonjs' }, null, 2)}\n`);
}
for (const { name, dir = name, source, shim, build: entry } of lazy) {
  if (entry) checkStatics(name, dir, shim, source);
  await checkShim(name, shim, source, builds);
}

/** Refuses a shim class whose static fields (read at the top of the code that requires it) differ from the real class's. */
function checkStatics(name, dir, shim, source) {
  const real = require(path.join(bundle, dir, 'index.js'));
  const stand = shim.endsWith('.cjs') ? require(path.join(bundle, shim)) : {};
  // A shim may stand in for several packages (the proxy agents): only what this one exports is compared.
  const classes = [[name, stand, real], ...Object.entries(stand).filter(([exported]) => real?.[exported] !== undefined).map(([exported, value]) => [exported, value, real[exported]])];
  for (const [label, value, counterpart] of classes) {
    if (typeof value !== 'function' || !/^class\b/.test(Function.prototype.toString.call(value))) continue;
    for (const key of Object.getOwnPropertyNames(value)) {
      if (['length', 'name', 'prototype'].includes(key) || typeof value[key] === 'function') continue;
      if (!isDeepStrictEqual(value[key], counterpart?.[key])) throw new Error(`scripts/bundle.js: ${label}.${key} in scripts/lazy/${source} is ${JSON.stringify(value[key])}; the real ${name} has ${JSON.stringify(counterpart?.[key])}.`);
    }
  }
}

/** Modules with those webpack concatenated into them. */
function flatten(modules) {
  return modules.flatMap((module) => [module, ...flatten(module.modules ?? [])]);
}

/** Refuses a shim that lacks a name the bundled code takes from its package (`import { a } from 'x'`, `const x = require('x'); x.a`). */
async function checkShim(name, shim, source, builds) {
  const file = path.join(bundle, shim);
  const provided = new Set(Object.keys(shim.endsWith('.cjs') ? require(file) : await import(pathToFileURL(file).href)));
  // A concatenated module lists its parts but not who imported an external among them: any part that names the package.
  const externalName = (module) => module.name === `external "./${shim}"` || module.name === `external "../${shim}"`;
  const users = new Set();
  for (const module of builds.flatMap((stats) => stats.toJson({ all: false, modules: true, reasons: true, modulesSpace: Infinity, nestedModules: true }).modules)) {
    for (const part of [module, ...flatten(module.modules ?? [])].filter(externalName)) {
      const reasons = (part.reasons ?? []).map((reason) => reason.resolvedModuleIdentifier ?? reason.moduleIdentifier);
      for (const user of reasons.length > 0 ? reasons : flatten(module.modules ?? []).filter((other) => !other.name.startsWith('external ')).map((other) => other.identifier)) users.add(user);
    }
  }
  if (users.size === 0) throw new Error(`scripts/bundle.js: nothing requires ${name} any more; drop its shim.`);
  for (const user of users) {
    const text = readFileSync(user.replace(/^.*!/, '').replace(/\|[0-9a-f]+$/, ''), 'utf8');
    if (!text.includes(`'${name}'`) && !text.includes(`"${name}"`)) continue;
    const imported = [...text.matchAll(new RegExp(`import\\s*\\{([^{}]*)\\}\\s*from\\s*['"]${name}['"]`, 'g'))].flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s+as\s+/)[0]).filter(Boolean));
    const variables = [
      ...[...text.matchAll(new RegExp(`(?:const|let|var)\\s+(\\w+)\\s*=\\s*require\\(['"]${name}['"]\\)`, 'g'))].map((m) => m[1]),
      ...[...text.matchAll(new RegExp(`import\\s*\\*\\s*as\\s+(\\w+)\\s+from\\s*['"]${name}['"]`, 'g'))].map((m) => m[1]),
    ];
    const destructured = [...text.matchAll(new RegExp(`(?:const|let|var)\\s*\\{([^{}]*)\\}\\s*=\\s*require\\(['"]${name}['"]\\)`, 'g'))].flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s*:\s*/)[0]).filter(Boolean));
    const read = [...text.matchAll(new RegExp(`require\\(['"]${name}['"]\\)\\.(\\w+)`, 'g'))].map((m) => m[1]);
    const used = [...imported, ...destructured, ...read, ...variables.flatMap((variable) => [...text.matchAll(new RegExp(`\\b${variable}\\.(\\w+)`, 'g'))].map((m) => m[1]))];
    if (imported.length + variables.length + destructured.length + read.length === 0) throw new Error(`scripts/bundle.js: cannot tell what ${user} takes from ${name}; check ${shim}.`);
    const missing = used.filter((used) => !provided.has(used));
    if (missing.length > 0) throw new Error(`scripts/bundle.js: ${user} uses ${missing.join(', ')} from ${name}, which scripts/lazy/${source} lacks.`);
  }
}

// The main build's files minified: comments, white space and local names only (no
// compression, function and class names kept, as some code reads them). Terser drops the
// parentheses webpack writes around each module function, which tell V8 to compile it
// at once rather than parse it twice (first lazily, then when it runs): they are put back.
// About 10-15 ms less start-up for a publish (bench/README.md); the code means the same.
const { minify } = await import('terser');
const acorn = await import('acorn');
/** The module tables (`{ <id>: (module, exports, require) => {...} }`) in a chunk's syntax tree. */
function moduleTables(node, found = []) {
  if (node === null || typeof node !== 'object') return found;
  if (node.type === 'ObjectExpression' && node.properties.length > 0 && node.properties.every((property) => property.type === 'Property' && property.key.type === 'Literal' && typeof property.key.value === 'number' && /^(Arrow)?Function(Expression)?$/.test(property.value.type))) found.push(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) moduleTables(child, found);
    else if (value !== null && typeof value === 'object' && typeof value.type === 'string') moduleTables(value, found);
  }
  return found;
}
for (const name of readdirSync(bundle).filter((name) => /^(\d+\.)?index\.js$/.test(name))) {
  const file = path.join(bundle, name);
  const { code } = await minify(readFileSync(file, 'utf8'), { module: true, compress: false, mangle: true, keep_classnames: true, keep_fnames: true, format: { comments: false, ascii_only: true } });
  const edits = moduleTables(acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' }))
    .flatMap((table) => table.properties.flatMap((property) => [[property.value.start, '('], [property.value.end, ')']]))
    .sort((a, b) => b[0] - a[0]);
  if (edits.length === 0 && name !== 'index.js') throw new Error(`scripts/bundle.js: no module table found in ${name} after minifying; webpack's chunk format changed?`);
  let wrapped = code;
  for (const [at, text] of edits) wrapped = wrapped.slice(0, at) + text + wrapped.slice(at);
  writeFileSync(file, `${wrapped}\n`);
}

// Every emitted file in ASCII: node decodes a file with any other character into a
// two-byte string, which takes longer to decode and to parse (bench/startup.js:
// 10-15 ms less start-up). Each other UTF-16 unit becomes a \uXXXX escape, which
// means the same in strings, templates, regular expressions, identifiers and comments
// (not in a raw template, refused here; `node --check` refuses what no longer parses).
for (const entry of readdirSync(bundle, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.c?js$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\0-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii === text) continue;
  if (/String\.raw`[^`]*[^\0-\x7f]/.test(text)) throw new Error(`scripts/bundle.js: ${file} has a String.raw template with a character outside ASCII, which an escape would change.`);
  writeFileSync(file, ascii);
  execFileSync(process.execPath, ['--check', file], { stdio: ['ignore', 'ignore', 'inherit'] });
}

writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
// Both entries end the process once their work is done and their output flushed, as npm does:
// node's own teardown of a full heap takes longer, and nothing (a keep-alive socket) can hold it.
const exit = "// Flushed first: a pipe is asynchronous on Windows.\nprocess.stdout.write('', () => process.stderr.write('', () => process.exit()));\n";
writeFileSync(path.join(out, 'index.js'), `// The GitHub Action's entry (action.yml runs.main). Built by scripts/bundle.js.\nimport { runAction } from './bundle/index.js';\n\nawait runAction();\n${exit}`);
// The CLI turns on node's compile cache (in os.tmpdir(); NODE_DISABLE_COMPILE_CACHE=1 turns it
// off) before it imports the bundle: run again on one machine, it starts from cached V8 code.
// The action does not: each job on a hosted runner starts with an empty temp folder, where
// writing the cache only costs (bench/startup.js, bench/README.md).
writeFileSync(
  path.join(out, 'cli.js'),
  `#!/usr/bin/env node\n// The npm-totp-publish CLI. Built by scripts/bundle.js.\nimport module from 'node:module';\n\nmodule.enableCompileCache?.();\nconst { runCli } = await import('./bundle/index.js');\n\nprocess.exitCode = await runCli(process.argv.slice(2), process.env, {\n  stdout: (text) => process.stdout.write(text),\n  stderr: (text) => process.stderr.write(text),\n  cwd: process.cwd(),\n});\n${exit}`,
);
chmodSync(path.join(out, 'cli.js'), 0o755);
rmSync(lib, { recursive: true, force: true });
