import type { Clock } from '../../src/foundation/clock.ts';

/**
 * A clock that moves only when told to, or when someone sleeps on it: a
 * sleep advances time at once, so a test of 30-second windows runs in
 * microseconds and is exact.
 */
export class FakeClock implements Clock {
  #now: number;
  /** Every sleep requested, in ms, in order. */
  readonly sleeps: number[] = [];

  constructor(startMs = Date.UTC(2026, 10, 29, 12, 0, 0)) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.#now += Math.max(0, ms);
  }

  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    this.#now += ms;
  }

  /** Sets time to `ms` since the epoch. */
  set(ms: number): void {
    this.#now = ms;
  }
}

/** A logger that records what it was told, for assertions. */
export function recordingLogger() {
  const lines: Array<{ level: string; message: string }> = [];
  const masked: string[] = [];
  const push = (level: string) => (message: string) => {
    lines.push({ level, message });
  };
  return {
    lines,
    masked,
    logger: {
      debug: push('debug'),
      info: push('info'),
      warning: push('warning'),
      error: push('error'),
      notice: push('notice'),
      mask: (secret: string) => masked.push(secret),
      relay: push('relay'),
    },
  };
}
