import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { describeError, describeReason } from '../../src/foundation/describe-error.ts';
import { InputError } from '../../src/foundation/errors.ts';

// The errors npm-registry-fetch itself throws for an answer (what every registry request of the product meets).
const { HttpErrorGeneral, HttpErrorAuthOTP } = createRequire(import.meta.url)('npm-registry-fetch/lib/errors.js');

/** An answer of the registry as npm-registry-fetch turns it into an error. */
function answer(status: number, url: string, body: unknown, ErrorClass = HttpErrorGeneral, headers: Record<string, string> = {}): Error {
  const res = { status, statusText: status === 401 ? 'Unauthorized' : 'Forbidden', url, headers: new Headers(headers) };
  return new ErrorClass('PUT', res, body, undefined);
}

const REGISTRY = 'https://registry.npmjs.org/';

describe('describeError and describeReason', () => {
  it('say for a bare 401 that the token was refused and what to check, in one place for every request', () => {
    for (const body of [{ error: 'Unauthorized' }, { error: 'You must be logged in to publish packages.' }, null]) {
      const error = answer(401, `${REGISTRY}my-pkg`, body);
      const reason = describeReason(error);
      assert.match(
        reason,
        /^401 (Unauthorized|You must be logged in to publish packages); the registry refused the token, which may be invalid, expired or revoked, or made for another registry \(for registry\.npmjs\.org, create a new granular access token/,
        reason,
      );
      assert.match(
        describeError(error),
        /^the registry answered 401: .+; the registry refused the token, which may be invalid, expired or revoked, or made for another registry/,
      );
      assert.doesNotMatch(describeError(error), /registry\.npmjs\.org\/my-pkg|PUT/, 'never the request');
    }
  });

  it("say for a 401 of trusted publishing's exchange that the job's ID token was refused, not the token", () => {
    const error = answer(401, `${REGISTRY}-/npm/v1/oidc/token/exchange/package/my-pkg`, { error: 'unauthorized' });
    assert.equal(describeReason(error), "401 unauthorized; the registry refused this job's OIDC ID token for trusted publishing");
  });

  it('leave other answers as the registry gave them: a 403, a one-time password challenge, a 401 of another service, our own messages', () => {
    assert.equal(
      describeReason(answer(403, `${REGISTRY}my-pkg`, { error: 'You do not have permission to publish "my-pkg"' })),
      '403 You do not have permission to publish "my-pkg"',
    );
    const otp = answer(401, `${REGISTRY}my-pkg`, { error: 'OTP required' }, HttpErrorAuthOTP, { 'www-authenticate': 'OTP' });
    assert.equal(describeReason(otp), '401 OTP required');
    // sigstore's HTTP errors carry a status and no request: a 401 there is about the ID token, not the registry's token.
    assert.equal(describeReason(Object.assign(new Error('(401) Unauthorized'), { statusCode: 401 })), '(401) Unauthorized');
    assert.equal(describeError(new InputError('token', 'token: no registry token was given.')), 'token: no registry token was given.');
  });
});
