/**
 * The OTP engine (issue 4) against the test registry, on a time-travel clock:
 * every wait for a window or a Retry-After passes at once for both the
 * product and the registry, so the scenarios run in seconds. Each test checks
 * the outcome and the registry's request log: which codes were sent, which
 * were accepted or refused, and that a refused code never went out again.
 * After every test, every write the registry saw must have carried a code.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { commandContext } from '../../src/commands/command.ts';
import { distTagAdd } from '../../src/commands/dist-tag.ts';
import { RegistryClient } from '../../src/registry/client.ts';
import { OtpSource } from '../../src/otp/source.ts';
import { TimeSync } from '../../src/otp/time-sync.ts';
import { parseTotpSecret } from '../../src/otp/secret.ts';
import { totpCodeForWindow } from '../../src/otp/totp.ts';
import type { OtpContext } from '../../src/otp/with-otp.ts';
import { USER_AGENT } from '../../src/version.ts';
import { makePackage } from '../helpers/action.ts';
import { recordingLogger } from '../helpers/fake-clock.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { publishWithClock, runBlockWithClock, TimeTravelClock } from '../helpers/time-travel.ts';
import type { CreatedUser, RequestRecord } from '../registry/index.ts';

const WINDOW_MS = 30_000;

const registry = suiteRegistry();
let names = 0;
/** Set to false by a test that runs without a TOTP secret. */
let secretConfigured = true;

/** Every request that is not a read. */
function writes(): RequestRecord[] {
  return registry.requests.filter((request) => request.method !== 'GET' && request.method !== 'HEAD');
}

/** What the registry made of each write: `accepted`, or why it refused it. */
function verdicts(): string[] {
  return writes().map((request) => (request.otpAccepted ? 'accepted' : (request.otpRefusal ?? `status ${request.status}`)));
}

/** A code the registry judged wrong (invalid or reused) must never reach it again. */
function assertNoRefusedCodeResent(): void {
  const log = writes();
  log.forEach((request, index) => {
    if (request.otpRefusal !== 'invalid' && request.otpRefusal !== 'reused') return;
    const again = log.slice(index + 1).filter((later) => later.otp === request.otp);
    assert.deepEqual(
      again.map((later) => later.path),
      [],
      `a refused code was sent again (write #${index + 1} refused as ${request.otpRefusal})`,
    );
  });
}

/** A fresh package folder with a unique name. */
async function freshPackage(prefix: string, version = '1.0.0'): Promise<{ name: string; dir: string }> {
  names += 1;
  const name = `${prefix}-${names}`;
  return { name, dir: await makePackage({ 'index.js': `module.exports = ${names};\n` }, { name, version }) };
}

async function freshUser(): Promise<CreatedUser> {
  names += 1;
  return registry.addUser(`engine-${names}`);
}

/** Longer than any test: a held write goes on when whileHeld releases it, never when a timer runs out. */
const HELD_MS = 10 * 60 * 1000;

/**
 * Waits until the registry holds a write (`registry.delay(HELD_MS, { phase: 'request' })`),
 * runs `act` while it is held (the registry's clock jumps, or the upload "takes"
 * longer), then releases it. Fails after 10 s without such a write.
 */
async function whileHeld(act: () => void): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!writes().some((request) => request.fault === 'delay')) {
    if (Date.now() > deadline) throw new Error('no write was held by the registry');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  act();
  registry.releaseDelays();
}

/** The engine parts a run builds, wired by hand so a test can share them across writes and read the source's stats. */
function engine(user: CreatedUser, clock: TimeTravelClock) {
  const { logger, lines } = recordingLogger();
  const timeSync = new TimeSync();
  const client = new RegistryClient({ registry: registry.url, token: user.token, clock, timeSync, userAgent: USER_AGENT });
  const source = new OtpSource({ secret: parseTotpSecret(user.secret, 'otp-secret'), clock, timeSync, logger });
  const otp: OtpContext = { source, clock, logger, secretInput: 'otp-secret' };
  return { timeSync, client, source, lines, command: () => commandContext({ client, otp, logger, dryRun: false }) };
}

