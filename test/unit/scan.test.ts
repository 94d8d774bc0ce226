/**
 * The scanner over a corpus of realistic code and configs: every mention with its id, framework,
 * parameters and exact name-token range, and every look-alike that must not be one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Framework, ParamSpec, ParamValue } from '../../src/core/catalog/types';
import { findParamSpec } from '../../src/core/catalog/params';
import { getEntry } from '../../src/core/catalog/registry';
import { DATA_ARGS, OPTION_ARGS, PYTHON_APIS, TFJS_APIS, TFJS_TENSOR_METHODS, TORCH_TENSOR_METHODS } from '../../src/core/scan/apiTable';
import { tokenizeJs } from '../../src/core/scan/jsTokenizer';
import { tokenizePython } from '../../src/core/scan/pythonTokenizer';
import { TokenKind } from '../../src/core/scan/tokens';
import {
  detectFramework,
  findMisuses,
  MentionCache,
  mentionAt,
  mentionParams,
  notebookCells,
  notebookContext,
  scanDocument,
  scanNotebook,
  scanNotebookCells,
  type Mention,
  type TextRange,
} from '../../src/core/scan/index';

const fixture = (name: string): string => readFileSync(join(process.cwd(), 'test', 'unit', 'fixtures', 'scan', name), 'utf8');

/** Line and character of an offset, computed independently of the scanner's LineIndex. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** The range's offsets and its line/character agree, and it covers exactly `token`. */
function assertRange(text: string, range: TextRange, token: string, label: string): void {
  assert.equal(text.slice(range.start, range.end), token, `${label}: range text`);
  const start = positionOf(text, range.start);
  const end = positionOf(text, range.end);
  assert.deepEqual([range.startLine, range.startCharacter, range.endLine, range.endCharacter], [start.line, start.character, end.line, end.character], `${label}: line/character`);
}

interface Expected {
  readonly token: string;
  readonly line: number;
  readonly id: string;
  readonly kind: 'activation' | 'loss';
  readonly framework: Framework;
  readonly source: Mention['source'];
  readonly api: string;
  readonly params?: Record<string, ParamValue>;
  readonly expressions?: Record<string, string>;
  readonly defaults?: Record<string, ParamValue>;
  readonly reduction?: string;
  readonly owner?: string;
}

/** Every mention of a document, in order, and nothing else. */
function assertMentions(text: string, mentions: readonly Mention[], expected: readonly Expected[]): void {
  assert.deepEqual(
    mentions.map((m) => `${m.range.startLine}:${text.slice(m.range.start, m.range.end)}`),
    expected.map((e) => `${e.line}:${e.token}`),
    'mention list (line:token)',
  );
  expected.forEach((e, i) => {
    const m = mentions[i]!;
    const label = `${e.api} on line ${e.line}`;
    assertRange(text, m.range, e.token, label);
    assert.deepEqual(
      { id: m.id, kind: m.kind, framework: m.framework, source: m.source, api: m.api },
      { id: e.id, kind: e.kind, framework: e.framework, source: e.source, api: e.api },
      label,
    );
    assert.deepEqual(m.params, e.params ?? {}, `${label}: params`);
    assert.deepEqual(m.expressions, e.expressions ?? {}, `${label}: expressions`);
    assert.deepEqual(m.defaults, e.defaults ?? {}, `${label}: defaults`);
    assert.equal(m.reduction, e.reduction, `${label}: reduction`);
    assert.equal(m.owner?.api, e.owner, `${label}: owner`);
  });
}

const keras = (token: string, line: number, id: string, kind: 'activation' | 'loss', source: Mention['source'], api: string, extra: Partial<Expected> = {}): Expected => ({ token, line, id, kind, framework: 'keras', source, api, ...extra });
const torch = (token: string, line: number, id: string, kind: 'activation' | 'loss', source: Mention['source'], api: string, extra: Partial<Expected> = {}): Expected => ({ token, line, id, kind, framework: 'torch', source, api, ...extra });
const tfjs = (token: string, line: number, id: string, kind: 'activation' | 'loss', source: Mention['source'], api: string, extra: Partial<Expected> = {}): Expected => ({ token, line, id, kind, framework: 'tfjs', source, api, ...extra });

