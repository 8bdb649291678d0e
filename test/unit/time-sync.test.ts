import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TimeSync } from '../../src/otp/time-sync.ts';

/** What a registry `offsetMs` ahead would stamp on an answer produced at local time `at`. */
function stamp(at: number, offsetMs: number): string {
  return new Date(at + offsetMs).toUTCString();
}

describe('TimeSync', () => {
  it('reports no offset until an answer carries a Date header', () => {
    const sync = new TimeSync();
    sync.observe({ date: undefined, sentAt: 1000, receivedAt: 1100 });
    assert.equal(sync.known, false);
    assert.equal(sync.offsetMs, 0);
  });

  for (const offsetMs of [120_000, -120_000, 90_000, -90_000, 0, 4_321]) {
    it(`estimates a registry clock ${offsetMs} ms off to within the Date header's resolution`, () => {
      const sync = new TimeSync();
      const base = Date.UTC(2026, 0, 1, 0, 0, 0, 0);
      for (let i = 0; i < 6; i += 1) {
        const sentAt = base + i * 1370 + 123;
        const receivedAt = sentAt + 40;
        sync.observe({ date: stamp(sentAt + 20, offsetMs), sentAt, receivedAt });
      }
      assert.ok(Math.abs(sync.offsetMs - offsetMs) <= 520, `estimate ${sync.offsetMs} vs ${offsetMs}`);
      assert.ok(sync.uncertaintyMs <= 520);
    });
  }

  it('narrows the interval as answers accumulate', () => {
    const sync = new TimeSync();
    const base = Date.UTC(2026, 0, 1);
    sync.observe({ date: stamp(base + 10, 5000), sentAt: base, receivedAt: base + 20 });
    const first = sync.uncertaintyMs;
    sync.observe({ date: stamp(base + 710, 5000), sentAt: base + 700, receivedAt: base + 720 });
    assert.ok(sync.uncertaintyMs < first, `${sync.uncertaintyMs} < ${first}`);
  });

  it('starts over when the registry clock jumps', () => {
    const sync = new TimeSync();
    const base = Date.UTC(2026, 0, 1);
    sync.observe({ date: stamp(base, 0), sentAt: base, receivedAt: base + 10 });
    sync.observe({ date: stamp(base + 1000, 60_000), sentAt: base + 1000, receivedAt: base + 1010 });
    assert.ok(Math.abs(sync.offsetMs - 60_000) <= 520);
  });

  it('applies an offset up to 15 minutes, and neither one beyond, one before 1970 nor one that is no date, warning once each', () => {
    const warnings: string[] = [];
    const sync = new TimeSync({ warn: (message) => warnings.push(message) });
    const base = Date.UTC(2026, 0, 1);
    sync.observe({ date: stamp(base, 14 * 60_000), sentAt: base, receivedAt: base + 10 });
    assert.ok(Math.abs(sync.offsetMs - 14 * 60_000) <= 520, `applied: ${sync.offsetMs}`);
    for (const date of [stamp(base, 16 * 60_000), stamp(base, 16 * 60_000), stamp(base, -40 * 60_000), 'Wed, 31 Dec 1969 23:59:59 GMT', 'soon']) {
      sync.observe({ date, sentAt: base, receivedAt: base + 10 });
    }
    assert.ok(Math.abs(sync.offsetMs - 14 * 60_000) <= 520, `kept: ${sync.offsetMs}`);
    assert.deepEqual(
      warnings.map((message) => /(ahead of|behind|not a date)/.exec(message)?.[1]),
      ['ahead of', 'behind', 'not a date'],
    );
    assert.match(warnings[0] ?? '', /is 16 min 0 s ahead of this machine's, more than 15 minutes: not applied/);
  });

  it('learns the upload speed from large writes and the latency from small requests', () => {
    const sync = new TimeSync();
    for (let i = 0; i < 8; i += 1) sync.observe({ date: undefined, sentAt: 0, receivedAt: 100 });
    assert.ok(Math.abs(sync.latencyMs - 100) <= 5, `latency ${sync.latencyMs}`);
    for (let i = 0; i < 8; i += 1) sync.observe({ date: undefined, sentAt: 0, receivedAt: 1100, bytesSent: 10_000_000 });
    assert.ok(Math.abs(sync.bytesPerMs - 10_000) <= 200, `speed ${sync.bytesPerMs}`);
  });
});
