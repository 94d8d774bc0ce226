import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FormulaLensError } from '../../src/core/l10n';
import { formatLiteral, parseLiteral, parseLiterals, type LiteralStyle } from '../../src/core/parse/index';
import type { Tensor } from '../../src/core/tensor';

const STYLES: readonly LiteralStyle[] = ['json', 'python', 'numpy', 'torch', 'tfjs'];

/** Any float64, with NaN, ±Infinity, -0 and subnormals drawn often. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 5e-324, -1.7976931348623157e308, 0.1, 1e21, 1e-7),
  fc.integer({ min: -1000, max: 1000 }),
);

/** Tensors of rank 0, 1 and 2 with up to 6 values per axis (2-D tensors have at least one row). */
const anyTensor: fc.Arbitrary<Tensor> = fc.oneof(
  anyNumber.map((value) => ({ shape: [], data: Float64Array.of(value) })),
  fc.array(anyNumber, { maxLength: 6 }).map((values) => ({ shape: [values.length], data: Float64Array.from(values) })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 })).chain(([rows, cols]) =>
    fc.array(anyNumber, { minLength: rows * cols, maxLength: rows * cols }).map((values) => ({ shape: [rows, cols], data: Float64Array.from(values) }))),
);

function sameTensor(actual: Tensor, expected: Tensor): boolean {
  if (actual.shape.length !== expected.shape.length || actual.shape.some((d, i) => d !== expected.shape[i])) return false;
  if (actual.data.length !== expected.data.length) return false;
  return expected.data.every((value, i) => Object.is(actual.data[i], value));
}

/** Parsing garbage must give a result or a FormulaLensError pointing inside the text, nothing else. */
function checkTotal(text: string, parse: (text: string) => unknown): void {
  try {
    parse(text);
  } catch (error) {
    if (!(error instanceof FormulaLensError)) throw error;
    const position = error.position;
    assert.ok(position, `no position for: ${error.message}`);
    assert.ok(position.offset >= 0 && position.offset <= text.length, `offset ${position.offset} outside a text of ${text.length}`);
    if (error.endPosition) assert.ok(error.endPosition.offset >= position.offset && error.endPosition.offset <= text.length);
  }
}

test('any tensor formatted in any style parses back to the same shape and bits', () => {
  fc.assert(
    fc.property(anyTensor, fc.constantFrom(...STYLES), fc.boolean(), fc.option(fc.constantFrom('x', 'y_pred', 'values')), fc.boolean(), (tensor, style, multiline, name, bare) => {
      const text = formatLiteral(tensor, style, { multiline, jsonNonFinite: bare ? 'bare' : 'string', ...(name ? { name } : {}) });
      const parsed = parseLiteral(text);
      assert.ok(sameTensor(parsed.tensor, tensor), `${text} -> [${parsed.tensor.shape}] ${Array.from(parsed.tensor.data)}`);
      if (name && style !== 'json') assert.equal(parsed.name, name);
    }),
    { numRuns: 1500 },
  );
});

test('with a precision, formatted values read back as the rounded values', () => {
  fc.assert(
    fc.property(anyTensor, fc.constantFrom(...STYLES), fc.integer({ min: 1, max: 17 }), (tensor, style, precision) => {
      const parsed = parseLiteral(formatLiteral(tensor, style, { precision }));
      tensor.data.forEach((value, i) => {
        const rounded = Number(value.toPrecision(precision));
        const expected = Number.isFinite(rounded) ? rounded : value;
        assert.ok(Object.is(parsed.tensor.data[i], expected) || (expected === 0 && parsed.tensor.data[i] === 0));
      });
    }),
    { numRuns: 500 },
  );
});

/** Characters that matter to the scanner, so random strings reach deep into it. */
const literalAlphabet = fc.constantFrom(
  '[', ']', '(', ')', '{', '}', ',', ' ', '\n', '\r', '\t', '-', '+', '.', 'e', 'E', '_', '0', '1', '9', '#', '/', '*', '\\',
  "'", '"', '`', '=', ':', ';', 'a', 'n', 'i', 'f', 'x', 'j', 'nan', 'inf', 'np.', 'array', 'np.array(', 'torch.tensor(', 'tf.tensor2d(',
  'tf.constant(', 'float(', 'shape=', 'dtype=', 'True', 'None', 'const ', 'y_true', '1e308', '\u00a0', 'α', '\ud83d\ude00', '\ud800',
);

test('random literal-like strings give a result or a positioned FormulaLensError', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(fc.string({ unit: literalAlphabet, maxLength: 60 }), (text) => {
      checkTotal(text, parseLiteral);
      checkTotal(text, parseLiterals);
    }),
    { numRuns: 4000 },
  );
});

test('arbitrary unicode strings give a result or a positioned FormulaLensError', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
      checkTotal(text, parseLiteral);
      checkTotal(text, parseLiterals);
    }),
    { numRuns: 2000 },
  );
});

test('valid literals with a random edit give a result or a positioned FormulaLensError', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(anyTensor, fc.constantFrom(...STYLES), fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: literalAlphabet, maxLength: 3 }), (tensor, style, at, removed, inserted) => {
      const text = formatLiteral(tensor, style);
      const cut = at % (text.length + 1);
      const edited = text.slice(0, cut) + inserted + text.slice(cut + removed);
      checkTotal(edited, parseLiteral);
      checkTotal(edited, parseLiterals);
    }),
    { numRuns: 3000 },
  );
});

test('pathological inputs finish quickly', () => {
  const inputs = [
    '['.repeat(100_000),
    '('.repeat(100_000),
    `${'-'.repeat(100_000)}1`,
    `[${'1,'.repeat(100_000)}`,
    `np.array(${'np.array('.repeat(10_000)}`,
    `[1, ${'/*'.repeat(10_000)}`,
    `x = ${'"'.repeat(50_001)}`,
    `${'1'.repeat(100_000)}e${'9'.repeat(100_000)}`,
    `tf.constant(1, dtype=${'['.repeat(50_000)}`,
  ];
  for (const text of inputs) {
    const started = performance.now();
    checkTotal(text, parseLiteral);
    checkTotal(text, parseLiterals);
    assert.ok(performance.now() - started < 2000, `slow on ${text.slice(0, 20)}...`);
  }
});