test('Keras 3 model file: layer activations, activation layers, losses in compile (string, object, list, dict), activations and ops', () => {
  const text = fixture('keras_model.py');
  const result = scanDocument(text, 'python');
  assert.equal(result.framework, 'keras');
  assertMentions(text, result.mentions, [
    keras('relu', 20, 'relu', 'activation', 'string', 'relu', { owner: 'layers.Conv2D' }),
    keras('swish', 21, 'silu', 'activation', 'string', 'swish', { owner: 'layers.Conv2D' }),
    keras('gelu', 22, 'gelu', 'activation', 'string', 'gelu', { owner: 'layers.Activation' }),
    keras('LeakyReLU', 24, 'leaky_relu', 'activation', 'call', 'LeakyReLU', { params: { negative_slope: 0.2 } }),
    keras('LeakyReLU', 25, 'leaky_relu', 'activation', 'call', 'layers.LeakyReLU', { defaults: { negative_slope: 0.3 } }),
    keras('softmax', 27, 'softmax', 'activation', 'string', 'softmax', { owner: 'layers.Dense' }),
    keras('BinaryCrossentropy', 31, 'binary_crossentropy', 'loss', 'call', 'keras.losses.BinaryCrossentropy', { params: { from_logits: true, label_smoothing: 0.1 }, owner: 'model.compile' }),
    keras('hard_sigmoid', 38, 'hardsigmoid', 'activation', 'string', 'hard_sigmoid', { owner: 'layers.Dense' }),
    keras('sigmoid', 38, 'sigmoid', 'activation', 'string', 'sigmoid', { owner: 'layers.Dense' }),
    keras('binary_crossentropy', 39, 'binary_crossentropy', 'loss', 'string', 'binary_crossentropy', { owner: 'model.compile' }),
    keras('mse', 45, 'mse', 'loss', 'string', 'mse', { owner: 'model.compile' }),
    keras('mean_absolute_error', 45, 'mae', 'loss', 'string', 'mean_absolute_error', { owner: 'model.compile' }),
    keras('huber', 46, 'huber', 'loss', 'string', 'huber', { owner: 'model.compile' }),
    keras('Huber', 46, 'huber', 'loss', 'call', 'keras.losses.Huber', { params: { delta: 2 }, owner: 'model.compile' }),
    keras('gelu', 51, 'gelu', 'activation', 'call', 'keras.activations.gelu', { params: { approximate: 'tanh' } }),
    keras('softmax', 52, 'softmax', 'activation', 'call', 'keras.ops.softmax', { params: { axis: -1 } }),
    keras('gelu', 53, 'gelu', 'activation', 'call', 'keras.ops.gelu', { defaults: { approximate: 'tanh' } }),
  ]);
});

test('PyTorch module and training loop: modules, functions, tensor methods, losses with expressions and reductions', () => {
  const text = fixture('torch_train.py');
  const result = scanDocument(text, 'python');
  assert.equal(result.framework, 'torch');
  assertMentions(text, result.mentions, [
    torch('ReLU', 15, 'relu', 'activation', 'call', 'nn.ReLU'),
    torch('LeakyReLU', 17, 'leaky_relu', 'activation', 'call', 'nn.LeakyReLU', { params: { negative_slope: 0.1 } }),
    torch('GELU', 18, 'gelu', 'activation', 'call', 'nn.GELU', { params: { approximate: 'tanh' } }),
    torch('Softplus', 19, 'softplus', 'activation', 'call', 'nn.Softplus', { params: { beta: 2, threshold: 10 } }),
    torch('ReLU', 21, 'relu', 'activation', 'call', 'ReLU'),
    torch('relu', 28, 'relu', 'activation', 'call', 'F.relu'),
    torch('sigmoid', 29, 'sigmoid', 'activation', 'call', 'torch.sigmoid'),
    torch('relu', 30, 'relu', 'activation', 'method', '.relu'),
    torch('CrossEntropyLoss', 35, 'sparse_categorical_crossentropy', 'loss', 'call', 'nn.CrossEntropyLoss', { params: { label_smoothing: 0.1 } }),
    torch('BCEWithLogitsLoss', 36, 'binary_crossentropy_with_logits', 'loss', 'call', 'nn.BCEWithLogitsLoss', { expressions: { pos_weight: 'torch.tensor([3.0])' } }),
    torch('KLDivLoss', 37, 'kl_divergence', 'loss', 'call', 'nn.KLDivLoss', { params: { log_target: true }, reduction: 'batchmean' }),
    torch('CrossEntropyLoss', 38, 'sparse_categorical_crossentropy', 'loss', 'call', 'CrossEntropyLoss'),
    torch('softmax', 40, 'softmax', 'activation', 'method', '.softmax', { params: { axis: -1 } }),
    torch('softmax', 41, 'softmax', 'activation', 'call', 'F.softmax', { params: { axis: -1 } }),
    torch('mse_loss', 42, 'mse', 'loss', 'call', 'F.mse_loss', { reduction: 'sum' }),
  ]);
});

