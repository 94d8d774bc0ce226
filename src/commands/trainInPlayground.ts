/**
 * "Train in Playground": reads a training config file (the CodeLens passes its URI; from the palette, the
 * active editor's), and when it is valid opens the Playground on its Training tab and trains it. A file with
 * problems is not trained: the first problem is shown and the cursor put on it.
 */
import * as vscode from 'vscode';
import { localize } from '../core/l10n';
import type { JsonObject } from '../protocol/trainingPanel';
import { isTrainingConfigDocument, type TrainingConfigCache } from '../providers/trainingConfigDocuments';
import { UserMessage } from './userMessage';

/** The command's argument: the config file. */
export interface TrainInPlaygroundArgs {
  readonly uri: string;
}

/** The document the command is about: its argument's, else the active editor's. */
async function documentOf(arg: unknown): Promise<vscode.TextDocument> {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'object' && arg !== null && typeof (arg as { uri?: unknown }).uri === 'string') uri = vscode.Uri.parse((arg as TrainInPlaygroundArgs).uri, true);
  else if (arg !== undefined) throw new UserMessage(vscode.l10n.t('The command argument is not valid. Expected {0}.', '{"uri": "file:///…/run.fltrain.yaml"}'));
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isTrainingConfigDocument(document)) {
    throw new UserMessage(vscode.l10n.t('Open a training config file (*.fltrain.yaml or *.fltrain.json) first. The Playground\'s "Save as config…" writes one.'), 'warning');
  }
  return document;
}

/** Runs the command. */
export async function trainInPlayground(arg: unknown, cache: TrainingConfigCache, context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  const document = await documentOf(arg);
  const check = await cache.check(document);
  if (!check.config) {
    const problem = check.problems.find((item) => item.severity === 'error');
    if (problem) {
      const editor = await vscode.window.showTextDocument(document);
      const start = document.positionAt(problem.range.start);
      editor.selection = new vscode.Selection(start, document.positionAt(problem.range.end));
      editor.revealRange(new vscode.Range(start, start));
    }
    throw new UserMessage(vscode.l10n.t('{0} cannot be trained: {1}', vscode.workspace.asRelativePath(document.uri, false), problem ? localize(problem.text, problem.args) : ''));
  }
  const { toRawConfig } = await import('../core/train/serialize');
  const config = JSON.parse(JSON.stringify(toRawConfig(check.config))) as JsonObject;
  const { PlaygroundPanel } = await import('../panel/playgroundPanel');
  PlaygroundPanel.train(context, log, { type: 'trainConfig', config, source: vscode.workspace.asRelativePath(document.uri, false) });
  log.info(`Playground: training ${document.uri.toString(true)}`);
}
