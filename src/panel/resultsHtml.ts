/**
 * The "Formula Lens Results" page, rendered by the host: plain HTML tables styled with the theme's
 * variables, one section per result, and buttons whose clicks a small nonce'd script posts back as
 * `ResultActionMessage`s. Large results show their first rows; copying gives all values.
 */
import * as vscode from 'vscode';
import type { Framework, ParamValue } from '../core/catalog/types';
import { formatNumber } from '../core/parse/format';
import type { ActivationSection, CompareSection, FailureSection, ForeignSection, FrameworkSource, LossSection, ResultSection } from '../core/results/model';
import { AGREEMENT_RTOL } from '../core/results/compare';
import { formatParamValue } from '../core/results/paramText';
import { previewTensor } from '../core/results/preview';
import { shapeText, type Tensor } from '../core/tensor';
import type { CopyFormat, ResultPart } from '../protocol/results';
import { FRAMEWORK_LABELS, frameworkSourceText as sourceText } from '../commands/labels';
import type { PublishedResults } from '../commands/session';

/** Rows of a table shown before the rest is summarized. */
export const MAX_TABLE_ROWS = 200;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Significant digits the view shows; the exact value is in the cell's tooltip and in every copy. */
export const DISPLAY_DIGITS = 10;

/** A number as the view shows it (10 significant digits; NaN and ±Infinity spelled out). */
function num(value: number | undefined): string {
  return value === undefined ? '' : escapeHtml(formatNumber(value, 'json', { jsonNonFinite: 'bare', precision: DISPLAY_DIGITS }));
}

/** A table cell with a number; when rounding hid digits, the exact value is the tooltip. */
function numCell(value: number | undefined, className = ''): string {
  const exact = value === undefined ? '' : formatNumber(value, 'json', { jsonNonFinite: 'bare' });
  const shown = num(value);
  const title = exact !== '' && escapeHtml(exact) !== shown ? ` title="${escapeHtml(exact)}"` : '';
  return `<td${className ? ` class="${className}"` : ''}${title}>${shown}</td>`;
}

function percent(count: number, total: number): string {
  return total === 0 ? '0%' : `${((100 * count) / total).toFixed(1)}%`;
}

/** The index label of a flat position: `i`, or `[row, column]` for 2-D tensors. */
function indexLabel(tensor: Tensor, i: number): string {
  if (tensor.shape.length < 2) return String(i);
  const cols = tensor.shape[1]!;
  return `[${Math.floor(i / cols)}, ${i % cols}]`;
}

function frameworkBadge(framework: Framework, source: FrameworkSource): string {
  return `<span class="badge">${escapeHtml(FRAMEWORK_LABELS[framework])}</span> <span class="muted">${escapeHtml(sourceText(source))}</span>`;
}

function paramText(value: ParamValue, framework: Framework): string {
  return escapeHtml(formatParamValue(value, framework));
}

function paramsList(params: Readonly<Record<string, ParamValue>>, framework: Framework): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return `<p class="muted">${escapeHtml(vscode.l10n.t('No parameters'))}</p>`;
  return `<p class="params">${entries.map(([name, value]) => `<code>${escapeHtml(name)}=${paramText(value, framework)}</code>`).join(' ')}</p>`;
}

/** A row note when a table is cut short. */
function truncationNote(total: number): string {
  return total > MAX_TABLE_ROWS ? `<p class="muted">${escapeHtml(vscode.l10n.t('Showing the first {0} of {1} rows; copy the result to get all of them.', MAX_TABLE_ROWS, total))}</p>` : '';
}

function button(section: number, action: string, label: string, extra: { readonly format?: CopyFormat; readonly part?: ResultPart; readonly item?: number } = {}): string {
  const data = [
    `data-action="${action}"`,
    `data-section="${section}"`,
    extra.format ? `data-format="${extra.format}"` : '',
    extra.part ? `data-part="${extra.part}"` : '',
    extra.item !== undefined ? `data-item="${extra.item}"` : '',
  ].filter(Boolean).join(' ');
  return `<button type="button" ${data}>${escapeHtml(label)}</button>`;
}

