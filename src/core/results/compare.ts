/**
 * The same function on the same input under torch, Keras and TF.js semantics, and where the results
 * differ: clipping constants (BCE at p = 0 is 100 in torch, 16.12 in Keras), defaults (leaky slope
 * 0.01 / 0.2 / 0.3, hard sigmoid's slope), float32 arithmetic.
 */
import { FormulaLensError } from '../l10n';
import { requireEntry } from '../catalog/registry';
import type { CatalogEntry, Framework, LossInputs, ParamValue, Reduction, ResolvedParams } from '../catalog/types';
import { FRAMEWORKS } from '../catalog/types';
import { evaluateActivation, evaluateLoss } from '../evaluate';
import type { Tensor } from '../tensor';
import { applicableParams } from './paramText';

/** Relative tolerance below which two frameworks count as agreeing (float32 rounding stays below it). */
export const AGREEMENT_RTOL = 1e-6;
/** Absolute tolerance for values near zero. */
export const AGREEMENT_ATOL = 1e-12;

/** One framework's result, or why it failed. */
export type FrameworkOutcome =
  | { readonly framework: Framework; readonly ok: true; readonly params: ResolvedParams; readonly value: Tensor; readonly grad: Tensor }
  | { readonly framework: Framework; readonly ok: false; readonly error: Error };

/** The user's parameters that exist under a framework; the others are left out for that framework. */
function paramsFor(entry: CatalogEntry, framework: Framework, given: Readonly<Record<string, ParamValue>>): Record<string, ParamValue> {
  const names = new Set(applicableParams(entry, framework).map((spec) => spec.name));
  return Object.fromEntries(Object.entries(given).filter(([name]) => names.has(name)));
}

function attempt(framework: Framework, run: () => { params: ResolvedParams; value: Tensor; grad: Tensor }): FrameworkOutcome {
  try {
    return { framework, ok: true, ...run() };
  } catch (error) {
    if (error instanceof FormulaLensError || error instanceof RangeError) return { framework, ok: false, error };
    throw error;
  }
}

/** An activation under every framework's semantics (each with its own defaults unless `params` sets them). */
export function compareActivation(name: string, input: Tensor, params: Readonly<Record<string, ParamValue>> = {}): FrameworkOutcome[] {
  const entry = requireEntry(name, 'activation');
  return FRAMEWORKS.map((framework) => attempt(framework, () => {
    const result = evaluateActivation(name, input, { framework, params: paramsFor(entry, framework, params) });
    return { params: result.params, value: result.value, grad: result.grad };
  }));
}

/** A loss and its gradient under every framework's semantics. */
export function compareLoss(name: string, inputs: LossInputs, reduction: Reduction, params: Readonly<Record<string, ParamValue>> = {}): FrameworkOutcome[] {
  const entry = requireEntry(name, 'loss');
  return FRAMEWORKS.map((framework) => attempt(framework, () => {
    const result = evaluateLoss(name, inputs, { framework, reduction, params: paramsFor(entry, framework, params) });
    return { params: result.params, value: result.value, grad: result.grad };
  }));
}

/** True when two values agree: both NaN, the same infinity, or within the tolerances. */
export function valuesAgree(a: number, b: number, rtol = AGREEMENT_RTOL, atol = AGREEMENT_ATOL): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * For each element, 1 when the frameworks that succeeded disagree on it. Arrays of different
 * lengths (a framework returned another shape) disagree everywhere.
 */
export function disagreements(arrays: readonly Float64Array[]): Uint8Array {
  const length = arrays.reduce((max, array) => Math.max(max, array.length), 0);
  const marks = new Uint8Array(length);
  if (arrays.some((array) => array.length !== length)) return marks.fill(1);
  for (let i = 0; i < length; i++) {
    const first = arrays[0]![i]!;
    for (let k = 1; k < arrays.length; k++) {
      if (!valuesAgree(first, arrays[k]![i]!)) {
        marks[i] = 1;
        break;
      }
    }
  }
  return marks;
}

function sameParamValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Names of parameters whose values differ between frameworks (or that only some frameworks have). */
export function differingParams(paramSets: readonly Readonly<Record<string, ParamValue>>[]): string[] {
  const names = new Set(paramSets.flatMap((params) => Object.keys(params)));
  return [...names].filter((name) => paramSets.some((params) => !(name in params) || !sameParamValue(params[name], paramSets[0]![name])));
}
