'use strict';
// Stands in for `iconv-lite` in dist/ (scripts/bundle.js maps require('iconv-lite')
// here). minipass-fetch takes its `decode` at its top, for Body.textConverted(),
// which nothing here calls; the real one (dist/bundle/iconv-lite/, 0.3 MB of
// code pages) loads on first call.
exports.decode = (...args) => require('./iconv-lite/index.js').decode(...args);
