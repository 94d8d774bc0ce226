/**
 * Formula Lens: Apply Activation to Selection. Reads the selected array (or the one under the
 * cursor), asks for the activation and its parameters (skipped when the argument names them),
 * evaluates it under the framework's semantics and shows output, derivative and statistics inline
 * and in the results view.
 */
import * as vscode from 'vscode';
import { requireEntry } from '../core/catalog/registry';
import type { ActivationEntry, Framework, ParamValue } from '../core/catalog/types';
import { evaluateActivation } from '../core/evaluate';
import { activationSection, type FrameworkSource } from '../core/results/model';
import { previewTensor } from '../core/results/preview';
import { shapeText } from '../core/tensor';
import { evaluationArgs } from './commandArgs';
import { frameworkFor } from './framework';
import { askParams, hasParamsToAsk, pickFunction, rememberFunction } from './pickers';
import { PROGRESS_NUMBERS, withDelayedProgress } from './progress';
import { writeStyleFor } from './resultActions';
import { checkNumberLimit, editorPieces, indentOf, maxSelectionNumbers, parseArrays, requireEditor, type FoundArray } from './selection';
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

  const reading = await withDelayedProgress(vscode.l10n.t('Formula Lens: reading the selection'), async (steps) => {
    // Counting first refuses a selection over the limit before any of it is parsed.
    if (checkNumberLimit(pieces.pieces.map((piece) => piece.text), limit) > PROGRESS_NUMBERS) steps.expectLong();
    await steps.step(vscode.l10n.t('Reading the arrays'));
    return parseArrays(pieces, { underCursor: true });
  });
  const array = await chooseArray(reading.value, args.literal);
  if (!array) return;

  const detected = await frameworkFor(editor.document, args.framework);
  let entry: ActivationEntry;
  let spelling: string;
  let framework: Framework = detected.framework;
  let frameworkSource: FrameworkSource = detected.source;
  let params: Readonly<Record<string, ParamValue>> = args.params ?? {};
  if (args.name) {
    entry = requireEntry(args.name, 'activation');
    spelling = args.name;
  } else {
    const picked = await pickFunction({
      kind: 'activation',
      title: vscode.l10n.t('Apply Activation'),
      framework,
      frameworkSource,
      state: session.context.globalState,
      showFrameworks: true,
    });
    if (!picked) return;
    entry = picked.entry as ActivationEntry;
    spelling = entry.id;
    framework = picked.framework;
    frameworkSource = picked.frameworkSource;
    if (args.params === undefined && (await hasParamsToAsk(entry, framework))) {
      const asked = await askParams(entry, framework, undefined);
      if (!asked) return;
      params = asked.params;
    }
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
