/**
 * Time travel for integration tests against the real test registry: the
 * product runs on a clock that jumps forward when it sleeps, and the
 * registry's clock jumps with it, so a 30-second OTP window passes in a
 * moment while both sides still agree on the time. A base offset on top
 * models a registry whose clock is off (skew).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../../src/foundation/clock.ts';
import { normalizeOptions, type RawOptions } from '../../src/grammar/options.ts';
import type { RunReport } from '../../src/run/result.ts';

import { runCommands } from '../../src/run/run.ts';
import { USER_AGENT } from '../../src/version.ts';
import type { TestRegistry } from '../registry/index.ts';
import { NAMES } from './core.ts';
import { recordingLogger } from './fake-clock.ts';

const WINDOW_MS = 30_000;
/**
 * Real time with no registry activity after which the system counts as idle. Not deterministic, and bounded: the
 * registry sees every request in progress (those count as busy however long they take), but not a writer's own work
 * between two requests, which is in-process and well under a millisecond of CPU between an answer and the next
 * request; were a loaded machine to stretch that past QUIET_MS, the worst case is a code sent a window late, which
 * the registry refuses and the product retries with the next window's code (a counted refusal, never a wrong publish).
 */
const QUIET_MS = 15;
const IDLE_LIMIT_MS = 10_000;

/**
 * A Clock whose `now()` is `Date.now()` plus a shift that only grows.
 * `sleep(ms)` resolves as soon as the registry is idle (a few ms of real
 * time), moving the shift so that the sleep's end has been reached, and
 * moves the registry's clock by the same amount (`clockOffsetMs = base + shift`).
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
    await this.#idle();
    this.#shiftMs = Math.max(this.#shiftMs, end - Date.now());
    this.#sync();
  }

  /**
   * Virtual time moves only when nothing else is going on, as in any
   * discrete-event simulation: otherwise a writer's 30 s sleep would jump the
   * registry's clock while another writer's request, which takes milliseconds
   * in reality, is still on its way. Waits (real time) until the registry has
   * no request in progress and its log has been still for QUIET_MS; gives up
   * waiting after IDLE_LIMIT_MS. A request the registry holds (`delay`, until the
   * test releases it) or cut off (`reset`) is not in progress: it waits on the
   * test, and virtual time may pass over it.
   */
  async #idle(): Promise<void> {
    const started = Date.now();
    let seen = -1;
    let stillSince = Date.now();
    while (Date.now() - started < IDLE_LIMIT_MS) {
      const log = this.#registry.requests;
      const busy = log.some((request) => request.status === 0 && request.fault !== 'reset' && request.fault !== 'delay');
      if (busy || log.length !== seen) {
        seen = log.length;
        stillSince = Date.now();
      } else if (Date.now() - stillSince >= QUIET_MS) {
        return;
      }
      await delay(2);
    }
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
   * Sets the registry's skew to exactly `skewMs`, then travels forward (both
   * clocks, less than one window) until the registry's clock stands
   * `intoWindowMs` into a 30 s window, and, if given, `intoSecondMs` into a
   * second instead of the window's own sub-second position. The `Date` header
   * truncates to whole seconds, so the sub-second position decides how far off
   * a first offset estimate can be.
   */
  placeRegistry(options: { skewMs?: number; intoWindowMs: number; intoSecondMs?: number }): void {
    this.#baseOffsetMs = options.skewMs ?? 0;
    let into = options.intoWindowMs;
    if (options.intoSecondMs !== undefined) into = Math.floor(into / 1000) * 1000 + options.intoSecondMs;
    this.#shiftMs += mod(into - mod(this.now() + this.#baseOffsetMs, WINDOW_MS), WINDOW_MS);
    this.#sync();
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
  const report = await runCommands(normalizeOptions(raw, NAMES), undefined, { clock, logger, cwd, env: process.env, userAgent: USER_AGENT });
  return { report, lines, masked };
}

/** Runs a `commands` block in-process on a clock of the caller's choosing: one client, one OTP source for the whole run. */
export async function runBlockWithClock(raw: RawOptions, block: string, clock: Clock, cwd = process.cwd()): Promise<InProcessRun> {
  const { logger, lines, masked } = recordingLogger();
  const report = await runCommands(
    normalizeOptions(raw, NAMES),
    { block, inputName: 'commands' },
    { clock, logger, cwd, env: process.env, userAgent: USER_AGENT },
  );
  return { report, lines, masked };
}
