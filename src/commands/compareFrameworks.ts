/**
 * Formula Lens: Compare Frameworks on Selection. The same activation (one selected array) or loss
 * (two arrays, or `kind: 'loss'`) under torch, Keras 3 and TF.js semantics, each with its own
 * defaults, side by side with the differing values, gradients and defaults highlighted.
 */
import * as vscode from 'vscode';
import { requireEntry } from '../core/catalog/registry';
import type { ActivationEntry, LossEntry, Reduction } from '../core/catalog/types';
import { FRAMEWORKS } from '../core/catalog/types';
import { compareActivation, compareLoss } from '../core/results/compare';
import { assignLossInputs } from '../core/results/lossInputs';
import { compareSection, type CompareSection } from '../core/results/model';
import { previewNumber } from '../core/results/preview';
import { shapeText } from '../core/tensor';
import { chooseArray } from './applyActivation';
import { evaluationArgs } from './commandArgs';
import { frameworkFor } from './framework';
import { pickFunction, rememberFunction } from './pickers';
import { PROGRESS_NUMBERS, withDelayedProgress } from './progress';
import { editorPieces, maxSelectionNumbers, readArrays, requireEditor } from './selection';
import type { EvaluationSession } from './session';

/** The one-line summary shown inline: `torch 100 · keras 16.1181 · tfjs 16.1181` or how many values differ. */
function inlineSummary(section: CompareSection): string {
  const scalar = section.columns.every((column) => !column.ok || column.value.data.length === 1);
  if (scalar) {
    return section.columns.map((column) => `${column.framework} ${column.ok ? previewNumber(column.value.data[0]!) : '✗'}`).join(' · ');
  }
  const differing = section.valueDiffers.reduce((sum, mark) => sum + mark, 0);
  const failed = section.columns.filter((column) => !column.ok).map((column) => column.framework);
  const parts = [differing === 0
    ? vscode.l10n.t('frameworks agree on all {0} values', section.valueDiffers.length)
    : vscode.l10n.t('frameworks differ on {0} of {1} values', differing, section.valueDiffers.length)];
  if (failed.length > 0) parts.push(vscode.l10n.t('failed under {0}', failed.join(', ')));
  return parts.join('; ');
}

/** Runs the command. `rawArgs` is the optional argument object (or a menu's Uri, ignored). */
export async function compareFrameworks(session: EvaluationSession, rawArgs: unknown): Promise<void> {
  const args = evaluationArgs(rawArgs);
  const editor = requireEditor();
  const pieces = editorPieces(editor);
  const reading = await readArrays(pieces, maxSelectionNumbers(), { underCursor: args.kind !== 'loss' });
  const arrays = reading.value;
  const kind = args.kind ?? (arrays.length >= 2 ? 'loss' : 'activation');

  let entry: ActivationEntry | LossEntry;
  if (args.name) {
    entry = kind === 'activation' ? requireEntry(args.name, 'activation') : requireEntry(args.name, 'loss');
  } else {
    const detected = await frameworkFor(editor.document, args.framework);
    const picked = await pickFunction({
      kind,
      title: kind === 'activation' ? vscode.l10n.t('Compare an activation under torch, Keras 3 and TF.js') : vscode.l10n.t('Compare a loss under torch, Keras 3 and TF.js'),
      framework: detected.framework,
      frameworkSource: detected.source,
      state: session.context.globalState,
      showFrameworks: false,
    });
    if (!picked) return;
    entry = picked.entry as ActivationEntry | LossEntry;
  }
  const spelling = args.name ?? entry.id;
  const params = args.params ?? {};

  const document = editor.document;
  const chosen = entry.kind === 'activation' ? await chooseArray(arrays, args.literal) : undefined;
  if (entry.kind === 'activation' && !chosen) return;
  const anchorLine = chosen ? chosen.range.end.line : arrays.reduce((line, array) => Math.max(line, array.range.end.line), 0);
  const work = await withDelayedProgress(vscode.l10n.t('Formula Lens: comparing {0}', entry.title), async (steps): Promise<CompareSection> => {
    // Three evaluations: a third of the numbers already takes as long as one.
    if (3 * arrays.reduce((total, array) => total + array.tensor.data.length, 0) > PROGRESS_NUMBERS) steps.expectLong();
    await steps.step(vscode.l10n.t('Evaluating {0} under {1}', entry.id, FRAMEWORKS.join(', ')));
    if (entry.kind === 'activation') {
      const array = chosen!;
      return compareSection(entry, array.tensor, compareActivation(spelling, array.tensor, params), array.name ? { label: array.name } : {});
    }
    const assignment = assignLossInputs(entry, arrays);
    const reduction: Reduction = args.reduction ?? 'mean';
    return compareSection(entry, assignment.inputs.yPred, compareLoss(spelling, assignment.inputs, reduction, params), { yTrue: assignment.inputs.yTrue, reduction });
  });
  const section = work.value;
  await rememberFunction(session.context.globalState, entry);
  await session.publish({
    command: 'compareFrameworks',
    title: vscode.l10n.t('{0} under torch, Keras 3 and TF.js ({1})', entry.title, section.label ?? shapeText(section.input.shape)),
    sections: [section],
    documentUri: document.uri,
    progressShown: reading.progressShown || work.progressShown,
    durationMs: reading.durationMs + work.durationMs,
  }, {
    uri: document.uri,
    items: [{ line: anchorLine, text: `⇄ ${entry.id}: ${inlineSummary(section)}`, tone: 'result' }],
  });
}
