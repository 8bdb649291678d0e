import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ParseContext, parseCommandBlock } from '../../src/commands/parse.ts';
import { InputError } from '../../src/foundation/errors.ts';
import { repositoryOf } from '../../src/plan/trust-stage-plan.ts';

const context: ParseContext = { inputName: 'commands', defaultPackage: { name: 'my-pkg' } };
const parse = (line: string) => parseCommandBlock(line, context)[0];
const refused = (line: string) => {
  try {
    parseCommandBlock(line, context);
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
      line: 1, text: 'trust github my-pkg --file release.yml --repository acme/r --environment npm --allow-stage-publish --allow-publish --yes',
      kind: 'trust-setup', pkg: 'my-pkg', dryRun: false, workspaces: undefined, includeWorkspaceRoot: false,
      spec: { provider: 'github', permissions: ['createPackage', 'createStagedPackage'], environment: 'npm', file: 'release.yml', entity: 'acme/r' },
    });
    const bare = parse('trust github --file release.yml --allow-staged-publish');
    assert.equal(bare?.kind === 'trust-setup' && bare.pkg, undefined);
    assert.deepEqual(bare?.kind === 'trust-setup' && bare.spec, { provider: 'github', permissions: ['createStagedPackage'], file: 'release.yml' });
  });

  it('reads --workspaces and -w on trust lines', () => {
    const all = parse('trust github --workspaces --file release.yml --allow-publish');
    assert.equal(all?.kind === 'trust-setup' && all.workspaces, true);
    const some = parse('trust gitlab -w packages/a -w @s/b --file .gitlab-ci.yml --project g/sub/p --allow-publish');
    assert.deepEqual(some?.kind === 'trust-setup' && some.workspaces, ['packages/a', '@s/b']);
    assert.match(refused('trust github my-pkg --workspaces --file release.yml --allow-publish'), /name either <pkg> or --workspaces\/-w, not both/);
  });

  it('reads circleci ids, repeated --context-id included', () => {
    const line = parse(`trust circleci --org-id ${ID} --project-id ${ID} --pipeline-definition-id ${ID} --vcs-origin github.com/a/b --context-id ${ID} --context-id ${ID} --allow-publish`);
    assert.deepEqual(line?.kind === 'trust-setup' && line.spec.circleci, { orgId: ID, projectId: ID, pipelineDefinitionId: ID, vcsOrigin: 'github.com/a/b', contextIds: [ID, ID] });
  });

  it('refuses what npm refuses, and a path for --file', () => {
    assert.match(refused('trust github --file release.yml'), /at least one permission flag is required/);
    assert.match(refused('trust github --allow-publish'), /--file is required/);
    assert.match(refused('trust github --file .github/workflows/release.yml --allow-publish'), /must be just the GitHub Actions workflow file name, not a path/);
    assert.match(refused('trust gitlab --file ci/.gitlab-ci.yml --allow-publish'), /must be just the GitLab CI\/CD pipeline file name, not a path/);
    assert.match(refused('trust github --file release.json --allow-publish'), /must end in \.yml or \.yaml/);
    assert.match(refused('trust github --file release.yml --repo a/b/c --allow-publish'), /--repo must be owner\/repository/);
    assert.match(refused('trust gitlab --file .gitlab-ci.yml --project p --allow-publish'), /--project must be group\/project/);
    assert.match(refused('trust gitlab --file .gitlab-ci.yml --repo g/p --allow-publish'), /--repo is not an option of trust/);
    assert.match(refused(`trust circleci --org-id ${ID} --project-id ${ID} --pipeline-definition-id ${ID} --vcs-origin https://github.com/a/b --allow-publish`), /must not include a scheme/);
    assert.match(refused(`trust circleci --org-id ${ID} --project-id ${ID} --vcs-origin github.com/a/b --allow-publish`), /--pipeline-definition-id is required/);
    assert.match(refused(`trust circleci --org-id ${ID} --project-id nope --pipeline-definition-id ${ID} --vcs-origin github.com/a/b --allow-publish`), /--project-id must be a valid UUID/);
    assert.match(refused('trust revoke my-pkg'), /--id is required/);
    assert.match(refused('trust revoke my-pkg --id 12'), /--id must be a trusted publisher's id, a UUID/);
    assert.match(refused('trust publish my-pkg'), /trust takes github, gitlab, circleci, list or revoke, not "publish"/);
  });

  it('reads trust list and revoke, <pkg> defaulting to the package setting', () => {
    assert.deepEqual(parse('trust list'), { line: 1, text: 'trust list', kind: 'trust-list', pkg: 'my-pkg' });
    assert.deepEqual(parse(`trust revoke @s/p --id ${ID} --dry-run`), { line: 1, text: `trust revoke @s/p --id ${ID} --dry-run`, kind: 'trust-revoke', pkg: '@s/p', id: ID, dryRun: true });
  });
});

describe('stage lines', () => {
  it('reads stage publish as a publish with its flags, wherever the words are', () => {
    const line = parse('stage publish ./dist/pkg --tag next --access public -w a');
    assert.equal(line?.kind, 'publish');
    assert.deepEqual(line?.kind === 'publish' && [line.stage, line.target, line.tag, line.access, line.workspaces], [true, './dist/pkg', 'next', 'public', ['a']]);
    const flagsFirst = parse('--tag stage stage publish');
    assert.deepEqual(flagsFirst?.kind === 'publish' && [flagsFirst.stage, flagsFirst.tag, flagsFirst.target], [true, 'stage', undefined]);
    assert.match(refused('stage publish --tag 1.x'), /is a valid semver range/);
  });

  it('reads list, view, download, approve and reject', () => {
    assert.deepEqual(parse('stage list'), { line: 1, text: 'stage list', kind: 'stage-list', pkg: undefined });
    assert.deepEqual(parse(`stage view ${ID}`), { line: 1, text: `stage view ${ID}`, kind: 'stage-view', id: ID });
    assert.deepEqual(parse(`stage download ${ID} --dir out`), { line: 1, text: `stage download ${ID} --dir out`, kind: 'stage-download', id: ID, dir: 'out' });
    assert.deepEqual(parse(`stage approve ${ID} @s/p@1.2.3 --dry-run`), {
      line: 1, text: `stage approve ${ID} @s/p@1.2.3 --dry-run`, kind: 'stage-decide', action: 'approve', targets: [{ id: ID }, { name: '@s/p', version: '1.2.3' }], dryRun: true, workspaces: undefined, includeWorkspaceRoot: false,
    });
    const all = parse('stage reject --workspaces');
    assert.deepEqual(all?.kind === 'stage-decide' && [all.action, all.targets, all.workspaces], ['reject', [], true]);
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
