import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApprovalHostError,
  ApprovalRefusedError,
  ApprovalTimeoutError,
  type DoneAnswer,
  formatDuration,
  parseDuration,
  type WebApprovalDeps,
  WebApprovals,
} from '../../src/otp/web-approval.ts';
import { withOtp } from '../../src/otp/with-otp.ts';
import { FakeClock, recordingLogger } from '../helpers/fake-clock.ts';

const REGISTRY = 'https://registry.example/';
let pages = 0;
/** A challenged write's error, as npm-registry-fetch throws it for a web-only account. */
function challenge(origin = 'https://registry.example') {
  pages += 1;
  return Object.assign(new Error('OTP required for authentication'), {
    statusCode: 401,
    code: 'EOTP',
    body: { authUrl: `https://www.npm.example/auth/cli/${pages}`, doneUrl: `${origin}/-/v1/done?authId=${pages}` },
    headers: {},
  });
}

/** WebApprovals on a fake clock whose doneUrl answers from `answers` (one per poll), and what it polled. */
function setup(answers: (url: string, poll: number) => DoneAnswer, extra: Partial<WebApprovalDeps> = {}) {
  const clock = new FakeClock();
  const { logger, lines, masked } = recordingLogger();
  const polls: Array<{ url: string; at: number; command: string | undefined }> = [];
  const web = new WebApprovals({
    clock,
    logger,
    registry: REGISTRY,
    timeoutMs: 15 * 60_000,
    timeoutInput: 'approval-timeout',
    poll: async (url, command) => {
      polls.push({ url, at: clock.now(), command });
      return answers(url, polls.filter((poll) => poll.url === url).length);
    },
    ...extra,
  });
  return { clock, lines, masked, polls, web, context: { source: undefined, web, clock, logger, secretInput: 'otp-secret' } };
}

