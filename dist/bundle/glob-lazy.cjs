'use strict';
// Stands in for `glob` in dist/ (scripts/bundle.js maps require('glob') here).
// @npmcli/package-json requires it for a folder's readme, man pages and bin
// folder, and the monorepo code for workspace folders; publishing a .tgz never
// uses it. The real one (dist/bundle/glob/: glob's own single-file build, with
// its minimatch) loads on first call, not at start.
exports.glob = (...args) => require('./glob/index.js').glob(...args);
