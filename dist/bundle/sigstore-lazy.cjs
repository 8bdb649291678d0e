'use strict';
// Stands in for the `sigstore` package in dist/ (scripts/bundle.js maps
// require('sigstore') here). libnpmpublish and pacote require it at their top
// but call it only for provenance and attestation checks, all async functions,
// so the real one (with TUF, 0.5 MB) loads on first call: the bundle's
// loadSigstore() imports the chunks webpack made for it. scripts/bundle.js
// refuses to build if the bundled code uses a name this file lacks.
let real;
const load = () => (real ??= import('./index.js').then((bundle) => bundle.loadSigstore()));
for (const name of ['attest', 'createVerifier', 'sign', 'verify']) {
  exports[name] = async (...args) => (await load())[name](...args);
}
