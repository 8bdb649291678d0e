/**
 * Random cases that can be drawn again: a test that draws random inputs takes
 * them from `withSeed`, whose seed is NPM_TOTP_PUBLISH_TEST_SEED when set and
 * a fresh one otherwise, and whose failure names the seed (and the variable
 * that draws the same cases again) above the assertion that failed.
 *
 *   it('agrees on random pairs', () => withSeed((random) => { ... random.int(10) ... }));
 */

/** The environment variable that fixes the seed of every `withSeed` in a run. */
export const SEED_VARIABLE = 'NPM_TOTP_PUBLISH_TEST_SEED';

/** Numbers drawn from one seed, always the same ones in the same order. */
export interface SeededRandom {
  readonly seed: number;
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [0, max), or in [min, max) given both (as node:crypto's randomInt). */
  int(minOrMax: number, max?: number): number;
  /** `length` bytes. */
  bytes(length: number): Buffer;
}

/** mulberry32: 32 bits of state, plenty for test cases, and the same numbers on every platform. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (minOrMax: number, max?: number): number => {
    const [low, high] = max === undefined ? [0, minOrMax] : [minOrMax, max];
    return low + Math.floor(next() * (high - low));
  };
  return { seed, next, int, bytes: (length) => Buffer.from(Array.from({ length }, () => int(256))) };
}

/** The run's seed: NPM_TOTP_PUBLISH_TEST_SEED (a whole number from 0 to 2^32 - 1) when set, else a fresh one. */
export function testSeed(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env[SEED_VARIABLE];
  if (fixed === undefined || fixed === '') return Math.floor(Math.random() * 2 ** 32);
  const seed = Number(fixed);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`${SEED_VARIABLE} must be a whole number from 0 to 4294967295, got ${fixed}`);
  return seed;
}

/**
 * Runs `body` with numbers drawn from the run's seed. If it throws, the error
 * thrown instead says the seed and how to draw the same cases again, with the
 * original as its cause.
 */
export async function withSeed<T>(body: (random: SeededRandom) => T | Promise<T>): Promise<T> {
  const seed = testSeed();
  try {
    return await body(seededRandom(seed));
  } catch (error) {
    throw new Error(`failed with random cases from seed ${seed}; ${SEED_VARIABLE}=${seed} draws them again`, { cause: error });
  }
}