test('call, dotted-name and method ranges; arguments keep their roles and the API\'s slot names', () => {
  const text = fixture('torch_train.py');
  const mentions = scanDocument(text, 'python').mentions;
  const mse = mentions.find((m) => m.api === 'F.mse_loss')!;
  assertRange(text, mse.apiRange, 'F.mse_loss', 'apiRange');
  assertRange(text, mse.callRange!, "F.mse_loss(out, probs, reduction='sum')", 'callRange');
  assert.deepEqual(mse.rawArgs!.map((a) => [a.slot, a.role, a.text]), [['input', 'data', 'out'], ['target', 'data', 'probs'], ['reduction', 'reduction', "'sum'"]]);
  const method = mentions.find((m) => m.api === '.softmax')!;
  assertRange(text, method.callRange!, 'out.softmax(dim=-1)', 'method callRange');
  assertRange(text, method.apiRange, '.softmax', 'method apiRange');
  const chained = mentions.find((m) => m.api === '.relu')!;
  assertRange(text, chained.callRange!, 'h.relu()', 'chained method callRange');
  const relu = mentions.find((m) => m.api === 'ReLU')!;
  assert.deepEqual(relu.rawArgs!.map((a) => [a.name, a.role, a.value]), [['inplace', 'other', true]]);
});

test('TensorFlow: tf.nn functions and tf.keras classes use the Keras profile; a function passed as activation is a reference', () => {
  const text = fixture('tf_code.py');
  const result = scanDocument(text, 'python');
  assert.equal(result.framework, 'keras');
  assertMentions(text, result.mentions, [
    keras('relu', 4, 'relu', 'activation', 'call', 'tf.nn.relu'),
    keras('sigmoid_cross_entropy_with_logits', 5, 'binary_crossentropy_with_logits', 'loss', 'call', 'tf.nn.sigmoid_cross_entropy_with_logits'),
    keras('softmax', 10, 'softmax', 'activation', 'reference', 'tf.nn.softmax', { owner: 'tf.keras.layers.Dense' }),
    keras('Huber', 14, 'huber', 'loss', 'call', 'tf.keras.losses.Huber', { params: { delta: 2 } }),
    keras('leaky_relu', 15, 'leaky_relu', 'activation', 'call', 'tf.nn.leaky_relu', { defaults: { negative_slope: 0.2 } }),
  ]);
  const sce = result.mentions[1]!;
  assert.deepEqual(sce.rawArgs!.map((a) => [a.name, a.role]), [['labels', 'data'], ['logits', 'data']]);
});

test('TF.js model: config objects, compile, tf.losses calls and references, ops and tensor methods; comments, templates and regexes are skipped', () => {
  const text = fixture('tfjs_model.ts');
  const result = scanDocument(text, 'typescript');
  assert.equal(result.framework, 'tfjs');
  assertMentions(text, result.mentions, [
    tfjs('relu', 10, 'relu', 'activation', 'string', 'relu', { owner: 'tf.layers.dense' }),
    tfjs('leakyReLU', 11, 'leaky_relu', 'activation', 'call', 'tf.layers.leakyReLU', { params: { negative_slope: 0.1 } }),
    tfjs('gelu_new', 12, 'gelu', 'activation', 'string', 'gelu_new', { params: { approximate: 'tanh' }, owner: 'tf.layers.dense' }),
    tfjs('sigmoid', 13, 'sigmoid', 'activation', 'string', 'sigmoid', { owner: 'tf.layers.dense' }),
    tfjs('binaryCrossentropy', 14, 'binary_crossentropy', 'loss', 'string', 'binaryCrossentropy', { owner: 'model.compile' }),
    tfjs('meanSquaredError', 19, 'mse', 'loss', 'call', 'tf.losses.meanSquaredError'),
    tfjs('sigmoid', 20, 'sigmoid', 'activation', 'call', 'tf.sigmoid'),
    tfjs('huberLoss', 21, 'huber', 'loss', 'call', 'tf.losses.huberLoss', { params: { delta: 2 } }),
    tfjs('relu', 22, 'relu', 'activation', 'method', '.relu'),
    tfjs('meanSquaredError', 25, 'mse', 'loss', 'reference', 'tf.losses.meanSquaredError'),
  ]);
  // The same file as JavaScript reads the same way.
  assert.equal(scanDocument(text, 'javascript').mentions.length, 10);
});

test('JSON config: activation with sibling params, a loss object with params and reduction; metrics and prose are not mentions', () => {
  const text = fixture('train.json');
  const result = scanDocument(text, 'json');
  assert.equal(result.framework, 'torch');
  assertMentions(text, result.mentions, [
    torch('gelu', 2, 'gelu', 'activation', 'string', 'gelu', { params: { approximate: 'tanh' } }),
    torch('cross_entropy', 3, 'sparse_categorical_crossentropy', 'loss', 'string', 'cross_entropy', { params: { label_smoothing: 0.1 }, reduction: 'sum' }),
  ]);
});

