/**
 * The buttons of the "Get started with Formula Lens" walkthrough (`contributes.walkthroughs`). Each one does
 * its step for the user on an example file: the file of the open workspace when it is the Formula Lens
 * examples/ folder, otherwise a copy shipped in media/walkthrough/samples/, shown as an untitled document
 * (the installed extension has no examples/ folder, and neither its files nor the user's are edited).
 */
import * as vscode from 'vscode';
import type { OpenPlaygroundArgs } from '../protocol/playground';
import { CommandId } from './commandIds';
import type { TrainInPlaygroundArgs } from './trainInPlayground';

/** Command ids of the walkthrough buttons (hidden from the command palette). */
export const WalkthroughCommandId = {
  ApplyActivation: 'formulaLens.walkthrough.applyActivation',
  Hover: 'formulaLens.walkthrough.hover',
  CompareActivations: 'formulaLens.walkthrough.compareActivations',
  Train: 'formulaLens.walkthrough.train',
  Export: 'formulaLens.walkthrough.export',
} as const;

/** An example file and the text the step looks for in it. */
interface Sample {
  /** File name in examples/ and in media/walkthrough/samples/. */
  readonly fileName: string;
  readonly language: string;
  /** Text the file must contain for a workspace file of that name to count as the example. */
  readonly anchor: string;
}

const ARRAYS: Sample = { fileName: 'arrays.py', language: 'python', anchor: 'around_zero = [' };
const KERAS: Sample = { fileName: 'keras_classifier.py', language: 'python', anchor: 'activation="gelu"' };
const SPIRAL: Sample = { fileName: 'spiral.fltrain.yaml', language: 'yaml', anchor: 'name: spiral' };

/** The workspace's copy of an example when the examples folder is open, else undefined. */
async function workspaceExample(sample: Sample): Promise<vscode.TextDocument | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) return undefined;
  const found = await vscode.workspace.findFiles(`**/${sample.fileName}`, '**/node_modules/**', 20);
  for (const uri of found) {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText().includes(sample.anchor)) return document;
  }
  return undefined;
}

/** Shows the example (workspace file or an untitled copy of the shipped sample) in an editor. */
async function showExample(context: vscode.ExtensionContext, sample: Sample): Promise<vscode.TextEditor> {
  let document = await workspaceExample(sample);
  if (!document) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'samples', sample.fileName));
    document = await vscode.workspace.openTextDocument({ language: sample.language, content: new TextDecoder().decode(bytes) });
  }
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** The position just after the first occurrence of `anchor`. */
function positionAfter(document: vscode.TextDocument, anchor: string): vscode.Position {
  const offset = document.getText().indexOf(anchor);
  if (offset < 0) throw new Error(`"${anchor}" is not in ${document.uri.toString(true)}`);
  return document.positionAt(offset + anchor.length);
}

/** The range of the bracketed literal that starts at `start` (an opening `[`), brackets balanced. */
function bracketRange(document: vscode.TextDocument, start: vscode.Position): vscode.Range {
  const text = document.getText();
  const from = document.offsetAt(start) - 1;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return new vscode.Range(document.positionAt(from), document.positionAt(i + 1));
  }
  throw new Error(`unbalanced brackets after line ${start.line + 1}`);
}

/** Step 1: selects the `around_zero` array and applies ReLU to it. */
async function applyActivation(context: vscode.ExtensionContext): Promise<void> {
  const editor = await showExample(context, ARRAYS);
  const range = bracketRange(editor.document, positionAfter(editor.document, ARRAYS.anchor));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand(CommandId.ApplyActivation, { name: 'relu' });
}

/** Step 2: shows the hover of the GELU activation of a Keras layer. */
async function hover(context: vscode.ExtensionContext): Promise<void> {
  const editor = await showExample(context, KERAS);
  // Inside the string "gelu" (after its first letter), where the hover provider answers.
  const position = positionAfter(editor.document, KERAS.anchor).translate(0, -'elu"'.length);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
}

/** Step 3: the Playground's curves with sigmoid and ReLU first (each focus puts its function on top). */
async function compareActivations(): Promise<void> {
  for (const id of ['relu', 'sigmoid']) {
    const args: OpenPlaygroundArgs = { focus: { kind: 'activation', id } };
    await vscode.commands.executeCommand(CommandId.OpenPlayground, args);
  }
}

/** The spiral training configuration: the examples/ copy of the workspace, else the one shipped with the extension. */
async function spiralConfig(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const document = await workspaceExample(SPIRAL);
  return document?.uri ?? vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'samples', SPIRAL.fileName);
}

/** Step 4: the Playground's Training tab trains the spiral configuration live. */
async function train(context: vscode.ExtensionContext): Promise<void> {
  const uri = await spiralConfig(context);
  // "Train in Playground" of training config files (src/providers/trainingConfigFeature.ts).
  const args: TrainInPlaygroundArgs = { uri: uri.toString() };
  await vscode.commands.executeCommand(CommandId.TrainInPlayground, args);
}

/**
 * Step 5: the spiral configuration as a runnable PyTorch script (what the Training tab's Export writes), in a new
 * editor. The exporter loads on first use.
 */
async function exportModel(context: vscode.ExtensionContext): Promise<void> {
  const uri = await spiralConfig(context);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const { parseTrainingConfigText, exportPyTorch } = await import('../core/train/index');
  const script = exportPyTorch(parseTrainingConfigText(text, SPIRAL.fileName));
  const document = await vscode.workspace.openTextDocument({ language: 'python', content: script });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Registers the walkthrough buttons; a failure is logged and shown, never thrown into the walkthrough page. */
export function registerWalkthrough(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const register = (id: string, run: () => Promise<void>) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        await run();
      } catch (error) {
        log.error(`Walkthrough ${id} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Formula Lens: {0}', error instanceof Error ? error.message : String(error)));
      }
    });
  context.subscriptions.push(
    register(WalkthroughCommandId.ApplyActivation, () => applyActivation(context)),
    register(WalkthroughCommandId.Hover, () => hover(context)),
    register(WalkthroughCommandId.CompareActivations, compareActivations),
    register(WalkthroughCommandId.Train, () => train(context)),
    register(WalkthroughCommandId.Export, () => exportModel(context)),
  );
}
