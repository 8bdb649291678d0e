'use strict';
// Stands in for `http-cache-semantics` in dist/ (scripts/bundle.js maps
// require('http-cache-semantics') here). make-fetch-happen requires it at the
// top of its HTTP cache, which is used only when a cache folder is set (never
// here), so the real one (dist/bundle/http-cache-semantics/) loads on first use.
module.exports = class CachePolicy {
  constructor(...args) {
    const Real = require('./http-cache-semantics/index.js');
    return new Real(...args);
  }
};
