import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ProductError } from '../../src/foundation/errors.ts';
import { makePackage, ROOT } from '../helpers/action.ts';
import { publishInProcess } from '../helpers/core.ts';
import { assertNoSecrets } from '../helpers/secrets.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

describe('publishing through the library against the test registry', () => {
  const registry = suiteRegistry();
  let user: { name: string; token: string; secret: string };

  before(async () => {
    user = await registry.addUser('lib-publisher');
  });

  it('runs prepack, prepare and postpack as npm does, without the token or the TOTP secret in their environment', async () => {
    const dump = "node -e \"require('fs').writeFileSync(process.env.npm_lifecycle_event + '.env.json', JSON.stringify(process.env))\"";
    const dir = await makePackage(
      { 'index.js': '1;\n', '.npmignore': '*.env.json\n' },
      {
        name: 'lib-scripts',
        version: '1.0.0',
        scripts: { prepublishOnly: dump, prepack: dump, prepare: dump, postpack: dump },
      },
    );
    const { report } = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: dir });
    assert.equal(report.error, undefined, String(report.error));
    assert.equal(report.published, true);
    for (const event of ['prepublishOnly', 'prepack', 'prepare', 'postpack']) {
      const text = await readFile(path.join(dir, `${event}.env.json`), 'utf8');
      const env = JSON.parse(text) as Record<string, string>;
      assert.equal(env.npm_lifecycle_event, event);
      assertNoSecrets({ [`${event} environment`]: text }, [user.token, user.secret]);
    }
  });

  it("publishes a .tgz as it is: the registry records the tarball's own integrity", async () => {
    const tarball = path.join(ROOT, 'test', 'fixtures', 'isolated-pkg-1.0.0.tgz');
    const { report } = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: tarball });
    assert.equal(report.error, undefined, String(report.error));
    const expected = `sha512-${createHash('sha512')
      .update(await readFile(tarball))
      .digest('base64')}`;
    const packument = await registry.packument('isolated-pkg');
    assert.equal(packument.versions['1.0.0'].dist.integrity, expected);
  });

  it('sends no write on a dry run', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'lib-dry', version: '1.0.0' });
    registry.clearRequests();
    const { report } = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: dir, dryRun: 'true' });
    assert.equal(report.error, undefined);
    assert.equal(report.results[0]?.outcome, 'dry-run');
    assert.equal(report.published, false);
    assert.deepEqual(
      registry.requests.filter((request) => request.method !== 'GET'),
      [],
    );
  });

  it('refuses a prerelease without an explicit tag before any request, as npm does', async () => {
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'lib-pre', version: '2.0.0-beta.1' });
    registry.clearRequests();
    const { report } = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: dir });
    assert.ok(report.error instanceof ProductError);
    assert.match(report.error.message, /^tag: lib-pre@2\.0\.0-beta\.1 is a prerelease; give an explicit tag/);
    assert.deepEqual(registry.requests, []);
    const tagged = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: dir, tag: 'next' });
    assert.equal(tagged.report.error, undefined);
    assert.equal((await registry.packument('lib-pre'))['dist-tags'].next, '2.0.0-beta.1');
  });

  for (const offsetS of [90, -90]) {
    it(`gets the code right the first time when the registry's clock is ${offsetS} s off`, async () => {
      const dir = await makePackage({ 'index.js': '1;\n' }, { name: `lib-skew-${offsetS < 0 ? 'behind' : 'ahead'}`, version: '1.0.0' });
      registry.configure({ clockOffsetMs: offsetS * 1000, otpTolerance: 1 });
      try {
        registry.clearRequests();
        const { report, lines } = await publishInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url, package: dir });
        assert.equal(report.error, undefined, String(report.error));
        assert.equal(report.results[0]?.otpAttempts, 1);
        const writes = registry.requests.filter((request) => request.method === 'PUT');
        assert.deepEqual(
          writes.map((w) => w.otpAccepted),
          [true],
        );
        assert.ok(
          lines.some((line) => line.level === 'warning' && /clock is (89|90|91)\.\d s/.test(line.message)),
          'warns about the skew',
        );
      } finally {
        registry.configure({ clockOffsetMs: 0 });
      }
    });
  }
});
