/**
 * Reading configuration objects field by field: paths to every value, errors that start with the
 * path, number/boolean/list readers, and unknown-field detection with a suggestion.
 */
import { FormulaLensError, localize, type LocalizedText, type TextPosition } from '../l10n';
import { trainMessages } from './messages';
import { editDistance } from '../text/editDistance';

/** One step of a path into the configuration: an object key or a list index. */
export type PathSegment = string | number;

/** Formats `['model', 'layers', 1, 'activation']` as `model.layers[1].activation`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** A configuration error that knows which field it is about. */
export class TrainingConfigError extends FormulaLensError {
  /** The path as text (`optimizer.lr`); empty for the whole configuration. */
  readonly path: string;
  constructor(readonly segments: readonly PathSegment[], text: LocalizedText, args: Readonly<Record<string, string | number>> = {}, position?: TextPosition, endPosition?: TextPosition) {
    const path = formatPath(segments);
    super(text, { ...args, path: path || localize(trainMessages.rootPath, undefined, 'en') }, position, endPosition);
    this.path = path;
  }

  /** The same error pointing at a place in the configuration text. */
  at(position: TextPosition, endPosition?: TextPosition): TrainingConfigError {
    return new TrainingConfigError(this.segments, this.text, this.args, position, endPosition);
  }
}

/** A short description of a value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return value.length > 6 ? `a list of ${value.length}` : JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** Throws a configuration error at a path. */
export function fail(path: readonly PathSegment[], text: LocalizedText, args: Readonly<Record<string, string | number>> = {}): never {
  throw new TrainingConfigError(path, text, args);
}

/** Re-raises a catalog error (parameter checks, framework names) under a path, in both languages. */
export function rethrowAt(path: readonly PathSegment[], error: unknown): never {
  if (error instanceof FormulaLensError && !(error instanceof TrainingConfigError)) {
    const text: LocalizedText = {
      en: `{path}: ${localize(error.text, error.args, 'en')}`,
      'zh-cn': `{path}：${localize(error.text, error.args, 'zh-cn')}`,
    };
    throw new TrainingConfigError(path, text);
  }
  throw error;
}

/** Field names are matched case- and style-insensitively: `batchSize`, `batch-size` and `batch_size` meet. */
export function normalizeKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
}

/** The candidate nearest to a misspelled name, when it is near enough to be a plausible typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** An object's fields, read once each; whatever is left unread is an unknown field. */
export class Fields {
  private readonly keys = new Map<string, string>();
  private readonly read = new Set<string>();
  constructor(readonly source: Readonly<Record<string, unknown>>, readonly path: readonly PathSegment[]) {
    for (const key of Object.keys(source)) this.keys.set(normalizeKey(key), key);
  }

  static of(value: unknown, path: readonly PathSegment[]): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, trainMessages.notObject, { actual: describe(value) });
    return new Fields(value as Record<string, unknown>, path);
  }

  /** The value under the first of `names` present (canonical name first), with its path. */
  take(...names: string[]): { value: unknown; path: PathSegment[] } | undefined {
    let found: { key: string; value: unknown } | undefined;
    for (const name of names) {
      const key = this.keys.get(name);
      if (key === undefined) continue;
      this.read.add(key);
      if (found) fail([...this.path, key], trainMessages.duplicateField, { other: found.key });
      found = { key, value: this.source[key] };
    }
    return found && found.value !== undefined ? { value: found.value, path: [...this.path, found.key] } : undefined;
  }

  /** Keys not read yet. */
  rest(): string[] {
    return [...this.keys.values()].filter((key) => !this.read.has(key));
  }

  /** Marks a key as read. */
  consume(key: string): void {
    this.read.add(key);
  }

  /** Rejects fields that were never read, suggesting the nearest known one. */
  done(known: readonly string[]): void {
    const unknown = this.rest();
    if (unknown.length === 0) return;
    const key = unknown[0]!;
    const suggestion = closestName(normalizeKey(key), known);
    if (suggestion) fail([...this.path, key], trainMessages.unknownFieldSuggest, { suggestion });
    fail([...this.path, key], trainMessages.unknownField);
  }
}

/** Bounds and integrality of a number field. */
export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  readonly integer?: boolean;
}

/** A number (numeric strings allowed) within the rule, or an error at the path. */
export function readNumber(value: unknown, path: readonly PathSegment[], rule: NumberRule = {}): number {
  let numeric = value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) numeric = Number(value);
  if (typeof numeric !== 'number' || Number.isNaN(numeric)) fail(path, trainMessages.notNumber, { actual: describe(value) });
  if (!Number.isFinite(numeric)) fail(path, trainMessages.notFinite, { actual: describe(value) });
  if (rule.integer && !Number.isInteger(numeric)) fail(path, trainMessages.notInteger, { actual: describe(value) });
  if (rule.min !== undefined && (rule.exclusiveMin ? numeric <= rule.min : numeric < rule.min)) {
    fail(path, rule.exclusiveMin ? trainMessages.notAboveMin : trainMessages.belowMin, { min: rule.min, actual: numeric });
  }
  if (rule.max !== undefined && (rule.exclusiveMax ? numeric >= rule.max : numeric > rule.max)) {
    fail(path, rule.exclusiveMax ? trainMessages.notBelowMax : trainMessages.aboveMax, { max: rule.max, actual: numeric });
  }
  return numeric;
}

/** true/false (or their strings), or an error at the path. */
export function readBoolean(value: unknown, path: readonly PathSegment[]): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return fail(path, trainMessages.notBoolean, { actual: describe(value) });
}

/** A non-empty name, trimmed, or an error at the path. */
export function readString(value: unknown, path: readonly PathSegment[]): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, trainMessages.notString, { actual: describe(value) });
  return value.trim();
}

/** A list, or an error at the path. */
export function readArray(value: unknown, path: readonly PathSegment[]): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, trainMessages.notArray, { actual: describe(value) });
  return value;
}

/** A list of numbers, optionally of a given length. */
export function readNumberRow(value: unknown, path: readonly PathSegment[], length?: number): number[] {
  const row = readArray(value, path).map((item, i) => readNumber(item, [...path, i]));
  if (length !== undefined && row.length !== length) fail(path, trainMessages.rowLength, { expected: length, actual: row.length });
  return row;
}

/** A rectangular list of number rows, optionally of given sizes. */
export function readMatrix(value: unknown, path: readonly PathSegment[], rows?: number, cols?: number): number[][] {
  const list = readArray(value, path);
  if (rows !== undefined && list.length !== rows) fail(path, trainMessages.rowLength, { expected: rows, actual: list.length });
  const matrix: number[][] = [];
  list.forEach((row, i) => matrix.push(readNumberRow(row, [...path, i], cols ?? matrix[0]?.length)));
  return matrix;
}

/** Reads a field when present, else returns the fallback. */
export function optional<T>(field: { value: unknown; path: PathSegment[] } | undefined, read: (value: unknown, path: PathSegment[]) => T, fallback: T): T {
  return field ? read(field.value, field.path) : fallback;
}
