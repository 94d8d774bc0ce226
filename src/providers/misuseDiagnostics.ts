/**
 * Misuse warnings as diagnostics (source "Formula Lens"): found by the scanner's rules, refreshed a moment
 * after typing stops, removed when a document closes, filtered by `formulaLens.warnings.disabled`. Notebook
 * cells are checked together, so a change in one cell refreshes the warnings of every cell.
 */
import * as vscode from 'vscode';
import { localize } from '../core/l10n';
import type { Misuse, TextRange } from '../core/scan/types';
import { isCodeDocument, type LensScans } from './lensScans';
import type { LensSettings } from './lensSettings';

/** The `source` of every lens diagnostic. */
export const DIAGNOSTIC_SOURCE = 'Formula Lens';
/** Typing pauses this long before a document is checked again. */
export const DIAGNOSTIC_DELAY_MS = 300;

/** A scanner range as a VS Code range (both use 0-based lines and UTF-16 columns). */
export function toRange(range: TextRange): vscode.Range {
  return new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter);
}

/** The diagnostic of a misuse. */
export function toDiagnostic(misuse: Misuse): vscode.Diagnostic {
  const severity = misuse.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(toRange(misuse.range), localize(misuse.message, misuse.args), severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = misuse.code;
  return diagnostic;
}

/** Keeps the misuse diagnostics of open code documents and notebook cells current. */
export class MisuseDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('formulaLens.misuse');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly scans: LensScans,
    private readonly settings: () => LensSettings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, DIAGNOSTIC_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidChangeNotebookDocument((event) => {
        // Imports or a loss in one cell can change what another cell's warnings say.
        for (const cell of event.notebook.getCells()) this.schedule(cell.document, DIAGNOSTIC_DELAY_MS);
      }),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => {
        this.scans.forgetNotebook(notebook);
        for (const cell of notebook.getCells()) this.forget(cell.document);
      }),
    );
  }

  /** Checks every open document again (after a settings change, and once when the feature starts). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** Checks a document now. */
  update(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    if (!isCodeDocument(document)) {
      this.collection.delete(document.uri);
      return;
    }
    try {
      const disabled = this.settings().disabledWarnings;
      const diagnostics = this.scans.misuses(document).filter((misuse) => !disabled.has(misuse.code)).map(toDiagnostic);
      this.collection.set(document.uri, diagnostics);
    } catch (error) {
      this.log.error(`Misuse check failed in ${document.uri.toString(true)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isCodeDocument(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.update(document);
    }, delayMs));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.collection.delete(document.uri);
    this.scans.forget(document);
  }
}
