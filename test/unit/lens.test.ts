/**
 * The formula lens core: parameters in effect with their origin, reductions, charts of every catalog
 * function (sampled like the Playground, drawn as valid SVG), gradient zones, and CodeLens titles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG, getEntry } from '../../src/core/catalog/registry';
import { resolveParams } from '../../src/core/catalog/params';
import { FRAMEWORKS, type Framework } from '../../src/core/catalog/types';
import { evaluateLoss } from '../../src/core/evaluate';
import { setCoreLocale } from '../../src/core/l10n';
import { ACTIVATION_RANGE, CHART_SAMPLES, planFunctionChart } from '../../src/core/lens/functionChart';
import { renderFunctionChart } from '../../src/core/lens/chartSvg';
import { describeZones } from '../../src/core/lens/zones';
import { lensTitle, shorten, LENS_FORMULA_LENGTH } from '../../src/core/lens/lensTitle';
import { formatParamValue } from '../../src/core/lens/format';
import { catalogReduction, reductionOf, summarizeMention } from '../../src/core/lens/mentionSummary';
import { scanDocument } from '../../src/core/scan/index';
import type { Mention } from '../../src/core/scan/types';
import { chartPalette } from '../../src/core/svg/palette';
import { tensor } from '../../src/core/tensor';
import { assertWellFormedXml, svgNumbers } from './helpers/svgCheck';

/** The one mention of `api` in a snippet. */
function mentionIn(text: string, language: string, api: string): Mention {
  const found = scanDocument(text, language).mentions.filter((mention) => mention.api === api);
  assert.equal(found.length, 1, `one mention of ${api} in ${JSON.stringify(text)}; found ${scanDocument(text, language).mentions.map((m) => m.api).join(', ')}`);
  return found[0]!;
}

const TORCH = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';
const KERAS = 'import keras\nfrom keras import layers, losses\n';
const TFJS = "import * as tf from '@tensorflow/tfjs';\n";

test('summarizeMention: values written in the code, API defaults and framework defaults are told apart', () => {
  const leaky = summarizeMention(mentionIn(`${TORCH}act = nn.LeakyReLU(negative_slope=0.1)\n`, 'python', 'nn.LeakyReLU'))!;
  assert.equal(leaky.entry.id, 'leaky_relu');
  assert.deepEqual(leaky.params.map((row) => [row.name, row.value, row.origin]), [['negative_slope', 0.1, 'code']]);
  assert.equal(leaky.resolved['negative_slope'], 0.1);
  assert.deepEqual(leaky.given, { negative_slope: 0.1 });

  const torchDefault = summarizeMention(mentionIn(`${TORCH}y = F.leaky_relu(x)\n`, 'python', 'F.leaky_relu'))!;
  assert.deepEqual(torchDefault.params.map((row) => [row.name, row.value, row.origin]), [['negative_slope', 0.01, 'default']]);

  // Keras' LeakyReLU layer has its own default (0.3), unlike keras.activations.leaky_relu (0.2).
  const layer = summarizeMention(mentionIn(`${KERAS}x = layers.LeakyReLU()(x)\n`, 'python', 'layers.LeakyReLU'))!;
  assert.deepEqual(layer.params.map((row) => [row.name, row.value, row.origin]), [['negative_slope', 0.3, 'api-default']]);

  const relu = summarizeMention(mentionIn(`${KERAS}x = layers.Dense(64, activation="relu")(x)\n`, 'python', 'relu'))!;
  assert.equal(relu.framework, 'keras');
  assert.ok(relu.params.length > 0 && relu.params.every((row) => row.origin === 'default'), 'Keras relu lists its defaults');
});

