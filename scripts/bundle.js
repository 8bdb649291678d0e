// Rebuilds dist/: tsc compiles src/ to lib/ (ESM), ncc bundles lib/bundle.js
// with every dependency into dist/bundle/, and two small entry files import it:
// dist/index.js (the action, `runs.main`) and dist/cli.js (the CLI bin).
// Usage: node scripts/bundle.js [outDir]   (default dist; the up-to-date test builds elsewhere)
//
// Start-up: node parses and evaluates only what a path needs (test/e2e/startup.test.ts).
// - src/bundle.ts imports the action and the CLI dynamically, and both import the
//   engine dynamically once their inputs are checked: webpack emits each part as
//   chunk files (dist/bundle/<id>.index.js), loaded on first use, shared code once.
// - sigstore (provenance and attestation checks only) and undici (only for
//   @actions/http-client's ProxyAgent) are required at the top of the packages
//   that use them; ncc maps them to the small shims in scripts/lazy/, which load
//   the real ones on first use: sigstore from its own chunks of this build,
//   undici from a CommonJS build of its own (dist/bundle/undici/).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** One ncc build into `dir`, written as the ncc CLI writes it. --minify breaks ncc's ESM output (`require is not defined`); source maps would bloat the diff. */
async function build(entry, dir, externals = {}) {
  const { code, assets, symlinks, stats } = await ncc(entry, { externals, target: 'es2022', quiet: true });
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
// ncc maps each to a shim (scripts/lazy/) that loads the real one on first use.
// sigstore's functions are all async, so its shim asks the bundle for a chunk
// (src/bundle.ts loadSigstore); undici's ProxyAgent is a class made synchronously,
// so undici gets a CommonJS build of its own (it shares nothing with the rest).
const lazy = [
  { name: 'sigstore', shim: 'sigstore-lazy.cjs', source: 'sigstore.cjs' },
  { name: 'undici', shim: 'undici-lazy.js', source: 'undici.js', build: require.resolve('undici', { paths: [path.join(root, 'node_modules', '@actions', 'http-client')] }) },
];
const stats = await build(path.join(lib, 'bundle.js'), bundle, Object.fromEntries(lazy.map(({ name, shim }) => [name, `./${shim}`])));
for (const { name, shim, source, build: entry } of lazy) {
  copyFileSync(path.join(root, 'scripts', 'lazy', source), path.join(bundle, shim));
  if (entry) {
    await build(entry, path.join(bundle, name));
    writeFileSync(path.join(bundle, name, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  }
  await checkShim(name, shim, source, stats);
}

/** Refuses a shim that lacks a name the bundled code takes from its package (`import { a } from 'x'`, `const x = require('x'); x.a`). */
async function checkShim(name, shim, source, stats) {
  const file = path.join(bundle, shim);
  const provided = new Set(Object.keys(shim.endsWith('.cjs') ? require(file) : await import(pathToFileURL(file).href)));
  const users = new Set(
    stats
      .toJson({ all: false, modules: true, reasons: true, modulesSpace: Infinity, nestedModules: true })
      .modules.filter((module) => module.name === `external "./${shim}"`)
      .flatMap((module) => module.reasons.map((reason) => reason.resolvedModuleIdentifier ?? reason.moduleIdentifier)),
  );
  if (users.size === 0) throw new Error(`scripts/bundle.js: nothing requires ${name} any more; drop its shim.`);
  for (const user of users) {
    const text = readFileSync(user.replace(/^.*!/, ''), 'utf8');
    const imported = [...text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${name}['"]`, 'g'))].flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s+as\s+/)[0]).filter(Boolean));
    const variables = [...text.matchAll(new RegExp(`(?:const|let|var)\\s+(\\w+)\\s*=\\s*require\\(['"]${name}['"]\\)`, 'g'))].map((m) => m[1]);
    const used = [...imported, ...variables.flatMap((variable) => [...text.matchAll(new RegExp(`\\b${variable}\\.(\\w+)`, 'g'))].map((m) => m[1]))];
    if (imported.length + variables.length === 0) throw new Error(`scripts/bundle.js: cannot tell what ${user} takes from ${name}; check ${shim}.`);
    const missing = used.filter((used) => !provided.has(used));
    if (missing.length > 0) throw new Error(`scripts/bundle.js: ${user} uses ${missing.join(', ')} from ${name}, which scripts/lazy/${source} lacks.`);
  }
}

writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
writeFileSync(path.join(out, 'index.js'), "// The GitHub Action's entry (action.yml runs.main). Built by scripts/bundle.js.\nimport { runAction } from './bundle/index.js';\n\nawait runAction();\n");
// The CLI turns on node's compile cache (in os.tmpdir(); NODE_DISABLE_COMPILE_CACHE=1 turns it
// off) before it imports the bundle: run again on one machine, it starts from cached V8 code.
// The action does not: each job on a hosted runner starts with an empty temp folder, where
// writing the cache only costs (bench/startup.js, bench/README.md).
writeFileSync(
  path.join(out, 'cli.js'),
  "#!/usr/bin/env node\n// The npm-totp-publish CLI. Built by scripts/bundle.js.\nimport module from 'node:module';\n\nmodule.enableCompileCache?.();\nconst { runCli } = await import('./bundle/index.js');\n\nprocess.exitCode = await runCli(process.argv.slice(2), process.env, {\n  stdout: (text) => process.stdout.write(text),\n  stderr: (text) => process.stderr.write(text),\n  cwd: process.cwd(),\n});\n",
);
chmodSync(path.join(out, 'cli.js'), 0o755);
rmSync(lib, { recursive: true, force: true });
