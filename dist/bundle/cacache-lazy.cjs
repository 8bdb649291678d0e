'use strict';
// Stands in for `cacache` in dist/ (scripts/bundle.js maps require('cacache')
// here). make-fetch-happen requires it at its top for its HTTP cache, which is
// used only when a cache folder is set; this product sets none, so the real
// cacache (dist/bundle/cacache/, with its own glob and minimatch) loads on the
// first property read, never at start.
const load = () => require('./cacache/index.js');
for (const name of ['clearMemoized', 'get', 'index', 'ls', 'put', 'rm', 'tmp', 'verify']) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
}
