import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/foundation/errors.ts';
import { Redactor } from '../../src/foundation/redactor.ts';
import { parseTotpSecret, secretForms } from '../../src/otp/secret.ts';

const INPUT = 'otp-secret';
/** 10 bytes: "Hello!" + DE AD BE EF. */
const HELLO = 'JBSWY3DPEHPK3PXP';
const HELLO_HEX = '48656c6c6f21deadbeef';
/** 20 random bytes, the secret the leak tests carry. */
const REAL = 'R45JDRGSPZNQMGNKI7RMHWC7DNXATJGH';
const REAL_HEX = '8f3a91c4d27e5b0619aa47e2c3d85f1b6e09a4c7';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const uri = (query: string, type = 'totp') => `otpauth://${type}/ACME%20Co:jane%40example.com?${query}`;

/** Asserts `text` is refused with an InputError naming the input whose message matches `pattern`; returns the error. */
function refused(text: string, pattern: RegExp, inputName = INPUT): InputError {
  let caught: unknown;
  assert.throws(
    () => parseTotpSecret(text, inputName),
    (error) => ((caught = error), true),
  );
  assert.ok(caught instanceof InputError, `expected an InputError, got ${String(caught)}`);
  assert.equal(caught.code, 'EINPUT');
  assert.equal(caught.input, inputName);
  assert.ok(caught.message.startsWith(inputName), `the message names the input: ${caught.message}`);
  assert.match(caught.message, pattern);
  return caught;
}

