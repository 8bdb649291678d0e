import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers/action.ts';
import { compileCacheEnv } from '../helpers/product.ts';
import { condition, type Context, readWorkflow, runStep, stepById, type Workflow } from './helpers.ts';
// @ts-expect-error: plain JavaScript scripts without type declarations
import { actionlint, formatFinding, policyFindings } from '../../scripts/lint-workflows.js';
// @ts-expect-error: plain JavaScript scripts without type declarations
import { changelogSections, releaseNotes } from '../../scripts/release-notes.js';
// @ts-expect-error: plain JavaScript scripts without type declarations
import { majorTagTarget, parseReleaseTag, releaseProblems } from '../../scripts/release-check.js';
// @ts-expect-error: plain JavaScript scripts without type declarations
import { tables, updatedReadme } from '../../scripts/readme-tables.js';

/**
 * .github/workflows/release.yml, the project's own release: the workflow is linted, and the
 * logic of each of its run: steps runs here as the runner runs it (bash, the step's env:
 * evaluated) in a folder the test builds. `gh` is a stand-in that records what it was asked
 * and answers as GitHub would; git is real.
 */

const FILE = '.github/workflows/release.yml';
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const readmeWithTables = (readme: string, actionYml: string) => updatedReadme(readme, tables(actionYml));

/**
 * GitHub's filter patterns for branches and tags: `*` (not `/`), `**`, `?` and `+` (zero or one,
 * one or more of the character before), `[...]` character sets, `!` to exclude; the rest literal.
 */
