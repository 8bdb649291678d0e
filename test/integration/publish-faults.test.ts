import assert from 'node:assert/strict';
import { runCommands } from '../../src/run/run.ts';
import { before, describe, it } from 'node:test';
import { normalizeOptions, type RawOptions } from '../../src/grammar/options.ts';
import type { Logger } from '../../src/foundation/logger.ts';
import type { RunReport } from '../../src/run/result.ts';

import { OtpSource } from '../../src/otp/source.ts';
import { parseTotpSecret } from '../../src/otp/secret.ts';
import { TimeSync } from '../../src/otp/time-sync.ts';
import { readTarball, type Tarball } from '../../src/package/tarball.ts';
import { RegistryClient } from '../../src/registry/client.ts';
import { commandContext } from '../../src/commands/command.ts';
import { packToFile } from '../helpers/pack.ts';
import { publishPlanned, tarballPlan } from '../helpers/publish.ts';
import { USER_AGENT } from '../../src/version.ts';
import { makePackage } from '../helpers/action.ts';
import { NAMES } from '../helpers/core.ts';
import { recordingLogger } from '../helpers/fake-clock.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { TimeTravelClock } from '../helpers/time-travel.ts';
import type { TestRegistry } from '../registry/index.ts';

/**
 * Faults on the publish itself, injected by the test registry: every test
 * ends by checking what the registry holds (the version once, or not at
 * all), the PUTs it received, and what the report says. Backoff waits run on
 * a time-travel clock (no wall time); only npm-registry-fetch's own read
 * retries and the request timeout cost real time.
 */

/**
 * A time-travel clock with the registry 5 s into a 30 s window, so that no
 * publish here has to wait for a fresh OTP window: every sleep it records
 * is then a backoff, which is what these tests count.
 */
function midWindowClock(registry: TestRegistry): TimeTravelClock {
  const clock = new TimeTravelClock(registry);
  clock.placeRegistry({ intoWindowMs: 5_000 });
  return clock;
}

