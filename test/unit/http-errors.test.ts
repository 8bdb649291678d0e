import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionFailure, isTransient } from '../../src/foundation/http-errors.ts';

const failure = (fields: Record<string, unknown>) => Object.assign(new Error('x'), fields);

describe('what a failed request says', () => {
  it('tells a dropped connection (may have landed) from one never made', () => {
    assert.equal(connectionFailure(failure({ code: 'ECONNRESET' })), 'lost');
    assert.equal(connectionFailure(failure({ type: 'request-timeout' })), 'lost');
    assert.equal(connectionFailure(failure({ code: 'ECONNREFUSED' })), 'unsent');
    assert.equal(connectionFailure(failure({ code: 'ENOTFOUND' })), 'unsent');
    assert.equal(connectionFailure(failure({ code: 'E503', statusCode: 503 })), undefined, 'an answer is not a connection failure');
    assert.equal(connectionFailure(failure({ code: 'EWHATEVER' })), undefined);
  });

  it('retries 408, 5xx, dropped connections and refused or unresolved-for-now connections, nothing else', () => {
    for (const retried of [{ statusCode: 408 }, { statusCode: 502 }, { code: 'EPIPE' }, { code: 'ECONNREFUSED' }, { code: 'EAI_AGAIN' }])
      assert.equal(isTransient(failure(retried)), true, JSON.stringify(retried));
    for (const final of [{ statusCode: 400 }, { statusCode: 403 }, { statusCode: 429 }, { code: 'ENOTFOUND' }, { code: 'EINVALIDPROXY' }, { code: 'EOTP' }])
      assert.equal(isTransient(failure(final)), false, JSON.stringify(final));
  });
});
