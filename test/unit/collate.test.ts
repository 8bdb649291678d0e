import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareEn } from '../../src/package/collate.ts';
import { withSeed } from '../helpers/seeded-random.ts';

const sign = (value: number) => Math.sign(value);

describe("compareEn: localeCompare(b, 'en') without ICU's collator for printable ASCII", () => {
  it('orders the names npm-packlist sorts as localeCompare does', () => {
    const names = [
      'index.js',
      'Index.js',
      'index.JS',
      'index',
      'index-2.js',
      'index_2.js',
      'index.2.js',
      'a/b.js',
      'a.b/c',
      'README.md',
      'readme',
      'LICENSE',
      'package.json',
      '.npmignore',
      '~x',
      '$x',
      'x y',
      'x+y',
      '10.js',
      '9.js',
      'Z',
      'z',
      'é.js',
      'a\tb',
      '',
    ];
    for (const a of names)
      for (const b of names) assert.equal(sign(compareEn(a, b)), sign(a.localeCompare(b, 'en')), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  });

  it('agrees with localeCompare on 20000 random pairs of printable ASCII, near ones included', () =>
    withSeed(({ int: randomInt }) => {
      const alphabet = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
      const pick = (text: string) => text[randomInt(text.length)] as string;
      const word = () => Array.from({ length: randomInt(0, 8) }, () => pick(randomInt(3) === 0 ? alphabet : 'aAbB.-_/1')).join('');
      const variant = (text: string) => {
        const at = randomInt(text.length + 1);
        const kind = randomInt(3);
        if (kind === 0) return text.slice(0, at) + pick(alphabet) + text.slice(at); // one more character
        if (kind === 1) return text.slice(0, at) + text.slice(at, at + 1).toUpperCase() + text.slice(at + 1); // other case
        return text.slice(0, at) + pick(alphabet) + text.slice(at + 1); // one character changed
      };
      for (let i = 0; i < 20000; i += 1) {
        const a = word();
        const b = randomInt(2) === 0 ? word() : variant(a);
        assert.equal(sign(compareEn(a, b)), sign(a.localeCompare(b, 'en')), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    }));

  it('sorts a list exactly as localeCompare does', () => {
    const list = ['b.js', 'B.js', 'a-b', 'a_b', 'a.b', 'ab', 'Ab', 'aB', 'a', 'A', 'a1', 'a10', 'a2', 'lib/x.js', 'lib-x.js', 'lib_x.js', 'ü.js'];
    assert.deepEqual(
      [...list].sort(compareEn),
      [...list].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });
});
