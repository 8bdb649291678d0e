import type { RunReport } from './result.ts';
import type { Options } from './options.ts';
import { type Dependencies, runCommands } from './run.ts';

export type { Dependencies } from './run.ts';

/** Publishes the package the `package` setting names: `runCommands` with no commands. */
export function runPublish(options: Options, deps: Dependencies): Promise<RunReport> {
  return runCommands(options, undefined, deps);
}