test('YAML config: plain and quoted scalars, flow-mapping params, lists of losses, per-entry framework', () => {
  const text = fixture('train.yaml');
  const result = scanDocument(text, 'yaml');
  assert.equal(result.framework, 'keras');
  assertMentions(text, result.mentions, [
    keras('gelu', 3, 'gelu', 'activation', 'string', 'gelu'),
    keras('sigmoid', 4, 'sigmoid', 'activation', 'string', 'sigmoid'),
    keras('binary_crossentropy', 7, 'binary_crossentropy', 'loss', 'string', 'binary_crossentropy', { params: { from_logits: true, label_smoothing: 0.1 } }),
    keras('huber', 10, 'huber', 'loss', 'string', 'huber'),
    torch('mse', 11, 'mse', 'loss', 'string', 'mse', { reduction: 'sum' }),
  ]);
});

test('config forms: per-output loss dicts are reported once, Keras 3 serialized functions, evaluation entries with params', () => {
  const yaml = 'loss:\n  main_loss: mse\n  aux_loss: huber\nevaluations:\n  - activation: leaky_relu\n    framework: torch\n    params: { negative_slope: 0.2 }\n';
  assert.deepEqual(scanDocument(yaml, 'yaml').mentions.map((m) => [m.api, m.id, m.framework, m.range.startLine, m.params]), [
    ['mse', 'mse', 'torch', 1, {}],
    ['huber', 'huber', 'torch', 2, {}],
    ['leaky_relu', 'leaky_relu', 'torch', 4, { negative_slope: 0.2 }],
  ]);
  const json = '{"activation": {"module": "keras.activations", "class_name": "function", "config": "gelu", "registered_name": "gelu"}}';
  const m = scanDocument(json, 'json').mentions;
  assert.deepEqual(m.map((x) => [x.api, x.id, x.framework]), [['gelu', 'gelu', 'keras']]);
  assertRange(json, m[0]!.range, 'gelu', 'serialized function');
});

test('Keras model.to_json(): activation strings in layer configs, activation layers and serialized losses by class_name', () => {
  const text = fixture('keras_to_json.json');
  const result = scanDocument(text, 'json');
  assert.equal(result.framework, 'keras');
  assertMentions(text, result.mentions, [
    keras('relu', 22, 'relu', 'activation', 'string', 'relu', { owner: 'Dense' }),
    keras('LeakyReLU', 32, 'leaky_relu', 'activation', 'config', 'LeakyReLU', { params: { negative_slope: 0.3 } }),
    keras('sigmoid', 39, 'sigmoid', 'activation', 'string', 'sigmoid', { owner: 'Dense' }),
    keras('BinaryCrossentropy', 48, 'binary_crossentropy', 'loss', 'config', 'BinaryCrossentropy', { params: { from_logits: false, label_smoothing: 0 }, reduction: 'sum_over_batch_size' }),
  ]);
});

test('notebook: code cells only (markdown and %%bash skipped), cell index among all cells, cell-relative ranges, imports shared across cells', () => {
  const json = fixture('notebook.ipynb');
  const cells = notebookCells(json);
  assert.equal(cells.length, 7);
  const result = scanNotebook(json);
  assert.equal(result.framework, 'torch');
  assert.deepEqual(result.cells.map((c) => c.cell), [1, 2, 4, 6]);
  const expected: [number, number, string, string, string][] = [
    [2, 1, 'leaky_relu', 'leaky_relu', 'F.leaky_relu'],
    [4, 2, 'Softmax', 'softmax', 'nn.Softmax'],
    [6, 0, 'CrossEntropyLoss', 'sparse_categorical_crossentropy', 'nn.CrossEntropyLoss'],
  ];
  assert.equal(result.mentions.length, expected.length);
  expected.forEach(([cell, line, token, id, api], i) => {
    const m = result.mentions[i]!;
    assert.equal(m.cell, cell);
    assert.equal(m.range.startLine, line);
    assert.equal(m.id, id);
    assert.equal(m.api, api);
    assertRange(cells[cell]!.text, m.range, token, api);
    assertRange(cells[cell]!.text, m.callRange!, cells[cell]!.text.slice(m.callRange!.start, m.callRange!.end), `${api} call`);
  });
  assert.deepEqual(result.mentions[0]!.params, { negative_slope: 0.2 });
  assert.deepEqual(result.cells.find((c) => c.cell === 4)!.mentions.map((m) => m.api), ['nn.Softmax']);
  // The raw .ipynb through scanDocument gives the same mentions.
  assert.deepEqual(scanDocument(json, 'jupyter').mentions, result.mentions);
});

