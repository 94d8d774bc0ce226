/**
 * Reading arrays from the editor: the non-empty selections in document order (several with
 * multi-cursor), or, with nothing selected, the arrays on the cursor's line. Huge selections are
 * refused before they are parsed; parse errors point at the document line and column.
 */
import * as vscode from 'vscode';
import { FormulaLensError, localize } from '../core/l10n';
import type { LiteralSource, ParsedLiteral } from '../core/parse/literal';
import { parseMessages } from '../core/parse/messages';
import { countNumerals } from '../core/results/numerals';
import { resultMessages } from '../core/results/messages';
import type { Tensor } from '../core/tensor';
import { PROGRESS_NUMBERS, withDelayedProgress, type WorkOutcome } from './progress';
import { UserMessage } from './userMessage';

/** Default of `formulaLens.maxSelectionNumbers`. */
export const DEFAULT_MAX_SELECTION_NUMBERS = 1_000_000;

/** A piece of the document to read arrays from. */
export interface TextPiece {
  readonly text: string;
  /** Document offset of the piece's first character. */
  readonly offset: number;
}

/** What the editor offers: the pieces, and whether they are the cursor's line rather than a selection. */
export interface EditorPieces {
  readonly document: vscode.TextDocument;
  readonly pieces: readonly TextPiece[];
  /** True when nothing was selected and the cursor's line is read instead. */
  readonly fromCursorLine: boolean;
  /** Document offset of the cursor (for picking the array under it on the cursor's line). */
  readonly cursorOffset: number;
}

/** An array found in the document. */
export interface FoundArray {
  readonly tensor: Tensor;
  readonly name?: string;
  readonly source: LiteralSource;
  readonly range: vscode.Range;
  /** Index of the piece (selection) it was found in. */
  readonly piece: number;
}

/** The active text editor, or a warning saying what to do. */
export function requireEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new UserMessage(vscode.l10n.t('Open a file and select an array such as [1, 2, 3] first.'), 'warning');
  return editor;
}

/** The selections to read (non-empty ones in document order), or the cursor's line when none is. */
export function editorPieces(editor: vscode.TextEditor): EditorPieces {
  const document = editor.document;
  const selected = editor.selections.filter((selection) => !selection.isEmpty).sort((a, b) => a.start.compareTo(b.start));
  const cursorOffset = document.offsetAt(editor.selection.active);
  if (selected.length > 0) {
    return { document, pieces: selected.map((selection) => ({ text: document.getText(selection), offset: document.offsetAt(selection.start) })), fromCursorLine: false, cursorOffset };
  }
  const line = document.lineAt(editor.selection.active.line);
  return { document, pieces: [{ text: line.text, offset: document.offsetAt(line.range.start) }], fromCursorLine: true, cursorOffset };
}

/** The configured limit of numbers per selection. */
export function maxSelectionNumbers(): number {
  const configured = vscode.workspace.getConfiguration('formulaLens').get<number>('maxSelectionNumbers', DEFAULT_MAX_SELECTION_NUMBERS);
  return Number.isFinite(configured) && configured >= 1 ? Math.floor(configured) : DEFAULT_MAX_SELECTION_NUMBERS;
}

/** Refuses texts holding more numbers than the limit, naming the limit and the setting; returns how many they hold. */
export function checkNumberLimit(texts: readonly string[], limit: number): number {
  let total = 0;
  for (const text of texts) {
    total += countNumerals(text, limit - total);
    if (total > limit) throw new UserMessage(localize(resultMessages.tooManyNumbers, { limit: limit.toLocaleString('en-US') }));
  }
  return total;
}

/** A parse error as "Line 3, column 7: …" in document coordinates. */
function locatedError(document: vscode.TextDocument, piece: TextPiece, error: FormulaLensError): UserMessage {
  const message = localize(error.text, error.args);
  if (!error.position) return new UserMessage(message);
  const position = document.positionAt(piece.offset + error.position.offset);
  return new UserMessage(vscode.l10n.t('Line {0}, column {1}: {2}', position.line + 1, position.character + 1, message));
}

/** A clipboard parse error, said to be from the clipboard. */
function clipboardError(error: FormulaLensError): UserMessage {
  const message = localize(error.text, error.args);
  return new UserMessage(error.position
    ? vscode.l10n.t('Clipboard, line {0}, column {1}: {2}', error.position.line + 1, error.position.column + 1, message)
    : vscode.l10n.t('Clipboard: {0}', message));
}

