import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textTable } from '../../src/foundation/text-table.ts';

describe('textTable', () => {
  it('pads every column but the last, rules the header, and keeps each row on one line', () => {
    const text = textTable({
      title: 'Title',
      columns: ['check', 'status', 'finding'],
      rows: [
        ['token', 'ok', 'valid'],
        ['a longer check', 'FAIL', 'two\nlines\r\nhere'],
      ],
    });
    assert.equal(
      text,
      [
        'Title',
        '  check           status  finding',
        '  --------------  ------  -------',
        '  token           ok      valid',
        '  a longer check  FAIL    two lines here',
      ].join('\n'),
    );
  });
});
