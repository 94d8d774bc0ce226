/**
 * The training worker protocol and the Training tab's part of the Playground protocol: every well-formed
 * message and state passes its guard, and malformed ones (missing or extra fields, wrong types, NaN where a
 * finite number belongs, oversized arrays, mismatched lengths) are rejected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isTrainingReport, isTrainingRequest, TRAINING_LIMITS, transferablesOf, type TrainingReport, type TrainingRequest } from '../../src/protocol/training';
import { isJsonObject, isTrainingConfigFile, isTrainingHostMessage, isTrainingPanelState, isTrainingWebviewMessage, TRAINING_PANEL_LIMITS, type TrainingHostMessage, type TrainingWebviewMessage } from '../../src/protocol/trainingPanel';
import { defaultPlaygroundState, isHostToWebviewMessage, isPlaygroundState, isWebviewToHostMessage, PLAYGROUND_TABS } from '../../src/protocol/playground';
import { defaultTrainingState } from '../../src/protocol/trainingState';

const text = { en: 'Training diverged.', 'zh-cn': '训练发散。' };

const validRequests: readonly TrainingRequest[] = [
  { type: 'load', jobId: 1, config: { loss: 'mse', data: { name: 'plane' } }, run: true, speed: 0, gridResolution: 100 },
  { type: 'run', jobId: 2 },
  { type: 'pause', jobId: 2 },
  { type: 'step', jobId: 2 },
  { type: 'cancel', jobId: 2 },
  { type: 'tune', jobId: 2, learningRate: 0.1 },
  { type: 'tune', jobId: 2, l1: 0, l2: 1e-3, speed: 20 },
  { type: 'export', jobId: 3, requestId: 1, target: 'keras', from: 'initial', config: {} },
  { type: 'export', jobId: 3, requestId: 2, target: 'config-yaml', from: 'current', config: {} },
  { type: 'compare', jobId: 4, variants: [{ label: 'relu', config: {} }, { label: 'sigmoid', config: {} }], steps: 500 },
];

const progress: TrainingReport = {
  type: 'progress',
  jobId: 1,
  state: 'running',
  step: 10,
  epoch: 1,
  batchLoss: NaN,
  train: { loss: 0.5, accuracy: 0.75 },
  test: null,
  diagnostics: { gradientNorms: [0.1, 0.2], weightNorms: [1, 2], deadFraction: [0, 0.5], saturatedFraction: [0, 0] },
  stepsPerSecond: 100,
  samplesPerSecond: 1600,
  field: { kind: 'grid', resolution: 2, outputs: 1, values: new Float64Array(4), threshold: 0.5, scale: 0.5 },
  divergence: { step: 11, text },
};

const validReports: readonly TrainingReport[] = [
  {
    type: 'loaded',
    jobId: 1,
    data: { inputSize: 2, classes: 2, domain: [-6, 6, -6, 6], trainPoints: new Float64Array(4), trainLabels: new Float64Array(2), testPoints: new Float64Array(0), testLabels: new Float64Array(0), labelRange: [0, 1] },
    layers: [{ units: 8, activation: 'relu' }, { units: 1, activation: 'sigmoid' }],
    batchSize: 16,
    stepsPerEpoch: 16,
    totalSteps: 8000,
    warnings: [{ text, args: { path: 'model' } }],
  },
  progress,
  { ...progress, state: 'paused', field: { kind: 'curve', resolution: 3, values: new Float64Array(3) }, divergence: null, test: { loss: 0.7, accuracy: null } },
  { type: 'exported', jobId: 1, requestId: 2, target: 'pytorch', text: 'import torch\n' },
  { type: 'compareProgress', jobId: 4, variant: 1, steps: [0, 5], trainLoss: [0.7, 0.6], testLoss: [null, null], trainAccuracy: [0.5, 0.6], testAccuracy: [null, null], done: true, divergence: text },
  { type: 'failed', jobId: 1, requestId: null, variant: null, error: { text, args: { step: 3 } } },
];

test('every valid worker request and report passes its guard', () => {
  for (const request of validRequests) assert.ok(isTrainingRequest(request), JSON.stringify(request));
  for (const report of validReports) assert.ok(isTrainingReport(report), report.type);
});

test('malformed worker requests are rejected', () => {
  const bad: unknown[] = [
    null, 'run', [], { type: 'run' }, { type: 'run', jobId: 0 }, { type: 'run', jobId: 1.5 }, { type: 'run', jobId: 1, extra: true },
    { type: 'explode', jobId: 1 },
    { type: 'load', jobId: 1, config: [], run: true, speed: 0, gridResolution: 100 },
    { type: 'load', jobId: 1, config: {}, run: 'yes', speed: 0, gridResolution: 100 },
    { type: 'load', jobId: 1, config: {}, run: true, speed: -1, gridResolution: 100 },
    { type: 'load', jobId: 1, config: {}, run: true, speed: 0, gridResolution: 1 },
    { type: 'load', jobId: 1, config: {}, run: true, speed: 0, gridResolution: TRAINING_LIMITS.gridResolution + 1 },
    { type: 'tune', jobId: 1, learningRate: NaN },
    { type: 'tune', jobId: 1, l2: -1 },
    { type: 'tune', jobId: 1, momentum: 0.9 },
    { type: 'export', jobId: 1, requestId: 1, target: 'onnx', from: 'initial', config: {} },
    { type: 'export', jobId: 1, requestId: 1, target: 'keras', from: 'best', config: {} },
    { type: 'export', jobId: 1, requestId: 1, target: 'keras', config: {} },
    { type: 'compare', jobId: 1, variants: [], steps: 10 },
    { type: 'compare', jobId: 1, variants: [{ label: '', config: {} }], steps: 10 },
    { type: 'compare', jobId: 1, variants: Array.from({ length: TRAINING_LIMITS.variants + 1 }, () => ({ label: 'a', config: {} })), steps: 10 },
    { type: 'compare', jobId: 1, variants: [{ label: 'a', config: {} }], steps: 0 },
  ];
  for (const value of bad) assert.equal(isTrainingRequest(value), false, JSON.stringify(value));
});

test('malformed worker reports are rejected (lengths must agree, arrays must be Float64Arrays)', () => {
  const loaded = validReports[0] as Extract<TrainingReport, { type: 'loaded' }>;
  const bad: unknown[] = [
    { ...loaded, data: { ...loaded.data, trainPoints: new Float64Array(3) } },
    { ...loaded, data: { ...loaded.data, trainPoints: [0, 0, 0, 0] } },
    { ...loaded, data: { ...loaded.data, domain: [6, -6, -6, 6] } },
    { ...loaded, layers: [] },
    { ...progress, state: 'exploded' },
    { ...progress, train: { loss: 0.5, accuracy: 1.5 } },
    { ...progress, diagnostics: { ...progress.diagnostics, deadFraction: [0] } },
    { ...progress, field: { kind: 'grid', resolution: 2, outputs: 1, values: new Float64Array(5), threshold: 0.5, scale: 0.5 } },
    { ...progress, field: { kind: 'grid', resolution: 2, outputs: 1, values: new Float64Array(4), threshold: 0.5, scale: 0 } },
    { ...progress, field: { kind: 'curve', resolution: 3, values: new Float64Array(4) } },
    { ...progress, divergence: { step: 1, text: { en: 'x' } } },
    { ...progress, stepsPerSecond: Infinity },
    { type: 'exported', jobId: 1, requestId: 1, target: 'keras', text: '' },
    { type: 'compareProgress', jobId: 1, variant: 0, steps: [0, 1], trainLoss: [1], testLoss: [null, null], trainAccuracy: [null, null], testAccuracy: [null, null], done: false, divergence: null },
    { type: 'compareProgress', jobId: 1, variant: TRAINING_LIMITS.variants, steps: [], trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [], done: false, divergence: null },
    { type: 'failed', jobId: 1, requestId: null, variant: null, error: { text: 'boom', args: {} } },
  ];
  for (const value of bad) assert.equal(isTrainingReport(value), false, JSON.stringify(value, (_key, item: unknown) => (item instanceof Float64Array ? `Float64Array(${item.length})` : item)));
});

test('property: requests with any extra field or a non-positive job id are rejected', () => {
  fc.assert(fc.property(fc.constantFrom(...validRequests), fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !['type', 'jobId', 'config', 'run', 'speed', 'gridResolution', 'learningRate', 'l1', 'l2', 'requestId', 'target', 'from', 'variants', 'steps'].includes(key)), fc.integer({ max: 0 }), (request, key, jobId) => {
    assert.equal(isTrainingRequest({ ...request, [key]: 1 }), false);
    assert.equal(isTrainingRequest({ ...request, jobId }), false);
  }));
});

test('the buffers of loaded and progress reports are listed for transfer', () => {
  assert.equal(transferablesOf(validReports[0]!).length, 4);
  assert.deepEqual(transferablesOf(progress), [(progress as Extract<TrainingReport, { type: 'progress' }>).field!.values.buffer]);
  assert.deepEqual(transferablesOf(validReports[3]!), []);
});

const validWebview: readonly TrainingWebviewMessage[] = [
  { type: 'requestData', source: 'file' },
  { type: 'requestData', source: 'selection' },
  { type: 'saveTrainingConfig', config: { loss: 'mse' }, format: 'yaml', fileName: 'spiral.fltrain.yaml' },
  { type: 'saveTrainingConfig', config: { loss: 'mse' }, format: 'json', fileName: 'my run.fltrain.json' },
  { type: 'openDocument', language: 'python', content: 'import keras\n' },
  { type: 'copyText', text: 'import torch' },
];
const validHost: readonly TrainingHostMessage[] = [
  { type: 'trainConfig', config: { loss: 'mse' }, source: 'examples/spiral.fltrain.yaml' },
  { type: 'dataText', source: 'selection', name: 'arrays.py', text: '[[1, 2, 0]]', firstLine: 12 },
];

test('Training tab messages pass the Playground guards; bad ones do not', () => {
  for (const message of validWebview) {
    assert.ok(isTrainingWebviewMessage(message), JSON.stringify(message));
    assert.ok(isWebviewToHostMessage(message), JSON.stringify(message));
  }
  for (const message of validHost) {
    assert.ok(isTrainingHostMessage(message), JSON.stringify(message));
    assert.ok(isHostToWebviewMessage(message), JSON.stringify(message));
  }
  const bad: unknown[] = [
    { type: 'requestData', source: 'clipboard' },
    { type: 'saveTrainingConfig', config: { loss: 'mse' }, format: 'yaml', fileName: 'spiral.yaml' },
    { type: 'saveTrainingConfig', config: { loss: 'mse' }, format: 'yaml', fileName: '../spiral.fltrain.yaml' },
    { type: 'saveTrainingConfig', config: { loss: NaN }, format: 'yaml', fileName: 'a.fltrain.yaml' },
    { type: 'saveTrainingConfig', config: { loss: 'mse' }, format: 'toml', fileName: 'a.fltrain.yaml' },
    { type: 'openDocument', language: 'shellscript', content: 'rm -rf /' },
    { type: 'openDocument', language: 'python', content: '' },
    { type: 'copyText', text: '' },
    { type: 'dataText', source: 'file', name: 'a.csv', text: 'x', firstLine: -1 },
    { type: 'trainConfig', config: [], source: 'a' },
  ];
  for (const value of bad) {
    assert.equal(isTrainingWebviewMessage(value) || isTrainingHostMessage(value), false, JSON.stringify(value));
    assert.equal(isWebviewToHostMessage(value) || isHostToWebviewMessage(value), false, JSON.stringify(value));
  }
});

test('configurations in state are bounded JSON: finite numbers, limited depth and size', () => {
  assert.ok(isJsonObject({ a: [1, 2, { b: null, c: 'x', d: true }] }));
  assert.equal(isJsonObject({ a: Infinity }), false);
  assert.equal(isJsonObject({ a: undefined }), false);
  assert.equal(isJsonObject({ a: () => 1 }), false);
  assert.equal(isJsonObject([]), false);
  let deep: unknown = 1;
  for (let i = 0; i < TRAINING_PANEL_LIMITS.configDepth + 1; i++) deep = [deep];
  assert.equal(isJsonObject({ deep }), false);
  assert.equal(isJsonObject({ s: 'x'.repeat(TRAINING_PANEL_LIMITS.configString + 1) }), false);
  assert.equal(isJsonObject({ big: new Array(TRAINING_PANEL_LIMITS.configNodes).fill(0) }), false);
});

test('the Training tab is a Playground tab and its state is part of the persisted state (optional for older states)', () => {
  assert.ok(PLAYGROUND_TABS.includes('training'));
  const base = defaultPlaygroundState('torch');
  assert.ok(isPlaygroundState(base), 'a state saved before the Training tab existed still restores');
  const training = defaultTrainingState();
  assert.ok(isTrainingPanelState(training));
  assert.ok(isPlaygroundState({ ...base, tab: 'training', training }));
  assert.equal(isPlaygroundState({ ...base, training: { ...training, speed: -1 } }), false);
  assert.equal(isPlaygroundState({ ...base, training: { ...training, compare: { ...training.compare, dimension: 'optimizer' } } }), false);
  assert.equal(isPlaygroundState({ ...base, training: { ...training, source: { kind: 'file', name: '', classNames: null } } }), false);
});

test('training config file names: *.fltrain.json, .jsonc, .yaml and .yml', () => {
  for (const name of ['spiral.fltrain.yaml', 'a/b/x.fltrain.yml', 'x.FLTRAIN.json', 'x.fltrain.jsonc']) assert.ok(isTrainingConfigFile(name), name);
  for (const name of ['spiral.yaml', 'fltrain.yaml', 'x.fltrain.json.bak', 'x.formulalens.yaml']) assert.equal(isTrainingConfigFile(name), false, name);
});
