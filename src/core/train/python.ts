/** Writing Python source: literals (numbers round-trip exactly), keyword arguments and wrapped arrays. */

/** Python source to insert as is (an expression such as `torch.tensor([1.0])`). */
export interface PythonCode {
  readonly python: string;
}

/** Marks text as Python source for `pythonLiteral` and `keywordArguments`. */
export function code(python: string): PythonCode {
  return { python };
}

function isCode(value: unknown): value is PythonCode {
  return typeof value === 'object' && value !== null && typeof (value as PythonCode).python === 'string';
}

/** A Python literal for a JSON-like value: shortest round-trip floats, True/False/None, quoted strings, lists. */
export function pythonLiteral(value: unknown): string {
  if (isCode(value)) return value.python;
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
    // Integral floats keep a decimal point so torch/numpy infer float64.
    return Number.isInteger(value) && Math.abs(value) < 1e16 ? `${value}.0` : String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  return JSON.stringify(value);
}

/** An integer literal (class indices, sizes). */
export function pythonInt(value: number): string {
  return String(Math.trunc(value));
}

/** `name=value` pairs, skipping undefined values. */
export function keywordArguments(args: Readonly<Record<string, unknown>>): string {
  return Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${pythonLiteral(value)}`)
    .join(', ');
}

/** A 2-D (or 1-D) array literal with one row per line, indented under an assignment. */
export function pythonArray(rows: readonly (number | readonly number[])[], indent = '    ', integer = false): string {
  const format = (v: number) => (integer ? pythonInt(v) : pythonLiteral(v));
  if (rows.length === 0) return '[]';
  if (rows.every((row) => typeof row === 'number')) {
    const values = (rows as number[]).map(format);
    const lines: string[] = [];
    for (let i = 0; i < values.length; i += 8) lines.push(`${indent}${values.slice(i, i + 8).join(', ')},`);
    return `[\n${lines.join('\n')}\n]`;
  }
  return `[\n${rows.map((row) => `${indent}[${(row as number[]).map(format).join(', ')}],`).join('\n')}\n]`;
}

/** Splits a flat row-major buffer into rows of `width` values (a single value per row when width is 1 and `flat`). */
export function rowsOf(values: Float64Array, width: number, flat: boolean): (number | number[])[] {
  const rows: (number | number[])[] = [];
  for (let i = 0; i < values.length; i += width) rows.push(flat && width === 1 ? values[i]! : Array.from(values.subarray(i, i + width)));
  return rows;
}
