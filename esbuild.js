// Bundles the extension (and, later, one entry per webview) with esbuild.
// `--production` minifies without source maps (what `npm run package` ships); `--watch` rebuilds on change.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Each entry is one bundle: the extension host code, then one per webview. */
const entries = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
];

async function main() {
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
