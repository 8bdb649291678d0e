import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { makePackage, runAction, runCli } from '../helpers/action.ts';
import { suiteRegistry } from '../helpers/suite-registry.ts';

/**
 * The workflow commands a GitHub runner would take from `stdout`, by its own
 * rules (actions/runner ActionCommand.cs): `::name ...::` at the start of a
 * line after leading white space (TryParseV2), or `##[name ...]` anywhere in
 * a line (TryParse, the legacy form). Lines end at \n, \r\n or \r.
 */
function workflowCommands(stdout: string): Array<{ name: string; line: string; legacy: boolean }> {
  const found: Array<{ name: string; line: string; legacy: boolean }> = [];
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\uFEFF]+/, '');
    const modern = /^::([^:\s]+)[^:]*::/.exec(trimmed);
    if (modern) found.push({ name: modern[1] as string, line: trimmed, legacy: false });
    const legacy = /##\[([^\s\]]+)/.exec(line);
    if (legacy) found.push({ name: legacy[1] as string, line, legacy: true });
  }
  return found;
}

/** Every `<td>` of the job summary, with what is inside it. */
function cells(summary: string): string[] {
  return [...summary.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => match[1] as string);
}

/**
 * Text from outside (registry answers and error bodies, package fields,
 * script command lines) can neither write a workflow command nor break out of
 * the job summary's table (issue 18, finding 6), through the bundled action
 * and the installed CLI.
 */
describe('text from outside the product', () => {
  const registry = suiteRegistry();
  let alice: { name: string; token: string; secret: string };
  const stageId = randomUUID();
  const hostile = {
    tag: 'next\n::stop-commands::pwned-tag',
    actor: 'x\n\n[click me](https://evil.example/)\n\n<img src=x onerror=alert(1)> | cell',
    actorType: 'user ##[warning]pwned-legacy',
  };

  before(async () => {
    alice = await registry.addUser('alice');
  });

  const answerHostile = () => {
    registry.answer({
      method: 'GET',
      path: '/-/stage',
      status: 200,
      body: {
        items: [{ id: stageId, packageName: 'ot-pkg', version: '1.0.0', shasum: 'ab12', status: 'staged', createdAt: '2026-12-01T00:00:00.000Z', ...hostile }],
        page: 0,
        perPage: 100,
        total: 1,
      },
    });
    registry.answer({
      method: 'GET',
      path: `/-/stage/${stageId}`,
      status: 400,
      body: { error: 'boom\n::stop-commands::pwned-error\n\n[also](https://evil.example/2)\r::add-mask::x' },
    });
  };

  it('the action logs no line a runner would take as a command, and keeps the summary table whole', async () => {
    // A script command line is package text too: it is logged before the script runs.
    const dir = await makePackage(
      { 'index.js': '1;\n' },
      { name: 'ot-pkg', version: '1.0.0', scripts: { prepack: 'echo packing\n::stop-commands::pwned-script || true' } },
    );
    answerHostile();
    const run = await runAction({
      inputs: {
        token: alice.token,
        'otp-secret': alice.secret,
        registry: registry.url,
        package: dir,
        commands: `publish\nstage list ot-pkg\nstage view ${stageId}`,
      },
    });
    assert.equal(run.code, 1, run.stdout);
    const commands = workflowCommands(run.stdout);
    assert.deepEqual(
      commands.filter((command) => command.legacy),
      [],
      'no ##[ command anywhere',
    );
    // Only the action's own commands: masks, the script relay's stop and resume with a random token, debug, errors
    // (whose text @actions/core escapes onto the one line).
    for (const command of commands) {
      assert.match(command.name, /^(add-mask|stop-commands|[0-9a-f-]{36}|debug|error|warning)$/, command.line);
      if (command.name === 'stop-commands') assert.match(command.line, /^::stop-commands::[0-9a-f-]{36}$/);
      assert.doesNotMatch(command.line, /^::add-mask::x$/);
    }
    assert.match(run.stdout, /pwned-tag/, 'the text itself is still shown');
    for (const cell of cells(run.summary)) assert.doesNotMatch(cell, /[\r\n]|<img|<\/?a[ >]/, `a summary cell: ${cell}`);
    assert.doesNotMatch(run.summary, /\n\s*\n\[click me\]|\n\[also\]/, 'no Markdown outside the table');
    assert.match(run.summary, /\[click me\]\(https:\/\/evil\.example\/\)/, 'shown as text, inside its cell');
  });

  it('the CLI prints no line a runner would take as a command (it can run in a GitHub job too)', async () => {
    answerHostile();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NPM_TOKEN: alice.token, NPM_TOTP_SECRET: alice.secret };
    const list = await runCli(['stage', 'list', 'ot-pkg', '--registry', registry.url], env, process.cwd());
    const view = await runCli(['stage', 'view', stageId, '--registry', registry.url], env, process.cwd());
    for (const [name, out] of Object.entries({ list: list.stdout + list.stderr, view: view.stdout + view.stderr })) {
      assert.deepEqual(workflowCommands(out), [], `${name}: ${out}`);
      assert.match(out, /pwned/, `${name}: the text itself is still shown`);
    }
  });
});
