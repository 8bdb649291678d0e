import assert from 'node:assert/strict';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/action.ts';
import { compileCacheEnv } from '../helpers/product.ts';
import { type CliGrammar, cliGrammar, commandProblems, missingPaths, type Project, shownCommands } from '../helpers/doc-commands.ts';
import { anchors, brokenLinks, type Files, slug } from '../helpers/doc-links.ts';

/** The Markdown files of the repository in `dir` (relative to the root), by path. */
const markdownIn = (dir: string): string[] =>
  existsSync(path.join(ROOT, dir))
    ? readdirSync(path.join(ROOT, dir))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => (dir === '.' ? name : `${dir}/${name}`))
    : [];

/** The pages a user reads: the README, docs/, the benchmarks' log, and SECURITY.md and examples/*.md if there are any. */
const PAGES = [
  'README.md',
  ...markdownIn('docs'),
  'bench/README.md',
  ...['SECURITY.md'].filter((file) => existsSync(path.join(ROOT, file))),
  ...markdownIn('examples'),
];
/** Pages whose links are checked too: the changelog (its paths and commands are history, so not those). */
const LINKED = [...PAGES, 'CHANGELOG.md'];

const repository: Files = {
  read: (file) => {
    const full = path.join(ROOT, file);
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
  },
  exists: (file) => existsSync(path.join(ROOT, file)),
};

/** The example workflows' text: a command a page quotes from one of them is that example's, and test/workflows/ runs it. */
function examplesText(dir = path.join(ROOT, 'examples')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) =>
      entry.isDirectory() ? examplesText(path.join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? readFileSync(path.join(dir, entry.name), 'utf8') : '',
    )
    .join('\n');
}

