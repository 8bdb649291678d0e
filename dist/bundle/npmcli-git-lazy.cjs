'use strict';
// Stands in for `@npmcli/git` in dist/ (scripts/bundle.js maps
// require('@npmcli/git') here). @npmcli/package-json calls only its find()
// (the .git folder above a package, for gitHead); the rest of @npmcli/git
// spawns git (with @npmcli/promise-spawn and child_process) and is never used
// here. find() comes from a build of lib/find.js alone (dist/bundle/npmcli-git-find/),
// loaded on first call.
exports.find = (...args) => require('./npmcli-git-find/index.js')(...args);
