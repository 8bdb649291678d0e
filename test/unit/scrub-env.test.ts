import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scrubEnvironment } from '../../src/package/scripts.ts';

describe('the environment package scripts get', () => {
  const token = 'npm_realTokenValue0123456789';
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const env = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    NODE_AUTH_TOKEN: token,
    NPM_TOKEN: token,
    NPM_TOTP_SECRET: secret,
    'INPUT_OTP-SECRET': secret,
    INPUT_TOKEN: token,
    INPUT_PACKAGE: '.',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
    NPM_ID_TOKEN: 'id-token',
    npm_config__authToken: token,
    MY_OWN_NAME_FOR_IT: `prefix-${secret}`,
    GITHUB_REF: 'refs/tags/v1.0.0',
    GITHUB_OUTPUT: '/runner/_temp/output',
    GITHUB_ENV: '/runner/_temp/env',
  };

  it("keeps ordinary variables and drops every input, token, ID token, variable holding a secret, and the runner's command files", () => {
    const clean = scrubEnvironment(env, [token, secret]);
    assert.deepEqual(Object.keys(clean).sort(), ['GITHUB_REF', 'HOME', 'NODE_AUTH_TOKEN', 'NPM_TOKEN', 'PATH']);
    assert.ok(!JSON.stringify(clean).includes(token));
    assert.ok(!JSON.stringify(clean).includes(secret));
  });

  it("puts setup-node's placeholder in token variables an .npmrc may name, so npm still loads its config", () => {
    const clean = scrubEnvironment(env, [token]);
    assert.equal(clean.NODE_AUTH_TOKEN, 'XXXXX-XXXXX-XXXXX-XXXXX');
    assert.equal(clean.NPM_TOKEN, 'XXXXX-XXXXX-XXXXX-XXXXX');
    assert.equal(scrubEnvironment({ PATH: '/bin' }, []).NODE_AUTH_TOKEN, undefined, 'no placeholder where there was no variable');
  });
});
