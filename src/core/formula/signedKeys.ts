/**
 * Negation-aware keys for the values of a block program. Derivatives are full of f(u) next to f(−u)
 * (σ′(u) = σ(u)·σ(−u), SiLU, GELU-tanh...), and after tidying and constant folding −u is rarely the node
 * `neg(u)`: it is `-1.702 * x` beside `1.702 * x`, or `1 - x` beside `x - 1`. A signed key names a value
 * as ± a magnitude: two values with the same `key` and opposite `negative` are negations of each other.
 * The rules only use operations IEEE 754 makes sign-symmetric (round to nearest rounds −v to −round(v)),
 * so the relation holds for every input, with one exception marked `loose`: a − b and b − a are both +0
 * when a = b, so a key built on a difference may pair two zeros of the same sign. That is harmless under
 * products and numerators (zeros stay zeros), so only a division by a loose value drops the relation,
 * where the sign of a zero would become the sign of an infinity.
 */

/** A value as ± a magnitude class. */
export interface SignedKey {
  readonly key: string;
  readonly negative: boolean;
  /** A zero may pair with a zero of the same sign (a difference is involved). */
  readonly loose: boolean;
}

/** The signed key of a compile-time constant: 2 and −2 share the key `c2`. */
export function constantSignedKey(value: number): SignedKey {
  return { key: `c${String(Math.abs(value))}`, negative: value < 0 || Object.is(value, -0), loose: false };
}

/** −a. */
export function negatedSignedKey(a: SignedKey): SignedKey {
  return { ...a, negative: !a.negative };
}

/** a · b or a / b (the sign is the exclusive or of the operands' signs); undefined for a division by a loose value. */
export function productSignedKey(operator: '*' | '/', a: SignedKey, b: SignedKey): SignedKey | undefined {
  if (operator === '/' && b.loose) return undefined;
  return { key: `${operator}(${a.key},${b.key})`, negative: a.negative !== b.negative, loose: a.loose || b.loose };
}

/** a − b from the operands' own keys: a − b and b − a share one key, operands ordered, with opposite signs. */
export function differenceSignedKey(a: string, b: string): SignedKey {
  return a <= b ? { key: `-(${a},${b})`, negative: false, loose: true } : { key: `-(${b},${a})`, negative: true, loose: true };
}