test('notebook cells one at a time: an import in another cell applies through the notebook context', () => {
  const cells = [
    { text: 'import torch.nn.functional as fn\nfrom keras.layers import LeakyReLU as Leaky', languageId: 'python', kind: 'code' as const },
    { text: 'y = fn.gelu(x, approximate="tanh")\nlayer = Leaky()', languageId: 'python', kind: 'code' as const },
  ];
  assert.deepEqual(scanDocument(cells[1]!.text, 'python').mentions, []);
  const alone = scanDocument(cells[1]!.text, 'python', { context: notebookContext(cells) });
  assert.deepEqual(alone.mentions.map((m) => [m.api, m.id, m.framework, m.range.startLine]), [['fn.gelu', 'gelu', 'torch', 0], ['Leaky', 'leaky_relu', 'keras', 1]]);
  assert.deepEqual(alone.mentions[1]!.defaults, { negative_slope: 0.3 });
  const together = scanNotebookCells(cells);
  assert.deepEqual(together.mentions.map((m) => [m.cell, m.api]), [[1, 'fn.gelu'], [1, 'Leaky']]);
});

test('look-alikes are not mentions: comments, docstrings, unrelated strings, imports, longer identifiers, None, definitions, attributes', () => {
  const text = [
    '"""nn.ReLU() and activation="relu" in a docstring."""',
    "from torch.nn import ReLU, Sigmoid  # imported, not used yet",
    'import torch.nn.functional as F',
    '# nn.Softmax(dim=1) commented out',
    "print('relu', \"sigmoid\")",
    'relu_count = my_relu + relu_ + Sigmoid_like',
    'layer = Dense(4, activation=None)',
    'def relu(self):',
    '    self.relu = make()',
    '    return self.relu(x) + self.act.sigmoid(x)',
    "name = 'tanh'",
    "f = f'{F.relu}' + b'relu'.decode()",
    "config = {'name': 'relu', 'loss_weights': 'mse'}",
    'class Sigmoid: pass',
  ].join('\n');
  assert.deepEqual(scanDocument(text, 'python').mentions.map((m) => m.api), []);
  // A later use of an imported name is a mention.
  const later = `${text}\nact = ReLU()\n`;
  assert.deepEqual(scanDocument(later, 'python').mentions.map((m) => [m.api, m.range.startLine]), [['ReLU', 14]]);
});

test('JS look-alikes: comments, template literals, regexes, union types and optional keys are not mentions', () => {
  const text = [
    "import * as tf from '@tensorflow/tfjs';",
    "// activation: 'relu'",
    "type Options = { activation: 'relu' | 'tanh'; loss?: 'mse' };",
    "const re = /activation: 'relu'/g;",
    "const t = `loss: 'mse' ${tf.version}`;",
    "const ratio = a / b / 2; const k = { activation: 'tanh' };",
  ].join('\n');
  const mentions = scanDocument(text, 'typescript').mentions;
  assert.deepEqual(mentions.map((m) => [m.api, m.range.startLine]), [['tanh', 5]]);
});

test('Python tokenizer: prefixes, triple quotes, f-strings with nested quotes, continuations, unterminated strings', () => {
  const text = 'a = rb"x\\"y" + f"{d[\'k\']:>{w}}" + """one\ntwo""" \\\n  + u\'z\'\nb = "open\nc = 1e-3 + 0x1F + .5';
  const tokens = tokenizePython(text);
  const kinds: [number, string][] = [];
  for (let i = 0; i < tokens.length; i++) kinds.push([tokens.kind(i), tokens.text(i)]);
  const strings = kinds.filter(([k]) => k === TokenKind.String || k === TokenKind.OtherString).map(([k, t]) => [k === TokenKind.String ? 'S' : 'O', t]);
  assert.deepEqual(strings, [['O', 'rb"x\\"y"'], ['O', 'f"{d[\'k\']:>{w}}"'], ['S', '"""one\ntwo"""'], ['S', "u'z'"], ['S', '"open']]);
  assert.deepEqual(kinds.filter(([k]) => k === TokenKind.Number).map(([, t]) => t), ['1e-3', '0x1F', '.5']);
  // The continuation keeps one logical line; the unterminated string ends at its line.
  assert.deepEqual(kinds.filter(([k]) => k === TokenKind.Newline).length, 2);
  const u = kinds.findIndex(([, t]) => t === "u'z'");
  assert.equal(tokens.stringValue(u), 'z');
});

test('JS tokenizer: regex versus division, nested template code, escapes', () => {
  const tokens = tokenizeJs("const x = a / b / c; const r = /[/]x/g.test(s); const t = `a${ { k: '}' }.k }b`; const s = 'it\\'s';");
  const texts: string[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens.kind(i) === TokenKind.OtherString || tokens.kind(i) === TokenKind.String) texts.push(tokens.text(i));
  assert.deepEqual(texts, ['/[/]x/g', "`a${ { k: '}' }.k }b`", "'it\\'s'"]);
  const last = texts.length;
  assert.equal(last, 3);
  let quoted = -1;
  for (let i = 0; i < tokens.length; i++) if (tokens.text(i) === "'it\\'s'") quoted = i;
  assert.equal(tokens.stringValue(quoted), "it's");
});

