/**
 * Selection evaluation in the pure core: the parameter line, numeral counting, previews, statistics,
 * loss input assignment and warnings, framework comparison and the results model; plus the guards of
 * the results protocol.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CATALOG, requireEntry } from '../../src/core/catalog/registry';
import { resolveParams } from '../../src/core/catalog/params';
import { FRAMEWORKS, type LossEntry } from '../../src/core/catalog/types';
import { evaluateActivation, evaluateLoss } from '../../src/core/evaluate';
import { catalogMessages } from '../../src/core/catalog/messages';
import { FormulaLensError } from '../../src/core/l10n';
import { fromNested, scalar } from '../../src/core/tensor';
import {
  activationSection, activationStatistics, applicableParams, assignLossInputs, compareActivation, compareLoss, compareSection, countNumerals,
  defaultParamText, disagreements, formatParamText, lossContributions, lossInputWarnings, lossRoles, lossSection, parseParamText,
  parseParamValue, previewTensor, resultMessages, roleOfName, valuesAgree,
} from '../../src/core/results/index';
import { isConfigEntryArgs, isResultActionArgs, isResultsWebviewMessage, readEvaluationArgs } from '../../src/protocol/results';

/** Runs `action` and returns the FormulaLensError it throws. */
function thrown(action: () => unknown): FormulaLensError {
  try {
    action();
  } catch (error) {
    if (error instanceof FormulaLensError) return error;
    throw error;
  }
  assert.fail('expected a FormulaLensError');
}

test('parameter line: every function under every framework reads its own defaults back unchanged', () => {
  for (const entry of CATALOG) {
    for (const framework of FRAMEWORKS) {
      const text = defaultParamText(entry, framework, entry.kind === 'loss' ? 'mean' : undefined);
      const read = parseParamText(text, entry, framework);
      assert.deepEqual(resolveParams(entry, framework, read.params), resolveParams(entry, framework), `${entry.id} under ${framework}: ${text}`);
      if (entry.kind === 'loss') assert.equal(read.reduction, 'mean');
      assert.deepEqual(Object.keys(read.params), applicableParams(entry, framework).map((spec) => spec.name), `${entry.id} under ${framework}`);
    }
  }
});

test('parameter line: framework defaults and spellings (Python for torch and Keras, JavaScript for TF.js)', () => {
  const leaky = requireEntry('leaky_relu');
  assert.deepEqual(FRAMEWORKS.map((framework) => defaultParamText(leaky, framework)), ['negative_slope=0.01', 'negative_slope=0.2', 'negative_slope=0.3']);
  const bce = requireEntry('binary_crossentropy');
  assert.equal(defaultParamText(bce, 'keras', 'sum'), 'from_logits=False, label_smoothing=0, epsilon=1e-7, reduction=sum');
  assert.equal(defaultParamText(bce, 'tfjs'), 'from_logits=false, label_smoothing=0, epsilon=1e-7, reduction=mean');
  assert.equal(formatParamText(requireEntry('gelu'), 'torch', { approximate: 'tanh' }), 'approximate=tanh');
  // Spellings users write resolve to canonical names; the reduction travels separately.
  assert.deepEqual(parseParamText('alpha = 0.5', leaky, 'tfjs'), { params: { negative_slope: 0.5 } });
  assert.deepEqual(parseParamText('from_logits=True, reduction=sum', bce, 'torch'), { params: { from_logits: true }, reduction: 'sum' });
  assert.deepEqual(parseParamText('', leaky, 'torch'), { params: {} });
  assert.deepEqual(parseParamText("weight=[0.1, 0.2], pos_weight=(2, 3,)", bce, 'torch').params, { weight: [0.1, 0.2], pos_weight: [2, 3] });
});

test('parameter line: each mistake names the parameter to fix', () => {
  const leaky = requireEntry('leaky_relu');
  const bce = requireEntry('binary_crossentropy');
  assert.equal(thrown(() => parseParamText('negative_slope', leaky, 'torch')).text, resultMessages.paramSegmentNoEquals);
  assert.equal(thrown(() => parseParamText('negative_slope=', leaky, 'torch')).text, resultMessages.paramEmptyValue);
  assert.equal(thrown(() => parseParamText('negative_slope=abc', leaky, 'torch')).text, catalogMessages.paramNotNumber);
  const unknown = thrown(() => parseParamText('slope=0.1', leaky, 'torch'));
  assert.equal(unknown.text, catalogMessages.unknownParam);
  assert.equal(unknown.args.param, 'slope');
  assert.equal(thrown(() => parseParamText('negative_slope=0.1, alpha=0.2', leaky, 'tfjs')).text, resultMessages.paramRepeated);
  assert.equal(thrown(() => parseParamText('reduction=batchmean', bce, 'torch')).text, resultMessages.badReduction);
  assert.equal(thrown(() => parseParamText('epsilon=1e-3', bce, 'torch')).text, resultMessages.paramNotInFramework);
  assert.equal(thrown(() => parseParamText('weight=[0.1, 0.2', bce, 'torch')).text, resultMessages.paramUnclosed);
});

