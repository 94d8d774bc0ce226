/**
 * The Playground panel in a real extension host: the command opens one panel per window (a second call
 * re-focuses it), accepts a focus argument and ignores a malformed one, and a serializer for the panel
 * type is registered so VS Code can restore it after a reload.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, manifest, waitFor } from './helpers';

const VIEW_TYPE = 'formulaLens.playground';
const COMMAND = 'formulaLens.openPlayground';

/** Tabs showing the Playground (VS Code prefixes the view type of extension webviews internally). */
function playgroundTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

async function closePlaygrounds(): Promise<void> {
  const tabs = playgroundTabs();
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  await waitFor(() => playgroundTabs().length === 0 || undefined, 'the playground tabs to close');
}

describe('Playground panel', () => {
  before(async () => {
    await extension().activate();
  });
  afterEach(closePlaygrounds);

  it('declares the command and the onWebviewPanel activation event that restores the panel', () => {
    const pkg = manifest();
    assert.ok((pkg.contributes.commands ?? []).some((entry) => entry.command === COMMAND), `${COMMAND} is not contributed`);
    assert.ok((pkg.activationEvents ?? []).includes(`onWebviewPanel:${VIEW_TYPE}`), 'the panel cannot be restored without its activation event');
  });

  it('opens a single panel, even when the command runs twice', async () => {
    await vscode.commands.executeCommand(COMMAND);
    await waitFor(() => playgroundTabs().length === 1 || undefined, 'the playground tab');
    await vscode.commands.executeCommand(COMMAND);
    // Give a wrongly created second panel time to appear before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const tabs = playgroundTabs();
    assert.equal(tabs.length, 1, 'the second invocation must re-focus the panel, not open another');
    assert.equal(tabs[0]!.isActive, true);
  });

  it('opens beside the active editor', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'x = 1\n', language: 'python' });
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand(COMMAND);
    const [tab] = await waitFor(() => (playgroundTabs().length === 1 ? playgroundTabs() : undefined), 'the playground tab');
    assert.notEqual(tab!.group.viewColumn, editor.viewColumn, 'the panel should open in another column than the editor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('accepts a focus argument (as hovers and CodeLens pass it) and still keeps one panel', async () => {
    await vscode.commands.executeCommand(COMMAND, { focus: { kind: 'activation', id: 'leaky_relu', params: { negative_slope: 0.2 }, framework: 'keras' } });
    await waitFor(() => playgroundTabs().length === 1 || undefined, 'the playground tab');
    await vscode.commands.executeCommand(COMMAND, { focus: { kind: 'loss', id: 'nn.BCELoss', framework: 'torch' } });
    assert.equal(playgroundTabs().length, 1);
  });

  it('ignores a malformed argument instead of failing (the panel opens without focus)', async () => {
    await vscode.commands.executeCommand(COMMAND, { focus: { kind: 'activation', id: 42 }, extra: '<script>' });
    await waitFor(() => playgroundTabs().length === 1 || undefined, 'the playground tab');
    await vscode.commands.executeCommand(COMMAND, 'relu');
    assert.equal(playgroundTabs().length, 1);
  });

  it('has a webview panel serializer registered for its view type', () => {
    // The extension registered one at activation, so a second registration for the same view type is refused.
    assert.throws(
      () => vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: async () => undefined }),
      /already registered/i,
    );
  });
});
