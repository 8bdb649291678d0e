import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTotpSecret } from '../../src/otp/secret.ts';
import { OtpSource } from '../../src/otp/source.ts';
import { TimeSync } from '../../src/otp/time-sync.ts';
import { FakeClock, recordingLogger } from '../helpers/fake-clock.ts';

const SECRET = parseTotpSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'otp-secret');
const WINDOW_MS = 30_000;

/**
 * A registry `offsetMs` ahead of the fake clock, seen through one answer whose
 * `Date` header was stamped `intoSecondMs` into a second, `leftMs` before the
 * registry's window ends. Returns the source and the true registry time.
 */
function oneHeader(options: { offsetMs: number; leftMs: number; intoSecondMs: number }) {
  const clock = new FakeClock();
  // Registry time at the answer: a window end minus leftMs, moved to the wanted sub-second position.
  const windowEnd = Math.ceil((clock.now() + options.offsetMs) / WINDOW_MS + 1) * WINDOW_MS;
  let stamped = windowEnd - options.leftMs;
  stamped = Math.floor(stamped / 1000) * 1000 + options.intoSecondMs;
  const local = stamped - options.offsetMs;
  clock.set(local + 5);
  const timeSync = new TimeSync();
  timeSync.observe({ date: new Date(stamped).toUTCString(), sentAt: local - 5, receivedAt: local + 5 });
  const { logger } = recordingLogger();
  const source = new OtpSource({ secret: SECRET, clock, timeSync, logger });
  return { clock, timeSync, source, registryNow: () => clock.now() + options.offsetMs };
}

describe('OtpSource at window edges', () => {
  for (const offsetMs of [0, 120_000, -120_000]) {
    it(`enters a new window only when the registry is surely in it, the offset being known to one second (offset ${offsetMs / 1000} s)`, async () => {
      // Stamped 30 ms into a second: the midpoint estimate is ~0.47 s ahead of the truth.
      const { source, timeSync, registryNow } = oneHeader({ offsetMs, leftMs: 970, intoSecondMs: 30 });
      assert.ok(timeSync.offsetMs - offsetMs > 400, `the estimate is too large by ${timeSync.offsetMs - offsetMs} ms`);
      const issued = await source.next();
      assert.equal(source.stats.waits, 1);
      assert.equal(issued.window, Math.floor(registryNow() / WINDOW_MS), "the registry's own clock is already in the code's window");
      assert.ok(registryNow() % WINDOW_MS >= 100, 'and not on its edge');
    });
  }

  it("keeps the offset's uncertainty as extra margin at the end of a window", async () => {
    // Stamped 990 ms into a second: the estimate is ~0.49 s behind the truth, so the window ends earlier than it seems.
    const { source, registryNow } = oneHeader({ offsetMs: 0, leftMs: 2_400, intoSecondMs: 990 });
    const precise = new OtpSource({ secret: SECRET, clock: new FakeClock(), timeSync: new TimeSync(), logger: recordingLogger().logger });
    assert.ok(source.marginFor() >= precise.marginFor() + 400, `${source.marginFor()} vs ${precise.marginFor()}`);
    const issued = await source.next();
    const left = (issued.window + 1) * WINDOW_MS - registryNow();
    assert.ok(left >= 2_000, `the code had ${left} ms left on the registry's clock, less than the 2 s floor`);
  });

  it('asks for more time left in the window once requests have been measured as slow', async () => {
    const clock = new FakeClock();
    const timeSync = new TimeSync();
    for (let i = 0; i < 6; i += 1) timeSync.observe({ date: undefined, sentAt: 0, receivedAt: 8_000 });
    const source = new OtpSource({ secret: SECRET, clock, timeSync, logger: recordingLogger().logger });
    assert.ok(source.marginFor() >= 15_000, `margin ${source.marginFor()}`);
    clock.set(Math.ceil(clock.now() / WINDOW_MS) * WINDOW_MS + WINDOW_MS - 14_000);
    const issued = await source.next();
    assert.equal(clock.sleeps.length, 1, 'a request that takes 8 s does not start on a code with 14 s left');
    assert.equal(issued.window, Math.floor(clock.now() / WINDOW_MS));
  });

  it('never lets margin and entry guard leave no usable window, even with the shortest period and a vague offset', async () => {
    const short = parseTotpSecret('otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&period=10', 'otp-secret');
    const clock = new FakeClock();
    const timeSync = new TimeSync();
    // One slow answer: a wide interval (uncertainty ~5 s) and 10 s latency.
    timeSync.observe({ date: new Date(clock.now()).toUTCString(), sentAt: clock.now() - 10_000, receivedAt: clock.now() });
    const source = new OtpSource({ secret: short, clock, timeSync, logger: recordingLogger().logger });
    const issued = await source.next({ bodyBytes: 50_000_000 });
    assert.ok(clock.sleeps.length <= 1, `slept ${clock.sleeps.length} times`);
    assert.equal(issued.window, Math.floor((clock.now() + timeSync.offsetMs) / 10_000));
  });
});
