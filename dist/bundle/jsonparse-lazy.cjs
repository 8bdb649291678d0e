'use strict';
// Stands in for `jsonparse` in dist/ (scripts/bundle.js maps require('jsonparse')
// here). npm-registry-fetch requires it at its top for fetch.json.stream(), which
// nothing here calls; the real one (dist/bundle/jsonparse/) loads when a parser
// is made.
module.exports = class Parser {
  constructor(...args) {
    const Real = require('./jsonparse/index.js');
    return new Real(...args);
  }
};
