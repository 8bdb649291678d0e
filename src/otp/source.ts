import type { Clock } from '../foundation/clock.ts';
import type { Logger } from '../foundation/logger.ts';
import type { TotpSecret } from './secret.ts';
import { totpCodeForWindow } from './totp.ts';
import type { TimeSync } from './time-sync.ts';

/** A code handed out for one request. The code itself never leaves memory unmasked. */
export interface IssuedCode {
  readonly code: string;
  /** The TOTP time step (window index) the code belongs to. */
  readonly window: number;
  /** How long the caller slept for this code's window to open, ms. */
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
/**
 * Most of the offset's uncertainty that is added to the margin and the entry
 * guard, as a fraction of the period, so that guard plus margin always leave
 * a usable window (0.1 + 0.8 < 1).
 */
const UNCERTAINTY_CAP_FRACTION = 0.1;
/** Waits longer than this are reported at info level. */
const LONG_WAIT_MS = 2000;
/** Skew worth a warning: larger than any sane NTP-synchronised machine. */
const SKEW_WARNING_MS = 5000;

/** What the source knows about a code that is out for judgement. */
interface InFlight {
  window: number;
  /** Its window's code had already been accepted (or was out) when it was handed out. */
  reuse: boolean;
}

/**
 * Makes TOTP codes just in time, against the registry's clock.
 *
 * - A code is handed out only if its window still has more time left than
 *   the request needs (latency plus upload estimate, at least the floor,
 *   plus the uncertainty of the clock offset); otherwise the source waits for
 *   the next window, and enters it only once the registry is surely in it
 *   (the offset comes from one-second `Date` headers, so it can be ~0.5 s off).
 * - A window whose code was rejected is never used again.
 * - When the registry refuses a code it had already accepted, the source
 *   switches to one window per write for the rest of the run.
 * - Callers are served one at a time, so concurrent writes share a wait
 *   instead of each waiting. A code whose fate would change what the others
 *   get (the first code of the run or after a rejection, the first reuse of
 *   an accepted code) goes out alone: concurrent writes wait for its verdict
 *   instead of sending a burst of codes the registry would refuse.
 *
 * Every code from `next()` must be settled with exactly one of `accepted`,
 * `rejected` or `released` (`withOtp` does this), or concurrent callers can
 * wait for a verdict that never comes.
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
  readonly #inFlight = new Map<IssuedCode, InFlight>();
  /** A code was accepted since the last rejection of a code that was not a reuse: secret and offset are right. */
  #proven = false;
  /** The registry accepted a reused code: it does not hold codes to single use. */
  #reuseProven = false;
  #verdict = Promise.withResolvers<void>();
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

  /** The clock offset in use (registry minus local), ms. */
  get offsetMs(): number {
    return this.#timeSync.offsetMs;
  }

