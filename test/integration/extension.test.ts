/** The extension loads in a real VS Code, activates on a Python file and registers every declared command. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, manifest, waitFor } from './helpers';

describe('Formula Lens extension', () => {
  it('is installed in the extension host', () => {
    const { publisher, name } = manifest();
    assert.equal(extension().id.toLowerCase(), `${publisher}.${name}`.toLowerCase());
  });

  it('activates when a Python file of the examples workspace is opened', async () => {
    const [python] = await vscode.workspace.findFiles('**/*.py', undefined, 1);
    assert.ok(python, 'examples/ must contain a Python file');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(python));
    assert.equal(editor.document.languageId, 'python');
    await waitFor(() => extension().isActive, 'the extension to activate', 20_000);
  });

  it('registers every command declared in package.json', async () => {
    const declared = (manifest().contributes.commands ?? []).map((entry) => entry.command);
    assert.ok(declared.length > 0, 'package.json declares no command');
    await extension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  it('runs formulaLens.showLog and shows the "Formula Lens" output channel', async () => {
    await vscode.commands.executeCommand('formulaLens.showLog');
    // A shown output channel becomes a text document with the `output` scheme whose name mentions the channel.
    // Its text arrives a moment later than the document: poll for the activation line the extension logs.
    const shown = await waitFor(
      () => vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'output'
        && /Formula/i.test(document.uri.toString()) && /Formula Lens activated/.test(document.getText())),
      'the Formula Lens output channel to show the activation line',
    );
    assert.ok(shown.lineCount >= 1);
  });
});