/** Publishes a fresh package for later writes to act on (tolerance 1, no fault). */
async function published(user: CreatedUser, prefix: string): Promise<string> {
  const pkg = await freshPackage(prefix);
  const { report } = await publishWithClock(
    { token: user.token, otpSecret: user.secret, registry: registry.url, package: pkg.dir },
    new TimeTravelClock(registry),
  );
  assert.equal(report.error, undefined, String(report.error));
  registry.clearRequests();
  return pkg.name;
}

describe('the OTP engine against the test registry, on a time-travel clock', () => {
  beforeEach(() => {
    registry.configure({
      clockOffsetMs: 0,
      otpTolerance: 1,
      singleUse: false,
      otpChallenge: 'www-authenticate',
      rateLimitAfterRejections: undefined,
      rateLimitRetryAfterS: 1,
    });
    registry.clearFaults();
    registry.clearRequests();
    secretConfigured = true;
  });

  afterEach(() => {
    assertNoRefusedCodeResent();
    if (!secretConfigured) return;
    const bare = writes().filter((request) => !request.otpSent);
    assert.deepEqual(
      bare.map((request) => `${request.method} ${request.path}`),
      [],
      'every write carried an npm-otp header',
    );
  });

  for (const skewS of [120, -120]) {
    it(`gets the code right the first time with the registry's clock ${skewS} s off and no tolerance`, async () => {
      const user = await freshUser();
      const pkg = await freshPackage(`skew${skewS < 0 ? 'behind' : 'ahead'}`);
      const clock = new TimeTravelClock(registry);
      clock.placeRegistry({ skewMs: skewS * 1000, intoWindowMs: 12_000 });
      registry.configure({ otpTolerance: 0 });
      const { report, lines } = await publishWithClock({ token: user.token, otpSecret: user.secret, registry: registry.url, package: pkg.dir }, clock);
      assert.equal(report.error, undefined, String(report.error));
      assert.equal(report.results[0]?.otpAttempts, 1);
      assert.deepEqual(verdicts(), ['accepted']);
      const direction = skewS > 0 ? 'behind' : 'ahead of';
      assert.ok(
        lines.some((line) => line.level === 'warning' && new RegExp(`clock is 1(19|20)\\.\\d s ${direction} the registry`).test(line.message)),
        'warns about the skew',
      );
    });

    it(`enters the next window only once the registry is surely in it (${skewS} s off, no tolerance, offset from one Date header)`, async () => {
      const user = await freshUser();
      const pkg = await published(user, `edge${skewS < 0 ? 'behind' : 'ahead'}`);
      const clock = new TimeTravelClock(registry);
      const { command, source, timeSync } = engine(user, clock);
      // 0.97 s left in the window, and a Date header stamped just after a second began: the first
      // estimate of the offset is then about 0.45 s too large, the worst case of a one-second stamp.
      clock.placeRegistry({ skewMs: skewS * 1000, intoWindowMs: 29_000, intoSecondMs: 30 });
      registry.configure({ otpTolerance: 0 });
      const outcome = await distTagAdd(command(), pkg, '1.0.0', 'edge');
      assert.equal(outcome.status, 'done');
      assert.deepEqual(verdicts(), ['accepted']);
      assert.ok(Math.abs(timeSync.offsetMs - skewS * 1000) < 1100, `offset estimate ${timeSync.offsetMs}`);
      assert.deepEqual(
        { generated: source.stats.generated, rejected: source.stats.rejected, waits: source.stats.waits },
        { generated: 1, rejected: 0, waits: 1 },
      );
    });
  }

  it('switches to one code per window after the first refused reuse, says so once, and no later write is refused (publish, dist-tag, owner)', async () => {
    const user = await freshUser();
    const other = await freshUser();
    const pkg = await freshPackage('singleuse');
    const clock = new TimeTravelClock(registry);
    clock.placeRegistry({ intoWindowMs: 3_000 });
    registry.configure({ singleUse: true, otpTolerance: 0 });
    const block = [`publish ${pkg.dir}`, `dist-tag add ${pkg.name}@1.0.0 beta`, `owner add ${other.name} ${pkg.name}`].join('\n');
    const { report, lines } = await runBlockWithClock({ token: user.token, otpSecret: user.secret, registry: registry.url }, block, clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(
      report.results.map((result) => [result.outcome, result.otpAttempts]),
      [
        ['published', 1],
        ['done', 2],
        ['done', 1],
      ],
    );
    assert.deepEqual(verdicts(), ['accepted', 'reused', 'accepted', 'accepted']);
    const [publish, reuse, tag, owner] = writes();
    assert.equal(reuse?.otp, publish?.otp, 'the refused write reused the code publish had used');
    assert.equal(new Set([publish?.otp, tag?.otp, owner?.otp]).size, 3, 'then one code per window');
    assert.equal(lines.filter((line) => line.level === 'warning' && /allows each code once/.test(line.message)).length, 1);
    assert.equal(clock.sleeps.length, 2, 'one wait for each of the two later windows');
    assert.deepEqual((await registry.packument(pkg.name))['dist-tags'], { latest: '1.0.0', beta: '1.0.0' });
    assert.ok(registry.packageSettings(pkg.name)?.maintainers.some((m) => m.name === other.name));
  });

  it('publishes two versions in one single-use run: the second publish takes a window of its own after one refused reuse', async () => {
    const user = await freshUser();
    names += 1;
    const name = `singleuse-twice-${names}`;
    const v1 = await makePackage({ 'index.js': '1;\n' }, { name, version: '1.0.0' });
    const v2 = await makePackage({ 'index.js': '2;\n' }, { name, version: '1.1.0' });
    const clock = new TimeTravelClock(registry);
    clock.placeRegistry({ intoWindowMs: 3_000 });
    registry.configure({ singleUse: true, otpTolerance: 0 });
    const { report } = await runBlockWithClock({ token: user.token, otpSecret: user.secret, registry: registry.url }, `publish ${v1}\npublish ${v2}`, clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(
      report.results.map((result) => [result.outcome, result.otpAttempts]),
      [
        ['published', 1],
        ['published', 2],
      ],
    );
    assert.deepEqual(verdicts(), ['accepted', 'reused', 'accepted']);
    assert.equal(new Set(writes().map((request) => request.npmSession)).size, 2, 'each publish is a command of its own');
    assert.deepEqual(Object.keys((await registry.packument(name)).versions).sort(), ['1.0.0', '1.1.0']);
  });

  it("recovers with the next window's code when a slow upload reaches the registry after its window closed", async () => {
    const user = await freshUser();
    const pkg = await freshPackage('slowupload');
    const clock = new TimeTravelClock(registry);
    clock.placeRegistry({ intoWindowMs: 20_000 });
    registry.configure({ otpTolerance: 0 });
    registry.delay(HELD_MS, { method: 'PUT', phase: 'request', times: 1 });
    const [{ report }] = await Promise.all([
      publishWithClock({ token: user.token, otpSecret: user.secret, registry: registry.url, package: pkg.dir }, clock),
      whileHeld(() => clock.advance(15_000)), // the upload takes 15 s: the code's window ends while it travels
    ]);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(verdicts(), ['invalid', 'accepted']);
    const [late, retry] = writes();
    assert.notEqual(late?.otp, retry?.otp);
    assert.equal(report.results[0]?.otpAttempts, 2);
    assert.equal(clock.sleeps.length, 0, "the next window's code was already current: no wait");
  });

  for (const challenge of ['www-authenticate', 'body'] as const) {
    it(`succeeds with the next window's code after one rejection when the registry's clock jumps mid-run (challenge style ${challenge})`, async () => {
      const user = await freshUser();
      const pkg = await freshPackage(`jump-${challenge}`);
      const clock = new TimeTravelClock(registry);
      clock.placeRegistry({ intoWindowMs: 10_000 });
      registry.configure({ otpTolerance: 0, otpChallenge: challenge });
      registry.delay(HELD_MS, { method: 'PUT', phase: 'request', times: 1 });
      const [{ report, lines }] = await Promise.all([
        publishWithClock({ token: user.token, otpSecret: user.secret, registry: registry.url, package: pkg.dir }, clock),
        whileHeld(() => clock.jumpRegistry(WINDOW_MS)), // the registry's clock jumps a window ahead; the product cannot know yet
      ]);
      assert.equal(report.error, undefined, String(report.error));
      assert.deepEqual(verdicts(), ['invalid', 'accepted']);
      assert.equal(report.results[0]?.otpAttempts, 2);
      assert.ok((report.results[0]?.waitedMs ?? 0) < 1000, 'no wait: the Date header of the refusal gave the new offset');
      assert.ok(
        lines.some((line) => line.level === 'warning' && /clock is (29|30|31)\.\d s behind the registry/.test(line.message)),
        'warns about the new skew',
      );
    });
  }

  it('says which setting is missing when the registry asks for a code in the body style and no secret is set', async () => {
    secretConfigured = false;
    const user = await freshUser();
    const pkg = await freshPackage('nosecret');
    registry.configure({ otpChallenge: 'body' });
    const { report } = await publishWithClock({ token: user.token, registry: registry.url, package: pkg.dir }, new TimeTravelClock(registry));
    assert.equal((report.error as { code?: string }).code, 'EOTP');
    assert.match(String((report.error as Error).message), /otp-secret/);
    assert.deepEqual(verdicts(), ['missing']);
  });

  it('with auth-type totp, fails at once with the security-key message when the account answers with a web approval, after one request', async () => {
    const user = await registry.addUser(`key-${Math.random().toString(36).slice(2, 8)}`, { web: true });
    const pkg = await freshPackage('webauthn');
    const clock = new TimeTravelClock(registry);
    clock.placeRegistry({ intoWindowMs: 10_000 }); // no window wait either: any sleep would be a retry
    const { report } = await publishWithClock({ token: user.token, otpSecret: user.secret, authType: 'totp', registry: registry.url, package: pkg.dir }, clock);
    assert.equal((report.error as { code?: string }).code, 'EOTPWEBAUTHN');
    assert.match(String((report.error as Error).message), /web approval .*auth-type is totp.*Set auth-type to auto or web/s);
    assert.deepEqual(verdicts(), ['web']);
    assert.deepEqual(clock.sleeps, []);
  });

  it('waits as long as Retry-After says when the registry answers 429 after a rejected code, then succeeds', async () => {
    const user = await freshUser();
    const pkg = await freshPackage('ratelimit');
    const clock = new TimeTravelClock(registry);
    clock.placeRegistry({ intoWindowMs: 10_000 });
    registry.configure({ otpTolerance: 0, rateLimitAfterRejections: 1, rateLimitRetryAfterS: 20 });
    registry.delay(HELD_MS, { method: 'PUT', phase: 'request', times: 1 });
    const [{ report }] = await Promise.all([
      publishWithClock({ token: user.token, otpSecret: user.secret, registry: registry.url, package: pkg.dir }, clock),
      whileHeld(() => clock.jumpRegistry(WINDOW_MS)),
    ]);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(verdicts(), ['invalid', 'rate-limited', 'accepted']);
    const [, limited, accepted] = writes();
    assert.equal(limited?.status, 429);
    assert.ok((accepted?.at ?? 0) - (limited?.at ?? 0) >= 19_000, `retried ${(accepted?.at ?? 0) - (limited?.at ?? 0)} ms after the 429`);
    assert.ok(
      clock.sleeps.some((ms) => ms >= 19_000 && ms <= 20_000),
      `sleeps: ${clock.sleeps.join(', ')}`,
    );
  });

  it('serves concurrent writes with one wait for the window they share and no refused code', async () => {
    const user = await freshUser();
    const pkg = await published(user, 'concurrent');
    const clock = new TimeTravelClock(registry);
    const { command, source } = engine(user, clock);
    clock.placeRegistry({ intoWindowMs: 29_000 });
    registry.configure({ otpTolerance: 0 });
    const outcomes = await Promise.all(['t1', 't2', 't3', 't4'].map((tag) => distTagAdd(command(), pkg, '1.0.0', tag)));
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['done', 'done', 'done', 'done'],
    );
    assert.deepEqual(verdicts(), ['accepted', 'accepted', 'accepted', 'accepted']);
    assert.equal(new Set(writes().map((request) => request.otp)).size, 1, 'all four share the new window');
    assert.equal(source.stats.waits, 1);
    assert.equal(clock.sleeps.length, 1);
  });

  it('serves concurrent writes to a single-use registry with at most one wait per window and a single refusal', async () => {
    const user = await freshUser();
    const pkg = await published(user, 'concurrent-single');
    const clock = new TimeTravelClock(registry);
    const { command, source, lines } = engine(user, clock);
    clock.placeRegistry({ intoWindowMs: 5_000 });
    registry.configure({ otpTolerance: 0, singleUse: true });
    const outcomes = await Promise.all(['s1', 's2', 's3'].map((tag) => distTagAdd(command(), pkg, '1.0.0', tag)));
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['done', 'done', 'done'],
    );
    const refused = writes().filter((request) => request.otpRefusal !== undefined);
    assert.deepEqual(
      refused.map((request) => request.otpRefusal),
      ['reused'],
      'one refused reuse teaches the rule; no burst',
    );
    const accepted = writes().filter((request) => request.otpAccepted);
    assert.equal(new Set(accepted.map((request) => request.otp)).size, 3, 'one code per window');
    const windowsUsed = new Set(accepted.map((request) => Math.floor(request.at / WINDOW_MS))).size;
    assert.equal(windowsUsed, 3);
    assert.ok(source.stats.waits <= windowsUsed - 1, `${source.stats.waits} waits for ${windowsUsed} windows`);
    assert.equal(lines.filter((line) => /allows each code once/.test(line.message)).length, 1);
  });

  it('sends a code with every write of every command (runtime guard for the one wrapper)', async () => {
    const user = await freshUser();
    const other = await freshUser();
    names += 1;
    const name = `@guard/every-write-${names}`;
    const v1 = await makePackage({ 'index.js': '1;\n' }, { name, version: '1.0.0' });
    const v2 = await makePackage({ 'index.js': '2;\n' }, { name, version: '1.1.0' });
    const block = [
      `publish ${v1} --access public`,
      `publish ${v2}`,
      `dist-tag add ${name}@1.0.0 old`,
      `dist-tag rm ${name} old`,
      `owner add ${other.name} ${name}`,
      `owner rm ${other.name} ${name}`,
      `deprecate ${name}@1.0.0 "use 1.1"`,
      `deprecate ${name}@1.0.0 ""`,
      `access set status=private ${name}`,
      `access set mfa=publish ${name}`,
      `unpublish ${name}@1.0.0`,
    ].join('\n');
    const clock = new TimeTravelClock(registry);
    clock.placeRegistry({ intoWindowMs: 3_000 });
    const { report } = await runBlockWithClock({ token: user.token, otpSecret: user.secret, registry: registry.url }, block, clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.deepEqual(
      report.results.map((result) => result.outcome).filter((outcome) => outcome !== 'published' && outcome !== 'done'),
      [],
    );
    const methods = new Set(writes().map((request) => request.method));
    assert.deepEqual([...methods].sort(), ['DELETE', 'POST', 'PUT']);
    assert.ok(
      writes().every((request) => request.otpAccepted === true),
      verdicts().join(', '),
    );
    // The registry allows reuse here, and otp-uses auto knows no limit for it: one code serves all 11 commands
    // (unpublish's two requests share it, as with npm).
    assert.equal(new Set(writes().map((request) => request.otp)).size, 1);
    assert.equal(totpCodeForWindow(parseTotpSecret(user.secret, 'otp-secret'), Math.floor((writes()[0]?.at ?? 0) / WINDOW_MS)), writes()[0]?.otp);
  });
});
