// Runs the integration suites (out/test/integration/) in desktop VS Code downloaded by @vscode/test-electron.
// Needs internet access to the VS Code update servers and, on Linux without a display, Xvfb (xvfb-run).
// The same suites run offline through scripts/test-integration.mjs (the VS Code server from code-server).
// Usage: node scripts/test-electron.mjs   (env FORMULA_LENS_VSCODE_VERSION: 'stable' by default, or e.g. 1.95.0)
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot, cacheRoot } from './vscode-env.mjs';

const testsEntry = join(repoRoot, 'out', 'test', 'integration', 'index.js');
if (!existsSync(testsEntry)) {
  console.error(`✖ ${testsEntry} is missing: run \`node scripts/build.mjs\` first.`);
  process.exit(1);
}
const runDir = join(cacheRoot, 'runs', 'electron');
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const reportFile = join(runDir, 'report.json');

let exitCode;
try {
  exitCode = await runTests({
    version: process.env.FORMULA_LENS_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsEntry,
    extensionTestsEnv: { FORMULA_LENS_TEST_REPORT: reportFile },
    launchArgs: [join(repoRoot, 'examples'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
      `--user-data-dir=${join(runDir, 'user-data')}`, `--extensions-dir=${join(runDir, 'extensions')}`],
  });
} catch (error) {
  console.error(`✖ desktop VS Code could not run the suites: ${error instanceof Error ? error.message : error}`);
  console.error('  @vscode/test-electron downloads VS Code from its update servers (internet needed); without them use `npm test -- --only integration`.');
  process.exit(1);
}
const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
if (!report) {
  console.error('✖ no test report: the suites never ran.');
  process.exit(1);
}
console.log(`\nintegration (desktop VS Code):\n${report.passed} passed, ${report.failed} failed, ${report.pending} skipped`);
process.exit(exitCode === 0 && report.failed === 0 && report.passed > 0 ? 0 : 1);
