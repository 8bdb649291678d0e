// The release workflow's checks that a tag and the project name one release.
//
//   node scripts/release-check.js <tag>
//     In the repository root: the tag is vX.Y.Z (or vX.Y.Z-<prerelease>), and package.json's
//     version, src/version.ts's VERSION and a dated CHANGELOG.md section are that version; the
//     README's inputs and outputs tables are what action.yml generates (scripts/readme-tables.js).
//     Prints every disagreement (as ::error:: annotations on GitHub) and exits 1, or writes
//     version, major (vX) and prerelease (true/false) to $GITHUB_OUTPUT when it is set.
//
//   git tag --list 'v*' | node scripts/release-check.js --major <version>
//     Prints the major tag (v1) to move to this release, or nothing when the release is a
//     prerelease or an older line's patch (v1.2.4 after v1.3.0): a major tag only moves forward.
//     Plain Node, no dependencies (the release job runs it without npm ci).
import { appendFileSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { changelogSections, releaseNotes } from './release-notes.js';

/** vX.Y.Z or vX.Y.Z-<prerelease>, as semver writes them (no leading zeros, no build metadata). */
const TAG = /^v((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?)$/;

/**
 * The release a tag names, or undefined when it is not a release tag.
 * @param {string} tag
 * @returns {{ version: string, major: string, prerelease: boolean, parts: number[] } | undefined}
 */
export function parseReleaseTag(tag) {
  const match = TAG.exec(tag);
  if (!match) return undefined;
  return { version: match[1], major: `v${match[2]}`, prerelease: match[5] !== undefined, parts: [Number(match[2]), Number(match[3]), Number(match[4])] };
}

/**
 * Everything that disagrees with releasing `tag`, one sentence each; empty when all agree.
 * @param {{ tag: string, packageJson: string, versionTs: string, changelog: string, readme: string, actionYml: string }} files
 * @param {(readme: string, actionYml: string) => string} readmeWithTables the README with its tables regenerated from action.yml
 * @returns {string[]}
 */
export function releaseProblems(files, readmeWithTables) {
  const problems = [];
  const release = parseReleaseTag(files.tag);
  if (!release) return [`${files.tag} is not a release tag: a release is tagged vX.Y.Z, or vX.Y.Z-<prerelease> (v1.2.3, v2.0.0-rc.1)`];
  const { version } = release;
  let manifestVersion;
  try {
    manifestVersion = JSON.parse(files.packageJson).version;
  } catch (error) {
    problems.push(`package.json cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (manifestVersion !== undefined && manifestVersion !== version)
    problems.push(`package.json's version is ${manifestVersion}, but the tag ${files.tag} releases ${version}`);
  const constant = /export const VERSION = '([^']*)'/.exec(files.versionTs)?.[1];
  if (constant === undefined) problems.push("src/version.ts has no `export const VERSION = '...'`");
  else if (constant !== version)
    problems.push(`src/version.ts's VERSION is ${constant}, but the tag ${files.tag} releases ${version} (the CLI's --version and the user agent say it)`);
  const section = changelogSections(files.changelog).find((s) => s.version === version);
  if (!section) {
    problems.push(`CHANGELOG.md has no section for ${version}: move the Unreleased entries under "## [${version}] - YYYY-MM-DD"`);
  } else {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(section.date ?? '')) problems.push(`CHANGELOG.md's heading for ${version} has no date: "## [${version}] - YYYY-MM-DD"`);
    try {
      releaseNotes(files.changelog, version);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  let regenerated;
  try {
    regenerated = readmeWithTables(files.readme, files.actionYml);
  } catch (error) {
    problems.push(`README.md's inputs and outputs tables cannot be generated from action.yml: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (regenerated !== undefined && regenerated !== files.readme)
    problems.push("README.md's inputs or outputs table differs from action.yml: run node scripts/readme-tables.js --write and commit README.md");
  return problems;
}

/**
 * The major tag to move to `version`, or undefined: a prerelease never moves it, and neither does
 * a release lower than another release of the same major among `tags` (so a backported patch of
 * an older minor leaves vX at the newest line).
 * @param {string} version X.Y.Z
 * @param {string[]} tags existing tag names (any; those that are not releases are ignored)
 * @returns {string | undefined}
 */
export function majorTagTarget(version, tags) {
  const release = parseReleaseTag(`v${version.replace(/^v/, '')}`);
  if (!release || release.prerelease) return undefined;
  const newer = tags
    .map((tag) => parseReleaseTag(tag.trim()))
    .filter((other) => other !== undefined && !other.prerelease && other.major === release.major)
    .some((other) => compare(other.parts, release.parts) > 0);
  return newer ? undefined : release.major;
}

/** @param {number[]} a @param {number[]} b */
function compare(a, b) {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

async function main(args) {
  if (args[0] === '--major') {
    if (!args[1]) throw new Error('--major needs the version being released');
    const tags = readFileSync(0, 'utf8').split('\n').filter(Boolean);
    const target = majorTagTarget(args[1], tags);
    if (target) process.stdout.write(`${target}\n`);
    return 0;
  }
  const tag = args[0];
  if (!tag) {
    console.error('Usage: node scripts/release-check.js <tag>   |   git tag --list | node scripts/release-check.js --major <version>');
    return 2;
  }
  const read = (file) => readFileSync(path.join(process.cwd(), file), 'utf8');
  // readme-tables.js needs the `yaml` package: only this mode loads it (after npm ci).
  const { tables, updatedReadme } = await import('./readme-tables.js');
  const problems = releaseProblems(
    {
      tag,
      packageJson: read('package.json'),
      versionTs: read('src/version.ts'),
      changelog: read('CHANGELOG.md'),
      readme: read('README.md'),
      actionYml: read('action.yml'),
    },
    (readme, actionYml) => updatedReadme(readme, tables(actionYml)),
  );
  if (problems.length > 0) {
    for (const problem of problems) console.log(process.env.GITHUB_ACTIONS === 'true' ? `::error::${problem}` : problem);
    console.log(`${tag}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing is released.`);
    return 1;
  }
  const release = /** @type {NonNullable<ReturnType<typeof parseReleaseTag>>} */ (parseReleaseTag(tag));
  console.log(`${tag}: package.json, src/version.ts and CHANGELOG.md say ${release.version}; the README tables match action.yml.`);
  if (process.env.GITHUB_OUTPUT)
    appendFileSync(process.env.GITHUB_OUTPUT, `version=${release.version}\nmajor=${release.major}\nprerelease=${release.prerelease}\n`);
  return 0;
}

// realpath: run through a symlinked folder, argv[1] is the link and import.meta.url the file.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`release-check: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
