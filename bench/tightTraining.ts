/**
 * The limit proxy for training: one network shape, written out by hand with its sizes as
 * constants, flat Float64Array weights, no allocation per step. Shapes of the benchmark issue:
 * 2-8-8-1 tanh with a sigmoid output + BCE and plain SGD; 2-16-16-3 relu with softmax + CE and Adam.
 */

/** Trains one epoch over `inputs` (rows of 2) and `labels` in order, batch by batch. */
export interface TightTrainer {
  epoch(inputs: Float64Array, labels: Float64Array, batch: number): number;
}

function glorot(fanIn: number, fanOut: number, n: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = (state / 4294967296 * 2 - 1) * limit;
  }
  return out;
}

/**
 * Initial parameters in torch nn.Linear layout, flattened row-major: [W1, b1, W2, b2, W3, b3].
 * Given by the honesty test so the tight loop and the core start from the same point.
 */
export type FlatParams = readonly Float64Array[];

/** 2-8-8-1, tanh hidden layers, sigmoid output with binary cross-entropy (fused gradient p - y), SGD. */
export function tightTanhSgd(lr: number, initial?: FlatParams): TightTrainer {
  const W1 = initial?.[0]?.slice() ?? glorot(2, 8, 16, 1), b1 = initial?.[1]?.slice() ?? new Float64Array(8);
  const W2 = initial?.[2]?.slice() ?? glorot(8, 8, 64, 2), b2 = initial?.[3]?.slice() ?? new Float64Array(8), W3 = initial?.[4]?.slice() ?? glorot(8, 1, 8, 3);
  let b3 = initial?.[5]?.[0] ?? 0;
  const gW1 = new Float64Array(16), gb1 = new Float64Array(8), gW2 = new Float64Array(64), gb2 = new Float64Array(8), gW3 = new Float64Array(8);
  const h1 = new Float64Array(8), h2 = new Float64Array(8), d1 = new Float64Array(8), d2 = new Float64Array(8);
  return {
    epoch(inputs, labels, batch) {
      const n = labels.length;
      let total = 0;
      for (let start = 0; start < n; start += batch) {
        const end = Math.min(n, start + batch);
        const scale = 1 / (end - start);
        gW1.fill(0); gb1.fill(0); gW2.fill(0); gb2.fill(0); gW3.fill(0);
        let gb3 = 0;
        for (let r = start; r < end; r++) {
          const x0 = inputs[2 * r]!, x1 = inputs[2 * r + 1]!;
          for (let j = 0; j < 8; j++) h1[j] = Math.tanh(W1[2 * j]! * x0 + W1[2 * j + 1]! * x1 + b1[j]!);
          for (let j = 0; j < 8; j++) {
            let s = b2[j]!;
            for (let k = 0; k < 8; k++) s += W2[8 * j + k]! * h1[k]!;
            h2[j] = Math.tanh(s);
          }
          let z = b3;
          for (let k = 0; k < 8; k++) z += W3[k]! * h2[k]!;
          const y = labels[r]!;
          total += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
          const dz = (1 / (1 + Math.exp(-z)) - y) * scale;
          gb3 += dz;
          for (let k = 0; k < 8; k++) { gW3[k]! += dz * h2[k]!; d2[k] = dz * W3[k]! * (1 - h2[k]! * h2[k]!); }
          for (let k = 0; k < 8; k++) d1[k] = 0;
          for (let j = 0; j < 8; j++) {
            const g = d2[j]!;
            gb2[j]! += g;
            for (let k = 0; k < 8; k++) { gW2[8 * j + k]! += g * h1[k]!; d1[k]! += g * W2[8 * j + k]!; }
          }
          for (let j = 0; j < 8; j++) {
            const g = d1[j]! * (1 - h1[j]! * h1[j]!);
            gb1[j]! += g; gW1[2 * j]! += g * x0; gW1[2 * j + 1]! += g * x1;
          }
        }
        for (let i = 0; i < 16; i++) W1[i]! -= lr * gW1[i]!;
        for (let i = 0; i < 8; i++) { b1[i]! -= lr * gb1[i]!; b2[i]! -= lr * gb2[i]!; W3[i]! -= lr * gW3[i]!; }
        for (let i = 0; i < 64; i++) W2[i]! -= lr * gW2[i]!;
        b3 -= lr * gb3;
      }
      return total / n;
    },
  };
}

