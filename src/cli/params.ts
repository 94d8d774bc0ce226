/** `--param k=v` parsing: values are JSON where they parse (numbers, booleans, lists), else text. */
import type { ParamValue } from '../core/catalog/types';
import { decodeNested } from '../core/jsonNumbers';
import { cliMessages } from './messages';
import { fail } from './io';

/** Turns repeated `--param name=value` options into a parameter record. */
export function parseParamOptions(options: readonly string[] | undefined): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const option of options ?? []) {
    const equals = option.indexOf('=');
    if (equals <= 0) fail(cliMessages.badParam, { text: option });
    const name = option.slice(0, equals).trim();
    const raw = option.slice(equals + 1).trim();
    params[name] = parseParamValue(raw);
  }
  return params;
}

/** A single parameter value: JSON numbers/lists/booleans/null, Python spellings, or plain text. */
export function parseParamValue(raw: string): ParamValue {
  if (raw === 'True' || raw === 'true') return true;
  if (raw === 'False' || raw === 'false') return false;
  if (raw === 'None' || raw === 'null') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) {
      const decoded = decodeNested(parsed);
      if (decoded !== undefined) return decoded as ParamValue;
    }
    if (typeof parsed === 'number' || typeof parsed === 'string') return parsed;
  } catch {
    // Not JSON: fall through to the text and number spellings below.
  }
  const numeric = Number(raw);
  if (raw !== '' && !Number.isNaN(numeric)) return numeric;
  return raw.replace(/^['"]|['"]$/g, '');
}
