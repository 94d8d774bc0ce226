/**
 * Built-in data sets, seeded. The four classification sets reproduce TensorFlow Playground's
 * generators (src/dataset.ts: circle, xor, gauss, spiral) and its two regression sets (plane,
 * gaussian); two moons, multi-class blobs and a 1-D sine curve complete the set.
 * Binary labels are 0/1 (the Playground's -1 is class 0 here).
 */
import type { Random } from './random';

/** Built-in data set names. */
export type DatasetName = 'circle' | 'xor' | 'gauss' | 'spiral' | 'moons' | 'blobs' | 'plane' | 'gaussian' | 'sine';

/** Every built-in data set, in display order. */
export const DATASET_NAMES: readonly DatasetName[] = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'blobs', 'plane', 'gaussian', 'sine'];

/** Other spellings users write. */
export const DATASET_ALIASES: Readonly<Record<string, DatasetName>> = {
  two_moons: 'moons',
  moon: 'moons',
  gaussian_bumps: 'gaussian',
  bumps: 'gaussian',
  regress_gaussian: 'gaussian',
  regress_plane: 'plane',
  two_gauss: 'gauss',
  two_gaussians: 'gauss',
  sin: 'sine',
};

/** What a data set's labels are. */
export interface DatasetInfo {
  readonly inputSize: number;
  /** 0 for regression (real-valued labels), else the number of classes. */
  readonly classes: number;
  /** Playground sample counts: 500 to classify, 1200 to regress. */
  readonly defaultSamples: number;
  /** The region the points live in, for the decision-boundary view: [xMin, xMax, yMin, yMax]. */
  readonly domain: readonly [number, number, number, number];
}

/** Facts about a built-in data set (classes for blobs come from its options). */
export function datasetInfo(name: DatasetName, classes = 3): DatasetInfo {
  switch (name) {
    case 'circle': case 'xor': case 'gauss': case 'spiral': case 'moons':
      return { inputSize: 2, classes: 2, defaultSamples: 500, domain: [-6, 6, -6, 6] };
    case 'blobs':
      return { inputSize: 2, classes, defaultSamples: 500, domain: [-6, 6, -6, 6] };
    case 'plane': case 'gaussian':
      return { inputSize: 2, classes: 0, defaultSamples: 1200, domain: [-6, 6, -6, 6] };
    case 'sine':
      return { inputSize: 1, classes: 0, defaultSamples: 200, domain: [-6, 6, -1.5, 1.5] };
  }
}

/** Generated points: `inputs` is [samples, inputSize] row-major; `labels` holds a class index or a value per sample. */
export interface GeneratedData {
  readonly inputSize: number;
  readonly classes: number;
  readonly inputs: Float64Array;
  readonly labels: Float64Array;
}

/** Generator options: `noise` is the Playground's fraction (its 0-50% slider is 0-0.5 here). */
export interface GeneratorOptions {
  readonly samples: number;
  readonly noise: number;
  /** Number of classes of `blobs` (3 to 5 in the UI; any >= 2 works). */
  readonly classes?: number;
}

/** Generates a built-in data set with a seeded generator. */
export function generateDataset(name: DatasetName, options: GeneratorOptions, random: Random): GeneratedData {
  const info = datasetInfo(name, options.classes ?? 3);
  const points: number[] = [];
  const labels: number[] = [];
  const push = (x: number, y: number, label: number) => {
    points.push(x, y);
    labels.push(label);
  };
  const { samples, noise } = options;
  switch (name) {
    case 'circle':
      circle(samples, noise, random, push);
      break;
    case 'xor':
      xor(samples, noise, random, push);
      break;
    case 'gauss':
      twoGaussians(samples, noise, random, push);
      break;
    case 'spiral':
      spiral(samples, noise, random, push);
      break;
    case 'moons':
      moons(samples, noise, random, push);
      break;
    case 'blobs':
      blobs(samples, noise, info.classes, random, push);
      break;
    case 'plane':
      plane(samples, noise, random, push);
      break;
    case 'gaussian':
      gaussianBumps(samples, noise, random, push);
      break;
    case 'sine':
      for (let i = 0; i < samples; i++) {
        const x = random.uniform(-6, 6);
        points.push(x);
        labels.push(Math.sin(x) + random.normal(0, noise));
      }
      break;
  }
  return { inputSize: info.inputSize, classes: info.classes, inputs: Float64Array.from(points), labels: Float64Array.from(labels) };
}

type Push = (x: number, y: number, label: number) => void;

/**
 * Playground classifyCircleData: radius 5; the label is decided by the noisy position, the point kept clean.
 * (The Playground makes ceil(n/2) points per half; an odd count here gives the extra point to the first half.)
 */
function circle(samples: number, noise: number, random: Random, push: Push): void {
  const radius = 5;
  const label = (x: number, y: number) => (Math.hypot(x, y) < radius * 0.5 ? 1 : 0);
  const ring = (low: number, high: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const r = random.uniform(low, high);
      const angle = random.uniform(0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const noiseX = random.uniform(-radius, radius) * noise;
      const noiseY = random.uniform(-radius, radius) * noise;
      push(x, y, label(x + noiseX, y + noiseY));
    }
  };
  ring(0, radius * 0.5, Math.ceil(samples / 2));
  ring(radius * 0.7, radius, Math.floor(samples / 2));
}

