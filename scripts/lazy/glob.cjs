'use strict';
// Stands in for `glob` in dist/ (scripts/bundle.js maps require('glob') here).
// @npmcli/package-json requires it for a folder's readme, gypfile, man pages
// and bin folder, and the monorepo code for workspace folders; publishing a
// .tgz never uses it. The real one (dist/bundle/glob/: glob's own single-file
// build, with its minimatch) loads on first call.
//
// Loading and starting it costs 20-40 ms, and a publish from a folder calls it
// for two patterns only, in the package folder: the readme step's
// `{README,README.*}` (nocase, mark) and the gypfile step's `*.gyp`. On Linux
// those are answered here from one readdir, with glob's own answer: the same
// names (a directory marked with "/"), in the order glob gives them (the
// reverse of readdir's). Any other call, platform, entry type (a symlink) or
// error goes to the real glob. test/e2e/glob-shim.test.ts compares the two on
// random folders.
const { readdir } = require('node:fs/promises');

const real = () => require('./glob/index.js');

const FAST = [
  { pattern: '{README,README.*}', options: { nocase: true, mark: true }, match: /^readme(\.[\s\S]*)?$/i },
  { pattern: '*.gyp', options: {}, match: /^(?!\.)[\s\S]+\.gyp$/ },
];

function fastPath(pattern, options) {
  if (process.platform !== 'linux' || typeof pattern !== 'string' || options === null || typeof options !== 'object' || typeof options.cwd !== 'string') return undefined;
  const { cwd, ...rest } = options;
  return FAST.find((fast) => fast.pattern === pattern && Object.keys(rest).length === Object.keys(fast.options).length && Object.entries(fast.options).every(([key, value]) => rest[key] === value));
}

exports.glob = async (pattern, options) => {
  const fast = fastPath(pattern, options);
  if (fast !== undefined) {
    const entries = await readdir(options.cwd, { withFileTypes: true }).catch(() => undefined);
    const matched = entries?.filter((entry) => fast.match.test(entry.name));
    if (matched !== undefined && matched.every((entry) => entry.isFile() || entry.isDirectory())) {
      return matched.map((entry) => (options.mark && entry.isDirectory() ? `${entry.name}/` : entry.name)).reverse();
    }
  }
  return real().glob(pattern, options);
};
