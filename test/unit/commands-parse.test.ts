import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../src/commands/index.ts';
import { InputError } from '../../src/foundation/errors.ts';
import { type ParseContext, parseBlock } from '../../src/grammar/line.ts';
import { tokenize } from '../../src/grammar/tokenize.ts';

const context: ParseContext = { inputName: 'commands', defaultPackage: { name: 'my-pkg' } };
/** Each line as the command that reads it (its words), its line number and what it read. */
const parse = (block: string): Array<Record<string, any>> =>
  parseBlock(block, COMMANDS, context).map(({ command, data, source }) => {
    const { line: _line, text: _text, ...read } = data as Record<string, unknown>;
    return JSON.parse(JSON.stringify({ line: source.line, command: command.words.join(' '), ...read })); // what was not read is absent
  });
const parseError = (block: string, c = context) => {
  try {
    parseBlock(block, COMMANDS, c);
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(block)} to be refused`);
};

describe('tokenize', () => {
  it('splits words with shell quoting and no expansion', () => {
    assert.deepEqual(tokenize(`deprecate pkg@"<2" "use 2.x"`).words, ['deprecate', 'pkg@<2', 'use 2.x']);
    assert.deepEqual(tokenize(`deprecate pkg 'it''s $HOME'`).words, ['deprecate', 'pkg', 'its $HOME']);
    assert.deepEqual(tokenize(`a "say \\"hi\\" \\\\ \\$x" b\\ c`).words, ['a', 'say "hi" \\ $x', 'b c']);
    assert.deepEqual(tokenize(`deprecate pkg ""`).words, ['deprecate', 'pkg', '']);
  });

  it('starts a comment at an unquoted # that begins a word', () => {
    assert.deepEqual(tokenize('owner add bob # the new maintainer').words, ['owner', 'add', 'bob']);
    assert.deepEqual(tokenize('dist-tag add a@1.0.0 v#1').words, ['dist-tag', 'add', 'a@1.0.0', 'v#1']);
    assert.deepEqual(tokenize('deprecate a "#1 issue"').words, ['deprecate', 'a', '#1 issue']);
  });

  it('reports unclosed quotes', () => {
    assert.match(tokenize('deprecate a "oops').error ?? '', /double quote/);
    assert.match(tokenize("deprecate a 'oops").error ?? '', /single quote/);
  });
});

describe('parseBlock with every command', () => {
  it('reads every command of npm’s grammar, skipping blank lines and comments', () => {
    const commands = parse(`
# release maintenance
publish ./pkg --tag next --access public
dist-tag add my-pkg@1.2.3 beta
dist-tag add other@2.0.0
dist-tag rm my-pkg beta
dist-tag ls
owner add alice
owner rm bob other
owner ls
access set status=private @scope/x
access set mfa=automation
access get status
deprecate my-pkg@"<2" "use 2.x"
deprecate my-pkg ""
unpublish my-pkg@1.0.0
unpublish my-pkg --force
`);
    assert.deepEqual(commands, [
      {
        line: 3,
        command: 'publish',
        target: './pkg',
        targetInput: 'commands line 3 (publish ./pkg --tag next --access public)',
        tag: 'next',
        access: 'public',
        dryRun: false,
      },
      { line: 4, command: 'dist-tag add', pkg: 'my-pkg', version: '1.2.3', tag: 'beta' },
      { line: 5, command: 'dist-tag add', pkg: 'other', version: '2.0.0', tag: 'latest' },
      { line: 6, command: 'dist-tag rm', pkg: 'my-pkg', tag: 'beta' },
      { line: 7, command: 'dist-tag ls', pkg: 'my-pkg' },
      { line: 8, command: 'owner add', user: 'alice', pkg: 'my-pkg' },
      { line: 9, command: 'owner rm', user: 'bob', pkg: 'other' },
      { line: 10, command: 'owner ls', pkg: 'my-pkg' },
      { line: 11, command: 'access set', pkg: '@scope/x', status: 'private' },
      { line: 12, command: 'access set', pkg: 'my-pkg', mfa: 'automation' },
      { line: 13, command: 'access get', pkg: 'my-pkg' },
      { line: 14, command: 'deprecate', pkg: 'my-pkg', range: '<2', message: 'use 2.x' },
      { line: 15, command: 'deprecate', pkg: 'my-pkg', range: '*', message: '' },
      { line: 16, command: 'unpublish', pkg: 'my-pkg', version: '1.0.0', force: false },
      { line: 17, command: 'unpublish', pkg: 'my-pkg', force: true },
    ]);
  });

  it('names the line and lists the known commands for an unknown command', () => {
    const message = parseError('dist-tag ls\n\nownr add bob');
    assert.match(message, /^commands line 3 \(ownr add bob\): unknown command "ownr"\. Known commands:/);
    assert.match(message, /owner add <user> \[<pkg>\]/);
  });

  it('refuses a tag that is a semver range, as npm does', () => {
    assert.match(parseError('dist-tag add my-pkg@1.0.0 1.x'), /line 1 .*"1\.x" is a valid semver range/);
    assert.match(parseError('publish --tag v2'), /"v2" is a valid semver range/);
  });

  it('refuses bad package names, user names, access values and versions', () => {
    assert.match(parseError('owner add bob ../x'), /not a valid npm package name/);
    assert.match(parseError('owner add "bob smith"'), /not a valid npm user name/);
    assert.match(parseError('access set status=secret'), /use status=public, status=private, mfa=none/);
    assert.match(parseError('access set status=private my-pkg'), /unscoped packages are always public/);
    assert.match(parseError('dist-tag add my-pkg@^1 beta'), /exact version/);
    assert.match(parseError('dist-tag rm my-pkg latest'), /latest tag cannot be removed/);
    assert.match(parseError('publish --access secret'), /--access must be public or restricted/);
    assert.match(parseError('owner add bob --force'), /--force is not an option of owner/);
    assert.match(parseError('deprecate my-pkg'), /expected: deprecate <pkg>\[@<range>\] <message>/);
  });

  it('needs --force to unpublish every version, as npm does', () => {
    assert.match(parseError('unpublish my-pkg'), /needs --force/);
  });

  it('explains why <pkg> cannot default when the package setting names no package', () => {
    const message = parseError('owner ls', { inputName: 'commands', defaultPackage: { problem: 'package: "." has no package.json' } });
    assert.match(message, /no <pkg> given, and the package setting names no readable package \(package: "\." has no package\.json\)/);
  });

  it('refuses a block with no command at all', () => {
    assert.match(parseError('# nothing\n\n'), /holds no command/);
  });
});

describe('monorepo flags', () => {
  it('reads --workspaces, repeated -w/--workspace, --include-workspace-root, --concurrency and --otp-uses on a publish line', () => {
    const [all] = parse('publish --workspaces --include-workspace-root --concurrency 8 --otp-uses=2');
    assert.deepEqual(all, { line: 1, command: 'publish', dryRun: false, workspaces: true, includeWorkspaceRoot: true, concurrency: 8, otpUses: 2 });
    const [some] = parse("publish -w @scope/a --workspace 'packages/*' -w tools/cli");
    assert.deepEqual(some?.workspaces, ['@scope/a', 'packages/*', 'tools/cli']);
    const [none] = parse('publish');
    assert.equal(none?.workspaces, undefined, 'the setting decides when the line says nothing');
  });

  it('reads dist-tag add --workspaces <tag> as one tag for every package in scope', () => {
    assert.deepEqual(parse('dist-tag add --workspaces latest')[0], {
      line: 1,
      command: 'dist-tag add',
      tag: 'latest',
      workspaces: true,
      includeWorkspaceRoot: false,
    });
    assert.deepEqual(parse('dist-tag add -w a -w b next')[0]?.workspaces, ['a', 'b']);
  });

  it('refuses what cannot mean anything: both --workspaces and -w, a count out of range, a flag without its value, a range as the tag', () => {
    assert.match(parseError('publish --workspaces -w a'), /--workspaces means every workspace package/);
    assert.match(parseError('publish --workspaces --concurrency 0'), /--concurrency needs a whole number from 1 to 32/);
    assert.match(parseError('publish --workspaces --otp-uses many'), /--otp-uses needs auto or a whole number from 1 to 1000/);
    assert.match(parseError('publish -w'), /: -w needs a value\./);
    assert.match(parseError('dist-tag add --workspaces 1.x'), /"1\.x" is a valid semver range/);
    assert.match(parseError('dist-tag add --workspaces'), /expected: dist-tag add --workspaces <tag>/);
  });
});

describe('--provenance on a publish or stage publish line', () => {
  const provenanceOf = (block: string) => {
    const [line] = parse(block);
    assert.match(line?.command, /^(stage )?publish$/);
    return line?.provenance;
  };

  it('reads --provenance alone as true and =true|false|auto inline (any case), for publish and stage publish; undefined leaves it to the setting', () => {
    assert.deepEqual(
      ['publish --provenance', 'publish ./pkg --provenance=true', 'publish --provenance=false --tag next', 'publish --provenance=AUTO', 'publish'].map(
        provenanceOf,
      ),
      [true, true, false, 'auto', undefined],
    );
    assert.equal('provenance' in (parse('publish')[0] as object), false, 'not set at all when the line says nothing');
    assert.deepEqual(
      ['stage publish --provenance', 'stage publish --provenance=false', '--provenance=auto stage publish --workspaces', 'stage publish ./pkg'].map(
        provenanceOf,
      ),
      [true, false, 'auto', undefined],
    );
    const [staged] = parse('stage publish --workspaces --provenance=true');
    assert.deepEqual([staged?.command, staged?.stage, staged?.workspaces, staged?.provenance], ['stage publish', true, true, true]);
  });

  it('refuses a bad value, a value after a space, and --provenance on other commands, naming the line', () => {
    assert.equal(
      parseError('dist-tag ls\npublish --provenance=yes'),
      'commands line 2 (publish --provenance=yes): --provenance must be true, false or auto, not "yes".',
    );
    assert.match(
      parseError('stage publish --provenance='),
      /^commands line 1 \(stage publish --provenance=\): --provenance must be true, false or auto, not ""\.$/,
    );
    assert.match(
      parseError('\n\npublish --provenance false'),
      /^commands line 3 \(publish --provenance false\): write --provenance=false: the value goes after "="/,
    );
    assert.match(parseError('dist-tag add my-pkg@1.0.0 next --provenance'), /--provenance is not an option of dist-tag/);
    assert.match(parseError('stage approve my-pkg@1.0.0 --provenance'), /--provenance is not an option of stage/);
    try {
      parse('publish --provenance=maybe');
      assert.fail('refused');
    } catch (error) {
      assert.equal((error as { code?: string }).code, 'EINPUT');
    }
  });
});
