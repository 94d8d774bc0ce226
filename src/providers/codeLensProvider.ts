/**
 * The formula lens: above each line that mentions activations or losses, one row with the formula of each
 * function on it (`σ(x) = 1 / (1 + e^(−x))`), each clickable to open the Playground on that function with
 * the parameters written in the code. Controlled by `formulaLens.codeLens.mode` and `.maxLines`.
 */
import * as vscode from 'vscode';
import { lensTitle } from '../core/lens/lensTitle';
import { summarizeMention } from '../core/lens/mentionSummary';
import type { Mention } from '../core/scan/types';
import { CommandId } from '../commands/commandIds';
import { playgroundArgs } from './lensLinks';
import type { LensScans } from './lensScans';
import type { LensSettings } from './lensSettings';

/** At most this many functions share one lens row; the hover has the rest. */
export const MAX_LENSES_PER_LINE = 3;

/** Mentions grouped by their first line, one per distinct function and parameters, in document order. */
export function mentionsByLine(mentions: readonly Mention[], lossesOnly: boolean): Map<number, Mention[]> {
  const lines = new Map<number, Mention[]>();
  const seen = new Set<string>();
  for (const mention of mentions) {
    if (lossesOnly && mention.kind !== 'loss') continue;
    const line = mention.range.startLine;
    const key = `${line}|${mention.kind}|${mention.id}|${mention.framework}|${JSON.stringify(mention.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = lines.get(line);
    if (!list) lines.set(line, [mention]);
    else if (list.length < MAX_LENSES_PER_LINE) list.push(mention);
  }
  return lines;
}

/** Provides the formula lenses. */
export class FormulaCodeLensProvider implements vscode.CodeLensProvider {
  constructor(
    private readonly scans: LensScans,
    private readonly settings: () => LensSettings,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const { codeLensMode, codeLensMaxLines } = this.settings();
    if (codeLensMode === 'off') return [];
    // Quiet in large files: the user chose a line limit (0 = none).
    if (codeLensMaxLines > 0 && document.lineCount > codeLensMaxLines) return [];
    try {
      const scan = this.scans.scan(document);
      if (!scan) return [];
      const lenses: vscode.CodeLens[] = [];
      for (const [line, mentions] of mentionsByLine(scan.mentions, codeLensMode === 'losses')) {
        // Every lens of a line starts at the line's start, so VS Code draws them as one row.
        const range = new vscode.Range(line, 0, line, 0);
        for (const mention of mentions) {
          const summary = summarizeMention(mention);
          if (!summary) continue;
          lenses.push(new vscode.CodeLens(range, {
            title: lensTitle(summary.entry, mention.api, mention.framework, summary.params.filter((row) => row.origin === 'code').map((row) => ({ name: row.displayName, value: row.value }))),
            tooltip: vscode.l10n.t('Open {0} in the Formula Lens Playground', mention.api),
            command: CommandId.OpenPlayground,
            arguments: [playgroundArgs(summary)],
          }));
        }
      }
      return lenses;
    } catch (error) {
      this.log.error(`Formula lens failed in ${document.uri.toString(true)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [];
    }
  }
}
