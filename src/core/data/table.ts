/**
 * A data table as the import reads it from CSV, JSON or an array literal: named columns, raw cells,
 * and for every row the 1-based line it starts on, so problems can name the line the user sees.
 */
import type { LocalizedText } from '../l10n';

/** Where a table came from. */
export type TableFormat = 'csv' | 'json' | 'literal';

/** A raw cell: text (CSV, JSON strings), a number, a boolean, or nothing. */
export type Cell = string | number | boolean | null;

/** One row of cells, one per column, with its 1-based line in the source. */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly Cell[];
}

/** A problem with one row (it is left out of the rows, or skipped at extraction). */
export interface RowProblem {
  /** 1-based line of the row in its source. */
  readonly line: number;
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
}

/** A table read from text. */
export interface DataTable {
  readonly format: TableFormat;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  /** Rows that could not be read as rows at all (wrong field count, not a list...). */
  readonly problems: readonly RowProblem[];
}

/** Rows and columns one import may hold: enough for any toy problem, small enough to stay responsive. */
export const DATA_LIMITS = { rows: 100_000, columns: 64 } as const;

/** Offsets of line starts, for turning many offsets into line numbers without rescanning the text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The 0-based line of an offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** Column names made unique (a repeated header gets " (2)", " (3)"...) and never empty. */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `#${i + 1}` : raw.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Default names of unnamed columns: #1, #2, ... */
export function numberedColumns(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `#${i + 1}`);
}

/** Reads a cell as a number: numbers as they are, numeric text, booleans as 1/0; undefined when it is not one. */
export function numericValue(cell: Cell): number | undefined {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (cell === null) return undefined;
  const text = cell.trim();
  if (text === '') return undefined;
  // Number('') is 0 and Number('0x1f') is 31: only decimal notation counts as a number in data files.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?(inf|infinity|nan)$/i.test(text)) return undefined;
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (lower === 'nan' || lower === '-nan') return NaN;
  if (lower === 'inf' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  return Number(text);
}

/** True for a cell with no value (null or blank text). */
export function isMissing(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}
