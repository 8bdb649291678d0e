/**
 * `a.localeCompare(b, 'en')`, as npm-packlist sorts the files of a tarball, without ICU's collator where
 * it is not needed: creating it costs about 8 ms at its first use, which is most of what packing a small
 * package takes. For strings of printable ASCII the order is ICU's root collation, which 'en' uses
 * unchanged: characters compare by a primary weight (space and punctuation, then symbols, digits, and
 * letters with upper and lower case equal), and only between strings equal at that level does case
 * decide, lower case first, at the first place they differ. Any other string goes to localeCompare.
 * test/unit/collate.test.ts checks this against localeCompare itself.
 */

/** Printable ASCII in ICU's root order (Intl.Collator('en')); a letter and its capital share one weight. */
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

const PRIMARY = new Uint8Array(128);
{
  let weight = 0;
  for (let i = 0; i < ROOT_ORDER.length; i += 1) {
    const code = ROOT_ORDER.charCodeAt(i);
    const capital = code >= 65 && code <= 90;
    if (!capital) weight += 1;
    PRIMARY[code] = weight;
  }
}

const printable = (text: string): boolean => {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 32 || code > 126) return false;
  }
  return true;
};

/** Negative, zero or positive as `a.localeCompare(b, 'en')`. */
export function compareEn(a: string, b: string): number {
  if (a === b) return 0;
  if (!printable(a) || !printable(b)) return a.localeCompare(b, 'en');
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const difference = (PRIMARY[a.charCodeAt(i)] as number) - (PRIMARY[b.charCodeAt(i)] as number);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // Equal but for case: lower case first, at the first place they differ.
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1; // 'a' (97) > 'A' (65): the lower case one sorts first
  }
  return 0;
}
