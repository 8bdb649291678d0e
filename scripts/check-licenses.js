// The licence notices of the third-party code in dist/. The MIT, ISC, BSD, BlueOak and Apache licences of the
// packages scripts/bundle.js bundles ask for their notice in every copy, so dist/ carries them:
//   dist/bundled-packages.json  each build's package folders (dist/bundle and the LAZY sub-builds), recorded by
//                               scripts/bundle.js from the modules of every chunk ncc emitted
//   dist/licenses.txt           one notice per package version: name@version, its declared licence, then the
//                               licence file(s) it ships, as ncc's `license` option writes them (name, licence, text)
// This file makes both (for scripts/bundle.js) and checks them.
// Usage: node scripts/check-licenses.js [dist]   (default dist; exit 1 naming each package without its notice)
//
// The check: every package the record names has its notice, and every notice a recorded package; with
// node_modules present, each notice is still the text its package ships (a dependency updated without a rebuild).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file of notices, and the record of what each build bundled, in dist/. */
export const LICENSES_FILE = 'licenses.txt';
export const RECORD_FILE = 'bundled-packages.json';

/** The line between two notices; scripts/bundle.js refuses a licence text that holds it. */
const SEPARATOR = '-'.repeat(80);
const HEADER = [
  'Licences of the third-party packages bundled into dist/ (this project is MIT: see LICENSE).',
  'Written by scripts/bundle.js: one notice per package version that any of its ncc builds holds, each the',
  "package's name and version, the licence its package.json declares, and the licence file(s) it ships.",
  `${RECORD_FILE} lists which build holds which package; scripts/check-licenses.js checks that none is missing.`,
].join('\n');

/**
 * The notice of the package in `folder`: name, version, declared licence, and the text of its licence files
 * (package.json's `SEE LICENSE IN <file>`, else every file whose name starts with licence or license, as ncc's
 * licence plugin looks for them). A package that ships none gets a line saying so and what it declares.
 * @param {string} folder
 * @returns {{ name: string, version: string, license: string, text: string }}
 */
export function packageNotice(folder) {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const declared = declaredLicense(manifest);
  const see = /^SEE LICEN[CS]E IN (.+)$/i.exec(declared)?.[1];
  const files = see
    ? [see]
    : readdirSync(folder)
        .filter((name) => /^licen[cs]e/i.test(name) && statSync(path.join(folder, name)).isFile())
        .sort();
  const texts = files.map((file) => readFileSync(path.join(folder, file), 'utf8').replace(/\r\n?/g, '\n').trim());
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  const text =
    texts.length > 0 ? texts.join('\n\n') : `(The package ships no licence file; its package.json declares ${declared}${author ? `, author ${author}` : ''})`;
  return { name: manifest.name, version: manifest.version, license: declared, text };
}

function declaredLicense(manifest) {
  const { license, licenses } = manifest;
  if (typeof license === 'string') return license;
  if (typeof license?.type === 'string') return license.type;
  if (Array.isArray(licenses)) return licenses.map((entry) => (typeof entry === 'string' ? entry : entry?.type)).join(' OR ');
  return 'no licence';
}

/**
 * dist/licenses.txt for these notices: deduplicated by name@version, sorted by name then version.
 * @param {Array<{ name: string, version: string, license: string, text: string }>} notices
 */
export function licensesText(notices) {
  const unique = new Map();
  for (const notice of notices) {
    const id = `${notice.name}@${notice.version}`;
    if (notice.text.split('\n').includes(SEPARATOR))
      throw new Error(`scripts/check-licenses.js: the licence of ${id} holds the separator line; pick another SEPARATOR.`);
    const known = unique.get(id);
    if (known && known.text !== notice.text) throw new Error(`scripts/check-licenses.js: two copies of ${id} ship different licence texts.`);
    unique.set(id, notice);
  }
  const sorted = [...unique.values()].sort((a, b) => compare(a.name, b.name) || compare(a.version, b.version));
  return `${[HEADER, ...sorted.map((notice) => `${notice.name}@${notice.version}\n${notice.license}\n${notice.text}`)].join(`\n\n${SEPARATOR}\n`)}\n`;
}

