/**
 * What users do with a result: copy it as a JSON, Python or NumPy literal, insert it below the
 * selection, replace the selected array with it, or (for configs) reveal where a function is named.
 * Edits go through one WorkspaceEdit (one undo step) and only onto the document version the result
 * was computed from.
 */
import * as vscode from 'vscode';
import { formatLiteral, type LiteralStyle } from '../core/parse/format';
import type { LiteralSource } from '../core/parse/literal';
import type { ResultSection } from '../core/results/model';
import type { Tensor } from '../core/tensor';
import type { CopyFormat, ResultActionArgs, ResultPart } from '../protocol/results';
import type { EvaluationSession, PublishedResults, SelectionTarget } from './session';
import { UserMessage } from './userMessage';

const PYTHON_LANGUAGES = new Set(['python', 'jupyter']);
const JS_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);

/** The literal style written into a document: the array's own style where the language reads it. */
export function writeStyleFor(languageId: string, source: LiteralSource): LiteralStyle {
  if (PYTHON_LANGUAGES.has(languageId)) return source === 'numpy' || source === 'torch' ? source : 'python';
  if (JS_LANGUAGES.has(languageId)) return source === 'tfjs' ? 'tfjs' : 'json';
  return 'json';
}

/** The tensor an action on a section writes, or undefined when the section has none. */
function tensorOf(section: ResultSection, part: ResultPart): Tensor | undefined {
  switch (section.kind) {
    case 'activation':
      return part === 'value' ? section.output : section.derivative;
    case 'loss':
      return part === 'value' ? section.value : section.grad;
    case 'compare':
    case 'foreign':
    case 'failure':
      return undefined;
  }
}

function requireResults(session: EvaluationSession): PublishedResults {
  const results = session.results;
  if (!results) throw new UserMessage(vscode.l10n.t('There is no result yet: run Formula Lens: Apply Activation to Selection or Compute Loss on Selection first.'), 'warning');
  return results;
}

function requireSection(results: PublishedResults, index: number): ResultSection {
  const section = results.sections[index];
  if (!section) throw new UserMessage(vscode.l10n.t('The result has no section {0}.', index + 1), 'warning');
  return section;
}

function requireTensor(section: ResultSection, part: ResultPart): Tensor {
  const tensor = tensorOf(section, part);
  if (!tensor) throw new UserMessage(vscode.l10n.t('This result has no single array to copy or insert; copy the values of one framework from the table instead.'), 'warning');
  return tensor;
}

/** Asks for the copy format when the command did not get one. */
async function pickFormat(): Promise<CopyFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: CopyFormat })[] = [
    { label: 'JSON', description: '[0.5, 1.0]', format: 'json' },
    { label: 'Python', description: '[0.5, 1.0]', format: 'python' },
    { label: 'NumPy', description: 'np.array([0.5, 1.0])', format: 'numpy' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Copy the result as') });
  return picked?.format;
}

/** Copies a section's result (or gradient) as a literal; asks for the format when none is given. */
export async function copyResult(session: EvaluationSession, args: ResultActionArgs = {}): Promise<void> {
  const results = requireResults(session);
  const tensor = requireTensor(requireSection(results, args.section ?? 0), args.part ?? 'value');
  const format = args.format ?? (await pickFormat());
  if (!format) return;
  const text = formatLiteral(tensor, format, { multiline: false, jsonNonFinite: 'string' });
  await vscode.env.clipboard.writeText(text);
  session.notify('info', vscode.l10n.t('Copied {0} values as {1}', tensor.data.length, format === 'json' ? 'JSON' : format === 'python' ? 'Python' : 'NumPy'));
}

function requireTarget(results: PublishedResults): SelectionTarget {
  if (!results.target) throw new UserMessage(vscode.l10n.t('This result did not come from a selection, so there is nothing to insert below or replace; use Copy instead.'), 'warning');
  return results.target;
}

/** The document of the target, refusing when it changed since the result was computed. */
async function targetDocument(target: SelectionTarget): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(target.uri);
  if (document.version !== target.version) {
    throw new UserMessage(vscode.l10n.t('The document changed since this result was computed; run the command again so the result matches the text.'), 'warning');
  }
  return document;
}

/** A variable name for the inserted literal: `around_zero_relu`, `mse_loss`. */
function insertedName(section: ResultSection, target: SelectionTarget, part: ResultPart): string | undefined {
  if (section.kind !== 'activation' && section.kind !== 'loss') return undefined;
  const base = section.kind === 'activation' ? `${target.baseName ?? 'x'}_${section.id}` : `${section.id}_loss`;
  const name = part === 'gradient' ? `${base}_grad` : base;
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** The text of an inserted line: an assignment where the language has them, else the bare literal. */
export function insertedText(tensor: Tensor, style: LiteralStyle, languageId: string, name: string | undefined): string {
  if (JS_LANGUAGES.has(languageId) && style === 'json') return `const ${name ?? 'result'} = ${formatLiteral(tensor, 'json', { jsonNonFinite: 'bare' })};`;
  if (!PYTHON_LANGUAGES.has(languageId) && !JS_LANGUAGES.has(languageId)) return formatLiteral(tensor, 'json');
  return formatLiteral(tensor, style, name ? { name } : {});
}

/** Inserts the result as a new line below the selection, in one undoable edit. */
export async function insertResultBelow(session: EvaluationSession, args: ResultActionArgs = {}): Promise<void> {
  const results = requireResults(session);
  const target = requireTarget(results);
  const section = requireSection(results, args.section ?? 0);
  const part = args.part ?? 'value';
  const tensor = requireTensor(section, part);
  const document = await targetDocument(target);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = insertedText(tensor, target.style, target.languageId, insertedName(section, target, part)).split('\n').join(`${eol}${target.indent}`);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(target.uri, document.lineAt(target.lastLine).range.end, `${eol}${target.indent}${text}`);
  if (!(await vscode.workspace.applyEdit(edit))) throw new UserMessage(vscode.l10n.t('VS Code did not apply the edit (the document may be read-only).'));
}

/** Replaces the evaluated array with the activation's output, in its own style, in one undoable edit. */
export async function replaceSelectionWithResult(session: EvaluationSession, args: ResultActionArgs = {}): Promise<void> {
  const results = requireResults(session);
  const target = requireTarget(results);
  const section = requireSection(results, args.section ?? 0);
  if (section.kind !== 'activation') {
    throw new UserMessage(vscode.l10n.t('Only an activation\'s output has the shape of the selected array; insert a loss below instead.'), 'warning');
  }
  const document = await targetDocument(target);
  const jsonNonFinite = document.languageId === 'json' || document.languageId === 'jsonc' ? 'string' : 'bare';
  const edit = new vscode.WorkspaceEdit();
  edit.replace(target.uri, target.literalRange, formatLiteral(section.output, target.style, { multiline: false, jsonNonFinite }));
  if (!(await vscode.workspace.applyEdit(edit))) throw new UserMessage(vscode.l10n.t('VS Code did not apply the edit (the document may be read-only).'));
}

/** Selects where a config names a function (the "Go to" buttons of a config listing). */
export async function revealFinding(session: EvaluationSession, sectionIndex: number, item: number): Promise<void> {
  const results = requireResults(session);
  const section = requireSection(results, sectionIndex);
  if (section.kind !== 'foreign' || !results.documentUri) return;
  const finding = section.findings[item];
  if (!finding) return;
  const document = await vscode.workspace.openTextDocument(results.documentUri);
  const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
  // Reveal in the editor that shows the file already, not in the results view's group.
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === document.uri.toString());
  await vscode.window.showTextDocument(document, { selection: range, viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One });
}
