import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../src/commands/index.ts';
import { InputError } from '../../src/foundation/errors.ts';
import { type ParseContext, parseBlock } from '../../src/grammar/line.ts';
import { repositoryOf } from '../../src/plan/trust-stage-plan.ts';

const context: ParseContext = { inputName: 'commands', defaultPackage: { name: 'my-pkg' } };
/** The line as the command that reads it (its words) and what it read. */
const parse = (line: string): Record<string, any> => {
  const [parsed] = parseBlock(line, COMMANDS, context);
  const { line: _line, text: _text, ...read } = parsed?.data as Record<string, unknown>;
  return JSON.parse(JSON.stringify({ command: parsed?.command.words.join(' '), ...read })); // what was not read is absent
};
const refused = (line: string) => {
  try {
    parseBlock(line, COMMANDS, context);
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(line)} to be refused`);
};
const ID = '0b1f6f6e-8c0e-4b6b-9b55-2d6f4a0e1a01';

describe('trust lines, as npm CLI 11.21 reads them', () => {
  it('reads trust github with its aliases, in npm’s permission order, leaving the repository to package.json when not given', () => {
    assert.deepEqual(parse('trust github my-pkg --file release.yml --repository acme/r --environment npm --allow-stage-publish --allow-publish --yes'), {
      command: 'trust github',
      pkg: 'my-pkg',
      dryRun: false,
      includeWorkspaceRoot: false,
      spec: { provider: 'github', permissions: ['createPackage', 'createStagedPackage'], environment: 'npm', file: 'release.yml', entity: 'acme/r' },
    });
    const bare = parse('trust github --file release.yml --allow-staged-publish');
    assert.equal(bare.pkg, undefined);
    assert.deepEqual(bare.spec, { provider: 'github', permissions: ['createStagedPackage'], file: 'release.yml' });
  });

  it('reads --workspaces and -w on trust lines', () => {
    const all = parse('trust github --workspaces --file release.yml --allow-publish');
    assert.equal(all.workspaces, true);
    const some = parse('trust gitlab -w packages/a -w @s/b --file .gitlab-ci.yml --project g/sub/p --allow-publish');
    assert.deepEqual(some.workspaces, ['packages/a', '@s/b']);
    assert.match(refused('trust github my-pkg --workspaces --file release.yml --allow-publish'), /name either <pkg> or --workspaces\/-w, not both/);
  });

  it('reads circleci ids, repeated --context-id included', () => {
    const line = parse(
      `trust circleci --org-id ${ID} --project-id ${ID} --pipeline-definition-id ${ID} --vcs-origin github.com/a/b --context-id ${ID} --context-id ${ID} --allow-publish`,
    );
    assert.deepEqual(line.spec.circleci, { orgId: ID, projectId: ID, pipelineDefinitionId: ID, vcsOrigin: 'github.com/a/b', contextIds: [ID, ID] });
  });

  it('refuses what npm refuses, and a path for --file', () => {
    assert.match(refused('trust github --file release.yml'), /at least one permission flag is required/);
    assert.match(refused('trust github --allow-publish'), /--file is required/);
    assert.match(
      refused('trust github --file .github/workflows/release.yml --allow-publish'),
      /must be just the GitHub Actions workflow file name, not a path/,
    );
    assert.match(refused('trust gitlab --file ci/.gitlab-ci.yml --allow-publish'), /must be just the GitLab CI\/CD pipeline file name, not a path/);
    assert.match(refused('trust github --file release.json --allow-publish'), /must end in \.yml or \.yaml/);
    assert.match(refused('trust github --file release.yml --repo a/b/c --allow-publish'), /--repo must be owner\/repository/);
    assert.match(refused('trust gitlab --file .gitlab-ci.yml --project p --allow-publish'), /--project must be group\/project/);
    assert.match(refused('trust gitlab --file .gitlab-ci.yml --repo g/p --allow-publish'), /--repo is not an option of trust/);
    assert.match(
      refused(`trust circleci --org-id ${ID} --project-id ${ID} --pipeline-definition-id ${ID} --vcs-origin https://github.com/a/b --allow-publish`),
      /must not include a scheme/,
    );
    assert.match(
      refused(`trust circleci --org-id ${ID} --project-id ${ID} --vcs-origin github.com/a/b --allow-publish`),
      /--pipeline-definition-id is required/,
    );
    assert.match(
      refused(`trust circleci --org-id ${ID} --project-id nope --pipeline-definition-id ${ID} --vcs-origin github.com/a/b --allow-publish`),
      /--project-id must be a valid UUID/,
    );
    assert.match(refused('trust revoke my-pkg'), /--id is required/);
    assert.match(refused('trust revoke my-pkg --id 12'), /--id must be a trusted publisher's id, a UUID/);
    assert.match(refused('trust publish my-pkg'), /trust takes github, gitlab, circleci, list or revoke, not "publish"/);
  });

  it('reads trust list and revoke, <pkg> defaulting to the package setting', () => {
    assert.deepEqual(parse('trust list'), { command: 'trust list', pkg: 'my-pkg' });
    assert.deepEqual(parse(`trust revoke @s/p --id ${ID} --dry-run`), { command: 'trust revoke', pkg: '@s/p', id: ID, dryRun: true });
  });
});

