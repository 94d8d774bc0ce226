/** Training data from the user's own files and selections: CSV, JSON and array literals as tables, then points and labels. */
export { DATA_LIMITS, type Cell, type DataTable, type RowProblem, type TableFormat, type TableRow } from './table';
export { readCsv, detectDelimiter } from './csv';
export { readJsonTable } from './json';
export { readLiteralTable } from './literal';
export { extractData, suggestColumns, type ColumnChoice, type ExtractedData } from './extract';
export { dataMessages } from './messages';
export { readDataTable, type DataSourceKind } from './read';