/** Copy buttons for one part, plus insert / replace when the result came from a selection. */
function actionBar(index: number, part: ResultPart, partLabel: string, options: { readonly insert: boolean; readonly replace: boolean }): string {
  const buttons = [
    `<span class="muted">${escapeHtml(partLabel)}</span>`,
    button(index, 'copy', vscode.l10n.t('Copy JSON'), { format: 'json', part }),
    button(index, 'copy', vscode.l10n.t('Copy Python'), { format: 'python', part }),
    button(index, 'copy', vscode.l10n.t('Copy NumPy'), { format: 'numpy', part }),
  ];
  if (options.insert) buttons.push(button(index, 'insertBelow', vscode.l10n.t('Insert below'), { part }));
  if (options.replace) buttons.push(button(index, 'replaceSelection', vscode.l10n.t('Replace selection')));
  return `<div class="actions">${buttons.join('')}</div>`;
}

function formulaBlock(formula: string, derivative: string): string {
  return `<p class="formula">${escapeHtml(formula)}</p><p class="formula muted">${escapeHtml(derivative)}</p>`;
}

function heading(title: string, id: string, label: string | undefined): string {
  return `<h2>${escapeHtml(title)} <code>${escapeHtml(id)}</code>${label ? ` <span class="muted">${escapeHtml(label)}</span>` : ''}</h2>`;
}

function notesList(notes: readonly string[]): string {
  return notes.length === 0 ? '' : `<ul class="notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`;
}

function renderActivation(section: ActivationSection, index: number, fromSelection: boolean): string {
  const s = section.statistics;
  const stat = (label: string, value: string) => `<div><dt>${escapeHtml(label)}</dt><dd>${value}</dd></div>`;
  const stats = [
    stat(vscode.l10n.t('Values'), String(s.count)),
    stat(vscode.l10n.t('Input range'), `[${num(s.input.min)}, ${num(s.input.max)}]`),
    stat(vscode.l10n.t('Output range'), `[${num(s.output.min)}, ${num(s.output.max)}]`),
    stat(vscode.l10n.t('Mean output'), num(s.outputMean)),
    stat(vscode.l10n.t('Dead (f′ = 0)'), `${s.dead} (${percent(s.dead, s.count)})`),
    stat(vscode.l10n.t('Saturated (0 < |f′| < {0})', s.saturationThreshold), `${s.saturated} (${percent(s.saturated, s.count)})`),
  ];
  if (s.output.nonFinite > 0) stats.push(stat(vscode.l10n.t('NaN or infinite outputs'), String(s.output.nonFinite)));
  const rows: string[] = [];
  const count = Math.min(section.output.data.length, MAX_TABLE_ROWS);
  for (let i = 0; i < count; i++) {
    const grad = section.derivative.data[i]!;
    const state = grad === 0 ? 'dead' : Math.abs(grad) < s.saturationThreshold ? 'saturated' : '';
    const stateLabel = state === 'dead' ? vscode.l10n.t('dead') : state === 'saturated' ? vscode.l10n.t('saturated') : '';
    rows.push(`<tr class="${state}"><td class="index">${indexLabel(section.input, i)}</td>${numCell(section.input.data[i])}${numCell(section.output.data[i])}${numCell(grad)}<td class="state">${escapeHtml(stateLabel)}</td></tr>`);
  }
  return `<section class="result" id="section-${index}" data-kind="activation">
${heading(section.title, section.id, section.label)}
<p>${frameworkBadge(section.framework, section.frameworkSource)} · <span class="muted">${escapeHtml(vscode.l10n.t('shape {0}', shapeText(section.input.shape)))}</span></p>
${formulaBlock(section.formula, section.derivativeFormula)}
${paramsList(section.params, section.framework)}
<dl class="stats">${stats.join('')}</dl>
${actionBar(index, 'value', vscode.l10n.t('Output:'), { insert: fromSelection, replace: fromSelection })}
${actionBar(index, 'gradient', vscode.l10n.t('Derivative:'), { insert: fromSelection, replace: false })}
<table class="values"><thead><tr><th>#</th><th>x</th><th>f(x)</th><th>f′(x)</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>
${truncationNote(section.output.data.length)}
${notesList(section.notes)}
</section>`;
}

