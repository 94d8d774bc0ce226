// Integration tests inside a real VS Code extension host, without downloading VS Code: the VS Code server from
// the `code-server` package runs in smoke-test-driver mode, and a headless Chromium (Debian's, through
// playwright-core) opens a workbench whose URL payload carries extensionDevelopmentPath and extensionTestsPath,
// exactly as @vscode/test-web does. The mocha suites in out/test/integration/ then run in the extension host;
// the page reports their end through window.codeAutomationExit. Exits with the suites' exit code.
// Usage: node scripts/test-integration.mjs [--grep PATTERN]   (run `node scripts/build.mjs` first; npm test does)
import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureVsCodeEnv, prepareRunDirs, repoRoot, EnvError } from './vscode-env.mjs';
import { freePort, startGroup, stopGroup, killGroupNow, waitForHttp, writeQuietSettings } from './vscode-server.mjs';
import { launchChromium } from './browser.mjs';

const TIMEOUT_MS = Number(process.env.FORMULA_LENS_INTEGRATION_TIMEOUT_MS ?? 300_000);
const testsEntry = join(repoRoot, 'out', 'test', 'integration', 'index.js');
const workspace = join(repoRoot, 'examples');
const grepIndex = process.argv.indexOf('--grep');

if (!existsSync(testsEntry)) {
  console.error(`✖ ${testsEntry} is missing: run \`node scripts/build.mjs\` first.`);
  process.exit(1);
}
const suiteFiles = readdirSync(join(repoRoot, 'out', 'test', 'integration')).filter((name) => name.endsWith('.test.js'));
console.log(`integration suites: ${suiteFiles.join(', ')}`);

let vscodeEnv;
try {
  vscodeEnv = ensureVsCodeEnv({ browser: true });
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`✖ ${error.message}`);
  process.exit(1);
}

const dirs = prepareRunDirs('integration');
writeQuietSettings(join(dirs.serverData, 'data'));
writeQuietSettings(dirs.userData);
const reportFile = join(dirs.root, 'report.json');
const serverLog = join(dirs.root, 'server.log');
const port = await freePort();
const env = { ...dirs.env, FORMULA_LENS_TEST_REPORT: reportFile };
if (grepIndex >= 0) env.FORMULA_LENS_TEST_GREP = process.argv[grepIndex + 1];

const started = Date.now();
const server = startGroup(vscodeEnv.node, [
  vscodeEnv.serverMain,
  '--host', '127.0.0.1',
  '--port', String(port),
  '--without-connection-token',
  '--accept-server-license-terms',
  '--server-data-dir', dirs.serverData,
  '--user-data-dir', dirs.userData,
  '--extensions-dir', dirs.extensions,
  '--disable-telemetry',
  '--enable-smoke-test-driver',
], { env, logFile: serverLog });
process.on('exit', () => killGroupNow(server));

let browser;
let exitCode = 1;
const output = [];
try {
  await waitForHttp(`http://127.0.0.1:${port}/version`, { timeoutMs: 60_000, child: server });
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)], ['extensionTestsPath', remote(testsEntry)], ['skipWelcome', 'true']];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  browser = await launchChromium(vscodeEnv.chromium, dirs.tmp);
  const page = await browser.newPage();
  const finished = new Promise((resolveFinished) => {
    page.exposeFunction('codeAutomationExit', (code) => resolveFinished(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (_level, message) => {
    output.push(String(message));
  });
  page.on('pageerror', (error) => output.push(`[page error] ${error.message}`));
  await page.goto(url);
  const timeout = new Promise((resolveTimeout) => setTimeout(() => resolveTimeout('timeout'), TIMEOUT_MS).unref());
  const result = await Promise.race([finished, timeout, server.exited.then(() => 'server-exit')]);
  if (result === 'timeout') console.error(`✖ the suites did not finish within ${TIMEOUT_MS / 1000} s.`);
  else if (result === 'server-exit') console.error('✖ the VS Code server exited during the tests.');
  else exitCode = result;
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : error}`);
} finally {
  await browser?.close().catch(() => undefined);
  await stopGroup(server);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const testOutput = output.filter((line) => !/Extension Gallery|github-authentication|extensions.gallery|marketplace/i.test(line));
if (testOutput.length > 0) {
  mkdirSync(dirs.root, { recursive: true });
  writeFileSync(join(dirs.root, 'output.log'), `${testOutput.join('\n')}\n`);
}
const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
if (!report) {
  console.error(`✖ no test report: the suites never ran. Workbench log: ${join(dirs.root, 'output.log')}, server log: ${serverLog}`);
  console.error(testOutput.slice(-40).join('\n'));
  process.exit(1);
}
console.log(report.output.join('\n'));
console.log(`\nintegration (VS Code server ${vscodeEnv.vscodeVersion}, ${seconds} s):`);
console.log(`${report.passed} passed, ${report.failed} failed, ${report.pending} skipped`);
if (report.passed === 0) {
  console.error('✖ no integration test ran.');
  process.exit(1);
}
process.exit(exitCode === 0 && report.failed === 0 ? 0 : exitCode || 1);
