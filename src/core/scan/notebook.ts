/**
 * Jupyter notebooks: code cells are scanned together (imports in one cell apply to the next,
 * a model in one cell meets its loss in another) and every range is mapped back to its cell.
 */
import { parse } from 'jsonc-parser';
import { analyzeCode, type CodeAnalysis } from './codeScanner';
import { collectPythonImports } from './imports';
import { shiftRange } from './lineIndex';
import { tokenizePython } from './pythonTokenizer';
import { TokenKind, TokenList } from './tokens';
import type { ImportContext, Mention, MentionArg, NotebookCellInput, NotebookCellScan, NotebookScanResult, ScanOptions, TextRange } from './types';

/** Cell magics whose body is Python; other `%%` cells (bash, html...) are not scanned. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

/** True for a code cell the scanner reads as Python. */
function isPythonCell(cell: NotebookCellInput): boolean {
  if (cell.kind !== 'code' || cell.languageId.toLowerCase() !== 'python') return false;
  const magic = /^\s*%%(\w+)/.exec(cell.text);
  return !magic || PYTHON_CELL_MAGICS.has(magic[1]!);
}

/** Where one cell sits in the concatenated text. */
interface CellPart {
  readonly cell: number;
  readonly offset: number;
  readonly line: number;
  readonly length: number;
}

/** Python code cells joined with newlines, tokenized per cell so one broken cell cannot bleed into the next. */
export interface JoinedCells {
  readonly text: string;
  readonly tokens: TokenList;
  readonly parts: readonly CellPart[];
}

/** Joins the Python code cells of a notebook. */
export function joinCells(cells: readonly NotebookCellInput[]): JoinedCells {
  const parts: CellPart[] = [];
  const texts: string[] = [];
  let offset = 0;
  let line = 0;
  cells.forEach((cell, index) => {
    if (!isPythonCell(cell)) return;
    parts.push({ cell: index, offset, line, length: cell.text.length });
    texts.push(cell.text);
    offset += cell.text.length + 1;
    line += countLines(cell.text);
  });
  const text = texts.join('\n');
  const tokens = new TokenList(text);
  parts.forEach((part, k) => {
    tokens.appendShifted(tokenizePython(texts[k]!), part.offset);
    // Each cell ends its own logical line, whatever its last line held.
    const end = part.offset + part.length;
    if (tokens.length > 0 && tokens.kind(tokens.length - 1) !== TokenKind.Newline) tokens.push(TokenKind.Newline, end, Math.min(end + 1, text.length));
  });
  return { text, tokens, parts };
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lines++;
    }
  }
  return lines;
}

/** The cell part holding an offset of the joined text. */
export function partAt(parts: readonly CellPart[], offset: number): CellPart | undefined {
  let low = 0;
  let high = parts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (parts[mid]!.offset <= offset) low = mid;
    else high = mid - 1;
  }
  return parts[low];
}

/** Maps a range of the joined text to its cell. */
export function toCellRange(range: TextRange, part: CellPart): TextRange {
  return shiftRange(range, -part.offset, -part.line);
}

function toCellMention(mention: Mention, part: CellPart): Mention {
  const map = (range: TextRange): TextRange => toCellRange(range, part);
  const rawArgs = mention.rawArgs?.map((arg): MentionArg => ({ ...arg, range: map(arg.range) }));
  return {
    ...mention,
    range: map(mention.range),
    apiRange: map(mention.apiRange),
    ...(mention.callRange ? { callRange: map(mention.callRange) } : {}),
    ...(rawArgs ? { rawArgs } : {}),
    ...(mention.owner ? { owner: { ...mention.owner, range: map(mention.owner.range), ...(mention.owner.callRange ? { callRange: map(mention.owner.callRange) } : {}) } } : {}),
    cell: part.cell,
  };
}

/** Analyses the joined Python cells of a notebook. */
export function analyzeCells(cells: readonly NotebookCellInput[], options: ScanOptions = {}): { analysis: CodeAnalysis; joined: JoinedCells } {
  const joined = joinCells(cells);
  return { analysis: analyzeCode(joined.text, 'python', options, joined.tokens), joined };
}

/** Scans notebook cells as the host holds them (VS Code gives each cell as its own document). */
export function scanNotebookCells(cells: readonly NotebookCellInput[], options: ScanOptions = {}): NotebookScanResult {
  const { analysis, joined } = analyzeCells(cells, options);
  const byCell = new Map<number, Mention[]>(joined.parts.map((part) => [part.cell, []]));
  const mentions: Mention[] = [];
  for (const mention of analysis.mentions) {
    const part = partAt(joined.parts, mention.range.start);
    if (!part) continue;
    const mapped = toCellMention(mention, part);
    mentions.push(mapped);
    byCell.get(part.cell)!.push(mapped);
  }
  const cellScans: NotebookCellScan[] = joined.parts.map((part) => ({ cell: part.cell, languageId: cells[part.cell]!.languageId, mentions: byCell.get(part.cell)! }));
  return { ...(analysis.framework ? { framework: analysis.framework } : {}), cells: cellScans, mentions };
}

/** Imports of every Python code cell, to pass as `ScanOptions.context` when scanning one cell alone. */
export function notebookContext(cells: readonly NotebookCellInput[]): ImportContext {
  return collectPythonImports(joinCells(cells).tokens);
}

interface RawNotebook {
  readonly cells?: readonly { readonly cell_type?: string; readonly source?: string | readonly string[]; readonly metadata?: { readonly vscode?: { readonly languageId?: string } } }[];
  readonly metadata?: { readonly language_info?: { readonly name?: string }; readonly kernelspec?: { readonly language?: string } };
}

/** The cells of `.ipynb` JSON, in order (markdown and raw cells included, so indices match the notebook). */
export function notebookCells(json: string): NotebookCellInput[] {
  const notebook = parse(json, [], { allowTrailingComma: true }) as RawNotebook | undefined;
  const language = notebook?.metadata?.language_info?.name ?? notebook?.metadata?.kernelspec?.language ?? 'python';
  return (notebook?.cells ?? []).map((cell) => {
    const source = cell.source;
    const text = typeof source === 'string' ? source : Array.isArray(source) ? source.join('') : '';
    const code = cell.cell_type === 'code';
    return { text, kind: code ? 'code' : 'markup', languageId: code ? cell.metadata?.vscode?.languageId ?? language : cell.cell_type ?? 'markdown' };
  });
}

/** Scans a notebook given as `.ipynb` JSON text. */
export function scanNotebook(json: string, options: ScanOptions = {}): NotebookScanResult {
  return scanNotebookCells(notebookCells(json), options);
}
