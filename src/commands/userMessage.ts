/**
 * How evaluation commands fail: an expected problem is a `UserMessage` (already localized, saying what
 * to fix) or a core `FormulaLensError`; anything else is a bug, logged with its stack and reported
 * briefly. Nothing escapes into VS Code's log unhandled.
 */
import * as vscode from 'vscode';
import { FormulaLensError, localize } from '../core/l10n';

/** An expected failure with a localized message; `warning` for "nothing to do here" cases. */
export class UserMessage extends Error {
  constructor(message: string, readonly severity: 'error' | 'warning' = 'error') {
    super(message);
    this.name = 'UserMessage';
  }
}

/** The message and severity to show for a failure, or undefined when the user cancelled. */
export function describeFailure(error: unknown): { readonly severity: 'error' | 'warning'; readonly text: string; readonly expected: boolean } | undefined {
  if (error instanceof vscode.CancellationError) return undefined;
  if (error instanceof UserMessage) return { severity: error.severity, text: error.message, expected: true };
  if (error instanceof FormulaLensError) return { severity: 'error', text: localize(error.text, error.args), expected: true };
  const detail = error instanceof Error ? error.message : String(error);
  return { severity: 'error', text: vscode.l10n.t('Formula Lens hit an unexpected problem: {0}. Details are in the Formula Lens log (Formula Lens: Show Log).', detail), expected: false };
}
