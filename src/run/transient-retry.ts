import type { Clock } from '../foundation/clock.ts';
import { describeError } from '../foundation/describe-error.ts';
import { isTransient } from '../foundation/http-errors.ts';
import type { Logger } from '../foundation/logger.ts';

/** Command runs repeated after a transient failure (5xx, 408, a dropped connection), with backoff. */
const TRANSIENT_RETRIES = 2;

/**
 * Every step but an upload reads the registry before it writes and skips
 * what is already so; after a transient failure it is therefore safe to run
 * the whole step again: if the lost write did land, the second run finds
 * it done and writes nothing. (An upload reconciles on its own: commands/upload.ts.)
 */
export async function withTransientRetries<T extends { status: string; detail: string }>(
  /** The command as the log names it. */
  label: string,
  deps: { clock: Clock; logger: Logger },
  run: () => Promise<T>,
  /** Whether the command has sent a write so far (one whose answer could have been lost). */
  wroteSomething: () => boolean,
): Promise<T> {
  let wroteBeforeRetry = false;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcome = await run();
      if (attempt > 1 && wroteBeforeRetry && outcome.status === 'unchanged') {
        return { ...outcome, status: 'done', detail: `${outcome.detail} (the write's answer was lost; confirmed by reading the registry back)` };
      }
      return outcome;
    } catch (error) {
      if (attempt > TRANSIENT_RETRIES || !isTransient(error)) throw error;
      const waitMs = 1000 * 2 ** (attempt - 1);
      deps.logger.warning(
        `${label}: ${describeError(error)}; reading the registry again and retrying in ${waitMs / 1000} s (${attempt}/${TRANSIENT_RETRIES}).`,
      );
      wroteBeforeRetry = wroteSomething();
      await deps.clock.sleep(waitMs);
    }
  }
}
