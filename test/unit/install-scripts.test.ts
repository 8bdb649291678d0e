// The allowScripts allowlist in package.json, checked the way npm 12 reads it.
//
// npm 12 runs a dependency's install scripts (preinstall, install, postinstall, an implied
// `node-gyp rebuild`) only when package.json#allowScripts approves it; anything not listed is
// blocked, with a warning at the end of `npm ci` that is easy to miss. npm 11 runs them all and
// only warns. So a dependency with an install script added without approval works on npm 11 and
// silently breaks on npm 12 (for the `node` package: no node_modules/.bin/node, no Node 24, no
// tests). This file fails `npm test` first. The real install with npm 12 runs in CI (the
// `npm-versions` job of .github/workflows/ci.yml) and locally with scripts/check-npm12.sh.
//
// Keys are what `npm install-scripts approve <pkg>` writes: `name@1.2.3` (pinned, the default) or
// `name` (any version); values true (run) or false (denied). npm 12 takes a pinned entry's version
// from the lockfile's `resolved` URL, never from the package itself: an entry without one never
// matches (npm then approves by name only), so a pin here needs that URL in package-lock.json.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import npa from 'npm-package-arg';
import semver from 'semver';
import { ROOT } from '../helpers/action.ts';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  link?: boolean;
  hasInstallScript?: boolean;
}

interface Lockfile {
  packages: Record<string, LockEntry>;
}

/** A package whose install scripts npm would run, where we found that out, and what the lockfile says of it. */
interface Scripted {
  /** Its folder relative to the project, as package-lock.json keys it (node_modules/a/node_modules/b). */
  location: string;
  name: string;
  version: string | undefined;
  /** name and version from the lockfile's resolved URL: what npm 12 trusts for a pinned entry. */
  trusted: { name: string; version: string } | undefined;
  why: string;
}

/** name@version from a registry tarball URL (/name/-/name-1.2.3.tgz, /@scope/name/-/name-1.2.3.tgz), as npm's arborist reads it. */
export function identityFromResolved(resolved: string | undefined): { name: string; version: string } | undefined {
  if (!resolved || !/^https?:\/\//.test(resolved)) return undefined;
  const { pathname } = new URL(resolved);
  const parts = pathname.slice(1).split('/-/');
  const file = parts.pop();
  const before = parts.pop();
  if (!file?.endsWith('.tgz') || before === undefined || file.includes('/')) return undefined;
  const segments = before.split(/\/|%2f/i);
  const project = segments.pop() ?? '';
  const scope = segments.pop();
  if (!file.startsWith(`${project}-`)) return undefined;
  const version = semver.parse(file.slice(project.length + 1, -'.tgz'.length))?.version;
  if (!version) return undefined;
  return { name: scope?.startsWith('@') ? `${scope}/${project}` : project, version };
}

/** The package name a lockfile location holds: its `name` field (set for aliases), else the last node_modules/ segment. */
function nameAt(location: string, entry: LockEntry): string {
  return entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Install scripts in a package.json, including the `node-gyp rebuild` npm implies for a binding.gyp. */
function scriptsOf(folder: string): string[] {
  let manifest: { scripts?: Record<string, string>; gypfile?: boolean };
  try {
    manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  } catch {
    return [];
  }
  const found = INSTALL_SCRIPTS.filter((event) => manifest.scripts?.[event]).map((event) => `${event}: ${manifest.scripts?.[event]}`);
  if (!manifest.scripts?.preinstall && !manifest.scripts?.install && manifest.gypfile !== false && existsSync(path.join(folder, 'binding.gyp'))) {
    found.push('install: node-gyp rebuild (binding.gyp)');
  }
  return found;
}

/** Every package folder under node_modules (scoped ones and nested node_modules included), relative to root. */
function installedFolders(root: string, base = 'node_modules'): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, base));
  } catch {
    return [];
  }
  const folders: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const inner = name.startsWith('@') ? readdirSafe(path.join(root, base, name)).map((child) => `${name}/${child}`) : [name];
    for (const pkg of inner) {
      const location = `${base}/${pkg}`;
      folders.push(location, ...installedFolders(root, `${location}/node_modules`));
    }
  }
  return folders;
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * Packages with install scripts: every lockfile entry marked hasInstallScript, and every package
 * under node_modules (when `root` is given) whose package.json has one.
 */
