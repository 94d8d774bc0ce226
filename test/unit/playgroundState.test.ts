/**
 * Playground state transitions: which state a page starts from (its own saved state, the serializer's,
 * or a new one with the requested focus) and how a focus from a hover or CodeLens changes a state.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_NEGATIVE_DISTANCE, defaultPlaygroundState, isPlaygroundState, type PlaygroundBootData, type PlaygroundState } from '../../src/protocol/playground';
import { applyFocus, defaultOutputActivation, initialState, problemFor, sweepTargetOf } from '../../src/protocol/playgroundState';
import { requireEntry } from '../../src/core/catalog/registry';

function boot(overrides: Partial<PlaygroundBootData> = {}): PlaygroundBootData {
  return { locale: 'en', l10nBundle: null, state: null, focus: null, defaultFramework: 'keras', customFormulas: [], formulaScriptUri: '', ...overrides };
}

const base = defaultPlaygroundState('torch');

test('a page starts from its own saved state, else the restored one, else a new one for the default framework', () => {
  const saved: PlaygroundState = { ...base, tab: 'custom' };
  const restored: PlaygroundState = { ...base, tab: 'loss' };
  assert.equal(initialState(boot({ state: restored }), saved), saved);
  assert.equal(initialState(boot({ state: restored }), undefined), restored);
  assert.equal(initialState(boot({ state: restored }), { version: 99 }), restored, 'a corrupt saved state is ignored');
  const fresh = initialState(boot(), undefined);
  assert.equal(fresh.framework, 'keras');
  assert.ok(isPlaygroundState(fresh));
});

test('the boot focus applies to a new page only: a page reloaded after hiding keeps what the user did since', () => {
  const focus = { kind: 'activation' as const, id: 'nn.LeakyReLU', params: { negative_slope: 0.2 } };
  const fresh = initialState(boot({ focus }), undefined);
  assert.equal(fresh.curves.functions[0]?.source.kind === 'catalog' && fresh.curves.functions[0].source.id, 'leaky_relu');
  const userEdited: PlaygroundState = { ...fresh, curves: { ...fresh.curves, functions: [] } };
  assert.equal(initialState(boot({ focus }), userEdited), userEdited);
});

test('focusing an activation shows the Curves tab with that function first, canonical id and parameter names', () => {
  const state = applyFocus({ ...base, tab: 'custom' }, { kind: 'activation', id: 'layers.leakyReLU', params: { alpha: 0.3 }, framework: 'tfjs' });
  assert.equal(state.tab, 'curves');
  const [first, ...rest] = state.curves.functions;
  assert.deepEqual(first, { source: { kind: 'catalog', id: 'leaky_relu' }, framework: 'tfjs', params: { negative_slope: 0.3 } });
  assert.deepEqual(rest, base.curves.functions, 'the other curves stay');
  assert.ok(isPlaygroundState(state));
});

test('focusing a function already drawn moves its row first instead of adding a second one', () => {
  const once = applyFocus(base, { kind: 'activation', id: 'tanh' });
  assert.equal(once.curves.functions.length, base.curves.functions.length);
  assert.deepEqual(once.curves.functions.map((row) => row.source.kind === 'catalog' && row.source.id), ['tanh', 'relu', 'sigmoid']);
});

test('unknown names, wrong kinds and unknown parameter names change nothing they should not', () => {
  assert.equal(applyFocus(base, { kind: 'activation', id: 'no_such_function' }), base);
  assert.equal(applyFocus(base, { kind: 'loss', id: 'relu' }), base);
  const state = applyFocus(base, { kind: 'activation', id: 'elu', params: { alpha: 2, bogus: 1 } });
  assert.deepEqual(state.curves.functions[0]?.params, { alpha: 2 });
});

test('focusing a loss picks the problem its target fits, with an x range for that axis', () => {
  const categorical = applyFocus(base, { kind: 'loss', id: 'nn.CrossEntropyLoss', framework: 'torch' });
  assert.equal(categorical.tab, 'loss');
  assert.equal(categorical.loss.problem, 'categorical');
  assert.equal(categorical.loss.outputActivation, 'softmax');
  assert.deepEqual([categorical.loss.xMin, categorical.loss.xMax], [-10, 10]);
  assert.equal(categorical.loss.losses.length, 1, 'losses of another problem are not kept');
  assert.ok(isPlaygroundState(categorical));

  const regression = applyFocus(base, { kind: 'loss', id: 'huber' });
  assert.equal(regression.loss.problem, 'regression');
  assert.equal(regression.loss.outputActivation, null);
  assert.deepEqual([regression.loss.xMin, regression.loss.xMax], [-3, 3]);

  // The default state already compares binary losses on sigmoid outputs: BCE from logits joins them.
  const binary = applyFocus(base, { kind: 'loss', id: 'BCEWithLogitsLoss' });
  assert.equal(binary.loss.problem, 'binary');
  assert.equal(binary.loss.losses.length, 3);
  assert.deepEqual([binary.loss.xMin, binary.loss.xMax], [base.loss.xMin, base.loss.xMax]);
});

test('problemFor and sweepTargetOf follow the target kind and the state', () => {
  assert.equal(problemFor(requireEntry('binary_crossentropy', 'loss')), 'binary');
  assert.equal(problemFor(requireEntry('sparse_categorical_crossentropy', 'loss')), 'categorical');
  assert.equal(problemFor(requireEntry('mse', 'loss')), 'regression');
  assert.deepEqual(sweepTargetOf(base.loss), { problem: 'binary', label: 1 });
  assert.deepEqual(sweepTargetOf({ ...base.loss, problem: 'categorical', classCount: 5, trueClass: 3 }), { problem: 'categorical', classCount: 5, trueClass: 3 });
  assert.deepEqual(sweepTargetOf({ ...base.loss, problem: 'regression', regressionTarget: 2 }), { problem: 'regression', value: 2 });
});

test('losses of several predictions belong to their pair problem: focusing one opens it without an output activation', () => {
  assert.equal(problemFor(requireEntry('margin_ranking_loss', 'loss')), 'rankingPair');
  assert.equal(problemFor(requireEntry('cosine_embedding_loss', 'loss')), 'embeddingPair');
  assert.equal(problemFor(requireEntry('triplet_margin_loss', 'loss')), 'triplet');
  assert.equal(problemFor(requireEntry('hinge_embedding_loss', 'loss')), 'binary', 'one input with a ±1 label');
  const triplet = applyFocus(base, { kind: 'loss', id: 'nn.TripletMarginLoss', params: { margin: 0.5 } });
  assert.equal(triplet.loss.problem, 'triplet');
  assert.equal(triplet.loss.outputActivation, null);
  assert.deepEqual([triplet.loss.xMin, triplet.loss.xMax], [0, DEFAULT_NEGATIVE_DISTANCE + 2]);
  assert.deepEqual(triplet.loss.losses, [{ source: { kind: 'catalog', id: 'triplet_margin_loss' }, framework: null, params: { margin: 0.5 } }]);
  assert.ok(isPlaygroundState(triplet));
  assert.deepEqual(['binary', 'categorical', 'regression', 'rankingPair', 'embeddingPair', 'triplet'].map((problem) => defaultOutputActivation(problem as PlaygroundState['loss']['problem'])), ['sigmoid', 'softmax', null, null, null, null]);
});

test('pair targets: the ±1 label is the binary target (0 for −1), the triplet\'s negative distance defaults for older states', () => {
  assert.deepEqual(sweepTargetOf({ ...base.loss, problem: 'rankingPair', binaryTarget: 1 }), { problem: 'rankingPair', sign: 1 });
  assert.deepEqual(sweepTargetOf({ ...base.loss, problem: 'embeddingPair', binaryTarget: 0 }), { problem: 'embeddingPair', sign: -1 });
  assert.deepEqual(sweepTargetOf({ ...base.loss, problem: 'triplet', negativeDistance: 0.75 }), { problem: 'triplet', negativeDistance: 0.75 });
  const { negativeDistance: _dropped, ...older } = base.loss;
  assert.deepEqual(sweepTargetOf({ ...older, problem: 'triplet' }), { problem: 'triplet', negativeDistance: DEFAULT_NEGATIVE_DISTANCE });
});
