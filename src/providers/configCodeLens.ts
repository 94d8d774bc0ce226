/**
 * CodeLens on evaluation files: "▶ Evaluate all" at the top and "▶ Evaluate" above each runnable
 * entry. Entries with errors get no lens; their diagnostics say what to fix.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { defaultFramework } from '../commands/framework';
import type { ConfigEntryArgs } from '../protocol/results';
import type { EvaluationConfigCache } from './configDocuments';

/** Provides the Evaluate lenses of evaluation files. */
export class ConfigCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly cache: EvaluationConfigCache, private readonly log: vscode.LogOutputChannel) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('formulaLens.defaultFramework')) this.changed.fire();
    });
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    let config;
    try {
      config = await this.cache.read(document, defaultFramework());
    } catch (error) {
      this.log.error(`Evaluation file ${document.uri.toString(true)}: reading for CodeLens failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [];
    }
    if (token.isCancellationRequested || config.entries.length === 0) return [];
    const uri = document.uri.toString();
    const top = new vscode.Range(0, 0, 0, 0);
    const all: ConfigEntryArgs = { uri };
    const lenses = [new vscode.CodeLens(top, {
      title: vscode.l10n.t('▶ Evaluate all ({0})', config.entries.length),
      tooltip: vscode.l10n.t('Evaluate every entry of this file and show the results'),
      command: CommandId.RunConfigEntry,
      arguments: [all],
    })];
    for (const entry of config.entries) {
      const line = document.positionAt(entry.range.start).line;
      const args: ConfigEntryArgs = { uri, index: entry.index };
      lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: vscode.l10n.t('▶ Evaluate'),
        tooltip: vscode.l10n.t('Evaluate {0} under {1}', entry.id, entry.framework),
        command: CommandId.RunConfigEntry,
        arguments: [args],
      }));
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