test('arguments: positional order per API, keywords, literals (negative, inf, tuples, lists), expressions, starred arguments', () => {
  const text = [
    'import math',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    'a = nn.LeakyReLU(0.05, True)',
    'b = F.leaky_relu(x, -0.0)',
    'c = nn.Hardtanh(-2, 2.5)',
    "d = nn.Threshold(0.1, float('-inf'))",
    'e = nn.PReLU(init=0.1)',
    'f = F.prelu(x, weight)',
    'g = F.softmax(x, 1)',
    'h = nn.Softplus(*args, beta=2)',
    'i = nn.Hardtanh(min_val=-math.inf, max_val=(3))',
    "j = nn.CrossEntropyLoss(weight=[0.2, 1.0, 3.0], ignore_index=-100, reduction=mode)",
    'k = nn.GELU(**options)',
  ].join('\n');
  const m = scanDocument(text, 'python').mentions;
  assert.deepEqual(m.map((x) => x.params), [
    { negative_slope: 0.05 },
    { negative_slope: -0 },
    { min_val: -2, max_val: 2.5 },
    { threshold: 0.1, value: -Infinity },
    { weight: [0.1] },
    {},
    { axis: 1 },
    { beta: 2 },
    { min_val: -Infinity, max_val: 3 },
    { weight: [0.2, 1, 3], ignore_index: -100 },
    {},
  ]);
  assert.ok(Object.is(m[1]!.params.negative_slope, -0));
  assert.deepEqual(m[5]!.expressions, { weight: 'weight' });
  assert.deepEqual(m[9]!.expressions, { reduction: 'mode' });
  assert.equal(m[9]!.reduction, undefined);
  assert.deepEqual(m[0]!.rawArgs!.map((x) => [x.position, x.slot, x.role]), [[0, 'negative_slope', 'param'], [1, 'inplace', 'other']]);
});

test('keyword and string forms: compile with a positional loss, Activation/get factories, dict configs, loss dicts, unclosed calls while typing', () => {
  const text = [
    'from tensorflow import keras',
    "model.compile('adam', 'categorical_crossentropy')",
    "act = keras.activations.get('selu')",
    "fn = keras.losses.get('kld')",
    "spec = {'activation': 'elu', 'loss': 'poisson'}",
    'cell = keras.layers.LSTM(8, recurrent_activation="hard_sigmoid")',
    "keras.layers.Dense(4, activation='tanh'",
  ].join('\n');
  const m = scanDocument(text, 'python').mentions;
  assert.deepEqual(m.map((x) => [x.api, x.id, x.kind, x.range.startLine, x.owner?.api]), [
    ['categorical_crossentropy', 'categorical_crossentropy', 'loss', 1, 'model.compile'],
    ['selu', 'selu', 'activation', 2, 'keras.activations.get'],
    ['kld', 'kl_divergence', 'loss', 3, 'keras.losses.get'],
    ['elu', 'elu', 'activation', 4, undefined],
    ['poisson', 'poisson', 'loss', 4, undefined],
    ['hard_sigmoid', 'hardsigmoid', 'activation', 5, 'keras.layers.LSTM'],
    ['tanh', 'tanh', 'activation', 6, 'keras.layers.Dense'],
  ]);
  assert.equal(m[6]!.owner!.callRange, undefined);
});

test('framework per mention: the API decides; bare strings follow the owner, then the file\'s imports', () => {
  const text = [
    'import torch.nn as nn',
    'import tensorflow as tf',
    "enc = nn.TransformerEncoderLayer(64, 4, activation='gelu')",
    "dense = tf.keras.layers.Dense(4, activation='gelu')",
    "options = dict(activation='gelu')",
  ].join('\n');
  const m = scanDocument(text, 'python').mentions;
  assert.deepEqual(m.map((x) => x.framework), ['torch', 'keras', 'torch']);
  const noImports = scanDocument("y = fn(activation='relu')", 'python');
  assert.equal(noImports.framework, undefined);
  assert.equal(noImports.mentions[0]!.framework, 'keras');
  assert.equal(scanDocument("y = fn(activation='relu')", 'python', { defaultFramework: 'torch' }).mentions[0]!.framework, 'torch');
});

test('detectFramework: imports, config keys, Keras JSON, TF.js', () => {
  assert.equal(detectFramework('import torch\n', 'python'), 'torch');
  assert.equal(detectFramework('from tensorflow import keras\n', 'python'), 'keras');
  assert.equal(detectFramework('import keras\nimport torch\n', 'python'), 'keras');
  assert.equal(detectFramework('y = F.relu(x)\n', 'python'), 'torch');
  assert.equal(detectFramework('x = 1\n', 'python'), undefined);
  assert.equal(detectFramework("const tf = require('@tensorflow/tfjs-node');\n", 'javascript'), 'tfjs');
  assert.equal(detectFramework('{"framework": "pytorch", "loss": "mse"}', 'json'), 'torch');
  assert.equal(detectFramework('backend: tensorflow\n', 'yaml'), 'keras');
  assert.equal(detectFramework(fixture('keras_to_json.json'), 'json'), 'keras');
  assert.equal(detectFramework('{"format": "layers-model", "modelTopology": {}}', 'json'), 'tfjs');
  assert.equal(detectFramework(fixture('notebook.ipynb'), 'jupyter'), 'torch');
  assert.equal(detectFramework('x', 'plaintext'), undefined);
});

