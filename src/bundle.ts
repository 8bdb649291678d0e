// The single entry ncc bundles. dist/index.js (the action) and dist/cli.js (the
// CLI) import it, and each side is a dynamic import, so webpack puts it in its
// own chunk files: the CLI never evaluates @actions/core, the action never the
// CLI. The engine (run/, commands/, npm's libraries) is imported dynamically by
// both mains once the inputs are checked, so it is one more set of chunks that
// --version, --help and refused inputs never load. Shared code ships once.
import type { CliIo } from './cli/main.ts';

export async function runAction(): Promise<void> {
  const { run } = await import('./action/main.ts');
  await run();
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo & { stdin?: () => Promise<string> }): Promise<number> {
  const cli = await import('./cli/main.ts');
  return cli.runCli(argv, env, io);
}
