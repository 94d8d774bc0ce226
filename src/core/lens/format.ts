/** Values as the framework's own language writes them (Python for torch and Keras, JavaScript for TF.js). */
import type { Framework, ParamValue } from '../catalog/types';

/** A number as code writes it, with at most 8 significant digits (SELU's α reads 1.6732632, not 17 digits). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(Number(value.toPrecision(8)));
}

/** A parameter value in the framework's spelling: `True`/`None` in Python, `true`/`null` in TF.js. */
export function formatParamValue(value: ParamValue, framework: Framework): string {
  const python = framework !== 'tfjs';
  if (value === null) return python ? 'None' : 'null';
  if (typeof value === 'boolean') return python ? (value ? 'True' : 'False') : String(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const items = (value as readonly (number | readonly number[])[]).map((item) => (typeof item === 'number' ? formatNumber(item) : formatParamValue(item, framework)));
  return `[${items.join(', ')}]`;
}
