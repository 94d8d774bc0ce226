/**
 * Reads one array literal as users write it in Python, NumPy, PyTorch, TensorFlow, TF.js or JSON
 * (`[[1, 2], [3, 4]]`, `np.array([1, np.nan])`, `torch.tensor([...], dtype=torch.float32)`,
 * `tf.tensor2d([1, 2, 3, 4], [2, 2])`, `y_true = (1, 0)`...) into a float64 tensor.
 */
import { FormulaLensError } from '../l10n';
import type { Tensor } from '../tensor';
import { parseMessages } from './messages';
import { positionAt, type TextRange } from './position';
import { LiteralReader, type LiteralName, type LiteralSource, type ReadLiteral } from './reader';

export type { LiteralSource } from './reader';

/** A literal read from text: its tensor, the name it was assigned to, and where it stands. */
export interface ParsedLiteral {
  readonly tensor: Tensor;
  /** The name before it (`y_true = [...]`, `"y_pred": [...]`, `target=[...]`), when there is one. */
  readonly name?: string;
  readonly nameRange?: TextRange;
  /** Offsets of the literal itself (from its first to past its last character). */
  readonly range: TextRange;
  readonly source: LiteralSource;
}

/** Builds the public result from what the reader returned. */
export function toParsedLiteral(literal: ReadLiteral, name: LiteralName | undefined): ParsedLiteral {
  return {
    tensor: { shape: literal.shape, data: literal.data },
    ...(name ? { name: name.name, nameRange: name.range } : {}),
    range: literal.range,
    source: literal.source,
  };
}

/**
 * Parses a text holding exactly one literal, optionally assigned (`x = `, `const x = `, `x: list = `)
 * and followed by `;`. Comments and line breaks may appear anywhere. Throws a positioned
 * FormulaLensError for anything else.
 */
export function parseLiteral(text: string): ParsedLiteral {
  const reader = new LiteralReader(text);
  reader.skipTrivia();
  if (reader.atEnd()) throw new FormulaLensError(parseMessages.emptyInput, {}, positionAt(text, 0));
  const name = reader.readAssignment();
  const literal = reader.readLiteral();
  reader.skipTrivia();
  if (reader.consumeSemicolon()) reader.skipTrivia();
  if (!reader.atEnd()) {
    const start = reader.pos;
    let end = start + 1;
    while (end < text.length && end - start < 40 && text[end] !== '\n' && text[end] !== '\r') end++;
    reader.fail(parseMessages.unexpectedAfterLiteral, { found: reader.describeHere() }, start, end);
  }
  // A `#` comment around a plain list still tells it is Python.
  const source = literal.source === 'json' && reader.pythonMarks ? 'python' : literal.source;
  return toParsedLiteral({ ...literal, source }, name);
}