export function scriptedPackages(lock: Lockfile, root?: string): Scripted[] {
  const found = new Map<string, Scripted>();
  const add = (location: string, why: string, diskName?: string, diskVersion?: string) => {
    const entry = lock.packages[location];
    const known = found.get(location);
    if (known) {
      known.why += `; ${why}`;
      return;
    }
    found.set(location, {
      location,
      name: entry ? nameAt(location, entry) : (diskName ?? location),
      version: entry?.version ?? diskVersion,
      trusted: identityFromResolved(entry?.resolved),
      why,
    });
  };
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location !== '' && !entry.link && entry.hasInstallScript) add(location, 'hasInstallScript in package-lock.json');
  }
  if (root !== undefined) {
    for (const location of installedFolders(root)) {
      const scripts = scriptsOf(path.join(root, location));
      if (scripts.length === 0) continue;
      let manifest: { name?: string; version?: string } = {};
      try {
        manifest = JSON.parse(readFileSync(path.join(root, location, 'package.json'), 'utf8'));
      } catch {
        // Unreadable: listed by its folder alone.
      }
      add(
        location,
        `${scripts.join(', ')} in ${location}/package.json${lock.packages[location] ? '' : ' (not in package-lock.json: installed with --no-save?)'}`,
        manifest.name,
        manifest.version,
      );
    }
  }
  return [...found.values()].sort((a, b) => a.location.localeCompare(b.location));
}

/** One allowScripts key, read as npm 12 reads it: `name` (any version) or `name@1.2.3` / `name@1.2.3 || 1.2.4` (pinned). */
export function parseKey(key: string): { name: string; versions: string[] | undefined } | { error: string } {
  let parsed: npa.Result;
  try {
    parsed = npa(key);
  } catch (error) {
    return { error: `"${key}" is not a package spec (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!parsed.name || (parsed.type !== 'range' && parsed.type !== 'version')) {
    return { error: `"${key}" is a ${parsed.type} spec; this project allows only registry packages, as "name" or "name@<exact version>"` };
  }
  const spec = parsed.rawSpec;
  if (parsed.type === 'range' && (spec === '' || spec === '*')) return { name: parsed.name, versions: undefined };
  const versions = spec.split('||').map((part) => part.trim());
  if (versions.some((version) => semver.valid(version) === null)) {
    return { error: `"${key}" is a range or a tag; npm 12 ignores those (it takes exact versions joined by "||", or a bare name)` };
  }
  return { name: parsed.name, versions };
}

/**
 * Everything npm 12 would block or ignore, and every entry that approves nothing: an empty list
 * means `npm ci` with npm 12 runs exactly the install scripts package.json approves.
 */
export function allowlistProblems(allowScripts: unknown, lock: Lockfile, scripted: Scripted[]): string[] {
  const problems: string[] = [];
  if (allowScripts !== undefined && (typeof allowScripts !== 'object' || allowScripts === null || Array.isArray(allowScripts))) {
    return [`allowScripts must be an object of "name@version": true | false, not ${JSON.stringify(allowScripts)}`];
  }
  const entries = Object.entries((allowScripts ?? {}) as Record<string, unknown>);
  const keys: { key: string; name: string; versions: string[] | undefined; allow: boolean }[] = [];
  for (const [key, value] of entries) {
    if (typeof value !== 'boolean') {
      problems.push(`allowScripts["${key}"] is ${JSON.stringify(value)}; npm reads only true (run its install scripts) or false (deny them)`);
      continue;
    }
    const parsed = parseKey(key);
    if ('error' in parsed) problems.push(`allowScripts: ${parsed.error}`);
    else keys.push({ key, ...parsed, allow: value });
  }

  const locked = Object.entries(lock.packages)
    .filter(([location, entry]) => location !== '' && !entry.link)
    .map(([location, entry]) => ({ location, name: nameAt(location, entry), version: entry.version, trusted: identityFromResolved(entry.resolved) }));

  for (const { key, name, versions, allow } of keys) {
    const same = locked.filter((pkg) => pkg.name === name);
    if (same.length === 0) {
      problems.push(`allowScripts["${key}"]: ${name} is not in package-lock.json; remove the entry (npm install-scripts prune)`);
      continue;
    }
    if (!scripted.some((pkg) => pkg.name === name)) {
      problems.push(
        `allowScripts["${key}"]: ${name} has no install script (package-lock.json has no hasInstallScript for it); remove the entry (npm install-scripts prune)`,
      );
    }
    for (const version of versions ?? []) {
      const atVersion = same.filter((pkg) => pkg.version === version);
      if (atVersion.length === 0) {
        problems.push(
          `allowScripts["${key}"] pins ${name}@${version}, but package-lock.json has ${name}@${[...new Set(same.map((pkg) => pkg.version))].join(', ')}; re-approve the locked version (npm install-scripts approve ${name}, with npm 12)`,
        );
        continue;
      }
      for (const pkg of atVersion) {
        // A denial needs no URL: npm 12 lets a pinned deny match an unverifiable version (it fails closed).
        if (allow && (pkg.trusted?.name !== name || pkg.trusted.version !== version)) {
          problems.push(
            `allowScripts["${key}"] pins a version, but package-lock.json's ${pkg.location} has ${pkg.trusted ? `a resolved URL for ${pkg.trusted.name}@${pkg.trusted.version}` : 'no "resolved" URL'}: ` +
              `npm 12 takes the version from that URL, so the pin matches nothing and the install script is blocked. ` +
              `Add "resolved": "https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz" to that entry ` +
              `(an install with omit-lockfile-registry-resolved=true in ~/.npmrc drops it), or approve by name only`,
          );
        }
      }
    }
  }

  for (const pkg of scripted) {
    const matching = keys.filter(
      ({ name, versions }) => name === pkg.name && (versions === undefined || (pkg.version !== undefined && versions.includes(pkg.version))),
    );
    if (matching.length === 0) {
      problems.push(
        `${pkg.name}@${pkg.version ?? '?'} (${pkg.location}) has install scripts (${pkg.why}) that allowScripts neither approves nor denies: ` +
          `npm 12 skips them. Review them, then run \`npx npm@12 install-scripts approve ${pkg.name}\` (or \`deny\`)`,
      );
    }
  }
  return problems;
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const lock: Lockfile = JSON.parse(read('package-lock.json'));

