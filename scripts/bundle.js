// Rebuilds dist/: tsc compiles src/ to lib/ (ESM), ncc bundles lib/bundle.js
// with every dependency into dist/bundle/, and two small entry files import it:
// dist/index.js (the action, `runs.main`) and dist/cli.js (the CLI bin).
// Usage: node scripts/bundle.js [outDir]   (default dist; the up-to-date test builds elsewhere)
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(root, process.argv[2] ?? 'dist');
// tsc output: always lib/ (gitignored), since its path is named in the bundle's comments.
const lib = path.join(root, 'lib');
rmSync(lib, { recursive: true, force: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

run(process.execPath, [bin('tsc'), '-p', 'tsconfig.build.json', '--outDir', lib]);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// --minify breaks ncc's ESM output (`require is not defined`); source maps would bloat the diff.
run(process.execPath, [path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'), 'build', path.join(lib, 'bundle.js'), '-o', path.join(out, 'bundle'), '--quiet', '--target', 'es2022']);

writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
writeFileSync(path.join(out, 'index.js'), "// The GitHub Action's entry (action.yml runs.main). Built by scripts/bundle.js.\nimport { runAction } from './bundle/index.js';\n\nawait runAction();\n");
writeFileSync(path.join(out, 'cli.js'), "#!/usr/bin/env node\n// The npm-totp-publish CLI. Built by scripts/bundle.js.\nimport { runCli } from './bundle/index.js';\n\nprocess.exitCode = await runCli(process.argv.slice(2), process.env, {\n  stdout: (text) => process.stdout.write(text),\n  stderr: (text) => process.stderr.write(text),\n  cwd: process.cwd(),\n});\n");
chmodSync(path.join(out, 'cli.js'), 0o755);
rmSync(lib, { recursive: true, force: true });
