/**
 * Training config files (`*.fltrain.json|yaml`) in a real extension host: the manifest gives them the training
 * schema, a valid file gets the "Train in Playground" CodeLens (its command opens the Playground), and problems
 * become diagnostics at the exact text they are about, updated as the file is edited. Files are written to a
 * temporary folder, so examples/ stays as it is.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { examplesFolder, extension, manifest, waitFor } from './helpers';

const COMMAND = 'formulaLens.trainInPlayground';

/** Writes a config file into a fresh temporary folder and opens it. */
async function openConfig(name: string, text: string): Promise<vscode.TextEditor> {
  const file = join(mkdtempSync(join(tmpdir(), 'formula-lens-train-')), name);
  writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(document);
}

/** The lenses of a document, once the provider has answered with at least one. */
async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return waitFor(async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const ours = (found ?? []).filter((lens) => lens.range.start.line === 0 && lens.command && (lens.command.command === COMMAND || lens.command.command === ''));
    return ours.length > 0 ? ours : undefined;
  }, `the training CodeLens of ${uri.toString()}`);
}

/** The Formula Lens diagnostics of a document once `ready` accepts them. */
function diagnostics(uri: vscode.Uri, ready: (found: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Formula Lens' && diagnostic.code === 'training-config');
    return ready(found) ? found : undefined;
  }, what);
}

function playgroundTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('formulaLens.playground'));
}

describe('Training config files', () => {
  before(async () => {
    await extension().activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the manifest gives *.fltrain.json and *.fltrain.yaml the training schema, and activates on them', () => {
    const pkg = manifest() as unknown as { activationEvents: string[]; contributes: { jsonValidation: { fileMatch: string[]; url: string }[]; yamlValidation: { fileMatch: string[]; url: string }[]; commands: { command: string }[] } };
    const schemaFor = (list: { fileMatch: string[]; url: string }[], pattern: string) => list.find((entry) => entry.fileMatch.includes(pattern))?.url;
    assert.equal(schemaFor(pkg.contributes.jsonValidation, '*.fltrain.json'), './schemas/training.schema.json');
    assert.equal(schemaFor(pkg.contributes.yamlValidation, '*.fltrain.yaml'), './schemas/training.schema.json');
    assert.ok(pkg.activationEvents.some((event) => event.includes('*.fltrain.')));
    assert.ok(pkg.contributes.commands.some((entry) => entry.command === COMMAND));
  });

  it('the example config gets "▶ Train in Playground" with its URI, and no problems', async () => {
    const uri = vscode.Uri.joinPath(examplesFolder().uri, 'spiral.fltrain.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [lens] = await lenses(uri);
    assert.equal(lens!.command!.command, COMMAND);
    assert.match(lens!.command!.title, /Train in Playground/);
    assert.deepEqual(lens!.command!.arguments, [{ uri: uri.toString() }]);
    assert.match(lens!.command!.tooltip ?? '', /12 tanh → 12 tanh → 1 sigmoid/);
    // Give the checker a moment: a valid file must stay without diagnostics.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'training-config'), []);
  });

  it('a validation error lands on the exact value, the lens says the file has problems, and an edit clears both', async () => {
    const text = 'data:\n  name: spiral\nmodel:\n  layers:\n    - units: 4\n      activation: rleu\nloss: binary_crossentropy\n';
    const editor = await openConfig('typo.fltrain.yaml', text);
    const uri = editor.document.uri;
    const [problem] = await diagnostics(uri, (found) => found.length > 0, 'the activation typo diagnostic');
    assert.equal(problem!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(problem!.range), 'rleu');
    assert.match(problem!.message, /^model\.layers\[0\]\.activation: unknown activation "rleu" \(did you mean relu\?\)/);
    const [broken] = await lenses(uri);
    assert.equal(broken!.command!.command, '', 'an invalid file gets an informational line, not the command');
    assert.match(broken!.command!.title, /1 problem/);
    // The command on an invalid file selects the problem instead of training.
    await vscode.commands.executeCommand(COMMAND, { uri: uri.toString() });
    await waitFor(() => (vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === 'rleu' ? true : undefined), 'the problem to be selected');
    await editor.edit((edit) => edit.replace(problem!.range, 'relu'));
    await diagnostics(uri, (found) => found.length === 0, 'the diagnostics to clear after the fix');
    await waitFor(async () => ((await lenses(uri))[0]!.command!.command === COMMAND ? true : undefined), 'the Train lens after the fix');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('JSON files: an unknown key is marked on the key itself; a syntax error on its position', async () => {
    const text = '{\n  "data": {"name": "circle"},\n  "loss": "binary_crossentropy",\n  "optimiser": {"name": "adam"}\n}\n';
    const editor = await openConfig('key.fltrain.json', text);
    const [problem] = await diagnostics(editor.document.uri, (found) => found.length > 0, 'the unknown key diagnostic');
    assert.equal(editor.document.getText(problem!.range), '"optimiser"');
    assert.match(problem!.message, /optimiser: unknown field \(did you mean optimizer\?\)/);
    const syntax = await openConfig('syntax.fltrain.json', '{\n  "data": {"name": "circle"},,\n  "loss": "mse"\n}\n');
    const [error] = await diagnostics(syntax.document.uri, (found) => found.length > 0, 'the syntax diagnostic');
    assert.equal(error!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(error!.range.start.line, 1);
  });

  it('warnings (a sigmoid output before a loss that applies its own) are warnings at the output activation', async () => {
    const text = 'data: { name: xor }\nloss: binary_crossentropy_with_logits\nmodel:\n  layers: [4]\n  output_activation: sigmoid\n';
    const editor = await openConfig('double.fltrain.yaml', text);
    const [warning] = await diagnostics(editor.document.uri, (found) => found.length > 0, 'the double sigmoid warning');
    assert.equal(warning!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(warning!.range), 'sigmoid');
    const [lens] = await lenses(editor.document.uri);
    assert.equal(lens!.command!.command, COMMAND, 'a file with only warnings can be trained');
  });

  it('"Train in Playground" on a valid file opens the Playground (one panel)', async () => {
    const uri = vscode.Uri.joinPath(examplesFolder().uri, 'spiral.fltrain.yaml');
    await vscode.commands.executeCommand(COMMAND, { uri: uri.toString() });
    await waitFor(() => (playgroundTabs().length === 1 ? true : undefined), 'the Playground tab');
    await vscode.commands.executeCommand(COMMAND, uri);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(playgroundTabs().length, 1);
    await vscode.window.tabGroups.close(playgroundTabs());
  });
});