describe('install scripts (package.json#allowScripts, as npm 12 reads it)', () => {
  it('approves or denies every dependency that has install scripts, in package-lock.json and under node_modules', () => {
    const scripted = scriptedPackages(lock, ROOT);
    assert.ok(
      scripted.some((p) => p.name === 'node'),
      'the node package (its preinstall fetches Node 24) is found',
    );
    assert.deepEqual(allowlistProblems(pkg.allowScripts, lock, scripted), []);
  });

  it('lists only locked packages with install scripts, at their locked versions, with resolved URLs npm 12 can verify', () => {
    const scripted = scriptedPackages(lock);
    assert.deepEqual(allowlistProblems(pkg.allowScripts, lock, scripted), []);
  });

  it('approves the node package pinned to devDependencies.node, as `npm install-scripts approve node` writes it', () => {
    const forNode = Object.keys(pkg.allowScripts ?? {}).filter((key) => key === 'node' || key.startsWith('node@'));
    assert.deepEqual(forNode, [`node@${pkg.devDependencies.node}`]);
    assert.equal(pkg.allowScripts[`node@${pkg.devDependencies.node}`], true);
    assert.equal(lock.packages['node_modules/node']?.version, pkg.devDependencies.node);
  });

  describe('the check itself', () => {
    const baseLock: Lockfile = {
      packages: {
        '': { name: 'project', version: '1.0.0' },
        'node_modules/node': { version: '24.21.0', resolved: 'https://registry.npmjs.org/node/-/node-24.21.0.tgz', hasInstallScript: true },
        'node_modules/plain': { version: '1.0.0' },
        'node_modules/@scope/gyp': { version: '2.0.0', resolved: 'https://registry.npmjs.org/@scope/gyp/-/gyp-2.0.0.tgz', hasInstallScript: true },
        'node_modules/other/node_modules/@scope/gyp': { version: '3.0.0', hasInstallScript: true },
      },
    };
    const check = (allowScripts: unknown, lockfile: Lockfile = baseLock) => allowlistProblems(allowScripts, lockfile, scriptedPackages(lockfile));

    it('accepts pins, name-only entries and denials that cover every install script', () => {
      assert.deepEqual(check({ 'node@24.21.0': true, '@scope/gyp': false }), []);
      assert.deepEqual(check({ node: true, '@scope/gyp@2.0.0': true, '@scope/gyp@3.0.0': false }), []);
    });

    it('fails when a dependency with an install script is added without approval', () => {
      const added: Lockfile = {
        packages: {
          ...baseLock.packages,
          'node_modules/esbuild': { version: '0.25.0', resolved: 'https://registry.npmjs.org/esbuild/-/esbuild-0.25.0.tgz', hasInstallScript: true },
        },
      };
      const problems = check({ 'node@24.21.0': true, '@scope/gyp': true }, added);
      assert.equal(problems.length, 1);
      assert.match(problems[0] ?? '', /^esbuild@0\.25\.0 \(node_modules\/esbuild\) has install scripts .* npm 12 skips them/);
    });

    it('fails when only one of two installed versions is approved', () => {
      const problems = check({ 'node@24.21.0': true, '@scope/gyp@2.0.0': true });
      assert.equal(problems.length, 1);
      assert.match(problems[0] ?? '', /^@scope\/gyp@3\.0\.0 \(node_modules\/other\/node_modules\/@scope\/gyp\)/);
    });

    it('fails for a name not in the lockfile, a package without install scripts, and a pin to another version', () => {
      const problems = check({ 'node@24.22.3': true, '@scope/gyp': true, absent: true, plain: true });
      assert.equal(problems.length, 4, problems.join('\n'));
      assert.match(problems.join('\n'), /absent is not in package-lock\.json/);
      assert.match(problems.join('\n'), /plain has no install script/);
      assert.match(problems.join('\n'), /pins node@24\.22\.3, but package-lock\.json has node@24\.21\.0/);
      assert.match(problems.join('\n'), /node@24\.21\.0 \(node_modules\/node\) has install scripts/);
    });

    it('fails for a pin whose lockfile entry has no resolved URL (npm 12 cannot verify it, and blocks)', () => {
      const stripped: Lockfile = { packages: { ...baseLock.packages, 'node_modules/node': { version: '24.21.0', hasInstallScript: true } } };
      const problems = check({ 'node@24.21.0': true, '@scope/gyp': true }, stripped);
      assert.equal(problems.length, 1);
      assert.match(problems[0] ?? '', /no "resolved" URL/);
      assert.deepEqual(check({ node: true, '@scope/gyp': true }, stripped), []);
    });

    it('fails for ranges, tags, non-registry specs and non-boolean values, which npm 12 ignores', () => {
      const problems = check({ 'node@^24.21.0': true, 'node@latest': true, 'github:a/b': true, node: 'yes', '@scope/gyp': true });
      assert.equal(problems.filter((p) => p.startsWith('allowScripts')).length, 4, problems.join('\n'));
      assert.equal(check(['node']).length, 1);
    });

    it('finds install scripts in package.json files under node_modules, nested, scoped and implied by binding.gyp', () => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'install-scripts-'));
      try {
        const put = (folder: string, manifest: object, gyp = false) => {
          mkdirSync(path.join(root, folder), { recursive: true });
          writeFileSync(path.join(root, folder, 'package.json'), JSON.stringify(manifest));
          if (gyp) writeFileSync(path.join(root, folder, 'binding.gyp'), '{}');
        };
        put('node_modules/node', { name: 'node', version: '24.21.0', scripts: { preinstall: 'node installArchSpecificPackage' } });
        put('node_modules/plain', { name: 'plain', version: '1.0.0', scripts: { test: 'x', prepare: 'y' } });
        put('node_modules/@scope/gyp', { name: '@scope/gyp', version: '2.0.0' }, true);
        put('node_modules/other/node_modules/@scope/gyp', { name: '@scope/gyp', version: '3.0.0', gypfile: false }, true);
        put('node_modules/sneaky', { name: 'sneaky', version: '0.0.1', scripts: { postinstall: 'curl evil' } });
        const lockfile: Lockfile = {
          packages: {
            '': {},
            'node_modules/node': { version: '24.21.0' },
            'node_modules/plain': { version: '1.0.0' },
            'node_modules/@scope/gyp': { version: '2.0.0' },
            'node_modules/other/node_modules/@scope/gyp': { version: '3.0.0' },
          },
        };
        const scripted = scriptedPackages(lockfile, root);
        assert.deepEqual(
          scripted.map((p) => `${p.name}@${p.version}`),
          ['@scope/gyp@2.0.0', 'node@24.21.0', 'sneaky@0.0.1'],
        );
        assert.match(scripted.find((p) => p.name === 'sneaky')?.why ?? '', /postinstall: curl evil .*not in package-lock\.json/);
        const problems = allowlistProblems({ node: true, '@scope/gyp': true }, lockfile, scripted);
        assert.equal(problems.length, 1);
        assert.match(problems[0] ?? '', /^sneaky@0\.0\.1/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('reads name@version from registry URLs as arborist does', () => {
      assert.deepEqual(identityFromResolved('https://registry.npmjs.org/node/-/node-24.21.0.tgz'), { name: 'node', version: '24.21.0' });
      assert.deepEqual(identityFromResolved('https://registry.npmjs.org/@scope/gyp/-/gyp-2.0.0.tgz'), { name: '@scope/gyp', version: '2.0.0' });
      assert.deepEqual(identityFromResolved('https://mirror.example/npm/@scope%2fgyp/-/gyp-2.0.0-rc.1.tgz'), { name: '@scope/gyp', version: '2.0.0-rc.1' });
      assert.equal(identityFromResolved('https://registry.npmjs.org/node/-/evil-24.21.0.tgz'), undefined);
      assert.equal(identityFromResolved(undefined), undefined);
    });
  });
});
