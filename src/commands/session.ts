/**
 * The evaluation session of a window: the last results (what the results view and the inline
 * decorations show), where they came from (for insert / replace / reveal), the last message shown,
 * and a JSON snapshot of all of it for tests (`formulaLens.internal.lastResult`).
 */
import * as vscode from 'vscode';
import type { LiteralStyle } from '../core/parse/format';
import type { ResultSection } from '../core/results/model';
import { InlineResults, type InlineItem, type ShownInlineItem } from '../providers/inlineResults';
import { describeFailure } from './userMessage';

/** Where a selection's result may be written back. */
export interface SelectionTarget {
  readonly uri: vscode.Uri;
  /** The document version the result was computed from; edits refuse to apply to another one. */
  readonly version: number;
  /** The evaluated array in the document (what "replace" rewrites). */
  readonly literalRange: vscode.Range;
  /** Style of the evaluated array (`torch.tensor(...)` is replaced by `torch.tensor(...)`). */
  readonly style: LiteralStyle;
  /** "Insert below" writes after this line, with this indentation. */
  readonly lastLine: number;
  readonly indent: string;
  readonly languageId: string;
  /** A variable name to derive the inserted one from (`logits` → `logits_softmax`). */
  readonly baseName?: string;
}

/** Results as published: shown in the view and inline, and acted on by the result commands. */
export interface PublishedResults {
  readonly id: number;
  readonly command: string;
  readonly title: string;
  readonly sections: readonly ResultSection[];
  /** Present when the results came from an editor selection. */
  readonly target?: SelectionTarget;
  /** The document the sections refer to (for reveal). */
  readonly documentUri?: vscode.Uri;
  readonly progressShown: boolean;
  readonly durationMs: number;
}

/** The last message a command showed, for tests. */
export interface ShownMessage {
  readonly severity: 'error' | 'warning' | 'info';
  readonly text: string;
}

/** The view's state, as the session sees it. */
export interface ResultsViewState {
  readonly visible: boolean;
  readonly html: string;
}

/** Something that shows results in a view (the webview panel), loaded on first use. */
export interface ResultsView {
  show(results: PublishedResults): void;
  state(): ResultsViewState | undefined;
}

/**
 * A section as plain JSON: tensors become `{shape, data: number[]}` (flat, row-major) and NaN / ±Infinity
 * become strings, so the snapshot survives any serialization between extension hosts.
 */
function plainSection(section: ResultSection): unknown {
  return JSON.parse(JSON.stringify(section, (_key, value: unknown) => {
    if (value instanceof Float64Array || value instanceof Uint8Array) return Array.from(value);
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    return value;
  })) as unknown;
}

/** One window's evaluation state. */
export class EvaluationSession implements vscode.Disposable {
  readonly inline = new InlineResults();
  private current: PublishedResults | undefined;
  private lastMessage: ShownMessage | undefined;
  private nextId = 1;
  private view: ResultsView | undefined;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    private readonly loadView: () => Promise<ResultsView>,
  ) {}

  /** The results on show, if any. */
  get results(): PublishedResults | undefined {
    return this.current;
  }

  /** Publishes results: the view shows them, and `inline` items replace those of the document. */
  async publish(results: Omit<PublishedResults, 'id'>, inline?: { readonly uri: vscode.Uri; readonly items: readonly InlineItem[] }): Promise<PublishedResults> {
    const published: PublishedResults = { ...results, id: this.nextId++ };
    this.current = published;
    if (inline) this.inline.show(inline.uri, inline.items);
    this.view ??= await this.loadView();
    this.view.show(published);
    this.log.info(`${published.command}: ${published.sections.length} section(s) in ${published.durationMs.toFixed(0)} ms${published.progressShown ? ' (with progress)' : ''}`);
    return published;
  }

  /** Shows a message and remembers it for the snapshot. */
  notify(severity: ShownMessage['severity'], text: string): void {
    this.lastMessage = { severity, text };
    if (severity === 'error') void vscode.window.showErrorMessage(text);
    else if (severity === 'warning') void vscode.window.showWarningMessage(text);
    else vscode.window.setStatusBarMessage(text, 4000);
  }

  /** Reports a command's failure (cancellation is silent; bugs are logged with their stack). */
  report(command: string, error: unknown): void {
    const failure = describeFailure(error);
    if (!failure) {
      this.log.info(`${command}: cancelled`);
      return;
    }
    if (failure.expected) this.log.info(`${command}: ${failure.text}`);
    else this.log.error(`${command} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    this.notify(failure.severity, failure.text);
  }

  /** Forgets the last message (each command run starts clean, so tests read only their own). */
  clearMessage(): void {
    this.lastMessage = undefined;
  }

  /** A JSON snapshot of what is shown, for tests and links. */
  snapshot(): unknown {
    const results = this.current;
    const view = this.view?.state();
    const inline: ShownInlineItem[] = this.inline.shown();
    return {
      results: results ? {
        id: results.id,
        command: results.command,
        title: results.title,
        sections: results.sections.map(plainSection),
        target: results.target ? { uri: results.target.uri.toString(), version: results.target.version, style: results.target.style } : null,
        progressShown: results.progressShown,
        durationMs: results.durationMs,
      } : null,
      inline,
      view: view ?? null,
      message: this.lastMessage ?? null,
    };
  }

  dispose(): void {
    this.inline.dispose();
  }
}
