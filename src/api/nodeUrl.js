// Stands in for `whatwg-url` in the extension bundle (see esbuild.js): Node's own WHATWG URL implementation.
module.exports = { URL: require('node:url').URL };
