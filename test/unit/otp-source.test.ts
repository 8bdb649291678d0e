import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OtpSource } from '../../src/otp/source.ts';
import { parseTotpSecret } from '../../src/otp/secret.ts';
import { TimeSync } from '../../src/otp/time-sync.ts';
import { totpCode } from '../../src/otp/totp.ts';
import { FakeClock, recordingLogger } from '../helpers/fake-clock.ts';

const SECRET = parseTotpSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'otp-secret');
const WINDOW_MS = 30_000;

/** A source whose clock stands `intoWindowMs` into a 30 s window. */
function setup(intoWindowMs: number, options: { offsetMs?: number; marginFloorMs?: number } = {}) {
  const clock = new FakeClock();
  const start = Math.ceil(clock.now() / WINDOW_MS) * WINDOW_MS + intoWindowMs - (options.offsetMs ?? 0);
  clock.set(start);
  const timeSync = new TimeSync();
  if (options.offsetMs !== undefined) {
    // Two answers pin the offset to within a few ms.
    for (const at of [start - 5000 + 999, start - 2000]) {
      timeSync.observe({ date: new Date(at + options.offsetMs).toUTCString(), sentAt: at - 1, receivedAt: at + 1 });
    }
  }
  const { logger, lines, masked } = recordingLogger();
  const source = new OtpSource({
    secret: SECRET,
    clock,
    timeSync,
    logger,
    ...(options.marginFloorMs === undefined ? {} : { marginFloorMs: options.marginFloorMs }),
  });
  return { clock, timeSync, source, lines, masked };
}

describe('OtpSource', () => {
  it('says at info level what it waits for when a wait is longer than 2 s, and keeps short waits in the debug log', async () => {
    const short = setup(WINDOW_MS - 800);
    await short.source.next();
    assert.ok(
      short.lines.some(
        (line) =>
          line.level === 'debug' &&
          /^Waiting 0\.\d s for the next one-time password window \(the current window has too little time left for the request\)\.$/.test(line.message),
      ),
      JSON.stringify(short.lines),
    );
    assert.ok(!short.lines.some((line) => line.level === 'info'), 'a wait under 2 s is a debug line');
    // A refused code moves to the next window: from early in the window, that is a long wait, said at info level.
    const refused = setup(2_000);
    const first = await refused.source.next();
    refused.source.rejected(first);
    await refused.source.next();
    assert.ok(
      refused.lines.some(
        (line) => line.level === 'info' && /^Waiting 2[0-9]\.\d s for the next one-time password window \(the last code was refused\)\.$/.test(line.message),
      ),
      JSON.stringify(refused.lines),
    );
  });

  it("hands out the current window's code at once when the window has time left", async () => {
    const { clock, source, masked } = setup(5_000);
    const issued = await source.next();
    assert.equal(issued.code, totpCode(SECRET, clock.now()));
    assert.equal(issued.waitedMs, 0);
    assert.deepEqual(clock.sleeps, []);
    assert.deepEqual(masked, [issued.code], 'every code is masked before it is handed out');
  });

  it('waits for the next window instead of handing out a code about to expire', async () => {
    const { clock, source } = setup(WINDOW_MS - 800);
    const before = clock.now();
    const issued = await source.next();
    assert.equal(clock.sleeps.length, 1);
    assert.ok(issued.waitedMs >= 800 && issued.waitedMs <= 1000, `waited ${issued.waitedMs}`);
    assert.equal(Math.floor(clock.now() / WINDOW_MS), Math.floor(before / WINDOW_MS) + 1);
    assert.equal(issued.code, totpCode(SECRET, clock.now()));
    assert.deepEqual(source.stats, { generated: 1, windows: 1, rejected: 0, waits: 1, waitedMs: issued.waitedMs, pauses: 0, pausedMs: 0 });
  });

  it('asks for more time left in the window when the body is large', async () => {
    const { source } = setup(0);
    const small = source.marginFor(1_000);
    const large = source.marginFor(15_000_000);
    assert.ok(large > small + 10_000, `${large} vs ${small}`);
    assert.ok(large <= WINDOW_MS * 0.8, 'never more than the window can give');
    const { source: late, clock } = setup(WINDOW_MS - 10_000);
    await late.next({ bodyBytes: 15_000_000 });
    assert.equal(clock.sleeps.length, 1, 'a 15 MB upload does not start on a code with 10 s left');
  });

  it('never hands out a rejected code again, moving to the next window', async () => {
    const { clock, source } = setup(3_000);
    const first = await source.next();
    assert.equal(source.rejected(first), false);
    const second = await source.next();
    assert.notEqual(second.window, first.window);
    assert.equal(second.window, first.window + 1);
    assert.equal(clock.sleeps.length, 1);
    assert.equal(source.stats.rejected, 1);
  });

  it('switches to one code per window, once and with one warning, when the registry refuses a reused code', async () => {
    const { clock, source, lines } = setup(1_000);
    const first = await source.next();
    source.accepted(first);
    const reused = await source.next();
    assert.equal(reused.window, first.window, 'reuse is tried while the registry allows it');
    assert.equal(source.rejected(reused), true);
    assert.equal(source.singleUse, true);
    const third = await source.next();
    source.accepted(third);
    const fourth = await source.next();
    assert.deepEqual([third.window, fourth.window], [first.window + 1, first.window + 2]);
    assert.equal(lines.filter((line) => line.level === 'warning').length, 1);
    assert.equal(clock.sleeps.length, 2);
  });

  it('lets concurrent writes share one wait for the next window', async () => {
    const { clock, source } = setup(WINDOW_MS - 500);
    // Each writer reports its verdict as withOtp does; the registry accepts every code.
    const write = async () => {
      const code = await source.next();
      source.accepted(code);
      return code;
    };
    const codes = await Promise.all([write(), write(), write()]);
    assert.equal(clock.sleeps.length, 1, 'one wait for three writes');
    assert.equal(new Set(codes.map((code) => code.window)).size, 1);
  });

  it("computes codes on the registry's time when its clock is 120 s ahead or behind", async () => {
    for (const offsetMs of [120_000, -120_000]) {
      const { clock, source, lines } = setup(10_000, { offsetMs });
      const issued = await source.next();
      assert.equal(issued.code, totpCode(SECRET, clock.now() + offsetMs));
      assert.notEqual(issued.code, totpCode(SECRET, clock.now()));
      assert.ok(lines.some((line) => line.level === 'warning' && /clock is 120\.\d s/.test(line.message)));
    }
  });
});
