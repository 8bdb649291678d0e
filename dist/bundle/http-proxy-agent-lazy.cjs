'use strict';
// Stands in for `http-proxy-agent` in dist/ (scripts/bundle.js maps require('http-proxy-agent')
// here). @npmcli/agent requires the proxy agents at its top but makes one only
// when a request goes through a proxy (https_proxy, http_proxy, proxy, as npm
// reads them), so the real one (dist/bundle/http-proxy-agent/) loads on first use.
const load = () => require('./http-proxy-agent/index.js');
class HttpProxyAgent {
  constructor(...args) {
    const Real = load().HttpProxyAgent;
    return new Real(...args);
  }
}
exports.HttpProxyAgent = HttpProxyAgent;