/** `name = `, `name: Type = `, `"key": ` or `key: ` at the end of the text before a selection. */
const NAME_BEFORE = [
  /(?:^|[^\w.])([A-Za-z_][\w.]*)\s*(?::\s*[^=:]+)?(?<![=!<>])=\s*$/,
  /["']([^"']+)["']\s*:\s*$/,
  /(?:^|[\s{,])([A-Za-z_]\w*)\s*:\s*$/,
];

/** The name a selected literal was assigned to when the selection starts right at the literal. */
function nameBefore(document: vscode.TextDocument, offset: number): string | undefined {
  const position = document.positionAt(offset);
  const prefix = document.lineAt(position.line).text.slice(0, position.character);
  for (const pattern of NAME_BEFORE) {
    const match = pattern.exec(prefix);
    if (match) return match[1];
  }
  return undefined;
}

function toFound(document: vscode.TextDocument, piece: TextPiece, index: number, literal: ParsedLiteral, inferName: boolean): FoundArray {
  const range = new vscode.Range(document.positionAt(piece.offset + literal.range.start), document.positionAt(piece.offset + literal.range.end));
  // A selection of just `[...]` out of `logits = [...]` keeps the name written before it.
  const name = literal.name ?? (inferName ? nameBefore(document, piece.offset + literal.range.start) : undefined);
  return { tensor: literal.tensor, ...(name !== undefined ? { name } : {}), source: literal.source, range, piece: index };
}

/**
 * Every array in the pieces, in order. On the cursor's line, with `underCursor`, only the array the
 * cursor is in (or the nearest after it). Throws a UserMessage saying what to select or fix.
 */
export async function parseArrays(pieces: EditorPieces, options: { readonly underCursor: boolean }): Promise<FoundArray[]> {
  const { parseLiterals } = await import('../core/parse/literals');
  const found: FoundArray[] = [];
  pieces.pieces.forEach((piece, index) => {
    let literals: ParsedLiteral[];
    try {
      literals = parseLiterals(piece.text);
    } catch (error) {
      if (!(error instanceof FormulaLensError)) throw error;
      if (pieces.fromCursorLine && error.text === parseMessages.noLiterals) {
        throw new UserMessage(vscode.l10n.t('Select an array such as [1, 2, 3] (or put the cursor on a line holding one), then run the command again.'), 'warning');
      }
      throw locatedError(pieces.document, piece, error);
    }
    literals.forEach((literal, i) => {
      const startsPiece = i === 0 && piece.text.slice(0, literal.range.start).trim() === '';
      found.push(toFound(pieces.document, piece, index, literal, !pieces.fromCursorLine && startsPiece));
    });
  });
  if (pieces.fromCursorLine && options.underCursor && found.length > 1) {
    const cursor = pieces.document.positionAt(pieces.cursorOffset);
    const chosen = found.find((array) => array.range.end.isAfterOrEqual(cursor)) ?? found[found.length - 1]!;
    return [chosen];
  }
  return found;
}

/**
 * The arrays of the pieces (see `parseArrays`), read under a progress notification when there are many numbers.
 * Counting first refuses a selection over `limit` numbers before any of it is parsed.
 */
export function readArrays(pieces: EditorPieces, limit: number, options: { readonly underCursor: boolean }): Promise<WorkOutcome<FoundArray[]>> {
  return withDelayedProgress(vscode.l10n.t('Formula Lens: reading the selection'), async (steps) => {
    if (checkNumberLimit(pieces.pieces.map((piece) => piece.text), limit) > PROGRESS_NUMBERS) steps.expectLong();
    await steps.step(vscode.l10n.t('Reading the arrays'));
    return parseArrays(pieces, options);
  });
}

/** The arrays the clipboard holds (for a loss's missing input). */
export async function parseClipboard(limit: number): Promise<{ readonly tensor: Tensor; readonly name?: string }[]> {
  const text = await vscode.env.clipboard.readText();
  if (text.trim() === '') throw new UserMessage(vscode.l10n.t('The clipboard is empty: copy an array such as [0.2, 0.7, 0.1] first.'));
  checkNumberLimit([text], limit);
  const { parseLiterals } = await import('../core/parse/literals');
  try {
    return parseLiterals(text).map((literal) => ({ tensor: literal.tensor, ...(literal.name !== undefined ? { name: literal.name } : {}) }));
  } catch (error) {
    if (error instanceof FormulaLensError) throw clipboardError(error);
    throw error;
  }
}

/** The indentation of a line. */
export function indentOf(document: vscode.TextDocument, line: number): string {
  return /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
}
