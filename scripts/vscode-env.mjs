// Provides what running the extension in a real VS Code needs, in the git-ignored cache `.cache/vscode-env/`:
// a Node 24 runtime (from the npm registry), the VS Code server shipped in the npm package `code-server`,
// and Debian's Chromium for the browser-driven tests. First use installs (about 3 minutes, ~700 MB);
// later calls only check a marker file. Node built-ins only, so it works before `npm ci`.
// Usage as a script: node scripts/vscode-env.mjs [--browser]   (prints the resolved paths)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Pinned versions: code-server 4.139.1 ships VS Code 1.139.1 and requires Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

/** Where the downloads live; FORMULA_LENS_CACHE lets several clones share one. */
export const cacheRoot = resolve(process.env.FORMULA_LENS_CACHE ?? join(repoRoot, '.cache'));
const envDir = join(cacheRoot, 'vscode-env');
const nodeDir = join(envDir, `node-${NODE_VERSION}`);
const codeServerPrefix = join(envDir, `code-server-${CODE_SERVER_VERSION}`);
const markerFile = join(envDir, 'ready.json');

/** Debian's Chromium, driven by playwright-core (Playwright's own browser download is not reachable here). */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** A failure that names the missing piece and how to get it. */
export class EnvError extends Error {}

/** Prints a progress line for the install steps. */
function progress(message) {
  console.log(`[vscode-env] ${message}`);
}