/** 2-16-16-3, relu hidden layers, softmax + cross-entropy on class indices, Adam (torch rules). */
export function tightReluAdam(lr: number, initial?: FlatParams): TightTrainer {
  const sizes = [32, 16, 256, 16, 48, 3];
  const params = initial?.map((p) => p.slice()) ?? [glorot(2, 16, 32, 4), new Float64Array(16), glorot(16, 16, 256, 5), new Float64Array(16), glorot(16, 3, 48, 6), new Float64Array(3)];
  const grads = sizes.map((n) => new Float64Array(n));
  const m = sizes.map((n) => new Float64Array(n));
  const v = sizes.map((n) => new Float64Array(n));
  const [W1, b1, W2, b2, W3, b3] = params as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const [gW1, gb1, gW2, gb2, gW3, gb3] = grads as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const h1 = new Float64Array(16), h2 = new Float64Array(16), d1 = new Float64Array(16), d2 = new Float64Array(16), o = new Float64Array(3);
  let t = 0;
  return {
    epoch(inputs, labels, batch) {
      const n = labels.length;
      let total = 0;
      for (let start = 0; start < n; start += batch) {
        const end = Math.min(n, start + batch);
        const scale = 1 / (end - start);
        for (const g of grads) g.fill(0);
        for (let r = start; r < end; r++) {
          const x0 = inputs[2 * r]!, x1 = inputs[2 * r + 1]!;
          for (let j = 0; j < 16; j++) { const s = W1[2 * j]! * x0 + W1[2 * j + 1]! * x1 + b1[j]!; h1[j] = s > 0 ? s : 0; }
          for (let j = 0; j < 16; j++) {
            let s = b2[j]!;
            for (let k = 0; k < 16; k++) s += W2[16 * j + k]! * h1[k]!;
            h2[j] = s > 0 ? s : 0;
          }
          let max = -Infinity;
          for (let c = 0; c < 3; c++) {
            let s = b3[c]!;
            for (let k = 0; k < 16; k++) s += W3[16 * c + k]! * h2[k]!;
            o[c] = s;
            if (s > max) max = s;
          }
          let sum = 0;
          for (let c = 0; c < 3; c++) { o[c] = Math.exp(o[c]! - max); sum += o[c]!; }
          const label = labels[r]!;
          total += -Math.log(o[label]! / sum);
          for (let k = 0; k < 16; k++) d2[k] = 0;
          for (let c = 0; c < 3; c++) {
            const g = (o[c]! / sum - (c === label ? 1 : 0)) * scale;
            gb3[c]! += g;
            for (let k = 0; k < 16; k++) { gW3[16 * c + k]! += g * h2[k]!; d2[k]! += g * W3[16 * c + k]!; }
          }
          for (let k = 0; k < 16; k++) d1[k] = 0;
          for (let j = 0; j < 16; j++) {
            const g = h2[j]! > 0 ? d2[j]! : 0;
            gb2[j]! += g;
            for (let k = 0; k < 16; k++) { gW2[16 * j + k]! += g * h1[k]!; d1[k]! += g * W2[16 * j + k]!; }
          }
          for (let j = 0; j < 16; j++) {
            const g = h1[j]! > 0 ? d1[j]! : 0;
            gb1[j]! += g; gW1[2 * j]! += g * x0; gW1[2 * j + 1]! += g * x1;
          }
        }
        t++;
        const c1 = 1 - Math.pow(0.9, t), c2 = Math.sqrt(1 - Math.pow(0.999, t));
        for (let p = 0; p < 6; p++) {
          const w = params[p]!, g = grads[p]!, mp = m[p]!, vp = v[p]!;
          for (let i = 0; i < w.length; i++) {
            mp[i] = 0.9 * mp[i]! + 0.1 * g[i]!;
            vp[i] = 0.999 * vp[i]! + 0.001 * g[i]! * g[i]!;
            w[i]! -= (lr / c1) * mp[i]! / (Math.sqrt(vp[i]!) / c2 + 1e-8);
          }
        }
      }
      return total / n;
    },
  };
}
