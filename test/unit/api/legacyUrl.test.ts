// The `url` stand-in of our bundles (src/api/legacyUrl.js, wired in esbuild.js): node-fetch gets the URL parts it
// needs from the WHATWG parser, and Node (24, or 20 with --pending-deprecation) prints no url.parse() warning.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as url from 'node:url';

const root = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const legacy = require(path.join(root, 'src/api/legacyUrl.js')) as { parse(input: string): Record<string, unknown>; format(parsed: unknown): string };

describe('the url stand-in for node-fetch', () => {
  const fields = ['protocol', 'auth', 'host', 'port', 'hostname', 'hash', 'search', 'query', 'pathname', 'path', 'href'];
  for (const input of [
    'https://acme.symphony.com/pod/v1/companycert/list?skip=0&limit=100',
    'http://127.0.0.1:8443/pod/v3/users?uid=1,2',
    'https://[::1]:8443/login/pubkey/authenticate',
    'https://agent:p%40ss@proxy.example.com:3128/a/b#frag',
  ]) {
    it(`gives node-fetch the parts url.parse() gave for ${input}`, () => {
      const ours = legacy.parse(input);
      const node = url.parse(input) as unknown as Record<string, unknown>;
      for (const field of fields) assert.deepEqual(ours[field], node[field], field);
      assert.equal(legacy.format(ours), node.href);
    });
  }

  it('gives a relative URL no protocol, so node-fetch refuses it as before', () => {
    assert.equal(legacy.parse('/pod/v1/x').protocol, null);
  });

  it('lets a bundled request run with no DEP0169 warning (and the same bundle without it warns)', async function () {
    this.timeout(60_000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { nodeAlias } = require(path.join(root, 'esbuild.js')) as { nodeAlias: Record<string, string> };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-legacy-url-'));
    try {
      const entry = path.join(dir, 'entry.ts');
      fs.writeFileSync(entry, [
        `import * as http from 'node:http';`,
        `import { HttpTransport } from ${JSON.stringify(path.join(root, 'src/api/http'))};`,
        `const server = http.createServer((_req, res) => { res.setHeader('content-type', 'application/json'); res.end('{"ok":true}'); });`,
        `server.listen(0, '127.0.0.1', async () => {`,
        `  const port = (server.address() as { port: number }).port;`,
        `  const res = await new HttpTransport().request<{ ok: boolean }>({ method: 'GET', url: 'http://127.0.0.1:' + port + '/pod/v1/x?skip=0', context: { area: 'certs' } });`,
        `  console.log(JSON.stringify(res.body));`,
        `  server.close(); process.exit(0);`,
        `});`,
      ].join('\n'));
      const run = (alias: Record<string, string>) => {
        const outfile = path.join(dir, `bundle-${Object.keys(alias).length}.js`);
        esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, absWorkingDir: root, alias, logLevel: 'silent' });
        const stderrFile = path.join(dir, 'stderr.txt');
        const stdout = execFileSync(process.execPath, ['--pending-deprecation', outfile], { stdio: ['ignore', 'pipe', fs.openSync(stderrFile, 'w')] }).toString();
        return { stdout, stderr: fs.readFileSync(stderrFile, 'utf8') };
      };
      const ours = run(nodeAlias);
      assert.equal(ours.stdout.trim(), '{"ok":true}');
      assert.doesNotMatch(ours.stderr, /DEP0169|url\.parse/);
      const { url: _dropped, ...withoutStandIn } = nodeAlias;
      assert.match(run(withoutStandIn).stderr, /DEP0169/, 'the check would see the warning');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
