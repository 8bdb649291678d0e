// Prints the release notes of one version: its section of CHANGELOG.md (Keep a Changelog form),
// without the heading, as the GitHub release of that version shows them.
// Usage: node scripts/release-notes.js <version, or the tag vX.Y.Z> [changelog file, default CHANGELOG.md]
// Exit code 1, with the reason on stderr, when the changelog has no section for the version or
// the section is empty. Plain Node, no dependencies: the release job runs it without npm ci.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A `## [1.2.3] - 2026-11-30` heading (brackets optional; `## [Unreleased]` too). */
const HEADING = /^## +\[?([^\]\s]+)\]?(?: +[-–] +(\S+))?\s*$/;
/** A link reference definition, such as the version links at the end of a changelog. */
const DEFINITION = /^\[([^\]]+)\]: +\S+/;

/**
 * Every `## ` section of a changelog, in file order.
 * @param {string} text
 * @returns {{ version: string, date: string | undefined, body: string }[]}
 */
export function changelogSections(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  /** @type {{ version: string, date: string | undefined, lines: string[] }[]} */
  const sections = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading) {
      sections.push({ version: heading[1], date: heading[2], lines: [] });
    } else if (sections.length > 0) {
      sections[sections.length - 1].lines.push(line);
    }
  }
  return sections.map(({ version, date, lines: body }) => ({ version, date, body: body.join('\n') }));
}

/**
 * The notes of `version` (a leading `v` is dropped): the section's text, trimmed, without the
 * changelog's link definitions, except those the section itself refers to, which are kept at its end.
 * @param {string} text the changelog
 * @param {string} version
 * @returns {string}
 */
export function releaseNotes(text, version) {
  const wanted = version.replace(/^v(?=\d)/, '');
  const definitions = new Map();
  for (const line of text.split('\n')) {
    const match = DEFINITION.exec(line);
    if (match) definitions.set(match[1].toLowerCase(), line.trim());
  }
  const section = changelogSections(text).find((s) => s.version === wanted);
  if (!section) throw new Error(`CHANGELOG.md has no section for ${wanted} (a "## [${wanted}] - YYYY-MM-DD" heading)`);
  const body = section.body
    .split('\n')
    .filter((line) => !DEFINITION.test(line))
    .join('\n')
    .trim();
  if (body === '') throw new Error(`CHANGELOG.md's section for ${wanted} is empty`);
  const used = [...definitions.entries()].filter(([label]) => body.toLowerCase().includes(`[${label}]`)).map(([, line]) => line);
  return used.length > 0 ? `${body}\n\n${used.join('\n')}\n` : `${body}\n`;
}

// realpath: run through a symlinked folder, argv[1] is the link and import.meta.url the file.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
  if (!version) {
    console.error('Usage: node scripts/release-notes.js <version> [CHANGELOG.md]');
    process.exit(2);
  }
  try {
    process.stdout.write(releaseNotes(readFileSync(file, 'utf8'), version));
  } catch (error) {
    console.error(`release-notes: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
