import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { describeReason } from '../../src/foundation/describe-error.ts';
import { credentialRefusal } from '../../src/foundation/refusals.ts';

// The errors npm-registry-fetch itself throws for an answer.
const { HttpErrorGeneral } = createRequire(import.meta.url)('npm-registry-fetch/lib/errors.js');

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Error {
  // minipass-fetch's headers, as npm-registry-fetch keeps them on its errors: raw() gives arrays of strings.
  const raw = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));
  const res = {
    status,
    statusText: status === 404 ? 'Not Found' : 'Forbidden',
    url: 'https://registry.npmjs.org/my-pkg',
    headers: { raw: () => raw, get: (name: string) => headers[name] ?? null },
  };
  return new HttpErrorGeneral('PUT', res, body, undefined);
}

const names = { secretInput: 'otp-secret', authTypeInput: 'auth-type' };
const EXPIRED = { 'npm-notice': 'Access token expired or revoked. Please try logging in again.' };

describe("the registry's refusals of a credential, in npm's 2026 words", () => {
  it('an expired or revoked token (a 404 with its notice) is ETOKEN, saying to make a new granular token and how long they live', () => {
    const error = credentialRefusal(answer(404, { error: 'Not found' }, EXPIRED), 'publish my-pkg@1.0.0', names);
    assert.equal(error?.code, 'ETOKEN');
    assert.match(
      error?.message ?? '',
      /expired or was revoked.*"publish my-pkg@1\.0\.0" \(it answered 404\).*new granular access token.*7 days.*90 days at most/s,
    );
    assert.equal(credentialRefusal(answer(404, { error: 'Not found' }), 'publish my-pkg@1.0.0', names), undefined, 'a 404 without the notice is not');
    assert.match(
      describeReason(answer(404, { error: 'Not found' }, EXPIRED)),
      /^404 Not found; the registry says the token expired or was revoked/,
      'any description of such an answer says it too',
    );
  });

  it('a bypass-2FA token refused (403 Forbidden2FABypassGAT) is EBYPASSTOKEN, naming the settings that answer 2FA instead', () => {
    for (const body of [
      { code: 'Forbidden2FABypassGAT', error: 'Granular access tokens that bypass two-factor authentication may not perform this action.' },
      { error: 'Forbidden2FABypassGAT' },
      { message: 'Granular access tokens that bypass two-factor authentication may not perform this action.' },
    ]) {
      const error = credentialRefusal(answer(403, body), 'owner add bob my-pkg', names);
      assert.equal(error?.code, 'EBYPASSTOKEN', JSON.stringify(body));
      assert.match(error?.message ?? '', /"owner add bob my-pkg".*always need 2FA.*set otp-secret.*auth-type auto/s);
    }
  });

  it('a direct publish refused with "OIDC permission denied for this action" is ESTAGEONLY, saying to stage or allow publishing; a refused stage publish is left as it is', () => {
    const refused = answer(403, { error: 'OIDC permission denied for this action' });
    const trusted = credentialRefusal(refused, 'publish my-pkg@1.0.0', { ...names, trusted: true, npmCommand: 'publish' });
    assert.equal(trusted?.code, 'ESTAGEONLY');
    assert.match(trusted?.message ?? '', /trusted publisher may only stage.*stage publish.*--allow-publish/s);
    const token = credentialRefusal(refused, 'publish my-pkg@1.0.0', { ...names, trusted: false, npmCommand: 'publish' });
    assert.match(token?.message ?? '', /the token may only stage versions/);
    assert.equal(credentialRefusal(refused, 'stage publish my-pkg@1.0.0', { ...names, trusted: true, npmCommand: 'stage' }), undefined);
  });

  it('leaves every other answer alone', () => {
    assert.equal(credentialRefusal(answer(403, { error: 'You do not have permission to publish "my-pkg"' }), 'publish my-pkg@1.0.0', names), undefined);
    assert.equal(credentialRefusal(new Error('ECONNRESET'), 'publish my-pkg@1.0.0', names), undefined);
  });
});