describe('stage lines', () => {
  it('reads stage publish as a publish with its flags, wherever the words are', () => {
    const line = parse('stage publish ./dist/pkg --tag next --access public -w a');
    assert.deepEqual(
      [line.command, line.stage, line.target, line.tag, line.access, line.workspaces],
      ['stage publish', true, './dist/pkg', 'next', 'public', ['a']],
    );
    const flagsFirst = parse('--tag stage stage publish');
    assert.deepEqual([flagsFirst.command, flagsFirst.stage, flagsFirst.tag, flagsFirst.target], ['stage publish', true, 'stage', undefined]);
    assert.match(refused('stage publish --tag 1.x'), /is a valid semver range/);
  });

  it('reads list, view, download, approve and reject', () => {
    assert.deepEqual(parse('stage list'), { command: 'stage list' });
    assert.deepEqual(parse(`stage view ${ID}`), { command: 'stage view', id: ID });
    assert.deepEqual(parse(`stage download ${ID} --dir out`), { command: 'stage download', id: ID, dir: 'out' });
    assert.deepEqual(parse(`stage approve ${ID} @s/p@1.2.3 --dry-run`), {
      command: 'stage approve',
      action: 'approve',
      targets: [{ id: ID }, { name: '@s/p', version: '1.2.3' }],
      dryRun: true,
      includeWorkspaceRoot: false,
    });
    const all = parse('stage reject --workspaces');
    assert.deepEqual([all.command, all.action, all.targets, all.workspaces], ['stage reject', 'reject', [], true]);
  });

  it('refuses ids that are not UUIDs, ranges, versions on list, and a missing target', () => {
    assert.match(refused('stage view 42'), /"42" is not a stage id/);
    assert.match(refused('stage approve my-pkg@^1.0.0'), /neither a stage id \(a UUID\) nor <pkg>@<version>/);
    assert.match(refused('stage approve'), /expected: stage approve <id\|pkg@version>/);
    assert.match(refused('stage approve my-pkg@1.0.0 --workspaces'), /not both/);
    assert.match(refused('stage list my-pkg@1.0.0'), /stage list takes a package name without a version/);
    assert.match(refused('stage download'), /expected: stage download <id>/);
    assert.match(refused('stage promote x'), /stage takes publish, list, view, download, approve or reject/);
  });
});

describe('the repository in package.json, read as npm reads it', () => {
  it('takes owner/repo from GitHub forms and group/project from GitLab ones, nothing from another host', () => {
    assert.equal(repositoryOf({ repository: 'github:acme/r' }, 'github'), 'acme/r');
    assert.equal(repositoryOf({ repository: 'acme/r' }, 'github'), 'acme/r');
    assert.equal(repositoryOf({ repository: { type: 'git', url: 'git+https://github.com/acme/r.git' } }, 'github'), 'acme/r');
    assert.equal(repositoryOf({ repository: { url: 'git@gitlab.com:group/sub/p.git' } }, 'gitlab'), 'group/sub/p');
    assert.equal(repositoryOf({ repository: 'gitlab:group/p' }, 'github'), undefined);
    assert.equal(repositoryOf({ repository: 'https://example.com/x/y.git' }, 'github'), undefined);
    assert.equal(repositoryOf({}, 'github'), undefined);
  });
});
