import type { Clock } from '../foundation/clock.ts';
import type { Logger } from '../foundation/logger.ts';
import { WaitBudgetError } from './errors.ts';
import type { TotpSecret } from './secret.ts';
import { totpCodeForWindow } from './totp.ts';
import type { TimeSync } from './time-sync.ts';

/** A code handed out for one request. The code itself never leaves memory unmasked. */
export interface IssuedCode {
  readonly code: string;
  /** The TOTP time step (window index) the code belongs to. */
  readonly window: number;
  /** How long the caller slept for this code's window to open or for a 429 pause to end, ms. */
  readonly waitedMs: number;
}

/** Default of `maxTotalWaitMs`: ten minutes of 429 pauses, two of npmjs's five-minute `rate limited otp` pauses. */
export const DEFAULT_MAX_TOTAL_WAIT_MS = 600_000;

export interface OtpSourceOptions {
  secret: TotpSecret;
  clock: Clock;
  timeSync: TimeSync;
  logger: Logger;
  /** Least time a code must still be valid when handed out, ms. Default 2000. */
  marginFloorMs?: number;
  /**
   * Most writes one code (one window) is handed out for; a whole number of at
   * least 1, or Infinity. Default Infinity: as many as the window and the
   * registry allow (registry.npmjs.org answers 429 `rate limited otp` after
   * about 4-5, and the source then lowers its limit to what the registry took).
   */
  maxUsesPerCode?: number;
  /**
   * Most time the whole run may wait for windows and 429 pauses, ms; a write
   * whose wait would go over it fails with EWAITBUDGET, and so does every
   * later write. Default 600000 (10 minutes).
   */
  maxTotalWaitMs?: number;
}

/** What a 429 answer said, as `withOtp` read it. */
export interface RateLimit {
  /** How long every write pauses, ms: Retry-After, at least the caller's backoff. */
  retryAfterMs: number;
  /** The body said `rate limited otp`: one code was used for more writes than the registry allows. */
  codeUses: boolean;
}

/** Counters for reports and benchmarks. */
export interface OtpStats {
  /** Codes handed out, one per write sent with a code (a code serving three writes counts three times). */
  generated: number;
  /** Distinct windows whose code was handed out: the number of different codes the run used. */
  windows: number;
  /** Codes the registry refused. */
  rejected: number;
  /** Hand-outs that slept for a window to open. */
  waits: number;
  /** Time slept for windows to open, ms. */
  waitedMs: number;
  /** 429 pauses started (one per info line; a 429 during a pause extends it). */
  pauses: number;
  /** Time slept in 429 pauses, ms. */
  pausedMs: number;
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
 * - One code serves at most `maxUsesPerCode` writes (a use counts when the
 *   code is handed out and is given back when the write ends without a
 *   verdict); the write after that takes the next window's code.
 * - When the registry refuses a code it had already accepted, the source
 *   switches to one window per write for the rest of the run; when it answers
 *   429 `rate limited otp` after K writes with one code, each code serves at
 *   most K writes from then on.
 * - A 429 is per account: `rateLimited` pauses every write, and no code is
 *   handed out until Retry-After has passed.
 * - Every 429 pause counts against one budget for the run (window waits do
 *   not: each is shorter than one period, and they are the least pacing costs),
 *   `maxTotalWaitMs`; once a wait would go over it, every write fails with
 *   EWAITBUDGET instead of waiting.
 * - Callers are served one at a time, so concurrent writes share a wait
 *   instead of each waiting. A code whose fate would change what the others
 *   get (the first code of the run or after a rejection, the first reuse of
 *   an accepted code) goes out alone: concurrent writes wait for its verdict
 *   instead of sending a burst of codes the registry would refuse.
 *
 * Every code from `next()` must be settled with exactly one of `accepted`,
 * `rejected`, `released` or `rateLimited` (`withOtp` does this), or
 * concurrent callers can wait for a verdict that never comes.
 */
export class OtpSource {
  readonly #secret: TotpSecret;
  readonly #clock: Clock;
  readonly #timeSync: TimeSync;
  readonly #logger: Logger;
  readonly #marginFloorMs: number;
  readonly #periodMs: number;
  readonly #maxTotalWaitMs: number;
  readonly #rejected = new Set<number>();
  readonly #accepted = new Set<number>();
  readonly #issued = new Set<number>();
  /** Window -> writes its code is out for or was accepted for (released codes given back). */
  readonly #uses = new Map<number, number>();
  /** Window -> writes the registry accepted its code for. */
  readonly #acceptedUses = new Map<number, number>();
  readonly #inFlight = new Map<IssuedCode, InFlight>();
  /** A code was accepted since the last rejection of a code that was not a reuse: secret and offset are right. */
  #proven = false;
  /** The registry accepted a reused code: it does not hold codes to single use. */
  #reuseProven = false;
  #verdict = Promise.withResolvers<void>();
  #singleUse = false;
  #skewWarned = false;
  #maxUsesPerCode: number;
  /** The most uses per code the registry took before it answered `rate limited otp`. */
  #registryUses = Number.POSITIVE_INFINITY;
  /** Windows whose code drew `rate limited otp` while other writes with it were still out: their count is settled once those end. */
  readonly #learning = new Set<number>();
  /** Local ms before which no code is handed out (a 429's Retry-After). */
  #pausedUntil = 0;
  /** Time slept in 429 pauses, ms: what the budget is spent on. */
  #spentMs = 0;
  /** Set once a wait would overrun the budget: every later write fails with it. */
  #exhausted: { waitedMs: number; neededMs: number } | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  readonly stats: OtpStats = { generated: 0, windows: 0, rejected: 0, waits: 0, waitedMs: 0, pauses: 0, pausedMs: 0 };

