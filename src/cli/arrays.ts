/** Reading array arguments (`[1, -2, nan]`, `np.array(...)`, `torch.tensor(...)`...) on the command line. */
import { FormulaLensError } from '../core/l10n';
import { parseLiteral } from '../core/parse/index';
import type { Tensor } from '../core/tensor';
import { cliMessages } from './messages';
import { fail } from './io';

/**
 * Parses an array argument with the editor's literal syntax (JSON, Python, NumPy, PyTorch,
 * TensorFlow, TF.js; `"NaN"`/`"Infinity"` strings as in the reference data), or fails naming
 * the argument, the position and what was wrong.
 */
export function parseArrayArgument(argument: string, text: string): Tensor {
  try {
    return parseLiteral(text).tensor;
  } catch (error) {
    if (error instanceof FormulaLensError) return fail(cliMessages.badArray, { argument, detail: error.localizedMessage() });
    throw error;
  }
}