describe('publish under registry faults', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };

  before(async () => {
    user = await registry.addUser('fault-publisher');
  });

  /** The core's publish on `clock`, with a logger that also calls `onLog` (to inject a fault at a precise step). */
  async function publish(name: string, clock: TimeTravelClock, extra: { raw?: RawOptions; version?: string; onLog?: (message: string) => void } = {}) {
    const dir = await makePackage({ 'index.js': `export default ${JSON.stringify(name)};\n` }, { name, version: extra.version ?? '1.0.0' });
    const { logger, lines } = recordingLogger();
    const hooked: Logger = {
      ...logger,
      warning: (message) => (logger.warning(message), extra.onLog?.(message)),
      info: (message) => (logger.info(message), extra.onLog?.(message)),
    };
    const raw: RawOptions = { token: user.token, otpSecret: user.secret, registry: registry.url, package: dir, ...extra.raw };
    const report: RunReport = await runCommands(normalizeOptions(raw, NAMES), undefined, {
      clock,
      logger: hooked,
      cwd: dir,
      env: process.env,
      userAgent: USER_AGENT,
    });
    return { report, lines, dir };
  }
  const requestsTo = (name: string, method: string) => registry.requests.filter((request) => request.method === method && request.path === `/${name}`);
  const versionsOf = async (name: string) => Object.keys((await registry.packument(name))?.versions ?? {});

  it('confirms a publish whose answer was lost by reading the registry back, and never sends it again', async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.loseAnswer({ method: 'PUT', path: '/pf-lost' });
    const { report, lines } = await publish('pf-lost', clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.published, true);
    assert.equal(report.results[0]?.ok, true);
    assert.equal(report.results[0]?.outcome, 'published');
    assert.match(report.results[0]?.detail ?? '', /^published pf-lost@1\.0\.0 .*confirmed by reading the registry back$/);
    const puts = requestsTo('pf-lost', 'PUT');
    assert.deepEqual(
      puts.map((request) => [request.status, request.fault]),
      [[201, 'lose-answer']],
      'one PUT, stored, answer dropped',
    );
    assert.deepEqual(
      registry.requests.map((request) => `${request.method} ${request.path}${request.query}`),
      ['GET /pf-lost?write=true', 'PUT /pf-lost', 'GET /pf-lost?write=true'],
      'checked before, then read back fresh (as for a write) instead of sending again',
    );
    assert.deepEqual(await versionsOf('pf-lost'), ['1.0.0']);
    assert.deepEqual(registry.packageSettings('pf-lost')?.publishedVersions, ['1.0.0']);
    assert.deepEqual(clock.sleeps, [], 'no backoff: nothing was retried');
    assert.ok(lines.some((line) => line.level === 'warning' && /without a clear answer/.test(line.message)));
  });

  it('reads back after a connection reset, finds the version absent, and publishes it once on the retry', async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.reset({ method: 'PUT', path: '/pf-reset' });
    const { report, lines } = await publish('pf-reset', clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.outcome, 'published');
    assert.doesNotMatch(report.results[0]?.detail ?? '', /confirmed by reading/, 'the retry itself was answered');
    assert.deepEqual(
      requestsTo('pf-reset', 'PUT').map((request) => [request.status, request.fault]),
      [
        [0, 'reset'],
        [201, undefined],
      ],
    );
    assert.deepEqual(
      clock.sleeps.filter((ms) => ms >= 1000),
      [1000],
      'one backoff',
    );
    assert.ok((report.results[0]?.waitedMs ?? 0) >= 1000, 'the backoff is reported as waited time');
    assert.ok(lines.some((line) => /pf-reset@1\.0\.0 is not in the registry; retrying the publish in 1 s/.test(line.message)));
    assert.deepEqual(await versionsOf('pf-reset'), ['1.0.0']);
  });

  it('retries a publish answered 503 twice with growing backoff and lands the version once', async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.fail({ method: 'PUT', path: '/pf-burst', times: 2, status: 503 });
    const { report } = await publish('pf-burst', clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.outcome, 'published');
    assert.deepEqual(
      requestsTo('pf-burst', 'PUT').map((request) => request.status),
      [503, 503, 201],
      'npm-registry-fetch itself never re-sent a PUT',
    );
    assert.deepEqual(
      clock.sleeps.filter((ms) => ms >= 1000),
      [1000, 2000],
    );
    assert.ok((report.results[0]?.waitedMs ?? 0) >= 3000);
    assert.equal(report.results[0]?.otpAttempts, 3, 'a fresh code for every attempt');
    assert.deepEqual(await versionsOf('pf-burst'), ['1.0.0']);
  });

  it('gives up after a bounded number of attempts when every publish gets 502, saying the version is not in the registry', async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.fail({ method: 'PUT', path: '/pf-down', times: 10, status: 502 });
    const { report } = await publish('pf-down', clock);
    registry.clearFaults();
    assert.equal(report.published, false);
    const result = report.results[0];
    assert.equal(result?.ok, false);
    assert.equal(result?.outcome, 'failed');
    assert.equal(result?.command, 'publish pf-down@1.0.0');
    assert.equal(
      result?.detail,
      'Publishing pf-down@1.0.0 failed: 502 Bad Gateway. pf-down@1.0.0 is NOT in the registry (read back after the last of 3 attempts). Running the publish again later is safe.',
    );
    assert.equal(result?.otpAttempts, 3, 'the codes sent are reported even though the publish failed');
    assert.equal(requestsTo('pf-down', 'PUT').length, 3, 'one try and two retries');
    assert.equal(await registry.packument('pf-down'), undefined);
    assert.equal(registry.packageSettings('pf-down')?.publishedVersions.length ?? 0, 0);
  });

  it('retries the packument reads answered 503 (npm-registry-fetch read retries) and then publishes', async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.fail({ method: 'GET', path: '/pf-read', times: 2, status: 503 });
    const { report } = await publish('pf-read', clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.outcome, 'published');
    assert.deepEqual(
      requestsTo('pf-read', 'GET').map((request) => request.status),
      [503, 503, 404],
    );
    assert.deepEqual(
      requestsTo('pf-read', 'PUT').map((request) => request.status),
      [201],
    );
    assert.deepEqual(await versionsOf('pf-read'), ['1.0.0']);
  });

  it('sends nothing, and says so, when the registry cannot be read before publishing', async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.fail({ method: 'GET', path: '/pf-noread', times: 1, status: 403, body: { error: 'Forbidden by proxy' } });
    const { report } = await publish('pf-noread', clock);
    assert.equal(report.results[0]?.outcome, 'failed');
    assert.match(
      report.results[0]?.detail ?? '',
      /^Reading pf-noread from http:\/\/127\.0\.0\.1:\d+\/ before publishing failed: 403 Forbidden by proxy\. Nothing was sent: pf-noread@1\.0\.0 was not published\.$/,
    );
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
    );
    assert.equal(await registry.packument('pf-noread'), undefined);
  });

  it('does not claim either way when the answer is lost and the read-back fails too', async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.loseAnswer({ method: 'PUT', path: '/pf-unknown' });
    const { report } = await publish('pf-unknown', clock, {
      // The moment the publish is found unanswered, the registry stops answering reads.
      onLog: (message) =>
        /without a clear answer/.test(message) && registry.fail({ method: 'GET', path: '/pf-unknown', times: 1, status: 401, body: { error: 'Unauthorized' } }),
    });
    assert.equal(report.results[0]?.outcome, 'failed');
    assert.match(
      report.results[0]?.detail ?? '',
      /^Publishing pf-unknown@1\.0\.0 ended without a clear answer \(.+\), and reading the registry back failed \(401 Unauthorized; the registry refused the token, .+\): pf-unknown@1\.0\.0 may or may not be in the registry\. Run the publish again/,
    );
    assert.equal(requestsTo('pf-unknown', 'PUT').length, 1, 'not sent again while unsure');
    assert.deepEqual(await versionsOf('pf-unknown'), ['1.0.0'], 'it had in fact landed');
    // As the message says: running it again is harmless.
    registry.clearRequests();
    const again = await publish('pf-unknown', midWindowClock(registry));
    assert.equal(again.report.results[0]?.outcome, 'unchanged');
    assert.deepEqual(requestsTo('pf-unknown', 'PUT'), []);
  });

  it("reports a plain refusal with the registry's reason, without reading back or retrying", async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.fail({ method: 'PUT', path: '/pf-refused', times: 1, status: 400, body: { error: 'Invalid package metadata' } });
    const { report } = await publish('pf-refused', clock);
    assert.equal(report.results[0]?.ok, false);
    assert.equal(
      report.results[0]?.detail,
      'Publishing pf-refused@1.0.0 failed: 400 Invalid package metadata. The registry refused it: pf-refused@1.0.0 was not published.',
    );
    assert.equal(requestsTo('pf-refused', 'PUT').length, 1);
    assert.deepEqual(
      registry.requests.map((request) => `${request.method} ${request.path}`),
      ['GET /pf-refused', 'PUT /pf-refused'],
      'no read-back, no retry',
    );
    assert.equal(await registry.packument('pf-refused'), undefined);
  });

  it("reports the registry's own refusal of a non-maintainer (403), read back and not retried", async () => {
    const clock = midWindowClock(registry);
    const owned = await publish('pf-owned', clock);
    assert.equal(owned.report.error, undefined, String(owned.report.error));
    const intruder = await registry.addUser('fault-intruder');
    registry.clearRequests();
    const { report } = await publish('pf-owned', clock, { version: '1.1.0', raw: { token: intruder.token, otpSecret: intruder.secret } });
    assert.equal(report.results[0]?.outcome, 'failed');
    assert.match(
      report.results[0]?.detail ?? '',
      /^Publishing pf-owned@1\.1\.0 failed: 403 You do not have permission to publish "pf-owned".*\. pf-owned@1\.1\.0 is NOT in the registry \(read back after the failure\)\.$/,
    );
    assert.deepEqual(
      requestsTo('pf-owned', 'PUT').map((request) => [request.user, request.status]),
      [['fault-intruder', 403]],
      'not retried',
    );
    assert.deepEqual(
      clock.sleeps.filter((ms) => ms >= 1000),
      [],
    );
    assert.deepEqual(await versionsOf('pf-owned'), ['1.0.0']);
  });

  it('reads back a 403/409 "already exists" on its only upload and reports the version as already there, not as published by this run', async () => {
    // First run lands it but loses the answer and the read-back; the second run's pre-check is made stale by
    // answering its GET 404 once, so it sends the PUT again and the registry says 409/403.
    const clock = midWindowClock(registry);
    registry.loseAnswer({ method: 'PUT', path: '/pf-twice' });
    const first = await publish('pf-twice', clock, {
      onLog: (message) =>
        /without a clear answer/.test(message) && registry.fail({ method: 'GET', path: '/pf-twice', times: 1, status: 401, body: { error: 'Unauthorized' } }),
    });
    assert.equal(first.report.results[0]?.outcome, 'failed');
    registry.clearRequests();
    registry.fail({ method: 'GET', path: '/pf-twice', times: 1, status: 404, body: { error: 'Not found' } });
    const second = await publish('pf-twice', clock);
    assert.equal(second.report.error, undefined, String(second.report.error));
    assert.equal(second.report.results[0]?.outcome, 'unchanged');
    assert.equal(second.report.published, false, 'an earlier run published it: no second announcement');
    assert.match(second.report.results[0]?.detail ?? '', /already published with identical contents/);
    const puts = requestsTo('pf-twice', 'PUT');
    assert.equal(puts.length, 1);
    assert.ok(puts[0]!.status === 403 || puts[0]!.status === 409, `the registry refused the second upload: ${puts[0]!.status}`);
    assert.deepEqual(await versionsOf('pf-twice'), ['1.0.0']);
  });

  it('looks a version up as npm publishes it (build metadata dropped), so a lost answer and a re-run both find it', async () => {
    const clock = midWindowClock(registry);
    registry.clearRequests();
    registry.loseAnswer({ method: 'PUT', path: '/pf-build' });
    const { report } = await publish('pf-build', clock, { version: '1.0.0+build.7' });
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.version, '1.0.0');
    assert.match(report.results[0]?.detail ?? '', /^published pf-build@1\.0\.0 .*confirmed by reading the registry back$/);
    assert.deepEqual(await versionsOf('pf-build'), ['1.0.0']);
    registry.clearRequests();
    const again = await publish('pf-build', clock, { version: '1.0.0+build.7' });
    assert.equal(again.report.results[0]?.outcome, 'unchanged');
    assert.deepEqual(requestsTo('pf-build', 'PUT'), []);
  });
});