function renderLoss(section: LossSection, index: number, fromSelection: boolean): string {
  const scalar = section.value.data.length === 1;
  const valueText = scalar ? num(section.value.data[0]) : escapeHtml(vscode.l10n.t('{0} values (reduction none)', section.value.data.length));
  const inputName = (role: 'y_true' | 'y_pred' | 'y_pred2' | 'y_pred3', tensor: Tensor | null | undefined) => {
    if (!tensor) return '';
    const name = section.sourceNames[role];
    return `<span><code>${role}</code>${name ? ` ← ${escapeHtml(name)}` : ''} <span class="muted">${escapeHtml(shapeText(tensor.shape))}</span></span>`;
  };
  const inputs = [
    inputName('y_true', section.yTrue),
    inputName('y_pred', section.yPred),
    inputName('y_pred2', section.yPred2),
    inputName('y_pred3', section.yPred3),
  ].filter(Boolean).join(' · ');
  const positional = section.positional ? `<p class="muted">${escapeHtml(vscode.l10n.t('Arrays without a telling name were taken in order: y_true first, then y_pred.'))}</p>` : '';
  const warnings = section.warnings.length === 0 ? '' : `<ul class="warnings">${section.warnings.map((warning) => `<li>⚠ ${escapeHtml(warning)}</li>`).join('')}</ul>`;

  const termRows: string[] = [];
  const terms = section.terms;
  const totalShare = section.value.data.length === 1 ? section.value.data[0]! : NaN;
  for (let i = 0; i < Math.min(terms.data.length, MAX_TABLE_ROWS); i++) {
    const contribution = section.contributions[i]!;
    const share = Number.isFinite(totalShare) && totalShare !== 0 ? `${((100 * contribution) / totalShare).toFixed(1)}%` : '';
    termRows.push(`<tr><td class="index">${indexLabel(terms, i)}</td>${numCell(terms.data[i])}${numCell(contribution)}<td>${share}</td></tr>`);
  }
  const sameShape = section.yTrue !== null && section.yTrue.data.length === section.yPred.data.length;
  const gradRows: string[] = [];
  for (let i = 0; i < Math.min(section.grad.data.length, MAX_TABLE_ROWS); i++) {
    gradRows.push(`<tr><td class="index">${indexLabel(section.yPred, i)}</td>${sameShape ? numCell(section.yTrue!.data[i]) : ''}${numCell(section.yPred.data[i])}${numCell(section.grad.data[i])}</tr>`);
  }
  const termsHeading = terms.shape.length > 0 && terms.data.length === section.yPred.data.length ? vscode.l10n.t('Contribution of each element') : vscode.l10n.t('Contribution of each sample');
  return `<section class="result" id="section-${index}" data-kind="loss">
${heading(section.title, section.id, section.label)}
<p>${frameworkBadge(section.framework, section.frameworkSource)}</p>
${formulaBlock(section.formula, section.derivativeFormula)}
${paramsList(section.params, section.framework)}
<p class="loss-value">${escapeHtml(vscode.l10n.t('Loss ({0})', section.reduction))} = <strong>${valueText}</strong></p>
<p class="inputs">${inputs}</p>
${positional}
${warnings}
${actionBar(index, 'value', vscode.l10n.t('Loss:'), { insert: fromSelection, replace: false })}
${actionBar(index, 'gradient', vscode.l10n.t('Gradient:'), { insert: fromSelection, replace: false })}
<div class="tables">
<div><h3>${escapeHtml(termsHeading)}</h3>
<table class="values"><thead><tr><th>#</th><th>${escapeHtml(vscode.l10n.t('term'))}</th><th>${escapeHtml(vscode.l10n.t('contribution'))}</th><th>${escapeHtml(vscode.l10n.t('share'))}</th></tr></thead><tbody>${termRows.join('')}</tbody></table>
${truncationNote(terms.data.length)}</div>
<div><h3>${escapeHtml(vscode.l10n.t('Gradient with respect to y_pred'))}</h3>
<table class="values"><thead><tr><th>#</th>${sameShape ? '<th>y_true</th>' : ''}<th>y_pred</th><th>∂L/∂y_pred</th></tr></thead><tbody>${gradRows.join('')}</tbody></table>
${truncationNote(section.grad.data.length)}</div>
</div>
${notesList(section.notes)}
</section>`;
}

