// `npm start`: builds the extension and opens it in VS Code on the examples/ workspace.
// - With a desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> examples/`.
// - Otherwise: the VS Code server from the npm package `code-server` on 127.0.0.1, with the freshly built
//   extension installed; prints the URL, runs until Ctrl-C, then stops every process it started.
// Usage: node scripts/start.mjs [--server] [--port N]
//   --server   use the bundled VS Code server even when a desktop `code` is on PATH
//   --port N   listen on port N (default 8080, or a free port when 8080 is taken; env PORT works too)
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureVsCodeEnv, prepareRunDirs, repoRoot, EnvError } from './vscode-env.mjs';
import { codeServerArgs, freePort, linkExtension, startGroup, stopGroup, killGroupNow, waitForHttp, extensionFolderName, writeQuietSettings } from './vscode-server.mjs';

const workspace = join(repoRoot, 'examples');
const args = process.argv.slice(2);
const forceServer = args.includes('--server') || process.env.FORMULA_LENS_SERVER === '1';
const portIndex = args.indexOf('--port');
const requestedPort = Number(portIndex >= 0 ? args[portIndex + 1] : process.env.PORT ?? 0) || undefined;

/** Runs a step with inherited output; exits naming the step when it fails. */
function step(name, command, commandArgs) {
  console.log(`▶ ${name}`);
  const result = spawnSync(command, commandArgs, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** True when node_modules is missing or older than the lock file (same rule as scripts/test.mjs). */
function needsInstall() {
  const marker = join(repoRoot, 'node_modules/.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(repoRoot, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
}

/** The desktop VS Code launcher, when one is on PATH. */
function desktopCode() {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Port 8080 when free, else any free port, unless the user chose one. */
async function choosePort() {
  if (requestedPort) return requestedPort;
  const probe = await import('node:net').then(({ createServer }) => new Promise((resolveProbe) => {
    const server = createServer();
    server.once('error', () => resolveProbe(false));
    server.listen(8080, '127.0.0.1', () => server.close(() => resolveProbe(true)));
  }));
  return probe ? 8080 : freePort();
}

if (needsInstall()) step('install dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
step('build the extension', process.execPath, ['scripts/build.mjs']);

const code = forceServer ? undefined : desktopCode();
if (code) {
  console.log(`▶ opening desktop VS Code (${code}) with the extension loaded from ${repoRoot}`);
  const result = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

let vscodeEnv;
try {
  vscodeEnv = ensureVsCodeEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`✖ ${error.message}`);
  process.exit(1);
}

// User data persists between starts (settings, open editors); the extension is re-linked every time.
const dirs = prepareRunDirs('start', { fresh: false });
writeQuietSettings(dirs.userData);
linkExtension(dirs.extensions);

const port = await choosePort();
const logFile = join(dirs.root, 'code-server.log');
console.log(`▶ starting VS Code ${vscodeEnv.vscodeVersion} (code-server) with ${extensionFolderName()}; log: ${logFile}`);
const started = Date.now();
const server = startGroup(vscodeEnv.node, codeServerArgs(vscodeEnv, { port, workspace, userData: dirs.userData, extensions: dirs.extensions }),
  { env: dirs.env, logFile });
process.on('exit', () => killGroupNow(server));

let stopping = false;
/** Stops the server's whole process group once, then exits. */
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n▶ ${signal}: stopping VS Code (process group ${server.pid})...`);
  await stopGroup(server);
  console.log('✔ stopped.');
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));

try {
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, { timeoutMs: 60_000, child: server });
} catch (error) {
  console.error(`✖ VS Code did not come up: ${error.message}. See ${logFile}.`);
  await stopGroup(server);
  process.exit(1);
}
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\n✔ VS Code is running (${((Date.now() - started) / 1000).toFixed(1)} s): open ${url}`);
console.log('  The Formula Lens extension is installed from this checkout (re-run `npm start` after changes). Press Ctrl-C to stop.\n');

const { code: exitCode, signal } = await server.exited;
if (!stopping) {
  console.error(`✖ code-server exited on its own (${exitCode ?? signal}). See ${logFile}.`);
  await stopGroup(server);
  process.exit(exitCode || 1);
}