test('summarizeMention: the framework spelling of a parameter, and only the parameters that framework has', () => {
  const tfjs = summarizeMention(mentionIn(`${TFJS}model.add(tf.layers.leakyReLU({ alpha: 0.2 }));\n`, 'typescript', 'tf.layers.leakyReLU'))!;
  assert.deepEqual(tfjs.params.map((row) => [row.displayName, row.value, row.origin]), [['alpha', 0.2, 'code']]);
  const bce = summarizeMention(mentionIn(`${TORCH}criterion = nn.BCELoss()\n`, 'python', 'nn.BCELoss'))!;
  const names = bce.params.map((row) => row.name);
  assert.ok(names.includes('log_clamp') && !names.includes('epsilon') && !names.includes('label_smoothing'), names.join(', '));
  assert.equal(bce.params.find((row) => row.name === 'log_clamp')!.value, -100);
  const kerasBce = summarizeMention(mentionIn(`${KERAS}model.compile(loss="binary_crossentropy")\n`, 'python', 'binary_crossentropy'))!;
  const kerasNames = kerasBce.params.map((row) => row.name);
  assert.ok(kerasNames.includes('epsilon') && !kerasNames.includes('log_clamp'), kerasNames.join(', '));
  assert.ok(kerasBce.notes.length > 0 && kerasBce.notes.every((note) => note.frameworks.includes('keras')));
});

test('summarizeMention: an expression is shown as written and the default is used; a bad literal is reported without hiding the others', () => {
  const softplus = summarizeMention(mentionIn(`${TORCH}y = F.softplus(x, beta=b, threshold=10)\n`, 'python', 'F.softplus'))!;
  const beta = softplus.params.find((row) => row.name === 'beta')!;
  assert.equal(beta.origin, 'expression');
  assert.equal(beta.expression, 'b');
  assert.equal(beta.value, 1);
  assert.equal(softplus.params.find((row) => row.name === 'threshold')!.origin, 'code');

  const bad = summarizeMention(mentionIn(`${TORCH}h = nn.ELU(alpha="big")\n`, 'python', 'nn.ELU'))!;
  assert.ok(bad.invalid, 'the string alpha is reported');
  assert.match(bad.invalid.message, /alpha/);
  assert.equal(bad.params[0]!.origin, 'default');
  assert.equal(bad.resolved['alpha'], 1);
});

test('reductionOf: as written, else the default of that API and framework', () => {
  const kl = reductionOf(mentionIn(`${TORCH}kl = nn.KLDivLoss(reduction="mean")\n`, 'python', 'nn.KLDivLoss'));
  assert.deepEqual([kl.display, kl.effective, kl.origin], ["'mean'", 'mean', 'code']);
  const ce = reductionOf(mentionIn(`${TORCH}ce = nn.CrossEntropyLoss()\n`, 'python', 'nn.CrossEntropyLoss'));
  assert.deepEqual([ce.display, ce.effective, ce.origin], ["'mean'", 'mean', 'default']);
  const kerasClass = reductionOf(mentionIn(`${KERAS}l = losses.Huber(delta=1.5)\n`, 'python', 'losses.Huber'));
  assert.deepEqual([kerasClass.display, kerasClass.effective], ["'sum_over_batch_size'", 'mean']);
  const kerasFunction = reductionOf(mentionIn(`${KERAS}v = losses.categorical_crossentropy(y, p)\n`, 'python', 'losses.categorical_crossentropy'));
  assert.deepEqual([kerasFunction.display, kerasFunction.effective], ["'none'", 'none']);
  const tfjsLoss = reductionOf(mentionIn(`${TFJS}const l = tf.losses.huberLoss(y, p);\n`, 'typescript', 'tf.losses.huberLoss'));
  assert.deepEqual([tfjsLoss.display, tfjsLoss.effective], ['Reduction.SUM_BY_NONZERO_WEIGHTS', 'mean']);
  const tfjsMetric = reductionOf(mentionIn(`${TFJS}const m = tf.metrics.binaryCrossentropy(y, p);\n`, 'typescript', 'tf.metrics.binaryCrossentropy'));
  assert.equal(tfjsMetric.effective, 'none');
  assert.equal(catalogReduction('sum_over_batch_size'), 'mean');
  assert.equal(catalogReduction('Reduction.SUM'), 'sum');
  assert.equal(catalogReduction('weird'), undefined);
});

