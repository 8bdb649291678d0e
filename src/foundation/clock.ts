/**
 * Time, injected. Production code never calls `Date.now()` or `setTimeout`
 * directly, so OTP windows, waits and skew are tested on a fake clock.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, as this machine sees it. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