function renderCompare(section: CompareSection, index: number): string {
  const ok = section.columns.filter((column): column is Extract<CompareSection['columns'][number], { ok: true }> => column.ok);
  const failed = section.columns.filter((column): column is Extract<CompareSection['columns'][number], { ok: false }> => !column.ok);
  const differing = new Set(section.differingParams);
  const paramNames = [...new Set(ok.flatMap((column) => Object.keys(column.params)))];
  const paramRows = paramNames.map((name) => `<tr class="${differing.has(name) ? 'differs' : ''}"><td><code>${escapeHtml(name)}</code></td>${ok.map((column) => `<td>${name in column.params ? paramText(column.params[name]!, column.framework) : '—'}</td>`).join('')}</tr>`);
  const header = ok.map((column) => `<th>${escapeHtml(FRAMEWORK_LABELS[column.framework])}</th>`).join('');
  const paramsTable = paramNames.length === 0 ? '' : `<h3>${escapeHtml(vscode.l10n.t('Parameters (defaults of each framework)'))}</h3>
<table class="values"><thead><tr><th></th>${header}</tr></thead><tbody>${paramRows.join('')}</tbody></table>`;
  const valueMarks = section.valueDiffers;
  const gradMarks = section.gradDiffers;
  const cell = (value: number | undefined, differs: boolean) => numCell(value, differs ? 'differs' : '');
  const scalarLoss = section.functionKind === 'loss' && ok.every((column) => column.value.data.length === 1);
  const length = section.input.data.length;
  const sameTargetShape = section.yTrue && section.yTrue.data.length === length;
  const elementwiseValues = !scalarLoss && ok.every((column) => column.value.data.length === length);
  const inputHeader = section.functionKind === 'activation' ? 'x' : 'y_pred';
  // One table per quantity keeps each narrow: the inputs, then one column per framework.
  const perFramework = (heading: string, marks: Uint8Array, values: (column: (typeof ok)[number]) => Float64Array) => {
    const rows: string[] = [];
    for (let i = 0; i < Math.min(length, MAX_TABLE_ROWS); i++) {
      rows.push(`<tr><td class="index">${indexLabel(section.input, i)}</td>${sameTargetShape ? numCell(section.yTrue!.data[i]) : ''}${numCell(section.input.data[i])}${ok.map((column) => cell(values(column)[i], marks[i] === 1)).join('')}</tr>`);
    }
    return `<div><h3>${escapeHtml(heading)}</h3>
<table class="values"><thead><tr><th>#</th>${sameTargetShape ? '<th>y_true</th>' : ''}<th>${inputHeader}</th>${header}</tr></thead><tbody>${rows.join('')}</tbody></table>
${truncationNote(length)}</div>`;
  };
  const tables: string[] = [];
  if (scalarLoss) {
    tables.push(`<div><h3>${escapeHtml(vscode.l10n.t('Loss ({0})', section.reduction ?? 'mean'))}</h3>
<table class="values"><thead><tr>${header}</tr></thead><tbody><tr>${ok.map((column) => cell(column.value.data[0], valueMarks[0] === 1)).join('')}</tr></tbody></table></div>`);
  } else if (elementwiseValues) {
    tables.push(perFramework(section.functionKind === 'activation' ? vscode.l10n.t('Values f(x)') : vscode.l10n.t('Loss terms'), valueMarks, (column) => column.value.data));
  }
  tables.push(perFramework(section.functionKind === 'activation' ? vscode.l10n.t('Derivatives f′(x)') : vscode.l10n.t('Gradient with respect to y_pred'), gradMarks, (column) => column.grad.data));
  const countMarks = (marks: Uint8Array) => marks.reduce((sum, mark) => sum + mark, 0);
  const summary = vscode.l10n.t('Values differ at {0} of {1} positions and derivatives at {2} of {3}; highlighted where frameworks disagree by more than {4} (relative).',
    countMarks(valueMarks), valueMarks.length, countMarks(gradMarks), gradMarks.length, AGREEMENT_RTOL.toExponential());
  const failures = failed.map((column) => `<li>✗ ${escapeHtml(FRAMEWORK_LABELS[column.framework])}: ${escapeHtml(column.error)}</li>`).join('');
  const notes = section.notes.map((note) => `<li><strong>${escapeHtml(note.frameworks.join(', '))}</strong>: ${escapeHtml(note.text)}</li>`).join('');
  return `<section class="result" id="section-${index}" data-kind="compare">
${heading(section.title, section.id, section.label)}
${formulaBlock(section.formula, section.derivativeFormula)}
<p class="summary">${escapeHtml(summary)}</p>
${failures ? `<ul class="warnings">${failures}</ul>` : ''}
${paramsTable}
<div class="tables">${tables.join('')}</div>
${notes ? `<ul class="notes">${notes}</ul>` : ''}
</section>`;
}