test('planFunctionChart: every catalog function under every framework draws as valid SVG, or has no one-variable chart for a stated reason', () => {
  const missing: string[] = [];
  for (const entry of CATALOG) {
    for (const framework of FRAMEWORKS) {
      const chart = planFunctionChart(entry, framework, resolveParams(entry, framework, {}));
      if (!chart) {
        missing.push(`${entry.id}/${framework}`);
        continue;
      }
      for (const curve of chart.curves) {
        assert.equal(curve.xs.length, CHART_SAMPLES);
        assert.equal(curve.ys.length, CHART_SAMPLES);
        assert.ok(curve.ys.some(Number.isFinite), `${entry.id}/${framework}: a curve with no finite value`);
      }
      for (const kind of ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const) {
        const svg = renderFunctionChart(chart, chartPalette(kind), { width: 400, height: 180, title: entry.title });
        assertWellFormedXml(svg);
        for (const value of svgNumbers(svg)) assert.ok(Number.isFinite(value), `${entry.id}/${framework}/${kind}`);
      }
    }
  }
  // Only losses of several prediction inputs (or no target) lack a chart, and multilabel_margin_loss, whose target
  // is a list of class indices per sample that a one-class sweep cannot express. Every other function has one.
  const noChart = (entry: (typeof CATALOG)[number]) => entry.kind === 'loss' && (entry.predictionInputs > 1 || entry.targetKind === 'none' || entry.id === 'multilabel_margin_loss');
  const expected = CATALOG.filter(noChart).flatMap((entry) => FRAMEWORKS.map((framework) => `${entry.id}/${framework}`));
  assert.deepEqual(missing.sort(), expected.sort());
});

test('planFunctionChart: activation curves are the function and its derivative, with dead and saturated zones where they are', () => {
  const relu = planFunctionChart(getEntry('relu')!, 'torch', resolveParams(getEntry('relu')!, 'torch', {}))!;
  assert.deepEqual(relu.xRange, ACTIVATION_RANGE);
  assert.deepEqual(relu.curves.map((curve) => curve.role), ['value', 'derivative']);
  const value = relu.curves[0]!;
  value.xs.forEach((x, i) => assert.equal(value.ys[i], Math.max(0, x)));
  assert.equal(value.zones.length, 1);
  assert.equal(value.zones[0]!.kind, 'dead');
  assert.ok(value.zones[0]!.openStart && Math.abs(value.zones[0]!.to) < 1e-9, 'ReLU is dead up to 0');

  // σ′(x) = 10⁻³ at |x| = ln((1 + √(1 − 4·10⁻³)) / (1 − √(1 − 4·10⁻³))) ≈ 6.9067.
  const sigmoid = planFunctionChart(getEntry('sigmoid')!, 'keras', {})!;
  const edge = Math.log((1 + Math.sqrt(1 - 4e-3)) / (1 - Math.sqrt(1 - 4e-3)));
  const zones = sigmoid.curves[0]!.zones;
  assert.deepEqual(zones.map((zone) => zone.kind), ['saturated', 'saturated']);
  assert.ok(Math.abs(zones[0]!.to + edge) < 1e-6 && Math.abs(zones[1]!.from - edge) < 1e-6, `${zones[0]!.to}, ${zones[1]!.from} vs ±${edge}`);

  // softmax acts on vectors: the first output of softmax([x, 0]) is σ(x), its partial derivative σ′(x).
  const softmax = planFunctionChart(getEntry('softmax')!, 'torch', resolveParams(getEntry('softmax')!, 'torch', {}))!;
  softmax.curves[0]!.xs.forEach((x, i) => {
    const s = 1 / (1 + Math.exp(-x));
    assert.ok(Math.abs(softmax.curves[0]!.ys[i]! - s) < 1e-15);
    assert.ok(Math.abs(softmax.curves[1]!.ys[i]! - s * (1 - s)) < 1e-15);
  });
});