  constructor(options: OtpSourceOptions) {
    this.#secret = options.secret;
    this.#clock = options.clock;
    this.#timeSync = options.timeSync;
    this.#logger = options.logger;
    this.#marginFloorMs = options.marginFloorMs ?? 2000;
    this.#periodMs = options.secret.period * 1000;
    this.#maxUsesPerCode = checkUses(options.maxUsesPerCode ?? Number.POSITIVE_INFINITY);
    const budget = options.maxTotalWaitMs ?? DEFAULT_MAX_TOTAL_WAIT_MS;
    if (!(budget >= 0)) throw new RangeError(`maxTotalWaitMs must be a number of ms of at least 0, got ${budget}`);
    this.#maxTotalWaitMs = budget;
  }

  /** True once the registry has shown it refuses reused codes. */
  get singleUse(): boolean {
    return this.#singleUse;
  }

  /** The clock offset in use (registry minus local), ms. */
  get offsetMs(): number {
    return this.#timeSync.offsetMs;
  }

  /** Most writes a code now serves: the setting, lowered to what the registry took, 1 once it refused a reuse. Infinity when unlimited. */
  get usesPerCode(): number {
    return this.#singleUse ? 1 : Math.min(this.#maxUsesPerCode, this.#registryUses);
  }

  /** Sets the most writes one code is handed out for (between commands); a whole number of at least 1, or Infinity. What the registry showed still lowers it. */
  setMaxUsesPerCode(uses: number): void {
    this.#maxUsesPerCode = checkUses(uses);
  }