describe('web approvals', () => {
  it('polls doneUrl as retry-after says (at least 1 s, at most 30 s, 2 s without it), then sends the write again with the token, masked', async () => {
    const retries = [undefined, 0, 45_000, 3000];
    const { web, polls, masked, lines, context, clock } = setup((_url, poll) =>
      poll <= retries.length ? { status: 'pending', retryAfterMs: retries[poll - 1] } : { status: 'approved', token: 'tok-1' },
    );
    const sent: Array<string | undefined> = [];
    const value = await withOtp(context, {
      label: 'publish a@1.0.0',
      npmCommand: 'publish',
      send: async (otp) => {
        sent.push(otp);
        if (otp !== 'tok-1') throw challenge();
        return 'ok';
      },
    });
    assert.equal(value, 'ok');
    assert.deepEqual(sent, [undefined, 'tok-1']);
    assert.deepEqual(clock.sleeps, [2000, 1000, 30_000, 3000]);
    assert.ok(polls.every((poll) => poll.command === 'publish'));
    assert.deepEqual(masked, ['tok-1']);
    assert.equal(web.approvals, 1);
    const notice = lines.find((line) => line.level === 'notice')?.message ?? '';
    assert.match(
      notice,
      /^Approval needed on npm: publish a@1\.0\.0\. Open https:\/\/www\.npm\.example\/auth\/cli\/\d+ and approve; this job waits until 2026-11-29T12:15:00\.000Z \(15 min\)\. Tick "don't ask again/,
    );
    assert.ok(
      lines.some((line) => line.level === 'info' && /^Still waiting for an approval of publish a@1\.0\.0: .* \(14 min left\)\.$/.test(line.message)),
      'a reminder after 30 s',
    );
  });

  it('times out with EAPPROVALTIMEOUT at approval-timeout, having reminded every 30 s, nothing sent again', async () => {
    const { context, lines, clock } = setup(() => ({ status: 'pending', retryAfterMs: 5000 }), { timeoutMs: 95_000 });
    const sent: Array<string | undefined> = [];
    const error = await withOtp(context, {
      label: 'dist-tag add a@1.0.0 next',
      send: async (otp) => {
        sent.push(otp);
        throw challenge();
      },
    }).catch((e: unknown) => e);
    assert.ok(error instanceof ApprovalTimeoutError);
    assert.match(error.message, /Nobody approved "dist-tag add a@1\.0\.0 next" within 95 s \(approval-timeout\)/);
    assert.deepEqual(sent, [undefined]);
    assert.equal(clock.now() - Date.UTC(2026, 10, 29, 12, 0, 0), 95_000);
    assert.equal(lines.filter((line) => line.message.startsWith('Still waiting')).length, 3);
  });

  it('a refused approval (denied, expired) is EAPPROVALREFUSED; later challenged writes fail with it at once instead of waiting again', async () => {
    const { context, polls } = setup(() => ({ status: 'refused', httpStatus: 403, message: 'denied' }));
    const write = (label: string) =>
      withOtp(context, {
        label,
        send: async () => {
          throw challenge();
        },
      }).catch((e: unknown) => e);
    const first = await write('publish a@1.0.0');
    assert.ok(first instanceof ApprovalRefusedError);
    const second = await write('publish b@1.0.0');
    assert.equal((second as Error).message, (first as Error).message);
    assert.equal(polls.length, 1);
  });

  it('never asks a doneUrl on another origin (scheme, host or port), so the token never goes there', async () => {
    for (const origin of ['http://registry.example', 'https://registry.example:8443', 'https://evil.example']) {
      const { context, polls } = setup(() => ({ status: 'approved', token: 't' }));
      const error = await withOtp(context, {
        label: 'publish a@1.0.0',
        send: async () => {
          throw challenge(origin);
        },
      }).catch((e: unknown) => e);
      assert.ok(error instanceof ApprovalHostError, origin);
      assert.match(
        (error as Error).message,
        new RegExp(`names ${origin.replace(/[.:/]/g, '\\$&')} to ask for its result, which is not the registry \\(https://registry\\.example\\)`),
      );
      assert.deepEqual(polls, []);
    }
  });

  it('after an approval, a write goes unasked first (the window), then with the token (a registry that takes it again), and asks only then', async () => {
    let approvals = 0;
    const { web, context } = setup(() => ({ status: 'approved', token: `tok-${(approvals += 1)}` }));
    // A registry with no window that takes a token again: unasked is challenged, the token passes.
    const sent: Array<string | undefined> = [];
    const send = async (otp: string | undefined) => {
      sent.push(otp);
      if (otp !== 'tok-1') throw challenge();
      return 'ok';
    };
    await withOtp(context, { label: 'w1', send });
    await withOtp(context, { label: 'w2', send });
    await withOtp(context, { label: 'w3', send });
    assert.equal(web.approvals, 1);
    // w1: unasked, token; w2: unasked, the token again (taken: learned); w3: the token first.
    assert.deepEqual(sent, [undefined, 'tok-1', undefined, 'tok-1', 'tok-1']);
  });

  it('one approval at a time: writes challenged together wait for it, then go unasked through the window', async () => {
    let approved = false;
    let resolvePoll: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => (resolvePoll = resolve));
    const { web, polls, context } = setup(() => ({ status: 'approved', token: 'tok' }), {
      poll: async () => {
        polls.push({ url: '', at: 0, command: undefined });
        await gate;
        approved = true;
        return { status: 'approved', token: 'tok' };
      },
    });
    const send = async (otp: string | undefined) => {
      if (otp === undefined && !approved) throw challenge();
      return 'ok';
    };
    const writes = Promise.all(['a', 'b', 'c', 'd'].map((label) => withOtp(context, { label, send })));
    await new Promise((resolve) => setTimeout(resolve, 10));
    (resolvePoll as () => void)();
    assert.deepEqual(await writes, ['ok', 'ok', 'ok', 'ok']);
    assert.equal(web.approvals, 1);
    assert.equal(polls.length, 1);
  });

  it('reads and prints durations', () => {
    assert.deepEqual(['90s', '15m', '1h', '2', '1.5m', '15 m'].map(parseDuration), [90_000, 900_000, 3_600_000, 2000, 90_000, 900_000]);
    assert.deepEqual(['', 'soon', '-1s', '5d'].map(parseDuration), [undefined, undefined, undefined, undefined]);
    assert.deepEqual([2000, 95_000, 900_000, 3_900_000].map(formatDuration), ['2 s', '95 s', '15 min', '1 h 5 min']);
  });
});
