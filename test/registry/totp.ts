/**
 * The registry's own TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps), written
 * with node:crypto rather than otplib so that tests, which generate codes with
 * otplib, cross-check two independent implementations.
 */
import { createHmac, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Seconds per step, as npmjs and authenticator apps use. */
export const PERIOD_S = 30;

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error('invalid base32 character in secret');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new base32 secret of 20 random bytes (the SHA1 block-friendly size npmjs hands out). */
export function randomSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The TOTP time step containing `ms`. */
export function stepAt(ms: number): number {
  return Math.floor(ms / 1000 / PERIOD_S);
}

/** The 6-digit code for a time step (HOTP with the step as counter). */
export function codeAtStep(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 15;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * The step whose code equals `code`, searching `tolerance` steps either side of
 * the one containing `nowMs`, nearest first; undefined if none.
 */
export function matchStep(secret: string, code: string, nowMs: number, tolerance: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const current = stepAt(nowMs);
  for (let distance = 0; distance <= tolerance; distance++) {
    for (const step of distance === 0 ? [current] : [current - distance, current + distance]) {
      if (codeAtStep(secret, step) === code) return step;
    }
  }
  return undefined;
}

/**
 * A clock offset (ms) that puts a registry mid-way through a 30 s window, so a
 * test has about 15 s before any window rolls over and can reason in whole
 * windows without racing the machine clock. `windowsAhead` shifts it further.
 */
export function midWindowOffset(windowsAhead = 0, machineNow: number = Date.now()): number {
  const period = PERIOD_S * 1000;
  return period / 2 - (machineNow % period) + windowsAhead * period;
}
