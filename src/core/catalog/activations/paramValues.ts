/**
 * Readers for resolved parameter values inside activation kernels. They mirror `numberParam` and
 * `listParam` of ../params, which entries must not import: params imports the registry, the registry
 * imports this folder's index, so importing params here would make loading the activations circular.
 */
import type { ResolvedParams } from '../types';

/** A number parameter that `resolveParams` has already checked, or `fallback` when unset. */
export function numberValue(params: ResolvedParams, name: string, fallback: number): number {
  const value = params[name];
  // Number() changes no value here, but lets the optimizing compiler type the result as a number: a
  // parameter that a kernel stores as one arm of `cond ? param : expr` then stays an unboxed double,
  // where a value of unknown type would make the select a boxed one, allocating per element.
  return typeof value === 'number' ? Number(value) : fallback;
}

/** A number-list parameter flattened into a Float64Array, or undefined when unset. */
export function listValue(params: ResolvedParams, name: string): Float64Array | undefined {
  const value = params[name];
  if (typeof value === 'number') return Float64Array.of(value);
  if (!Array.isArray(value)) return undefined;
  return Float64Array.from((value as readonly (number | readonly number[])[]).flat() as number[]);
}