function renderForeign(section: ForeignSection, index: number): string {
  const kindText = section.fileKind === 'keras-model' ? vscode.l10n.t('Keras model') : vscode.l10n.t('Training configuration');
  const rows = section.findings.slice(0, MAX_TABLE_ROWS).map((finding, item) => {
    const params = Object.entries(finding.params).map(([name, value]) => `<code>${escapeHtml(name)}=${paramText(value, finding.framework ?? 'torch')}</code>`);
    if (finding.reduction) params.push(`<code>reduction=${escapeHtml(finding.reduction)}</code>`);
    const fn = finding.title
      ? `<strong>${escapeHtml(finding.title)}</strong> <code>${escapeHtml(finding.id ?? '')}</code><div class="formula">${escapeHtml(finding.formula ?? '')}</div>`
      : `<span class="muted">${escapeHtml(vscode.l10n.t('not in the catalog'))}</span>`;
    const kind = finding.kind === 'activation' ? vscode.l10n.t('activation') : vscode.l10n.t('loss');
    return `<tr><td>${escapeHtml(kind)}</td><td><code>${escapeHtml(finding.name)}</code><div class="muted">${escapeHtml(finding.path)}</div></td><td>${fn}</td><td>${params.join(' ') || '—'}</td><td>${button(index, 'reveal', vscode.l10n.t('Go to'), { item })}</td></tr>`;
  });
  const problems = section.problems.length === 0 ? '' : `<ul class="warnings">${section.problems.map((problem) => `<li>⚠ ${escapeHtml(problem)}</li>`).join('')}</ul>`;
  return `<section class="result" id="section-${index}" data-kind="foreign">
<h2>${escapeHtml(kindText)}${section.framework ? ` <span class="badge">${escapeHtml(FRAMEWORK_LABELS[section.framework])}</span>` : ''}</h2>
${problems}
<table class="values text"><thead><tr><th>${escapeHtml(vscode.l10n.t('Kind'))}</th><th>${escapeHtml(vscode.l10n.t('Written as'))}</th><th>${escapeHtml(vscode.l10n.t('Function'))}</th><th>${escapeHtml(vscode.l10n.t('Parameters'))}</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>
${truncationNote(section.findings.length)}
</section>`;
}

function renderFailure(section: FailureSection, index: number): string {
  return `<section class="result failure" id="section-${index}" data-kind="failure">
<h2>✗ ${escapeHtml(section.title)}${section.label ? ` <span class="muted">${escapeHtml(section.label)}</span>` : ''}</h2>
<p>${escapeHtml(section.message)}</p>
</section>`;
}

