import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance } from '../../src/core/text/editDistance';

test('counts insertions, deletions and substitutions', () => {
  assert.equal(editDistance('', ''), 0);
  assert.equal(editDistance('relu', ''), 4);
  assert.equal(editDistance('', 'gelu'), 4);
  assert.equal(editDistance('relu', 'relu6'), 1);
  assert.equal(editDistance('gelu', 'relu'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});

test('an adjacent transposition is one step, as a typing slip is', () => {
  assert.equal(editDistance('rleu', 'relu'), 1);
  assert.equal(editDistance('sigmiod', 'sigmoid'), 1);
  // Optimal string alignment: a transposed pair is not edited again.
  assert.equal(editDistance('ca', 'abc'), 3);
});

test('is a symmetric distance bounded by the longer length', () => {
  const word = fc.string({ maxLength: 12 });
  fc.assert(fc.property(word, word, (a, b) => {
    const distance = editDistance(a, b);
    return distance === editDistance(b, a) && distance <= Math.max(a.length, b.length) && (distance === 0) === (a === b)
      && distance >= Math.abs(a.length - b.length);
  }));
});
