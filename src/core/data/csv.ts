/**
 * CSV (and semicolon- or tab-separated) text as a table: RFC 4180 quoting, a header row when the first
 * row holds text, blank lines skipped, every row tagged with the line it starts on.
 */
import { FormulaLensError } from '../l10n';
import { dataMessages } from './messages';
import { DATA_LIMITS, numberedColumns, numericValue, uniqueColumnNames, type DataTable, type RowProblem, type TableRow } from './table';

/** One record: its fields and the 1-based line it starts on. */
interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
  readonly unclosed: boolean;
}

/** The separator of the first line: the most frequent of `,`, `;` and tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if ([...counts.values()].some((count) => count > 0)) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** Splits CSV text into records (quoted fields may span lines; `""` is a quote inside quotes). */
function readRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let unclosed = false;
    for (;;) {
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < text.length) {
          const char = text[i]!;
          if (char === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
          field += char;
          i++;
        }
        if (!closed) unclosed = true;
      }
      // Unquoted text (or text after a closing quote) up to the next delimiter or line end.
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      fields.push(field);
      field = '';
      if (i < text.length && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    records.push({ line: startLine, fields, unclosed });
  }
  return records;
}

/** True for a record that is a blank line or a `#` comment. */
function isBlank(record: CsvRecord): boolean {
  if (record.fields.length === 1 && record.fields[0]!.trim() === '') return true;
  return record.fields[0]!.trimStart().startsWith('#') && !record.unclosed;
}

/** Reads CSV text into a table. The first row is the header when any of its cells is not a number. */
export function readCsv(text: string): DataTable {
  const delimiter = detectDelimiter(text);
  const records = readRecords(text, delimiter).filter((record) => !isBlank(record));
  if (records.length === 0) throw new FormulaLensError(dataMessages.empty);
  const first = records[0]!;
  const hasHeader = first.fields.some((field) => field.trim() !== '' && numericValue(field) === undefined);
  const width = first.fields.length;
  if (width > DATA_LIMITS.columns) throw new FormulaLensError(dataMessages.tooManyColumns, { columns: width, max: DATA_LIMITS.columns });
  const body = hasHeader ? records.slice(1) : records;
  if (body.length > DATA_LIMITS.rows) throw new FormulaLensError(dataMessages.tooManyRows, { rows: body.length, max: DATA_LIMITS.rows });
  const rows: TableRow[] = [];
  const problems: RowProblem[] = [];
  for (const record of body) {
    if (record.unclosed) problems.push({ line: record.line, text: dataMessages.unclosedQuote, args: {} });
    else if (record.fields.length !== width) problems.push({ line: record.line, text: dataMessages.fieldCount, args: { actual: record.fields.length, expected: width } });
    else rows.push({ line: record.line, cells: record.fields });
  }
  if (rows.length === 0 && problems.length === 0) throw new FormulaLensError(dataMessages.empty);
  return { format: 'csv', columns: hasHeader ? uniqueColumnNames(first.fields) : numberedColumns(width), rows, problems };
}
