import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file below `dir`, with its text (binary files as latin1, so any byte run still matches). */
export async function filesBelow(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) found[full] = (await readFile(full)).toString('latin1');
    }
  };
  await walk(dir);
  return found;
}

/** Decodes RFC 4648 base32 (test-side, independent of src/otp). */
export function base32Bytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.toUpperCase().replace(/[\s=-]/g, '')) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The forms a TOTP secret could leak in: base32 in both cases, grouped by 4 as apps show it, hex, base64, the URI. */
export function secretLeakForms(base32: string, uri?: string): string[] {
  const bytes = base32Bytes(base32);
  const grouped = base32.match(/.{1,4}/g)?.join(' ') ?? base32;
  return [
    base32,
    base32.toLowerCase(),
    grouped,
    grouped.toLowerCase(),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    bytes.toString('base64'),
    ...(uri ? [uri, encodeURIComponent(uri)] : []),
  ];
}
