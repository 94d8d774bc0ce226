/** Reading the optional argument object of the evaluation commands (tests, links, keybindings). */
import * as vscode from 'vscode';
import { readEvaluationArgs, type EvaluationArgs } from '../protocol/results';
import { UserMessage } from './userMessage';

/** The checked argument; a malformed field is a UserMessage naming it. */
export function evaluationArgs(value: unknown): EvaluationArgs {
  const read = readEvaluationArgs(value);
  if ('invalidField' in read) {
    throw new UserMessage(vscode.l10n.t('The command argument "{0}" is not valid. Expected {1}.', read.invalidField, expectedText(read.invalidField)));
  }
  return read.args;
}

function expectedText(field: string): string {
  switch (field) {
    case 'name':
      return vscode.l10n.t('a function name such as "relu"');
    case 'params':
      return vscode.l10n.t('an object of parameter values such as {"negative_slope": 0.2}');
    case 'framework':
      return '"torch", "keras" or "tfjs"';
    case 'reduction':
      return '"mean", "sum", "none" or "batchmean"';
    case 'clipboard':
      return '"y_true" or "y_pred"';
    case 'literal':
      return vscode.l10n.t('the 0-based index of an array in the selection');
    default:
      return '"activation" or "loss"';
  }
}