  /** Time the run has waited in 429 pauses, ms (what the budget is spent on). */
  get waitedTotalMs(): number {
    return this.#spentMs;
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

  /**
   * The code to send with the next request; waits when the current window is
   * too short or has served its writes, for a 429 pause, or for a verdict
   * that decides the code. Rejects with `WaitBudgetError` once the run's
   * waits would go over `maxTotalWaitMs`.
   */
  next(request: { bodyBytes?: number } = {}): Promise<IssuedCode> {
    const issued = this.#queue.then(() => this.#issue(request.bodyBytes ?? 0));
    this.#queue = issued.catch(() => undefined);
    return issued;
  }

  /** The registry accepted `code`. */
  accepted(code: IssuedCode): void {
    // Counted before settling: the last write of a rate-limited code settles what the registry took.
    this.#accepted.add(code.window);
    this.#acceptedUses.set(code.window, (this.#acceptedUses.get(code.window) ?? 0) + 1);
    const flight = this.#settle(code);
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

  /** The write ended without a verdict on `code` (a network error, another refusal): it taught nothing, and its use is given back. */
  released(code: IssuedCode): void {
    if (!this.#settle(code)) return;
    const uses = (this.#uses.get(code.window) ?? 1) - 1;
    this.#uses.set(code.window, Math.max(0, uses));
  }

  /**
   * The registry answered 429 to the write that carried `code` (undefined
   * when it carried none): the limit is the account's, so every write pauses
   * for `retryAfterMs`. After `rate limited otp`, each code serves at most
   * as many writes as the registry accepted this one for. The code is
   * released: the registry did not judge it.
   */
  rateLimited(code: IssuedCode | undefined, limit: RateLimit): void {
    if (code && limit.codeUses) {
      // Writes sent concurrently with this code may be answered after this 429: what it took so far is a floor, settled when they end.
      this.#learnUses(this.#acceptedUses.get(code.window) ?? 0);
      this.#learning.add(code.window);
    }
    this.pauseUntil(this.#clock.now() + limit.retryAfterMs, limit.codeUses ? '429 rate limited otp' : '429 Too Many Requests');
    if (code) this.released(code);
  }

  /**
   * Hands out no code before local time `untilMs`, to any write, including
   * those already waiting in `next()`. A pause that ends later extends the
   * current one; a new pause is said once at info level (`why` names it).
   */
  pauseUntil(untilMs: number, why: string): void {
    const now = this.#clock.now();
    if (untilMs <= this.#pausedUntil || untilMs <= now) return;
    const fresh = this.#pausedUntil <= now;
    this.#pausedUntil = untilMs;
    if (!fresh || this.#exhausted) return;
    this.stats.pauses += 1;
    const waitS = Math.ceil((untilMs - now) / 1000);
    // A pause the budget cannot cover is not announced as a wait: the writes fail with EWAITBUDGET instead.
    const covered = this.#spentMs + waitS * 1000 <= this.#maxTotalWaitMs;
    this.#logger.info(
      `The registry asks to slow down (${why}); ${covered ? `waiting ${waitS} s before the next write.` : `it asks for ${waitS} s, more than the run's wait limit leaves.`}`,
    );
  }

  async #issue(bodyBytes: number): Promise<IssuedCode> {
    this.#warnAboutSkew();
    // Time slept for windows and pauses only: a wait for another request's verdict is that request's time, not a wait for a code.
    let waitedMs = 0;
    let waited = false;
    for (;;) {
      if (this.#exhausted) throw this.#budgetError();
      const pauseMs = this.#pausedUntil - this.#clock.now();
      if (pauseMs > 0) {
        // Retry-After has one-second resolution: sleeping whole seconds never comes back a hair early, into a fresh 429.
        const slept = await this.#sleep(Math.ceil(pauseMs / 1000) * 1000);
        this.stats.pausedMs += slept;
        waitedMs += slept;
        continue;
      }
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
        const message = `Waiting ${(waitMs / 1000).toFixed(1)} s for the next one-time password window (${this.#whyWait(window)}).`;
        // Waits a person would notice are said at info level; the short ones only in the debug log.
        if (waitMs > LONG_WAIT_MS) this.#logger.info(message);
        else this.#logger.debug(message);
        // A window wait is never longer than one period and is what pacing costs at the least: the budget is for 429 pauses.
        const from = this.#clock.now();
        await this.#clock.sleep(waitMs);
        const slept = Math.max(0, this.#clock.now() - from);
        if (!waited) this.stats.waits += 1;
        waited = true;
        this.stats.waitedMs += slept;
        waitedMs += slept;
        continue;
      }
      const code = totpCodeForWindow(this.#secret, window);
      this.#logger.mask(code, 'code');
      if (!this.#issued.has(window)) this.stats.windows += 1;
      this.#issued.add(window);
      this.#uses.set(window, (this.#uses.get(window) ?? 0) + 1);
      this.stats.generated += 1;
      const issued: IssuedCode = { code, window, waitedMs };
      this.#inFlight.set(issued, { window, reuse });
      return issued;
    }
  }

  /** Sleeps `waitMs` if the budget allows it, else spends it: this and every later write fail. Returns the time slept. */
  async #sleep(waitMs: number): Promise<number> {
    if (this.#spentMs + waitMs > this.#maxTotalWaitMs) {
      this.#exhausted = { waitedMs: this.#spentMs, neededMs: waitMs };
      throw this.#budgetError();
    }
    const from = this.#clock.now();
    await this.#clock.sleep(waitMs);
    const slept = Math.max(0, this.#clock.now() - from);
    this.#spentMs += slept;
    return slept;
  }

  #budgetError(): WaitBudgetError {
    const exhausted = this.#exhausted ?? { waitedMs: this.#spentMs, neededMs: 0 };
    return new WaitBudgetError({ ...exhausted, limitMs: this.#maxTotalWaitMs });
  }

  /** The registry took `accepted` writes with one code, then answered `rate limited otp`. */
  #learnUses(accepted: number): void {
    // A 429 on a code's first use says nothing about uses per code (the account was already paused).
    if (accepted < 1 || accepted >= this.usesPerCode) return;
    this.#registryUses = accepted;
    this.#logger.info(
      `The registry rate-limited a one-time password after ${accepted} write${accepted === 1 ? '' : 's'} with it; ` +
        `from now on each code serves at most ${accepted} write${accepted === 1 ? '' : 's'}.`,
    );
  }

  /** Every write with a rate-limited code has ended: the registry took exactly `accepted`, which may be more than it had when the 429 came. */
  #settleLearned(accepted: number): void {
    if (accepted <= this.#registryUses || this.#registryUses === Number.POSITIVE_INFINITY) return;
    this.#registryUses = accepted;
    this.#logger.info(
      `The writes sent with that one-time password have ended: the registry took ${accepted} with it, so each code serves at most ${accepted} writes from now on.`,
    );
  }

  #whyWait(window: number): string {
    if (this.#rejected.has(window - 1)) return 'the last code was refused';
    if (this.#singleUse && this.#issued.has(window - 1)) return 'the registry takes each code once';
    if ((this.#uses.get(window - 1) ?? 0) >= this.usesPerCode)
      return `the current code has served ${this.usesPerCode} write${this.usesPerCode === 1 ? '' : 's'}, the most one code may serve`;
    return 'the current window has too little time left for the request';
  }

  /** The earliest window whose code may serve a request at registry time `now`. */
  #choose(now: number, bodyBytes: number): number {
    const current = Math.floor(now / this.#periodMs);
    const left = (current + 1) * this.#periodMs - now;
    let window = left >= this.marginFor(bodyBytes) ? current : current + 1;
    while (this.#rejected.has(window) || (this.#singleUse && this.#issued.has(window)) || (this.#uses.get(window) ?? 0) >= this.usesPerCode) window += 1;
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
    if (this.#learning.has(flight.window) && ![...this.#inFlight.values()].some((other) => other.window === flight.window)) {
      this.#learning.delete(flight.window);
      this.#settleLearned(this.#acceptedUses.get(flight.window) ?? 0);
    }
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

/** A uses-per-code limit: a whole number of at least 1, or Infinity. */
function checkUses(uses: number): number {
  if (uses === Number.POSITIVE_INFINITY || (Number.isInteger(uses) && uses >= 1)) return uses;
  throw new RangeError(`maxUsesPerCode must be a whole number of at least 1, or Infinity; got ${uses}`);
}
