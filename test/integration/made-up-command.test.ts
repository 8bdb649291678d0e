import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { COMMANDS, commandFlags, commandHelp, commandsNamed } from '../../src/commands/index.ts';
import { systemClock } from '../../src/foundation/clock.ts';
import { InputError } from '../../src/foundation/errors.ts';
import { parseBlock } from '../../src/grammar/line.ts';
import { normalizeOptions } from '../../src/grammar/options.ts';
import { runCommands } from '../../src/run/run.ts';
import { USER_AGENT } from '../../src/version.ts';
import { versionsCommand } from '../fixtures/made-up-command/versions.ts';
import { makePackage } from '../helpers/action.ts';
import { NAMES, runBlockInProcess } from '../helpers/core.ts';
import { recordingLogger } from '../helpers/fake-clock.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

/**
 * A new command is one file: test/fixtures/made-up-command/versions.ts, a read-only `versions` command. Given to
 * the grammar, help and the runner (as src/commands/index.ts's list gives the real ones), it parses, is refused
 * with the others' rules, has its help, and runs against the registry, with no other file knowing it.
 */
describe('a made-up command is one descriptor', () => {
  const commands = [...COMMANDS, versionsCommand];
  const context = { inputName: 'commands', defaultPackage: { name: 'vers-pkg' } };
  const registry = suiteRegistry();
  let user: { token: string; secret: string };

  before(async () => {
    user = await registry.addUser('vera');
    for (const version of ['1.0.0', '1.1.0', '2.0.0']) {
      const dir = await makePackage({ 'index.js': `'${version}';\n` }, { name: 'vers-pkg', version });
      const { report } = await runBlockInProcess({ token: user.token, otpSecret: user.secret, registry: registry.url }, `publish ${dir}`);
      assert.equal(report.error, undefined, String(report.error));
    }
  });

  it('is unknown until it is in the list, then parsed by its own rules, the shared ones included', () => {
    assert.throws(
      () => parseBlock('versions vers-pkg', COMMANDS, context),
      (error) => error instanceof InputError && /unknown command "versions"/.test(error.message),
    );
    const [line] = parseBlock('versions --since 1.0.0', commands, context);
    assert.equal(line?.command, versionsCommand);
    assert.deepEqual(line?.data, { pkg: 'vers-pkg', since: '1.0.0' });
    assert.throws(() => parseBlock('versions a b', commands, context), /commands line 1 \(versions a b\): expected: versions \[<pkg>\] \[--since <version>\]/);
    assert.throws(() => parseBlock('versions ../x', commands, context), /not a valid npm package name/);
    assert.throws(() => parseBlock('versions --tag x', commands, context), /--tag is not an option of versions/);
  });

  it('has its help and its flags in the tables built from the list', () => {
    assert.deepEqual(commandsNamed(['versions'], commands), [versionsCommand]);
    assert.equal(
      commandHelp([versionsCommand]),
      "  versions [<pkg>] [--since <version>]\n      list a package's published versions\n      options: --since <value>",
    );
    assert.ok(commandFlags(commands).some((flag) => flag.name === 'since' && flag.value === true));
  });

  it('runs in a block beside the real commands, its result rows like theirs', async () => {
    const { logger } = recordingLogger();
    const deps = { clock: systemClock, logger, cwd: process.cwd(), env: process.env, userAgent: USER_AGENT, commands };
    const withToken = await runCommands(
      normalizeOptions({ token: user.token, otpSecret: user.secret, registry: registry.url }, NAMES),
      { block: 'versions vers-pkg\nversions vers-pkg --since 1.0.0\ndist-tag ls vers-pkg', inputName: 'commands' },
      deps,
    );
    assert.equal(withToken.error, undefined, String(withToken.error));
    assert.deepEqual(
      withToken.results.map((result) => [result.command, result.outcome, result.detail]),
      [
        ['versions vers-pkg', 'read', '1.0.0, 1.1.0, 2.0.0'],
        ['versions vers-pkg --since 1.0.0', 'read', '1.1.0, 2.0.0'],
        ['dist-tag ls vers-pkg', 'read', 'latest: 2.0.0'],
      ],
    );
  });
});