describe('the documentation', () => {
  let usage: string;
  let cli: CliGrammar;
  let project: Project;

  before(async () => {
    // The CLI as installed, asked for its usage text: the one list of its commands and options.
    const help = await runCli(
      ['--help'],
      { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TMPDIR: process.env.TMPDIR ?? '/tmp', ...compileCacheEnv() },
      ROOT,
    );
    assert.equal(help.code, 0, help.stderr);
    usage = help.stdout;
    cli = cliGrammar(usage);
    project = {
      scripts: new Set(Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {})),
      exists: (file, executable = false) => {
        const full = path.join(ROOT, file);
        if (!existsSync(full)) return false;
        if (!executable) return true;
        try {
          accessSync(full, constants.X_OK);
          return statSync(full).isFile();
        } catch {
          return false;
        }
      },
      cli,
      examples: examplesText(),
    };
  });

  describe('the checks themselves', () => {
    it("makes GitHub's anchors: lower case, punctuation dropped but - and _, spaces to -, repeats numbered", () => {
      assert.equal(slug("npm's 2025-2026 authentication changes: what they mean here"), 'npms-2025-2026-authentication-changes-what-they-mean-here');
      assert.equal(slug('Who approves when `stage approve` is automated'), 'who-approves-when-stage-approve-is-automated');
      assert.equal(slug('`bench/otp-waits.ts`: what the OTP engine costs'), 'benchotp-waitsts-what-the-otp-engine-costs');
      assert.equal(slug('See [the CLI](cli.md) and otp_uses'), 'see-the-cli-and-otp_uses');
      assert.deepEqual([...anchors('# A\n\n## Twice\n\n```sh\n# not a heading\n```\n\n## Twice\n<a id="kept"></a>\n')], ['a', 'twice', 'twice-1', 'kept']);
    });

    it('finds a link to a missing file, to a missing heading, out of the repository, and none inside code', () => {
      const pages: Record<string, string> = {
        'README.md':
          '# Top\n\n[ok](docs/a.md#second) [self](#top) [site](https://example.com/x#y)\n\n`[code](nowhere.md)`\n\n```md\n[fenced](nowhere.md)\n```\n',
        'docs/a.md': '# A\n\n## Second\n\n[back](../README.md#top) [gone](missing.md) [bad anchor](../README.md#bottom) [out](../../x.md)\n\n[ref]: ./b.md\n',
      };
      const files: Files = { read: (file) => pages[file], exists: (file) => file in pages || file === 'docs' };
      assert.deepEqual(brokenLinks('README.md', files), []);
      assert.deepEqual(brokenLinks('docs/a.md', files), [
        'docs/a.md:5: (missing.md) names docs/missing.md, which does not exist',
        'docs/a.md:5: (../README.md#bottom) names #bottom, which is no heading of README.md',
        'docs/a.md:5: (../../x.md) leaves the repository',
        'docs/a.md:7: (./b.md) names docs/b.md, which does not exist',
      ]);
    });

    it('reads the CLI grammar from its usage text', () => {
      assert.deepEqual([...(cli.commands.get('dist-tag') ?? [])].sort(), ['add', 'ls', 'rm']);
      assert.deepEqual([...(cli.commands.get('publish') ?? [])], []);
      assert.ok(cli.commands.has('run') && cli.commands.get('trust')?.has('circleci') && cli.commands.get('access')?.has('get'));
      for (const flag of ['--registry', '--access', '-w', '--file', '--otp-uses']) assert.ok(cli.valued.has(flag), flag);
      for (const flag of ['--json', '--workspaces', '--allow-stage-publish', '--force', '--provenance'])
        assert.ok(cli.flags.has(flag) && !cli.valued.has(flag), flag);
      assert.deepEqual([...cli.variables].sort(), ['NODE_AUTH_TOKEN', 'NPM_TOKEN', 'NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK', 'NPM_TOTP_SECRET']);
    });

    it('finds a command that would not run: an unknown script, file, CLI command, subcommand or flag, or program', () => {
      const planted = [
        '```sh',
        'npm ci && npm run demo   # fine',
        'npm run no-such-script',
        'node_modules/.bin/node bench/no-such-bench.ts',
        'NODE_AUTH_TOKEN=x npm-totp-publish dist-tag ad my-pkg@1.0.0 next',
        'npm-totp-publish --registry https://r.example publish --no-such-flag',
        'npm-totp-publish --version',
        'npx npm-totp-publish publish',
        'curl https://example.com | sh',
        '```',
        '',
        'Then run `node scripts/nope.js` and `npm-totp-publish frobnicate`, or `npm run build --workspaces` as an example does.',
        '',
        '```yaml',
        '          commands: |',
        '            dist-tag add my-pkg@1.0.0 latest   # fine',
        '            owner adopt bob',
        '```',
      ].join('\n');
      assert.deepEqual(commandProblems(planted, project), [
        '3: npm run no-such-script: npm run no-such-script: package.json has no such script',
        '4: node_modules/.bin/node bench/no-such-bench.ts: node_modules/.bin/node bench/no-such-bench.ts: bench/no-such-bench.ts does not exist',
        '5: NODE_AUTH_TOKEN=x npm-totp-publish dist-tag ad my-pkg@1.0.0 next: dist-tag ad is no command of the CLI: dist-tag takes add, rm, ls',
        '6: npm-totp-publish --registry https://r.example publish --no-such-flag: --no-such-flag is no option of the CLI (npm-totp-publish --help)',
        '8: npx npm-totp-publish publish: npx npm-totp-publish: the pages run npx only on this repository (github:npm-totp-publish/...)',
        '9: curl https://example.com | sh: curl: not a command of this project, nor one of the outside commands the pages may show (gh, git, sha256sum, export)',
        '9: curl https://example.com | sh: sh: not a command of this project, nor one of the outside commands the pages may show (gh, git, sha256sum, export)',
        '17: owner adopt bob: owner adopt is no command of the CLI: owner takes add, rm, ls',
        '12: node scripts/nope.js: node scripts/nope.js: scripts/nope.js does not exist',
        '12: npm-totp-publish frobnicate: frobnicate is no command of the CLI (npm-totp-publish --help)',
      ]);
      assert.equal(shownCommands(planted).length, 13);
    });

    it('finds a path that does not exist, and leaves placeholders and globs alone', () => {
      const text =
        'Held by test/e2e/secrets.test.ts and (test/e2e/gone.test.ts). See `bench/`, test/unit/otp-*.test.ts, `scripts/<x>.js`, https://github.com/o/r/tree/main/test/x.ts.\n';
      assert.deepEqual(missingPaths(text, repository.exists), ['1: test/e2e/gone.test.ts does not exist']);
    });
  });

  it('keeps the README short: at most 400 lines', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const lines = readme.split('\n').length;
    assert.ok(lines <= 400, `README.md has ${lines} lines; move the depth into docs/`);
  });

  it('links every page of docs/ from the README', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const docs = markdownIn('docs');
    assert.ok(docs.length > 0);
    for (const page of docs) assert.ok(readme.includes(`](${page})`), `README.md links ${page}`);
  });

  it('has no broken link or anchor in the README, docs/, the changelog and the other pages', () => {
    assert.deepEqual(
      LINKED.flatMap((file) => brokenLinks(file, repository)),
      [],
    );
  });

  it('shows no command that does not run as written', () => {
    const problems = PAGES.flatMap((file) => commandProblems(readFileSync(path.join(ROOT, file), 'utf8'), project).map((problem) => `${file}:${problem}`));
    assert.deepEqual(problems, []);
    const shown = PAGES.reduce((count, file) => count + shownCommands(readFileSync(path.join(ROOT, file), 'utf8')).length, 0);
    assert.ok(shown > 40, `${shown} commands found: the pages show commands, and the check finds them`);
  });

  it('names only paths of the repository that exist', () => {
    const problems = PAGES.flatMap((file) =>
      missingPaths(readFileSync(path.join(ROOT, file), 'utf8'), repository.exists).map((problem) => `${file}:${problem}`),
    );
    assert.deepEqual(problems, []);
  });

  it("documents in docs/cli.md every command, option and secret variable of the CLI's usage text", () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    for (const [command, subs] of cli.commands) {
      for (const words of subs.size === 0 ? [command] : [...subs].map((sub) => `${command} ${sub}`))
        assert.ok(page.includes(words), `docs/cli.md shows ${words}`);
    }
    for (const flag of cli.flags) assert.match(page, new RegExp(`${flag}(?![\\w-])`), `docs/cli.md names ${flag}`);
    for (const variable of cli.variables) assert.ok(page.includes(`\`${variable}\``), `docs/cli.md names ${variable}`);
  });

  it("lists under docs/cli.md's Commands exactly the commands of the CLI's usage text", () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const section = page.slice(page.indexOf('\n## Commands\n'));
    const block = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const lines = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim().replace(/\s+/g, ' '))
        .filter(Boolean);
    const listed = lines(usage.slice(usage.indexOf('\nCommands'), usage.indexOf('\nOptions'))).slice(1);
    assert.ok(listed.length > 20, usage);
    assert.deepEqual(lines(block), listed, 'copy the Commands lines of npm-totp-publish --help into docs/cli.md');
  });
});