test('planFunctionChart: loss curves are the loss of one sample for each target, as evaluateLoss computes it', () => {
  for (const framework of ['torch', 'keras'] as Framework[]) {
    const entry = getEntry('binary_crossentropy')!;
    const chart = planFunctionChart(entry, framework, resolveParams(entry, framework, {}))!;
    assert.equal(chart.variable, 'p');
    assert.deepEqual(chart.xRange, [0, 1]);
    assert.deepEqual(chart.curves.map((curve) => curve.label), ['y = 0', 'y = 1']);
    chart.curves.forEach((curve, target) => {
      for (const i of [0, 7, 80, 160]) {
        const expected = evaluateLoss('binary_crossentropy', { yTrue: tensor(Float64Array.of(target), [1]), yPred: tensor(Float64Array.of(curve.xs[i]!), [1]) }, { framework });
        assert.equal(curve.ys[i], expected.value.data[0], `${framework} y=${target} p=${curve.xs[i]}`);
      }
    });
  }
  // torch clamps the log at −100; Keras clips p to [1e-7, 1 − 1e-7], so its worst case is −ln(1e-7) ≈ 16.1.
  const worst = (framework: Framework) => planFunctionChart(getEntry('binary_crossentropy')!, framework, resolveParams(getEntry('binary_crossentropy')!, framework, {}))!.curves[1]!.ys[0]!;
  assert.equal(worst('torch'), 100);
  assert.ok(Math.abs(worst('keras') + Math.log(1e-7)) < 1e-6);

  const ce = planFunctionChart(getEntry('sparse_categorical_crossentropy')!, 'torch', resolveParams(getEntry('sparse_categorical_crossentropy')!, 'torch', {}))!;
  assert.equal(ce.variable, 'z', 'torch cross-entropy takes logits');
  assert.equal(ce.curves.length, 1);
  const kl = planFunctionChart(getEntry('kl_divergence')!, 'torch', resolveParams(getEntry('kl_divergence')!, 'torch', {}))!;
  assert.equal(kl.variable, 'log p', 'torch KLDivLoss takes log-probabilities');
  const hinge = planFunctionChart(getEntry('hinge')!, 'keras', resolveParams(getEntry('hinge')!, 'keras', {}))!;
  assert.deepEqual(hinge.curves.map((curve) => curve.label), ['y = −1', 'y = 1']);
  const huber = planFunctionChart(getEntry('huber')!, 'keras', resolveParams(getEntry('huber')!, 'keras', { delta: 1.5 }))!;
  assert.equal(huber.variable, 'ŷ');
  assert.equal(huber.curves.length, 1);
});

test('describeZones: one line per curve with zones, in the chart variable, localized', () => {
  const entry = getEntry('relu6')!;
  const chart = planFunctionChart(entry, 'torch', resolveParams(entry, 'torch', {}))!;
  setCoreLocale('en');
  assert.deepEqual(describeZones(chart), ['gradient 0: x ≤ 0, x ≥ 6']);
  setCoreLocale('zh-cn');
  assert.deepEqual(describeZones(chart), ['梯度为 0：x ≤ 0, x ≥ 6']);
  setCoreLocale('en');
  const hinge = getEntry('hinge')!;
  assert.deepEqual(describeZones(planFunctionChart(hinge, 'keras', resolveParams(hinge, 'keras', {}))!), ['gradient 0: ŷ ≥ 1 (for y = 1)']);
  const sigmoid = planFunctionChart(getEntry('sigmoid')!, 'torch', {})!;
  assert.deepEqual(describeZones(sigmoid), ['saturated (|gradient| < 0.001): x ≤ −6.91, x ≥ 6.91']);
});