/** One row per section, linking to it, when there are several (a whole evaluation file). */
function summaryTable(sections: readonly ResultSection[]): string {
  if (sections.length < 2) return '';
  const rows = sections.map((section, index) => {
    const link = `<a href="#section-${index}">${escapeHtml(('label' in section && section.label) || String(index + 1))}</a>`;
    switch (section.kind) {
      case 'activation':
        return `<tr><td>${link}</td><td><code>${escapeHtml(section.id)}</code></td><td>${escapeHtml(FRAMEWORK_LABELS[section.framework])}</td><td><code>${escapeHtml(previewTensor(section.output, 60))}</code></td></tr>`;
      case 'loss': {
        const warned = section.warnings.length > 0 ? ` ⚠ ${section.warnings.length}` : '';
        return `<tr><td>${link}</td><td><code>${escapeHtml(section.id)}</code></td><td>${escapeHtml(FRAMEWORK_LABELS[section.framework])}</td><td><code>${escapeHtml(`${section.reduction} = ${previewTensor(section.value, 60)}`)}</code>${escapeHtml(warned)}</td></tr>`;
      }
      case 'failure':
        return `<tr><td>${link}</td><td><code>${escapeHtml(section.title)}</code></td><td></td><td class="error">✗ ${escapeHtml(section.message)}</td></tr>`;
      case 'compare':
      case 'foreign':
        return '';
    }
  });
  return `<table class="values text"><thead><tr><th>${escapeHtml(vscode.l10n.t('Entry'))}</th><th>${escapeHtml(vscode.l10n.t('Function'))}</th><th>${escapeHtml(vscode.l10n.t('Framework'))}</th><th>${escapeHtml(vscode.l10n.t('Result'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderSection(section: ResultSection, index: number, fromSelection: boolean): string {
  switch (section.kind) {
    case 'activation':
      return renderActivation(section, index, fromSelection);
    case 'loss':
      return renderLoss(section, index, fromSelection);
    case 'compare':
      return renderCompare(section, index);
    case 'foreign':
      return renderForeign(section, index);
    case 'failure':
      return renderFailure(section, index);
  }
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 24px; }
h1 { font-size: 1.3em; margin: 12px 0 4px; }
h2 { font-size: 1.15em; margin: 0 0 6px; }
h3 { font-size: 1em; margin: 12px 0 4px; }
code, .formula, td { font-family: var(--vscode-editor-font-family); }
.muted { color: var(--vscode-descriptionForeground); }
.badge { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); border-radius: 3px; padding: 0 6px; }
section.result { border-top: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); padding: 12px 0; }
section.failure h2, section.failure p { color: var(--vscode-errorForeground); }
.formula { margin: 2px 0; }
.params code { margin-right: 8px; }
dl.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 4px 16px; margin: 8px 0; }
dl.stats div { display: flex; justify-content: space-between; gap: 8px; border-bottom: 1px dotted var(--vscode-editorWidget-border); }
dl.stats dt { color: var(--vscode-descriptionForeground); }
dl.stats dd { margin: 0; font-family: var(--vscode-editor-font-family); white-space: nowrap; }
td.error { color: var(--vscode-errorForeground); }
a { color: var(--vscode-textLink-foreground); }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 6px 0; }
.actions .muted { min-width: 6em; }
button { background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground)); border: 1px solid var(--vscode-button-border, transparent); padding: 2px 10px; cursor: pointer; font-family: var(--vscode-font-family); }
button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-hoverBackground)); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
table.values { border-collapse: collapse; margin: 4px 0; }
table.values th, table.values td { border: 1px solid var(--vscode-editorWidget-border); padding: 1px 8px; text-align: right; white-space: nowrap; }
table.values th { background: var(--vscode-editorWidget-background); font-family: var(--vscode-font-family); }
td.index { color: var(--vscode-descriptionForeground); }
td.state { text-align: left; color: var(--vscode-descriptionForeground); font-family: var(--vscode-font-family); }
table.text td, table.text th { text-align: left; white-space: normal; vertical-align: top; }
tr.dead td { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
tr.saturated td.state { color: var(--vscode-editorWarning-foreground); }
.differs { background: var(--vscode-diffEditor-removedTextBackground, rgba(255, 0, 0, 0.15)); font-weight: 600; }
tr.differs td { background: var(--vscode-diffEditor-removedTextBackground, rgba(255, 0, 0, 0.15)); }
ul.warnings { color: var(--vscode-editorWarning-foreground); padding-left: 18px; }
ul.notes { color: var(--vscode-descriptionForeground); padding-left: 18px; }
.loss-value { font-size: 1.15em; }
.tables { display: flex; flex-wrap: wrap; gap: 24px; }
`;

/** Posts a click on an action button as a message; the host checks it with `isResultsWebviewMessage`. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
const resultId = Number(document.body.dataset.resultId);
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!target) return;
  const message = { type: 'action', resultId, section: Number(target.dataset.section), action: target.dataset.action };
  if (target.dataset.format) message.format = target.dataset.format;
  if (target.dataset.part) message.part = target.dataset.part;
  if (target.dataset.item) message.item = Number(target.dataset.item);
  vscode.postMessage(message);
});
`;

/** The whole page for a set of results. */
export function renderResultsHtml(results: PublishedResults, options: { readonly nonce: string; readonly language: string }): string {
  const fromSelection = results.target !== undefined;
  const csp = [`default-src 'none'`, `style-src 'nonce-${options.nonce}'`, `script-src 'nonce-${options.nonce}'`].join('; ');
  const sections = results.sections.map((section, index) => renderSection(section, index, fromSelection)).join('\n');
  return `<!DOCTYPE html>
<html lang="${options.language === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(vscode.l10n.t('Formula Lens Results'))}</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body data-result-id="${results.id}">
<h1>${escapeHtml(results.title)}</h1>
<p class="muted">${escapeHtml(vscode.l10n.t('Computed in {0} ms', Math.max(1, Math.round(results.durationMs))))}</p>
${summaryTable(results.sections)}
${sections}
<script nonce="${options.nonce}">${SCRIPT}</script>
</body>
</html>`;
}
