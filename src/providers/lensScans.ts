/**
 * Scans of open documents for the lens features, cached per document version (the scanner's MentionCache):
 * a hover, a CodeLens pass and a diagnostics pass on the same version share one scan. Notebook cells are
 * scanned one by one with the imports of the whole notebook, and their misuses come from one pass over all
 * code cells (a model in one cell meets its loss in another).
 */
import * as vscode from 'vscode';
import type { Framework } from '../core/catalog/types';
import { MentionCache, findNotebookMisuses, languageFamily, notebookContext } from '../core/scan/index';
import type { ImportContext, Misuse, NotebookCellInput, ScanResult } from '../core/scan/types';

/** Documents longer than this are not scanned (minified bundles, data dumps). */
export const MAX_SCAN_CHARACTERS = 2_000_000;

/** The language ids the lens reads (the scanner's, less raw notebook JSON which VS Code shows as cells). */
export const LENS_LANGUAGES = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'json', 'jsonc', 'yaml'] as const;

/** True for documents whose misuses are looked for (code, not configs). */
export function isCodeDocument(document: vscode.TextDocument): boolean {
  const family = languageFamily(document.languageId);
  return family === 'python' || family === 'js';
}

/** One notebook's scanning state, rebuilt when any cell changes. */
interface NotebookState {
  readonly signature: string;
  readonly cells: readonly NotebookCellInput[];
  /** Cell documents in notebook order (markup cells included, so indices match the scanner's). */
  readonly uris: readonly string[];
  readonly contextKey: string;
  readonly cache: MentionCache;
  misuses?: readonly Misuse[];
}

/** The document's length without copying its text. */
function textLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

function contextKey(context: ImportContext): string {
  return JSON.stringify([[...context.aliases].sort(), context.starModules, context.frameworks]);
}

/** The lens's view of documents: their scans and misuses, cached per version. */
export class LensScans {
  private readonly documents: MentionCache;
  private readonly notebooks = new Map<string, NotebookState>();

  constructor(private defaultFramework: Framework) {
    this.documents = new MentionCache({ defaultFramework });
  }

  /** Changes the framework for documents that do not reveal one, forgetting every scan. */
  setDefaultFramework(framework: Framework): void {
    if (framework === this.defaultFramework) return;
    this.defaultFramework = framework;
    this.documents.setOptions({ defaultFramework: framework });
    this.notebooks.clear();
  }

  /** True when the lens reads this document at all. */
  accepts(document: vscode.TextDocument): boolean {
    return (LENS_LANGUAGES as readonly string[]).includes(document.languageId) && textLength(document) <= MAX_SCAN_CHARACTERS;
  }

  /** The scan of a document at its current version, or undefined when the lens does not read it. */
  scan(document: vscode.TextDocument): ScanResult | undefined {
    if (!this.accepts(document)) return undefined;
    const key = document.uri.toString();
    const notebook = this.notebookOf(document);
    if (notebook) return notebook.cache.get(key, document.version, document.getText(), document.languageId);
    return this.documents.get(key, document.version, document.getText(), document.languageId);
  }

  /** The misuses of a code document (cell-relative for notebook cells), or none. */
  misuses(document: vscode.TextDocument): readonly Misuse[] {
    if (!this.accepts(document) || !isCodeDocument(document)) return [];
    const key = document.uri.toString();
    const notebook = this.notebookOf(document);
    if (notebook) {
      notebook.misuses ??= findNotebookMisuses(notebook.cells, { defaultFramework: this.defaultFramework });
      const index = notebook.uris.indexOf(key);
      return notebook.misuses.filter((misuse) => misuse.cell === index);
    }
    return this.documents.misuses(key, document.version, document.getText(), document.languageId);
  }

  /** Forgets a closed document. */
  forget(document: vscode.TextDocument): void {
    this.documents.delete(document.uri.toString());
  }

  /** Forgets a closed notebook. */
  forgetNotebook(notebook: vscode.NotebookDocument): void {
    this.notebooks.delete(notebook.uri.toString());
  }

  /** The notebook a cell document belongs to, with its state brought up to date; undefined for other documents. */
  private notebookOf(document: vscode.TextDocument): NotebookState | undefined {
    if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
    const key = document.uri.toString();
    const notebook = vscode.workspace.notebookDocuments.find((candidate) => candidate.getCells().some((cell) => cell.document.uri.toString() === key));
    if (!notebook) return undefined;
    const cells = notebook.getCells();
    const signature = cells.map((cell) => `${cell.document.uri.toString()}@${cell.document.version}:${cell.kind}:${cell.document.languageId}`).join('|');
    const id = notebook.uri.toString();
    const previous = this.notebooks.get(id);
    if (previous?.signature === signature) return previous;
    const inputs: NotebookCellInput[] = cells.map((cell) => ({
      text: cell.document.getText(),
      languageId: cell.document.languageId,
      kind: cell.kind === vscode.NotebookCellKind.Code ? 'code' : 'markup',
    }));
    const context = notebookContext(inputs);
    const keyOfContext = contextKey(context);
    // Cells keep their cached scans while the notebook's imports stay the same.
    let cache = previous?.cache;
    if (!cache || previous?.contextKey !== keyOfContext) cache = new MentionCache({ defaultFramework: this.defaultFramework, context });
    const state: NotebookState = { signature, cells: inputs, uris: cells.map((cell) => cell.document.uri.toString()), contextKey: keyOfContext, cache };
    this.notebooks.set(id, state);
    return state;
  }
}
