/** Reading array arguments (`[1, -2, nan]`, `np.array(...)`...) on the command line. */
import { FormulaLensError, localize } from '../core/l10n';
import { decodeNested } from '../core/jsonNumbers';
import { fromNested, type Tensor } from '../core/tensor';
import { cliMessages } from './messages';
import { fail } from './io';

/** Parses an array argument, or fails naming the argument and what was wrong. */
export function parseArrayArgument(argument: string, text: string): Tensor {
  try {
    const decoded = decodeNested(JSON.parse(text));
    if (decoded === undefined) throw new Error('elements must be numbers, "NaN" or "Infinity"');
    return fromNested(decoded);
  } catch (error) {
    const detail = error instanceof FormulaLensError ? error.localizedMessage() : (error as Error).message;
    return fail(cliMessages.badArray, { argument, detail: detail || localize(cliMessages.expectedArray) });
  }
}
