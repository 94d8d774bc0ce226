/**
 * Section 4b: what activation costs. `require` time of the production extension bundle in fresh
 * processes (with a stub `vscode` module) against a one-line bundle, and the minified and gzip
 * sizes of every bundle. mathjs and chart.js must not be on the activation path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { median } from './harness';

/** Bundles as shipped (minified), built into a scratch folder so dist/ is left alone. */
const BUNDLES = [
  { name: 'extension (activation path)', entry: 'src/extension.ts', platform: 'node' as const, external: ['vscode'] },
  { name: 'lens providers (first hover)', entry: 'src/providers/lensEntry.ts', platform: 'node' as const, external: ['vscode'] },
  { name: 'formula compiler (mathjs subset)', entry: 'src/core/formula/index.ts', platform: 'node' as const, external: [] },
  { name: 'webview', entry: 'webview/main.ts', platform: 'browser' as const, external: [] },
  { name: 'training worker', entry: 'webview/worker.ts', platform: 'browser' as const, external: [] },
  { name: 'cli', entry: 'src/cli.ts', platform: 'node' as const, external: [] },
];

/** Median `require` time in ms of a file over fresh node processes, `vscode` resolved to a stub. */
function requireTime(file: string, runs: number, scratch: string): number {
  const stub = join(scratch, 'vscode-stub.js');
  writeFileSync(stub, 'module.exports = new Proxy({}, { get: () => new Proxy(function () {}, { get: () => () => undefined }) });\n');
  const probe = join(scratch, 'probe.js');
  writeFileSync(probe, [
    "const Module = require('module');",
    'const resolve = Module._resolveFilename;',
    `Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? ${JSON.stringify(stub)} : resolve.call(this, request, ...rest); };`,
    "const { performance } = require('perf_hooks');",
    'const start = performance.now();',
    'require(process.argv[2]);',
    'process.stdout.write(String(performance.now() - start));',
  ].join('\n'));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, [probe, file], { encoding: 'utf8' })));
  return median(times);
}

/** Measures bundle sizes and the extension's require cost. */
export async function measureStartup(quick: boolean): Promise<{ data: unknown; text: string }> {
  const scratch = mkdtempSync(join(tmpdir(), 'formula-lens-bench-'));
  const sizes: { name: string; minifiedKiB: number; gzipKiB: number; containsMathjs: boolean; containsChartJs: boolean }[] = [];
  for (const bundle of BUNDLES) {
    if (!existsSync(bundle.entry)) continue;
    const outfile = join(scratch, `${sizes.length}.js`);
    await esbuild.build({ entryPoints: [bundle.entry], bundle: true, minify: true, platform: bundle.platform, format: bundle.platform === 'node' ? 'cjs' : 'iife', external: bundle.external, outfile, logLevel: 'silent', metafile: false, mainFields: ['module', 'main'] });
    const code = readFileSync(outfile);
    const text = code.toString('utf8');
    sizes.push({ name: bundle.name, minifiedKiB: code.length / 1024, gzipKiB: gzipSync(code).length / 1024, containsMathjs: /mathjs|createUnit/.test(text), containsChartJs: /Chart\.js|chartjs/i.test(text) });
  }
  const floor = join(scratch, 'one-line.js');
  writeFileSync(floor, 'module.exports = 1;\n');
  const runs = quick ? 5 : 15;
  const extension = join(scratch, '0.js');
  const extensionMs = requireTime(extension, runs, scratch);
  const floorMs = requireTime(floor, runs, scratch);
  const data = { requireMs: { extension: extensionMs, oneLineBundle: floorMs, difference: extensionMs - floorMs, targetDifferenceMs: 50, targetMet: extensionMs - floorMs < 50 }, bundles: sizes };
  const lines = ['\n## startup', `require(extension bundle): ${extensionMs.toFixed(1)} ms; one-line bundle: ${floorMs.toFixed(1)} ms; difference ${(extensionMs - floorMs).toFixed(1)} ms (target < 50 ms ${extensionMs - floorMs < 50 ? '✓' : '✗'})`];
  for (const s of sizes) lines.push(`${s.name.padEnd(34)} ${s.minifiedKiB.toFixed(1).padStart(8)} KiB minified ${s.gzipKiB.toFixed(1).padStart(7)} KiB gzip${s.containsMathjs ? '  (mathjs)' : ''}${s.containsChartJs ? '  (chart.js)' : ''}`);
  return { data, text: lines.join('\n') };
}