describe('parseTotpSecret: base32 text', () => {
  it('accepts any case, spaces, dashes, newlines and = padding, with SHA1, 6 digits and 30 s by default', () => {
    for (const text of [HELLO, HELLO.toLowerCase(), 'jbsw Y3DP ehpk 3PXP', 'JBSW-Y3DP-EHPK-3PXP', `\n  ${HELLO}======\n`, 'JBSWY3DP\nEHPK3PXP']) {
      const secret = parseTotpSecret(text, INPUT);
      assert.equal(hex(secret.bytes), HELLO_HEX, text);
      assert.deepEqual({ algorithm: secret.algorithm, digits: secret.digits, period: secret.period }, { algorithm: 'sha1', digits: 6, period: 30 });
    }
    assert.equal(hex(parseTotpSecret(REAL, INPUT).bytes), REAL_HEX);
  });

  it('accepts an 80-bit (10-byte) secret and refuses a 72-bit one, saying how long it must be', () => {
    assert.equal(parseTotpSecret(HELLO, INPUT).bytes.length, 10);
    refused(HELLO.slice(0, 15), /72 bits long; a TOTP secret needs at least 80 bits \(10 bytes, 16 base32 characters\)/);
  });

  it('refuses a secret longer than 512 bits', () => {
    refused(REAL.repeat(4), /longer than 512 bits/);
  });

  it('refuses characters outside the base32 alphabet, naming what is valid', () => {
    for (const text of [`${HELLO}0`, `1${HELLO}`, `${HELLO}8`, `${HELLO}!`, `JBSW=Y3DPEHPK3PXP`, `${HELLO}ß`, `${HELLO}ı`, '"JBSWY3DPEHPK3PXP"']) {
      refused(text, /is not base32 text.*base32 letters A-Z and digits 2-7, or an otpauth:\/\/totp\/ URI/);
    }
  });

  it('names the first character outside base32 and its position, and nothing of the text around it', () => {
    const text = `${REAL.slice(0, 16)}!${REAL.slice(16)}`;
    const error = refused(text, /^otp-secret: the secret is not base32 text: its character 17 is "!", which base32 does not use\. Expected base32 letters A-Z/);
    assert.ok(!error.message.includes(text.slice(15, 17)) && !error.message.includes(text.slice(16, 18)), 'neither neighbour of the character');
    for (let at = 0; at + 4 <= text.length; at += 1)
      assert.ok(!error.message.includes(text.slice(at, at + 4)), `no part of the text: characters ${at + 1}-${at + 4}`);
    refused(`${HELLO}0`, /its character 17 is "0" \(0, 1, 8 and 9 are not base32 digits\)\./);
    refused(`JBSW Y3DP 8HPK 3PXP`, /its character 11 is "8" \(0, 1, 8 and 9 are not base32 digits\)\./, INPUT);
    refused(`JBSW=Y3DPEHPK3PXP`, /its character 5 is "=", which base32 does not use\./);
    refused(`${HELLO}\u200b`, /its character 17 is U\+200B, which base32 does not use\./);
    refused(`${HELLO}ß`, /its character 17 is U\+00DF \("ß"\), which base32 does not use\./);
    refused('"JBSWY3DPEHPK3PXP"', /its character 1 is '"', which base32 does not use; 1 more character is not base32 either\./);
    refused(uri(`secret=${HELLO}1`), /^otp-secret: the otpauth URI's secret parameter is not base32 text: its character 17 is "1"/);
    refused('====', /is not base32 text \(it has no base32 characters\)/);
  });

  it('does not describe a one-time code character by character', () => {
    const error = refused('123456', /looks like a one-time code/);
    assert.doesNotMatch(error.message, /character/);
  });

  it('refuses empty and blank input', () => {
    for (const text of ['', '   ', '\n\t']) refused(text, /is empty/);
    refused('====', /not base32/);
  });

  it('names the input it was given, such as the CLI variable', () => {
    refused('', /^NPM_TOTP_SECRET is empty/, 'NPM_TOTP_SECRET');
  });

  it('says so when a one-time code was given instead of the secret', () => {
    refused('123456', /looks like a one-time code/);
  });
});

describe('parseTotpSecret: otpauth URIs', () => {
  it('reads the secret with SHA1, 6 digits and 30 s when no other parameter is given, ignoring label and issuer', () => {
    const secret = parseTotpSecret(uri(`secret=${HELLO}&issuer=ACME%20Co`), INPUT);
    assert.deepEqual({ ...secret, bytes: hex(secret.bytes) }, { bytes: HELLO_HEX, algorithm: 'sha1', digits: 6, period: 30 });
    assert.equal(hex(parseTotpSecret(`otpauth://totp/?secret=${HELLO}`, INPUT).bytes), HELLO_HEX);
    assert.equal(hex(parseTotpSecret(`OTPAUTH://TOTP/x?SECRET=${HELLO}`, INPUT).bytes), HELLO_HEX);
  });

  it('reads algorithm, digits and period in any order and case', () => {
    const secret = parseTotpSecret(uri(`period=60&digits=8&secret=${REAL}&algorithm=sha256&issuer=ACME+Co`), INPUT);
    assert.deepEqual({ ...secret, bytes: hex(secret.bytes) }, { bytes: REAL_HEX, algorithm: 'sha256', digits: 8, period: 60 });
    assert.equal(parseTotpSecret(uri(`secret=${REAL}&algorithm=SHA512`), INPUT).algorithm, 'sha512');
    assert.equal(parseTotpSecret(uri(`secret=${REAL}&algorithm=SHA1&digits=6&period=30`), INPUT).period, 30);
  });

  it('percent-decodes the secret, including spaces and = padding', () => {
    assert.equal(hex(parseTotpSecret(uri('secret=jbsw%20y3dp+ehpk%203pxp%3D%3D%3D'), INPUT).bytes), HELLO_HEX);
    assert.equal(hex(parseTotpSecret('otpauth://totp/%E2%9C%93%20Caf%C3%A9?issuer=Caf%C3%A9%20%26%20Co&secret=JBSWY3DPEHPK3PXP#x', INPUT).bytes), HELLO_HEX);
  });

  it('refuses an HOTP URI, explaining that counter-based codes are not TOTP', () => {
    const error = refused(uri(`secret=${HELLO}&counter=3`, 'hotp'), /counter-based one-time passwords \(HOTP\).*time-based codes \(TOTP\)/);
    assert.equal(error.received, 'type=hotp');
    refused(uri(`secret=${HELLO}`, 'steam'), /type must be totp/);
  });

  it('refuses unsupported algorithm, digits and period, naming the parameter and what is valid', () => {
    const cases: [string, RegExp, string | undefined][] = [
      ['algorithm=MD5', /algorithm=MD5 is not supported; use SHA1, SHA256 or SHA512/, 'algorithm=MD5'],
      ['algorithm=SHA-256', /algorithm=SHA-256 is not supported/, 'algorithm=SHA-256'],
      ['digits=7', /digits=7 is not supported; use 6 or 8/, 'digits=7'],
      ['digits=', /digits parameter is not supported/, undefined],
      ['period=0', /period=0 is not supported; use a whole number of seconds from 10 to 300/, 'period=0'],
      ['period=5', /period=5 is not supported/, 'period=5'],
      ['period=301', /period=301 is not supported/, 'period=301'],
      ['period=30.5', /period=30\.5 is not supported/, 'period=30.5'],
      [`period=${'9'.repeat(12)}`, /period parameter is not supported/, undefined],
      ['period=-30', /period=-30 is not supported/, 'period=-30'],
    ];
    for (const [param, pattern, received] of cases) assert.equal(refused(uri(`secret=${HELLO}&${param}`), pattern).received, received, param);
  });

  it('refuses a URI without a secret, or with an empty, duplicated or badly encoded one', () => {
    refused(uri('issuer=ACME'), /has no secret parameter/);
    refused(uri('secret=&issuer=ACME'), /has no secret parameter/);
    refused(uri(`secret=${HELLO}&secret=${REAL}`), /more than one secret parameter/);
    refused(uri(`secret=${HELLO}%ZZ`), /secret parameter has invalid percent-encoding/);
    refused(uri(`secret=${HELLO}0`), /otpauth URI's secret parameter is not base32 text/);
    refused(uri(`secret=${HELLO.slice(0, 12)}`), /secret parameter is 56 bits long/);
  });

  it('refuses other URIs, pointing an authenticator export to a single account', () => {
    refused(`otpauth-migration://offline?data=${REAL}`, /authenticator export of several accounts/);
    refused(`https://example.com/?secret=${REAL}`, /not an otpauth:\/\/ URI/);
  });
});

describe('parseTotpSecret: secret hygiene', () => {
  it('never puts the secret, or any 6 characters of it, in a message or received value', () => {
    const bad = [
      uri(`secret=${REAL}`, 'hotp'),
      uri(`secret=${REAL}`, 'steam'),
      uri(`secret=${REAL}&algorithm=MD5`),
      uri(`secret=${REAL}&digits=7`),
      uri(`secret=${REAL}&period=0`),
      uri(`secret=${REAL.toLowerCase()}&algorithm=${REAL}`),
      uri(`secret=${REAL}&period=${REAL.slice(0, 8)}`),
      uri(`digits=${REAL.slice(0, 8)}&secret=${REAL}`),
      `otpauth://totp/${REAL}?issuer=${REAL}`,
      uri(`secret=${REAL}&secret=${REAL}`),
      uri(`secret=${REAL}%G0`),
      `${REAL}0`,
      `${REAL.slice(0, 10)} ${REAL.toLowerCase().slice(10, 14)}`,
      REAL.repeat(4),
      `https://example.com/${REAL}`,
      `otpauth-migration://offline?data=${REAL}`,
      `secret: ${REAL}`,
      `${REAL}\n${REAL_HEX}`,
    ];
    const normalised = REAL.toUpperCase();
    for (const [index, text] of bad.entries()) {
      let caught: unknown;
      assert.throws(
        () => parseTotpSecret(text, INPUT),
        (error) => ((caught = error), true),
        `bad input #${index} is refused`,
      );
      assert.ok(caught instanceof InputError);
      const shown = `${caught.message}\n${JSON.stringify(caught.received) ?? ''}\n${String(caught.cause ?? '')}`.toUpperCase();
      for (let at = 0; at + 6 <= normalised.length; at++) {
        assert.ok(!shown.includes(normalised.slice(at, at + 6)), `bad input #${index}: its error shows part of the secret`);
      }
      assert.ok(!shown.includes(REAL_HEX.toUpperCase().slice(0, 8)), `bad input #${index}: its error shows the secret in hex`);
    }
  });
});

describe('secretForms', () => {
  it('lists the input as given, the normalised base32 in both cases and the hex of the bytes', () => {
    const text = ' jbsw y3dp EHPK 3pxp==\n';
    const forms = secretForms(text, parseTotpSecret(text, INPUT));
    for (const form of ['jbsw y3dp EHPK 3pxp==', HELLO, HELLO.toLowerCase(), HELLO_HEX, HELLO_HEX.toUpperCase()]) assert.ok(forms.includes(form), form);
    assert.equal(new Set(forms).size, forms.length, 'no duplicates');
    assert.ok(
      forms.every((form) => form.length >= 16),
      'every form is long enough for the redactor to register',
    );
  });

  it('lists a URI whole and its secret parameter as written and decoded', () => {
    const text = uri('secret=jbsw%20y3dp%20ehpk%203pxp&digits=8');
    const forms = secretForms(text, parseTotpSecret(text, INPUT));
    for (const form of [text, 'jbsw%20y3dp%20ehpk%203pxp', 'jbsw y3dp ehpk 3pxp', HELLO, HELLO.toLowerCase(), HELLO_HEX]) assert.ok(forms.includes(form), form);
  });

  it('lets the redactor remove the secret however a log writes it', () => {
    const text = uri(`secret=${REAL.toLowerCase()}`);
    const redactor = new Redactor();
    for (const form of secretForms(text, parseTotpSecret(text, INPUT))) redactor.add(form);
    const log = `uri ${text} / ${REAL} / ${REAL.toLowerCase()} / ${REAL_HEX} / ${Buffer.from(REAL_HEX, 'hex').toString('base64')}`;
    assert.equal(redactor.redact(log), 'uri *** / *** / *** / *** / ***');
  });
});
