// The one test command (`npm test`). Works as the first command on a fresh clone:
// it installs dependencies when node_modules is missing or stale, builds, type-checks,
// lints, then runs each test layer and reports which ones ran.
// Usage: node scripts/test.mjs [--only unit|integration|e2e|static]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;

/** Runs a command with inherited output and exits on failure, naming the step. */
function run(step, command, args, options = {}) {
  console.log(`\n▶ ${step}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✖ ${step} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/**
 * True when node_modules is missing or does not hold the versions package-lock.json asks for. Compares contents
 * (npm's own record of what it installed, node_modules/.package-lock.json) rather than modification times: a git
 * checkout gives the lock file a new time without changing what it asks for.
 */
function needsInstall() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return true;
  const wanted = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(marker, 'utf8')).packages ?? {};
  return Object.entries(wanted).some(([path, entry]) =>
    path !== '' && !entry.optional && !entry.peer && installed[path]?.version !== entry.version);
}

if (needsInstall()) {
  run('install dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);
}

const node = process.execPath;
run('build', node, ['scripts/build.mjs']);
if (!only || only === 'static') {
  run('typecheck', node, ['scripts/typecheck.mjs']);
  run('lint', node, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings', '0']);
}
if (!only || only === 'unit') {
  run('unit tests', node, ['--test', '--test-reporter=spec', 'out/test/unit/']);
}
// The real-VS-Code layers (integration, e2e) are driven by their own scripts when present.
for (const layer of ['integration', 'e2e']) {
  if (only && only !== layer) continue;
  const script = `scripts/test-${layer}.mjs`;
  if (existsSync(script)) run(`${layer} tests`, node, [script]);
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
console.log(`\n✔ ${pkg.name}: all requested test layers passed.`);
