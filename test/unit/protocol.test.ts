/**
 * The Playground protocol guards: every well-formed message and state is accepted, and anything else
 * (missing or wrongly typed fields, extra fields, huge arrays, NaN, unknown types) is rejected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  LIMITS,
  defaultPlaygroundState,
  isHostToWebviewMessage,
  isOpenPlaygroundArgs,
  isPlaygroundFocus,
  isPlaygroundState,
  isSavedFormula,
  isWebviewToHostMessage,
  sanitizeSavedFormulas,
  type PlaygroundState,
  type WebviewToHostMessage,
} from '../../src/protocol/playground';
import { FRAMEWORKS } from '../../src/core/catalog/types';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** One valid message of every webview → host type. */
const validWebviewMessages: readonly WebviewToHostMessage[] = [
  { type: 'ready' },
  { type: 'savePng', dataUrl: PNG, fileName: 'formula-lens-curves.png' },
  { type: 'saveCsv', csv: 'x,relu\n0,0\n', fileName: 'formula-lens-curves.csv' },
  { type: 'copyLatex', latex: '\\operatorname{ReLU}(x) = \\max(0, x)' },
  { type: 'saveFormula', formula: { name: 'my_swish', kind: 'activation', formula: 'x * sigmoid(x)' } },
  { type: 'saveFormula', formula: { name: 'smooth_loss', kind: 'loss', formula: '(y - p)^2', description: 'Squared error' } },
  { type: 'deleteFormula', name: 'my_swish' },
  { type: 'log', level: 'error', message: 'TypeError: x is undefined' },
];

test('every valid webview message is accepted', () => {
  for (const message of validWebviewMessages) assert.ok(isWebviewToHostMessage(message), JSON.stringify(message).slice(0, 80));
});

test('a message survives a JSON round trip (postMessage serializes it) and is still accepted', () => {
  for (const message of validWebviewMessages) assert.ok(isWebviewToHostMessage(JSON.parse(JSON.stringify(message))));
});

test('unknown types and non-objects are rejected', () => {
  for (const value of [undefined, null, 0, 'ready', [], [{ type: 'ready' }], { type: 'Ready' }, { type: 'train' }, { type: 1 }, {}, { kind: 'ready' }]) {
    assert.equal(isWebviewToHostMessage(value), false, JSON.stringify(value));
  }
});

test('each field of each message: removing it, retyping it or adding an unknown one is rejected', () => {
  const wrongValues: unknown[] = [undefined, null, 42, NaN, Infinity, true, '', [], {}, 'x'.repeat(300)];
  for (const message of validWebviewMessages) {
    const record = message as unknown as Record<string, unknown>;
    assert.equal(isWebviewToHostMessage({ ...record, extra: 1 }), false, `extra field on ${message.type}`);
    for (const key of Object.keys(record)) {
      if (key === 'type') continue;
      const { [key]: _removed, ...missing } = record;
      assert.equal(isWebviewToHostMessage(missing), false, `${message.type} without ${key}`);
      for (const wrong of wrongValues) {
        // Free-text fields accept any (non-empty where required) string; every other substitution must fail.
        const candidate = { ...record, [key]: wrong };
        const freeText = (message.type === 'log' && key === 'message') || key === 'latex' || key === 'csv';
        const stillValid = freeText && typeof wrong === 'string' && (key === 'message' || wrong.length > 0);
        assert.equal(isWebviewToHostMessage(candidate), stillValid, `${message.type}.${key} = ${String(wrong).slice(0, 20)}`);
      }
    }
  }
});

test('export payloads: wrong data-URL kinds, bad base64, path-like or mis-suffixed file names and oversized data are rejected', () => {
  const png = (dataUrl: string, fileName = 'a.png') => isWebviewToHostMessage({ type: 'savePng', dataUrl, fileName });
  assert.equal(png('data:image/svg+xml;base64,PHN2Zz4='), false);
  assert.equal(png('data:text/html;base64,PGI+'), false);
  assert.equal(png('data:image/png;base64,<script>'), false);
  assert.equal(png('javascript:alert(1)'), false);
  assert.equal(png(PNG, '../../etc/passwd.png'), false);
  assert.equal(png(PNG, 'C:\\Windows\\x.png'), false);
  assert.equal(png(PNG, 'chart.svg'), false);
  assert.equal(png(PNG, '.png'), false);
  assert.equal(png(PNG, 'chart.PNG'), true);
  const huge = 'data:image/png;base64,' + 'A'.repeat(LIMITS.exportBytes);
  assert.equal(png(huge), false);
  assert.equal(isWebviewToHostMessage({ type: 'saveCsv', csv: 'x'.repeat(LIMITS.exportBytes + 1), fileName: 'a.csv' }), false);
  assert.equal(isWebviewToHostMessage({ type: 'saveCsv', csv: 'x', fileName: 'a.csv.exe' }), false);
  assert.equal(isWebviewToHostMessage({ type: 'copyLatex', latex: 'x'.repeat(LIMITS.latex + 1) }), false);
  assert.equal(isWebviewToHostMessage({ type: 'log', level: 'debug', message: 'hi' }), false);
});