test('parameter values: Python and JavaScript spellings, quotes, infinities, lists and tuples', () => {
  const cases: [string, unknown][] = [
    ['True', true], ['false', false], ['None', null], ['null', null], ['0.25', 0.25], ['-1e-3', -0.001], ['inf', Infinity], ['-Infinity', -Infinity],
    ["'tanh'", 'tanh'], ['"a, b"', 'a, b'], ['tanh', 'tanh'], ['[1, 2.5]', [1, 2.5]], ['(1, 2)', [1, 2]], ['[[1, 2], [3, 4]]', [[1, 2], [3, 4]]], ['[a]', '[a]'],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseParamValue(text), expected, text);
  assert.ok(Number.isNaN(parseParamValue('nan')));
});

test('numerals: counts numbers, not the digits of names, and stops early', () => {
  assert.equal(countNumerals('x2 = torch.tensor([1, 2.5e-3, -.5, 1_000], dtype=torch.float64)'), 4);
  assert.equal(countNumerals('[[1, 2], [3, 4]]  # layer3'), 4);
  assert.equal(countNumerals(''), 0);
  assert.equal(countNumerals('1 2 3 4 5 6 7 8', 3), 4);
  fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 50 }), (values) => countNumerals(JSON.stringify(values)) === values.length));
});

test('previews: numbers at 6 significant digits, cut with … before the length limit', () => {
  assert.equal(previewTensor(scalar(-Math.log(1e-7))), '16.1181');
  assert.equal(previewTensor(fromNested([0, 0.25, -1e-9, NaN, Infinity])), '[0, 0.25, -1e-9, NaN, Infinity]');
  assert.equal(previewTensor(fromNested([[1, 2], [3, 4]])), '[[1, 2], [3, 4]]');
  const long = previewTensor(fromNested(Array.from({ length: 1000 }, (_, i) => i / 7)), 60);
  assert.ok(long.length <= 64 && long.endsWith('…'), long);
  const wide = previewTensor(fromNested(Array.from({ length: 30 }, () => [1.5, 2.5, 3.5])), 40);
  assert.ok(wide.length <= 46 && wide.endsWith('…'), wide);
});

test('activation statistics: ranges, mean, dead (f′ = 0) and saturated (0 < |f′| < 1e-3) units', () => {
  const x = fromNested([-20, -1, 0, 1, 20, NaN]);
  const result = evaluateActivation('sigmoid', x, { framework: 'torch' });
  const stats = activationStatistics(x, result.value, result.grad);
  assert.equal(stats.count, 6);
  assert.deepEqual([stats.input.min, stats.input.max, stats.input.nonFinite], [-20, 20, 1]);
  assert.equal(stats.saturated, 2, 'σ′(±20) ≈ 2e-9');
  assert.equal(stats.dead, 0);
  const relu = evaluateActivation('relu', fromNested([-2, -1, 0, 3]), { framework: 'torch' });
  const reluStats = activationStatistics(fromNested([-2, -1, 0, 3]), relu.value, relu.grad);
  assert.equal(reluStats.dead, 3);
  assert.equal(reluStats.outputMean, 0.75);
});

test('loss contributions: the terms scaled to add up to the reduced loss under every reduction', () => {
  const inputs = { yTrue: fromNested([[1, 0, 0], [0, 1, 0]]), yPred: fromNested([[0.7, 0.2, 0.1], [0.3, 0.3, 0.4]]) };
  for (const framework of FRAMEWORKS) {
    for (const reduction of ['mean', 'sum'] as const) {
      const reduced = evaluateLoss('categorical_crossentropy', inputs, { framework, reduction, params: { from_logits: false } }).value;
      const terms = evaluateLoss('categorical_crossentropy', inputs, { framework, reduction: 'none', params: { from_logits: false } }).value;
      const contributions = lossContributions(terms, reduced);
      const sum = contributions.reduce((total, value) => total + value, 0);
      assert.ok(Math.abs(sum - reduced.data[0]!) < 1e-12, `${framework} ${reduction}`);
    }
  }
  assert.deepEqual(Array.from(lossContributions(fromNested([1, 2]), fromNested([1, 2]))), [1, 2], 'reduction none: the terms themselves');
  assert.deepEqual(Array.from(lossContributions(fromNested([0, 0]), scalar(0))), [0, 0]);
});

