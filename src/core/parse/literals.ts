/**
 * Finds every literal in a text such as a selection holding `y_true = [...]` and `y_pred = [...]`
 * (in any order), two positional lists, a dict `{"y_true": [...], "y_pred": [...]}` or a call
 * `loss(torch.tensor([...]), torch.tensor([...]))`, with the name each one was given.
 */
import { FormulaLensError } from '../l10n';
import { parseMessages } from './messages';
import { positionAt, type TextRange } from './position';
import { toParsedLiteral, type ParsedLiteral } from './literal';
import { CONSTRUCTORS, isIdentifierStart, isQuote, LiteralReader, NAMED_CONSTANTS, nonFiniteFromText, type LiteralName } from './reader';

/** Errors that mean "this bracket does not hold numbers at all" (a list of layers, a comprehension). */
const NOT_NUMERIC = new Set<unknown>([parseMessages.identifierNotNumber, parseMessages.stringNotNumber, parseMessages.unknownConstructor, parseMessages.expectedValue]);

/** Words that declare rather than name (`const y = [...]`). */
const DECLARATIONS = new Set(['const', 'let', 'var', 'export']);

/** Booleans stay out of named scalars: `from_logits=True` is an option, not an input. */
const BOOLEAN_NAMES = new Set(['True', 'False', 'true', 'false']);

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordCode(code: number): boolean {
  return isDigitCode(code) || isIdentifierStart(code) || code === 46;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

/** Skips a string leniently (triple quotes, unterminated lines) and returns its content and end. */
function scanString(text: string, start: number): { readonly content: string; readonly end: number; readonly closed: boolean } {
  const quote = text[start]!;
  const triple = quote !== '`' && text.startsWith(quote.repeat(3), start);
  const delimiter = triple ? quote.repeat(3) : quote;
  let i = start + delimiter.length;
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text.startsWith(delimiter, i)) return { content: text.slice(start + delimiter.length, i), end: i + delimiter.length, closed: true };
    if (!triple && quote !== '`' && (text[i] === '\n' || text[i] === '\r')) break;
    i++;
  }
  return { content: text.slice(start + delimiter.length, i), end: Math.min(i, text.length), closed: false };
}

/**
 * Every literal in `text`, in order of appearance: lists and array constructors anywhere (except
 * where `[` or `(` indexes or calls something), and scalars when they are named (`y_true = 1.0`).
 * A named literal that is malformed throws; an unnamed bracket that holds no numbers at all
 * (`[nn.ReLU(), nn.Tanh()]`) is passed over. Throws `noLiterals` when nothing was found.
 */
