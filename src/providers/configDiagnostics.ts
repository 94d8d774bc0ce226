/**
 * Problems of evaluation files as diagnostics at their exact ranges (unknown functions, bad shapes
 * or parameters, JSON/YAML syntax errors), refreshed shortly after each change and removed when
 * the file closes. Reading never changes the file.
 */
import * as vscode from 'vscode';
import { localize } from '../core/l10n';
import type { ConfigProblem } from '../core/config/types';
import { defaultFramework } from '../commands/framework';
import { isEvaluationDocument, type EvaluationConfigCache } from './configDocuments';

/** Typing pauses this long before a file is re-read. */
const REFRESH_DELAY_MS = 200;

/** The diagnostic of a problem. */
function toDiagnostic(document: vscode.TextDocument, problem: ConfigProblem): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(problem.range.start), document.positionAt(problem.range.end));
  const diagnostic = new vscode.Diagnostic(range, localize(problem.text, problem.args), problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'Formula Lens';
  diagnostic.code = problem.code;
  return diagnostic;
}

/** Keeps the diagnostics of every open evaluation file current. */
export class ConfigDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('formulaLens.config');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly cache: EvaluationConfigCache, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, REFRESH_DELAY_MS)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document.uri);
        this.collection.delete(document.uri);
        this.cache.forget(document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('formulaLens.defaultFramework')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  /** Re-reads every open evaluation file. */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** Reads a document now and publishes its problems. */
  async refresh(document: vscode.TextDocument): Promise<void> {
    if (!isEvaluationDocument(document) || document.isClosed) return;
    try {
      const config = await this.cache.read(document, defaultFramework());
      if (document.isClosed) return;
      this.collection.set(document.uri, config.problems.map((problem) => toDiagnostic(document, problem)));
    } catch (error) {
      // A reader bug must not leave stale diagnostics or reach VS Code's log unhandled.
      this.collection.delete(document.uri);
      this.log.error(`Evaluation file ${document.uri.toString(true)}: reading failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isEvaluationDocument(document)) return;
    this.cancel(document.uri);
    this.timers.set(document.uri.toString(), setTimeout(() => {
      this.timers.delete(document.uri.toString());
      void this.refresh(document);
    }, delay));
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }
}
