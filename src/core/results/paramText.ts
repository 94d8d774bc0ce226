/**
 * Parameters as one line of text, `negative_slope=0.2, inplace=False` (plus `reduction=sum` for
 * losses): what the parameter input box shows with the defaults filled in, and reads back as typed.
 */
import { FormulaLensError } from '../l10n';
import { defaultFor, findParamSpec, resolveParams } from '../catalog/params';
import type { CatalogEntry, Framework, ParamSpec, ParamValue, Reduction } from '../catalog/types';
import { semanticsFor } from '../kernels/lossParams';
import { formatNumber } from '../parse/format';
import { resultMessages } from './messages';

/** What a parameter line holds once read. */
export interface ParamTextValues {
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Only for losses, when the line names one. */
  readonly reduction?: Reduction;
}

/**
 * The parameters a user can set for a function under a framework: every spec except those that only
 * another framework has (a loss a profile lacks follows the semantics `semanticsFor` picks).
 */
export function applicableParams(entry: CatalogEntry, framework: Framework): ParamSpec[] {
  const semantics = entry.kind === 'loss' ? semanticsFor(entry.frameworks, framework) : framework;
  return entry.params.filter((spec) => !spec.frameworks || spec.frameworks.includes(semantics) || spec.frameworks.includes(framework));
}

/** Python spelling for torch and Keras (True, None), JavaScript for TF.js (true, null). */
function usesPythonSpelling(framework: Framework): boolean {
  return framework !== 'tfjs';
}

/** One value as the parameter line writes it. */
export function formatParamValue(value: ParamValue, framework: Framework): string {
  const python = usesPythonSpelling(framework);
  if (value === null) return python ? 'None' : 'null';
  if (typeof value === 'boolean') return python ? (value ? 'True' : 'False') : String(value);
  if (typeof value === 'number') return formatNumber(value, 'json', { jsonNonFinite: 'bare' });
  if (typeof value === 'string') return /^[\w.+-]+$/.test(value) ? value : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const items = (value as readonly (number | readonly number[])[]).map((item) => formatParamValue(item, framework));
  return `[${items.join(', ')}]`;
}

/** The line with every applicable parameter at the framework's default, and `reduction=` for losses. */
export function defaultParamText(entry: CatalogEntry, framework: Framework, reduction?: Reduction): string {
  return formatParamText(entry, framework, {}, reduction);
}

/** The line for given values (defaults for the rest); names are canonical. */
export function formatParamText(entry: CatalogEntry, framework: Framework, given: Readonly<Record<string, ParamValue>>, reduction?: Reduction): string {
  const resolved = resolveParams(entry, framework, given);
  const parts = applicableParams(entry, framework).map((spec) => `${spec.name}=${formatParamValue(resolved[spec.name] ?? defaultFor(spec, framework), framework)}`);
  if (entry.kind === 'loss') parts.push(`reduction=${reduction ?? 'mean'}`);
  return parts.join(', ');
}

/** Splits at top-level commas, keeping commas inside brackets and quotes. Returns each piece with its offset. */
function splitTopLevel(text: string): { readonly text: string; readonly offset: number }[] {
  const pieces: { text: string; offset: number }[] = [];
  const stack: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') stack.push(char);
    else if ((char === ']' || char === ')') && stack.length > 0) stack.pop();
    else if (char === ',' && stack.length === 0) {
      pieces.push({ text: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  if (stack.length > 0) throw new FormulaLensError(resultMessages.paramUnclosed, { open: stack[stack.length - 1]! });
  pieces.push({ text: text.slice(start), offset: start });
  return pieces;
}

/** Reads a number list `[1, 2]` or `[[1], [2]]`; undefined when the text is not one. */
function readNumberList(raw: string): ParamValue | undefined {
  const pythonic = raw.replace(/\(/g, '[').replace(/\)/g, ']').replace(/,\s*\]/g, ']');
  try {
    const parsed: unknown = JSON.parse(pythonic);
    if (!Array.isArray(parsed)) return undefined;
    if (parsed.every((item) => typeof item === 'number')) return parsed as number[];
    if (parsed.every((item) => Array.isArray(item) && item.every((inner: unknown) => typeof inner === 'number'))) return parsed as number[][];
  } catch {
    // Not a list of plain numbers: the caller keeps it as text and the parameter check reports it.
  }
  return undefined;
}

/** One value as typed: Python or JS booleans and null, numbers, number lists, quoted or bare text. */
export function parseParamValue(raw: string): ParamValue {
  const text = raw.trim();
  if (text === 'True' || text === 'true') return true;
  if (text === 'False' || text === 'false') return false;
  if (text === 'None' || text === 'null') return null;
  if (text.startsWith('[') || text.startsWith('(')) return readNumberList(text) ?? text;
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) return quoted[2]!.replace(/\\(.)/g, '$1');
  const lowered = text.toLowerCase();
  if (lowered === 'inf' || lowered === 'infinity' || lowered === '+inf') return Infinity;
  if (lowered === '-inf' || lowered === '-infinity') return -Infinity;
  if (lowered === 'nan') return NaN;
  const numeric = Number(text);
  return text !== '' && !Number.isNaN(numeric) ? numeric : text;
}

/**
 * Reads a parameter line for a function under a framework and checks every value against the
 * catalog, so a mistake is reported while typing. An empty line means "all defaults".
 * Throws a localized FormulaLensError naming the parameter to fix.
 */
export function parseParamText(text: string, entry: CatalogEntry, framework: Framework): ParamTextValues {
  const params: Record<string, ParamValue> = {};
  let reduction: Reduction | undefined;
  const applicable = new Set(applicableParams(entry, framework).map((spec) => spec.name));
  for (const piece of splitTopLevel(text)) {
    const segment = piece.text.trim();
    if (segment === '') continue;
    const equals = segment.search(/[=:]/);
    if (equals <= 0) throw new FormulaLensError(resultMessages.paramSegmentNoEquals, { segment });
    const name = segment.slice(0, equals).trim();
    const raw = segment.slice(equals + 1).trim();
    if (raw === '') throw new FormulaLensError(resultMessages.paramEmptyValue, { param: name });
    if (entry.kind === 'loss' && name === 'reduction') {
      const value = parseParamValue(raw);
      if (typeof value !== 'string' || !(entry.reductions as readonly string[]).includes(value)) {
        throw new FormulaLensError(resultMessages.badReduction, { function: entry.id, reduction: String(value), choices: entry.reductions.join(', ') });
      }
      reduction = value as Reduction;
      continue;
    }
    const spec = findParamSpec(entry, name);
    if (spec && !applicable.has(spec.name)) {
      throw new FormulaLensError(resultMessages.paramNotInFramework, { function: entry.id, param: spec.name, framework, frameworks: (spec.frameworks ?? []).join(', ') });
    }
    const key = spec?.name ?? name;
    if (key in params) throw new FormulaLensError(resultMessages.paramRepeated, { param: key });
    params[key] = parseParamValue(raw);
  }
  // resolveParams names unknown parameters and checks types and bounds with the catalog's own messages.
  resolveParams(entry, framework, params);
  return reduction ? { params, reduction } : { params };
}