/** Playground classifyXORData: uniform in [-5, 5] pushed 0.3 away from the axes. */
function xor(samples: number, noise: number, random: Random, push: Push): void {
  const padding = 0.3;
  for (let i = 0; i < samples; i++) {
    let x = random.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    let y = random.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const noiseX = random.uniform(-5, 5) * noise;
    const noiseY = random.uniform(-5, 5) * noise;
    push(x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0);
  }
}

/** Playground classifyTwoGaussData: centers (2, 2) and (-2, -2), variance 0.5 + 7 * noise. */
function twoGaussians(samples: number, noise: number, random: Random, push: Push): void {
  const std = Math.sqrt(0.5 + 7 * noise);
  const cloud = (cx: number, cy: number, label: number, count: number) => {
    for (let i = 0; i < count; i++) push(random.normal(cx, std), random.normal(cy, std), label);
  };
  cloud(2, 2, 1, Math.ceil(samples / 2));
  cloud(-2, -2, 0, Math.floor(samples / 2));
}

/** Playground classifySpiralData: two arms of 1.75 turns, radius up to 5. */
function spiral(samples: number, noise: number, random: Random, push: Push): void {
  const n = samples / 2;
  const arm = (deltaT: number, label: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const r = (i / n) * 5;
      const t = ((1.75 * i) / n) * 2 * Math.PI + deltaT;
      push(r * Math.sin(t) + random.uniform(-1, 1) * noise, r * Math.cos(t) + random.uniform(-1, 1) * noise, label);
    }
  };
  arm(0, 1, Math.ceil(n));
  arm(Math.PI, 0, Math.floor(n));
}

/** scikit-learn make_moons (evenly spaced half circles, Gaussian noise of std `noise`), scaled by 3 and centred. */
function moons(samples: number, noise: number, random: Random, push: Push): void {
  const outer = Math.floor(samples / 2);
  const inner = samples - outer;
  const scale = 3;
  for (let i = 0; i < outer; i++) {
    const t = outer > 1 ? (Math.PI * i) / (outer - 1) : 0;
    push(scale * (Math.cos(t) + random.normal(0, noise) - 0.5), scale * (Math.sin(t) + random.normal(0, noise) - 0.25), 0);
  }
  for (let i = 0; i < inner; i++) {
    const t = inner > 1 ? (Math.PI * i) / (inner - 1) : 0;
    push(scale * (1 - Math.cos(t) + random.normal(0, noise) - 0.5), scale * (1 - Math.sin(t) - 0.5 + random.normal(0, noise) - 0.25), 1);
  }
}

/** `classes` Gaussian blobs on a circle of radius 3.5, as equal in size as possible, std 0.5 + 2 * noise. */
function blobs(samples: number, noise: number, classes: number, random: Random, push: Push): void {
  const std = 0.5 + 2 * noise;
  for (let k = 0; k < classes; k++) {
    const angle = Math.PI / 2 + (2 * Math.PI * k) / classes;
    const cx = 3.5 * Math.cos(angle);
    const cy = 3.5 * Math.sin(angle);
    const count = Math.floor(samples / classes) + (k < samples % classes ? 1 : 0);
    for (let i = 0; i < count; i++) push(random.normal(cx, std), random.normal(cy, std), k);
  }
}

/** Playground regressPlane: label (x + y) / 10 from the noisy position, in [-1.2, 1.2]. */
function plane(samples: number, noise: number, random: Random, push: Push): void {
  const radius = 6;
  for (let i = 0; i < samples; i++) {
    const x = random.uniform(-radius, radius);
    const y = random.uniform(-radius, radius);
    const noiseX = random.uniform(-radius, radius) * noise;
    const noiseY = random.uniform(-radius, radius) * noise;
    push(x, y, (x + noiseX + y + noiseY) / 10);
  }
}

const BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
  [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1],
];

/** Playground regressGaussian: six signed bumps, label falls linearly from 1 at a centre to 0 at distance 2. */
function gaussianBumps(samples: number, noise: number, random: Random, push: Push): void {
  const radius = 6;
  const label = (x: number, y: number) => {
    let best = 0;
    for (const [cx, cy, sign] of BUMPS) {
      const scaled = Math.min(1, Math.max(0, 1 - Math.hypot(x - cx, y - cy) / 2));
      const value = sign * scaled;
      if (Math.abs(value) > Math.abs(best)) best = value;
    }
    return best;
  };
  for (let i = 0; i < samples; i++) {
    const x = random.uniform(-radius, radius);
    const y = random.uniform(-radius, radius);
    const noiseX = random.uniform(-radius, radius) * noise;
    const noiseY = random.uniform(-radius, radius) * noise;
    push(x, y, label(x + noiseX, y + noiseY));
  }
}
