/** The fixture's own TOTP agrees with RFC 6238 and with otplib. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSync } from 'otplib';
import { withSeed } from '../helpers/seeded-random.ts';
import { base32Decode, base32Encode, codeAtStep, matchStep, midWindowOffset, randomSecret, stepAt } from './totp.ts';

const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

test('matches the RFC 6238 SHA1 vectors (last six digits)', () => {
  const vectors: Array<[number, string]> = [
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ];
  for (const [seconds, code] of vectors) assert.equal(codeAtStep(RFC_SECRET, stepAt(seconds * 1000)), code, `T=${seconds}`);
});

test('randomSecret() gives 32 base32 characters (20 bytes)', () => {
  const secret = randomSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.equal(base32Decode(secret).length, 20);
});

test('agrees with otplib for random secrets and times, and base32 round-trips', () =>
  withSeed((random) => {
    for (let i = 0; i < 20; i++) {
      const secret = base32Encode(random.bytes(20));
      assert.equal(base32Encode(base32Decode(secret.toLowerCase())), secret);
      const seconds = 1_700_000_000 + random.int(100_000_000);
      assert.equal(codeAtStep(secret, stepAt(seconds * 1000)), generateSync({ secret, epoch: seconds }), `${secret} at ${seconds} s`);
    }
  }));

test('matchStep finds codes within the tolerance only, nearest first', () => {
  const now = 1_700_000_015_000;
  const step = stepAt(now);
  assert.equal(matchStep(RFC_SECRET, codeAtStep(RFC_SECRET, step - 1), now, 1), step - 1);
  assert.equal(matchStep(RFC_SECRET, codeAtStep(RFC_SECRET, step + 2), now, 1), undefined);
  assert.equal(matchStep(RFC_SECRET, '12345', now, 1), undefined);
});

test('midWindowOffset puts the registry clock 15 s into a window', () => {
  const machine = 1_700_000_007_123;
  assert.equal((machine + midWindowOffset(0, machine)) % 30_000, 15_000);
  assert.equal(stepAt(machine + midWindowOffset(2, machine)), stepAt(machine + midWindowOffset(0, machine)) + 2);
});
