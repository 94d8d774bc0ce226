/**
 * Problems of training config files as diagnostics at their exact ranges: JSON/YAML syntax errors, the
 * validator's error at the key or value it names (`model.layers[0].activation: unknown activation "rleu"
 * (did you mean relu?)`), and warnings such as a softmax applied twice. Refreshed shortly after each change,
 * removed when the file closes.
 */
import * as vscode from 'vscode';
import { localize } from '../core/l10n';
import type { TrainingFileProblem } from '../core/trainfile/problems';
import { isTrainingConfigDocument, type TrainingConfigCache } from './trainingConfigDocuments';

/** Typing pauses this long before a file is checked again. */
const REFRESH_DELAY_MS = 250;

function toDiagnostic(document: vscode.TextDocument, problem: TrainingFileProblem): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(problem.range.start), document.positionAt(problem.range.end));
  const diagnostic = new vscode.Diagnostic(range, localize(problem.text, problem.args), problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'Formula Lens';
  diagnostic.code = 'training-config';
  return diagnostic;
}

/** Keeps the diagnostics of every open training config file current. */
export class TrainingConfigDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('formulaLens.trainingConfig');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly cache: TrainingConfigCache, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, REFRESH_DELAY_MS)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document.uri);
        this.collection.delete(document.uri);
        this.cache.forget(document.uri);
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** Checks a document now and publishes its problems. */
  async refresh(document: vscode.TextDocument): Promise<void> {
    if (!isTrainingConfigDocument(document) || document.isClosed) return;
    try {
      const check = await this.cache.check(document);
      if (document.isClosed) return;
      this.collection.set(document.uri, check.problems.map((problem) => toDiagnostic(document, problem)));
    } catch (error) {
      // A checker bug must not leave stale diagnostics or reach VS Code's log unhandled.
      this.collection.delete(document.uri);
      this.log.error(`Training config ${document.uri.toString(true)}: checking failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isTrainingConfigDocument(document)) return;
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
