'use strict';
// Stands in for `socks-proxy-agent` in dist/ (scripts/bundle.js maps require('socks-proxy-agent')
// here). @npmcli/agent requires the proxy agents at its top but makes one only
// when a request goes through a proxy (https_proxy, http_proxy, proxy, as npm
// reads them), so the real one (dist/bundle/socks-proxy-agent/) loads on first use.
const load = () => require('./socks-proxy-agent/index.js');
class SocksProxyAgent {
  // read at @npmcli/agent's top; scripts/bundle.js checks it equals the real one's
  static protocols = ['socks', 'socks4', 'socks4a', 'socks5', 'socks5h'];

  constructor(...args) {
    const Real = load().SocksProxyAgent;
    return new Real(...args);
  }
}
exports.SocksProxyAgent = SocksProxyAgent;
