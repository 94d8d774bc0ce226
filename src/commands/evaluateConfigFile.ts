/**
 * Evaluation files and foreign configs. `formulaLens.runConfigEntry` (the CodeLens) runs one entry or
 * all entries of a `*.formulalens.json|yaml` file; Formula Lens: Evaluate Config File runs a whole
 * evaluation file, or lists every activation and loss of a Keras `model.to_json()` file or a
 * Keras / Lightning / Hydra-style training config with their parameters and formulas.
 * Reading never changes the file.
 */
import * as vscode from 'vscode';
import { resolveName } from '../core/catalog/registry';
import { readForeignConfig, runEvaluation } from '../core/config/index';
import type { ConfigEntry, EvaluationConfig } from '../core/config/types';
import { evaluateLoss } from '../core/evaluate';
import { FormulaLensError, localize } from '../core/l10n';
import { activationSection, errorText, lossSection, type FailureSection, type ForeignSection, type FrameworkSource, type ResultSection } from '../core/results/model';
import { previewTensor } from '../core/results/preview';
import { isConfigEntryArgs } from '../protocol/results';
import { isEvaluationDocument, type EvaluationConfigCache } from '../providers/configDocuments';
import type { InlineItem } from '../providers/inlineResults';
import { defaultFramework } from './framework';
import { PROGRESS_NUMBERS, withDelayedProgress } from './progress';
import type { EvaluationSession } from './session';
import { UserMessage } from './userMessage';

const CONFIG_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

function frameworkSourceOf(entry: ConfigEntry): FrameworkSource {
  return entry.frameworkFrom === 'default' ? 'setting' : entry.frameworkFrom;
}

function entryLabel(entry: ConfigEntry): string {
  const position = vscode.l10n.t('entry {0}', entry.index + 1);
  return entry.description ? `${position}: ${entry.description}` : position;
}

/** How many numbers an entry's inputs hold. */
function valueCount(entry: ConfigEntry): number {
  const tensors = entry.kind === 'activation' ? [entry.x, entry.upstream] : [entry.yTrue, entry.yPred, entry.yPred2, entry.yPred3];
  return tensors.reduce((total, tensor) => total + (tensor ? tensor.data.length : 0), 0);
}

/** Runs one entry; an expected failure becomes a failure section with the message to fix. */
function evaluateEntry(entry: ConfigEntry): ResultSection {
  try {
    const evaluated = runEvaluation(entry);
    if (evaluated.kind === 'activation') {
      return activationSection(evaluated.result, evaluated.entry.x, entry.framework, frameworkSourceOf(entry), entryLabel(entry));
    }
    const loss = evaluated.entry;
    const inputs = { yTrue: loss.yTrue, yPred: loss.yPred, ...(loss.yPred2 ? { yPred2: loss.yPred2 } : {}), ...(loss.yPred3 ? { yPred3: loss.yPred3 } : {}) };
    const terms = evaluated.result.reduction === 'none'
      ? evaluated.result.value
      : evaluateLoss(loss.id, inputs, { framework: loss.framework, params: loss.params, reduction: 'none' }).value;
    return lossSection(evaluated.result, inputs, terms, loss.framework, frameworkSourceOf(loss), { names: {}, positional: false }, entryLabel(loss));
  } catch (error) {
    if (!(error instanceof FormulaLensError)) throw error;
    const failure: FailureSection = { kind: 'failure', title: entry.id, label: entryLabel(entry), message: errorText(error) };
    return failure;
  }
}

/** The inline text of an entry's result. */
function inlineFor(section: ResultSection): { readonly text: string; readonly tone: InlineItem['tone'] } {
  switch (section.kind) {
    case 'activation':
      return { text: `→ ${previewTensor(section.output)}`, tone: 'result' };
    case 'loss':
      return { text: `→ ${section.reduction} = ${previewTensor(section.value)}${section.warnings.length > 0 ? `  ⚠ ${section.warnings.length}` : ''}`, tone: section.warnings.length > 0 ? 'warning' : 'result' };
    case 'failure':
      return { text: `✗ ${section.message}`, tone: 'error' };
    case 'compare':
    case 'foreign':
      return { text: '', tone: 'result' };
  }
}

/** Runs entries of an evaluation file (one by index, or all) and publishes their results. */
export async function runEvaluationFile(session: EvaluationSession, cache: EvaluationConfigCache, document: vscode.TextDocument, index: number | undefined): Promise<void> {
  const config: EvaluationConfig = await cache.read(document, defaultFramework());
  const entries = index === undefined ? config.entries : config.entries.filter((entry) => entry.index === index);
  if (entries.length === 0) {
    throw new UserMessage(index === undefined
      ? vscode.l10n.t('{0} has no entry that can run: fix the problems listed in the Problems view first.', vscode.workspace.asRelativePath(document.uri))
      : vscode.l10n.t('Entry {0} has problems to fix first; they are listed in the Problems view.', index + 1), 'warning');
  }
  const name = vscode.workspace.asRelativePath(document.uri);
  const work = await withDelayedProgress(vscode.l10n.t('Formula Lens: evaluating {0}', name), async (steps) => {
    if (entries.reduce((total, entry) => total + valueCount(entry), 0) > PROGRESS_NUMBERS) steps.expectLong();
    const sections: ResultSection[] = [];
    for (const entry of entries) {
      await steps.step(vscode.l10n.t('{0} ({1} of {2})', entry.id, sections.length + 1, entries.length));
      sections.push(evaluateEntry(entry));
    }
    return sections;
  });
  const items: InlineItem[] = entries.map((entry, i) => ({ line: document.positionAt(entry.range.start).line, ...inlineFor(work.value[i]!) }));
  await session.publish({
    command: 'runConfigEntry',
    title: index === undefined ? vscode.l10n.t('{0}: {1} entries', name, entries.length) : vscode.l10n.t('{0}: entry {1}', name, index + 1),
    sections: work.value,
    documentUri: document.uri,
    progressShown: work.progressShown,
    durationMs: work.durationMs,
  }, {
    uri: document.uri,
    // Running one entry keeps the inline results of the others.
    items: index === undefined ? items : [
      ...session.inline.shown().filter((shown) => shown.uri === document.uri.toString() && shown.line !== items[0]!.line).map(({ line, text, tone }) => ({ line, text, tone })),
      ...items,
    ],
  });
}

