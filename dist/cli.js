#!/usr/bin/env node
// The npm-totp-publish CLI. Built by scripts/bundle.js.
import module from 'node:module';

if (Number(process.versions.node.split('.')[0]) < 24) {
  process.stderr.write(`npm-totp-publish needs Node >=24 (package.json engines); this is Node ${process.version} (${process.execPath}).\n`);
  process.exit(1);
}
module.enableCompileCache?.();
const { runCli } = await import('./bundle/index.js');

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
// Flushed first: a pipe is asynchronous on Windows.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