test('saved formulas: names must be identifiers, kinds known, formulas non-empty and bounded', () => {
  assert.ok(isSavedFormula({ name: 'a', kind: 'activation', formula: 'x' }));
  assert.ok(isSavedFormula({ name: '_gelu_fast2', kind: 'activation', formula: 'x', description: 'GELU, sigmoid approximation' }));
  for (const name of ['', '1abc', 'a b', 'a/b', '-a', 'a.b', 'a-b', '平滑', 'x'.repeat(LIMITS.formulaName + 1)]) {
    assert.equal(isSavedFormula({ name, kind: 'activation', formula: 'x' }), false, name);
  }
  assert.equal(isSavedFormula({ name: 'a', kind: 'metric', formula: 'x' }), false);
  assert.equal(isSavedFormula({ name: 'a', kind: 'loss', formula: '' }), false);
  assert.equal(isSavedFormula({ name: 'a', kind: 'loss', formula: 'p'.repeat(LIMITS.formulaText + 1) }), false);
  assert.equal(isSavedFormula({ name: 'a', kind: 'loss', formula: 'p', comment: 'unknown field' }), false);
  assert.equal(isSavedFormula({ name: 'a', kind: 'loss', formula: 'p', description: 42 }), false);
});

test('sanitizeSavedFormulas keeps the well-formed entries of a hand-edited setting, the first per name', () => {
  const setting = [
    { name: 'a', kind: 'activation', formula: 'x' },
    { name: 'bad name', kind: 'activation', formula: 'x' },
    'not an object',
    { name: 'b', kind: 'loss', formula: '(y-p)^2' },
    { name: 'a', kind: 'activation', formula: 'tanh(x)' },
  ];
  assert.deepEqual(sanitizeSavedFormulas(setting), [
    { name: 'a', kind: 'activation', formula: 'x' },
    { name: 'b', kind: 'loss', formula: '(y-p)^2' },
  ]);
  assert.deepEqual(sanitizeSavedFormulas([{ name: 'empty', kind: 'activation', formula: '' }]), []);
  assert.deepEqual(sanitizeSavedFormulas(undefined), []);
  assert.deepEqual(sanitizeSavedFormulas({ a: 1 }), []);
  assert.equal(sanitizeSavedFormulas(Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}`, kind: 'activation', formula: 'x' }))).length, LIMITS.savedFormulas);
});

test('host messages: focus and customFormulas are accepted, malformed ones rejected', () => {
  assert.ok(isHostToWebviewMessage({ type: 'focus', focus: { kind: 'activation', id: 'leaky_relu', params: { negative_slope: 0.2 }, framework: 'keras' } }));
  assert.ok(isHostToWebviewMessage({ type: 'customFormulas', formulas: [{ name: 'a', kind: 'activation', formula: 'x' }] }));
  assert.equal(isHostToWebviewMessage({ type: 'focus', focus: { kind: 'metric', id: 'relu' } }), false);
  assert.equal(isHostToWebviewMessage({ type: 'customFormulas', formulas: 'a' }), false);
  assert.equal(isHostToWebviewMessage({ type: 'ready' }), false);
});

test('openPlayground arguments: none, empty, or a focus with optional params and framework', () => {
  assert.ok(isOpenPlaygroundArgs(undefined));
  assert.ok(isOpenPlaygroundArgs({}));
  assert.ok(isOpenPlaygroundArgs({ focus: { kind: 'loss', id: 'nn.BCELoss' } }));
  assert.ok(isOpenPlaygroundArgs({ focus: { kind: 'activation', id: 'leaky_relu', params: { alpha: 0.3, inplace: false, weight: [0.25] }, framework: 'tfjs' } }));
  assert.equal(isOpenPlaygroundArgs(null), false);
  assert.equal(isOpenPlaygroundArgs('relu'), false);
  assert.equal(isOpenPlaygroundArgs({ focus: { kind: 'activation', id: '' } }), false);
  assert.equal(isOpenPlaygroundArgs({ focus: { kind: 'activation', id: 'relu', framework: 'jax' } }), false);
  assert.equal(isOpenPlaygroundArgs({ focus: { kind: 'activation', id: 'relu', params: { a: NaN } } }), false);
  assert.equal(isOpenPlaygroundArgs({ focus: { kind: 'activation', id: 'relu', params: { a: Infinity } } }), false);
  assert.equal(isOpenPlaygroundArgs({ focus: { kind: 'activation', id: 'relu', params: { a: { nested: 1 } } } }), false);
  assert.equal(isOpenPlaygroundArgs({ focus: { kind: 'activation', id: 'relu', params: { weight: new Array(LIMITS.listLength + 1).fill(0) } } }), false);
  const manyParams = Object.fromEntries(Array.from({ length: LIMITS.params + 1 }, (_, i) => [`p${i}`, i]));
  assert.equal(isPlaygroundFocus({ kind: 'activation', id: 'relu', params: manyParams }), false);
  assert.equal(isOpenPlaygroundArgs({ focus: { kind: 'activation', id: 'relu' }, extra: true }), false);
});

test('the default state of every framework is a valid state and survives a JSON round trip', () => {
  for (const framework of FRAMEWORKS) {
    const state = defaultPlaygroundState(framework);
    assert.ok(isPlaygroundState(state));
    assert.ok(isPlaygroundState(JSON.parse(JSON.stringify(state))));
  }
});

test('states saved before the pair problems (without negativeDistance) still load; every pair problem is a valid state', () => {
  const base = defaultPlaygroundState('torch');
  const { negativeDistance: _dropped, ...older } = base.loss;
  assert.ok(isPlaygroundState({ ...base, loss: older }));
  for (const problem of ['rankingPair', 'embeddingPair', 'triplet'] as const) {
    assert.ok(isPlaygroundState({ ...base, loss: { ...base.loss, problem, outputActivation: null, negativeDistance: 0 } }), problem);
  }
});

test('persisted state: wrong versions, ranges, NaN, too many rows and unknown fields are rejected', () => {
  const base = defaultPlaygroundState('torch');
  const variants: [string, unknown][] = [
    ['version 2', { ...base, version: 2 }],
    ['unknown tab', { ...base, tab: 'training-typo' }],
    ['unknown framework', { ...base, framework: 'jax' }],
    ['xMin ≥ xMax', { ...base, curves: { ...base.curves, xMin: 3, xMax: 3 } }],
    ['NaN xMin', { ...base, curves: { ...base.curves, xMin: NaN } }],
    ['range beyond the limit', { ...base, curves: { ...base.curves, xMax: LIMITS.range * 10 } }],
    ['yMin > yMax', { ...base, curves: { ...base.curves, yMin: 2, yMax: 1 } }],
    ['too many curves', { ...base, curves: { ...base.curves, functions: new Array(LIMITS.plotted + 1).fill(base.curves.functions[0]) } }],
    ['custom source with a bad name', { ...base, curves: { ...base.curves, functions: [{ source: { kind: 'custom', name: 'a b' }, framework: null, params: {} }] } }],
    ['unknown source kind', { ...base, curves: { ...base.curves, functions: [{ source: { kind: 'url', id: 'x' }, framework: null, params: {} }] } }],
    ['true class out of range', { ...base, loss: { ...base.loss, classCount: 3, trueClass: 3 } }],
    ['one class', { ...base, loss: { ...base.loss, classCount: 1, trueClass: 0 } }],
    ['binary target 0.5', { ...base, loss: { ...base.loss, binaryTarget: 0.5 } }],
    ['unknown reduction', { ...base, loss: { ...base.loss, reduction: 'sum_over_batch_size' } }],
    ['unknown problem', { ...base, loss: { ...base.loss, problem: 'quadruplet' } }],
    ['negative triplet distance', { ...base, loss: { ...base.loss, problem: 'triplet', negativeDistance: -1 } }],
    ['triplet distance beyond the limit', { ...base, loss: { ...base.loss, negativeDistance: LIMITS.range * 2 } }],
    ['unknown field', { ...base, extra: 1 }],
    ['missing draft', { ...base, draft: undefined }],
    ['draft text too long', { ...base, draft: { ...base.draft, text: 'x'.repeat(LIMITS.formulaText + 1) } }],
  ];
  for (const [what, value] of variants) assert.equal(isPlaygroundState(value), false, what);
});

/** Arbitrary valid states, to check the guard accepts the whole space, not just the default. */
const paramValue = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string({ maxLength: 20 }), fc.constant(null), fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 5 }));
const plotted = fc.record({
  source: fc.oneof(
    fc.record({ kind: fc.constant('catalog' as const), id: fc.string({ minLength: 1, maxLength: 40 }) }),
    fc.record({ kind: fc.constant('custom' as const), name: fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/) }),
  ),
  framework: fc.constantFrom(null, ...FRAMEWORKS),
  params: fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), paramValue, { maxKeys: 5 }),
});
const range = fc.tuple(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.double({ min: 0.001, max: 1000, noNaN: true })).map(([min, span]) => [min, min + span] as const);
const validState: fc.Arbitrary<PlaygroundState> = fc.record({
  version: fc.constant(1 as const),
  tab: fc.constantFrom('curves' as const, 'loss' as const, 'custom' as const),
  framework: fc.constantFrom(...FRAMEWORKS),
  curves: fc.tuple(fc.array(plotted, { maxLength: LIMITS.plotted }), fc.boolean(), fc.boolean(), range).map(([functions, showDerivative, showMarkers, [xMin, xMax]]) => ({ functions, showDerivative, showMarkers, xMin, xMax, yMin: null, yMax: null })),
  loss: fc.tuple(fc.array(plotted, { maxLength: LIMITS.plotted }), fc.constantFrom('binary' as const, 'categorical' as const, 'regression' as const), fc.integer({ min: 2, max: LIMITS.classes }), fc.nat(), range, fc.constantFrom(null, 'sigmoid', 'softmax'), fc.constantFrom('mean' as const, 'sum' as const, 'none' as const))
    .map(([losses, problem, classCount, seed, [xMin, xMax], outputActivation, reduction]) => ({
      losses, problem, binaryTarget: (seed % 2) as 0 | 1, classCount, trueClass: seed % classCount, regressionTarget: 0.5, outputActivation, reduction, showGradient: true, logScale: false, xMin, xMax,
    })),
  draft: fc.record({ kind: fc.constantFrom('activation' as const, 'loss' as const), name: fc.string({ maxLength: 20 }), text: fc.string({ maxLength: 100 }) }),
});

test('property: every generated valid state is accepted, before and after JSON', () => {
  fc.assert(fc.property(validState, (state) => isPlaygroundState(state) && isPlaygroundState(JSON.parse(JSON.stringify(state)))), { numRuns: 300 });
});

test('property: random JSON values are never accepted as messages unless they are one', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    // A random value is only accepted if it happens to be exactly a ready message.
    const accepted = isWebviewToHostMessage(value);
    return !accepted || (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ready');
  }), { numRuns: 2000 });
});

test('property: random objects with a known type and random fields are rejected unless every field is right', () => {
  const types = ['ready', 'savePng', 'saveCsv', 'copyLatex', 'saveFormula', 'deleteFormula', 'log'];
  fc.assert(fc.property(fc.constantFrom(...types), fc.dictionary(fc.string({ maxLength: 10 }), fc.anything(), { maxKeys: 4 }), (type, fields) => {
    const value = { ...fields, type };
    if (!isWebviewToHostMessage(value)) return true;
    // Accepted: it must have exactly the fields of one of the valid shapes.
    const template = validWebviewMessages.find((message) => message.type === type)!;
    return Object.keys(value).sort().join() === Object.keys(template).sort().join();
  }), { numRuns: 2000 });
});

test('property: a valid state with its version, tab or framework replaced by any other value is rejected', () => {
  const allowed: Record<string, readonly unknown[]> = { version: [1], tab: ['curves', 'loss', 'custom'], framework: FRAMEWORKS };
  fc.assert(fc.property(validState, fc.constantFrom('version', 'tab', 'framework'), fc.anything(), (state, key, value) => {
    fc.pre(!allowed[key]!.includes(value));
    return !isPlaygroundState({ ...state, [key]: value });
  }), { numRuns: 500 });
});

test('property: a valid state with a whole section replaced by a random value is rejected', () => {
  fc.assert(fc.property(validState, fc.constantFrom('curves', 'loss', 'draft'), fc.anything(), (state, key, value) => !isPlaygroundState({ ...state, [key]: value })), { numRuns: 500 });
});
