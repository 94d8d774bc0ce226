/**
 * "▶ Train in Playground" above the first line of a training config file. A file with errors gets a line
 * that says so instead (its diagnostics say what to fix); the lens comes back as soon as the file is valid.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { TrainInPlaygroundArgs } from '../commands/trainInPlayground';
import type { TrainingConfigCache } from './trainingConfigDocuments';

/** Provides the training lens of config files. */
export class TrainingConfigCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly cache: TrainingConfigCache, private readonly log: vscode.LogOutputChannel) {
    // Diagnostics of the file change with its text: redraw the lens line with them.
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    let check;
    try {
      check = await this.cache.check(document);
    } catch (error) {
      this.log.error(`Training config ${document.uri.toString(true)}: checking for CodeLens failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [];
    }
    if (token.isCancellationRequested) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    if (!check.config) {
      const errors = check.problems.filter((problem) => problem.severity === 'error').length;
      return [new vscode.CodeLens(top, { title: vscode.l10n.t('Training config with {0} problem(s): fix them to train', errors), command: '' })];
    }
    const config = check.config;
    const args: TrainInPlaygroundArgs = { uri: document.uri.toString() };
    const layers = [...config.model.layers.map((layer) => `${layer.units} ${layer.activation.id}`), `${config.model.outputUnits} ${config.model.outputActivation.id}`].join(' → ');
    return [new vscode.CodeLens(top, {
      title: vscode.l10n.t('▶ Train in Playground'),
      tooltip: vscode.l10n.t('Train {0} with {1} ({2}) in the Playground', layers, config.loss.id, config.optimizer.name),
      command: CommandId.TrainInPlayground,
      arguments: [args],
    })];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
