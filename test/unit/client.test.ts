import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemClock } from '../../src/foundation/clock.ts';
import { TimeSync } from '../../src/otp/time-sync.ts';
import { RegistryClient } from '../../src/registry/client.ts';

describe('RegistryClient', () => {
  const client = (registry: string) => new RegistryClient({ registry, token: 'npm_secret', clock: systemClock, timeSync: new TimeSync(), userAgent: 'test' });

  it("fetches the registry's own URLs with the registry's protocol, so the token never goes out over plain http", () => {
    const https = client('https://npm.example.com/');
    assert.equal(https.sameProtocol('http://npm.example.com/pkg/-/pkg-1.0.0.tgz'), 'https://npm.example.com/pkg/-/pkg-1.0.0.tgz');
    assert.equal(https.sameProtocol('http://cdn.example.org/pkg-1.0.0.tgz'), 'http://cdn.example.org/pkg-1.0.0.tgz', 'another host gets no token anyway');
    assert.equal(client('http://127.0.0.1:4873/').sameProtocol('http://127.0.0.1:4873/a.tgz'), 'http://127.0.0.1:4873/a.tgz');
  });

  it('never lets a caller turn retries on for a write', () => {
    const options = client('https://npm.example.com/').writeOptions({ otp: '123456', session: 's', command: 'publish' }, { retry: { retries: 5 } });
    assert.deepEqual(options.retry, { retries: 0 });
    assert.equal(options.otp, '123456');
  });
});
