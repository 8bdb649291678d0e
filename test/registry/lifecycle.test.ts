/**
 * Start and stop: fast (the issue asks for under a second each; the numbers
 * are printed as diagnostics), loopback only, isolated, and leaving nothing
 * behind.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { loadVerdaccio, startRegistry } from './index.ts';

test('starts and stops well under a second each, on 127.0.0.1, removing its storage', async (t) => {
  let mark = performance.now();
  // Under npm test the module is loaded once for the run, by the process hosting every Verdaccio (verdaccio.ts).
  if (!process.env.NPM_TOTP_PUBLISH_VERDACCIO_HOST) {
    loadVerdaccio();
    t.diagnostic(`verdaccio module load: ${(performance.now() - mark).toFixed(0)} ms (once per process)`);
  }
  const starts: number[] = [];
  const stops: number[] = [];
  for (let i = 0; i < 5; i++) {
    mark = performance.now();
    const registry = await startRegistry();
    starts.push(performance.now() - mark);
    assert.match(registry.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal((await fetch(`${registry.url}-/ping`)).status, 200);
    assert.ok(existsSync(registry.storageDir));
    mark = performance.now();
    await registry.close();
    stops.push(performance.now() - mark);
    assert.equal(existsSync(registry.storageDir), false, 'storage removed');
    await assert.rejects(fetch(`${registry.url}-/ping`), 'no longer listening');
  }
  const fmt = (list: number[]) => list.map((ms) => ms.toFixed(1)).join(', ');
  t.diagnostic(`start ms: ${fmt(starts)}; stop ms: ${fmt(stops)}`);
  assert.ok(Math.max(...starts) < 1000 && Math.max(...stops) < 1000);
});

test('two registries side by side share nothing, and close() may be called twice', async () => {
  const [one, two] = await Promise.all([startRegistry(), startRegistry()]);
  try {
    assert.notEqual(one.url, two.url);
    await one.addUser('alice', { twoFactor: false });
    await two.addUser('alice', { twoFactor: false });
    const alice = await one.addUser('bob', { twoFactor: false });
    const whoami = await fetch(`${two.url}-/whoami`, { headers: { authorization: `Bearer ${alice.token}` } });
    assert.equal(whoami.status, 401, "one registry's token means nothing to the other");
    assert.equal(one.requests.length, 0);
    assert.equal(two.requests.length, 1);
  } finally {
    await Promise.all([one.close(), two.close()]);
    await one.close();
  }
});

test('rejects invalid options with a message naming them', async () => {
  await assert.rejects(startRegistry({ otpTolerance: -1 }), /otpTolerance/);
  await assert.rejects(startRegistry({ rateLimitAfterRejections: 0 }), /rateLimitAfterRejections/);
  const registry = await startRegistry();
  try {
    assert.throws(() => registry.configure({ otpChallenge: 'sms' as never }), /otpChallenge/);
    assert.throws(() => registry.fail({ status: 200 }), /status/);
    await assert.rejects(registry.addUser('Bad Name'), /invalid user name/);
  } finally {
    await registry.close();
  }
});
