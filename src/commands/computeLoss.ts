/**
 * Formula Lens: Compute Loss on Selection. y_true and y_pred come from one selection holding both
 * (named in any order, or positional: y_true first), from two selections (multi-cursor), or from one
 * selection plus the clipboard. Shows the loss under the reduction, each term's contribution, the
 * gradient with respect to y_pred, and warnings where the inputs look wrong for the loss.
 */
import * as vscode from 'vscode';
import type { ParamValue, Reduction } from '../core/catalog/types';
import { evaluateLoss } from '../core/evaluate';
import { assignLossInputs, lossRoles, type LossRole, type NamedArray } from '../core/results/lossInputs';
import { lossSection } from '../core/results/model';
import { previewTensor } from '../core/results/preview';
import { CLIPBOARD_ROLES, type EvaluationArgs } from '../protocol/results';
import { evaluationArgs } from './commandArgs';
import { frameworkFor } from './framework';
import { askParams, chooseFunction, rememberFunction } from './pickers';
import { PROGRESS_NUMBERS, withDelayedProgress } from './progress';
import { writeStyleFor } from './resultActions';
import { editorPieces, indentOf, maxSelectionNumbers, readArrays, parseClipboard, requireEditor, type FoundArray } from './selection';
import type { EvaluationSession } from './session';

type ClipboardRole = (typeof CLIPBOARD_ROLES)[number];

/** Asks which input the clipboard holds when the selection has one array too few. */
async function askClipboardRole(selected: readonly FoundArray[]): Promise<ClipboardRole | undefined> {
  const named = selected.length === 1 && selected[0]!.name ? selected[0]!.name : undefined;
  const items: (vscode.QuickPickItem & { role: ClipboardRole })[] = [
    { label: vscode.l10n.t('Read y_pred from the clipboard'), description: vscode.l10n.t('the selection is y_true'), role: 'y_pred' },
    { label: vscode.l10n.t('Read y_true from the clipboard'), description: vscode.l10n.t('the selection is y_pred'), role: 'y_true' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: named
      ? vscode.l10n.t('The selection holds one array ({0}); the loss needs two', named)
      : vscode.l10n.t('The selection holds one array; the loss needs two'),
  });
  return picked?.role;
}

/** Runs the command. `rawArgs` is the optional argument object (or a menu's Uri, ignored). */
export async function computeLoss(session: EvaluationSession, rawArgs: unknown): Promise<void> {
  const args: EvaluationArgs = evaluationArgs(rawArgs);
  const editor = requireEditor();
  const pieces = editorPieces(editor);
  const limit = maxSelectionNumbers();

  const reading = await readArrays(pieces, limit, { underCursor: false });
  const selected = reading.value;

  const chosen = await chooseFunction('loss', {
    name: args.name,
    title: vscode.l10n.t('Compute Loss'),
    detected: await frameworkFor(editor.document, args.framework),
    state: session.context.globalState,
  });
  if (!chosen) return;
  const { entry, spelling, framework, frameworkSource } = chosen;
  let params: Readonly<Record<string, ParamValue>> = args.params ?? {};
  let reduction: Reduction = args.reduction ?? 'mean';
  const askForParams = chosen.picked && args.params === undefined;

  // One array short: the clipboard holds the other one when the argument says so or the user agrees.
  const arrays: NamedArray[] = selected.map((array) => ({ tensor: array.tensor, ...(array.name !== undefined ? { name: array.name } : {}) }));
  let clipboardRole: LossRole | undefined;
  if (selected.length === lossRoles(entry).length - 1) {
    const role = args.clipboard ?? (args.name ? undefined : await askClipboardRole(selected));
    if (role === undefined && !args.name) return;
    if (role !== undefined) {
      const fromClipboard = await parseClipboard(limit);
      arrays.push({ tensor: fromClipboard[0]!.tensor, name: role });
      clipboardRole = role;
    }
  }
  // Checks counts and names now, before the parameter box.
  const assignment = assignLossInputs(entry, arrays);

  if (askForParams) {
    const asked = await askParams(entry, framework, reduction);
    if (!asked) return;
    params = asked.params;
    reduction = asked.reduction ?? reduction;
  }

  const work = await withDelayedProgress(vscode.l10n.t('Formula Lens: computing {0}', entry.title), async (steps) => {
    if (assignment.inputs.yPred.data.length > PROGRESS_NUMBERS) steps.expectLong();
    await steps.step(vscode.l10n.t('Evaluating {0} on {1} values', entry.id, assignment.inputs.yPred.data.length));
    const evaluation = evaluateLoss(spelling, assignment.inputs, { framework, params, reduction });
    await steps.step(vscode.l10n.t('Computing each term\'s contribution'));
    const terms = reduction === 'none' ? evaluation.value : evaluateLoss(spelling, assignment.inputs, { framework, params, reduction: 'none' }).value;
    await steps.step(vscode.l10n.t('Summarizing'));
    const names: Partial<Record<LossRole, string>> = {};
    for (const [role, index] of Object.entries(assignment.sources) as [LossRole, number][]) {
      const name = role === clipboardRole && index === arrays.length - 1 ? vscode.l10n.t('clipboard') : arrays[index]?.name;
      if (name !== undefined) names[role] = name;
    }
    return lossSection(evaluation, assignment.inputs, terms, framework, frameworkSource, { names, positional: assignment.positional });
  });
  const section = work.value;
  await rememberFunction(session.context.globalState, entry);

  // Inline: after the array that is y_pred (or the last selected one), the loss and any warning count.
  const document = editor.document;
  const predIndex = assignment.sources.y_pred;
  const anchor = (predIndex !== undefined ? selected[predIndex] : undefined) ?? selected[selected.length - 1]!;
  const last = selected.reduce((latest, array) => (array.range.end.isAfter(latest.range.end) ? array : latest), selected[0]!);
  const warned = section.warnings.length > 0 ? `  ⚠ ${vscode.l10n.t('{0} input warning(s): see Formula Lens Results', section.warnings.length)}` : '';
  await session.publish({
    command: 'computeLoss',
    title: vscode.l10n.t('{0} ({1})', entry.title, section.reduction),
    sections: [section],
    target: {
      uri: document.uri,
      version: document.version,
      literalRange: anchor.range,
      style: writeStyleFor(document.languageId, anchor.source),
      lastLine: last.range.end.line,
      indent: indentOf(document, last.range.start.line),
      languageId: document.languageId,
    },
    documentUri: document.uri,
    progressShown: reading.progressShown || work.progressShown,
    durationMs: reading.durationMs + work.durationMs,
  }, {
    uri: document.uri,
    items: [{ line: anchor.range.end.line, text: `→ ${entry.id} (${section.reduction}) = ${previewTensor(section.value)}${warned}`, tone: warned ? 'warning' : 'result' }],
  });
}
