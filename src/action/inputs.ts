import * as core from '@actions/core';
import type { Logger } from '../foundation/logger.ts';
import { idTokenAvailable, type InputNames, normalizeOptions, type Options, parseBoolean, type RawOptions, SETTING_NAMES } from '../grammar/options.ts';

/** Action input names, as users type them in `with:`: the settings' own names. */
export const INPUT_NAMES: InputNames = SETTING_NAMES;

/**
 * Reads and checks every input. Secret inputs are masked the moment they are
 * read, before anything can fail on them. Empty inputs mean "not given".
 */
export function readInputs(logger: Logger, env: NodeJS.ProcessEnv = process.env): { options: Options; commands: string | undefined; doctor: boolean } {
  const read = (name: string) => core.getInput(name) || undefined;
  const raw: RawOptions = Object.fromEntries(Object.entries(INPUT_NAMES).map(([key, name]) => [key, read(name)]));
  raw.token ??= env.NODE_AUTH_TOKEN;
  for (const secret of [raw.token, raw.otpSecret, raw.approvalWebhook]) if (secret) logger.mask(secret);
  const options = normalizeOptions(
    raw,
    { ...INPUT_NAMES, token: 'token (or the NODE_AUTH_TOKEN environment variable)' },
    { idTokenAvailable: idTokenAvailable(env) },
  );
  const commands = read('commands');
  // `doctor: true` adds a doctor line to the run: it then writes nothing, and checks what it would meet.
  const doctor = parseBoolean(read('doctor'), 'doctor', false);
  return { options, commands: commands !== undefined && commands.trim() !== '' ? commands : undefined, doctor };
}
