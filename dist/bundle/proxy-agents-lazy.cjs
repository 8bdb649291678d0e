'use strict';
// Stands in for `http-proxy-agent`, `https-proxy-agent` and `socks-proxy-agent`
// in dist/ (scripts/bundle.js maps the three requires here; each takes its own
// class). @npmcli/agent requires them at its top but makes an agent only when a
// request goes through a proxy (https_proxy, http_proxy, proxy, as npm reads
// them), so each real one (dist/bundle/<package>/) loads on first use.
const lazyAgent = (pkg, name) =>
  ({
    [name]: class {
      constructor(...args) {
        const Real = require(`./${pkg}/index.js`)[name];
        return new Real(...args);
      }
    },
  })[name];

exports.HttpProxyAgent = lazyAgent('http-proxy-agent', 'HttpProxyAgent');
exports.HttpsProxyAgent = lazyAgent('https-proxy-agent', 'HttpsProxyAgent');
exports.SocksProxyAgent = lazyAgent('socks-proxy-agent', 'SocksProxyAgent');
// read at @npmcli/agent's top; scripts/bundle.js checks it equals the real one's
exports.SocksProxyAgent.protocols = ['socks', 'socks4', 'socks4a', 'socks5', 'socks5h'];
