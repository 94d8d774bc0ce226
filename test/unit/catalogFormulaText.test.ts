/**
 * The Unicode formula texts and output ranges of the catalog are mathematical notation only: hovers,
 * CodeLens titles, QuickPicks, the Playground and the CLI show them unchanged in every display language,
 * so an English word ("if", "otherwise", "with") would be wrong for Chinese users. Remarks belong in the
 * localized description or notes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG, normalizeName } from '../../src/core/catalog/registry';
import type { CatalogEntry } from '../../src/core/catalog/types';

/** Function and operator names that are notation in both languages. */
const MATH_NAMES = new Set([
  'argmax', 'clip', 'cos', 'cosh', 'erf', 'exp', 'ln', 'log', 'max', 'min', 'sech', 'sign', 'softmax', 'softplus', 'split', 'sqrt', 'tanh',
  // The binary cross-entropy term inside the focal loss's derivative.
  'BCE',
]);

/** Framework names: proper nouns, written the same in Chinese text. */
const FRAMEWORK_NAMES = new Set(['PyTorch', 'Keras', 'TF.js']);

/** One letter with optional digits and an optional subscript: x, x1, p_t, t_ic, ‖·‖_p. */
const SYMBOL = /^[A-Za-z][0-9]*(?:_[A-Za-z0-9]+)?$/;

/** A name with an optional subscript of one index: max_c, argmax_c. */
const SUBSCRIPTED_NAME = /^([A-Za-z][A-Za-z0-9]*)_[A-Za-z0-9]$/;

/** Runs of Latin letters, digits, "_" and inner dots, as a formula writes names (`log_input`, `TF.js`). */
const TOKEN = /[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*/g;

/** The entry's own names (`LeakyReLU` for `leaky_relu`) and its parameter names, as code writes them. */
function ownNames(entry: CatalogEntry): { readonly normalized: ReadonlySet<string>; readonly params: ReadonlySet<string> } {
  return {
    normalized: new Set([entry.id, ...entry.aliases].map(normalizeName)),
    params: new Set(entry.params.flatMap((param) => [param.name, ...(param.aliases ?? [])])),
  };
}

/** The words of a formula text that are not notation, a function name, a framework, the entry's name or a parameter. */
function proseWords(text: string, entry: CatalogEntry): string[] {
  const names = ownNames(entry);
  const isName = (word: string): boolean =>
    MATH_NAMES.has(word) || FRAMEWORK_NAMES.has(word) || names.params.has(word) || names.normalized.has(normalizeName(word));
  return (text.match(TOKEN) ?? []).filter((token) => {
    if (SYMBOL.test(token) || isName(token)) return false;
    const subscripted = SUBSCRIPTED_NAME.exec(token);
    return !(subscripted && isName(subscripted[1]!));
  });
}

for (const entry of CATALOG) {
  test(`${entry.kind} ${entry.id}: the formula texts and the output range are notation, without English words`, () => {
    for (const field of ['text', 'derivativeText'] as const) {
      assert.deepEqual(proseWords(entry.formula[field], entry), [], `${entry.id}.formula.${field}: ${entry.formula[field]}`);
    }
    assert.deepEqual(proseWords(entry.range, entry), [], `${entry.id}.range: ${entry.range}`);
  });
}

test('the prose check finds the words that used to be in formula texts and passes the notation that replaced them', () => {
  const elu = CATALOG.find((entry) => entry.id === 'elu')!;
  const huber = CATALOG.find((entry) => entry.id === 'huber')!;
  const prelu = CATALOG.find((entry) => entry.id === 'prelu')!;
  const cce = CATALOG.find((entry) => entry.id === 'categorical_crossentropy')!;
  assert.deepEqual(proseWords('ELU(x) = x if x > 0, α·(e^x − 1) otherwise', elu), ['if', 'otherwise']);
  assert.deepEqual(proseWords('ℓ = ½d² if |d| ≤ δ, else δ(|d| − ½δ), with d = ŷ − y', huber), ['if', 'else', 'with']);
  assert.deepEqual(proseWords('PReLU(x) = x if x > 0, a·x otherwise (a learned, per channel)', prelu), ['if', 'otherwise', 'learned', 'per', 'channel']);
  assert.deepEqual(proseWords('ℓᵢ = −Σ_c t_ic·log p_ic, with pᵢ = softmax(xᵢ) for logits', cce), ['with', 'for', 'logits']);
  assert.deepEqual(proseWords('∂yᵢ/∂xⱼ = δᵢⱼ − yⱼ;  VJP: gⱼ = uⱼ', elu), ['VJP']);
  assert.deepEqual(proseWords('(0, 1), each slice sums to 1', elu), ['each', 'slice', 'sums', 'to']);
  // A subscript on a word does not hide it; an unknown name with a subscript is a word too.
  assert.deepEqual(proseWords('x_ij (sum_j, when_x)', elu), ['sum_j', 'when_x']);
  assert.deepEqual(proseWords('ELU(x) = x (x > 0); α·(e^x − 1) (x ≤ 0), alpha = 1, max_c x_ic, TF.js', elu), []);
});
