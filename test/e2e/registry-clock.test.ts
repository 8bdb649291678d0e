import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makePackage, runAction } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

/**
 * The registry's `Date` header moves the clock one-time passwords are made
 * on, within a sane bound: a date more than 15 minutes away, before 1970, or
 * that does not parse is not applied, a warning says so, and codes follow the
 * runner's clock (issue 18, finding 8), through the bundled action. The test
 * registry checks codes on its own (right) clock whatever its header says.
 */
describe('a registry whose Date header is far off', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };

  before(async () => {
    alice = await registry.addUser('alice');
  });

  const cases = [
    {
      name: 'years ahead',
      header: () => new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000).toUTCString(),
      warning: /The registry's clock \(Date: [^)]+\) is 18\d\d days ahead of this machine's/,
    },
    { name: '20 minutes behind', header: () => new Date(Date.now() - 20 * 60 * 1000).toUTCString(), warning: /is (19|20) min \d+ s behind this machine's/ },
    { name: 'before 1970', header: () => 'Wed, 01 Jan 1969 00:00:00 GMT', warning: /is \d+ days behind this machine's/ },
    { name: 'not a date', header: () => 'the day after tomorrow', warning: /Date header "the day after tomorrow" is not a date/ },
  ];
  for (const [index, { name, header, warning }] of cases.entries()) {
    it(`publishes with the runner's clock and warns when the Date is ${name}`, async () => {
      const dir = await makePackage({ 'index.js': `${index};\n` }, { name: `clock-${index}`, version: '1.0.0' });
      registry.configure({ dateHeader: header() });
      registry.clearRequests();
      try {
        const run = await runAction({ inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir } });
        assert.equal(run.code, 0, run.stdout);
        assert.equal(run.outputs.published, 'true');
        const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
        assert.equal(warnings.filter((line) => warning.test(line)).length, 1, warnings.join('\n') || run.stdout);
        assert.match(warnings.join('\n'), /more than 15 minutes|is not a date/);
        assert.match(warnings.join('\n'), /one-time passwords follow this machine's clock/);
        assert.deepEqual(
          registry.requests.filter((request) => request.otpSent).map((request) => request.otpAccepted),
          [true],
          'the first code was right',
        );
      } finally {
        registry.configure({ dateHeader: undefined });
      }
    });
  }
});
