'use strict';
// Stands in for `https-proxy-agent` in dist/ (scripts/bundle.js maps require('https-proxy-agent')
// here). @npmcli/agent requires the proxy agents at its top but makes one only
// when a request goes through a proxy (https_proxy, http_proxy, proxy, as npm
// reads them), so the real one (dist/bundle/https-proxy-agent/) loads on first use.
const load = () => require('./https-proxy-agent/index.js');
class HttpsProxyAgent {
  constructor(...args) {
    const Real = load().HttpsProxyAgent;
    return new Real(...args);
  }
}
exports.HttpsProxyAgent = HttpsProxyAgent;
