/** Quick fixes for misuse warnings: one preferred edit each, applied as a single undoable WorkspaceEdit. */
import * as vscode from 'vscode';
import { localize } from '../core/l10n';
import type { Misuse } from '../core/scan/types';
import { DIAGNOSTIC_SOURCE, toRange } from './misuseDiagnostics';
import type { LensScans } from './lensScans';
import type { LensSettings } from './lensSettings';

/** Provides the quick fixes of the misuses under the cursor or selection. */
export class MisuseCodeActionProvider implements vscode.CodeActionProvider {
  constructor(
    private readonly scans: LensScans,
    private readonly settings: () => LensSettings,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    try {
      const disabled = this.settings().disabledWarnings;
      const actions: vscode.CodeAction[] = [];
      for (const misuse of this.scans.misuses(document)) {
        if (!misuse.fix || disabled.has(misuse.code)) continue;
        const misuseRange = toRange(misuse.range);
        if (!misuseRange.intersection(range)) continue;
        actions.push(this.actionFor(document, misuse, misuseRange, context));
      }
      return actions;
    } catch (error) {
      this.log.error(`Quick fixes failed in ${document.uri.toString(true)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [];
    }
  }

  private actionFor(document: vscode.TextDocument, misuse: Misuse, misuseRange: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction {
    const fix = misuse.fix!;
    const action = new vscode.CodeAction(localize(fix.title, misuse.args), vscode.CodeActionKind.QuickFix);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, toRange(fix.range), fix.newText);
    action.edit = edit;
    action.isPreferred = true;
    action.diagnostics = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === misuse.code && diagnostic.range.isEqual(misuseRange));
    return action;
  }
}
