/**
 * Time travel for integration tests against the real test registry: the
 * product runs on a clock that jumps forward when it sleeps, and the
 * registry's clock jumps with it, so a 30-second OTP window passes in a
 * moment while both sides still agree on the time. A base offset on top
 * models a registry whose clock is off (skew).
 */
import type { Clock } from '../../src/core/clock.ts';
import { normalizeOptions, type RawOptions } from '../../src/core/options.ts';
import type { RunReport } from '../../src/core/result.ts';
import { runPublish } from '../../src/core/run-publish.ts';
import { runCommands } from '../../src/core/run.ts';
import { USER_AGENT } from '../../src/version.ts';
import type { TestRegistry } from '../registry/index.ts';
import { NAMES } from './core.ts';
import { recordingLogger } from './fake-clock.ts';

const WINDOW_MS = 30_000;

/**
 * A Clock whose `now()` is `Date.now()` plus a shift that only grows.
 * `sleep(ms)` resolves on the next turn of the event loop, moving the
 * shift so that the sleep's end has been reached, and moves the registry's
 * clock by the same amount (`clockOffsetMs = base + shift`).
 *
 * Overlapping sleeps overlap in virtual time too: a sleep that ends before
 * the current virtual time adds nothing. A sleep may end late (another
 * sleeper moved time further), never early.
 */
export class TimeTravelClock implements Clock {
  readonly #registry: TestRegistry;
  #baseOffsetMs: number;
  #shiftMs = 0;
  /** Every sleep requested, in ms, in order. */
  readonly sleeps: number[] = [];

  /** `registryOffsetMs`: how far the registry's clock is ahead of this machine's before any travel (negative: behind). Default 0. */
  constructor(registry: TestRegistry, options: { registryOffsetMs?: number } = {}) {
    this.#registry = registry;
    this.#baseOffsetMs = options.registryOffsetMs ?? 0;
    this.#sync();
  }

  now(): number {
    return Date.now() + this.#shiftMs;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    const end = this.now() + Math.max(0, ms);
    this.#shiftMs = Math.max(this.#shiftMs, end - Date.now());
    this.#sync();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Moves both clocks forward by `ms` without a sleep: a request that took `ms` (an upload held by the registry, say). */
  advance(ms: number): void {
    this.#shiftMs += Math.max(0, ms);
    this.#sync();
  }

  /** Moves only the registry's clock by `ms` (either way): the registry's clock jumps, this machine does not notice. */
  jumpRegistry(ms: number): void {
    this.#baseOffsetMs += ms;
    this.#sync();
  }

  /** Total virtual time travelled, ms. */
  get shiftMs(): number {
    return this.#shiftMs;
  }

  /** The registry's clock minus this clock, ms: the skew the product should find. */
  get registryOffsetMs(): number {
    return this.#baseOffsetMs;
  }

  /**
   * Sets the registry's skew to about `skewMs` (within 15 s either way) such
   * that the registry clock now stands `intoWindowMs` into a 30 s window and
   * `intoSecondMs` into a second (the `Date` header truncates to seconds, so
   * that decides how far off a first estimate can be). Returns the skew set.
   */
  placeRegistry(options: { skewMs?: number; intoWindowMs: number; intoSecondMs?: number }): number {
    const skew = options.skewMs ?? 0;
    let into = options.intoWindowMs;
    if (options.intoSecondMs !== undefined) into = Math.floor(into / 1000) * 1000 + options.intoSecondMs;
    const registryNow = this.now() + skew;
    let delta = into - mod(registryNow, WINDOW_MS);
    if (delta > WINDOW_MS / 2) delta -= WINDOW_MS;
    if (delta <= -WINDOW_MS / 2) delta += WINDOW_MS;
    this.#baseOffsetMs = skew + delta;
    this.#sync();
    return this.#baseOffsetMs;
  }

  #sync(): void {
    this.#registry.configure({ clockOffsetMs: this.#baseOffsetMs + this.#shiftMs });
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

export interface InProcessRun {
  report: RunReport;
  lines: Array<{ level: string; message: string }>;
  masked: string[];
}

/** `publishInProcess` (test/helpers/core.ts) on a clock of the caller's choosing. */
export async function publishWithClock(raw: RawOptions, clock: Clock, cwd = process.cwd()): Promise<InProcessRun> {
  const { logger, lines, masked } = recordingLogger();
  const report = await runPublish(normalizeOptions(raw, NAMES), { clock, logger, cwd, env: process.env, userAgent: USER_AGENT });
  return { report, lines, masked };
}

/** Runs a `commands` block in-process on a clock of the caller's choosing: one client, one OTP source for the whole run. */
export async function runBlockWithClock(raw: RawOptions, block: string, clock: Clock, cwd = process.cwd()): Promise<InProcessRun> {
  const { logger, lines, masked } = recordingLogger();
  const report = await runCommands(normalizeOptions(raw, NAMES), { block, inputName: 'commands' }, { clock, logger, cwd, env: process.env, userAgent: USER_AGENT });
  return { report, lines, masked };
}
