import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTotpSecret } from '../../src/otp/secret.ts';
import { type IssuedCode, OtpSource } from '../../src/otp/source.ts';
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
 * A registry on the fake clock (same time, tolerance 0) that accepts codes of
 * its current window, optionally each only once, or none at all. Records what
 * it saw and how many requests were in flight at most.
 */
function fakeRegistry(clock: FakeClock, rules: { singleUse?: boolean; refuseAll?: boolean } = {}) {
  const used = new Set<string>();
  const seen: Array<{ code: string; verdict: 'accepted' | 'invalid' | 'reused' }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    seen,
    get maxInFlight() {
      return maxInFlight;
    },
    /** One write: judged when it arrives; the answer then takes a few turns of the event loop to come back. */
    async write(code: string): Promise<'accepted' | 'invalid' | 'reused'> {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const current = totpCodeForWindow(SECRET, Math.floor(clock.now() / WINDOW_MS));
      let verdict: 'accepted' | 'invalid' | 'reused' = rules.refuseAll || code !== current ? 'invalid' : 'accepted';
      if (verdict === 'accepted' && rules.singleUse) verdict = used.has(code) ? 'reused' : (used.add(code), 'accepted');
      seen.push({ code, verdict });
      await travel();
      inFlight -= 1;
      return verdict;
    },
  };
}

function setup(intoWindowMs: number) {
  const clock = new FakeClock();
  clock.set(Math.ceil(clock.now() / WINDOW_MS) * WINDOW_MS + intoWindowMs);
  const { logger, lines } = recordingLogger();
  const source = new OtpSource({ secret: SECRET, clock, timeSync: new TimeSync(), logger });
  return { clock, source, lines };
}

/** A writer that reports every verdict to the source, trying up to `attempts` codes. */
async function writer(source: OtpSource, registry: ReturnType<typeof fakeRegistry>, attempts = 3): Promise<IssuedCode | undefined> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const issued = await source.next();
    const verdict = await registry.write(issued.code);
    if (verdict === 'accepted') {
      source.accepted(issued);
      return issued;
    }
    source.rejected(issued);
  }
  return undefined;
}

describe('OtpSource with writes in flight', () => {
  it('sends the first code of a run alone, so a wrong secret costs one refusal per window, never a burst of the same code', async () => {
    const { clock, source } = setup(5_000);
    const registry = fakeRegistry(clock, { refuseAll: true });
    await Promise.all([writer(source, registry), writer(source, registry), writer(source, registry)]);
    assert.equal(registry.maxInFlight, 1, 'one unproven code out at a time');
    const codes = registry.seen.map((entry) => entry.code);
    assert.equal(new Set(codes).size, codes.length, 'no refused code went out twice');
    assert.equal(source.stats.rejected, codes.length);
    assert.equal(source.stats.waits, codes.length - 1, 'one wait per window');
  });

  it('tries a reuse alone; when the registry refuses it, the other writers each take a window of their own', async () => {
    const { clock, source, lines } = setup(5_000);
    const registry = fakeRegistry(clock, { singleUse: true });
    const results = await Promise.all([writer(source, registry), writer(source, registry), writer(source, registry)]);
    assert.ok(
      results.every((issued) => issued !== undefined),
      'every write succeeds',
    );
    assert.deepEqual(registry.seen.map((entry) => entry.verdict).sort(), ['accepted', 'accepted', 'accepted', 'reused']);
    assert.equal(new Set(results.map((issued) => issued?.window)).size, 3);
    assert.equal(clock.sleeps.length, 2, 'one wait for each later window');
    assert.equal(lines.filter((line) => /allows each code once/.test(line.message)).length, 1);
  });

  it('lets writes share one code at once once the registry has accepted a reuse', async () => {
    const { clock, source } = setup(5_000);
    const registry = fakeRegistry(clock);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => writer(source, registry)));
    assert.equal(new Set(results.map((issued) => issued?.code)).size, 1);
    assert.ok(registry.seen.every((entry) => entry.verdict === 'accepted'));
    assert.ok(registry.maxInFlight >= 2, 'after the first code and the first reuse, the rest go out together');
    assert.deepEqual(clock.sleeps, []);
  });

  it('does not hold the next writer when a code ends without a verdict (released)', async () => {
    const { source } = setup(5_000);
    const first = await source.next();
    const second = source.next();
    await travel();
    source.released(first);
    const issued = await second;
    assert.equal(issued.window, first.window, 'an unjudged code is not refused: its window stays usable');
  });
});

describe('withOtp settles every code', () => {
  const context = () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 29, 12, 0, 5));
    const { logger } = recordingLogger();
    const source = new OtpSource({ secret: SECRET, clock, timeSync: new TimeSync(), logger });
    return { source, clock, logger, secretInput: 'otp-secret' };
  };

  it('lets a concurrent write go on when the first fails without a verdict (network error)', async () => {
    const otp = context();
    const failing = withOtp(otp, {
      label: 'publish a@1.0.0',
      send: async () => {
        await travel();
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      },
    });
    const other = withOtp(otp, { label: 'dist-tag add a@1.0.0 next', send: async (code) => code });
    await assert.rejects(failing, /socket hang up/);
    assert.match((await other) ?? '', /^\d{6}$/);
  });

  it('lets a concurrent write go on after a security-key refusal', async () => {
    const otp = context();
    const error = Object.assign(new Error('401'), {
      statusCode: 401,
      code: 'EOTP',
      body: { authUrl: 'https://example.test/a', doneUrl: 'https://example.test/d' },
    });
    const failing = withOtp(otp, {
      label: 'publish a@1.0.0',
      send: async () => {
        await travel();
        throw error;
      },
    });
    const other = withOtp(otp, { label: 'owner add b a', send: async (code) => code });
    await assert.rejects(failing);
    assert.match((await other) ?? '', /^\d{6}$/);
  });

  it('lets a concurrent write go on after a 429, once the pause it asked for has passed', async () => {
    const otp = context();
    let calls = 0;
    const failing = withOtp(otp, {
      label: 'publish a@1.0.0',
      send: async () => {
        calls += 1;
        await travel();
        if (calls === 1) throw Object.assign(new Error('429'), { statusCode: 429, code: 'E429', headers: { 'retry-after': ['9'] } });
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      },
    });
    const started = otp.clock.now();
    let sentAt = 0;
    const other = withOtp(otp, { label: 'owner add b a', send: async (code) => ((sentAt = otp.clock.now()), code) });
    await assert.rejects(failing, /socket hang up/);
    assert.match((await other) ?? '', /^\d{6}$/);
    assert.ok(sentAt - started >= 9_000, `sent ${sentAt - started} ms after the start, inside the 9 s pause`);
  });

  it('fails a concurrent write with EWAITBUDGET, instead of leaving it waiting, when a 429 asks for more than the wait budget', async () => {
    const otp = context();
    const error = Object.assign(new Error('429'), { statusCode: 429, code: 'E429', headers: { 'retry-after': ['9999'] } });
    const failing = withOtp(otp, {
      label: 'publish a@1.0.0',
      send: async () => {
        await travel();
        throw error;
      },
    });
    let sent = false;
    const other = withOtp(otp, { label: 'owner add b a', send: async (code) => ((sent = true), code) });
    await assert.rejects(failing, { code: 'EWAITBUDGET' });
    await assert.rejects(other, { code: 'EWAITBUDGET' });
    assert.equal(sent, false);
  });
});
