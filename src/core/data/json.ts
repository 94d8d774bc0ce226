/**
 * JSON text as a table: a list of row objects (`[{"x": 1, "label": 0}, ...]`), a list of row lists
 * (`[[1, 2, 0], ...]`), or an object of equally long columns (`{"x": [...], "label": [...]}`, where a
 * column of rows such as `"points": [[1, 2], ...]` becomes `points[0]`, `points[1]`). Comments and
 * trailing commas are accepted; every row carries the line it starts on.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { FormulaLensError } from '../l10n';
import { positionAt } from '../parse/position';
import { dataMessages } from './messages';
import { DATA_LIMITS, LineIndex, numberedColumns, uniqueColumnNames, type Cell, type DataTable, type RowProblem, type TableRow } from './table';

/** The plain value of a scalar node; arrays and objects are not cells. */
function cellOf(node: JsonNode): Cell | undefined {
  switch (node.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return node.value as Cell;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

function describeNode(node: JsonNode): string {
  return node.type === 'string' ? JSON.stringify(node.value) : node.type === 'object' ? 'an object' : node.type === 'array' ? 'a list' : String(node.value);
}

function checkSize(rows: number, columns: number): void {
  if (rows > DATA_LIMITS.rows) throw new FormulaLensError(dataMessages.tooManyRows, { rows, max: DATA_LIMITS.rows });
  if (columns > DATA_LIMITS.columns) throw new FormulaLensError(dataMessages.tooManyColumns, { columns, max: DATA_LIMITS.columns });
}

/** `[{...}, {...}]`: columns are the keys in order of first appearance. */
function objectRows(items: readonly JsonNode[], lines: LineIndex): DataTable {
  const columns: string[] = [];
  const index = new Map<string, number>();
  for (const item of items) {
    if (item.type !== 'object') continue;
    for (const property of item.children ?? []) {
      const key = String(property.children?.[0]?.value ?? '');
      if (!index.has(key)) {
        index.set(key, columns.length);
        columns.push(key);
      }
    }
  }
  checkSize(items.length, columns.length);
  const rows: TableRow[] = [];
  const problems: RowProblem[] = [];
  for (const item of items) {
    const line = lines.lineAt(item.offset) + 1;
    if (item.type !== 'object') {
      problems.push({ line, text: dataMessages.rowNotList, args: { actual: describeNode(item) } });
      continue;
    }
    const cells: Cell[] = new Array<Cell>(columns.length).fill(null);
    let nested = false;
    for (const property of item.children ?? []) {
      const key = String(property.children?.[0]?.value ?? '');
      const value = property.children?.[1];
      const cell = value ? cellOf(value) : null;
      if (cell === undefined) nested = true;
      else cells[index.get(key)!] = cell;
    }
    if (nested) problems.push({ line, text: dataMessages.rowNotList, args: { actual: describeNode(item) } });
    else rows.push({ line, cells });
  }
  return { format: 'json', columns: uniqueColumnNames(columns), rows, problems };
}

/** `[[...], [...]]`: columns #1..#n, the width of the first row. */
function listRows(items: readonly JsonNode[], lines: LineIndex): DataTable {
  const width = items.find((item) => item.type === 'array')?.children?.length ?? 0;
  checkSize(items.length, width);
  const rows: TableRow[] = [];
  const problems: RowProblem[] = [];
  for (const item of items) {
    const line = lines.lineAt(item.offset) + 1;
    const children = item.children ?? [];
    const cells = children.map(cellOf);
    if (item.type !== 'array' || cells.some((cell) => cell === undefined)) problems.push({ line, text: dataMessages.rowNotList, args: { actual: describeNode(item) } });
    else if (cells.length !== width) problems.push({ line, text: dataMessages.fieldCount, args: { actual: cells.length, expected: width } });
    else rows.push({ line, cells: cells as Cell[] });
  }
  return { format: 'json', columns: numberedColumns(width), rows, problems };
}

/** `{"x": [...], "y": [...]}`: one column per key (a column of lists becomes one column per position). */
function columnObject(root: JsonNode, text: string, lines: LineIndex): DataTable {
  const columns: string[] = [];
  const sources: { values: JsonNode[]; position: number | null }[] = [];
  let length = -1;
  for (const property of root.children ?? []) {
    const key = String(property.children?.[0]?.value ?? '');
    const value = property.children?.[1];
    if (!value || value.type !== 'array') throw new FormulaLensError(dataMessages.jsonShape);
    const values = value.children ?? [];
    if (length < 0) length = values.length;
    else if (values.length !== length) {
      throw new FormulaLensError(dataMessages.jsonColumnLength, { column: key, actual: values.length, expected: length }, positionAt(text, value.offset), positionAt(text, value.offset + value.length));
    }
    const firstRow = values.find((item) => item.type === 'array');
    if (firstRow) {
      const width = firstRow.children?.length ?? 0;
      for (let c = 0; c < width; c++) {
        columns.push(`${key}[${c}]`);
        sources.push({ values, position: c });
      }
    } else {
      columns.push(key);
      sources.push({ values, position: null });
    }
  }
  if (length < 0) throw new FormulaLensError(dataMessages.jsonShape);
  checkSize(length, columns.length);
  const rows: TableRow[] = [];
  const problems: RowProblem[] = [];
  for (let r = 0; r < length; r++) {
    const line = lines.lineAt(sources[0]!.values[r]!.offset) + 1;
    const cells: Cell[] = [];
    let bad: JsonNode | undefined;
    for (const source of sources) {
      const node = source.values[r]!;
      const target = source.position === null ? node : node.type === 'array' ? node.children?.[source.position] : undefined;
      const cell = target ? cellOf(target) : undefined;
      if (cell === undefined) {
        bad ??= node;
        cells.push(null);
      } else cells.push(cell);
    }
    if (bad) problems.push({ line: lines.lineAt(bad.offset) + 1, text: dataMessages.rowNotList, args: { actual: describeNode(bad) } });
    else rows.push({ line, cells });
  }
  return { format: 'json', columns: uniqueColumnNames(columns), rows, problems };
}

/** Reads JSON text into a table; a syntax error throws with its position. */
export function readJsonTable(text: string): DataTable {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const error = errors[0];
  if (error) throw new FormulaLensError(dataMessages.jsonSyntax, { detail: printParseErrorCode(error.error) }, positionAt(text, error.offset), positionAt(text, error.offset + error.length));
  if (!root) throw new FormulaLensError(dataMessages.empty);
  const lines = new LineIndex(text);
  if (root.type === 'object') return columnObject(root, text, lines);
  if (root.type !== 'array') throw new FormulaLensError(dataMessages.jsonShape);
  const items = root.children ?? [];
  if (items.length === 0) throw new FormulaLensError(dataMessages.empty);
  return items.some((item) => item.type === 'object') ? objectRows(items, lines) : listRows(items, lines);
}
