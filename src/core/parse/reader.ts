/**
 * The hand-written scanner behind `parseLiteral` and `parseLiterals`: one pass over char codes,
 * numbers written straight into a growing Float64Array, so a literal of a million numbers reads
 * in a fraction of a second. Every error is a FormulaLensError that points at the offending text.
 */
import { FormulaLensError, type LocalizedText } from '../l10n';
import { shapeText } from '../tensor';
import { parseMessages } from './messages';
import { positionAt, type TextRange } from './position';

/** The syntax family a literal was written in. */
export type LiteralSource = 'json' | 'python' | 'numpy' | 'torch' | 'tensorflow' | 'tfjs';

/** A shape as the reader builds it: `[]`, `[n]` or `[rows, cols]`. */
type Shape = readonly number[];

const SCALAR: Shape = [];

/** Deeper nesting of brackets, tuples and calls than this is refused instead of exhausting the stack. */
const MAX_NESTING = 64;
/** `tf.constant(0, shape=[...])` fills a shape; larger fills are refused rather than allocated. */
const MAX_FILL = 10_000_000;

const TAB = 9;
const LF = 10;
const VT = 11;
const FF = 12;
const CR = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const SINGLE_QUOTE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const SEMICOLON = 59;
const EQUALS = 61;
const UPPER_E = 69;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const LOWER_E = 101;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Exact powers of ten for the fast decimal path (10^22 is the largest exactly representable). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

function isUnicodeSpace(code: number): boolean {
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Letters, `_`, `$`, and any non-ASCII character that is not a space (Python allows `α = [...]`). */
export function isIdentifierStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === UNDERSCORE || code === DOLLAR || (code >= 0x80 && !isUnicodeSpace(code));
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code);
}

export function isQuote(code: number): boolean {
  return code === SINGLE_QUOTE || code === DOUBLE_QUOTE || code === BACKTICK;
}

function isClosing(code: number): boolean {
  return code === CLOSE_BRACKET || code === CLOSE_PAREN || code === CLOSE_BRACE;
}

/** Which dialect a spelling gives away, to tell Python lists from JSON / JavaScript arrays. */
type Dialect = 'python' | 'js' | 'neutral';

interface NamedConstant {
  readonly value: number;
  readonly dialect: Dialect;
}

function constants(): Map<string, NamedConstant> {
  const table = new Map<string, NamedConstant>();
  const add = (names: readonly string[], value: number, dialect: Dialect): void => {
    for (const name of names) table.set(name, { value, dialect });
  };
  add(['nan'], NaN, 'python');
  add(['inf', 'infinity'], Infinity, 'python');
  add(['NaN'], NaN, 'js');
  add(['Infinity'], Infinity, 'js');
  add(['True'], 1, 'python');
  add(['False'], 0, 'python');
  add(['true'], 1, 'js');
  add(['false'], 0, 'js');
  for (const module of ['np', 'numpy', 'jnp']) {
    add(['nan', 'NaN', 'NAN'].map((n) => `${module}.${n}`), NaN, 'python');
    add(['inf', 'Inf', 'Infinity', 'infty', 'PINF'].map((n) => `${module}.${n}`), Infinity, 'python');
    add([`${module}.NINF`], -Infinity, 'python');
    add([`${module}.pi`], Math.PI, 'python');
    add([`${module}.e`], Math.E, 'python');
  }
  for (const module of ['math', 'torch']) {
    add([`${module}.nan`], NaN, 'python');
    add([`${module}.inf`], Infinity, 'python');
    add([`${module}.pi`], Math.PI, 'python');
    add([`${module}.e`], Math.E, 'python');
  }
  add(['math.tau'], 2 * Math.PI, 'python');
  add(['Number.NaN'], NaN, 'js');
  add(['Number.POSITIVE_INFINITY'], Infinity, 'js');
  add(['Number.NEGATIVE_INFINITY'], -Infinity, 'js');
  add(['Number.MAX_VALUE'], Number.MAX_VALUE, 'js');
  add(['Number.MIN_VALUE'], Number.MIN_VALUE, 'js');
  add(['Number.EPSILON'], Number.EPSILON, 'js');
  add(['Math.PI'], Math.PI, 'js');
  add(['Math.E'], Math.E, 'js');
  return table;
}

/** Named numbers a literal may hold: nan/inf in every spelling, booleans, pi and e. */
export const NAMED_CONSTANTS: ReadonlyMap<string, NamedConstant> = constants();

