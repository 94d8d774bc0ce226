/**
 * Reading loss parameters after `resolveParams`: booleans, choices, optional numbers, torch weight
 * tensors broadcast to the input, and which framework's semantics apply under a profile.
 */
import { FormulaLensError } from '../l10n';
import { lossMessages } from '../catalog/losses/messages';
import type { Framework, ParamSpec, ParamValue, ResolvedParams } from '../catalog/types';
import { shapeText } from '../tensor';

/** Reads a boolean parameter that `resolveParams` has checked. */
export function boolParam(params: ResolvedParams, name: string, fallback = false): boolean {
  const value = params[name];
  return typeof value === 'boolean' ? value : fallback;
}

/** Reads a choice or string parameter. */
export function textParam(params: ResolvedParams, name: string, fallback: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : fallback;
}

/** Reads an optional number parameter: null when it is unset. */
export function optionalNumberParam(params: ResolvedParams, name: string): number | null {
  const value = params[name];
  return typeof value === 'number' ? value : null;
}

/**
 * Which framework's definition a loss follows under a profile. A loss the profile has natively
 * follows the profile. A Keras-only loss under torch follows Keras 3; a torch-only loss under
 * Keras or TF.js follows torch; a Keras 3 loss TF.js lacks (focal) keeps the TF.js constants.
 */
export function semanticsFor(native: readonly Framework[], framework: Framework): Framework {
  if (native.includes(framework)) return framework;
  if (framework === 'torch') return native.includes('keras') ? 'keras' : 'tfjs';
  return native.includes('keras') || native.includes('tfjs') ? framework : 'torch';
}

/**
 * Throws when a parameter was set away from its default under a framework that does not have it
 * (label_smoothing on torch BCELoss, class weights on Keras), instead of silently inventing semantics.
 */
export function rejectForeignParams(id: string, specs: readonly ParamSpec[], params: ResolvedParams, semantics: Framework): void {
  for (const spec of specs) {
    if (!spec.frameworks || spec.frameworks.includes(semantics)) continue;
    const value = params[spec.name];
    // The framework default, as catalog/params.ts `defaultFor` computes it (not imported: that module depends on the registry).
    const specific = spec.frameworkDefaults?.[semantics];
    if (value === undefined || value === (specific === undefined ? spec.default : specific)) continue;
    throw new FormulaLensError(lossMessages.paramNotInFramework, { function: id, param: spec.name, framework: semantics, frameworks: spec.frameworks.join(', ') });
  }
}

/** The shape of a number or nested number list ([[1], [2]] is [2, 1]). */
function listShape(value: ParamValue): number[] {
  if (!Array.isArray(value)) return [];
  const first = (value as readonly unknown[])[0];
  return Array.isArray(first) ? [value.length, first.length] : [value.length];
}

/**
 * Broadcasts a number-list parameter (torch BCE `weight`, `pos_weight`) to `shape` the way torch
 * and numpy do (trailing dimensions aligned, size-1 dimensions repeated). Undefined when unset.
 */
export function broadcastParam(id: string, params: ResolvedParams, name: string, shape: readonly number[]): Float64Array | undefined {
  const value = params[name];
  if (value === null || value === undefined) return undefined;
  const flat = Float64Array.from(typeof value === 'number' ? [value] : ((value as readonly (number | readonly number[])[]).flat() as number[]));
  let fromShape = listShape(value);
  // Leading size-1 dimensions beyond the input's rank broadcast away ([[0.5, 2, 1]] on a 1-D input).
  while (fromShape.length > shape.length && fromShape[0] === 1) fromShape = fromShape.slice(1);
  const fail = (): never => {
    throw new FormulaLensError(lossMessages.paramShapeMismatch, { function: id, param: name, paramShape: shapeText(listShape(value)), predShape: shapeText(shape) });
  };
  if (fromShape.length > shape.length) fail();
  const offset = shape.length - fromShape.length;
  const aligned = shape.map((_, axis) => (axis < offset ? 1 : fromShape[axis - offset]!));
  aligned.forEach((size, axis) => {
    if (size !== 1 && size !== shape[axis]) fail();
  });
  let count = 1;
  for (const size of shape) count *= size;
  const out = new Float64Array(count);
  if (shape.length === 0) {
    out[0] = flat[0]!;
    return out;
  }
  const cols = shape[shape.length - 1]!;
  const paramCols = aligned[aligned.length - 1]!;
  const paramRows = aligned.length === 2 ? aligned[0]! : 1;
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    out[i] = flat[(paramRows === 1 ? 0 : r) * paramCols + (paramCols === 1 ? 0 : c)]!;
  }
  return out;
}

/** One weight per class (torch `weight` of CE, nll, multi-margin), or undefined when unset. */
export function classWeightParam(id: string, params: ResolvedParams, name: string, classes: number): Float64Array | undefined {
  const value = params[name];
  if (value === null || value === undefined) return undefined;
  const flat = Float64Array.from(typeof value === 'number' ? [value] : ((value as readonly (number | readonly number[])[]).flat() as number[]));
  if (flat.length !== classes) throw new FormulaLensError(lossMessages.classWeightLength, { function: id, param: name, expected: classes, actual: flat.length });
  return flat;
}
