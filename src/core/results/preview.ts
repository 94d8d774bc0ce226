/** Short one-line previews of tensors, for inline results and CodeLens-side decorations. */
import { formatNumber } from '../parse/format';
import type { Tensor } from '../tensor';

/** Significant digits of previews: enough to tell 16.118 from 16.12, short enough for a line. */
export const PREVIEW_DIGITS = 6;

/** One number in a preview (shortest text at 6 significant digits; NaN and ±Infinity spelled as in JS). */
export function previewNumber(value: number): string {
  return formatNumber(value, 'json', { precision: PREVIEW_DIGITS, jsonNonFinite: 'bare' });
}

/**
 * A tensor as `[0, 0.5, 1]` or `[[1, 2], [3, 4]]`, cut with `…` once it would pass `maxLength`
 * characters. Only the numbers shown are formatted, so a million values cost nothing.
 */
export function previewTensor(tensor: Tensor, maxLength = 80): string {
  const { shape, data } = tensor;
  if (shape.length === 0) return previewNumber(data[0]!);
  const rows = shape.length === 1 ? 1 : shape[0]!;
  const cols = shape.length === 1 ? shape[0]! : shape[1]!;
  let text = shape.length === 2 ? '[' : '';
  for (let r = 0; r < rows; r++) {
    if (r > 0) text += ', ';
    text += '[';
    for (let c = 0; c < cols; c++) {
      const piece = (c > 0 ? ', ' : '') + previewNumber(data[r * cols + c]!);
      if (text.length + piece.length > maxLength) return `${text}${c > 0 ? ', ' : ''}…`;
      text += piece;
    }
    text += ']';
    if (text.length > maxLength && r < rows - 1) return `${text}, …`;
  }
  return shape.length === 2 ? `${text}]` : text;
}
