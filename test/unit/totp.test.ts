import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTotpSecret, type TotpAlgorithm, type TotpSecret } from '../../src/otp/secret.ts';
import { totpCode, totpCodeForWindow, totpWindow } from '../../src/otp/totp.ts';
import { base32Encode, codeAtStep } from '../registry/totp.ts';

/** RFC 6238 Appendix B seeds: "1234567890" repeated to the hash's output size. */
function rfcSecret(algorithm: TotpAlgorithm, bytes: number): TotpSecret {
  return { bytes: new TextEncoder().encode('1234567890'.repeat(7).slice(0, bytes)), algorithm, digits: 8, period: 30 };
}

const RFC = { sha1: rfcSecret('sha1', 20), sha256: rfcSecret('sha256', 32), sha512: rfcSecret('sha512', 64) };

/** RFC 6238 Appendix B: [time in seconds, SHA1, SHA256, SHA512]. */
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('totpCode', () => {
  for (const [seconds, sha1, sha256, sha512] of VECTORS) {
    it(`matches the RFC 6238 test vectors at T = ${seconds} s for SHA1, SHA256 and SHA512 at 8 digits`, () => {
      assert.equal(totpCode(RFC.sha1, seconds * 1000), sha1);
      assert.equal(totpCode(RFC.sha256, seconds * 1000), sha256);
      assert.equal(totpCode(RFC.sha512, seconds * 1000), sha512);
    });
  }

  it('honours algorithm, digits and period parsed from an otpauth URI (RFC SHA512 seed)', () => {
    const uri = `otpauth://totp/RFC:test?secret=${base32Encode(RFC.sha512.bytes)}&algorithm=SHA512&digits=8&period=30`;
    const secret = parseTotpSecret(uri, 'otp-secret');
    assert.equal(totpCode(secret, 1234567890_000), '93441116');
  });

  it('makes 6-digit SHA1 codes for a plain base32 secret, keeping leading zeros', () => {
    const secret = parseTotpSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'otp-secret'); // "12345678901234567890"
    assert.equal(totpCode(secret, 59_000), '287082');
    assert.equal(totpCode(secret, 1111111109_000), '081804');
  });

  it('makes codes from an 80-bit secret, which otplib refuses by default, that an independent HMAC implementation accepts', () => {
    const base32 = base32Encode(Uint8Array.from([0x3d, 0xc6, 0xca, 0xa4, 0x82, 0x4a, 0x6d, 0x28, 0x87, 0x67]));
    const secret = parseTotpSecret(base32, 'otp-secret');
    assert.equal(secret.bytes.length, 10);
    for (const window of [0, 1, 56_789_012, 66_666_666]) assert.equal(totpCodeForWindow(secret, window), codeAtStep(base32, window));
  });

  it("changes code exactly when the window rolls over: 29.999 s is the first window's, 30 s the next's", () => {
    const secret = RFC.sha1;
    assert.equal(totpCode(secret, 29_999), totpCodeForWindow(secret, 0));
    assert.equal(totpCode(secret, 30_000), totpCodeForWindow(secret, 1));
    assert.notEqual(totpCode(secret, 29_999), totpCode(secret, 30_000));
  });

  it('uses the whole window: every instant of a window gives the same code', () => {
    const start = 1111111080_000; // a window boundary (1111111080 = 37037036 * 30)
    const codes = new Set([0, 1, 15_000, 29_999, 29_999.5].map((into) => totpCode(RFC.sha1, start + into)));
    assert.deepEqual([...codes], [totpCodeForWindow(RFC.sha1, 37037036)]);
  });
});

describe('totpWindow', () => {
  it('counts whole periods since the epoch, with the boundary in the later window', () => {
    const secret = RFC.sha1;
    assert.equal(totpWindow(secret, 0), 0);
    assert.equal(totpWindow(secret, 29_999), 0);
    assert.equal(totpWindow(secret, 29_999.999), 0);
    assert.equal(totpWindow(secret, 30_000), 1);
    assert.equal(totpWindow(secret, 1111111109_000), 37037036);
    assert.equal(totpWindow(secret, 20000000000_000), 666666666);
  });

  it("follows the secret's period: a 60 s window n has the code of HOTP counter n", () => {
    const secret: TotpSecret = { ...RFC.sha1, period: 60 };
    assert.equal(totpWindow(secret, 59_999), 0);
    assert.equal(totpWindow(secret, 60_000), 1);
    assert.equal(totpCode(secret, 45_000), totpCode(RFC.sha1, 0), 'at 45 s a 60 s period is still in its first window');
    assert.notEqual(totpCode(secret, 45_000), totpCode(RFC.sha1, 45_000));
    for (const window of [1, 3, 18518518]) {
      assert.equal(totpCodeForWindow(secret, window), totpCodeForWindow(RFC.sha1, window), `window ${window} is counter ${window} whatever the period`);
    }
  });

  it('refuses negative, non-finite and fractional inputs rather than making a code for a wrong time', () => {
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => totpWindow(RFC.sha1, ms), RangeError);
    for (const window of [-1, 1.5, Number.NaN]) assert.throws(() => totpCodeForWindow(RFC.sha1, window), RangeError);
  });
});