export function githubFilterMatches(filters: string[], name: string): boolean {
  const toRegExp = (filter: string) => {
    let source = '';
    for (let i = 0; i < filter.length; i += 1) {
      const c = filter[i] as string;
      if (c === '*' && filter[i + 1] === '*') {
        source += '.*';
        i += 1;
      } else if (c === '*') source += '[^/]*';
      else if (c === '?' || c === '+') source += c;
      else if (c === '[') {
        const end = filter.indexOf(']', i);
        source += filter.slice(i, end + 1);
        i = end;
      } else source += c.replace(/[.^${}()|\\/]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
  };
  let matched = false;
  for (const filter of filters) {
    if (filter.startsWith('!')) {
      if (toRegExp(filter.slice(1)).test(name)) matched = false;
    } else if (toRegExp(filter).test(name)) matched = true;
  }
  return matched;
}

const CHANGELOG = `# Changelog

Notes.

## [Unreleased]

### Added

- Something new.

## [1.2.3] - 2026-12-01

### Fixed

- A bug, see [the issue][i7].

## [1.2.2] - 2026-11-01

### Added

- The first.

[Unreleased]: https://github.com/o/r/compare/v1.2.3...HEAD
[1.2.3]: https://github.com/o/r/compare/v1.2.2...v1.2.3
[1.2.2]: https://github.com/o/r/releases/tag/v1.2.2
[i7]: https://github.com/o/r/issues/7
`;

describe('the project release workflow (.github/workflows/release.yml)', () => {
  let workflow: Workflow;
  let base: string;
  let counter = 0;
  before(async () => {
    workflow = await readWorkflow(FILE);
    base = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-project-release-'));
  });
  after(() => rm(base, { recursive: true, force: true }));

  /** A new folder in the test's temporary folder. */
  async function folder(name: string): Promise<string> {
    counter += 1;
    const dir = path.join(base, `${counter}-${name}`);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /**
   * A checkout of a project at `version`: package.json, src/version.ts, CHANGELOG.md, and the
   * real README.md and action.yml; scripts/ and node_modules/ are the repository's (linked).
   */
  async function checkout(files: { version?: string; constant?: string; changelog?: string; actionYml?: string } = {}): Promise<string> {
    const dir = await folder('checkout');
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'npm-totp-publish', version: files.version ?? '1.2.3' }, null, 2)}\n`);
    await writeFile(
      path.join(dir, 'src', 'version.ts'),
      `/** This product's version. */\nexport const VERSION = '${files.constant ?? files.version ?? '1.2.3'}';\n`,
    );
    await writeFile(path.join(dir, 'CHANGELOG.md'), files.changelog ?? CHANGELOG);
    await copyFile(path.join(ROOT, 'README.md'), path.join(dir, 'README.md'));
    await writeFile(path.join(dir, 'action.yml'), files.actionYml ?? read('action.yml'));
    await symlink(path.join(ROOT, 'scripts'), path.join(dir, 'scripts'));
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    return dir;
  }

  /** `git` in `cwd`, with an identity of its own; fails the test when git fails. */
  function git(cwd: string, ...args: string[]): string {
    const result = spawnSync(
      'git',
      [
        '-c',
        'user.name=Release Test',
        '-c',
        'user.email=release@example.invalid',
        '-c',
        'init.defaultBranch=main',
        '-c',
        'commit.gpgsign=false',
        '-c',
        'tag.gpgsign=false',
        ...args,
      ],
      { cwd, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  }

  /** A folder holding a stand-in `gh` that appends its arguments (one JSON array a line) to `log`. */
  async function fakeGh(): Promise<{ bin: string; log: string; calls: () => Promise<string[][]> }> {
    const bin = await folder('bin');
    const log = path.join(bin, 'gh.log');
    await writeFile(log, '');
    await writeFile(
      path.join(bin, 'gh'),
      [
        '#!/usr/bin/env bash',
        `node -e 'require("fs").appendFileSync(process.env.GH_LOG, JSON.stringify(process.argv.slice(1)) + "\\n")' -- "$@"`,
        'case "$1" in',
        '  release) [ "$2" != view ] || [ "${FAKE_RELEASE_EXISTS:-}" = true ] ;;',
        '  api) [ "$2" = --method ] || [ "${FAKE_REF_EXISTS:-}" = true ] ;;',
        'esac',
        '',
      ].join('\n'),
    );
    await chmod(path.join(bin, 'gh'), 0o755);
    return {
      bin,
      log,
      calls: async () =>
        (await readFile(log, 'utf8'))
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line)),
    };
  }

  /** The step environment every run here gets: Node 24 and npm first on PATH (as setup-node puts them), npm kept in the test's folder. */
  function stepEnv(extra: Record<string, string> = {}, bin?: string): Record<string, string> {
    return {
      PATH: [bin, path.join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].filter(Boolean).join(path.delimiter),
      HOME: path.join(base, 'home'),
      npm_config_cache: path.join(base, 'npm-cache'),
      npm_config_update_notifier: 'false',
      ...compileCacheEnv(),
      ...extra,
    };
  }

  function context(tag: string, extra: Context = {}): Context {
    const release = parseReleaseTag(tag);
    return {
      github: {
        event_name: 'push',
        ref: `refs/tags/${tag}`,
        ref_name: tag,
        ref_type: 'tag',
        repository: 'npm-totp-publish/npm-totp-publish',
        token: 'ghs_fake_installation_token',
      },
      runner: { temp: path.join(base, 'runner-temp') },
      needs: { check: { outputs: { version: release?.version ?? '', major: release?.major ?? '', prerelease: String(release?.prerelease ?? '') } } },
      steps: {},
      ...extra,
    };
  }

  describe('the workflow file', () => {
    it('passes actionlint and the project checks', async () => {
      const text = read(FILE);
      const findings = [...(await actionlint(text, FILE)), ...policyFindings(text, FILE)];
      assert.deepEqual(findings, [], `\n${findings.map(formatFinding).join('\n')}`);
    });

    it('runs on release tags vX.Y.Z and vX.Y.Z-<prerelease> only', () => {
      assert.deepEqual(Object.keys(workflow.on), ['push']);
      assert.equal(workflow.on.push.branches, undefined);
      const tags: string[] = workflow.on.push.tags;
      for (const tag of ['v0.1.0', 'v1.2.3', 'v10.20.30', 'v2.0.0-rc.1']) assert.ok(githubFilterMatches(tags, tag), tag);
      for (const tag of ['v1', 'v1.2', '1.2.3', 'v1.2.x', 'release-1.2.3', 'v1.2.3.4', 'va.b.c']) assert.ok(!githubFilterMatches(tags, tag), tag);
    });

    it('asks for contents: read, and contents: write only in the job that releases; no other scope anywhere', () => {
      assert.deepEqual(workflow.permissions, { contents: 'read' });
      assert.deepEqual(workflow.jobs.check.permissions, { contents: 'read' });
      assert.deepEqual(workflow.jobs.release.permissions, { contents: 'write' });
      assert.deepEqual(workflow.jobs.release.needs, 'check');
      assert.deepEqual(workflow.concurrency['cancel-in-progress'], false);
    });

    it('pins the same action commits as the other workflows', () => {
      const pins = (text: string) => [...text.matchAll(/uses: ([\w./-]+@[0-9a-f]{40}) # (\S+)/g)].map((match) => `${match[1]} # ${match[2]}`);
      const others = new Set(
        ['.github/workflows/ci.yml', '.github/workflows/check-dist.yml', '.github/workflows/npm-publish.yml'].flatMap((file) => pins(read(file))),
      );
      const own = pins(read(FILE));
      assert.ok(own.length >= 4, own.join('\n'));
      for (const pin of own) assert.ok(others.has(pin), `${pin} is the pin the other workflows use`);
    });

    it('checks before it builds, builds before it compares dist/, and tests last', () => {
      const runs = (workflow.jobs.check.steps as Workflow[]).map((step) => step.id ?? step.run ?? step.uses);
      assert.deepEqual(runs.slice(2), [
        'npm ci',
        'versions',
        'npm run bundle',
        'if [ -n "$(git status --porcelain -- dist)" ]; then\n  echo "::error::dist/ differs from what the source builds; run npm run bundle, commit dist/ and tag again."\n  git status --short -- dist\n  exit 1\nfi\n',
        'npm test',
      ]);
    });

    it('runs nothing from node_modules next to the token that can write the repository', () => {
      const scripts = (workflow.jobs.release.steps as Workflow[]).flatMap((step) => (typeof step.run === 'string' ? [step.run] : []));
      for (const script of scripts) {
        assert.doesNotMatch(script, /npm (ci|install|i|run|test|exec)\b|npx /, script);
        if (/npm pack/.test(script)) assert.match(script, /npm pack --ignore-scripts/);
      }
    });
  });

  describe('the check job', () => {
    it('the project as committed agrees with a release of its own version', async () => {
      const version = JSON.parse(read('package.json')).version;
      const run = await runStep(stepById(workflow.jobs.check, 'versions'), context(`v${version}`), {
        workspace: ROOT,
        runnerTemp: await folder('temp'),
        env: stepEnv(),
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(run.outputs, { version, major: `v${version.split('.')[0]}`, prerelease: 'false' });
    });

    it('passes a tag, package.json, src/version.ts and CHANGELOG.md that agree, and says what to release', async () => {
      const run = await runStep(stepById(workflow.jobs.check, 'versions'), context('v1.2.3'), {
        workspace: await checkout(),
        runnerTemp: await folder('temp'),
        env: stepEnv(),
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(run.outputs, { version: '1.2.3', major: 'v1', prerelease: 'false' });
      assert.match(run.stdout, /v1\.2\.3: package\.json, src\/version\.ts and CHANGELOG\.md say 1\.2\.3/);
    });

    it('refuses a tag that package.json, src/version.ts or CHANGELOG.md disagrees with, naming each', async () => {
      const run = await runStep(stepById(workflow.jobs.check, 'versions'), context('v1.3.0'), {
        workspace: await checkout({ version: '1.3.0', constant: '1.2.3' }),
        runnerTemp: await folder('temp'),
        env: stepEnv(),
      });
      assert.equal(run.code, 1);
      assert.deepEqual(run.outputs, {});
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      assert.deepEqual(errors, [
        "::error::src/version.ts's VERSION is 1.2.3, but the tag v1.3.0 releases 1.3.0 (the CLI's --version and the user agent say it)",
        '::error::CHANGELOG.md has no section for 1.3.0: move the Unreleased entries under "## [1.3.0] - YYYY-MM-DD"',
      ]);
      const manifest = await runStep(stepById(workflow.jobs.check, 'versions'), context('v1.2.4'), {
        workspace: await checkout({ version: '1.2.3' }),
        runnerTemp: await folder('temp'),
        env: stepEnv(),
      });
      assert.equal(manifest.code, 1);
      assert.match(manifest.stdout, /^::error::package\.json's version is 1\.2\.3, but the tag v1\.2\.4 releases 1\.2\.4$/m);
    });

    it("refuses when the README's tables no longer match action.yml", async () => {
      const actionYml = read('action.yml').replace(/(\n {2}token:\n {4}description: >-\n {6})/, '$1Changed. ');
      assert.notEqual(actionYml, read('action.yml'));
      const run = await runStep(stepById(workflow.jobs.check, 'versions'), context('v1.2.3'), {
        workspace: await checkout({ actionYml }),
        runnerTemp: await folder('temp'),
        env: stepEnv(),
      });
      assert.equal(run.code, 1);
      assert.match(run.stdout, /README\.md's inputs or outputs table differs from action\.yml: run node scripts\/readme-tables\.js --write/);
    });

    it('refuses what is not a release tag', async () => {
      const run = await runStep(stepById(workflow.jobs.check, 'versions'), context('v1.2'), {
        workspace: await checkout(),
        runnerTemp: await folder('temp'),
        env: stepEnv(),
      });
      assert.equal(run.code, 1);
      assert.match(run.stdout, /v1\.2 is not a release tag/);
    });

    it('fails when dist/ is not what the source builds, and passes when it is', async () => {
      const repo = await folder('dist-repo');
      git(repo, 'init', '--quiet');
      await mkdir(path.join(repo, 'dist'));
      await writeFile(path.join(repo, 'dist', 'index.js'), 'built;\n');
      git(repo, 'add', '.');
      git(repo, 'commit', '--quiet', '-m', 'dist');
      const step = (workflow.jobs.check.steps as Workflow[]).find((s) => s.name === 'Compare dist/ with the committed one') as Workflow;
      const clean = await runStep(step, context('v1.2.3'), { workspace: repo, runnerTemp: await folder('temp'), env: stepEnv() });
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);
      await writeFile(path.join(repo, 'dist', 'index.js'), 'rebuilt differently;\n');
      const changed = await runStep(step, context('v1.2.3'), { workspace: repo, runnerTemp: await folder('temp'), env: stepEnv() });
      assert.equal(changed.code, 1);
      assert.match(changed.stdout, /^::error::dist\/ differs from what the source builds/m);
      assert.match(changed.stdout, /M dist\/index\.js/);
      git(repo, 'checkout', '--quiet', '--', 'dist');
      await writeFile(path.join(repo, 'dist', 'chunk.js'), 'new;\n');
      const added = await runStep(step, context('v1.2.3'), { workspace: repo, runnerTemp: await folder('temp'), env: stepEnv() });
      assert.equal(added.code, 1);
      assert.match(added.stdout, /\?\? dist\/chunk\.js/);
    });
  });

  describe('the release job', () => {
    const step = (id: string) => stepById(workflow.jobs.release, id);

    it("writes the version's CHANGELOG.md section as the release notes", async () => {
      const runnerTemp = await folder('temp');
      const ctx = { ...context('v1.2.3'), runner: { temp: runnerTemp } };
      const run = await runStep(step('Release notes from CHANGELOG.md'), ctx, { workspace: await checkout(), runnerTemp, env: stepEnv() });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(
        await readFile(path.join(runnerTemp, 'release-notes.md'), 'utf8'),
        '### Fixed\n\n- A bug, see [the issue][i7].\n\n[i7]: https://github.com/o/r/issues/7\n',
      );
      const missing = await runStep(
        step('Release notes from CHANGELOG.md'),
        { ...context('v9.0.0'), runner: { temp: runnerTemp } },
        { workspace: await checkout(), runnerTemp, env: stepEnv() },
      );
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /CHANGELOG\.md has no section for 9\.0\.0/);
    });

    it('packs the CLI with npm pack --ignore-scripts, with its sha256 beside it and the licence inside', async () => {
      const version = JSON.parse(read('package.json')).version;
      const runnerTemp = await folder('temp');
      const ctx = { ...context(`v${version}`), runner: { temp: runnerTemp } };
      const run = await runStep(step('pack'), ctx, { workspace: ROOT, runnerTemp, env: stepEnv() });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const file = path.join(runnerTemp, 'pack', `npm-totp-publish-${version}.tgz`);
      assert.deepEqual(run.outputs, { file });
      const check = spawnSync('sha256sum', ['--check', `npm-totp-publish-${version}.tgz.sha256`], { cwd: path.dirname(file), encoding: 'utf8' });
      assert.equal(check.status, 0, check.stdout + check.stderr);
      const listing = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
      assert.ok(listing.includes('package/dist/cli.js') && listing.includes('package/CHANGELOG.md') && listing.includes('package/LICENSE'), listing.join('\n'));
      assert.ok(!listing.some((entry) => entry.startsWith('package/src/') || entry.startsWith('package/test/')), 'only what package.json#files names');
    });

    it('creates the release with the notes and the tarball, as a prerelease for vX.Y.Z-<pre>', async () => {
      for (const [tag, prerelease] of [
        ['v1.2.3', false],
        ['v2.0.0-rc.1', true],
      ] as const) {
        const gh = await fakeGh();
        const runnerTemp = await folder('temp');
        const file = path.join(runnerTemp, 'pack', 'npm-totp-publish-x.tgz');
        const ctx = { ...context(tag), runner: { temp: runnerTemp }, steps: { pack: { outputs: { file } } } };
        const run = await runStep(step('Create the GitHub release'), ctx, {
          workspace: await folder('ws'),
          runnerTemp,
          env: stepEnv({ GH_LOG: gh.log }, gh.bin),
        });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const notes = path.join(runnerTemp, 'release-notes.md');
        assert.deepEqual(await gh.calls(), [
          ['release', 'view', tag],
          ['release', 'create', tag, file, `${file}.sha256`, '--verify-tag', '--title', tag, '--notes-file', notes, ...(prerelease ? ['--prerelease'] : [])],
        ]);
      }
    });

    it('on a re-run, replaces the notes and the files of the release that exists', async () => {
      const gh = await fakeGh();
      const runnerTemp = await folder('temp');
      const file = path.join(runnerTemp, 'pack', 'npm-totp-publish-1.2.3.tgz');
      const ctx = { ...context('v1.2.3'), runner: { temp: runnerTemp }, steps: { pack: { outputs: { file } } } };
      const run = await runStep(step('Create the GitHub release'), ctx, {
        workspace: await folder('ws'),
        runnerTemp,
        env: stepEnv({ GH_LOG: gh.log, FAKE_RELEASE_EXISTS: 'true' }, gh.bin),
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(await gh.calls(), [
        ['release', 'view', 'v1.2.3'],
        ['release', 'edit', 'v1.2.3', '--title', 'v1.2.3', '--notes-file', path.join(runnerTemp, 'release-notes.md')],
        ['release', 'upload', 'v1.2.3', file, `${file}.sha256`, '--clobber'],
      ]);
    });

    describe('moving the major tag', () => {
      let repo: string;
      const commits: Record<string, string> = {};

      before(async () => {
        repo = await folder('tags-repo');
        git(repo, 'init', '--quiet');
        await symlink(path.join(ROOT, 'scripts'), path.join(repo, 'scripts'));
        for (const tag of ['v1.0.0', 'v1.1.0', 'v1.0.1', 'v2.0.0-rc.1', 'v2.0.0']) {
          await writeFile(path.join(repo, 'release.txt'), `${tag}\n`);
          git(repo, 'add', 'release.txt');
          git(repo, 'commit', '--quiet', '-m', tag);
          // Annotated, as a release tag usually is: the major tag must point at the commit, not at the tag object.
          git(repo, 'tag', '-a', '-m', tag, tag);
          commits[tag] = git(repo, 'rev-parse', 'HEAD');
        }
      });

      async function move(tag: string, refExists: boolean) {
        const gh = await fakeGh();
        const ctx = context(tag);
        const run = await runStep(step('Move the major tag'), ctx, {
          workspace: repo,
          runnerTemp: await folder('temp'),
          env: stepEnv({ GH_LOG: gh.log, FAKE_REF_EXISTS: String(refExists) }, gh.bin),
        });
        return { run, calls: await gh.calls(), runs: condition(step('Move the major tag').if, ctx) };
      }

      it('points an existing vX at the commit of the newest release of X', async () => {
        const { run, calls, runs } = await move('v1.1.0', true);
        assert.ok(runs);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.deepEqual(calls, [
          ['api', 'repos/npm-totp-publish/npm-totp-publish/git/ref/tags/v1'],
          ['api', '--method', 'PATCH', 'repos/npm-totp-publish/npm-totp-publish/git/refs/tags/v1', '-f', `sha=${commits['v1.1.0']}`, '-F', 'force=true'],
        ]);
        assert.match(run.stdout, new RegExp(`v1 now points at ${commits['v1.1.0']} \\(v1\\.1\\.0\\)`));
      });

      it('creates vX for the first release of a major version', async () => {
        const { run, calls } = await move('v2.0.0', false);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.deepEqual(calls, [
          ['api', 'repos/npm-totp-publish/npm-totp-publish/git/ref/tags/v2'],
          ['api', '--method', 'POST', 'repos/npm-totp-publish/npm-totp-publish/git/refs', '-f', 'ref=refs/tags/v2', '-f', `sha=${commits['v2.0.0']}`],
        ]);
      });

      it('leaves vX alone for a patch of an older minor, and skips the step for a prerelease', async () => {
        const { run, calls } = await move('v1.0.1', true);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.deepEqual(calls, []);
        assert.match(run.stdout, /v1\.0\.1 is not the newest release of its major version: the major tag stays where it is/);
        assert.equal(condition(step('Move the major tag').if, context('v2.0.0-rc.1')), false);
      });
    });
  });

  describe('scripts/release-check.js', () => {
    const files = (overrides: Partial<Record<'tag' | 'packageJson' | 'versionTs' | 'changelog' | 'readme' | 'actionYml', string>> = {}) => ({
      tag: 'v1.2.3',
      packageJson: '{"version": "1.2.3"}',
      versionTs: "export const VERSION = '1.2.3';\n",
      changelog: CHANGELOG,
      readme: read('README.md'),
      actionYml: read('action.yml'),
      ...overrides,
    });

    it('reads release tags as semver writes them', () => {
      assert.deepEqual(parseReleaseTag('v1.2.3'), { version: '1.2.3', major: 'v1', prerelease: false, parts: [1, 2, 3] });
      assert.deepEqual(parseReleaseTag('v0.10.0-rc.1'), { version: '0.10.0-rc.1', major: 'v0', prerelease: true, parts: [0, 10, 0] });
      for (const tag of ['1.2.3', 'v1.2', 'v01.2.3', 'v1.2.3+build', 'v1.2.3-', 'v1.2.3-01', 'refs/tags/v1.2.3'])
        assert.equal(parseReleaseTag(tag), undefined, tag);
    });

    it('finds nothing wrong when everything names the version', () => {
      assert.deepEqual(releaseProblems(files(), readmeWithTables), []);
    });

    it('names a CHANGELOG section without a date, an empty one, and unreadable files', () => {
      const undated = CHANGELOG.replace('## [1.2.3] - 2026-12-01', '## [1.2.3]');
      assert.deepEqual(releaseProblems(files({ changelog: undated }), readmeWithTables), [
        'CHANGELOG.md\'s heading for 1.2.3 has no date: "## [1.2.3] - YYYY-MM-DD"',
      ]);
      const empty = CHANGELOG.replace(/### Fixed\n\n- A bug, see \[the issue\]\[i7\]\.\n/, '');
      assert.deepEqual(releaseProblems(files({ changelog: empty }), readmeWithTables), ["CHANGELOG.md's section for 1.2.3 is empty"]);
      assert.match(releaseProblems(files({ packageJson: '{' }), readmeWithTables)[0] ?? '', /^package\.json cannot be read/);
      assert.deepEqual(releaseProblems(files({ versionTs: 'export const V = 1;' }), readmeWithTables), [
        "src/version.ts has no `export const VERSION = '...'`",
      ]);
    });

    it('moves the major tag only forward, and never for a prerelease', () => {
      const tags = ['v1.0.0', 'v1.9.0', 'v1.10.0', 'v2.0.0-rc.1', 'v1', 'latest', 'v3.0.0'];
      assert.equal(majorTagTarget('1.10.0', tags), 'v1');
      assert.equal(majorTagTarget('1.10.1', tags), 'v1');
      assert.equal(majorTagTarget('1.9.1', tags), undefined);
      assert.equal(majorTagTarget('2.0.0', tags), 'v2');
      assert.equal(majorTagTarget('2.0.0-rc.2', tags), undefined);
      assert.equal(majorTagTarget('0.1.0', []), 'v0');
    });
  });

  describe('CHANGELOG.md and scripts/release-notes.js', () => {
    const changelog = read('CHANGELOG.md');

    it('takes a section without its heading and without the link definitions of other versions', () => {
      assert.equal(releaseNotes(CHANGELOG, '1.2.2'), '### Added\n\n- The first.\n');
      assert.equal(releaseNotes(CHANGELOG, 'v1.2.3'), '### Fixed\n\n- A bug, see [the issue][i7].\n\n[i7]: https://github.com/o/r/issues/7\n');
      assert.throws(() => releaseNotes(CHANGELOG, '1.2'), /no section for 1\.2 /);
      assert.throws(() => releaseNotes(CHANGELOG, '1.2.3'.replace('3', '4')), /no section for 1\.2\.4/);
      const fenced = '## [1.0.0] - 2026-01-01\n\n```md\n## [9.9.9] - not a heading\n```\n';
      assert.deepEqual(
        changelogSections(fenced).map((s: { version: string }) => s.version),
        ['1.0.0'],
      );
    });

    it('is in Keep a Changelog form: Unreleased first, dated versions newest first, each with its link, and the standard kinds of change', () => {
      assert.match(changelog, /^# Changelog\n/);
      assert.match(changelog, /\[Keep a Changelog\]\(https:\/\/keepachangelog\.com\/en\/1\.1\.0\/\)/);
      const sections: Array<{ version: string; date?: string; body: string }> = changelogSections(changelog);
      assert.equal(sections[0]?.version, 'Unreleased');
      const released = sections.slice(1);
      assert.ok(released.length >= 1);
      for (const section of released) {
        assert.ok(parseReleaseTag(`v${section.version}`), `${section.version} is a version`);
        assert.match(section.date ?? '', /^\d{4}-\d{2}-\d{2}$/, `${section.version} has a date`);
        assert.match(
          changelog,
          new RegExp(`^\\[${section.version.replace(/\./g, '\\.')}\\]: https://github\\.com/npm-totp-publish/npm-totp-publish/`, 'm'),
          `${section.version} has a link`,
        );
      }
      const order = released.map((s) => (parseReleaseTag(`v${s.version}`) as { parts: number[] }).parts.join('.'));
      assert.deepEqual(
        order,
        [...order].sort((a, b) => b.localeCompare(a, undefined, { numeric: true })),
        'newest first',
      );
      for (const section of sections) {
        for (const kind of section.body.matchAll(/^### (.+)$/gm))
          assert.ok(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(kind[1] as string), `"### ${kind[1]}" in ${section.version}`);
      }
    });

    it('has notes for the version in package.json', () => {
      const version = JSON.parse(read('package.json')).version;
      assert.ok(releaseNotes(changelog, version).length > 200);
      assert.ok(existsSync(path.join(ROOT, 'CHANGELOG.md')));
    });
  });
});
