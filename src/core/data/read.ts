/** Picks the reader for a data source: a file by its extension (CSV, TSV, JSON), or a selection of array literals. */
import { readCsv } from './csv';
import { readJsonTable } from './json';
import { readLiteralTable } from './literal';
import type { DataTable } from './table';

/** Where data text comes from. */
export type DataSourceKind = 'file' | 'selection';

/**
 * Reads data text into a table. Files ending in .json/.jsonc are JSON, other files CSV (the separator is
 * detected); a selection holds array literals. `firstLine` (0-based) is where a selection starts in its document.
 */
export function readDataTable(text: string, source: DataSourceKind, name: string, firstLine = 0): DataTable {
  if (source === 'selection') return readLiteralTable(text, firstLine);
  return /\.jsonc?$/i.test(name) ? readJsonTable(text) : readCsv(text);
}
