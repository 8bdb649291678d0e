import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { makePackage, ROOT, runAction } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

/**
 * What a package script run by the action can reach, measured, and said
 * exactly in action.yml and docs/security.md (issue 18, finding 9): its own
 * environment holds no secret, but it runs as the same user as the action,
 * so it can read the action's initial environment (`/proc/<pid>/environ`,
 * token and TOTP secret included) and write to the action's own output.
 */
describe('what a package script can reach', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };

  before(async () => {
    alice = await registry.addUser('alice');
  });

  it('sees no secret in its own environment, yet can read the action’s and write to its output (Linux)', async (t) => {
    if (process.platform !== 'linux') return t.skip('/proc is Linux');
    // Counts only: the secrets themselves never reach a file.
    // The action's stdout is a pipe on a runner, which /proc/<pid>/fd/1 reopens; in this harness it is a socket, which
    // it cannot: the write is tried, and its permission checked.
    const prepack = [
      'env | grep -c -e "^INPUT_" -e "^NPM_TOTP_SECRET=" > own.txt',
      'tr "\\0" "\\n" < /proc/$PPID/environ | grep -c -e "^INPUT_TOKEN=" -e "^INPUT_OTP-SECRET=" > parent.txt',
      'if [ -w /proc/$PPID/fd/1 ]; then echo writable > fd.txt; fi',
      '(echo "::notice::written by a package script" > /proc/$PPID/fd/1) 2>/dev/null',
      'true',
    ].join('; ');
    const dir = await makePackage({ 'index.js': '1;\n' }, { name: 'reach-pkg', version: '1.0.0', files: ['index.js'], scripts: { prepack } });
    const run = await runAction({ inputs: { token: alice.token, 'otp-secret': alice.secret, registry: registry.url, package: dir } });
    assert.equal(run.code, 0, run.stdout);
    assert.equal((await readFile(path.join(dir, 'own.txt'), 'utf8')).trim(), '0', 'no input, token or TOTP secret in the script’s environment');
    assert.equal((await readFile(path.join(dir, 'parent.txt'), 'utf8')).trim(), '2', 'the action’s initial environment holds INPUT_TOKEN and INPUT_OTP-SECRET');
    assert.equal((await readFile(path.join(dir, 'fd.txt'), 'utf8')).trim(), 'writable', 'the action’s stdout is open to it');
    const socket = !/^::notice::written by a package script$/m.test(run.stdout);
    if (socket) t.diagnostic('the harness gives the action a socket for stdout: the write itself could not reopen it');
  });

  it('is stated exactly: action.yml claims no more, and points to the two-job split and ignore-scripts', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string }> };
    const ignoreScripts = action.inputs['ignore-scripts']?.description ?? '';
    assert.doesNotMatch(ignoreScripts, /never see/i);
    assert.match(ignoreScripts, /\/proc\/<pid>\/environ/);
    assert.match(ignoreScripts, /two jobs|two-job/);
    const pages = [
      'README.md',
      ...readdirSync(path.join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`),
    ];
    for (const page of pages)
      assert.doesNotMatch(readFileSync(path.join(ROOT, page), 'utf8'), /Scripts never see the token|cannot issue workflow commands\./, page);
    const security = readFileSync(path.join(ROOT, 'docs', 'security.md'), 'utf8');
    assert.match(security, /\/proc\/<pid>\/environ/);
    assert.match(security, /\/proc\/<pid>\/fd\/1/);
    assert.match(security, /test\/e2e\/script-reach\.test\.ts/);
  });
});
