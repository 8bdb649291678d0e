// Stands in for `undici` in dist/ (scripts/bundle.js maps it here): only
// @actions/http-client imports it, at its top, for ProxyAgent, which it makes
// only when asked for a dispatcher through a proxy (never by this product). The
// real undici (dist/bundle/undici/, 0.9 MB) is loaded on first use, not at start.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export class ProxyAgent {
  constructor(...args) {
    const Real = require('./undici/index.js').ProxyAgent;
    return new Real(...args);
  }
}
