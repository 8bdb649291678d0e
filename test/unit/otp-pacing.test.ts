import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WaitBudgetError } from '../../src/otp/errors.ts';
import { parseTotpSecret } from '../../src/otp/secret.ts';
import { OtpSource } from '../../src/otp/source.ts';
import { TimeSync } from '../../src/otp/time-sync.ts';
import { totpCodeForWindow } from '../../src/otp/totp.ts';
import { withOtp } from '../../src/otp/with-otp.ts';
import { FakeClock, recordingLogger } from '../helpers/fake-clock.ts';

const SECRET = parseTotpSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'otp-secret');
const WINDOW_MS = 30_000;

/** A few turns of the event loop: a request in flight while other writers ask for codes. */
async function travel(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A fake clock whose sleeps first let the answers already on their way
 * arrive, as on a real clock: with the plain FakeClock, a 300 s pause jumps
 * past answers that the registry gave at its start, and they would come back
 * 300 s late.
 */
class PatientClock extends FakeClock {
  override async sleep(ms: number): Promise<void> {
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    await super.sleep(ms);
  }
}

/** Errors shaped like npm-registry-fetch's. */
function httpError(statusCode: number, code: string, body: unknown = {}, headers: Record<string, string[]> = {}) {
  return Object.assign(new Error(`${statusCode}`), { statusCode, code, body, headers });
}

type Answer = 'accepted' | 'invalid' | 'reused' | 'rate limited';

/**
 * A registry on the fake clock (tolerance 0) that judges each write when it
 * arrives, as registry.npmjs.org does: optionally each code once, or at most
 * `usesPerCode` writes per code, after which it answers 429 `rate limited otp`
 * to every write for `retryAfterS`.
 */
function fakeRegistry(clock: FakeClock, rules: { usesPerCode?: number; retryAfterS?: number; singleUse?: boolean } = {}) {
  const uses = new Map<number, number>();
  const sends: Array<{ at: number; window: number; answer: Answer }> = [];
  let lockedUntil = 0;
  return {
    sends,
    /** Windows whose code was sent, with the writes it was accepted for. */
    acceptedPerWindow(): Map<number, number> {
      return new Map([...uses].filter(([, count]) => count > 0));
    },
    async send(code: string | undefined): Promise<string> {
      const at = clock.now();
      const window = Math.floor(at / WINDOW_MS);
      const used = uses.get(window) ?? 0;
      let answer: Answer = 'accepted';
      if (at < lockedUntil) answer = 'rate limited';
      else if (code !== totpCodeForWindow(SECRET, window)) answer = 'invalid';
      else if (rules.singleUse && used > 0) answer = 'reused';
      else if (used >= (rules.usesPerCode ?? Number.POSITIVE_INFINITY)) {
        answer = 'rate limited';
        lockedUntil = at + (rules.retryAfterS ?? 300) * 1000;
      } else uses.set(window, used + 1);
      sends.push({ at, window, answer });
      await travel();
      if (answer === 'accepted') return 'ok';
      if (answer === 'rate limited') {
        throw httpError(429, 'E429', { error: 'rate limited otp' }, { 'retry-after': [String(Math.ceil((lockedUntil - at) / 1000))] });
      }
      throw httpError(401, 'EOTP', { error: 'OTP required' });
    },
  };
}

/** A source 5 s into a 30 s window, and the context withOtp takes. */
function setup(options: { uses?: number; budgetMs?: number; clock?: FakeClock } = {}) {
  const clock = options.clock ?? new FakeClock();
  clock.set(Math.ceil(clock.now() / WINDOW_MS) * WINDOW_MS + 5_000);
  const { logger, lines } = recordingLogger();
  const source = new OtpSource({
    secret: SECRET,
    clock,
    timeSync: new TimeSync(),
    logger,
    ...(options.uses === undefined ? {} : { maxUsesPerCode: options.uses }),
    ...(options.budgetMs === undefined ? {} : { maxTotalWaitMs: options.budgetMs }),
  });
  return { clock, source, lines, context: { source, clock, logger, secretInput: 'otp-secret' }, firstWindow: Math.floor(clock.now() / WINDOW_MS) };
}

describe('OtpSource pacing: writes per code', () => {
  it('serves 9 sequential writes with 3 codes and 2 window waits when each code may serve 3', async () => {
    const { clock, source, context, firstWindow } = setup({ uses: 3 });
    const registry = fakeRegistry(clock);
    for (let i = 0; i < 9; i += 1) await withOtp(context, { label: `publish p${i}@1.0.0`, send: registry.send });
    assert.deepEqual(
      [...registry.acceptedPerWindow()],
      [
        [firstWindow, 3],
        [firstWindow + 1, 3],
        [firstWindow + 2, 3],
      ],
    );
    assert.ok(registry.sends.every((send) => send.answer === 'accepted'));
    assert.equal(clock.sleeps.length, 2);
    assert.deepEqual({ generated: source.stats.generated, windows: source.stats.windows, waits: source.stats.waits }, { generated: 9, windows: 3, waits: 2 });
  });

  it('serves 12 concurrent writes with 4 codes, none for more than 3 writes, waiting only for the windows it needs', async () => {
    const { clock, source, context, firstWindow } = setup({ uses: 3 });
    const registry = fakeRegistry(clock);
    const started = clock.now();
    await Promise.all(Array.from({ length: 12 }, (_, i) => withOtp(context, { label: `publish p${i}@1.0.0`, send: registry.send })));
    assert.deepEqual(
      [...registry.acceptedPerWindow()],
      [0, 1, 2, 3].map((i) => [firstWindow + i, 3]),
    );
    assert.ok(registry.sends.every((send) => send.answer === 'accepted'));
    assert.equal(source.stats.windows, 4);
    assert.equal(source.stats.waits, 3, 'one wait per later window');
    assert.ok(clock.now() - started < 3 * WINDOW_MS, `${clock.now() - started} ms: no window beyond the fourth was waited for`);
  });

  it('serves every write with one code, without waiting, when uses are unlimited and the registry accepts reuse', async () => {
    const { clock, source, context } = setup();
    const registry = fakeRegistry(clock);
    await Promise.all(Array.from({ length: 9 }, (_, i) => withOtp(context, { label: `publish p${i}@1.0.0`, send: registry.send })));
    assert.equal(registry.acceptedPerWindow().size, 1);
    assert.equal(source.stats.windows, 1);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(source.usesPerCode, Number.POSITIVE_INFINITY);
  });

  it('gives a use back when a code is released without a verdict', async () => {
    const { clock, source } = setup({ uses: 2 });
    const first = await source.next();
    source.accepted(first);
    const lost = await source.next();
    source.released(lost);
    const third = await source.next();
    assert.equal(third.window, first.window, 'the released use is free again');
    source.accepted(third);
    assert.deepEqual(clock.sleeps, []);
    const fourth = await source.next();
    assert.equal(fourth.window, first.window + 1, 'two accepted uses fill the code');
  });

  it('takes a new limit between commands, which never raises what the registry showed', async () => {
    const { source } = setup();
    const first = await source.next();
    source.accepted(first);
    source.setMaxUsesPerCode(1);
    assert.equal(source.usesPerCode, 1);
    const second = await source.next();
    assert.equal(second.window, first.window + 1);
    for (const bad of [0, 1.5, -1, Number.NaN]) assert.throws(() => source.setMaxUsesPerCode(bad), RangeError);
  });

  it('drops to one write per code when the registry refuses a reuse, whatever the setting', async () => {
    const { clock, source, context, lines } = setup({ uses: 3 });
    const registry = fakeRegistry(clock, { singleUse: true });
    for (let i = 0; i < 4; i += 1) await withOtp(context, { label: `publish p${i}@1.0.0`, send: registry.send });
    assert.equal(source.singleUse, true);
    assert.equal(source.usesPerCode, 1);
    assert.deepEqual(
      registry.sends.map((send) => send.answer),
      ['accepted', 'reused', 'accepted', 'accepted', 'accepted'],
    );
    assert.ok([...registry.acceptedPerWindow().values()].every((count) => count === 1));
    assert.equal(lines.filter((line) => /allows each code once/.test(line.message)).length, 1);
  });
});

describe('OtpSource pacing: 429 pauses every write', () => {
  it('pauses all concurrent writes for Retry-After, says so once, and lowers the uses per code to what the registry took', async () => {
    const { clock, source, context, lines } = setup({ clock: new PatientClock() });
    const registry = fakeRegistry(clock, { usesPerCode: 4, retryAfterS: 300 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => withOtp(context, { label: `publish p${i}@1.0.0`, send: registry.send })));
    const limitedAt = registry.sends.find((send) => send.answer === 'rate limited')?.at ?? Number.NaN;
    const during = registry.sends.filter((send) => send.at > limitedAt && send.at < limitedAt + 300_000);
    assert.deepEqual(during, [], 'no write went out during the pause');
    assert.deepEqual([...registry.acceptedPerWindow().values()], [4, 4], 'four writes before the pause, the other four after it');
    assert.equal(source.usesPerCode, 4);
    source.setMaxUsesPerCode(10);
    assert.equal(source.usesPerCode, 4, 'what the registry showed still holds');
    const pauses = lines.filter((line) => /slow down/.test(line.message));
    assert.deepEqual(
      pauses.map((line) => [line.level, line.message]),
      [['info', 'The registry asks to slow down (429 rate limited otp); waiting 300 s before the next write.']],
    );
    assert.equal(lines.filter((line) => line.level === 'info' && /rate-limited a one-time password after 4 writes/.test(line.message)).length, 1);
    assert.deepEqual(
      { pauses: source.stats.pauses, pausedMs: source.stats.pausedMs, windows: source.stats.windows },
      { pauses: 1, pausedMs: 300_000, windows: 2 },
    );
  });

  it('holds writes already waiting in next() until the pause ends', async () => {
    const { clock, source } = setup();
    const first = await source.next();
    const waiting = source.next(); // waits for the verdict on the first code
    await travel();
    source.rateLimited(first, { retryAfterMs: 300_000, codeUses: false });
    const issued = await waiting;
    assert.ok(issued.waitedMs >= 300_000, `waited ${issued.waitedMs} ms`);
    assert.deepEqual(clock.sleeps, [300_000]);
  });

  it('learns nothing about uses per code from a 429 on a code no write was accepted with', async () => {
    const { source } = setup();
    const first = await source.next();
    source.rateLimited(first, { retryAfterMs: 1_000, codeUses: true });
    assert.equal(source.usesPerCode, Number.POSITIVE_INFINITY);
  });
});

describe('OtpSource pacing: one wait budget for the run', () => {
  it('fails with EWAITBUDGET when a Retry-After is beyond what is left, and every later write fails at once', async () => {
    const { clock, context, lines } = setup({ budgetMs: 50_000 });
    let calls = 0;
    const error = await withOtp(context, {
      label: 'publish a@1.0.0',
      send: async () => {
        calls += 1;
        // A refused code costs the wait for the next window (~25 s, not counted), then the registry asks for 60 s.
        if (calls === 1) throw httpError(401, 'EOTP', { error: 'OTP required' });
        throw httpError(429, 'E429', { error: 'rate limited otp' }, { 'retry-after': ['60'] });
      },
    }).catch((e: unknown) => e);
    assert.ok(error instanceof WaitBudgetError);
    assert.equal(error.code, 'EWAITBUDGET');
    assert.match(
      error.message,
      /^This run has waited 0 s for the registry's rate limits \(429\), and the next write would have to wait 60 s more, over the run's limit of 50 s: the registry is rate-limiting one-time passwords\./,
    );
    assert.doesNotMatch(error.message, /\d{6}/, 'no code in the message');
    assert.equal(calls, 2);
    assert.ok(
      lines.some(
        (line) =>
          line.level === 'info' &&
          line.message === "The registry asks to slow down (429 rate limited otp); it asks for 60 s, more than the run's wait limit leaves.",
      ),
      JSON.stringify(lines),
    );
    const sleeps = clock.sleeps.length;
    let sent = false;
    const later = await withOtp(context, { label: 'publish b@1.0.0', send: async () => ((sent = true), 'ok') }).catch((e: unknown) => e);
    assert.ok(later instanceof WaitBudgetError);
    assert.equal(sent, false);
    assert.equal(clock.sleeps.length, sleeps, 'no further waiting');
  });

  it('backs off 2, 4, 8, 16 s while the registry answers 429 with Retry-After 0, until the budget is spent', async () => {
    const { clock, context } = setup({ budgetMs: 30_000 });
    let calls = 0;
    const send = async () => {
      calls += 1;
      throw httpError(429, 'E429', {}, { 'retry-after': ['0'] });
    };
    await assert.rejects(withOtp(context, { label: 'publish a@1.0.0', send }), { code: 'EWAITBUDGET' });
    assert.deepEqual(clock.sleeps, [2_000, 4_000, 8_000, 16_000]);
    assert.equal(calls, 5);
  });

  it('does not count window waits against the budget: they are the least pacing costs, each under one period', async () => {
    const { clock, context } = setup({ uses: 1, budgetMs: 20_000 });
    const registry = fakeRegistry(clock);
    await withOtp(context, { label: 'publish a@1.0.0', send: registry.send });
    await withOtp(context, { label: 'publish b@1.0.0', send: registry.send });
    await withOtp(context, { label: 'publish c@1.0.0', send: registry.send });
    assert.equal(registry.sends.length, 3);
    assert.equal(clock.sleeps.length, 2, 'one window wait per further code');
    assert.ok(
      clock.sleeps.every((ms) => ms > 20_000 && ms <= 31_000),
      JSON.stringify(clock.sleeps),
    );
  });
});
