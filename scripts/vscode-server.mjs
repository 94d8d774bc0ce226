/* global AbortSignal */
// Starting and stopping the VS Code server from the `code-server` package, shared by `npm start` and the
// integration and e2e test scripts. Every server runs in its own process group and is stopped by killing
// the group: killing only the server leaves its extension host running. Node built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { openSync, closeSync, existsSync, readFileSync, readdirSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './vscode-env.mjs';

/** The extension's manifest (publisher, name, version). */
export function manifest() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

/** The folder name VS Code gives an installed copy of this extension: publisher.name-version. */
export function extensionFolderName() {
  const { publisher, name, version } = manifest();
  return `${publisher}.${name}-${version}`;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Spawns a command as the leader of a new process group. Output goes to `logFile` when given
 * (and to the terminal too when `echo`), otherwise it is inherited.
 */
export function startGroup(command, args, { env, cwd = repoRoot, logFile } = {}) {
  let stdio = 'inherit';
  let fd;
  if (logFile) {
    fd = openSync(logFile, 'a');
    stdio = ['ignore', fd, fd];
  }
  const child = spawn(command, args, { cwd, env, stdio, detached: true });
  if (fd !== undefined) closeSync(fd);
  child.exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  return child;
}

/** True while any process of the group still exists. */
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a whole process group: SIGTERM, then SIGKILL after `graceMs` if something is left. */
export async function stopGroup(child, graceMs = 5000) {
  if (!child?.pid) return;
  const pid = child.pid;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await delay(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // exited between the check and the kill
    }
  }
  while (groupAlive(pid) && Date.now() < deadline + 2000) await delay(100);
}

/** Kills a group synchronously: for `process.on('exit')`, where nothing asynchronous runs any more. */
export function killGroupNow(child) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A promise that resolves after `ms` (for polling loops with a deadline, never as a fixed wait for readiness). */
export function delay(ms) {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

/** Polls `url` until it answers 2xx, the child exits, or `timeoutMs` passes. */
export async function waitForHttp(url, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child?.exited.then(() => { exited = true; });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** Links the built extension (repo root) into an extensions folder, so code-server loads it as installed. */
export function linkExtension(extensionsDir) {
  mkdirSync(extensionsDir, { recursive: true });
  const { publisher, name } = manifest();
  const current = extensionFolderName();
  // A link left by an older version would load the extension twice.
  for (const entry of readdirSync(extensionsDir)) {
    if (entry.startsWith(`${publisher}.${name}-`) && entry !== current) rmSync(join(extensionsDir, entry), { recursive: true, force: true });
  }
  const target = join(extensionsDir, current);
  if (!existsSync(target)) symlinkSync(repoRoot, target, 'dir');
  return target;
}

/** Installs a VSIX into an extensions folder with code-server's own installer (the way a user installs it). */
export function installVsix(env, vscodeEnv, vsixPath, { userData, extensions }) {
  const result = spawnSync(vscodeEnv.node, [vscodeEnv.codeServer, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsixPath, '--force'],
    { env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`installing ${vsixPath} into code-server failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout.trim();
}

/** Settings for a clean first run: no welcome page, no parent-git prompt, no chat side bar over the editors. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
};

/** Writes QUIET_SETTINGS as the user settings of `userData`, unless the user already has settings there. */
export function writeQuietSettings(userData, { overwrite = false } = {}) {
  const file = join(userData, 'User', 'settings.json');
  if (existsSync(file) && !overwrite) return;
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(QUIET_SETTINGS, null, 2)}\n`);
}

/** Command-line arguments for code-server serving `workspace` on 127.0.0.1:port without auth. */
export function codeServerArgs(vscodeEnv, { port, userData, extensions, workspace }) {
  return [
    vscodeEnv.codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    workspace,
  ];
}
