/**
 * Parameter presets implied by how a function was spelled (TF.js 'gelu_new' is GELU with the tanh
 * approximation; Keras `layers.LeakyReLU` has slope 0.3 where `leaky_relu` has 0.2).
 */
import { normalizeName } from './registry';
import type { CatalogEntry, ParamValue } from './types';

/** The parameters `spelling` implies for `entry`, matched exactly or by the normalized whole spelling; `{}` when none. */
export function namePresetFor(entry: CatalogEntry, spelling: string): Readonly<Record<string, ParamValue>> {
  const presets = entry.namePresets;
  if (!presets) return {};
  const trimmed = spelling.trim();
  const exact = presets[trimmed];
  if (exact) return exact;
  const wanted = normalizeName(trimmed);
  for (const [key, params] of Object.entries(presets)) if (normalizeName(key) === wanted) return params;
  return {};
}
