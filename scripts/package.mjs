// `npm run package`: production build, then a .vsix with @vscode/vsce (offline; runtime dependencies are
// bundled by esbuild, so --no-dependencies). Writes out/vsix/<name>-<version>.vsix and fails above 2 MB.
// Usage: node scripts/package.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 2 * 1024 * 1024;
const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const vsixPath = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(repoRoot, 'out', 'vsix', `${name}-${version}.vsix`));

/** Runs a step in the repo root; exits naming the step when it fails. */
function step(what, args) {
  console.log(`▶ ${what}`);
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

step('production build', ['scripts/build.mjs', '--production']);
mkdirSync(dirname(vsixPath), { recursive: true });
rmSync(vsixPath, { force: true });
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
step(`vsce package → ${vsixPath}`, [vsce, 'package', '--no-dependencies', '--no-update-package-json', '--out', vsixPath]);

const bytes = statSync(vsixPath).size;
const size = `${(bytes / 1024).toFixed(0)} KiB`;
if (bytes > MAX_BYTES) {
  console.error(`✖ ${vsixPath} is ${size}, over the 2 MB budget: check .vscodeignore (only dist/, media/, l10n/, schemas/ and the manifest belong in it).`);
  process.exit(1);
}
console.log(`✔ ${vsixPath} (${size})`);
