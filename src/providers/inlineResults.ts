/**
 * Results shown inline, after the line they belong to: a decoration per item that goes away when its
 * document changes, when the user presses Escape (`formulaLens.hideInlineResults`, bound while the
 * `formulaLens.inlineResultVisible` context key is set) or when newer results replace it.
 */
import * as vscode from 'vscode';

/** The context key the Escape keybinding checks. */
export const INLINE_RESULT_CONTEXT = 'formulaLens.inlineResultVisible';

/** How an inline item reads: a result, a warning about the inputs, or a failure. */
export type InlineTone = 'result' | 'warning' | 'error';

/** One inline text, shown after the end of `line`. */
export interface InlineItem {
  readonly line: number;
  readonly text: string;
  readonly tone: InlineTone;
}

/** What the results snapshot reports for each shown item. */
export interface ShownInlineItem {
  readonly uri: string;
  readonly line: number;
  readonly text: string;
  readonly tone: InlineTone;
}

const TONE_COLORS: Readonly<Record<InlineTone, string>> = {
  result: 'editorCodeLens.foreground',
  warning: 'editorWarning.foreground',
  error: 'editorError.foreground',
};

/** Inline result decorations for every document, re-applied when an editor of the document becomes visible. */
export class InlineResults implements vscode.Disposable {
  private readonly items = new Map<string, readonly InlineItem[]>();
  private readonly types: Readonly<Record<InlineTone, vscode.TextEditorDecorationType>>;
  private readonly disposables: vscode.Disposable[] = [];
  private contextValue = false;

  constructor() {
    const type = (tone: InlineTone) => vscode.window.createTextEditorDecorationType({
      after: { color: new vscode.ThemeColor(TONE_COLORS[tone]), margin: '0 0 0 2em', fontStyle: 'italic' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.types = { result: type('result'), warning: type('warning'), error: type('error') };
    this.disposables.push(
      ...Object.values(this.types),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Results describe the text as it was: any edit makes them stale.
        if (event.contentChanges.length > 0) this.clear(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) this.apply(editor);
      }),
    );
  }

  /** Shows `items` in every editor of the document, replacing what was shown there. */
  show(uri: vscode.Uri, items: readonly InlineItem[]): void {
    if (items.length === 0) this.items.delete(uri.toString());
    else this.items.set(uri.toString(), items);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.apply(editor);
    this.updateContext();
  }

  /** Removes the items of one document, or of every document. */
  clear(uri?: vscode.Uri): void {
    const keys = uri ? [uri.toString()] : [...this.items.keys()];
    let changed = false;
    for (const key of keys) changed = this.items.delete(key) || changed;
    if (!changed) return;
    for (const editor of vscode.window.visibleTextEditors) if (keys.includes(editor.document.uri.toString())) this.apply(editor);
    this.updateContext();
  }

  /** Every item currently shown, for the results snapshot. */
  shown(): ShownInlineItem[] {
    return [...this.items.entries()].flatMap(([uri, items]) => items.map((item) => ({ uri, line: item.line, text: item.text, tone: item.tone })));
  }

  dispose(): void {
    this.items.clear();
    void vscode.commands.executeCommand('setContext', INLINE_RESULT_CONTEXT, false);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private apply(editor: vscode.TextEditor): void {
    const items = this.items.get(editor.document.uri.toString()) ?? [];
    const byTone: Record<InlineTone, vscode.DecorationOptions[]> = { result: [], warning: [], error: [] };
    for (const item of items) {
      if (item.line >= editor.document.lineCount) continue;
      const end = editor.document.lineAt(item.line).range.end;
      byTone[item.tone].push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: item.text } } });
    }
    for (const tone of Object.keys(byTone) as InlineTone[]) editor.setDecorations(this.types[tone], byTone[tone]);
  }

  private updateContext(): void {
    const visible = this.items.size > 0;
    if (visible === this.contextValue) return;
    this.contextValue = visible;
    void vscode.commands.executeCommand('setContext', INLINE_RESULT_CONTEXT, visible);
  }
}
