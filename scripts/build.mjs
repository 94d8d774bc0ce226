// Bundles the extension, the CLI, the benchmark and the unit tests with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Lists *.ts files under a folder, recursively. */
function listTs(dir, suffix = '.ts') {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listTs(full, suffix));
    else if (full.endsWith(suffix)) out.push(full);
  }
  return out;
}

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'es2022' };
// Node bundles prefer a package's ESM build: jsonc-parser's UMD `main` requires its parts through a
// wrapped `require` that esbuild cannot follow, so the bundle would fail at run time.
const nodeMainFields = ['module', 'main'];

/** Every build target; later issues add webview and worker bundles here. */
const contexts = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', mainFields: nodeMainFields, format: 'cjs', external: ['vscode', '*/lensEntry.js'], supported: { 'dynamic-import': false } },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', mainFields: nodeMainFields, format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
];
// The formula lens (hovers, CodeLens, misuse diagnostics) is loaded by the extension on first use: its own
// bundle, kept external above, so the scanner and catalog stay off the activation path.
contexts.push({ ...common, entryPoints: ['src/providers/lensEntry.ts'], outfile: 'dist/lensEntry.js', platform: 'node', mainFields: nodeMainFields, format: 'cjs', external: ['vscode'] });
// The Playground page runs in the browser: chart.js plus the pure core. The formula compiler (with its
// mathjs subset) is a separate bundle the page loads only when a custom formula is first needed.
contexts.push({ ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife' });
if (existsSync('webview/formulaEntry.ts')) {
  contexts.push({ ...common, entryPoints: ['webview/formulaEntry.ts'], outfile: 'dist/formula.js', platform: 'browser', format: 'iife' });
}
// The training worker: one self-contained file (trainer, exporters) that the page fetches and starts from a Blob URL.
contexts.push({ ...common, entryPoints: ['webview/trainingWorker.ts'], outfile: 'dist/worker.js', platform: 'browser', format: 'iife' });
// The formula compiler for the extension host, required only when a custom formula is first used. Its
// mathjs subset is a bundle of its own (kept external here) that the compiler requires on the first compile.
contexts.push(
  { ...common, entryPoints: ['src/core/formula/index.ts'], outfile: 'dist/formulaCompiler.js', platform: 'node', format: 'cjs', external: ['*/mathjsSubset.js'], supported: { 'dynamic-import': false } },
  { ...common, entryPoints: ['src/core/formula/mathjsSubset.ts'], outfile: 'dist/mathjsSubset.js', platform: 'node', format: 'cjs' },
);
if (existsSync('bench/bench.ts')) {
  contexts.push({ ...common, sourcemap: false, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', platform: 'node', format: 'cjs', packages: 'external' });
}
if (!production) {
  const unitTests = listTs('test/unit', '.test.ts');
  if (unitTests.length > 0) {
    rmSync('out/test/unit', { recursive: true, force: true });
    contexts.push({ ...common, entryPoints: unitTests, outdir: 'out/test/unit', outbase: 'test/unit', platform: 'node', format: 'cjs', packages: 'external' });
  }
  const integration = listTs('test/integration');
  if (integration.length > 0) {
    rmSync('out/test/integration', { recursive: true, force: true });
    contexts.push({ ...common, bundle: false, entryPoints: integration, outdir: 'out/test/integration', outbase: 'test/integration', platform: 'node', format: 'cjs' });
  }
  const e2e = listTs('test/e2e');
  if (e2e.length > 0) {
    rmSync('out/test/e2e', { recursive: true, force: true });
    contexts.push({ ...common, bundle: false, entryPoints: e2e, outdir: 'out/test/e2e', outbase: 'test/e2e', platform: 'node', format: 'cjs' });
  }
}

if (watch) {
  for (const options of contexts) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(contexts.map((options) => esbuild.build(options)));
}