/**
 * The registry holds the first upload (or its answer) until the test releases it, far longer than the client's
 * timeout: the client always times out on it, and the test, not a race between two timers, decides when the held
 * upload goes on. The client's own timeout is real time (npm-registry-fetch's), long enough for a loaded
 * machine to answer every request that is not held.
 */
const HELD_MS = 10 * 60 * 1000;
const CLIENT_TIMEOUT_MS = 1000;

describe('publish answers slower than the request timeout', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };

  before(async () => {
    user = await registry.addUser('slow-publisher');
  });

  /** A planned publish of a packed folder with a client whose timeout is `timeoutMs` (the core always uses npm's 5 minutes). */
  async function publishSlow(name: string, timeoutMs: number) {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name, version: '1.0.0' });
    const { logger, lines } = recordingLogger();
    const packed = await packToFile(dir);
    const tarball: Tarball = await readTarball(packed.file, 'package');
    await packed.cleanup();
    const clock = midWindowClock(registry);
    const timeSync = new TimeSync();
    const client = new RegistryClient({ registry: registry.url, token: user.token, clock, timeSync, userAgent: USER_AGENT, timeoutMs });
    const otp = {
      source: new OtpSource({ secret: parseTotpSecret(user.secret, 'otp-secret'), clock, timeSync, logger }),
      clock,
      logger,
      secretInput: 'otp-secret',
    };
    const outcome = await publishPlanned(commandContext({ client, otp, logger, dryRun: false }), tarballPlan(tarball));
    const said = (pattern: RegExp) => lines.some((line) => pattern.test(line.message));
    return {
      outcome,
      lines,
      clock,
      reconciled: said(/the publish did succeed/),
      uploads: 1 + lines.filter((line) => /retrying the publish in/.test(line.message)).length,
    };
  }
  const putsTo = (name: string) => registry.requests.filter((request) => request.method === 'PUT' && request.path === `/${name}`);

  /** Waits until every upload to `name` has been answered (a released one included). */
  async function answered(name: string): Promise<void> {
    while (putsTo(name).some((request) => request.status === 0)) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  it('times out on a held answer, reads back, and finds the publish landed', async () => {
    registry.clearRequests();
    registry.delay(HELD_MS, { method: 'PUT', path: '/slow-answer', times: 1, phase: 'answer' });
    const { outcome, reconciled, uploads } = await publishSlow('slow-answer', CLIENT_TIMEOUT_MS);
    registry.releaseDelays();
    await answered('slow-answer');
    assert.equal(outcome.published, true);
    assert.equal(reconciled, true);
    assert.equal(uploads, 1);
    assert.deepEqual(
      putsTo('slow-answer').map((request) => request.fault),
      ['delay'],
    );
    assert.deepEqual(Object.keys((await registry.packument('slow-answer')).versions), ['1.0.0']);
  });

  it('times out on a held request, finds it absent, retries, and the late first upload is refused: the version lands once', async () => {
    registry.clearRequests();
    registry.delay(HELD_MS, { method: 'PUT', path: '/slow-request', times: 1, phase: 'request' });
    const { outcome, uploads } = await publishSlow('slow-request', CLIENT_TIMEOUT_MS);
    assert.equal(outcome.published, true);
    assert.equal(uploads, 2);
    // Now the held first upload reaches the registry, after the retry stored the version.
    registry.releaseDelays();
    await answered('slow-request');
    const statuses = putsTo('slow-request').map((request) => request.status);
    assert.equal(statuses.length, 2, `PUT statuses ${statuses.join(', ')}`);
    assert.equal(statuses.filter((status) => status === 201).length, 1, `exactly one upload stored: ${statuses.join(', ')}`);
    assert.notEqual(statuses[0], 201, `the late first upload is the refused one: ${statuses.join(', ')}`);
    assert.deepEqual(Object.keys((await registry.packument('slow-request')).versions), ['1.0.0']);
    assert.deepEqual(registry.packageSettings('slow-request')?.publishedVersions, ['1.0.0']);
  });
});
