import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormulaLensError, type LocalizedText } from '../../src/core/l10n';
import { assignLossRoles, formatLiteral, formatNumber, parseLiteral, parseLiterals, parseMessages, positionAt, roleOfName, type LiteralStyle } from '../../src/core/parse/index';
import type { Tensor } from '../../src/core/tensor';

/** Values as a plain list, with NaN kept comparable through Object.is in deepEqual. */
function values(text: string): number[] {
  return Array.from(parseLiteral(text).tensor.data);
}

function shape(text: string): readonly number[] {
  return parseLiteral(text).tensor.shape;
}

/** Asserts `run` throws a FormulaLensError with `message` that starts at `offset` (and ends at `end`). */
function assertFails(run: () => unknown, message: LocalizedText, offset: number, end?: number): FormulaLensError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof FormulaLensError, `expected a FormulaLensError, got ${String(caught)}`);
  assert.equal(caught.text, message, caught.message);
  assert.equal(caught.position?.offset, offset, `start of: ${caught.message}`);
  if (end !== undefined) assert.equal(caught.endPosition?.offset, end, `end of: ${caught.message}`);
  return caught;
}

test('JSON arrays: 1-D, 2-D, empty, scientific notation', () => {
  assert.deepEqual(values('[1, 2.5, -3]'), [1, 2.5, -3]);
  assert.deepEqual(shape('[1, 2.5, -3]'), [3]);
  assert.deepEqual(shape('[[1, 2, 3], [4, 5, 6]]'), [2, 3]);
  assert.deepEqual(values('[[1, 2, 3], [4, 5, 6]]'), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(values('[1e3, 1E-3, 2.5e+2, .5, 5., 1_000, 0.000123]'), [1000, 0.001, 250, 0.5, 5, 1000, 0.000123]);
  assert.deepEqual(shape('[]'), [0]);
  assert.deepEqual(shape('[[], []]'), [2, 0]);
  assert.equal(parseLiteral('[1, 2]').source, 'json');
});

test('numbers read exactly as float64, including long and extreme ones', () => {
  const texts = ['0.1', '0.30000000000000004', '1.7976931348623157e308', '5e-324', '2.2250738585072014e-308', '123456789012345678901234567890', '9007199254740993', '1e400', '1e-400', '-0.0'];
  for (const text of texts) assert.ok(Object.is(values(`[${text}]`)[0], Number(text)), text);
});

test('a bare number is 0-D', () => {
  const result = parseLiteral('  -2.5e-1 ');
  assert.deepEqual(result.tensor.shape, []);
  assert.deepEqual(Array.from(result.tensor.data), [-0.25]);
  assert.deepEqual(result.range, { start: 2, end: 9 });
});

test('Python lists and tuples, nested, with True/False and trailing commas', () => {
  assert.deepEqual(values('(1, 2, 3)'), [1, 2, 3]);
  assert.deepEqual(shape('((1, 2), (3, 4), (5, 6),)'), [3, 2]);
  assert.deepEqual(shape('[(1, 2), (3, 4)]'), [2, 2]);
  assert.deepEqual(shape('(1,)'), [1]);
  assert.deepEqual(shape('()'), [0]);
  assert.deepEqual(shape('(7)'), [], 'parentheses without a comma only group');
  assert.deepEqual(values('[True, False, true, false]'), [1, 0, 1, 0]);
  assert.deepEqual(values('[1, 2, 3,]'), [1, 2, 3]);
  assert.equal(parseLiteral('(1, 2)').source, 'python');
  assert.equal(parseLiteral('[True, 2]').source, 'python');
  assert.equal(parseLiteral('[1, 2]  # note').source, 'python');
});

test('NaN and infinity in every spelling', () => {
  const nanSpellings = ['nan', 'NaN', 'np.nan', 'numpy.nan', 'math.nan', 'torch.nan', "float('nan')", 'float("NaN")', '"NaN"', 'Number.NaN'];
  for (const spelling of nanSpellings) assert.ok(Number.isNaN(values(`[${spelling}]`)[0]), spelling);
  const infSpellings = ['inf', 'Infinity', 'math.inf', 'np.inf', 'torch.inf', "float('inf')", 'float("+inf")', '"Infinity"', 'Number.POSITIVE_INFINITY', 'np.Inf'];
  for (const spelling of infSpellings) assert.equal(values(`[${spelling}]`)[0], Infinity, spelling);
  const negativeSpellings = ['-inf', '-Infinity', '-math.inf', '-np.inf', "float('-inf')", 'float("-inf")', '"-Infinity"', "-float('inf')", 'Number.NEGATIVE_INFINITY', 'np.NINF'];
  for (const spelling of negativeSpellings) assert.equal(values(`[${spelling}]`)[0], -Infinity, spelling);
});

test('unary signs, repeated and spaced', () => {
  assert.deepEqual(values('[-1, +2, - 3, --4, -+5, -(6), +.5]'), [-1, 2, -3, 4, -5, -6, 0.5]);
  assert.ok(Object.is(values('[-0]')[0], -0));
  assert.deepEqual(values('-np.array([1, -2])'), [-1, 2]);
});

test('NumPy, PyTorch and TensorFlow constructors; extra arguments are parsed and ignored', () => {
  const numpy = parseLiteral('np.array([[1, 2], [3, 4]], dtype=np.float32)');
  assert.equal(numpy.source, 'numpy');
  assert.deepEqual(numpy.tensor.shape, [2, 2]);
  assert.equal(parseLiteral('numpy.array([1])').source, 'numpy');
  assert.equal(parseLiteral('np.asarray((1, 2), dtype="float64", order="C")').source, 'numpy');
  assert.deepEqual(values('np.array(object=[1, 2])'), [1, 2]);
  const torch = parseLiteral('torch.tensor([1.0, 2.0], dtype=torch.float32, requires_grad=True, device=torch.device("cpu"))');
  assert.equal(torch.source, 'torch');
  assert.deepEqual(Array.from(torch.tensor.data), [1, 2]);
  assert.deepEqual(values('torch.tensor(data=[3])'), [3]);
  assert.deepEqual(shape('torch.tensor(2.5)'), []);
  assert.deepEqual(values('torch.Tensor([1, 2])'), [1, 2]);
  const tf = parseLiteral('tf.constant([[1., 2.], [3., 4.]], dtype=tf.float32)');
  assert.equal(tf.source, 'tensorflow');
  assert.deepEqual(tf.tensor.shape, [2, 2]);
  assert.deepEqual(shape('tf.constant([1, 2, 3, 4, 5, 6], shape=[2, 3])'), [2, 3]);
  assert.deepEqual(shape('tf.constant([1, 2, 3, 4, 5, 6], tf.float64, (3, 2))'), [3, 2]);
  const filled = parseLiteral('tf.constant(-1.5, shape=(2, 2))');
  assert.deepEqual(filled.tensor.shape, [2, 2]);
  assert.deepEqual(Array.from(filled.tensor.data), [-1.5, -1.5, -1.5, -1.5]);
  assert.deepEqual(values('tf.convert_to_tensor([1, 2])'), [1, 2]);
  assert.deepEqual(values('np.array([np.array([1, 2]), np.array([3, 4])])'), [1, 2, 3, 4]);
});

test('TF.js factories: tensor, tensor1d, tensor2d (nested or flat + shape), scalar', () => {
  const flat = parseLiteral("tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'float32')");
  assert.equal(flat.source, 'tfjs');
  assert.deepEqual(flat.tensor.shape, [2, 3]);
  assert.deepEqual(Array.from(flat.tensor.data), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(shape('tf.tensor2d([[1, 2], [3, 4]])'), [2, 2]);
  assert.deepEqual(shape('tf.tensor2d([], [0, 3])'), [0, 3]);
  assert.deepEqual(shape('tf.tensor1d([1, NaN, -Infinity])'), [3]);
  assert.deepEqual(shape('tf.tensor([1, 2, 3, 4], [2, 2])'), [2, 2]);
  assert.deepEqual(shape('tf.tensor([[1, 2]])'), [1, 2]);
  assert.deepEqual(shape('tf.scalar(3)'), []);
  assertFails(() => parseLiteral('tf.tensor2d([1, 2, 3, 4])'), parseMessages.tensor2dNeedsShape, 0, 25);
  assertFails(() => parseLiteral('tf.tensor1d([[1, 2]])'), parseMessages.rankMismatch, 0);
  assertFails(() => parseLiteral('tf.scalar([1])'), parseMessages.rankMismatch, 0);
  assertFails(() => parseLiteral('tf.tensor2d([1, 2, 3], [2, 2])'), parseMessages.shapeMismatch, 23, 29);
  assertFails(() => parseLiteral('tf.tensor([1, 2], [1, 1, 2])'), parseMessages.tooManyDimensions, 18, 27);
  assertFails(() => parseLiteral('tf.tensor2d([1, 2], [-1, 2])'), parseMessages.invalidShape, 21);
});

test('comments and line breaks inside literals', () => {
  const text = '[\n  1,  # first\n  2,  // second\n  /* third */ 3,\n]';
  assert.deepEqual(values(text), [1, 2, 3]);
  assert.deepEqual(values('np.array([1, \\\n 2])'), [1, 2]);
  assert.deepEqual(values('[1,\r\n2]'), [1, 2]);
});

test('a leading assignment returns its name and range', () => {
  const python = parseLiteral('y_true = [1, 0, 1]');
  assert.equal(python.name, 'y_true');
  assert.deepEqual(python.nameRange, { start: 0, end: 6 });
  assert.deepEqual(python.range, { start: 9, end: 18 });
  const js = parseLiteral('const yPred = tf.tensor1d([0.2, 0.9]);');
  assert.equal(js.name, 'yPred');
  assert.deepEqual(js.nameRange, { start: 6, end: 11 });
  assert.equal(parseLiteral('let x=[1]').name, 'x');
  assert.equal(parseLiteral('export const x: number[][] = [[1]];').name, 'x');
  assert.equal(parseLiteral('x: list[float] = [1.0]').name, 'x');
  assert.equal(parseLiteral('self.weights = (1, 2)').name, 'self.weights');
  assert.equal(parseLiteral('[1]').name, undefined);
});

test('errors: ragged rows name both rows and cover the offending row', () => {
  const text = '[[1, 2],\n [3, 4, 5]]';
  const error = assertFails(() => parseLiteral(text), parseMessages.raggedRows, 10, 19);
  assert.deepEqual(error.args, { row: 2, count: 3, expected: 2 });
  assert.deepEqual(error.position, { offset: 10, line: 1, column: 1 });
  assert.match(error.message, /Row 2 has 3 values, row 1 has 2/);
  assert.match(error.localizedMessage('zh-cn'), /^2:2: 第 2 行有 3 个值/);
});

test('errors: non-numeric elements, unknown identifiers and constructors', () => {
  assertFails(() => parseLiteral("[1, 'a']"), parseMessages.stringNotNumber, 4, 7);
  assertFails(() => parseLiteral('[1, "1.5"]'), parseMessages.stringNotNumber, 4, 9);
  assertFails(() => parseLiteral('[1, x]'), parseMessages.identifierNotNumber, 4, 5);
  assertFails(() => parseLiteral('[None]'), parseMessages.identifierNotNumber, 1, 5);
  assertFails(() => parseLiteral('[null]'), parseMessages.identifierNotNumber, 1, 5);
  assertFails(() => parseLiteral('np.zeros(3)'), parseMessages.unknownConstructor, 0, 8);
  assertFails(() => parseLiteral("[float('abc')]"), parseMessages.malformedNumber, 7, 12);
});

test('errors: brackets, separators, numbers, strings, comments', () => {
  assertFails(() => parseLiteral('[1, 2'), parseMessages.unclosedBracket, 0, 5);
  assertFails(() => parseLiteral('[[1, 2], [3, 4]'), parseMessages.unclosedBracket, 0);
  assertFails(() => parseLiteral('np.array([1, 2]'), parseMessages.unclosedBracket, 8);
  assertFails(() => parseLiteral('[1, 2)'), parseMessages.mismatchedBracket, 5, 6);
  assertFails(() => parseLiteral('[1 2]'), parseMessages.expectedCommaOrClose, 3, 4);
  assertFails(() => parseLiteral('[1, , 2]'), parseMessages.expectedValue, 4, 5);
  assertFails(() => parseLiteral('[1.2.3]'), parseMessages.malformedNumber, 1, 6);
  assertFails(() => parseLiteral('[1e]'), parseMessages.malformedNumber, 1, 3);
  assertFails(() => parseLiteral('[0x10]'), parseMessages.malformedNumber, 1, 5);
  assertFails(() => parseLiteral('[2j]'), parseMessages.malformedNumber, 1, 3);
  assertFails(() => parseLiteral('[1, "NaN]'), parseMessages.unterminatedString, 4);
  assertFails(() => parseLiteral('[1, /* 2]'), parseMessages.unclosedComment, 4, 6);
  assertFails(() => parseLiteral('-[1, 2]'), parseMessages.signBeforeList, 0);
  assertFails(() => parseLiteral('[1, 2] [3]'), parseMessages.unexpectedAfterLiteral, 7);
  assertFails(() => parseLiteral('x = '), parseMessages.unexpectedEnd, 4);
  assertFails(() => parseLiteral('[1,'), parseMessages.unclosedBracket, 0);
});

test('errors: empty input, 3-D input, mixed nesting, too deep nesting', () => {
  assertFails(() => parseLiteral(''), parseMessages.emptyInput, 0);
  assertFails(() => parseLiteral('  # only a comment\n'), parseMessages.emptyInput, 0);
  assertFails(() => parseLiteral('[[[1]]]'), parseMessages.tooManyDimensions, 2, 3);
  assertFails(() => parseLiteral('[[1], [[2]]]'), parseMessages.tooManyDimensions, 7);
  assertFails(() => parseLiteral('((1, 2), ((3,), 4))'), parseMessages.tooManyDimensions, 10);
  assertFails(() => parseLiteral('[np.array([[1]])]'), parseMessages.tooManyDimensions, 11);
  const mixed = assertFails(() => parseLiteral('[1, [2]]'), parseMessages.listAfterNumber, 4, 7);
  assert.deepEqual(mixed.args, { index: 2 });
  assertFails(() => parseLiteral('[[1], 2]'), parseMessages.numberAfterList, 6, 7);
  assertFails(() => parseLiteral(`${'('.repeat(200)}1${')'.repeat(200)}`), parseMessages.nestingTooDeep, 64);
  assertFails(() => parseLiteral('tf.constant(0, shape=[100000, 100000])'), parseMessages.shapeTooLarge, 21);
});

test('error positions carry line and column', () => {
  const text = 'y = [\n  1,\n  2,\n  oops,\n]';
  const error = assertFails(() => parseLiteral(text), parseMessages.identifierNotNumber, text.indexOf('oops'));
  assert.deepEqual(error.position, { offset: text.indexOf('oops'), line: 3, column: 2 });
  assert.equal(error.localizedMessage('en').slice(0, 4), '4:3:');
  assert.deepEqual(positionAt('a\r\nb\rc\nd', 7), { offset: 7, line: 3, column: 0 });
  assert.deepEqual(positionAt('a\r\nb', 2), { offset: 2, line: 0, column: 2 });
});

test('parseLiterals: two named literals in any order', () => {
  const text = 'y_pred = np.array([0.9, 0.2, 0.7])\ny_true = [1, 0, 1]\n';
  const found = parseLiterals(text);
  assert.deepEqual(found.map((l) => l.name), ['y_pred', 'y_true']);
  assert.deepEqual(found.map((l) => l.source), ['numpy', 'json']);
  assert.equal(text.slice(found[0]!.range.start, found[0]!.range.end), 'np.array([0.9, 0.2, 0.7])');
  assert.equal(text.slice(found[1]!.range.start, found[1]!.range.end), '[1, 0, 1]');
  assert.equal(text.slice(found[1]!.nameRange!.start, found[1]!.nameRange!.end), 'y_true');
});

test('parseLiterals: positional, keyword arguments, dict keys, scalars only when named', () => {
  const positional = parseLiterals('[1, 0, 1]\n[0.8, 0.1, 0.6]');
  assert.deepEqual(positional.map((l) => l.name), [undefined, undefined]);
  assert.deepEqual(positional.map((l) => l.tensor.shape), [[3], [3]]);
  const call = parseLiterals('loss = criterion(torch.tensor([0.3, 0.8]), target=torch.tensor([0., 1.]), reduction="sum", from_logits=True)');
  assert.deepEqual(call.map((l) => l.name), [undefined, 'target']);
  const dict = parseLiterals('{"y_true": [1, 0], \'y_pred\': [0.2, 0.4], margin: 1.5, eps: -1e-3, x: nan}');
  assert.deepEqual(dict.map((l) => l.name), ['y_true', 'y_pred', 'margin', 'eps', 'x']);
  assert.deepEqual(Array.from(dict[3]!.tensor.data), [-0.001]);
  const keras = parseLiterals('bce(y_true=[[0, 1]], y_pred=[[0.4, 0.6]])');
  assert.deepEqual(keras.map((l) => [l.name, l.tensor.shape]), [['y_true', [1, 2]], ['y_pred', [1, 2]]]);
  const js = parseLiterals("const yTrue = tf.tensor1d([1, 0]); // labels\nconst yPred: number[] = [0.1, 0.7];");
  assert.deepEqual(js.map((l) => l.name), ['yTrue', 'yPred']);
  const annotated = parseLiterals('y_true: list = [1, 0]\ny_pred: list[float] = [0.2, 0.3]');
  assert.deepEqual(annotated.map((l) => l.name), ['y_true', 'y_pred']);
});

test('parseLiterals: tuple assignment names each value', () => {
  const plain = parseLiterals('y_true, y_pred = [1, 0], [0.8, 0.3]');
  assert.deepEqual(plain.map((l) => [l.name, Array.from(l.tensor.data)]), [['y_true', [1, 0]], ['y_pred', [0.8, 0.3]]]);
  const parenthesized = parseLiterals('(y_true, y_pred) = (np.array([1.]), np.array([0.5]))');
  assert.deepEqual(parenthesized.map((l) => l.name), [undefined, undefined], 'a parenthesized target list is not read as names');
  const tuple = parseLiterals('a, b = ([1], [2])\nc = [3]');
  assert.deepEqual(tuple.map((l) => l.name), ['a', 'b', 'c']);
  const call = parseLiterals('f(a, b=[1])');
  assert.deepEqual(call.map((l) => l.name), ['b']);
  const lines = parseLiterals('a, b\nc = [1], [2]');
  assert.deepEqual(lines.map((l) => l.name), ['c', undefined]);
});

test('parseLiterals: indexing, calls, code and strings are passed over', () => {
  const text = [
    '"""Docstring with [brackets] and it\'s quotes."""',
    'layers = [nn.Linear(2, 3), nn.ReLU()]',
    'x = data[0]',
    'z = f(3)',
    'w = (a + b)',
    "name = 'loss [1, 2]'",
    'y_true = [1, 0]',
    'print(y_true[0], [0.5, 0.5])',
  ].join('\n');
  const found = parseLiterals(text);
  assert.deepEqual(found.map((l) => [l.name, Array.from(l.tensor.data)]), [['y_true', [1, 0]], [undefined, [0.5, 0.5]]]);
});

test('parseLiterals: a malformed named literal is reported; no literal at all is reported', () => {
  assertFails(() => parseLiterals('y_true = [1, 0]\ny_pred = [[0.1, 0.2], [0.3]]'), parseMessages.raggedRows, 38);
  assertFails(() => parseLiterals('y_pred = [0.1, "a"]'), parseMessages.stringNotNumber, 15);
  assertFails(() => parseLiterals('loss = bce(a, b)'), parseMessages.noLiterals, 0);
  assertFails(() => parseLiterals(''), parseMessages.noLiterals, 0);
  assertFails(() => parseLiterals('[a, b]'), parseMessages.identifierNotNumber, 1);
});

test('assignLossRoles: names first, then position in Keras or torch order', () => {
  assert.equal(roleOfName('yTrue'), 'y_true');
  assert.equal(roleOfName('self.labels'), 'y_true');
  assert.equal(roleOfName('logits'), 'y_pred');
  assert.equal(roleOfName('input2'), 'y_pred2');
  assert.equal(roleOfName('weights'), undefined);
  const named = assignLossRoles(parseLiterals('logits = [0.2, 0.9]\ntarget = [0, 1]\nmargin = 1.0'));
  assert.deepEqual(Array.from(named.y_true!.tensor.data), [0, 1]);
  assert.deepEqual(Array.from(named.y_pred!.tensor.data), [0.2, 0.9]);
  assert.equal(named.y_pred2, undefined, 'a named scalar is an option, not an input');
  const positional = parseLiterals('[1, 0]\n[0.7, 0.1]');
  assert.deepEqual(Array.from(assignLossRoles(positional).y_true!.tensor.data), [1, 0]);
  assert.deepEqual(Array.from(assignLossRoles(positional, 'torch').y_true!.tensor.data), [0.7, 0.1]);
  const mixed = assignLossRoles(parseLiterals('y_pred = [0.3]\na = [1]'));
  assert.deepEqual(Array.from(mixed.y_true!.tensor.data), [1]);
});

const SAMPLE: Tensor = { shape: [2, 4], data: Float64Array.from([1, -0, NaN, Infinity, -Infinity, 0.1, 1e-7, 123456789.125]) };

test('formatLiteral writes each style as documented', () => {
  const row: Tensor = { shape: [4], data: Float64Array.from([1, NaN, Infinity, -Infinity]) };
  assert.equal(formatLiteral(row, 'json'), '[1, "NaN", "Infinity", "-Infinity"]');
  assert.equal(formatLiteral(row, 'json', { jsonNonFinite: 'bare' }), '[1, NaN, Infinity, -Infinity]');
  assert.equal(formatLiteral(row, 'python'), "[1.0, float('nan'), float('inf'), float('-inf')]");
  assert.equal(formatLiteral(row, 'numpy'), 'np.array([1.0, np.nan, np.inf, -np.inf])');
  assert.equal(formatLiteral(row, 'numpy', { dtype: true }), 'np.array([1.0, np.nan, np.inf, -np.inf], dtype=np.float64)');
  assert.equal(formatLiteral(row, 'torch'), 'torch.tensor([1.0, torch.nan, torch.inf, -torch.inf], dtype=torch.float64)');
  assert.equal(formatLiteral(row, 'torch', { dtype: false }), 'torch.tensor([1.0, torch.nan, torch.inf, -torch.inf])');
  assert.equal(formatLiteral(row, 'tfjs'), 'tf.tensor1d([1, NaN, Infinity, -Infinity])');
  assert.equal(formatLiteral({ shape: [], data: Float64Array.of(2) }, 'tfjs', { name: 'y' }), 'const y = tf.scalar(2);');
  assert.equal(formatLiteral({ shape: [], data: Float64Array.of(-0) }, 'python'), '-0.0');
  assert.equal(formatLiteral({ shape: [2, 2], data: Float64Array.from([1, 2, 3, 4]) }, 'numpy', { name: 'x' }), 'x = np.array([[1.0, 2.0],\n              [3.0, 4.0]])');
  assert.equal(formatLiteral({ shape: [2, 2], data: Float64Array.from([1, 2, 3, 4]) }, 'json', { multiline: false }), '[[1, 2], [3, 4]]');
  assert.equal(formatLiteral({ shape: [0, 3], data: new Float64Array(0) }, 'tfjs'), 'tf.tensor2d([], [0, 3])');
  assert.equal(formatNumber(Math.PI, 'python', { precision: 4 }), '3.142');
  assert.equal(formatNumber(1e21, 'python'), '1e+21');
  assert.equal(formatNumber(0.1 + 0.2, 'json'), '0.30000000000000004');
});

test('formatLiteral output reads back to the same tensor in every style', () => {
  const styles: LiteralStyle[] = ['json', 'python', 'numpy', 'torch', 'tfjs'];
  const tensors: Tensor[] = [SAMPLE, { shape: [8], data: SAMPLE.data }, { shape: [], data: Float64Array.of(NaN) }, { shape: [0], data: new Float64Array(0) }, { shape: [3, 0], data: new Float64Array(0) }];
  for (const style of styles) {
    for (const tensor of tensors) {
      const text = formatLiteral(tensor, style, { name: 'values' });
      const parsed = parseLiteral(text);
      assert.deepEqual(parsed.tensor.shape, tensor.shape, text);
      assert.equal(parsed.tensor.data.length, tensor.data.length);
      tensor.data.forEach((value, i) => assert.ok(Object.is(parsed.tensor.data[i], value), `${text} at ${i}`));
    }
  }
  assert.equal(parseLiteral(formatLiteral(SAMPLE, 'numpy')).source, 'numpy');
  assert.equal(parseLiteral(formatLiteral(SAMPLE, 'torch')).source, 'torch');
  assert.equal(parseLiteral(formatLiteral(SAMPLE, 'tfjs')).source, 'tfjs');
  assert.equal(parseLiteral(formatLiteral(SAMPLE, 'python')).source, 'python');
  assert.equal(parseLiteral(formatLiteral(SAMPLE, 'json')).source, 'json');
  assert.deepEqual(JSON.parse(formatLiteral(SAMPLE, 'json'))[0], [1, -0, 'NaN', 'Infinity']);
});

test('a literal of a million numbers parses well under a second', () => {
  const parts: string[] = [];
  let seed = 12345;
  for (let i = 0; i < 1_000_000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    parts.push(((seed / 2147483648) * 20 - 10).toFixed(6));
  }
  const text = `np.array([${parts.join(', ')}])`;
  const started = performance.now();
  const result = parseLiteral(text);
  const elapsed = performance.now() - started;
  assert.equal(result.tensor.data.length, 1_000_000);
  assert.equal(result.tensor.data[999_999], Number(parts[999_999]));
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
});
