// Stands in for Node's `url` module in our bundles (see esbuild.js). node-fetch@2 calls `url.parse()` for every
// request, and Node 24 (VS Code's newer extension hosts) prints a DEP0169 deprecation warning for it. This module
// is Node's own `url` with `parse` and `format` answered by the WHATWG URL parser, in the legacy shape node-fetch
// hands to http.request. Only absolute URLs reach it from node-fetch; anything else gets no protocol, which
// node-fetch refuses with its own "Only absolute URLs are supported".
const url = require('node:url');

function parse(input) {
  let parsed;
  try {
    parsed = new url.URL(String(input));
  } catch {
    return { protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: null, search: null, query: null, pathname: null, path: null, href: String(input) };
  }
  const auth = parsed.username ? decodeURIComponent(parsed.username) + (parsed.password ? ':' + decodeURIComponent(parsed.password) : '') : null;
  return {
    protocol: parsed.protocol,
    slashes: true,
    auth,
    host: parsed.host,
    port: parsed.port || null,
    // http.request wants an IPv6 address without its brackets, as url.parse() gave it.
    hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    hash: parsed.hash || null,
    search: parsed.search || null,
    query: parsed.search ? parsed.search.slice(1) : null,
    pathname: parsed.pathname,
    path: parsed.pathname + parsed.search,
    href: parsed.href,
  };
}

/** node-fetch formats only what `parse` made, so its href is the URL. */
function format(parsed) {
  return typeof parsed === 'string' ? parsed : parsed.href;
}

module.exports = { ...url, parse, format };