/**
 * How a constructor treats its arguments. `array`: values first, the rest ignored.
 * `fill`: tf.constant, whose `shape` reshapes or fills. `tfjs*`: TF.js rank-checked factories.
 * `torchLegacy`: torch.Tensor(...), which needs a list. `scalar`: float('nan'), np.float64(x).
 */
type ConstructorKind = 'array' | 'fill' | 'tfjsTensor' | 'tfjs1d' | 'tfjs2d' | 'tfjsScalar' | 'torchLegacy' | 'scalar';

interface ConstructorInfo {
  readonly source: LiteralSource;
  readonly kind: ConstructorKind;
  /** Position of a positional `shape` argument. */
  readonly shapeIndex?: number;
  /** True when a `shape=` keyword is honoured. */
  readonly shapeKeyword?: boolean;
  /** Keyword names that carry the values (`data=`, `object=`, `value=`). */
  readonly dataKeywords: readonly string[];
}

function constructors(): Map<string, ConstructorInfo> {
  const table = new Map<string, ConstructorInfo>();
  const add = (names: readonly string[], info: ConstructorInfo): void => {
    for (const name of names) table.set(name, info);
  };
  add(['np.array', 'np.asarray', 'np.asanyarray', 'numpy.array', 'numpy.asarray', 'numpy.asanyarray', 'jnp.array', 'jnp.asarray'], { source: 'numpy', kind: 'array', dataKeywords: ['object', 'a'] });
  add(['torch.tensor', 'torch.as_tensor', 'torch.asarray'], { source: 'torch', kind: 'array', dataKeywords: ['data', 'obj'] });
  add(['torch.Tensor', 'torch.FloatTensor', 'torch.DoubleTensor'], { source: 'torch', kind: 'torchLegacy', dataKeywords: ['data'] });
  add(['tf.constant'], { source: 'tensorflow', kind: 'fill', shapeIndex: 2, shapeKeyword: true, dataKeywords: ['value'] });
  add(['tf.convert_to_tensor', 'tf.Variable'], { source: 'tensorflow', kind: 'array', dataKeywords: ['value', 'initial_value'] });
  add(['tf.tensor'], { source: 'tfjs', kind: 'tfjsTensor', shapeIndex: 1, dataKeywords: [] });
  add(['tf.tensor1d'], { source: 'tfjs', kind: 'tfjs1d', dataKeywords: [] });
  add(['tf.tensor2d'], { source: 'tfjs', kind: 'tfjs2d', shapeIndex: 1, dataKeywords: [] });
  add(['tf.scalar'], { source: 'tfjs', kind: 'tfjsScalar', dataKeywords: [] });
  add(['float', 'int'], { source: 'python', kind: 'scalar', dataKeywords: ['x'] });
  add(['np.float64', 'np.float32', 'np.float16', 'np.double', 'np.single', 'numpy.float64', 'numpy.float32'], { source: 'numpy', kind: 'scalar', dataKeywords: [] });
  return table;
}

/** Array constructors by the dotted name written before `(`. */
export const CONSTRUCTORS: ReadonlyMap<string, ConstructorInfo> = constructors();

/** A name that precedes a literal: `y_true = `, `const yPred = `, `"y_true": `, `y_true=` in a call. */
export interface LiteralName {
  readonly name: string;
  readonly range: TextRange;
}

/** One literal read by the reader: its shape, its values and where it stands. */
export interface ReadLiteral {
  readonly shape: readonly number[];
  readonly data: Float64Array;
  readonly range: TextRange;
  readonly source: LiteralSource;
}

/** True for `nan`, `inf`, `-Infinity` and friends, in any case, as strings may spell them. */
export function nonFiniteFromText(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  const negative = trimmed.startsWith('-');
  const body = trimmed.startsWith('-') || trimmed.startsWith('+') ? trimmed.slice(1) : trimmed;
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return negative ? -Infinity : Infinity;
  return undefined;
}

/** A character as messages show it: quoted when printable, `U+XXXX` otherwise. */
function describeCharacter(text: string, offset: number): string {
  const point = text.codePointAt(offset) ?? 0;
  if (point < 33 || (point >= 0x7f && point < 0xa0) || isUnicodeSpace(point)) return `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${String.fromCodePoint(point)}"`;
}

/** Shortens echoed user text so a message stays one line. */
function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}

/** Scans literals in `text`. One reader serves one text; `pos` moves forward only. */
export class LiteralReader {
  pos = 0;
  private data = new Float64Array(64);
  private count = 0;
  private nesting = 0;
  /** Set when Python-only syntax was seen (`#`, tuples, `True`, `nan`, single quotes...). */
  pythonMarks = false;
  /** How many numbers the last failed `readLiteral` had read: 0 means it held no numbers at all. */
  valuesBeforeFailure = 0;

