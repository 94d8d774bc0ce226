/**
 * The catalog as data: every entry (activations and losses) is fully described in both languages,
 * ids and names are unambiguous, defaults resolve under every framework profile, and the names
 * users write resolve back to their own activation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateActivation } from '../../src/core/evaluate';
import { namePresetFor } from '../../src/core/catalog/namePresets';
import { resolveParams } from '../../src/core/catalog/params';
import { CATALOG, nameCollisions, resolveName } from '../../src/core/catalog/registry';
import { FRAMEWORKS, type CatalogEntry } from '../../src/core/catalog/types';
import type { LocalizedText } from '../../src/core/l10n';
import { fromNested } from '../../src/core/tensor';

function assertBilingual(text: LocalizedText | undefined, where: string): void {
  assert.ok(text, `${where}: missing text`);
  assert.ok(typeof text.en === 'string' && text.en.trim() !== '', `${where}: empty English text`);
  assert.ok(typeof text['zh-cn'] === 'string' && text['zh-cn'].trim() !== '', `${where}: empty Chinese text`);
}

test('the catalog has entries of both kinds', () => {
  assert.ok(CATALOG.some((e) => e.kind === 'activation'));
  assert.ok(CATALOG.filter((e) => e.kind === 'activation').length >= 27);
});

test('ids are unique and no two entries claim the same id or alias', () => {
  const ids = CATALOG.map((e) => e.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  assert.deepEqual([...nameCollisions().entries()], []);
});

for (const entry of CATALOG) {
  test(`${entry.kind} ${entry.id}: described in both languages, with formulas, range and frameworks`, () => {
    assert.ok(entry.title.trim() !== '', 'title');
    assertBilingual(entry.description, `${entry.id}.description`);
    for (const field of ['latex', 'text', 'derivativeLatex', 'derivativeText'] as const) {
      assert.ok(entry.formula[field].trim() !== '', `${entry.id}.formula.${field} is empty`);
    }
    assert.ok(entry.range.trim() !== '', `${entry.id}.range is empty`);
    assert.ok(entry.frameworks.length > 0 && entry.frameworks.every((f) => FRAMEWORKS.includes(f)), `${entry.id}.frameworks`);
    entry.notes.forEach((note, i) => {
      assertBilingual(note.text, `${entry.id}.notes[${i}]`);
      assert.ok(note.frameworks.length > 0 && note.frameworks.every((f) => FRAMEWORKS.includes(f)), `${entry.id}.notes[${i}].frameworks`);
    });
    const paramNames = entry.params.map((p) => p.name);
    assert.deepEqual(paramNames.filter((name, i) => paramNames.indexOf(name) !== i), [], `${entry.id}: duplicate parameter names`);
    for (const spec of entry.params) {
      assertBilingual(spec.description, `${entry.id}.params.${spec.name}.description`);
      if (spec.type === 'choice') assert.ok((spec.choices ?? []).length > 0, `${entry.id}.${spec.name}: no choices`);
      for (const f of spec.frameworks ?? []) assert.ok(FRAMEWORKS.includes(f), `${entry.id}.${spec.name}.frameworks`);
    }
  });

  test(`${entry.kind} ${entry.id}: defaults resolve under every framework profile`, () => {
    for (const framework of FRAMEWORKS) {
      const resolved = resolveParams(entry, framework);
      assert.deepEqual(Object.keys(resolved).sort(), entry.params.map((p) => p.name).sort());
      // Resolving the resolved values again changes nothing: defaults pass their own checks.
      assert.deepEqual(resolveParams(entry, framework, resolved), resolved);
    }
  });
}

const activations = CATALOG.filter((e): e is Extract<CatalogEntry, { kind: 'activation' }> => e.kind === 'activation');

for (const entry of activations) {
  test(`activation ${entry.id}: its id, aliases and every framework spelling resolve back to it`, () => {
    const spellings = [entry.id, ...entry.aliases, ...Object.values(entry.names).flat()];
    assert.ok(Object.values(entry.names).flat().length > 0, `${entry.id} has no framework names`);
    for (const spelling of spellings) assert.equal(resolveName(spelling)?.id, entry.id, `"${spelling}"`);
  });

  test(`activation ${entry.id}: name presets belong to it and resolve`, () => {
    for (const [spelling, preset] of Object.entries(entry.namePresets ?? {})) {
      assert.equal(resolveName(spelling)?.id, entry.id, `preset spelling "${spelling}"`);
      for (const framework of FRAMEWORKS) resolveParams(entry, framework, preset);
    }
  });

  test(`activation ${entry.id}: non-elementwise entries have a Jacobian, elementwise ones a kernel`, () => {
    if (['softmax', 'log_softmax', 'glu'].includes(entry.id)) assert.ok(entry.jacobian && !entry.kernel);
    else if (entry.id !== 'prelu') assert.ok(entry.kernel);
  });
}

test('names users write land on the right activation', () => {
  const expected: Record<string, string> = {
    leakyReLU: 'leaky_relu',
    'nn.LeakyReLU': 'leaky_relu',
    'F.leaky_relu': 'leaky_relu',
    'tf.keras.layers.LeakyReLU': 'leaky_relu',
    swish: 'silu',
    hardSigmoid: 'hardsigmoid',
    hard_sigmoid: 'hardsigmoid',
    gelu_new: 'gelu',
    'torch.nn.functional.relu6': 'relu6',
    logSoftmax: 'log_softmax',
    hard_silu: 'hardswish',
    thresholdedReLU: 'threshold',
    'keras.activations.soft_shrink': 'softshrink',
  };
  for (const [spelling, id] of Object.entries(expected)) assert.equal(resolveName(spelling)?.id, id, spelling);
});

test('name presets: gelu_new is the tanh GELU, Keras LeakyReLU layers have slope 0.3, user parameters win', () => {
  const gelu = resolveName('gelu')!;
  assert.deepEqual(namePresetFor(gelu, 'gelu_new'), { approximate: 'tanh' });
  assert.deepEqual(namePresetFor(gelu, 'gelu'), {});
  const x = fromNested([-1, 0.5, 2]);
  const tanhForm = evaluateActivation('gelu_new', x, { framework: 'tfjs' });
  assert.equal(tanhForm.params['approximate'], 'tanh');
  assert.deepEqual(tanhForm.value.data, evaluateActivation('gelu', x, { framework: 'tfjs', params: { approximate: 'tanh' } }).value.data);
  assert.equal(evaluateActivation('gelu', x, { framework: 'tfjs' }).params['approximate'], 'none');
  assert.equal(evaluateActivation('layers.LeakyReLU', x, { framework: 'keras' }).params['negative_slope'], 0.3);
  assert.equal(evaluateActivation('leaky_relu', x, { framework: 'keras' }).params['negative_slope'], 0.2);
  assert.equal(evaluateActivation('nn.LeakyReLU', x, { framework: 'torch' }).params['negative_slope'], 0.01);
  assert.equal(evaluateActivation('tf.layers.leakyReLU', x, { framework: 'tfjs' }).params['negative_slope'], 0.3);
  assert.equal(evaluateActivation('tf.leakyRelu', x, { framework: 'tfjs' }).params['negative_slope'], 0.2);
  assert.equal(evaluateActivation('layers.LeakyReLU', x, { framework: 'keras', params: { alpha: 0.1 } }).params['negative_slope'], 0.1);
});

test('framework parameter spellings resolve to canonical names', () => {
  const check = (name: string, framework: (typeof FRAMEWORKS)[number], given: Record<string, number>, canonical: string) => {
    const entry = resolveName(name)!;
    assert.equal(resolveParams(entry, framework, given)[canonical], Object.values(given)[0], `${name} ${JSON.stringify(given)}`);
  };
  check('leaky_relu', 'tfjs', { alpha: 0.25 }, 'negative_slope');
  check('softshrink', 'keras', { threshold: 0.7 }, 'lambd');
  check('hardshrink', 'keras', { threshold: 0.7 }, 'lambd');
  check('softmax', 'torch', { dim: 0 }, 'axis');
  check('threshold', 'keras', { default_value: 2 }, 'value');
  check('threshold', 'tfjs', { theta: 2 }, 'threshold');
  check('relu', 'tfjs', { maxValue: 6 }, 'max_value');
  assert.deepEqual(resolveParams(resolveName('prelu')!, 'torch', { init: 0.1 })['weight'], [0.1]);
  assert.deepEqual(resolveParams(resolveName('prelu')!, 'tfjs', { alpha: [0.1, 0.2] })['weight'], [0.1, 0.2]);
});
