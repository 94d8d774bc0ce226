/** Plain-text tables and numbers for the terminal. */

/** A number for humans: up to 10 significant digits, NaN/±Infinity spelled out, -0 kept. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e10)) return value.toExponential(6).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(10)));
}

/** Display width of a string, counting CJK characters as two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** Renders rows as an aligned table; numeric-looking cells are right-aligned. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[c] ?? ''))));
  const pad = (cell: string, c: number, right: boolean) => {
    const space = ' '.repeat(widths[c]! - displayWidth(cell));
    return right ? space + cell : cell + space;
  };
  const isNumeric = (cell: string) => /^[-+]?(\d|NaN|Infinity)/.test(cell);
  const line = (cells: readonly string[]) => cells.map((cell, c) => pad(cell, c, isNumeric(cell))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Key/value lines with aligned keys. */
export function renderFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(...fields.map(([key]) => displayWidth(key)));
  return fields.map(([key, value]) => `${key}${' '.repeat(width - displayWidth(key))}  ${value}`).join('\n');
}