test('loss inputs: names in any order, positional in Keras order, and clear errors', () => {
  const cce = requireEntry('categorical_crossentropy') as LossEntry;
  const a = fromNested([1, 0]);
  const b = fromNested([0.8, 0.2]);
  const named = assignLossInputs(cce, [{ tensor: b, name: 'y_pred' }, { tensor: a, name: 'y_true' }]);
  assert.equal(named.inputs.yTrue, a);
  assert.equal(named.inputs.yPred, b);
  assert.equal(named.positional, false);
  const positional = assignLossInputs(cce, [{ tensor: a }, { tensor: b }]);
  assert.equal(positional.inputs.yTrue, a);
  assert.equal(positional.positional, true);
  const mixed = assignLossInputs(cce, [{ tensor: b, name: 'logits' }, { tensor: a, name: 'one_hot' }]);
  assert.equal(mixed.inputs.yPred, b, 'logits is y_pred; the unnamed one fills y_true');
  assert.equal(thrown(() => assignLossInputs(cce, [{ tensor: a }])).text, resultMessages.tooFewLossInputs);
  assert.equal(thrown(() => assignLossInputs(cce, [{ tensor: a }, { tensor: b }, { tensor: b }])).text, resultMessages.tooManyLossInputs);
  assert.equal(thrown(() => assignLossInputs(cce, [{ tensor: a, name: 'labels' }, { tensor: b, name: 'target' }])).text, resultMessages.sameRoleTwice);
  // Extra arrays are ignored once names fill every slot.
  assert.equal(assignLossInputs(cce, [{ tensor: b }, { tensor: a, name: 'y_true' }, { tensor: b, name: 'y_pred' }]).inputs.yPred, b);
  assert.deepEqual(lossRoles(requireEntry('triplet_margin_loss') as LossEntry), ['y_pred', 'y_pred2', 'y_pred3']);
  assert.deepEqual(lossRoles(requireEntry('margin_ranking_loss') as LossEntry), ['y_true', 'y_pred', 'y_pred2']);
});

test('loss input names: what each variable name announces', () => {
  const cases: [string, string | undefined][] = [
    ['y_true', 'y_true'], ['yTrue', 'y_true'], ['targets', 'y_true'], ['binary_labels', 'y_true'], ['batch.labels', 'y_true'],
    ['y_pred', 'y_pred'], ['logits', 'y_pred'], ['probabilities', 'y_pred'], ['class_logits', 'y_pred'], ['y_hat', 'y_pred'], ['input2', 'y_pred2'],
    ['one_hot', undefined], ['x', undefined], ['pred_labels', undefined],
  ];
  for (const [name, role] of cases) assert.equal(roleOfName(name), role, name);
});

