import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makePackage } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';
import { runBlockWithClock, TimeTravelClock } from '../helpers/time-travel.ts';

/**
 * Faults on the writes other than publish: each ends with the registry in
 * the state asked for, nothing written twice, and a report that says so.
 * The time-travel clock turns backoff and Retry-After waits into no wall time.
 */
describe('faults on dist-tag, owner and access writes', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  const run = (block: string, clock: TimeTravelClock) =>
    runBlockWithClock({ token: alice.token, otpSecret: alice.secret, registry: registry.url }, block, clock);
  const putsTo = (pattern: RegExp) => registry.requests.filter((request) => request.method === 'PUT' && pattern.test(request.path));

  before(async () => {
    alice = await registry.addUser('alice');
    await registry.addUser('bob');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'fault-pkg', version: '1.0.0' });
    const { report } = await run(`publish ${dir}`, new TimeTravelClock(registry));
    assert.equal(report.error, undefined, String(report.error));
  });

  it('retries a dist-tag write answered 503 twice, with backoff, and lands it once', async () => {
    const clock = new TimeTravelClock(registry);
    registry.clearRequests();
    registry.fail({ method: 'PUT', path: /dist-tags/, times: 2, status: 503 });
    const { report } = await run('dist-tag add fault-pkg@1.0.0 beta', clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.outcome, 'done');
    assert.deepEqual(
      putsTo(/dist-tags/).map((request) => request.status),
      [503, 503, 201],
    );
    assert.equal(putsTo(/dist-tags/).at(-1)?.otpAccepted, true);
    assert.ok(clock.sleeps.includes(1000) && clock.sleeps.includes(2000), `backoff waits: ${clock.sleeps.join(', ')}`);
    assert.equal((await registry.packument('fault-pkg'))['dist-tags'].beta, '1.0.0');
  });

  it('gives up after bounded retries of a write that keeps failing, and leaves the registry unchanged', async () => {
    const clock = new TimeTravelClock(registry);
    registry.clearRequests();
    registry.fail({ method: 'PUT', path: /dist-tags/, times: 10, status: 502 });
    const { report } = await run('dist-tag add fault-pkg@1.0.0 never', clock);
    registry.clearFaults();
    assert.equal(report.results[0]?.outcome, 'failed');
    assert.match(report.results[0]?.detail ?? '', /502/);
    assert.equal(putsTo(/dist-tags/).length, 3, 'one try and two retries');
    assert.equal((await registry.packument('fault-pkg'))['dist-tags'].never, undefined);
  });

  it('confirms a dist-tag write whose answer was lost by reading the registry back, without writing again', async () => {
    const clock = new TimeTravelClock(registry);
    registry.clearRequests();
    registry.loseAnswer({ method: 'PUT', path: /dist-tags/ });
    const { report } = await run('dist-tag add fault-pkg@1.0.0 lost', clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.outcome, 'done');
    assert.match(report.results[0]?.detail ?? '', /answer was lost; confirmed by reading the registry back/);
    assert.equal(putsTo(/dist-tags/).length, 1, 'the write was not sent twice');
    assert.equal((await registry.packument('fault-pkg'))['dist-tags'].lost, '1.0.0');
  });

  it('re-reads and retries an owner change answered 409 (someone changed the package meanwhile)', async () => {
    const clock = new TimeTravelClock(registry);
    registry.clearRequests();
    registry.ownerConflictOnce();
    const { report } = await run('owner add bob fault-pkg', clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.outcome, 'done');
    assert.deepEqual(
      putsTo(/-rev/).map((request) => request.status),
      [409, 200],
    );
    assert.ok((await registry.packument('fault-pkg')).maintainers.some((m: { name: string }) => m.name === 'bob'));
  });

  it("honours the registry's Retry-After on 429 and then completes the write", async () => {
    const clock = new TimeTravelClock(registry);
    registry.clearRequests();
    registry.fail({ method: 'DELETE', path: /dist-tags/, times: 1, status: 429, retryAfterS: 7 });
    const { report } = await run('dist-tag rm fault-pkg beta', clock);
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.results[0]?.outcome, 'done');
    assert.ok(clock.sleeps.includes(7000), `waits: ${clock.sleeps.join(', ')}`);
    assert.ok((report.results[0]?.waitedMs ?? 0) >= 7000);
    assert.equal((await registry.packument('fault-pkg'))['dist-tags'].beta, undefined);
  });
});