/** Runs a command with visible output; throws an EnvError naming `what` on failure. */
function run(what, command, args, options = {}) {
  const started = Date.now();
  progress(`${what}...`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new EnvError(`${what} failed (${reason}).`);
  }
  progress(`${what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** True when a Debian package is installed (dpkg knows it as "install ok installed"). */
function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs missing Debian packages when running as root; otherwise explains how to get them. */
export function ensureDebianPackages(packages, why) {
  const missing = packages.filter((name) => !debianPackageInstalled(name));
  if (missing.length === 0) return;
  if (!isRoot) {
    throw new EnvError(`Missing Debian package(s) ${missing.join(', ')} (${why}). Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const noninteractive = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  // Wait for another apt run (an unattended upgrade, a parallel install) instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  run('apt-get update', 'apt-get', [...lock, 'update'], noninteractive);
  run(`apt-get install ${missing.join(' ')} (${why})`, 'apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], noninteractive);
}

/** The Chromium binary for Playwright, installing Debian's package when root. */
export function ensureChromium() {
  const override = process.env.FORMULA_LENS_CHROMIUM;
  if (override) {
    if (!existsSync(override)) throw new EnvError(`FORMULA_LENS_CHROMIUM=${override} does not exist.`);
    return override;
  }
  let found = CHROMIUM_PATHS.find((path) => existsSync(path));
  if (!found) {
    ensureDebianPackages(['chromium'], 'the browser that drives the VS Code tests');
    found = CHROMIUM_PATHS.find((path) => existsSync(path));
  }
  if (!found) throw new EnvError('Chromium not found. Install it (Debian: apt-get install -y chromium) or set FORMULA_LENS_CHROMIUM to a Chromium binary.');
  return found;
}

/**
 * CJK fonts, so screenshots of Chinese pages (test-results/e2e/l10n-zh-cn/) are readable: installed when root,
 * otherwise skipped. Tests read text, never pixels, so a failure here only leaves boxes in the screenshots.
 */
function ensureCjkFonts() {
  if (!isRoot || !existsSync('/usr/bin/apt-get') || debianPackageInstalled('fonts-noto-cjk')) return;
  try {
    ensureDebianPackages(['fonts-noto-cjk'], 'readable Chinese in test screenshots');
  } catch (error) {
    progress(`fonts-noto-cjk not installed (${error instanceof Error ? error.message : error}); Chinese screenshots will show boxes.`);
  }
}

/** Environment with the cached Node 24 first on PATH, so npm scripts and node-gyp use it. */
function node24Env(extra = {}) {
  // Under `npm test` the outer npm (running on the system Node) exports npm_* variables such as
  // npm_node_execpath, which make the inner npm run install scripts with that Node: drop them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE'));
  return { ...inherited, PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/** Unpacks the Node 24 runtime from the npm registry's `node-<platform>-<arch>` package. */
function installNode() {
  const packageName = `node-${process.platform}-${process.arch}`;
  const staging = `${nodeDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  run(`download Node ${NODE_VERSION} (npm pack ${packageName}@${NODE_VERSION})`, 'npm', ['pack', `${packageName}@${NODE_VERSION}`, '--silent', '--pack-destination', staging], { cwd: staging });
  const tarball = readdirSync(staging).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new EnvError(`npm pack ${packageName}@${NODE_VERSION} produced no tarball.`);
  run('unpack Node', 'tar', ['-xzf', tarball, '--strip-components=1'], { cwd: staging });
  rmSync(join(staging, tarball));
  if (!existsSync(join(staging, 'bin', 'node'))) throw new EnvError(`${packageName}@${NODE_VERSION} has no bin/node.`);
  rmSync(nodeDir, { recursive: true, force: true });
  renameSync(staging, nodeDir);
}

/** Installs code-server with Node 24; its native modules build from source against Node 24's headers. */
function installCodeServer() {
  ensureDebianPackages(['libkrb5-dev'], 'headers that code-server\'s kerberos module builds against');
  for (const tool of ['make', 'g++', 'python3']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      throw new EnvError(`${tool} is needed to build code-server's native modules (Debian: apt-get install -y build-essential python3).`);
    }
  }
  const staging = `${codeServerPrefix}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'formula-lens-vscode-env', private: true }));
  run(`install code-server@${CODE_SERVER_VERSION} (about 3 minutes, builds native modules)`, 'npm',
    ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', '--loglevel=error'],
    { cwd: staging, env: node24Env({ npm_config_nodedir: nodeDir }) });
  rmSync(codeServerPrefix, { recursive: true, force: true });
  renameSync(staging, codeServerPrefix);
}

/** Paths of the installed tools. */
function paths() {
  const codeServerRoot = join(codeServerPrefix, 'node_modules', 'code-server');
  return {
    node: join(nodeDir, 'bin', 'node'),
    codeServer: join(codeServerRoot, 'out', 'node', 'entry.js'),
    serverMain: join(codeServerRoot, 'lib', 'vscode', 'out', 'server-main.js'),
    vscodeVersion: JSON.parse(readFileSync(join(codeServerRoot, 'lib', 'vscode', 'package.json'), 'utf8')).version,
  };
}

/** True when a previous run finished installing these exact versions. */
function ready() {
  if (!existsSync(markerFile)) return false;
  try {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    if (marker.node !== NODE_VERSION || marker.codeServer !== CODE_SERVER_VERSION) return false;
    const found = paths();
    return existsSync(found.node) && existsSync(found.codeServer) && existsSync(found.serverMain);
  } catch {
    return false;
  }
}

/**
 * Makes sure the cache holds Node 24 and code-server (and Chromium when `browser`), installing what is missing.
 * Returns { node, codeServer, serverMain, vscodeVersion, chromium? }.
 */
export function ensureVsCodeEnv({ browser = false } = {}) {
  if (!ready()) {
    const started = Date.now();
    progress(`first use: installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${envDir}`);
    mkdirSync(envDir, { recursive: true });
    rmSync(markerFile, { force: true });
    if (!existsSync(join(nodeDir, 'bin', 'node'))) installNode();
    installCodeServer();
    writeFileSync(markerFile, JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }, null, 2));
    progress(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const found = paths();
  if (!browser) return found;
  const chromium = ensureChromium();
  ensureCjkFonts();
  return { ...found, chromium };
}

/**
 * Creates a folder for one run (emptied first unless `fresh` is false) (user data, extensions, XDG dirs, temp) and an environment that keeps
 * VS Code and code-server out of the home folder and /tmp.
 */
export function prepareRunDirs(name, { fresh = true } = {}) {
  // Per checkout, even when the downloads are shared: clones that test at once must not share profiles.
  const root = join(repoRoot, '.cache', 'runs', name);
  if (fresh) rmSync(root, { recursive: true, force: true });
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    serverData: join(root, 'server-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'xdg-config'),
    data: join(root, 'xdg-data'),
    tmp: join(root, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const env = { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, TMPDIR: dirs.tmp };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  return { ...dirs, env };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(JSON.stringify(ensureVsCodeEnv({ browser: process.argv.includes('--browser') }), null, 2));
  } catch (error) {
    console.error(`[vscode-env] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
