/**
 * Formula Lens: Apply Activation to Selection. Reads the selected array (or the one under the
 * cursor), asks for the activation and its parameters (skipped when the argument names them),
 * evaluates it under the framework's semantics and shows output, derivative and statistics inline
 * and in the results view.
 */
import * as vscode from 'vscode';
import type { ParamValue } from '../core/catalog/types';
import { evaluateActivation } from '../core/evaluate';
import { activationSection } from '../core/results/model';
import { previewTensor } from '../core/results/preview';
import { shapeText } from '../core/tensor';
import { evaluationArgs } from './commandArgs';
import { frameworkFor } from './framework';
import { askParams, chooseFunction, hasParamsToAsk, rememberFunction } from './pickers';
import { PROGRESS_NUMBERS, withDelayedProgress } from './progress';
import { writeStyleFor } from './resultActions';
import { editorPieces, indentOf, maxSelectionNumbers, readArrays, requireEditor, type FoundArray } from './selection';
import type { EvaluationSession } from './session';
import { UserMessage } from './userMessage';

/** Picks one of several arrays: by the argument's index, else with a QuickPick. */
export async function chooseArray(arrays: readonly FoundArray[], index: number | undefined): Promise<FoundArray | undefined> {
  if (index !== undefined) {
    const chosen = arrays[index];
    if (!chosen) throw new UserMessage(vscode.l10n.t('The selection holds {0} arrays; there is no array {1} (0-based).', arrays.length, index));
    return chosen;
  }
  if (arrays.length === 1) return arrays[0];
  const items = arrays.map((array, i) => ({
    label: array.name ?? vscode.l10n.t('Array {0}', i + 1),
    description: shapeText(array.tensor.shape),
    detail: previewTensor(array.tensor, 100),
    array,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('The selection holds several arrays: which one?') });
  return picked?.array;
}

/** Runs the command. `rawArgs` is the optional argument object (or a menu's Uri, ignored). */
export async function applyActivation(session: EvaluationSession, rawArgs: unknown): Promise<void> {
  const args = evaluationArgs(rawArgs);
  const editor = requireEditor();
  const pieces = editorPieces(editor);
  const limit = maxSelectionNumbers();

  const reading = await readArrays(pieces, limit, { underCursor: true });
  const array = await chooseArray(reading.value, args.literal);
  if (!array) return;

  const chosen = await chooseFunction('activation', {
    name: args.name,
    title: vscode.l10n.t('Apply Activation'),
    detected: await frameworkFor(editor.document, args.framework),
    state: session.context.globalState,
  });
  if (!chosen) return;
  const { entry, spelling, framework, frameworkSource } = chosen;
  let params: Readonly<Record<string, ParamValue>> = args.params ?? {};
  if (chosen.picked && args.params === undefined && (await hasParamsToAsk(entry, framework))) {
    const asked = await askParams(entry, framework, undefined);
    if (!asked) return;
    params = asked.params;
  }

  const work = await withDelayedProgress(vscode.l10n.t('Formula Lens: applying {0}', entry.title), async (steps) => {
    if (array.tensor.data.length > PROGRESS_NUMBERS) steps.expectLong();
    await steps.step(vscode.l10n.t('Evaluating {0} on {1} values', entry.id, array.tensor.data.length));
    const evaluation = evaluateActivation(spelling, array.tensor, { framework, params });
    await steps.step(vscode.l10n.t('Summarizing'));
    return activationSection(evaluation, array.tensor, framework, frameworkSource, array.name);
  });
  const section = work.value;
  await rememberFunction(session.context.globalState, entry);

  const stats = section.statistics;
  const flat = stats.dead + stats.saturated > 0 ? `  ${vscode.l10n.t('({0} dead, {1} saturated of {2})', stats.dead, stats.saturated, stats.count)}` : '';
  const document = editor.document;
  await session.publish({
    command: 'applyActivation',
    title: vscode.l10n.t('{0} on {1}', entry.title, array.name ?? shapeText(array.tensor.shape)),
    sections: [section],
    target: {
      uri: document.uri,
      version: document.version,
      literalRange: array.range,
      style: writeStyleFor(document.languageId, array.source),
      lastLine: array.range.end.line,
      indent: indentOf(document, array.range.start.line),
      languageId: document.languageId,
      ...(array.name ? { baseName: array.name } : {}),
    },
    documentUri: document.uri,
    progressShown: reading.progressShown || work.progressShown,
    durationMs: reading.durationMs + work.durationMs,
  }, {
    uri: document.uri,
    items: [{ line: array.range.end.line, text: `→ ${entry.id}: ${previewTensor(section.output)}${flat}`, tone: 'result' }],
  });
}
