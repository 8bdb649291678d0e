'use strict';
// Stands in for `negotiator` in dist/ (scripts/bundle.js maps require('negotiator')
// here). make-fetch-happen requires it at the top of its HTTP cache, which is
// used only when a cache folder is set (never here), so the real one
// (dist/bundle/negotiator/) loads on first use.
class Negotiator {
  constructor(...args) {
    const Real = require('./negotiator/index.js');
    return new Real(...args);
  }
}
module.exports = Negotiator;
module.exports.Negotiator = Negotiator;
