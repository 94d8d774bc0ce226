/**
 * Turns arguments as written into catalog parameters: positional order per API, written names
 * to canonical names (the API table's renames, then the catalog's own spellings), value
 * conversions, and the split into literal params, expression text, reduction and the rest.
 */
import { findParamSpec } from '../catalog/params';
import { getEntry } from '../catalog/registry';
import type { ParamValue } from '../catalog/types';
import { DATA_ARGS, OPTION_ARGS, type ApiSpec } from './apiTable';
import type { MentionArg, TextRange } from './types';

/** One argument as the scanners hand it over. */
export interface WrittenArg {
  /** Keyword/key as written; absent for positional arguments. */
  readonly name?: string;
  readonly position?: number;
  readonly isLiteral: boolean;
  readonly value?: ParamValue;
  readonly text: string;
  readonly range: TextRange;
}

/** Parameters, expressions, reduction and annotated arguments of one mention. */
export interface BuiltParams {
  readonly params: Record<string, ParamValue>;
  readonly expressions: Record<string, string>;
  readonly defaults: Record<string, ParamValue>;
  readonly reduction?: string;
  readonly rawArgs: MentionArg[];
}

type Role = MentionArg['role'];

interface Classified {
  readonly role: Role;
  readonly param?: string;
}

/**
 * Classifications by API spec (its renames), entry id and written name: the catalog is static, and scans
 * repeat the same names. Nested maps, so a lookup hashes the strings it has instead of building a key.
 */
const classified = new Map<ApiSpec | undefined, Map<string, Map<string, Classified>>>();
let classifiedCount = 0;

/** The role and canonical name of an argument written as `written` for catalog entry `id`. */
export function classifyArg(id: string, spec: ApiSpec | undefined, written: string): Classified {
  let byId = classified.get(spec);
  if (!byId) classified.set(spec, (byId = new Map()));
  let byWritten = byId.get(id);
  if (!byWritten) byId.set(id, (byWritten = new Map()));
  let result = byWritten.get(written);
  if (!result) {
    result = classifyUncached(id, spec?.rename?.[written], written);
    if (classifiedCount < 10_000) {
      byWritten.set(written, result);
      classifiedCount++;
    }
  }
  return result;
}

function classifyUncached(id: string, renamed: string | undefined, written: string): Classified {
  if (written === 'reduction') return { role: 'reduction' };
  if (DATA_ARGS.has(written)) return { role: 'data' };
  if (OPTION_ARGS.has(written)) return { role: 'other' };
  const entry = getEntry(id);
  // The catalog is the authority on parameter names; the table's renames are tried first as hints.
  if (!entry) return { role: 'param', param: renamed ?? written };
  for (const candidate of renamed ? [renamed, written] : [written]) {
    const found = findParamSpec(entry, candidate);
    if (found) return { role: 'param', param: found.name };
  }
  return { role: 'other' };
}

/** Builds the parameters of a mention of `id` from its written arguments. */
export function buildParams(id: string, spec: ApiSpec | undefined, args: readonly WrittenArg[], implied?: Readonly<Record<string, ParamValue>>): BuiltParams {
  const params: Record<string, ParamValue> = {};
  if (spec?.implied) Object.assign(params, spec.implied);
  if (implied) Object.assign(params, implied);
  const expressions: Record<string, string> = {};
  // One entry per argument: sized up front, since growing from [] would keep room for 16 in every mention.
  const rawArgs = new Array<MentionArg>(args.length);
  let reduction: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const written = arg.name ?? (arg.position !== undefined ? spec?.positional[arg.position] : undefined);
    const { role, param } = written === undefined ? { role: 'other' as Role } : classifyArg(id, spec, written);
    const raw: { -readonly [K in keyof MentionArg]: MentionArg[K] } = { role, text: arg.text, range: arg.range };
    if (arg.name !== undefined) raw.name = arg.name;
    if (arg.position !== undefined) raw.position = arg.position;
    if (written !== undefined) raw.slot = written;
    if (param !== undefined) raw.param = param;
    if (arg.isLiteral) raw.value = arg.value;
    rawArgs[index] = raw;
    if (role === 'reduction') {
      if (arg.isLiteral && typeof arg.value === 'string') reduction = arg.value;
      else expressions.reduction = arg.text;
    } else if (role === 'param' && param !== undefined) {
      if (arg.isLiteral && arg.value !== undefined) {
        const convert = spec?.convert?.[param];
        params[param] = convert ? convert(arg.value) : arg.value;
      } else expressions[param] = arg.text;
    }
  }
  const defaults: Record<string, ParamValue> = {};
  if (spec?.defaults) {
    for (const name in spec.defaults) if (!(name in params) && !(name in expressions)) defaults[name] = spec.defaults[name]!;
  }
  const built: { -readonly [K in keyof BuiltParams]: BuiltParams[K] } = { params, expressions, defaults, rawArgs };
  if (reduction !== undefined) built.reduction = reduction;
  return built;
}
