/**
 * The host's side of the Playground's Training tab: reading a CSV/JSON file of the workspace or the
 * editor's selection as data, saving the tab's configuration as a training config file, opening generated
 * code and weights in untitled editors, and the clipboard. The page cannot do any of these itself.
 */
import * as vscode from 'vscode';
import type { HostToWebviewMessage } from '../protocol/playground';
import { isTrainingConfigFile, TRAINING_PANEL_LIMITS, type TrainingWebviewMessage } from '../protocol/trainingPanel';

/** Data files the file picker lists. */
const DATA_FILES = '**/*.{csv,tsv,txt,json,jsonc}';
const EXCLUDED = '**/{node_modules,.git,.venv,venv,__pycache__,dist,out}/**';
/** Files listed at most. */
const MAX_LISTED = 500;

/** What the handler needs from its panel. */
export interface TrainingHostContext {
  readonly log: vscode.LogOutputChannel;
  /** Posts to the page (dropped once the panel is gone). */
  post(message: HostToWebviewMessage): void;
  /** The text editor the user worked in last (the webview has the focus while its buttons are pressed). */
  lastEditor(): vscode.TextEditor | undefined;
}

/** Handles one Training tab message that passed the protocol guard. */
export async function handleTrainingMessage(message: TrainingWebviewMessage, context: TrainingHostContext): Promise<void> {
  switch (message.type) {
    case 'requestData':
      if (message.source === 'file') await sendDataFile(context);
      else sendSelection(context);
      return;
    case 'saveTrainingConfig':
      await saveConfig(message.config, message.format, message.fileName, context.log);
      return;
    case 'openDocument': {
      const document = await vscode.workspace.openTextDocument({ language: message.language, content: message.content });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
      return;
    }
    case 'copyText':
      await vscode.env.clipboard.writeText(message.text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied to the clipboard'), 4000);
      return;
    default: {
      const unhandled: never = message;
      context.log.warn(`Playground: unhandled training message ${JSON.stringify(unhandled).slice(0, 200)}`);
    }
  }
}

/** Lets the user pick a data file of the workspace (or browse for one) and sends its text. */
async function sendDataFile(context: TrainingHostContext): Promise<void> {
  const files = await vscode.workspace.findFiles(DATA_FILES, EXCLUDED, MAX_LISTED);
  const browse: vscode.QuickPickItem = { label: vscode.l10n.t('Browse…'), description: vscode.l10n.t('Choose a file outside the list') };
  const items: (vscode.QuickPickItem & { uri?: vscode.Uri })[] = [
    ...files
      .filter((uri) => !/\.(fltrain|formulalens)\.jsonc?$|(^|\/)(package(-lock)?|tsconfig|settings|launch|tasks)\.json$/i.test(uri.path))
      .map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    browse,
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('A CSV or JSON file with one row per point (features and a label)'), matchOnDescription: true });
  if (!picked) return;
  let uri = picked.uri;
  if (!uri) {
    const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Data files')]: ['csv', 'tsv', 'txt', 'json', 'jsonc'] }, openLabel: vscode.l10n.t('Use as data') });
    uri = chosen?.[0];
  }
  if (!uri) return;
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > TRAINING_PANEL_LIMITS.dataText) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is {1} MB; data files of up to {2} MB can be used.', vscode.workspace.asRelativePath(uri, false), (stat.size / 1024 / 1024).toFixed(1), TRAINING_PANEL_LIMITS.dataText / 1024 / 1024));
    return;
  }
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  context.log.info(`Playground: read ${uri.toString(true)} as training data (${text.length} characters)`);
  context.post({ type: 'dataText', source: 'file', name: vscode.workspace.asRelativePath(uri, false), text, firstLine: 0 });
}

/** Sends the selection of the last active editor (array literals to read as data). */
function sendSelection(context: TrainingHostContext): void {
  const editor = context.lastEditor();
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Select an array literal in an editor first: one row per point (features, then the label), or X = [[...]] and y = [...].'));
    return;
  }
  const text = editor.document.getText(editor.selection);
  if (text.length > TRAINING_PANEL_LIMITS.dataText) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The selection is too large to use as data.'));
    return;
  }
  const name = editor.document.isUntitled ? editor.document.uri.path : vscode.workspace.asRelativePath(editor.document.uri, false);
  context.post({ type: 'dataText', source: 'selection', name, text, firstLine: editor.selection.start.line });
}

/** Asks where to save, writes the config file and opens it (its CodeLens trains it again). */
async function saveConfig(config: Readonly<Record<string, unknown>>, format: 'yaml' | 'json', fileName: string, log: vscode.LogOutputChannel): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: { [vscode.l10n.t('Training config')]: format === 'json' ? ['json', 'jsonc'] : ['yaml', 'yml'] },
    saveLabel: vscode.l10n.t('Save'),
  });
  if (!target) return;
  const { writeTrainingConfig } = await import('../core/trainfile/write');
  const chosenFormat = /\.jsonc?$/i.test(target.path) ? 'json' : /\.ya?ml$/i.test(target.path) ? 'yaml' : format;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(writeTrainingConfig(config, chosenFormat)));
  log.info(`Playground: saved the training config ${target.toString(true)}`);
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  if (!isTrainingConfigFile(target.path)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}. Name it *.fltrain.yaml or *.fltrain.json to get schema checks and the "Train in Playground" CodeLens.', vscode.workspace.asRelativePath(target, false)));
  }
}
