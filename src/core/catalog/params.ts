/**
 * Parameter resolution: maps the names users write (framework spellings, aliases) to canonical
 * names, checks types and bounds, and fills in each framework's defaults.
 */
import { FormulaLensError, localize } from '../l10n';
import { catalogMessages } from './messages';
import type { CatalogEntry, Framework, ParamSpec, ParamValue, ResolvedParams } from './types';
import { normalizeName } from './registry';

/** The default of a parameter under a framework profile. */
export function defaultFor(spec: ParamSpec, framework: Framework): ParamValue {
  const specific = spec.frameworkDefaults?.[framework];
  return specific === undefined ? spec.default : specific;
}

/** Finds the spec a user-written parameter name refers to (canonical, framework spelling or alias). */
export function findParamSpec(entry: CatalogEntry, name: string): ParamSpec | undefined {
  const wanted = normalizeName(name);
  return entry.params.find((spec) =>
    normalizeName(spec.name) === wanted ||
    (spec.aliases ?? []).some((alias) => normalizeName(alias) === wanted) ||
    Object.values(spec.frameworkNames ?? {}).some((names) => (names as readonly string[]).some((alias) => normalizeName(alias) === wanted)));
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

function isNumberList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.every((item) => typeof item === 'number' || (Array.isArray(item) && item.every((inner) => typeof inner === 'number')));
}

/** Checks one value against its spec and returns it in canonical form, or throws a localized error. */
export function checkParamValue(entry: CatalogEntry, spec: ParamSpec, value: ParamValue): ParamValue {
  const args = { function: entry.id, param: spec.name, value: describe(value) };
  if (value === null) return null;
  switch (spec.type) {
    case 'number':
    case 'integer': {
      let numeric = value;
      if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) numeric = Number(value);
      if (typeof value === 'boolean') numeric = Number(value);
      if (typeof numeric !== 'number' || Number.isNaN(numeric)) throw new FormulaLensError(catalogMessages.paramNotNumber, args);
      if (spec.type === 'integer' && !Number.isInteger(numeric)) throw new FormulaLensError(catalogMessages.paramNotInteger, args);
      if (spec.min !== undefined && (spec.exclusiveMin ? numeric <= spec.min : numeric < spec.min)) {
        throw new FormulaLensError(spec.exclusiveMin ? catalogMessages.paramNotAboveMin : catalogMessages.paramBelowMin, { ...args, min: spec.min });
      }
      if (spec.max !== undefined && numeric > spec.max) throw new FormulaLensError(catalogMessages.paramAboveMax, { ...args, max: spec.max });
      return numeric;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'True' || value === 1) return true;
      if (value === 'false' || value === 'False' || value === 0) return false;
      throw new FormulaLensError(catalogMessages.paramNotBoolean, args);
    }
    case 'choice': {
      const text = typeof value === 'boolean' ? String(value) : value;
      if (typeof text !== 'string' || !(spec.choices ?? []).includes(text)) {
        throw new FormulaLensError(catalogMessages.paramNotChoice, { ...args, choices: (spec.choices ?? []).map(describe).join(', ') });
      }
      return text;
    }
    case 'numberList': {
      if (typeof value === 'number') return [value];
      if (!isNumberList(value)) throw new FormulaLensError(catalogMessages.paramNotList, args);
      return value;
    }
    case 'string': {
      if (typeof value !== 'string') throw new FormulaLensError(catalogMessages.paramNotString, args);
      return value;
    }
  }
}

/**
 * Resolves user-given parameters for a function under a framework: every spec gets a value
 * (given, else the framework default), names are canonical, values are checked.
 */
export function resolveParams(entry: CatalogEntry, framework: Framework, given: Readonly<Record<string, ParamValue>> = {}): ResolvedParams {
  const resolved: Record<string, ParamValue> = {};
  for (const spec of entry.params) resolved[spec.name] = defaultFor(spec, framework);
  for (const [name, value] of Object.entries(given)) {
    const spec = findParamSpec(entry, name);
    if (!spec) {
      const known = entry.params.map((p) => p.name).join(', ') || localize(catalogMessages.noParams);
      throw new FormulaLensError(catalogMessages.unknownParam, { function: entry.id, param: name, known });
    }
    resolved[spec.name] = checkParamValue(entry, spec, value);
  }
  return resolved;
}

/** Reads a number parameter that `resolveParams` has already checked. */
export function numberParam(params: ResolvedParams, name: string, fallback = NaN): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

/** Reads an optional number-list parameter (class weights, pos_weight, prelu weight). */
export function listParam(params: ResolvedParams, name: string): Float64Array | undefined {
  const value = params[name];
  if (!Array.isArray(value)) return undefined;
  return Float64Array.from((value as readonly (number | readonly number[])[]).flat() as number[]);
}