/** The CodeLens command: `{uri, index?}`. */
export async function runConfigEntry(session: EvaluationSession, cache: EvaluationConfigCache, rawArgs: unknown): Promise<void> {
  if (!isConfigEntryArgs(rawArgs)) throw new UserMessage(vscode.l10n.t('Run this from the ▶ Evaluate CodeLens of an evaluation file (*.formulalens.json or *.formulalens.yaml).'), 'warning');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(rawArgs.uri, true));
  await runEvaluationFile(session, cache, document, rawArgs.index);
}

/** Lists the activations and losses of a config that is not an evaluation file. */
async function listForeignConfig(session: EvaluationSession, document: vscode.TextDocument): Promise<void> {
  const name = vscode.workspace.asRelativePath(document.uri);
  const work = await withDelayedProgress(vscode.l10n.t('Formula Lens: reading {0}', name), async (steps): Promise<ForeignSection> => {
    await steps.step(vscode.l10n.t('Finding activations and losses'));
    const foreign = readForeignConfig(document.getText(), document.uri.path);
    return {
      kind: 'foreign',
      fileKind: foreign.kind,
      ...(foreign.framework ? { framework: foreign.framework } : {}),
      findings: foreign.findings.map((finding) => {
        const entry = finding.id ? resolveName(finding.id) : undefined;
        return {
          kind: finding.kind,
          name: finding.name,
          ...(finding.id ? { id: finding.id } : {}),
          ...(entry ? { title: entry.title, formula: entry.formula.text } : {}),
          path: finding.path,
          params: finding.params,
          ...(finding.reduction ? { reduction: finding.reduction } : {}),
          ...(finding.framework ? { framework: finding.framework } : {}),
          start: finding.range.start,
          end: finding.range.end,
        };
      }),
      problems: foreign.problems.map((problem) => {
        const position = document.positionAt(problem.range.start);
        return vscode.l10n.t('Line {0}, column {1}: {2}', position.line + 1, position.character + 1, localize(problem.text, problem.args));
      }),
    };
  });
  const section = work.value;
  if (section.findings.length === 0) {
    if (section.problems.length > 0) throw new UserMessage(section.problems[0]!);
    throw new UserMessage(vscode.l10n.t('No activation or loss found in {0}. Evaluate Config File reads Keras model JSON (model.to_json()) and training configs with keys such as activation, loss or criterion.', name), 'warning');
  }
  await session.publish({
    command: 'evaluateConfigFile',
    title: vscode.l10n.t('{0}: {1} functions found', name, section.findings.length),
    sections: [section],
    documentUri: document.uri,
    progressShown: work.progressShown,
    durationMs: work.durationMs,
    // No inline text here: the formulas already stand above these lines in the hover and CodeLens of configs.
  }, { uri: document.uri, items: [] });
}

/** Formula Lens: Evaluate Config File, on the active editor's file (or `{uri}`). */
export async function evaluateConfigFile(session: EvaluationSession, cache: EvaluationConfigCache, rawArgs: unknown): Promise<void> {
  let document: vscode.TextDocument | undefined;
  if (isConfigEntryArgs(rawArgs)) document = await vscode.workspace.openTextDocument(vscode.Uri.parse(rawArgs.uri, true));
  else if (rawArgs instanceof vscode.Uri) document = await vscode.workspace.openTextDocument(rawArgs);
  else document = vscode.window.activeTextEditor?.document;
  if (!document) throw new UserMessage(vscode.l10n.t('Open an evaluation file (*.formulalens.json or *.formulalens.yaml), a Keras model JSON or a training config first.'), 'warning');
  if (isEvaluationDocument(document)) {
    await runEvaluationFile(session, cache, document, undefined);
    return;
  }
  if (!CONFIG_LANGUAGES.has(document.languageId) && !/\.(json|jsonc|ya?ml)$/i.test(document.uri.path)) {
    throw new UserMessage(vscode.l10n.t('Evaluate Config File reads JSON and YAML files: evaluation files (*.formulalens.json, *.formulalens.yaml), Keras model JSON and training configs. {0} is not one.', vscode.workspace.asRelativePath(document.uri)), 'warning');
  }
  await listForeignConfig(session, document);
}
