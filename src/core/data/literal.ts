/**
 * Array literals selected in an editor as a table: one 2-D literal (a row per point: the features,
 * then the label), or a 2-D literal of points and a 1-D literal of labels of the same length
 * (`X = [[...]]` and `y = [...]`). Rows are tagged with the line they start on, counted from `firstLine`.
 */
import { FormulaLensError } from '../l10n';
import { parseLiterals } from '../parse/literals';
import type { ParsedLiteral } from '../parse/literal';
import type { TextRange } from '../parse/position';
import { dataMessages } from './messages';
import { DATA_LIMITS, LineIndex, uniqueColumnNames, type DataTable, type TableRow } from './table';

/**
 * Start offsets of the innermost bracket groups (groups holding no other group) inside a range: the rows of
 * a nested 2-D literal, in order. Quotes are skipped so brackets inside `dtype="..."` strings do not count.
 */
function innermostGroups(text: string, range: TextRange): number[] {
  const starts: number[] = [];
  const stack: { start: number; nested: boolean }[] = [];
  for (let i = range.start; i < range.end; i++) {
    const char = text[i]!;
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, i + 1);
      i = close < 0 || close >= range.end ? range.end : close;
    } else if (char === '[' || char === '(') {
      if (stack.length > 0) stack[stack.length - 1]!.nested = true;
      stack.push({ start: i, nested: false });
    } else if (char === ']' || char === ')') {
      const group = stack.pop();
      if (group && !group.nested) starts.push(group.start);
    }
  }
  return starts.sort((a, b) => a - b);
}

/** The 1-based line of each of `rows` rows of a literal (all on its first line when the rows cannot be told apart). */
function rowLines(text: string, literal: ParsedLiteral, rows: number, lines: LineIndex, firstLine: number): number[] {
  const groups = innermostGroups(text, literal.range);
  const fallback = lines.lineAt(literal.range.start);
  return Array.from({ length: rows }, (_, r) => firstLine + (groups.length === rows ? lines.lineAt(groups[r]!) : fallback) + 1);
}

/** The name a literal's columns are called by: its own name, else the given default. */
function baseName(literal: ParsedLiteral, fallback: string): string {
  return literal.name && /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(literal.name) ? literal.name : fallback;
}

/**
 * Reads the literals of a selection into a table. `firstLine` is the 0-based line of the selection in its
 * document, so reported lines are the document's. Throws a positioned error for a malformed literal.
 */
export function readLiteralTable(text: string, firstLine = 0): DataTable {
  const literals = parseLiterals(text);
  // One matrix, or one matrix and one list of labels of the same length: anything else is ambiguous.
  const matrix = literals.find((literal) => literal.tensor.shape.length === 2);
  if (!matrix || literals.length > 2) throw new FormulaLensError(dataMessages.literalShape);
  const [rowCount, width] = matrix.tensor.shape as [number, number];
  const labels = literals.find((literal) => literal !== matrix);
  if (labels && !(labels.tensor.shape.length === 1 && labels.tensor.shape[0] === rowCount)) throw new FormulaLensError(dataMessages.literalShape);
  if (rowCount > DATA_LIMITS.rows) throw new FormulaLensError(dataMessages.tooManyRows, { rows: rowCount, max: DATA_LIMITS.rows });
  const columnCount = width + (labels ? 1 : 0);
  if (columnCount > DATA_LIMITS.columns) throw new FormulaLensError(dataMessages.tooManyColumns, { columns: columnCount, max: DATA_LIMITS.columns });
  const lines = rowLines(text, matrix, rowCount, new LineIndex(text), firstLine);
  const matrixName = baseName(matrix, labels ? 'X' : '');
  const columns = Array.from({ length: width }, (_, c) => (matrixName ? `${matrixName}[${c}]` : `#${c + 1}`));
  if (labels) columns.push(baseName(labels, 'y'));
  const data = matrix.tensor.data;
  const rows: TableRow[] = Array.from({ length: rowCount }, (_, r) => {
    const cells: number[] = Array.from(data.subarray(r * width, (r + 1) * width));
    if (labels) cells.push(labels.tensor.data[r]!);
    return { line: lines[r]!, cells };
  });
  return { format: 'literal', columns: uniqueColumnNames(columns), rows, problems: [] };
}