/**
 * The notices of a dist/licenses.txt, by name@version.
 * @param {string} text
 * @returns {Map<string, { license: string, text: string }>}
 */
export function parseLicensesText(text) {
  const notices = new Map();
  for (const part of text.split(`\n\n${SEPARATOR}\n`).slice(1)) {
    const [id = '', license = '', ...rest] = part.replace(/\n$/, '').split('\n');
    notices.set(id, { license, text: rest.join('\n') });
  }
  return notices;
}

/**
 * Everything wrong with the notices in `dist`, one sentence each; empty when every recorded package has its notice.
 * @param {string} dist
 * @param {string} [nodeModules] the project's node_modules, to compare each notice with the package's files
 * @returns {string[]}
 */
export function licenseProblems(dist, nodeModules) {
  const read = (file) => (existsSync(path.join(dist, file)) ? readFileSync(path.join(dist, file), 'utf8') : undefined);
  const recordText = read(RECORD_FILE);
  const licenses = read(LICENSES_FILE);
  if (recordText === undefined || licenses === undefined)
    return [`${dist} has no ${recordText === undefined ? RECORD_FILE : LICENSES_FILE}: run npm run bundle.`];
  /** @type {Record<string, Array<{ name: string, version: string, folder: string }>>} */
  const record = JSON.parse(recordText);
  const notices = parseLicensesText(licenses);
  const problems = [];
  const recorded = new Set();
  for (const [build, packages] of Object.entries(record)) {
    for (const { name, version, folder } of packages) {
      const id = `${name}@${version}`;
      recorded.add(id);
      const notice = notices.get(id);
      if (!notice) {
        problems.push(`${id} is bundled into dist/${build} but has no notice in dist/${LICENSES_FILE}.`);
        continue;
      }
      if (notice.text.trim() === '') problems.push(`${id}'s notice in dist/${LICENSES_FILE} is empty.`);
      if (nodeModules === undefined) continue;
      const installed = path.join(nodeModules, ...folder.split('/'));
      if (!existsSync(path.join(installed, 'package.json'))) {
        problems.push(`${id}: node_modules/${folder}, which dist/${build} was built from, is not installed (run npm ci, then npm run bundle).`);
        continue;
      }
      const now = packageNotice(installed);
      if (`${now.name}@${now.version}` !== id) problems.push(`${id}: node_modules/${folder} now holds ${now.name}@${now.version}: run npm run bundle.`);
      else if (now.license !== notice.license || now.text !== notice.text)
        problems.push(`${id}'s notice in dist/${LICENSES_FILE} is not the licence node_modules/${folder} ships: run npm run bundle.`);
    }
  }
  for (const id of notices.keys())
    if (!recorded.has(id)) problems.push(`dist/${LICENSES_FILE} has a notice for ${id}, which no build in dist/${RECORD_FILE} bundles.`);
  return [...new Set(problems)]; // a package in several builds is compared once
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const nodeModules = path.resolve('node_modules');
  const problems = licenseProblems(dist, existsSync(nodeModules) ? nodeModules : undefined);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(
      `\n${problems.length} problem${problems.length === 1 ? '' : 's'} with the licence notices of ${dist}: every package bundled into dist/ needs its notice in ${LICENSES_FILE}.`,
    );
    process.exit(1);
  }
  const builds = Object.values(JSON.parse(readFileSync(path.join(dist, RECORD_FILE), 'utf8')));
  const count = new Set(builds.flat().map(({ name, version }) => `${name}@${version}`)).size;
  console.log(`${dist}: each of the ${count} package versions its ${builds.length} builds bundled has its licence notice in ${LICENSES_FILE}.`);
}
