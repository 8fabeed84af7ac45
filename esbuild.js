// Bundles the extension (and, later, one entry per webview) with esbuild.
// `--production` minifies without source maps (what `npm run package` ships); `--watch` rebuilds on change.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Parts of the extension host code loaded only when first needed (src/parts/README.md): dist/parts/<name>.js. */
const lazyParts = [
  { name: 'podAsCode', entry: 'src/podAsCode/vscode/part.ts' },
  { name: 'accounts', entry: 'src/commands/accounts/part.ts' },
  { name: 'keyRotation', entry: 'src/commands/keyRotationFlow.ts' },
  { name: 'activity', entry: 'src/activity/vscode/part.ts' },
  { name: 'detailViews', entry: 'src/editors/detailViewsPart.ts' },
  { name: 'manifestProblems', entry: 'src/editors/manifestProblems.ts' },
  { name: 'search', entry: 'src/commands/searchCommandsPart.ts' },
  { name: 'podWizard', entry: 'src/commands/podWizardPart.ts' },
  { name: 'certificateAdd', entry: 'src/commands/certificateAddPart.ts' },
  { name: 'groupCreate', entry: 'src/commands/groupCreatePart.ts' },
  { name: 'agentTools', entry: 'src/agentTools/vscode/part.ts' },
  { name: 'demoPod', entry: 'src/commands/demoPodPart.ts' },
  { name: 'itemPicker', entry: 'src/commands/itemPickerPart.ts' },
  { name: 'connections', entry: 'src/commands/connectionCommandsPart.ts' },
  { name: 'groups', entry: 'src/commands/groupCommandsPart.ts' },
  { name: 'certificates', entry: 'src/commands/certCommandsPart.ts' },
  { name: 'applications', entry: 'src/commands/appCommandsPart.ts' },
];

/**
 * The node-side aliases every extension-host bundle shares.
 * - node-fetch@2 falls back to whatwg-url only where Node has no URL class; bundling it costs ~260 KB of Unicode
 *   tables (tr46). Node's own URL serves instead.
 * - node-fetch@2 parses every request URL with `url.parse()`, which Node 24 deprecates with a warning at the first
 *   request; src/api/legacyUrl.js answers it with the WHATWG parser (keeping node-fetch, and with it VS Code's
 *   proxy support, the CA bundle and client certificates on the https.Agent).
 * - jsonc-parser's `main` is a UMD build whose require() calls esbuild cannot follow; its ES module build bundles.
 */
const nodeAlias = {
  'whatwg-url': './src/api/nodeUrl.js',
  url: './src/api/legacyUrl.js',
  'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
};

/**
 * A view's bundle reads `./common` from shared.js (the `symphonyWebview` global) instead of carrying its own copy, and
 * may not import the UI components itself: a second copy would be ~120 KB and define each element twice.
 */
const webviewSharedPlugin = {
  name: 'webview-shared',
  setup(build) {
    build.onResolve({ filter: /^\.\/common$/ }, () => ({ path: 'common', namespace: 'webview-shared' }));
    build.onLoad({ filter: /.*/, namespace: 'webview-shared' }, () => ({ contents: 'module.exports = globalThis.symphonyWebview;', loader: 'js' }));
    build.onResolve({ filter: /^@vscode-elements\// }, (args) => ({
      errors: [{ text: `${args.importer} imports ${args.path}: the UI components are registered once, in src/webview/shared.ts` }],
    }));
  },
};

/** Each entry is one bundle: the extension host code, the MCP server, the extension's lazily loaded parts, then one per webview. */
const entries = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    alias: nodeAlias,
  },
  // The symphony-pod CLI (src/cli/README.md): plain Node, everything bundled, runnable as `node dist/cli.js`.
  {
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    alias: nodeAlias,
  },
  ...lazyParts.map((part) => ({
    entryPoints: [part.entry],
    outfile: `dist/parts/${part.name}.js`,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    alias: nodeAlias,
  })),
  // Detail webviews (src/editors/detailPanels.ts), loaded from media/webview: shared.js (the UI components and
  // ./common, once for every view, exposed as the global `symphonyWebview`), then the view's own small bundle.
  {
    entryPoints: ['src/webview/shared.ts'],
    outfile: 'media/webview/shared.js',
    platform: 'browser',
    format: 'iife',
    globalName: 'symphonyWebview',
    target: 'es2022',
  },
  ...['certificate', 'group', 'application', 'expiryReport'].map((view) => ({
    entryPoints: [`src/webview/${view}.ts`],
    outfile: `media/webview/${view}.js`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    plugins: [webviewSharedPlugin],
  })),
];

/** The webviews' stylesheet and the codicon font they use (copied, not committed). */
function copyWebviewAssets() {
  const out = path.join(__dirname, 'media', 'webview');
  fs.mkdirSync(out, { recursive: true });
  const codicons = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(codicons, file), path.join(out, file));
  fs.copyFileSync(path.join(__dirname, 'src', 'webview', 'detail.css'), path.join(out, 'detail.css'));
}

async function main() {
  copyWebviewAssets();
  // The webview front-end is outside the main tsconfig (it needs the DOM lib): type-check it here.
  if (!watch) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'src/webview'], { stdio: 'inherit' });
  const contexts = await Promise.all(
    entries.map((entry) =>
      esbuild.context({
        bundle: true,
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        target: 'node20',
        logLevel: 'warning',
        ...entry,
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}

module.exports = { nodeAlias };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
