import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { DoctorReport } from '../../src/commands/doctor.ts';
import { MAX_VALIDATION_WAIT_MS } from '../../src/commands/stage.ts';
import { normalizeOptions } from '../../src/grammar/options.ts';
import { runCommands } from '../../src/run/run.ts';
import { USER_AGENT } from '../../src/version.ts';
import { makePackage } from '../helpers/action.ts';
import { NAMES, runBlockInProcess } from '../helpers/core.ts';
import { FakeClock, recordingLogger } from '../helpers/fake-clock.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { publish, stagePublish } from '../registry/http-client.ts';
import { midWindowOffset } from '../registry/totp.ts';

/**
 * What a run with a doctor line does with the other lines (the runner's inspect mode), and how long stage approve
 * waits for a staged version the registry still validates, on a fake clock.
 */
describe('a run that doctor inspects, and a validation that never ends', () => {
  const registry = suiteRegistry(() => ({ clockOffsetMs: midWindowOffset() }));
  let alice: { name: string; token: string; secret: string };

  before(async () => {
    alice = await registry.addUser('alice');
    assert.equal((await publish(registry.url, 'insp-pkg', '1.0.0', { token: alice.token, otp: registry.codeFor(alice.secret) })).status, 201);
  });

  it('keeps each refusal for its line (a folder that is not there, a user who does not exist), runs none of them, and reports each', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'insp-pkg', version: '1.1.0' });
    registry.clearRequests();
    const { report, lines } = await runBlockInProcess(
      { token: alice.token, otpSecret: alice.secret, registry: registry.url, package: dir },
      'publish ./not-here\nowner add ghost insp-pkg\ndist-tag add insp-pkg@1.0.0 beta\ndoctor',
      dir,
    );
    assert.deepEqual(
      report.results.map((row) => [row.line, row.outcome]),
      [
        [1, 'not-run'],
        [2, 'not-run'],
        [3, 'not-run'],
        [4, 'read'],
      ],
    );
    const doctor = report.results[3]?.data as DoctorReport;
    assert.deepEqual(
      doctor.writes.map(({ line, ok }) => [line, ok]),
      [
        [1, false],
        [2, false],
        [3, true],
      ],
    );
    assert.match(doctor.writes[0]?.detail ?? '', /^would fail before any request: commands line 1 \(publish \.\/not-here\): .*does not exist/);
    assert.match(doctor.writes[1]?.detail ?? '', /would fail: npm user "ghost" does not exist/);
    assert.equal((report.error as { code?: string }).code, 'EDOCTOR');
    assert.match(String((report.error as Error).message), /^doctor: 2 of 3 planned writes would fail/);
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET' || request.otpSent),
      [],
      'nothing written, no code sent',
    );
    assert.ok(lines.some((line) => line.level === 'info' && line.message.startsWith('npm-totp-publish doctor: 2 of 3 planned writes would fail')));
  });

  it('stage approve waits 1, 2, 4, 8, 16, then 30 s at a time for a version the registry keeps validating, and gives up before 10 minutes, approving nothing', async () => {
    registry.configure({ stageValidatingAnswers: 1000 });
    assert.equal((await stagePublish(registry.url, 'insp-slow', '1.0.0', { token: alice.token })).status, 201);
    registry.configure({ stageValidatingAnswers: 0 });
    const clock = new FakeClock(Date.now());
    const { logger, lines } = recordingLogger();
    const options = normalizeOptions(
      { token: alice.token, otpSecret: alice.secret, registry: registry.url, package: await makePackage({}, { name: 'insp-other', version: '1.0.0' }) },
      NAMES,
    );
    registry.clearRequests();
    const report = await runCommands(
      options,
      { block: 'stage approve insp-slow@1.0.0', inputName: 'commands' },
      { clock, logger, cwd: process.cwd(), env: {}, userAgent: USER_AGENT },
    );
    assert.equal((report.error as { code?: string }).code, 'ESTAGEVALIDATING');
    assert.match(
      String((report.error as Error).message),
      /^insp-slow@1\.0\.0 \(staged as [0-9a-f-]{36}\) was still being validated by the registry after \d+ s of waiting \(its status is validating\); nothing was approved/,
    );
    const waits = clock.sleeps;
    assert.deepEqual(waits.slice(0, 6), [1000, 2000, 4000, 8000, 16_000, 30_000]);
    assert.ok(waits.slice(6).every((ms) => ms === 30_000));
    const total = waits.reduce((sum, ms) => sum + ms, 0);
    assert.ok(total <= MAX_VALIDATION_WAIT_MS && total + 30_000 > MAX_VALIDATION_WAIT_MS, `waited ${total} ms`);
    assert.equal(
      lines.filter((line) => /is still being validated by the registry \(its status is validating\); waiting/.test(line.message)).length,
      waits.length,
      'each wait is logged',
    );
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
      'no approval was sent',
    );
    assert.equal(registry.staged('insp-slow').length, 1);
  });
});
