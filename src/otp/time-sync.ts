/**
 * Estimates how far the registry's clock is from this machine's, from the
 * `Date` header of registry answers, and how long a request takes.
 *
 * A `Date` header has one-second resolution: an answer stamped D that was
 * sent at local time t0 and received at t1 says the registry's time lay in
 * [D, D + 1000) somewhere between t0 and t1, so offset is in
 * [D - t1, D + 1000 - t0]. Intersecting those intervals over several answers
 * narrows the estimate; the midpoint is used. If a new interval does not
 * overlap (one of the clocks jumped), the estimate restarts from it.
 */
export interface Observation {
  /** The `Date` header as received, if any. */
  date: string | undefined;
  /** Local ms when the request was sent. */
  sentAt: number;
  /** Local ms when the answer arrived. */
  receivedAt: number;
  /** Bytes uploaded in the request body (0 for reads). */
  bytesSent?: number;
}

/**
 * The most a registry's clock may be off from this machine's for its `Date`
 * to be applied: 15 minutes. Past it one of the two clocks is wrong, and it
 * is far more likely the answer's (a proxy, a broken server) than a runner's
 * synchronised clock; applying it would send codes of windows far away.
 */
const MAX_OFFSET_MS = 15 * 60 * 1000;

/** Upload speed assumed until a write has been measured: 1 MB/s, deliberately slow. */
const DEFAULT_BYTES_PER_MS = 1000;
/** Round trip assumed before the first answer. */
const DEFAULT_LATENCY_MS = 500;

export class TimeSync {
  readonly #warn: (message: string) => void;
  readonly #warned = new Set<string>();
  #low = Number.NEGATIVE_INFINITY;
  #high = Number.POSITIVE_INFINITY;
  #observed = false;
  #latencyMs = DEFAULT_LATENCY_MS;
  #bytesPerMs = DEFAULT_BYTES_PER_MS;

  /**
   * `warn` is told, once, of a `Date` that is not applied: more than
   * MAX_OFFSET_MS away, before 1970, or not a date. Default: nobody.
   */
  constructor(options: { warn?: (message: string) => void } = {}) {
    this.#warn = options.warn ?? (() => {});
  }

  /** Registry time minus local time, in ms; 0 until an answer carried a `Date`. */
  get offsetMs(): number {
    return this.#observed ? Math.round((this.#low + this.#high) / 2) : 0;
  }

  /** How precise `offsetMs` is (half the width of the interval), in ms. */
  get uncertaintyMs(): number {
    return this.#observed ? Math.round((this.#high - this.#low) / 2) : Number.POSITIVE_INFINITY;
  }

  /** True once at least one answer carried a usable `Date` header. */
  get known(): boolean {
    return this.#observed;
  }

  /** Smoothed round-trip time of requests without a large body, in ms. */
  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** Estimated upload speed, bytes per ms. */
  get bytesPerMs(): number {
    return this.#bytesPerMs;
  }

  /** Feeds one registry answer into the estimates. */
  observe(observation: Observation): void {
    const { date, sentAt, receivedAt } = observation;
    const elapsed = Math.max(0, receivedAt - sentAt);
    const bytes = observation.bytesSent ?? 0;
    if (bytes > 64 * 1024) {
      const uploadMs = Math.max(1, elapsed - this.#latencyMs);
      this.#bytesPerMs = smooth(this.#bytesPerMs, bytes / uploadMs);
    } else {
      this.#latencyMs = smooth(this.#latencyMs, elapsed);
    }
    if (date === undefined) return;
    const stamped = Date.parse(date);
    const shown = date.length > 80 ? `${date.slice(0, 80)}…` : date;
    if (!Number.isFinite(stamped)) {
      this.#warnOnce('unparsed', `The registry's Date header "${shown}" is not a date: not applied; one-time passwords follow this machine's clock.`);
      return;
    }
    const offset = stamped + 500 - (sentAt + receivedAt) / 2;
    if (stamped < 0 || Math.abs(offset) > MAX_OFFSET_MS) {
      this.#warnOnce(
        offset > 0 ? 'ahead' : 'behind',
        `The registry's clock (Date: ${shown}) is ${duration(Math.abs(offset))} ${offset > 0 ? 'ahead of' : 'behind'} this machine's, more than 15 minutes: not applied; one-time passwords follow this machine's clock.`,
      );
      return;
    }
    const low = stamped - receivedAt;
    const high = stamped + 1000 - sentAt;
    const nextLow = Math.max(this.#low, low);
    const nextHigh = Math.min(this.#high, high);
    if (!this.#observed || nextLow > nextHigh) {
      this.#low = low;
      this.#high = high;
    } else {
      this.#low = nextLow;
      this.#high = nextHigh;
    }
    this.#observed = true;
  }

  /** Registry time now, by this estimate, given local time `localMs`. */
  registryTime(localMs: number): number {
    return localMs + this.offsetMs;
  }

  #warnOnce(kind: string, message: string): void {
    if (this.#warned.has(kind)) return;
    this.#warned.add(kind);
    this.#warn(message);
  }
}

/** `1826 days`, `3 h 20 min`, `20 min 4 s`. */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds >= 86_400) return `${Math.floor(seconds / 86_400)} days`;
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function smooth(previous: number, sample: number): number {
  return Math.round(previous * 0.5 + sample * 0.5);
}
