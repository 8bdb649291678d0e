import { INPUT_NAMES } from '../../src/action/inputs.ts';
import { systemClock } from '../../src/foundation/clock.ts';
import { normalizeOptions, type RawOptions } from '../../src/grammar/options.ts';
import type { RunReport } from '../../src/run/result.ts';

import { runCommands } from '../../src/run/run.ts';
import { USER_AGENT } from '../../src/version.ts';
import { recordingLogger } from './fake-clock.ts';

/** Input names as the action calls them, for messages. */
export const NAMES = INPUT_NAMES;

/** Runs the core in-process with a recording logger; returns the report and the log. */
export async function publishInProcess(
  raw: RawOptions,
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ report: RunReport; lines: Array<{ level: string; message: string }>; masked: string[] }> {
  const { logger, lines, masked } = recordingLogger();
  const report = await runCommands(normalizeOptions(raw, NAMES), undefined, { clock: systemClock, logger, cwd, env, userAgent: USER_AGENT });
  return { report, lines, masked };
}

/** Runs a `commands` block in-process with a recording logger. */
export async function runBlockInProcess(
  raw: RawOptions,
  block: string,
  cwd = process.cwd(),
): Promise<{ report: RunReport; lines: Array<{ level: string; message: string }> }> {
  const { logger, lines } = recordingLogger();
  const report = await runCommands(
    normalizeOptions(raw, NAMES),
    { block, inputName: 'commands' },
    { clock: systemClock, logger, cwd, env: process.env, userAgent: USER_AGENT },
  );
  return { report, lines };
}
