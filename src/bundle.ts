// The single entry ncc bundles: dist/index.js (the action) and dist/cli.js
// (the CLI) are two-line files that import it, so the code ships once.
export { run as runAction } from './action/main.ts';
export { runCli } from './cli/main.ts';
