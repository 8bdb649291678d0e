import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { TotpSecret } from './secret.ts';
import { totpCodeForWindow } from './totp.ts';
import type { TimeSync } from './time-sync.ts';

/** A code handed out for one request. The code itself never leaves memory unmasked. */
export interface IssuedCode {
  readonly code: string;
  /** The TOTP time step (window index) the code belongs to. */
  readonly window: number;
  /** How long the caller waited for this code, ms. */
  readonly waitedMs: number;
}

export interface OtpSourceOptions {
  secret: TotpSecret;
  clock: Clock;
  timeSync: TimeSync;
  logger: Logger;
  /** Least time a code must still be valid when handed out, ms. Default 2000. */
  marginFloorMs?: number;
}

/** Counters for reports and benchmarks. */
export interface OtpStats {
  generated: number;
  rejected: number;
  waits: number;
  waitedMs: number;
}

/** Margin above which the source never waits: the window must leave room for a code at all. */
const MARGIN_CEILING_FRACTION = 0.8;
/** Lands a little after the next window opens, not on its edge. */
const WINDOW_ENTRY_GUARD_MS = 100;
/** Skew worth a warning: larger than any sane NTP-synchronised machine. */
const SKEW_WARNING_MS = 5000;

/**
 * Makes TOTP codes just in time, against the registry's clock.
 *
 * - A code is handed out only if its window still has more time left than
 *   the request needs (latency plus upload estimate, at least the floor);
 *   otherwise the source waits for the next window.
 * - A window whose code was rejected is never used again.
 * - When the registry refuses a code it had already accepted, the source
 *   switches to one window per write for the rest of the run.
 * - Callers are served one at a time, so concurrent writes share a wait
 *   instead of each waiting, and never burst rejected codes.
 */
export class OtpSource {
  readonly #secret: TotpSecret;
  readonly #clock: Clock;
  readonly #timeSync: TimeSync;
  readonly #logger: Logger;
  readonly #marginFloorMs: number;
  readonly #periodMs: number;
  readonly #rejected = new Set<number>();
  readonly #accepted = new Set<number>();
  readonly #issued = new Set<number>();
  #singleUse = false;
  #skewWarned = false;
  #queue: Promise<unknown> = Promise.resolve();
  readonly stats: OtpStats = { generated: 0, rejected: 0, waits: 0, waitedMs: 0 };

  constructor(options: OtpSourceOptions) {
    this.#secret = options.secret;
    this.#clock = options.clock;
    this.#timeSync = options.timeSync;
    this.#logger = options.logger;
    this.#marginFloorMs = options.marginFloorMs ?? 2000;
    this.#periodMs = options.secret.period * 1000;
  }

  /** True once the registry has shown it refuses reused codes. */
  get singleUse(): boolean {
    return this.#singleUse;
  }

  /** Windows whose code the registry refused. */
  get rejectedWindows(): number {
    return this.#rejected.size;
  }

  /** The clock offset in use (registry minus local), ms. */
  get offsetMs(): number {
    return this.#timeSync.offsetMs;
  }

  /** Time a request with a body of `bodyBytes` needs its code to stay valid, ms. */
  marginFor(bodyBytes = 0): number {
    const sync = this.#timeSync;
    const needed = 2 * sync.latencyMs + bodyBytes / sync.bytesPerMs;
    const ceiling = this.#periodMs * MARGIN_CEILING_FRACTION;
    return Math.round(Math.min(ceiling, Math.max(this.#marginFloorMs, needed)));
  }

  /** The code to send with the next request; waits when the current window is too short or spent. */
  next(request: { bodyBytes?: number } = {}): Promise<IssuedCode> {
    const issued = this.#queue.then(() => this.#issue(request.bodyBytes ?? 0));
    this.#queue = issued.catch(() => undefined);
    return issued;
  }

  /** The registry accepted `code`. */
  accepted(code: IssuedCode): void {
    this.#accepted.add(code.window);
  }

  /** The registry refused `code`. Returns true when that was a refused reuse. */
  rejected(code: IssuedCode): boolean {
    this.stats.rejected += 1;
    this.#rejected.add(code.window);
    const reuse = this.#accepted.has(code.window);
    if (reuse && !this.#singleUse) {
      this.#singleUse = true;
      this.#logger.warning(
        'The registry refused a one-time password it had accepted earlier in this window: ' +
          'it allows each code once. From now on every write uses a code of its own window, ' +
          `which can add up to ${this.#secret.period} s per write.`,
      );
    }
    return reuse;
  }

  async #issue(bodyBytes: number): Promise<IssuedCode> {
    this.#warnAboutSkew();
    const startedAt = this.#clock.now();
    const now = this.#timeSync.registryTime(startedAt);
    const current = Math.floor(now / this.#periodMs);
    const left = (current + 1) * this.#periodMs - now;
    let window = left >= this.marginFor(bodyBytes) ? current : current + 1;
    while (this.#rejected.has(window) || (this.#singleUse && this.#issued.has(window))) window += 1;
    if (window > current) {
      const opensAt = window * this.#periodMs + WINDOW_ENTRY_GUARD_MS;
      const waitMs = opensAt - now;
      this.#logger.debug(`Waiting ${(waitMs / 1000).toFixed(1)} s for the next one-time password window.`);
      this.stats.waits += 1;
      await this.#clock.sleep(waitMs);
    }
    const code = totpCodeForWindow(this.#secret, window);
    this.#logger.mask(code);
    this.#issued.add(window);
    this.stats.generated += 1;
    const waitedMs = Math.max(0, this.#clock.now() - startedAt);
    this.stats.waitedMs += waitedMs;
    return { code, window, waitedMs };
  }

  #warnAboutSkew(): void {
    const offset = this.#timeSync.offsetMs;
    if (this.#skewWarned || Math.abs(offset) <= SKEW_WARNING_MS) return;
    this.#skewWarned = true;
    const direction = offset > 0 ? 'behind' : 'ahead of';
    this.#logger.warning(
      `This machine's clock is ${(Math.abs(offset) / 1000).toFixed(1)} s ${direction} the registry's ` +
        "(from the registry's Date header); one-time passwords are computed on the registry's time.",
    );
  }
}
