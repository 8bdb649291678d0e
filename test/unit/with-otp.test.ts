import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OtpRejectedError, OtpRequiredError, RateLimitedError, SecurityKeyError, WaitBudgetError } from '../../src/otp/errors.ts';
import { parseTotpSecret } from '../../src/otp/secret.ts';
import { OtpSource } from '../../src/otp/source.ts';
import { TimeSync } from '../../src/otp/time-sync.ts';
import { type OtpTally, withOtp } from '../../src/otp/with-otp.ts';
import { FakeClock, recordingLogger } from '../helpers/fake-clock.ts';

const SECRET = parseTotpSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'otp-secret');

/** Errors shaped like npm-registry-fetch's. */
function httpError(statusCode: number, code: string, body: unknown = {}, headers: Record<string, string[]> = {}) {
  return Object.assign(new Error(`${statusCode}`), { statusCode, code, body, headers });
}
const eotp = () => httpError(401, 'EOTP', { error: 'OTP required' });

function setup(withSecret = true) {
  const clock = new FakeClock(Date.UTC(2026, 10, 29, 12, 0, 5));
  const { logger, lines } = recordingLogger();
  const source = withSecret ? new OtpSource({ secret: SECRET, clock, timeSync: new TimeSync(), logger }) : undefined;
  return { clock, lines, source, context: { source, clock, logger, secretInput: 'otp-secret' } };
}

describe('withOtp', () => {
  it('sends a fresh code and returns the value when the registry accepts it', async () => {
    const { context } = setup();
    const sent: Array<string | undefined> = [];
    const tally: OtpTally = { otpAttempts: 0, waitedMs: 0 };
    const value = await withOtp(context, { label: 'publish a@1.0.0', send: async (otp) => (sent.push(otp), 'ok') }, tally);
    assert.equal(value, 'ok');
    assert.equal(sent.length, 1);
    assert.match(sent[0] ?? '', /^\d{6}$/);
    assert.equal(tally.otpAttempts, 1);
  });

  it("retries with the next window's code after a rejection and never re-sends the rejected code", async () => {
    const { context, source } = setup();
    const sent: string[] = [];
    await withOtp(context, {
      label: 'dist-tag add a@1.0.0 next',
      send: async (otp) => {
        sent.push(otp as string);
        if (sent.length === 1) throw eotp();
        return 'ok';
      },
    });
    assert.equal(sent.length, 2);
    assert.notEqual(sent[0], sent[1]);
    assert.equal(source?.stats.rejected, 1);
  });

  it('gives up after three codes with a message that counts them and shows no code', async () => {
    const { context } = setup();
    const sent: string[] = [];
    const tally: OtpTally = { otpAttempts: 0, waitedMs: 0 };
    const error = await withOtp(
      context,
      {
        label: 'publish a@1.0.0',
        send: async (otp) => {
          sent.push(otp as string);
          throw eotp();
        },
      },
      tally,
    ).catch((e: unknown) => e);
    assert.ok(error instanceof OtpRejectedError);
    assert.equal(error.code, 'EOTPREJECTED');
    assert.equal(sent.length, 3);
    assert.equal(new Set(sent).size, 3, 'three different codes');
    assert.match(error.message, /refused 3 one-time passwords .* from 3 time windows \(clock offset used: \+0\.0 s/);
    for (const code of sent) assert.ok(!error.message.includes(code));
    assert.equal(tally.otpAttempts, 3);
  });

  it('fails at once, without retrying, when the registry offers a web approval and none is allowed (auth-type totp)', async () => {
    const { context } = setup();
    let calls = 0;
    const error = await withOtp(context, {
      label: 'publish a@1.0.0',
      send: async () => {
        calls += 1;
        throw httpError(401, 'EOTP', { authUrl: 'https://www.npmjs.com/auth/cli/x', doneUrl: 'https://registry.npmjs.org/-/v1/done?x' });
      },
    }).catch((e: unknown) => e);
    assert.ok(error instanceof SecurityKeyError);
    assert.match(error.message, /web approval.*auth-type is totp.*trusted publishing/s);
    assert.equal(calls, 1);
  });

  it('says which setting is missing when the registry asks for a code and no secret is configured', async () => {
    const { context } = setup(false);
    const sent: Array<string | undefined> = [];
    const error = await withOtp(context, {
      label: 'publish a@1.0.0',
      send: async (otp) => {
        sent.push(otp);
        throw eotp();
      },
    }).catch((e: unknown) => e);
    assert.ok(error instanceof OtpRequiredError);
    assert.match(error.message, /otp-secret/);
    assert.deepEqual(sent, [undefined]);
  });

  it('honours Retry-After on 429 and does not count the unjudged code against the bound', async () => {
    const { context, clock } = setup();
    let calls = 0;
    const tally: OtpTally = { otpAttempts: 0, waitedMs: 0 };
    await withOtp(
      context,
      {
        label: 'publish a@1.0.0',
        send: async () => {
          calls += 1;
          if (calls === 1) throw eotp();
          if (calls <= 3) throw httpError(429, 'E429', {}, { 'retry-after': ['7'] });
          return 'ok';
        },
      },
      tally,
    );
    assert.equal(calls, 4);
    assert.equal(clock.sleeps.filter((ms) => ms === 7000).length, 2);
    assert.ok(tally.waitedMs >= 14_000);
  });

  it("gives up with EWAITBUDGET on a 429 that asks for a longer wait than the run's wait budget has left", async () => {
    const { context, clock } = setup();
    let calls = 0;
    const error = await withOtp(context, {
      label: 'publish a@1.0.0',
      send: async () => {
        calls += 1;
        throw httpError(429, 'E429', {}, { 'retry-after': ['3600'] });
      },
    }).catch((e: unknown) => e);
    assert.ok(error instanceof WaitBudgetError);
    assert.equal(error.code, 'EWAITBUDGET');
    assert.match(error.message, /waited 0 s .* wait 3600 s more, over the run's limit of 600 s: the registry is rate-limiting one-time passwords/);
    assert.equal(calls, 1);
    assert.deepEqual(clock.sleeps, [], 'gave up without waiting');
  });

  it('gives up on a 429 that asks for a longer wait than allowed, without a secret', async () => {
    const { context } = setup(false);
    const error = await withOtp(
      { ...context, maxRateLimitWaitMs: 60_000 },
      {
        label: 'publish a@1.0.0',
        send: async () => {
          throw httpError(429, 'E429', {}, { 'retry-after': ['3600'] });
        },
      },
    ).catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitedError);
    assert.match(error.message, /3600 s/);
  });

  it('passes other failures through untouched', async () => {
    const { context } = setup();
    const original = httpError(403, 'E403', { error: 'You do not have permission to publish "a".' });
    const error = await withOtp(context, {
      label: 'publish a@1.0.0',
      send: async () => {
        throw original;
      },
    }).catch((e: unknown) => e);
    assert.equal(error, original);
  });
});