test('loss input warnings: probabilities out of range, probabilities as logits, log-probabilities, targets', () => {
  const warn = (name: string, framework: 'torch' | 'keras' | 'tfjs', yTrue: number[] | number[][], yPred: number[] | number[][], params = {}) => {
    const entry = requireEntry(name) as LossEntry;
    return lossInputWarnings(entry, resolveParams(entry, framework, params), { yTrue: fromNested(yTrue), yPred: fromNested(yPred) }).map((w) => w.text);
  };
  assert.deepEqual(warn('binary_crossentropy', 'keras', [1, 0], [2.5, -1]), [resultMessages.warnNotProbabilities]);
  assert.deepEqual(warn('binary_crossentropy', 'keras', [1, 0], [2.5, -1], { from_logits: true }), []);
  assert.deepEqual(warn('binary_crossentropy', 'torch', [1, 0], [0.9, 0.1]), []);
  assert.deepEqual(warn('binary_crossentropy', 'torch', [2, 0], [0.9, 0.1]), [resultMessages.warnLabelsOutsideUnit]);
  // torch cross_entropy reads logits: rows that already sum to 1 are a softmax output.
  assert.deepEqual(warn('cross_entropy', 'torch', [0, 1], [[0.7, 0.3], [0.2, 0.8]]), [resultMessages.warnProbabilitiesAsLogits]);
  assert.deepEqual(warn('cross_entropy', 'torch', [0, 1], [[2.0, -1.0], [0.5, 1.5]]), []);
  assert.deepEqual(warn('cross_entropy', 'torch', [0.5, 1], [[2.0, -1.0], [0.5, 1.5]]), [resultMessages.warnNotClassIndices]);
  assert.deepEqual(warn('nll_loss', 'torch', [0, 1], [[0.7, 0.3], [0.2, 0.8]]), [resultMessages.warnNotLogProbabilities]);
  assert.deepEqual(warn('kl_div', 'torch', [[0.5, 0.5]], [[0.4, 0.6]]), [resultMessages.warnNotLogProbabilities]);
  assert.deepEqual(warn('kl_div', 'keras', [[0.5, 0.5]], [[0.4, 0.6]]), []);
  assert.deepEqual(warn('kl_div', 'keras', [[0.5, 0.7]], [[0.4, 0.6]]), [resultMessages.warnTargetNotDistribution]);
  assert.deepEqual(warn('categorical_crossentropy', 'keras', [[1, 0], [0.5, 0.5]], [[0.9, 0.1], [0.5, 0.5]]), [resultMessages.warnNotOneHot]);
  assert.deepEqual(warn('categorical_crossentropy', 'keras', [0, 1], [[0.9, 0.1], [0.5, 0.5]]), [resultMessages.warnClassIndicesForOneHot]);
  assert.deepEqual(warn('mse', 'torch', [1, 2], [30, -4]), []);
  // Multi-label margin targets list class indices and end at the first −1: the padding is no mistake.
  assert.deepEqual(warn('multilabel_margin_loss', 'torch', [[2, 0, -1], [1, -1, -1]], [[0.1, 0.2, 0.4], [0.3, 0.5, 0.9]]), []);
  assert.deepEqual(warn('multilabel_margin_loss', 'torch', [[0.5, -1, -1]], [[0.1, 0.2, 0.4]]), [resultMessages.warnNotClassIndexLists]);
});

test('framework comparison: BCE at p = 0 is 100 in torch and −ln 1e-7 in Keras; leaky_relu defaults differ', () => {
  const outcomes = compareLoss('binary_crossentropy', { yTrue: fromNested([1]), yPred: fromNested([0]) }, 'mean');
  const values = outcomes.map((outcome) => (outcome.ok ? outcome.value.data[0]! : NaN));
  assert.equal(values[0], 100);
  assert.ok(Math.abs(values[1]! + Math.log(1e-7)) < 1e-9, String(values[1]));
  const entry = requireEntry('binary_crossentropy') as LossEntry;
  const section = compareSection(entry, fromNested([0]), outcomes, { yTrue: fromNested([1]), reduction: 'mean' });
  assert.deepEqual(Array.from(section.valueDiffers), [1]);
  assert.ok(section.differingParams.includes('epsilon'), 'only Keras and TF.js clip with epsilon');

  const leaky = compareActivation('leaky_relu', fromNested([-1, 0, 2]));
  const leakySection = compareSection(requireEntry('leaky_relu') as never, fromNested([-1, 0, 2]), leaky);
  assert.deepEqual(leakySection.differingParams, ['negative_slope']);
  assert.deepEqual(Array.from(leakySection.valueDiffers), [1, 0, 0]);
  assert.deepEqual(Array.from(leakySection.gradDiffers), [1, 1, 0]);
  // A spelling with a preset (Keras layers.LeakyReLU) still compares each framework's evaluation.
  assert.ok(compareActivation('layers.LeakyReLU', fromNested([-1])).every((outcome) => outcome.ok && outcome.value.data[0] === -0.3));
});

test('agreement: NaN with NaN, equal infinities, and the relative tolerance', () => {
  assert.ok(valuesAgree(NaN, NaN));
  assert.ok(!valuesAgree(NaN, 0));
  assert.ok(valuesAgree(Infinity, Infinity));
  assert.ok(!valuesAgree(Infinity, -Infinity));
  assert.ok(valuesAgree(1, 1 + 1e-9));
  assert.ok(!valuesAgree(1, 1.001));
  assert.deepEqual(Array.from(disagreements([Float64Array.of(1, 2), Float64Array.of(1, 3)])), [0, 1]);
  assert.deepEqual(Array.from(disagreements([Float64Array.of(1, 2), Float64Array.of(1)])), [1, 1], 'different shapes disagree everywhere');
});

