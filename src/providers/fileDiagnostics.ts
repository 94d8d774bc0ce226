/**
 * The shared mechanism behind the diagnostics of our config files (evaluation files, training configs):
 * one collection, a re-read shortly after each change, removal when the file closes, and a reader
 * failure logged instead of leaving stale diagnostics or reaching VS Code's log unhandled.
 */
import * as vscode from 'vscode';
import { localize, type LocalizedText } from '../core/l10n';

/** A problem at an exact offset range of a file. */
export interface FileProblem {
  readonly range: { readonly start: number; readonly end: number };
  readonly severity: 'error' | 'warning';
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
}

/** What one kind of file contributes to the shared mechanism. */
export interface FileDiagnosticsSource<P extends FileProblem> {
  /** Name of the diagnostic collection. */
  readonly collectionName: string;
  /** Typing pauses this long before a file is read again. */
  readonly refreshDelayMs: number;
  /** Settings whose change re-reads every open file (e.g. the default framework). */
  readonly settings?: readonly string[];
  /** Whether a document is a file of this kind. */
  matches(document: vscode.TextDocument): boolean;
  /** Reads a document's problems. */
  problems(document: vscode.TextDocument): Promise<readonly P[]>;
  /** The diagnostic code of a problem. */
  codeOf(problem: P): string;
  /** Drops what was cached for a closed file. */
  forget(uri: vscode.Uri): void;
  /** Log line for a reader failure, e.g. `Evaluation file <uri>: reading failed`. */
  failureLabel(document: vscode.TextDocument): string;
}

/** Keeps the diagnostics of every open file of one kind current. */
export class FileDiagnostics<P extends FileProblem> implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly source: FileDiagnosticsSource<P>, private readonly log: vscode.LogOutputChannel) {
    this.collection = vscode.languages.createDiagnosticCollection(source.collectionName);
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, source.refreshDelayMs)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document.uri);
        this.collection.delete(document.uri);
        source.forget(document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if ((source.settings ?? []).some((setting) => event.affectsConfiguration(setting))) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  /** Reads every open file of this kind again. */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** Reads a document now and publishes its problems. */
  async refresh(document: vscode.TextDocument): Promise<void> {
    if (!this.source.matches(document) || document.isClosed) return;
    try {
      const problems = await this.source.problems(document);
      if (document.isClosed) return;
      this.collection.set(document.uri, problems.map((problem) => this.toDiagnostic(document, problem)));
    } catch (error) {
      this.collection.delete(document.uri);
      this.log.error(`${this.source.failureLabel(document)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private toDiagnostic(document: vscode.TextDocument, problem: P): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(problem.range.start), document.positionAt(problem.range.end));
    const diagnostic = new vscode.Diagnostic(range, localize(problem.text, problem.args), problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'Formula Lens';
    diagnostic.code = this.source.codeOf(problem);
    return diagnostic;
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.source.matches(document)) return;
    this.cancel(document.uri);
    const key = document.uri.toString();
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
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
