/** Loading the framework reference data and comparing numbers with one shared tolerance rule. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromNested, type Tensor } from '../../../src/core/tensor';

/** A JSON number, or NaN/±Infinity encoded as strings. */
export type EncodedNumber = number | 'NaN' | 'Infinity' | '-Infinity';
/** Nested arrays of encoded numbers. */
export type EncodedArray = EncodedNumber | EncodedArray[];

/** One reference case (see fixtures/REFDATA-README.md). */
export interface GoldenCase {
  readonly id: string;
  readonly kind: 'activation' | 'loss';
  readonly name: string;
  readonly framework: 'torch' | 'keras-tfjs';
  readonly api: string;
  readonly params: Record<string, unknown>;
  readonly x?: EncodedArray;
  readonly y_true?: EncodedArray | null;
  readonly y_pred?: EncodedArray;
  readonly y_pred2?: EncodedArray;
  readonly y_pred3?: EncodedArray;
  readonly upstream?: EncodedArray;
  readonly reduction?: string;
  readonly expected: EncodedArray;
  readonly grad: EncodedArray;
  readonly jacobian?: EncodedArray;
  readonly grad_params?: Record<string, EncodedArray>;
  readonly grad_extra?: Record<string, EncodedArray>;
  readonly tags: readonly string[];
  readonly tolerance: { readonly rtol: number; readonly atol: number };
}

/** Path of a fixture file under test/unit/fixtures (works from the bundled out/ folder too). */
export function fixturePath(name: string): string {
  return join(process.cwd(), 'test', 'unit', 'fixtures', name);
}

/** The public golden cases computed by PyTorch and TF.js. */
export function loadGoldenCases(): GoldenCase[] {
  return (JSON.parse(readFileSync(fixturePath('golden-public.json'), 'utf8')) as { cases: GoldenCase[] }).cases;
}

/** Decodes "NaN"/"Infinity"/"-Infinity" strings into numbers, recursively. */
export function decode(value: EncodedArray): number | number[] | number[][] {
  if (Array.isArray(value)) return value.map((v) => decode(v)) as number[] | number[][];
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return value;
}

/** Decodes an encoded array into a tensor. */
export function decodeTensor(value: EncodedArray): Tensor {
  return fromNested(decode(value) as number | number[] | number[][]);
}

/** Flattens nested numbers into one list. */
export function flatten(value: number | readonly unknown[]): number[] {
  return Array.isArray(value) ? (value as unknown[]).flatMap((v) => flatten(v as number | unknown[])) : [value as number];
}

/**
 * The shared tolerance rule: |actual - expected| <= atol + rtol*|expected|, non-finite values
 * exactly (NaN to NaN, infinities of the same sign). Returns a description of the first mismatch, or null.
 */
export function mismatch(actual: ArrayLike<number>, expected: readonly number[], tolerance: { rtol: number; atol: number }): string | null {
  if (actual.length !== expected.length) return `length ${actual.length}, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || Number.isNaN(a)) {
      if (Number.isNaN(e) !== Number.isNaN(a)) return `[${i}] = ${a}, expected ${e}`;
      continue;
    }
    if (!Number.isFinite(e) || !Number.isFinite(a)) {
      if (a !== e) return `[${i}] = ${a}, expected ${e}`;
      continue;
    }
    if (Math.abs(a - e) > tolerance.atol + tolerance.rtol * Math.abs(e)) {
      return `[${i}] = ${a}, expected ${e} (diff ${Math.abs(a - e)})`;
    }
  }
  return null;
}
