/** The compact text of a formula lens (CodeLens): the function's formula in Unicode, with the values written in the code. */
import type { CatalogEntry, Framework, ParamValue } from '../catalog/types';
import { formatParamValue } from './format';

/** Longest formula shown before it is cut at a word boundary with "…". */
export const LENS_FORMULA_LENGTH = 64;

/** Cuts text to at most `max` characters at a space, adding "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1).trimEnd()}…`;
}

/** A parameter value written in the code, under the name it was written with. */
export interface WrittenParam {
  readonly name: string;
  readonly value: ParamValue;
}

/**
 * The formula as a lens shows it: without the approximation after " ≈ " (GELU's tanh form); a piecewise
 * formula too long for the lens keeps its leading pieces (separated by "; ") and ends in "; …".
 */
function lensFormula(text: string): string {
  const exact = text.split(' ≈ ')[0]!;
  if (exact.length <= LENS_FORMULA_LENGTH) return exact;
  const pieces = exact.split('; ');
  let kept = pieces[0]!;
  for (const piece of pieces.slice(1, -1)) {
    if (`${kept}; ${piece}; …`.length > LENS_FORMULA_LENGTH) break;
    kept = `${kept}; ${piece}`;
  }
  return pieces.length > 1 && `${kept}; …`.length <= LENS_FORMULA_LENGTH ? `${kept}; …` : shorten(exact, LENS_FORMULA_LENGTH);
}

/**
 * `σ(x) = 1 / (1 + e^(−x))`, `LeakyReLU(x) = x (x > 0); α·x (x ≤ 0) (negative_slope=0.1)`,
 * `CrossEntropyLoss: ℓᵢ = −w[tᵢ]·log softmax(xᵢ)[tᵢ] (label_smoothing=0.05)`. Formulas that do not name the
 * function (losses, `f(x) = e^x`) are led by the API's last name.
 */
export function lensTitle(entry: CatalogEntry, api: string, framework: Framework, written: readonly WrittenParam[]): string {
  const formula = lensFormula(entry.formula.text);
  const named = entry.kind === 'activation' && !/^f[(′]/.test(formula);
  const name = api.slice(api.lastIndexOf('.') + 1);
  const params = written.slice(0, 3).map((param) => `${param.name}=${formatParamValue(param.value, framework)}`);
  const suffix = params.length > 0 ? ` (${shorten(params.join(', '), 40)})` : '';
  return `${named ? '' : `${name}: `}${formula}${suffix}`;
}
