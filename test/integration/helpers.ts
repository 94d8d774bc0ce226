/** Helpers shared by the integration suites (they run inside the extension host, next to the real `vscode` API). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** The repository root: this file runs from out/test/integration/. */
export const repoRoot = join(__dirname, '..', '..', '..');

/** The subset of package.json the suites read (commands are never hard-coded in tests). */
export interface Manifest {
  publisher: string;
  name: string;
  activationEvents?: string[];
  contributes: { commands?: { command: string; title: string }[] };
}

/** The extension's package.json, read from disk like VS Code does. */
export function manifest(): Manifest {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/** The extension under test, found by the id in package.json. */
export function extension(): vscode.Extension<unknown> {
  const { publisher, name } = manifest();
  const found = vscode.extensions.getExtension(`${publisher}.${name}`);
  assert.ok(found, `extension ${publisher}.${name} is not loaded in this VS Code`);
  return found;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; never a fixed sleep. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The examples/ workspace folder the tests run in. */
export function examplesFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests must run with the examples/ folder open');
  return folder;
}

/** Opens a file of the examples workspace (path relative to examples/) in an editor. */
export async function openExample(relativePath: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(examplesFolder().uri, relativePath);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}
