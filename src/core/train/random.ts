/**
 * Seeded randomness for the trainer: a mulberry32 generator (32-bit state, fast, good enough for
 * data sets, initial weights and batch order) with uniform, normal and permutation helpers.
 * Every random choice in training goes through one of these, so a seed reproduces a run exactly.
 */

/** A seeded source of random numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [low, high). */
  uniform(low: number, high: number): number;
  /** A normal deviate with the given mean and standard deviation (Box-Muller). */
  normal(mean?: number, std?: number): number;
  /** An integer in [0, n). */
  integer(n: number): number;
  /** Shuffles `values[0..length)` in place (Fisher-Yates). */
  shuffle(values: Int32Array | number[], length?: number): void;
}

/** Mixes a seed and a stream name into an independent 32-bit seed (so data, weights and batch order do not share draws). */
export function deriveSeed(seed: number, stream: string): number {
  // FNV-1a over the stream name, folded with the seed, then one splitmix32 round for avalanche.
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < stream.length; i++) {
    h ^= stream.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = (h + 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Creates a mulberry32 generator from a 32-bit seed (any number; it is truncated to 32 bits). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  let spare = NaN;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const standardNormal = (): number => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = NaN;
      return value;
    }
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  return {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    normal: (mean = 0, std = 1) => mean + std * standardNormal(),
    integer: (n) => Math.floor(next() * n),
    shuffle(values, length = values.length) {
      for (let i = length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const held = values[i]!;
        values[i] = values[j]!;
        values[j] = held;
      }
    },
  };
}