test('CRLF line endings give the same offsets VS Code uses', () => {
  const text = "import torch.nn as nn\r\nact = nn.GELU()\r\nloss = nn.MSELoss(reduction='sum')\r\n";
  const m = scanDocument(text, 'python').mentions;
  assert.deepEqual(m.map((x) => [x.range.startLine, x.range.startCharacter]), [[1, 9], [2, 10]]);
  assertRange(text, m[1]!.range, 'MSELoss', 'CRLF');
});

test('mentionAt and mentionParams help the host', () => {
  const text = 'import torch.nn as nn\nact = nn.LeakyReLU(negative_slope=0.2)\nlayer = nn.Sequential(nn.ReLU(), nn.Softmax(dim=1))\n';
  const mentions = scanDocument(text, 'python').mentions;
  assert.equal(mentionAt(mentions, text.indexOf('LeakyReLU') + 3)?.api, 'nn.LeakyReLU');
  assert.equal(mentionAt(mentions, text.indexOf('slope'))?.api, 'nn.LeakyReLU');
  assert.equal(mentionAt(mentions, text.indexOf('dim=1'))?.api, 'nn.Softmax');
  assert.equal(mentionAt(mentions, 0), undefined);
  const keras = scanDocument('from keras import layers\nx = layers.LeakyReLU()\n', 'python').mentions[0]!;
  assert.deepEqual(mentionParams(keras), { negative_slope: 0.3 });
});

test('MentionCache: one scan per document version, LRU eviction, options reset, misuses cached too', () => {
  const cache = new MentionCache({}, 2);
  const text = 'import torch.nn as nn\nm = nn.Softmax()\n';
  const first = cache.get('file:///a.py', 1, text, 'python');
  assert.equal(cache.get('file:///a.py', 1, text, 'python'), first);
  const second = cache.get('file:///a.py', 2, `${text}n = nn.ReLU()\n`, 'python');
  assert.notEqual(second, first);
  assert.equal(second.mentions.length, 2);
  const misuses = cache.misuses('file:///a.py', 2, `${text}n = nn.ReLU()\n`, 'python');
  assert.equal(misuses.length, 1);
  assert.equal(cache.misuses('file:///a.py', 2, `${text}n = nn.ReLU()\n`, 'python'), misuses);
  cache.get('file:///b.py', 1, 'x = 1', 'python');
  cache.get('file:///a.py', 2, `${text}n = nn.ReLU()\n`, 'python');
  cache.get('file:///c.py', 1, 'y = 2', 'python');
  assert.equal(cache.size, 2);
  assert.notEqual(cache.get('file:///b.py', 1, 'x = 1', 'python').languageId, undefined);
  cache.setOptions({ defaultFramework: 'torch' });
  assert.equal(cache.size, 0);
  cache.get('file:///d.py', 1, 'y = 2', 'python');
  cache.delete('file:///d.py');
  assert.equal(cache.size, 0);
});

test('a generated 10,000-line Python file scans completely and correctly', () => {
  const block = [
    'class Block{n}(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    '        self.act = nn.LeakyReLU(0.{n})',
    '        self.norm = nn.LayerNorm(16)',
    '',
    '    def forward(self, x):',
    '        """Applies relu and softmax (prose)."""',
    "        return F.softmax(self.act(x), dim=-1)  # nn.ReLU()",
    "loss{n} = nn.HuberLoss(delta={n}.5)",
  ];
  const lines = ['import torch.nn as nn', 'import torch.nn.functional as F'];
  let blocks = 0;
  for (; lines.length + block.length <= 10_000; blocks++) lines.push(...block.map((line) => line.replaceAll('{n}', String(blocks % 10))));
  while (lines.length < 10_000) lines.push('x = 0');
  const text = lines.join('\n');
  const mentions = scanDocument(text, 'python').mentions;
  assert.equal(mentions.length, blocks * 3);
  assert.deepEqual(new Set(mentions.map((m) => m.id)), new Set(['leaky_relu', 'softmax', 'huber']));
  const last = mentions[mentions.length - 1]!;
  assert.equal(last.range.startLine, 2 + blocks * block.length - 1);
  assertRange(text, last.range, 'HuberLoss', 'last mention');
  assert.deepEqual(last.params, { delta: ((blocks - 1) % 10) + 0.5 });
  assert.deepEqual(mentions[0]!.params, { negative_slope: 0 });
});