test('lensTitle: the Unicode formula, led by the name when the formula does not say it, with the values written in the code', () => {
  const sigmoid = getEntry('sigmoid')!;
  assert.equal(lensTitle(sigmoid, 'torch.sigmoid', 'torch', []), 'σ(x) = 1 / (1 + e^(−x))');
  assert.equal(lensTitle(getEntry('exponential')!, 'exponential', 'keras', []), 'exponential: f(x) = e^x');
  const ce = lensTitle(getEntry('sparse_categorical_crossentropy')!, 'nn.CrossEntropyLoss', 'torch', [{ name: 'label_smoothing', value: 0.05 }]);
  assert.ok(ce.startsWith('CrossEntropyLoss: ℓᵢ = '), ce);
  assert.ok(ce.endsWith(' (label_smoothing=0.05)'), ce);
  assert.equal(lensTitle(getEntry('gelu')!, 'nn.GELU', 'torch', [{ name: 'approximate', value: 'tanh' }]), "GELU(x) = x·Φ(x) = (x/2)·(1 + erf(x/√2)) (approximate='tanh')");
  assert.equal(lensTitle(getEntry('binary_crossentropy')!, 'binaryCrossentropy', 'tfjs', [{ name: 'fromLogits', value: true }]), 'binaryCrossentropy: ℓ = −[y·log p + (1 − y)·log(1 − p)] (fromLogits=true)');
  for (const entry of CATALOG) {
    const title = lensTitle(entry, 'x.y', 'torch', []);
    assert.ok(title.length <= LENS_FORMULA_LENGTH + 'y: '.length + 1, `${entry.id}: ${title}`);
    assert.ok(!title.includes('\n'));
  }
});

test('lensTitle: a piecewise formula shows whole; one too long keeps its leading pieces; an approximation is left out', () => {
  assert.equal(lensTitle(getEntry('leaky_relu')!, 'nn.LeakyReLU', 'torch', [{ name: 'negative_slope', value: 0.2 }]), 'LeakyReLU(x) = x (x > 0); α·x (x ≤ 0) (negative_slope=0.2)');
  assert.equal(lensTitle(getEntry('huber')!, 'Huber', 'keras', []), 'Huber: ℓ = ½d² (|d| ≤ δ); δ·(|d| − ½δ) (|d| > δ), d = ŷ − y');
  const cosine = getEntry('cosine_embedding_loss')!;
  assert.ok(cosine.formula.text.length > LENS_FORMULA_LENGTH, cosine.formula.text);
  assert.equal(lensTitle(cosine, 'nn.CosineEmbeddingLoss', 'torch', []), 'CosineEmbeddingLoss: ℓ = 1 − cos(x1, x2) (y = 1); …');
  const gelu = getEntry('gelu')!;
  assert.ok(gelu.formula.text.includes(' ≈ '), gelu.formula.text);
  assert.equal(lensTitle(gelu, 'F.gelu', 'torch', []), 'GELU(x) = x·Φ(x) = (x/2)·(1 + erf(x/√2))');
});

test('shorten and formatParamValue', () => {
  assert.equal(shorten('short', 10), 'short');
  assert.equal(shorten('a long formula that goes on and on', 16), 'a long formula…');
  assert.equal(shorten('abcdefghijklmnopqrstuvwxyz', 10), 'abcdefghi…');
  assert.equal(formatParamValue(true, 'torch'), 'True');
  assert.equal(formatParamValue(null, 'keras'), 'None');
  assert.equal(formatParamValue(null, 'tfjs'), 'null');
  assert.equal(formatParamValue(1.6732632423543772, 'torch'), '1.6732632');
  assert.equal(formatParamValue('tanh', 'torch'), "'tanh'");
  assert.equal(formatParamValue([[1, 2], [3, 4.5]], 'torch'), '[[1, 2], [3, 4.5]]');
  assert.equal(formatParamValue(1e-7, 'keras'), '1e-7');
});
