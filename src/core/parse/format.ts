/**
 * Writes a tensor back as a literal users can paste: JSON, a Python list, NumPy, PyTorch or TF.js.
 * Numbers are the shortest text that reads back to the same float64 (unless a precision is asked),
 * and NaN / ±Infinity / -0 are spelled the way each style reads them back.
 */
import type { Tensor } from '../tensor';

/** The literal styles results can be copied as. */
export type LiteralStyle = 'json' | 'python' | 'numpy' | 'torch' | 'tfjs';

/** Every literal style, in menu order. */
export const LITERAL_STYLES: readonly LiteralStyle[] = ['json', 'python', 'numpy', 'torch', 'tfjs'];

/** Options of `formatLiteral`. */
export interface FormatLiteralOptions {
  /** Significant digits (1-17). Omitted: the shortest text that reads back to the same float64. */
  readonly precision?: number;
  /** Writes an assignment: `name = ...` (Python styles) or `const name = ...;` (tfjs). Ignored for json. */
  readonly name?: string;
  /** One row per line for 2-D tensors with two or more rows (default true). */
  readonly multiline?: boolean;
  /** How json writes NaN and infinities: `"NaN"` strings (default; valid JSON, the project's encoding) or bare `NaN` as Python's json module does. */
  readonly jsonNonFinite?: 'string' | 'bare';
  /** Adds the float64 dtype: torch `dtype=torch.float64` (default true, torch would make float32), numpy `dtype=np.float64` (default false). */
  readonly dtype?: boolean;
}

interface Spelling {
  readonly nan: string;
  readonly inf: string;
  readonly negativeInf: string;
  /** Python floats need a `.0` so `1` stays a float (and torch/numpy keep a float dtype). */
  readonly pythonFloat: boolean;
}

const PYTHON_FLOAT = { pythonFloat: true } as const;

function spellingFor(style: LiteralStyle, options: FormatLiteralOptions): Spelling {
  switch (style) {
    case 'json':
      return options.jsonNonFinite === 'bare'
        ? { nan: 'NaN', inf: 'Infinity', negativeInf: '-Infinity', pythonFloat: false }
        : { nan: '"NaN"', inf: '"Infinity"', negativeInf: '"-Infinity"', pythonFloat: false };
    case 'python':
      return { nan: "float('nan')", inf: "float('inf')", negativeInf: "float('-inf')", ...PYTHON_FLOAT };
    case 'numpy':
      return { nan: 'np.nan', inf: 'np.inf', negativeInf: '-np.inf', ...PYTHON_FLOAT };
    case 'torch':
      return { nan: 'torch.nan', inf: 'torch.inf', negativeInf: '-torch.inf', ...PYTHON_FLOAT };
    case 'tfjs':
      return { nan: 'NaN', inf: 'Infinity', negativeInf: '-Infinity', pythonFloat: false };
  }
}

/** One number in a style. */
export function formatNumber(value: number, style: LiteralStyle, options: FormatLiteralOptions = {}): string {
  return writeNumber(value, spellingFor(style, options), options.precision);
}

function writeNumber(value: number, spelling: Spelling, precision: number | undefined): string {
  if (Number.isNaN(value)) return spelling.nan;
  if (value === Infinity) return spelling.inf;
  if (value === -Infinity) return spelling.negativeInf;
  if (Object.is(value, -0)) return spelling.pythonFloat ? '-0.0' : '-0';
  let rounded = precision === undefined ? value : Number(value.toPrecision(Math.min(17, Math.max(1, Math.round(precision)))));
  // Rounding the largest doubles up can overflow; they keep their exact text instead.
  if (!Number.isFinite(rounded)) rounded = value;
  const text = Object.is(rounded, -0) ? '-0' : String(rounded);
  if (spelling.pythonFloat && text.indexOf('.') < 0 && text.indexOf('e') < 0) return `${text}.0`;
  return text;
}

function writeRow(data: Float64Array, start: number, length: number, spelling: Spelling, precision: number | undefined): string {
  const parts = new Array<string>(length);
  for (let i = 0; i < length; i++) parts[i] = writeNumber(data[start + i]!, spelling, precision);
  return `[${parts.join(', ')}]`;
}

/** The nested-list text of a tensor; `indent` is the column the outer `[` stands at (for aligned rows). */
function writeBody(tensor: Tensor, spelling: Spelling, options: FormatLiteralOptions, indent: number): string {
  const { shape, data } = tensor;
  if (shape.length === 0) return writeNumber(data[0]!, spelling, options.precision);
  if (shape.length === 1) return writeRow(data, 0, shape[0]!, spelling, options.precision);
  const rows = shape[0]!;
  const cols = shape[1]!;
  const rowTexts = new Array<string>(rows);
  for (let r = 0; r < rows; r++) rowTexts[r] = writeRow(data, r * cols, cols, spelling, options.precision);
  const separator = (options.multiline ?? true) && rows > 1 ? `,\n${' '.repeat(indent + 1)}` : ', ';
  return `[${rowTexts.join(separator)}]`;
}

/**
 * Writes a tensor as a literal in a style. 2-D tensors with no rows read back as 1-D except in
 * the tfjs style (`tf.tensor2d([], [0, n])`), since list syntax cannot tell their width.
 */
export function formatLiteral(tensor: Tensor, style: LiteralStyle, options: FormatLiteralOptions = {}): string {
  const spelling = spellingFor(style, options);
  const name = options.name && style !== 'json' ? options.name : undefined;
  const assignment = name ? (style === 'tfjs' ? `const ${name} = ` : `${name} = `) : '';
  const rank = tensor.shape.length;
  let open: string;
  let close: string;
  switch (style) {
    case 'json':
    case 'python':
      open = '';
      close = '';
      break;
    case 'numpy':
      open = 'np.array(';
      close = options.dtype ? ', dtype=np.float64)' : ')';
      break;
    case 'torch':
      open = 'torch.tensor(';
      close = (options.dtype ?? true) ? ', dtype=torch.float64)' : ')';
      break;
    case 'tfjs':
      open = rank === 0 ? 'tf.scalar(' : rank === 1 ? 'tf.tensor1d(' : 'tf.tensor2d(';
      close = rank === 2 && tensor.shape[0] === 0 ? `, [0, ${tensor.shape[1]}])` : ')';
      break;
  }
  const body = writeBody(tensor, spelling, options, assignment.length + open.length);
  return `${assignment}${open}${body}${close}${style === 'tfjs' && name ? ';' : ''}`;
}