test('results model: activation and loss sections carry the shown parameters, statistics and warnings', () => {
  const x = fromNested([-1, 0.5]);
  const activation = activationSection(evaluateActivation('softplus', x, { framework: 'keras' }), x, 'keras', 'imports', 'logits');
  assert.deepEqual(activation.params, { beta: 1 }, 'torch-only threshold is not shown under Keras');
  assert.equal(activation.label, 'logits');
  assert.equal(activation.statistics.count, 2);
  const inputs = { yTrue: fromNested([1, 0]), yPred: fromNested([1.5, 0.2]) };
  const evaluation = evaluateLoss('bce', inputs, { framework: 'keras' });
  const terms = evaluateLoss('bce', inputs, { framework: 'keras', reduction: 'none' }).value;
  const loss = lossSection(evaluation, inputs, terms, 'keras', 'setting', { names: { y_true: 'labels' }, positional: true });
  assert.equal(loss.reduction, 'mean');
  assert.equal(loss.warnings.length, 1);
  assert.match(loss.warnings[0]!, /outside \[0, 1\]/);
  assert.deepEqual(loss.sourceNames, { y_true: 'labels' });
});

test('protocol: result actions from the page are checked exactly', () => {
  assert.ok(isResultsWebviewMessage({ type: 'action', resultId: 3, section: 0, action: 'copy', format: 'numpy', part: 'gradient' }));
  assert.ok(isResultsWebviewMessage({ type: 'action', resultId: 3, section: 1, action: 'insertBelow' }));
  assert.ok(isResultsWebviewMessage({ type: 'action', resultId: 3, section: 0, action: 'reveal', item: 4 }));
  const rejected = [
    { type: 'action', resultId: 3, section: 0, action: 'copy' },
    { type: 'action', resultId: 3, section: 0, action: 'replaceSelection', format: 'json' },
    { type: 'action', resultId: 3, section: 0, action: 'replaceSelection', part: 'value' },
    { type: 'action', resultId: 3, section: 0, action: 'reveal' },
    { type: 'action', resultId: 3, section: 0, action: 'delete' },
    { type: 'action', resultId: -1, section: 0, action: 'insertBelow' },
    { type: 'action', resultId: 3, section: 0.5, action: 'insertBelow' },
    { type: 'action', resultId: 3, section: 0, action: 'insertBelow', extra: true },
    { type: 'run', resultId: 3, section: 0, action: 'insertBelow' },
    null, 'action', [],
  ];
  for (const message of rejected) assert.ok(!isResultsWebviewMessage(message), JSON.stringify(message));
  fc.assert(fc.property(fc.anything(), (value) => {
    if (isResultsWebviewMessage(value)) assert.equal(value.type, 'action');
  }));
});

test('protocol: command arguments; a menu\'s Uri is no argument, a bad field is named', () => {
  assert.deepEqual(readEvaluationArgs(undefined), { args: {} });
  assert.deepEqual(readEvaluationArgs({ scheme: 'file', path: '/x.py', fsPath: '/x.py' }), { args: {} });
  assert.deepEqual(readEvaluationArgs({ name: 'relu', framework: 'keras', params: { negative_slope: 0.2, weight: [[1, 2]] } }), { args: { name: 'relu', framework: 'keras', params: { negative_slope: 0.2, weight: [[1, 2]] } } });
  assert.deepEqual(readEvaluationArgs({ name: 'relu', framework: 'pytorch' }), { invalidField: 'framework' });
  assert.deepEqual(readEvaluationArgs({ name: 'bce', clipboard: 'x' }), { invalidField: 'clipboard' });
  assert.deepEqual(readEvaluationArgs({ name: 'relu', params: { slope: {} } }), { invalidField: 'params' });
  assert.ok(isConfigEntryArgs({ uri: 'file:///a.formulalens.json', index: 2 }));
  assert.ok(!isConfigEntryArgs({ uri: '', index: 2 }));
  assert.ok(!isConfigEntryArgs({ uri: 'file:///a', index: -1 }));
  assert.ok(isResultActionArgs({}));
  assert.ok(isResultActionArgs({ section: 1, format: 'python', part: 'value' }));
  assert.ok(!isResultActionArgs({ format: 'csv' }));
});