export function parseLiterals(text: string): ParsedLiteral[] {
  const reader = new LiteralReader(text);
  const found: ParsedLiteral[] = [];
  let pending: LiteralName | undefined;
  // True when the previous token ends an operand, so a following `[` or `(` indexes or calls it.
  let afterOperand = false;
  let firstSkipped: FormulaLensError | undefined;
  // Open brackets around the scan position: at depth 0 a line break ends a statement.
  let depth = 0;
  // Tuple assignment `y_true, y_pred = [...], [...]`: the names before `=`, then those still waiting for a value.
  let chain: LiteralName[] = [];
  let queue: LiteralName[] = [];
  let justRead = false;

  // A bracket that is not numbers at all is passed over; a named literal that starts with numbers
  // and then goes wrong (`y_true = [1, 'a']`) is reported, since the user meant it as values.
  const readCandidate = (start: number, name: LiteralName | undefined): void => {
    reader.pos = start;
    try {
      found.push(toParsedLiteral(reader.readLiteral(), name));
    } catch (error) {
      if (!(error instanceof FormulaLensError) || !NOT_NUMERIC.has(error.text) || (name && reader.valuesBeforeFailure > 0)) throw error;
      firstSkipped ??= error;
      reader.pos = start + 1;
      if (text[start] === '[' || text[start] === '(') depth++;
      afterOperand = false;
      pending = undefined;
      return;
    }
    pending = undefined;
    afterOperand = true;
    justRead = true;
  };

  for (;;) {
    const before = reader.pos;
    reader.skipTrivia();
    if (reader.atEnd()) break;
    const newStatement = depth === 0 && hasLineBreak(text, before, reader.pos);
    if (newStatement) {
      afterOperand = false;
      queue = [];
    }
    const chainAtStart = newStatement ? [] : chain;
    const readBefore = justRead;
    chain = [];
    justRead = false;
    const start = reader.pos;
    const code = reader.peek();
    if (code === 91 /* [ */ && !afterOperand) {
      readCandidate(start, pending);
      continue;
    }
    if (isQuote(code)) {
      const string = scanString(text, start);
      reader.pos = string.end;
      if (string.closed) {
        reader.skipTrivia();
        if (!reader.atEnd() && reader.peek() === 58 /* : */) {
          reader.pos++;
          pending = { name: string.content, range: { start: start + 1, end: string.end - 1 } };
          afterOperand = false;
          continue;
        }
        if (pending && nonFiniteFromText(string.content) !== undefined) {
          readCandidate(start, pending);
          continue;
        }
        reader.pos = string.end;
      }
      pending = undefined;
      afterOperand = true;
      continue;
    }
    if (isIdentifierStart(code)) {
      const word = reader.readDottedName();
      const wordEnd = reader.pos;
      if (reader.constructorAt(start) && (pending || CONSTRUCTORS.get(word)?.kind !== 'scalar')) {
        readCandidate(start, pending);
        continue;
      }
      if (DECLARATIONS.has(word)) {
        afterOperand = false;
        continue;
      }
      if (pending && NAMED_CONSTANTS.has(word) && !BOOLEAN_NAMES.has(word)) {
        readCandidate(start, pending);
        continue;
      }
      const nameRange: TextRange = { start, end: wordEnd };
      reader.skipTrivia();
      if (reader.consumeAssignmentSign()) {
        queue = depth === 0 ? [...chainAtStart, { name: word, range: nameRange }] : [{ name: word, range: nameRange }];
        pending = queue.shift();
        afterOperand = false;
        continue;
      }
      if (!reader.atEnd() && reader.peek() === 58 /* : */ && text[reader.pos + 1] !== ':') {
        reader.pos++;
        const afterColon = reader.pos;
        reader.skipTypeAnnotation();
        // `y_true: list = [...]` is an annotated assignment; `{y_true: [...]}` a key.
        if (!reader.consumeAssignmentSign()) reader.pos = afterColon;
        pending = { name: word, range: nameRange };
        afterOperand = false;
        continue;
      }
      if (depth === 0 && !reader.atEnd() && reader.peek() === 44 /* , */) chain = [...chainAtStart, { name: word, range: nameRange }];
      reader.pos = wordEnd;
      pending = undefined;
      afterOperand = true;
      continue;
    }
    const next = text.charCodeAt(start + 1);
    const startsNumber = isDigitCode(code) || (code === 46 /* . */ && isDigitCode(next));
    if (pending && code === 40 /* ( */ && queue.length > 0) {
      // `a, b = ([...], [...])`: the values are inside the parentheses.
      reader.pos++;
      depth++;
      afterOperand = false;
      continue;
    }
    if (pending && (startsNumber || code === 45 /* - */ || code === 43 /* + */ || code === 40 /* ( */)) {
      readCandidate(start, pending);
      continue;
    }
    if (startsNumber) {
      while (reader.pos < text.length && isWordCode(text.charCodeAt(reader.pos))) reader.pos++;
      afterOperand = true;
      pending = undefined;
      continue;
    }
    reader.pos++;
    if (code === 44 /* , */) {
      chain = chainAtStart;
      pending = readBefore ? queue.shift() : undefined;
    } else {
      pending = undefined;
    }
    afterOperand = code === 93 /* ] */ || code === 41 /* ) */ || code === 125 /* } */;
    if (code === 91 || code === 40 || code === 123) depth++;
    else if (afterOperand && depth > 0) depth--;
  }
  if (found.length === 0) {
    if (firstSkipped) throw firstSkipped;
    throw new FormulaLensError(parseMessages.noLiterals, {}, positionAt(text, 0), positionAt(text, text.length));
  }
  return found;
}
