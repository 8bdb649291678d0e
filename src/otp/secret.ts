import { InputError } from '../foundation/errors.ts';

/** HMAC hash of a TOTP enrolment. */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** A checked TOTP enrolment: everything needed to make codes. */
export interface TotpSecret {
  /** The shared key, MIN_SECRET_BYTES..MAX_SECRET_BYTES bytes. */
  readonly bytes: Uint8Array;
  /** Default `sha1` (what npmjs and most authenticator apps use). */
  readonly algorithm: TotpAlgorithm;
  /** Code length. Default 6. */
  readonly digits: 6 | 8;
  /** Seconds per time step, MIN_PERIOD_S..MAX_PERIOD_S. Default 30. */
  readonly period: number;
}

/** 80 bits: RFC 4226's floor, and what many enrolments hand out (otplib's own default floor is 16). */
export const MIN_SECRET_BYTES = 10;
/** otplib's ceiling; no authenticator enrolment uses more than 512 bits. */
export const MAX_SECRET_BYTES = 64;
/** Below 10 s a code could expire before a publish upload reaches the registry. */
const MIN_PERIOD_S = 10;
/** Five minutes; longer steps are almost surely a typo. */
const MAX_PERIOD_S = 300;
const DEFAULT_PERIOD_S = 30;

const EXPECTED = 'base32 letters A-Z and digits 2-7, or an otpauth://totp/ URI';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALGORITHMS: Record<string, TotpAlgorithm> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/**
 * Parses a TOTP secret: base32 text (any case; spaces, dashes and trailing
 * `=` padding tolerated) or an `otpauth://totp/` URI with `secret` and the
 * optional `algorithm` (SHA1|SHA256|SHA512, default SHA1), `digits` (6|8,
 * default 6) and `period` (integer seconds, 10..300, default 30); the label
 * and `issuer` are ignored. Throws an InputError naming `inputName` that
 * never contains the secret: of text that is not base32 it names the first
 * character outside the alphabet and its position, alone.
 */
export function parseTotpSecret(text: string, inputName: string): TotpSecret {
  const located = locateSecret(text.trim(), inputName);
  const params = located.params ?? new Map<string, string>();
  const where = located.params ? "the otpauth URI's secret parameter" : 'the secret';
  return {
    bytes: decodeSecret(located.value, inputName, where),
    algorithm: parseAlgorithm(params.get('algorithm'), inputName),
    digits: parseDigits(params.get('digits'), inputName),
    period: parsePeriod(params.get('period'), inputName),
  };
}

/**
 * Every textual form of the secret to mask in logs: the input as given
 * (trimmed), the URI's secret parameter as written and decoded, the base32
 * normalised (upper case, no spaces or padding) and canonical, their lower
 * case, and the bytes in hex (both cases) and base64. `text` must be the
 * text `secret` was parsed from.
 */
export function secretForms(text: string, secret: TotpSecret): string[] {
  const trimmed = text.trim();
  const forms = [trimmed];
  let located: Located | undefined;
  try {
    located = locateSecret(trimmed, 'secret');
  } catch {
    // Text that does not parse still gets its trimmed form and the bytes' forms masked.
  }
  if (located) forms.push(located.written, located.value);
  const normalised = located ? compact(located.value).toUpperCase() : '';
  for (const base32 of [normalised, base32Encode(secret.bytes)]) forms.push(base32, base32.toLowerCase());
  const hex = Buffer.from(secret.bytes).toString('hex');
  forms.push(hex, hex.toUpperCase(), Buffer.from(secret.bytes).toString('base64'));
  return [...new Set(forms.filter((form) => form.length > 0))];
}

/** Where the base32 text sits: the whole input, or a URI's `secret` parameter (`written` still percent-encoded). */
interface Located {
  written: string;
  value: string;
  params: Map<string, string> | undefined;
}