  /**
   * Time a request with a body of `bodyBytes` needs its code to stay valid,
   * ms: twice the latency plus the upload estimate, at least the floor, plus
   * the offset's uncertainty; at most 80 % of the period.
   */
  marginFor(bodyBytes = 0): number {
    const sync = this.#timeSync;
    const needed = 2 * sync.latencyMs + bodyBytes / sync.bytesPerMs;
    const ceiling = this.#periodMs * MARGIN_CEILING_FRACTION;
    return Math.round(Math.min(ceiling, Math.max(this.#marginFloorMs, needed) + this.#uncertaintyMs()));
  }

  /** The code to send with the next request; waits when the current window is too short or spent, or for a verdict that decides the code. */
  next(request: { bodyBytes?: number } = {}): Promise<IssuedCode> {
    const issued = this.#queue.then(() => this.#issue(request.bodyBytes ?? 0));
    this.#queue = issued.catch(() => undefined);
    return issued;
  }

  /** The registry accepted `code`. */
  accepted(code: IssuedCode): void {
    const flight = this.#settle(code);
    this.#accepted.add(code.window);
    this.#proven = true;
    if (flight?.reuse) this.#reuseProven = true;
  }

  /** The registry refused `code`. Returns true when that was a refused reuse. */
  rejected(code: IssuedCode): boolean {
    this.#settle(code);
    this.stats.rejected += 1;
    this.#rejected.add(code.window);
    const reuse = this.#accepted.has(code.window);
    if (!reuse) this.#proven = false;
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

  /** The write ended without a verdict on `code` (a network error, a 429, another refusal): it taught nothing. */
  released(code: IssuedCode): void {
    this.#settle(code);
  }

  async #issue(bodyBytes: number): Promise<IssuedCode> {
    this.#warnAboutSkew();
    // Time slept for windows only: a wait for another request's verdict is that request's time, not a wait for a code.
    let waitedMs = 0;
    let waited = false;
    for (;;) {
      const now = this.#timeSync.registryTime(this.#clock.now());
      const window = this.#choose(now, bodyBytes);
      const reuse = this.#accepted.has(window) || [...this.#inFlight.values()].some((flight) => flight.window === window);
      if (this.#inFlight.size > 0 && !(reuse ? this.#reuseProven : this.#proven)) {
        // The verdict on a code out there decides whether this one would be refused.
        await this.#verdict.promise;
        continue;
      }
      const opensAt = window * this.#periodMs + this.#entryGuardMs();
      if (now < opensAt) {
        const waitMs = opensAt - now;
        const why = this.#rejected.has(window - 1) ? 'the last code was refused' : this.#singleUse && this.#issued.has(window - 1) ? 'the registry takes each code once' : 'the current window has too little time left for the request';
        const message = `Waiting ${(waitMs / 1000).toFixed(1)} s for the next one-time password window (${why}).`;
        // Waits a person would notice are said at info level; the short ones only in the debug log.
        if (waitMs > LONG_WAIT_MS) this.#logger.info(message);
        else this.#logger.debug(message);
        if (!waited) this.stats.waits += 1;
        waited = true;
        const sleptFrom = this.#clock.now();
        await this.#clock.sleep(waitMs);
        waitedMs += Math.max(0, this.#clock.now() - sleptFrom);
        continue;
      }
      const code = totpCodeForWindow(this.#secret, window);
      this.#logger.mask(code);
      this.#issued.add(window);
      this.stats.generated += 1;
      this.stats.waitedMs += waitedMs;
      const issued: IssuedCode = { code, window, waitedMs };
      this.#inFlight.set(issued, { window, reuse });
      return issued;
    }
  }

  /** The earliest window whose code may serve a request at registry time `now`. */
  #choose(now: number, bodyBytes: number): number {
    const current = Math.floor(now / this.#periodMs);
    const left = (current + 1) * this.#periodMs - now;
    let window = left >= this.marginFor(bodyBytes) ? current : current + 1;
    while (this.#rejected.has(window) || (this.#singleUse && this.#issued.has(window))) window += 1;
    return window;
  }

  /** How far into a window the registry must surely be before its code is used. */
  #entryGuardMs(): number {
    return WINDOW_ENTRY_GUARD_MS + this.#uncertaintyMs();
  }

  /** The offset's uncertainty, capped; 0 while no `Date` header has been seen (nothing to go on). */
  #uncertaintyMs(): number {
    const sync = this.#timeSync;
    return sync.known ? Math.min(sync.uncertaintyMs, this.#periodMs * UNCERTAINTY_CAP_FRACTION) : 0;
  }

  /** Forgets `code` as out for judgement and wakes callers waiting for a verdict. */
  #settle(code: IssuedCode): InFlight | undefined {
    const flight = this.#inFlight.get(code);
    if (!flight) return undefined;
    this.#inFlight.delete(code);
    this.#verdict.resolve();
    this.#verdict = Promise.withResolvers<void>();
    return flight;
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