  constructor(readonly text: string) {}

  /** Throws a positioned error covering `start`..`end`. */
  fail(message: LocalizedText, args: Readonly<Record<string, string | number>>, start: number, end?: number): never {
    throw new FormulaLensError(message, args, positionAt(this.text, start), end === undefined ? undefined : positionAt(this.text, end));
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  /** Skips spaces, line breaks, `#`, `//` and `/* *\/` comments, and Python's backslash line joins. */
  skipTrivia(): void {
    const text = this.text;
    const length = text.length;
    while (this.pos < length) {
      const code = text.charCodeAt(this.pos);
      if (code === SPACE || code === LF || code === CR || code === TAB || code === VT || code === FF) {
        this.pos++;
      } else if (code === HASH) {
        this.pythonMarks = true;
        this.pos = this.lineEnd(this.pos);
      } else if (code === SLASH && this.pos + 1 < length && text.charCodeAt(this.pos + 1) === SLASH) {
        this.pos = this.lineEnd(this.pos);
      } else if (code === SLASH && this.pos + 1 < length && text.charCodeAt(this.pos + 1) === STAR) {
        const close = text.indexOf('*/', this.pos + 2);
        if (close < 0) this.fail(parseMessages.unclosedComment, {}, this.pos, this.pos + 2);
        this.pos = close + 2;
      } else if (code === BACKSLASH && this.pos + 1 < length && (text.charCodeAt(this.pos + 1) === LF || text.charCodeAt(this.pos + 1) === CR)) {
        this.pythonMarks = true;
        this.pos++;
      } else if (code >= 0x80 && isUnicodeSpace(code)) {
        this.pos++;
      } else {
        return;
      }
    }
  }

  private lineEnd(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === LF || code === CR) break;
      i++;
    }
    return i;
  }

  /** Reads `name` or `a.b.c` at `pos`; the caller checked that an identifier starts here. */
  readDottedName(): string {
    const text = this.text;
    const start = this.pos;
    for (;;) {
      while (this.pos < text.length && isIdentifierPart(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos + 1 < text.length && text.charCodeAt(this.pos) === DOT && isIdentifierStart(text.charCodeAt(this.pos + 1))) {
        this.pos++;
        continue;
      }
      return text.slice(start, this.pos);
    }
  }

  private readPlainName(): string {
    const start = this.pos;
    while (this.pos < this.text.length && isIdentifierPart(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /**
   * Reads an optional `name = `, `const name = `, `name: type = ` before a literal and returns the name;
   * leaves `pos` untouched when there is none.
   */
  readAssignment(): LiteralName | undefined {
    const start = this.pos;
    if (this.atEnd() || !isIdentifierStart(this.peek())) return undefined;
    let word = this.readPlainName();
    if (word === 'export') {
      this.skipTrivia();
      if (this.atEnd() || !isIdentifierStart(this.peek())) return this.restore(start);
      word = this.readPlainName();
    }
    let nameStart = start;
    if (word === 'const' || word === 'let' || word === 'var') {
      this.skipTrivia();
      if (this.atEnd() || !isIdentifierStart(this.peek())) return this.restore(start);
      nameStart = this.pos;
    } else {
      this.pos = start;
    }
    const name = this.readDottedName();
    const nameEnd = this.pos;
    this.skipTrivia();
    if (!this.atEnd() && this.peek() === COLON) {
      this.pos++;
      this.skipTypeAnnotation();
    }
    if (this.consumeAssignmentSign()) return { name, range: { start: nameStart, end: nameEnd } };
    return this.restore(start);
  }

  private restore(position: number): undefined {
    this.pos = position;
    return undefined;
  }

  /** Skips a type annotation such as `number[][]`, `list[float]`, `np.ndarray`, up to the `=`. */
  skipTypeAnnotation(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      const allowed = isIdentifierPart(code) || code === DOT || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === COMMA ||
        code === SPACE || code === TAB || code === 60 || code === 62 || code === 124;
      if (!allowed) return;
      this.pos++;
    }
  }

  /** Consumes a lone `=` (not `==`) after optional trivia; restores nothing on failure. */
  consumeAssignmentSign(): boolean {
    this.skipTrivia();
    if (this.atEnd() || this.peek() !== EQUALS) return false;
    if (this.pos + 1 < this.text.length && this.text.charCodeAt(this.pos + 1) === EQUALS) return false;
    this.pos++;
    return true;
  }

  /** Reads one literal value at `pos` (after trivia) and returns it with its range and syntax family. */
  readLiteral(): ReadLiteral {
    this.skipTrivia();
    if (this.atEnd()) this.fail(parseMessages.unexpectedEnd, {}, this.pos);
    const start = this.pos;
    const startCount = this.count;
    const marksBefore = this.pythonMarks;
    this.pythonMarks = false;
    const constructor = this.constructorAt(this.pos);
    let shape: Shape;
    try {
      shape = this.parseValue(0);
    } catch (error) {
      this.valuesBeforeFailure = this.count - startCount;
      this.count = startCount;
      this.nesting = 0;
      throw error;
    }
    const end = this.pos;
    const source: LiteralSource = constructor?.source ?? (this.pythonMarks ? 'python' : 'json');
    const data = this.data.slice(startCount, this.count);
    this.count = startCount;
    this.pythonMarks ||= marksBefore;
    return { shape: [...shape], data, range: { start, end }, source };
  }

  /** The constructor named at `offset` when a `(` follows it. */
  constructorAt(offset: number): ConstructorInfo | undefined {
    if (offset >= this.text.length || !isIdentifierStart(this.text.charCodeAt(offset))) return undefined;
    const saved = this.pos;
    this.pos = offset;
    const name = this.readDottedName();
    const info = CONSTRUCTORS.get(name);
    let followedByCall = false;
    if (info) {
      try {
        this.skipTrivia();
        followedByCall = !this.atEnd() && this.peek() === OPEN_PAREN;
      } catch {
        followedByCall = false;
      }
    }
    this.pos = saved;
    return followedByCall ? info : undefined;
  }

  private push(value: number): void {
    if (this.count === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = value;
  }

  private enter(offset: number): void {
    if (++this.nesting > MAX_NESTING) this.fail(parseMessages.nestingTooDeep, {}, offset, offset + 1);
  }

  /** Parses any value; `listDepth` is the number of enclosing list levels (values add their own rank). */
  private parseValue(listDepth: number): Shape {
    this.skipTrivia();
    if (this.atEnd()) this.fail(parseMessages.unexpectedEnd, {}, this.pos);
    const code = this.peek();
    if (isDigit(code) || code === DOT) {
      this.push(this.scanNumber());
      return SCALAR;
    }
    if (code === OPEN_BRACKET) return this.parseList(listDepth);
    if (code === OPEN_PAREN) return this.parseParenthesized(listDepth);
    if (code === MINUS || code === PLUS) return this.parseSigned(listDepth);
    if (isIdentifierStart(code)) return this.parseIdentifier(listDepth);
    if (isQuote(code)) {
      this.push(this.parseNumberString(false));
      return SCALAR;
    }
    return this.fail(parseMessages.expectedValue, { found: describeCharacter(this.text, this.pos) }, this.pos, this.pos + 1);
  }

  private parseList(listDepth: number): Shape {
    const open = this.pos;
    if (listDepth >= 2) this.fail(parseMessages.tooManyDimensions, {}, open, open + 1);
    this.enter(open);
    this.pos++;
    return this.parseElements(open, CLOSE_BRACKET, listDepth, 0, SCALAR);
  }

  /** `(...)`: a tuple when it holds a comma (or nothing), otherwise just grouping. */
  private parseParenthesized(listDepth: number): Shape {
    const open = this.pos;
    this.enter(open);
    this.pos++;
    this.skipTrivia();
    if (this.atEnd()) this.failUnclosed(open, CLOSE_PAREN);
    if (this.peek() === CLOSE_PAREN) {
      this.pythonMarks = true;
      if (listDepth >= 2) this.fail(parseMessages.tooManyDimensions, {}, open, open + 1);
      this.pos++;
      this.nesting--;
      return [0];
    }
    const firstStart = this.pos;
    const first = this.parseValue(listDepth);
    this.skipTrivia();
    if (this.atEnd()) this.failUnclosed(open, CLOSE_PAREN);
    const code = this.peek();
    if (code === CLOSE_PAREN) {
      this.pos++;
      this.nesting--;
      return first;
    }
    if (code !== COMMA) this.failSeparator(open, CLOSE_PAREN);
    this.pythonMarks = true;
    if (listDepth + 1 + first.length > 2) this.fail(parseMessages.tooManyDimensions, {}, firstStart, this.pos);
    this.pos++;
    return this.parseElements(open, CLOSE_PAREN, listDepth, 1, first);
  }

  /**
   * The elements of a list or tuple after its opening (and after `already` elements were read),
   * up to and including the closing bracket. Checks that rows agree.
   */
  private parseElements(open: number, close: number, listDepth: number, already: number, firstShape: Shape): Shape {
    const text = this.text;
    let count = already;
    let first = firstShape;
    for (;;) {
      this.skipTrivia();
      if (this.pos >= text.length) this.failUnclosed(open, close);
      let code = text.charCodeAt(this.pos);
      if (code === close) {
        this.pos++;
        break;
      }
      const elementStart = this.pos;
      let shape: Shape;
      if (isDigit(code)) {
        // The common cases, kept out of parseValue's dispatch for speed.
        this.push(this.scanNumber());
        shape = SCALAR;
      } else if (code === MINUS && isDigit(text.charCodeAt(this.pos + 1))) {
        this.pos++;
        this.push(-this.scanNumber());
        shape = SCALAR;
      } else {
        shape = this.parseValue(listDepth + 1);
      }
      if (shape.length > 0 || first.length > 0) this.checkElement(shape, count, first, elementStart, listDepth);
      if (count === 0) first = shape;
      count++;
      this.skipTrivia();
      if (this.pos >= text.length) this.failUnclosed(open, close);
      code = text.charCodeAt(this.pos);
      if (code === COMMA) {
        this.pos++;
      } else if (code === close) {
        this.pos++;
        break;
      } else {
        this.failSeparator(open, close);
      }
    }
    this.nesting--;
    if (count === 0) return [0];
    return first.length === 0 ? [count] : [count, first[0]!];
  }

  private checkElement(shape: Shape, index: number, first: Shape, start: number, listDepth: number): void {
    if (listDepth + 1 + shape.length > 2) this.fail(parseMessages.tooManyDimensions, {}, start, this.pos);
    if (index === 0) return;
    if (shape.length !== first.length) {
      this.fail(shape.length > first.length ? parseMessages.listAfterNumber : parseMessages.numberAfterList, { index: index + 1 }, start, this.pos);
    }
    if (shape.length === 1 && shape[0] !== first[0]) {
      this.fail(parseMessages.raggedRows, { row: index + 1, count: shape[0]!, expected: first[0]! }, start, this.pos);
    }
  }

  private failUnclosed(open: number, close: number): never {
    return this.fail(parseMessages.unclosedBracket, { open: this.text[open] ?? '', close: String.fromCharCode(close) }, open, this.text.length);
  }

  private failSeparator(open: number, close: number): never {
    const code = this.peek();
    if (isClosing(code)) {
      const where = positionAt(this.text, open);
      return this.fail(parseMessages.mismatchedBracket, {
        open: this.text[open] ?? '', line: where.line + 1, column: where.column + 1, found: this.text[this.pos] ?? '', close: String.fromCharCode(close),
      }, this.pos, this.pos + 1);
    }
    return this.fail(parseMessages.expectedCommaOrClose, { close: String.fromCharCode(close), found: describeCharacter(this.text, this.pos) }, this.pos, this.pos + 1);
  }

  /** `-1`, `+ 2`, `-inf`, `-float('inf')`, `-np.array([...])`; a sign before a plain list is refused. */
  private parseSigned(listDepth: number): Shape {
    const signStart = this.pos;
    let negative = false;
    while (!this.atEnd()) {
      const code = this.peek();
      if (code === MINUS) negative = !negative;
      else if (code !== PLUS) break;
      this.pos++;
      this.skipTrivia();
    }
    if (this.atEnd()) this.fail(parseMessages.unexpectedEnd, {}, this.pos);
    const code = this.peek();
    if (isDigit(code) || code === DOT) {
      const value = this.scanNumber();
      this.push(negative ? -value : value);
      return SCALAR;
    }
    if (code === OPEN_BRACKET) this.fail(parseMessages.signBeforeList, {}, signStart, this.pos + 1);
    const before = this.count;
    const shape = this.parseValue(listDepth);
    if (code === OPEN_PAREN && shape.length > 0) this.fail(parseMessages.signBeforeList, {}, signStart, this.pos);
    if (negative) for (let i = before; i < this.count; i++) this.data[i] = -this.data[i]!;
    return shape;
  }

  /**
   * Scans a decimal number (`12`, `1.5`, `.5`, `1.`, `1e-3`, `1_000`) at `pos`. Short decimals take
   * the exact fast path (at most 15 significant digits times an exact power of ten); the rest go
   * through `Number`, which rounds correctly.
   */
  scanNumber(): number {
    const text = this.text;
    const length = text.length;
    const start = this.pos;
    let mantissa = 0;
    let significant = 0;
    let exponent = 0;
    let sawDigit = false;
    let underscores = false;
    let code = 0;
    let i = start;
    for (; i < length; i++) {
      code = text.charCodeAt(i);
      if (isDigit(code)) {
        sawDigit = true;
        if (mantissa !== 0 || code !== DIGIT_0) {
          if (significant < 16) mantissa = mantissa * 10 + (code - DIGIT_0);
          else exponent++;
          significant++;
        }
      } else if (code === UNDERSCORE && i > start && isDigit(text.charCodeAt(i - 1)) && i + 1 < length && isDigit(text.charCodeAt(i + 1))) {
        underscores = true;
      } else {
        break;
      }
    }
    if (i < length && code === DOT) {
      i++;
      for (; i < length; i++) {
        code = text.charCodeAt(i);
        if (isDigit(code)) {
          sawDigit = true;
          if (mantissa !== 0 || code !== DIGIT_0) {
            if (significant < 16) {
              mantissa = mantissa * 10 + (code - DIGIT_0);
              exponent--;
            }
            significant++;
          } else {
            exponent--;
          }
        } else if (code === UNDERSCORE && isDigit(text.charCodeAt(i - 1)) && i + 1 < length && isDigit(text.charCodeAt(i + 1))) {
          underscores = true;
        } else {
          break;
        }
      }
    }
    if (!sawDigit) return this.failNumber(start, i);
    if (i < length && (code === LOWER_E || code === UPPER_E)) {
      i++;
      let negativeExponent = false;
      if (i < length && (text.charCodeAt(i) === PLUS || text.charCodeAt(i) === MINUS)) {
        negativeExponent = text.charCodeAt(i) === MINUS;
        i++;
      }
      let exponentDigits = 0;
      let exponentValue = 0;
      for (; i < length; i++) {
        code = text.charCodeAt(i);
        if (!isDigit(code)) break;
        if (exponentValue < 100000) exponentValue = exponentValue * 10 + (code - DIGIT_0);
        exponentDigits++;
      }
      if (exponentDigits === 0) return this.failNumber(start, i);
      exponent += negativeExponent ? -exponentValue : exponentValue;
    }
    if (i < length) {
      const next = text.charCodeAt(i);
      if (isIdentifierPart(next) || next === DOT) {
        let end = i;
        while (end < length && (isIdentifierPart(text.charCodeAt(end)) || text.charCodeAt(end) === DOT)) end++;
        return this.failNumber(start, end);
      }
    }
    this.pos = i;
    if (significant <= 15) {
      if (mantissa === 0) return 0;
      if (exponent >= 0 && exponent <= 22) return mantissa * POWERS_OF_TEN[exponent]!;
      if (exponent < 0 && exponent >= -22) return mantissa / POWERS_OF_TEN[-exponent]!;
    }
    const written = text.slice(start, i);
    return Number(underscores ? written.split('_').join('') : written);
  }

  private failNumber(start: number, end: number): never {
    return this.fail(parseMessages.malformedNumber, { text: excerpt(this.text.slice(start, Math.max(end, start + 1))) }, start, Math.max(end, start + 1));
  }

  /** Reads a quoted string at `pos` and returns its raw content (escapes are kept as written). */
  readString(): { readonly content: string; readonly range: TextRange } {
    const text = this.text;
    const start = this.pos;
    const quote = text.charCodeAt(start);
    let i = start + 1;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === quote) {
        this.pos = i + 1;
        if (quote === SINGLE_QUOTE) this.pythonMarks = true;
        return { content: text.slice(start + 1, i), range: { start, end: i + 1 } };
      }
      if (code === BACKSLASH) {
        i += 2;
        continue;
      }
      if ((code === LF || code === CR) && quote !== BACKTICK) break;
      i++;
    }
    return this.fail(parseMessages.unterminatedString, { quote: String.fromCharCode(quote) }, start, Math.min(i, text.length));
  }

  /** A quoted number: `"NaN"`, `'-inf'` anywhere; plain decimals only inside `float('...')`. */
  private parseNumberString(allowDecimal: boolean): number {
    const { content, range } = this.readString();
    const special = nonFiniteFromText(content);
    if (special !== undefined) return special;
    if (allowDecimal) {
      const trimmed = content.trim();
      const value = trimmed === '' ? NaN : Number(trimmed.split('_').join(''));
      if (!Number.isNaN(value)) return value;
      return this.fail(parseMessages.malformedNumber, { text: excerpt(content) }, range.start, range.end);
    }
    return this.fail(parseMessages.stringNotNumber, { value: excerpt(this.text.slice(range.start, range.end)) }, range.start, range.end);
  }

  private parseIdentifier(listDepth: number): Shape {
    const start = this.pos;
    const name = this.readDottedName();
    const nameEnd = this.pos;
    this.skipTrivia();
    if (!this.atEnd() && this.peek() === OPEN_PAREN) {
      const info = CONSTRUCTORS.get(name);
      if (!info) return this.fail(parseMessages.unknownConstructor, { name: excerpt(name) }, start, nameEnd);
      return this.parseCall(info, name, start, listDepth);
    }
    this.pos = nameEnd;
    const constant = NAMED_CONSTANTS.get(name);
    if (!constant) return this.fail(parseMessages.identifierNotNumber, { name: excerpt(name) }, start, nameEnd);
    if (constant.dialect === 'python') this.pythonMarks = true;
    this.push(constant.value);
    return SCALAR;
  }

  /** `np.array(values, dtype=...)`, `tf.tensor2d(values, [2, 3])`, `float('nan')`... */
  private parseCall(info: ConstructorInfo, name: string, nameStart: number, listDepth: number): Shape {
    const open = this.pos;
    this.enter(open);
    this.pos++;
    let positional = 0;
    let dataShape: Shape | undefined;
    let dataStart = this.count;
    let shapeArgument: { readonly dims: readonly number[]; readonly range: TextRange } | undefined;
    for (;;) {
      this.skipTrivia();
      if (this.atEnd()) this.failUnclosed(open, CLOSE_PAREN);
      if (this.peek() === CLOSE_PAREN) {
        this.pos++;
        break;
      }
      const keyword = this.readKeyword();
      if (keyword !== undefined) {
        if (dataShape === undefined && info.dataKeywords.includes(keyword)) {
          dataStart = this.count;
          dataShape = this.parseCallData(info, listDepth);
        } else if (keyword === 'shape' && info.shapeKeyword) shapeArgument = this.parseShapeArgument();
        else this.skipArgument(open);
      } else {
        if (positional === 0 && dataShape === undefined) {
          dataStart = this.count;
          dataShape = this.parseCallData(info, listDepth);
        } else if (positional === info.shapeIndex) shapeArgument = this.parseShapeArgument();
        else this.skipArgument(open);
        positional++;
      }
      this.skipTrivia();
      if (this.atEnd()) this.failUnclosed(open, CLOSE_PAREN);
      const code = this.peek();
      if (code === COMMA) {
        this.pos++;
      } else if (code === CLOSE_PAREN) {
        this.pos++;
        break;
      } else {
        this.failSeparator(open, CLOSE_PAREN);
      }
    }
    this.nesting--;
    const shown = excerpt(name);
    if (dataShape === undefined) return this.fail(parseMessages.missingData, { name: shown }, nameStart, this.pos);
    let shape: Shape = dataShape;
    const given = this.count - dataStart;
    if (shapeArgument) {
      const { dims, range } = shapeArgument;
      if (dims.length > 2) this.fail(parseMessages.tooManyDimensions, {}, range.start, range.end);
      const size = dims.reduce((a, b) => a * b, 1);
      if (size !== given) {
        if (info.kind !== 'fill' || given !== 1) this.fail(parseMessages.shapeMismatch, { shape: shapeText(dims), size, count: given }, range.start, range.end);
        if (size > MAX_FILL) this.fail(parseMessages.shapeTooLarge, { shape: shapeText(dims), size, limit: MAX_FILL }, range.start, range.end);
        const value = this.data[dataStart]!;
        this.count = dataStart;
        for (let i = 0; i < size; i++) this.push(value);
      }
      shape = dims;
    }
    const expectRank = (rank: number): void => {
      if (shape.length !== rank) this.fail(parseMessages.rankMismatch, { name: shown, expected: rank, actual: shape.length }, nameStart, this.pos);
    };
    switch (info.kind) {
      case 'tfjs1d':
        expectRank(1);
        break;
      case 'tfjs2d':
        if (shape.length === 1 && !shapeArgument) this.fail(parseMessages.tensor2dNeedsShape, { name: shown }, nameStart, this.pos);
        expectRank(2);
        break;
      case 'tfjsScalar':
      case 'scalar':
        expectRank(0);
        break;
      case 'torchLegacy':
        if (dataShape.length === 0) this.fail(parseMessages.uninitializedTorch, { name: shown }, nameStart, this.pos);
        break;
      case 'array':
      case 'fill':
      case 'tfjsTensor':
        break;
    }
    return shape;
  }

  /** The values argument of a constructor; `float('nan')` and `float("1e-3")` take a quoted number. */
  private parseCallData(info: ConstructorInfo, listDepth: number): Shape {
    this.skipTrivia();
    if (info.kind === 'scalar' && !this.atEnd() && isQuote(this.peek())) {
      this.push(this.parseNumberString(true));
      return SCALAR;
    }
    return this.parseValue(listDepth);
  }

  /** Reads `name=` (not `==`) at `pos` and returns the name; leaves `pos` alone otherwise. */
  private readKeyword(): string | undefined {
    if (this.atEnd() || !isIdentifierStart(this.peek())) return undefined;
    const start = this.pos;
    const name = this.readPlainName();
    if (this.consumeAssignmentSign()) return name;
    this.pos = start;
    return undefined;
  }

  /** Skips an argument whose value does not matter (`dtype=torch.float32`, `'float32'`, `device="cuda"`). */
  private skipArgument(open: number): void {
    const text = this.text;
    let depth = 0;
    for (;;) {
      this.skipTrivia();
      if (this.atEnd()) this.failUnclosed(open, CLOSE_PAREN);
      const code = this.peek();
      if (isQuote(code)) {
        this.readString();
        continue;
      }
      if (code === OPEN_BRACKET || code === OPEN_PAREN || code === OPEN_BRACE) {
        depth++;
        this.enter(this.pos);
      } else if (isClosing(code)) {
        if (depth === 0) {
          if (code === CLOSE_PAREN) return;
          this.failSeparator(open, CLOSE_PAREN);
        }
        depth--;
        this.nesting--;
      } else if (code === COMMA && depth === 0) {
        return;
      }
      this.pos++;
      // Runs of ordinary characters are skipped in one go.
      while (this.pos < text.length) {
        const next = text.charCodeAt(this.pos);
        if (!isIdentifierPart(next) && next !== DOT) break;
        this.pos++;
      }
    }
  }

  /** A shape argument: `[2, 3]`, `(2, 3)`, `4`, or `None`/`null`/`undefined` for none. */
  private parseShapeArgument(): { readonly dims: readonly number[]; readonly range: TextRange } | undefined {
    this.skipTrivia();
    const start = this.pos;
    if (this.atEnd()) this.fail(parseMessages.unexpectedEnd, {}, this.pos);
    const code = this.peek();
    if (isIdentifierStart(code)) {
      const word = this.readDottedName();
      if (word === 'None' || word === 'null' || word === 'undefined') return undefined;
      return this.fail(parseMessages.invalidShape, {}, start, this.pos);
    }
    if (isDigit(code)) return { dims: [this.scanDimension()], range: { start, end: this.pos } };
    if (code !== OPEN_BRACKET && code !== OPEN_PAREN) return this.fail(parseMessages.invalidShape, {}, start, start + 1);
    const close = code === OPEN_BRACKET ? CLOSE_BRACKET : CLOSE_PAREN;
    this.pos++;
    const dims: number[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.atEnd()) this.failUnclosed(start, close);
      const next = this.peek();
      if (next === close) {
        this.pos++;
        break;
      }
      if (!isDigit(next)) this.fail(parseMessages.invalidShape, {}, this.pos, this.pos + 1);
      dims.push(this.scanDimension());
      this.skipTrivia();
      if (this.atEnd()) this.failUnclosed(start, close);
      if (this.peek() === COMMA) this.pos++;
      else if (this.peek() === close) {
        this.pos++;
        break;
      } else this.failSeparator(start, close);
    }
    return { dims, range: { start, end: this.pos } };
  }

  private scanDimension(): number {
    const start = this.pos;
    const value = this.scanNumber();
    if (!Number.isInteger(value) || value < 0 || value > Number.MAX_SAFE_INTEGER) this.fail(parseMessages.invalidShape, {}, start, this.pos);
    return value;
  }

  /** Describes the character at `pos` for messages. */
  describeHere(): string {
    return describeCharacter(this.text, this.pos);
  }

  /** Whether a `;` ends the statement here (JavaScript); consumes it. */
  consumeSemicolon(): boolean {
    if (!this.atEnd() && this.peek() === SEMICOLON) {
      this.pos++;
      return true;
    }
    return false;
  }
}