function locateSecret(text: string, inputName: string): Located {
  if (text === '') throw new InputError(inputName, `${inputName} is empty; set it to the account's TOTP secret: ${EXPECTED}.`);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return { written: text, value: text, params: undefined };
  if (scheme === 'otpauth-migration') {
    throw new InputError(
      inputName,
      `${inputName}: an otpauth-migration:// URI is an authenticator export of several accounts; give one account's otpauth://totp/ URI or its base32 secret instead.`,
    );
  }
  const uri = /^otpauth:\/\/([^/?#]*)[^?#]*(?:\?([^#]*))?/i.exec(text);
  if (!uri) throw new InputError(inputName, `${inputName} is a URI but not an otpauth:// URI; expected ${EXPECTED}.`);
  const type = uri[1]?.toLowerCase();
  if (type === 'hotp') {
    throw new InputError(
      inputName,
      `${inputName}: an otpauth://hotp/ URI describes counter-based one-time passwords (HOTP), which advance with each use rather than with time; ` +
        "npm's two-factor authentication uses time-based codes (TOTP). Give the account's otpauth://totp/ URI or its base32 secret.",
      { received: 'type=hotp' },
    );
  }
  if (type !== 'totp') throw new InputError(inputName, `${inputName}: the otpauth URI's type must be totp (otpauth://totp/...); expected ${EXPECTED}.`);
  const params = new Map<string, string>();
  let written: string | undefined;
  for (const part of (uri[2] ?? '').split('&')) {
    const eq = part.indexOf('=');
    const key = percentDecode(eq < 0 ? part : part.slice(0, eq))?.toLowerCase();
    if (key === undefined || !['secret', 'algorithm', 'digits', 'period'].includes(key)) continue; // label, issuer, image...: ignored
    if (params.has(key)) throw new InputError(inputName, `${inputName}: the otpauth URI has more than one ${key} parameter; keep one.`);
    const value = percentDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (value === undefined) throw new InputError(inputName, `${inputName}: the otpauth URI's ${key} parameter has invalid percent-encoding.`);
    params.set(key, value);
    if (key === 'secret') written = part.slice(eq + 1);
  }
  const value = params.get('secret');
  if (written === undefined || value === undefined || value.trim() === '') {
    throw new InputError(inputName, `${inputName}: the otpauth://totp/ URI has no secret parameter (otpauth://totp/label?secret=BASE32...).`);
  }
  return { written, value, params };
}

/** Query-string decoding (`+` is a space); undefined for malformed `%` escapes. */
function percentDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function compact(text: string): string {
  return text.replace(/[\s-]/g, '').replace(/=+$/, '');
}

/** RFC 4648 base32, strict about characters; leftover bits under a byte are dropped, as authenticator apps do. */
function decodeSecret(text: string, inputName: string, where: string): Uint8Array {
  const clean = compact(text);
  // Checked before upper-casing: 'ß'.toUpperCase() is 'SS' and 'ı'.toUpperCase() is 'I'.
  if (clean === '' || /[^A-Za-z2-7]/.test(clean)) {
    // A one-time code is not described character by character: one of its digits is worth something for a few seconds.
    const code = /^\d{6,8}$/.test(clean) ? ' It looks like a one-time code; give the secret the codes are made from.' : '';
    const stranger = code ? '' : describeStranger(text);
    throw new InputError(inputName, `${inputName}: ${where} is not base32 text${stranger}. Expected ${EXPECTED}.${code}`);
  }
  const bytes: number[] = [];
  let value = 0;
  let bits = 0;
  for (const char of clean.toUpperCase()) {
    value = ((value << 5) | ALPHABET.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new InputError(
      inputName,
      `${inputName}: ${where} is ${bytes.length * 8} bits long; a TOTP secret needs at least ${MIN_SECRET_BYTES * 8} bits ` +
        `(${MIN_SECRET_BYTES} bytes, ${Math.ceil((MIN_SECRET_BYTES * 8) / 5)} base32 characters). Check that the whole secret was copied.`,
    );
  }
  if (bytes.length > MAX_SECRET_BYTES) {
    throw new InputError(
      inputName,
      `${inputName}: ${where} is longer than ${MAX_SECRET_BYTES * 8} bits, more than any TOTP enrolment uses; give the secret alone.`,
    );
  }
  return Uint8Array.from(bytes);
}

/**
 * Where `text` leaves base32, for the message: `: its character 17 is "!", ...`. Only that one character and its
 * position, never its neighbours: a character outside the alphabet is not part of a valid secret, while the text
 * around it is. Characters the parser tolerates (spaces, dashes, trailing `=`) are counted but never named.
 */
function describeStranger(text: string): string {
  const chars = [...text];
  const strangers = chars.flatMap((char, index) => {
    if (/[A-Za-z2-7\s-]/.test(char)) return [];
    if (char === '=' && chars.slice(index + 1).every((next) => /[=\s-]/.test(next))) return []; // padding
    return [{ char, position: index + 1 }];
  });
  const [first] = strangers;
  if (first === undefined) return ' (it has no base32 characters)';
  const shown = /^[\x21-\x7e]$/.test(first.char)
    ? first.char === '"'
      ? `'"'`
      : `"${first.char}"`
    : `U+${(first.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}${/[\p{L}\p{N}\p{P}\p{S}]/u.test(first.char) ? ` ("${first.char}")` : ''}`;
  const why = /^[0189]$/.test(first.char) ? ' (0, 1, 8 and 9 are not base32 digits)' : ', which base32 does not use';
  const more = strangers.length > 1 ? `; ${strangers.length - 1} more character${strangers.length === 2 ? ' is' : 's are'} not base32 either` : '';
  return `: its character ${first.position} is ${shown}${why}${more}`;
}

function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    for (; bits >= 5; bits -= 5) out += ALPHABET[(value >>> (bits - 5)) & 31];
  }
  return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}

function parseAlgorithm(value: string | undefined, inputName: string): TotpAlgorithm {
  if (value === undefined) return 'sha1';
  return ALGORITHMS[value.toUpperCase()] ?? badParam(inputName, 'algorithm', value, 'use SHA1, SHA256 or SHA512');
}

function parseDigits(value: string | undefined, inputName: string): 6 | 8 {
  if (value === undefined || value === '6') return 6;
  return value === '8' ? 8 : badParam(inputName, 'digits', value, 'use 6 or 8');
}

function parsePeriod(value: string | undefined, inputName: string): number {
  if (value === undefined) return DEFAULT_PERIOD_S;
  const period = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (period >= MIN_PERIOD_S && period <= MAX_PERIOD_S) return period;
  return badParam(inputName, 'period', value, `use a whole number of seconds from ${MIN_PERIOD_S} to ${MAX_PERIOD_S} (usually 30)`);
}

/**
 * Echoes the value only when it is at most 4 plain characters (`MD5`, `7`, `301`) or a hash name (`SHA-256`), so
 * a secret pasted into the wrong parameter is never shown, not even in part.
 */
function badParam(inputName: string, key: string, value: string, advice: string): never {
  const named = /^([\w.+-]{1,4}|sha3?[-_]?\d{1,3})$/i.test(value) ? `${key}=${value}` : undefined;
  throw new InputError(inputName, `${inputName}: the otpauth URI's ${named ?? `${key} parameter`} is not supported; ${advice}.`, { received: named });
}
