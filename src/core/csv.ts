/** CSV text for exported samples: one column per series, numbers in their shortest round-trip form. */

/** Quotes a header cell when it holds a comma, quote or line break (RFC 4180). */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Builds CSV from equally long columns. Numbers keep every digit (`String(v)` round-trips a double);
 * NaN and ±Infinity are written as `NaN`, `Infinity`, `-Infinity`, as in the project's JSON encoding.
 */
export function columnsToCsv(headers: readonly string[], columns: readonly Float64Array[]): string {
  if (headers.length !== columns.length) throw new RangeError(`columnsToCsv: ${headers.length} headers for ${columns.length} columns`);
  const rows = columns.length === 0 ? 0 : columns[0]!.length;
  for (const column of columns) if (column.length !== rows) throw new RangeError('columnsToCsv: columns differ in length');
  const lines = [headers.map(csvCell).join(',')];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c === 0 ? '' : ',') + String(columns[c]![r]);
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}
