// Stands in for `@actions/http-client` in dist/ (scripts/bundle.js maps it
// here): @actions/core imports it at its top for getIDToken(), the OIDC ID
// token of trusted publishing and provenance. The real one
// (dist/bundle/actions-http-client/, with tunnel; undici through its own shim)
// loads when a client is made, not at start.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export class HttpClient {
  constructor(...args) {
    const Real = require('./actions-http-client/index.js').HttpClient;
    return new Real(...args);
  }
}