test('the API table uses golden ids, and its parameter names agree with the catalog wherever the catalog has the entry', () => {
  const goldenIds = new Set(['sigmoid', 'tanh', 'relu', 'leaky_relu', 'prelu', 'elu', 'selu', 'celu', 'gelu', 'silu', 'mish', 'softplus', 'softsign', 'hardsigmoid', 'hardswish', 'hardtanh', 'relu6', 'logsigmoid', 'tanhshrink', 'softshrink', 'hardshrink', 'threshold', 'exponential', 'linear', 'softmax', 'log_softmax', 'glu', 'mse', 'mae', 'huber', 'smooth_l1', 'log_cosh', 'mape', 'msle', 'binary_crossentropy', 'binary_crossentropy_with_logits', 'binary_focal_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy', 'nll_loss', 'kl_divergence', 'poisson', 'poisson_nll', 'cosine_similarity', 'hinge', 'squared_hinge', 'categorical_hinge', 'margin_ranking_loss', 'cosine_embedding_loss', 'triplet_margin_loss', 'hinge_embedding_loss', 'multi_margin_loss', 'multilabel_margin_loss', 'multilabel_soft_margin_loss', 'soft_margin_loss']);
  let checked = 0;
  for (const table of [PYTHON_APIS, TFJS_APIS, TORCH_TENSOR_METHODS, TFJS_TENSOR_METHODS]) {
    for (const [key, spec] of table) {
      assert.ok(goldenIds.has(spec.id), `${key}: ${spec.id} is not a catalog id`);
      const entry = getEntry(spec.id);
      if (!entry) continue;
      for (const written of new Set([...spec.positional, ...Object.keys(spec.rename ?? {})])) {
        if (written === 'reduction' || DATA_ARGS.has(written) || OPTION_ARGS.has(written)) continue;
        const target = spec.rename?.[written] ?? written;
        const found: ParamSpec | undefined = findParamSpec(entry, target) ?? findParamSpec(entry, written);
        // Keras and torch options the catalog does not model (`axis` of BinaryCrossentropy...) are allowed; renamed names must exist.
        if (spec.rename?.[written]) assert.ok(found, `${key}: ${written} → ${target} is not a parameter of ${spec.id}`);
        if (found) {
          assert.equal(found.name, target, `${key}: ${written} resolves to ${found.name}, the table says ${target}`);
          checked++;
        }
      }
      for (const name of Object.keys({ ...spec.defaults, ...spec.implied })) {
        assert.ok(entry.params.some((p) => p.name === name), `${key}: default/implied ${name} is not a parameter of ${spec.id}`);
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} parameters were checked against the catalog`);
});

/** Fragments that stress the tokenizers: half-open strings, brackets, comments, templates, keywords. */
const FRAGMENTS = ['nn.', 'F.', 'torch.', 'tf.', 'layers.', 'keras.losses.', 'ReLU', 'Softmax', 'softmax', 'sigmoid', 'relu', 'BCELoss', 'CrossEntropyLoss', 'KLDivLoss', 'Dense', 'compile',
  '(', ')', '[', ']', '{', '}', ',', '=', ':', '.', '*', '**', '-', '0.5', '1', "'", '"', '"""', "'relu'", '"mse"', 'f"', 'rb\'', '#', '//', '/*', '*/', '`', '${', '/', '\\', '\n', '\r\n', '    ',
  'activation=', 'loss=', 'activation: ', 'loss: ', 'def ', 'return ', 'import torch.nn as nn\n', 'from keras import layers\n', "import * as tf from '@tensorflow/tfjs';\n", 'dim=', 'reduction=', "'mean'", 'x', 'self', 'criterion', 'from_logits=True', 'units: 1'];

test('any input: scanning and misuse finding never throw, and every range is inside the text with consistent line/character', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), fc.constantFrom('python', 'typescript', 'javascript', 'json', 'yaml'), (parts, languageId) => {
      const text = parts.join('');
      const result = scanDocument(text, languageId);
      for (const m of result.mentions) {
        for (const range of [m.range, m.apiRange, ...(m.callRange ? [m.callRange] : []), ...(m.rawArgs ?? []).map((a) => a.range)]) {
          assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, 'range inside the text');
          const start = positionOf(text, range.start);
          assert.deepEqual([range.startLine, range.startCharacter], [start.line, start.character]);
        }
        assert.ok(m.range.end > m.range.start, 'a name token is never empty');
      }
      for (const misuse of findMisuses(text, languageId, result)) {
        assert.ok(misuse.range.end <= text.length && (!misuse.fix || misuse.fix.range.end <= text.length));
      }
    }),
    { numRuns: 400 },
  );
});
