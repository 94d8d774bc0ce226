/**
 * The list of drawn functions shared by the Curves and Loss explorer tabs: a picker to add one, and per
 * row its colour, framework override, parameters, formula, framework notes, a copy-LaTeX button and any
 * problem (bad parameter, unknown name) in words.
 */
import * as l10n from '@vscode/l10n';
import type { CatalogEntry, Framework } from '../src/core/catalog/types';
import { FRAMEWORKS } from '../src/core/catalog/types';
import { localize } from '../src/core/l10n';
import { LIMITS, type PanelParamValue, type PlottedFunction, type SavedFormula } from '../src/protocol/playground';
import { button, el, select, type Child } from './dom';
import type { FormulaTexts, Resolved } from './functions';
import { paramEditors } from './paramControls';

/** What a row shows once resolved. */
export interface RowInfo {
  readonly label: string;
  readonly formula: FormulaTexts;
  readonly entry?: CatalogEntry;
}

/** Options of the row list. */
export interface FunctionRowsOptions {
  readonly kind: 'activation' | 'loss';
  readonly rows: readonly PlottedFunction[];
  /** The rows at event time (parameter edits do not rebuild the controls, so captured rows go stale). */
  readonly currentRows: () => readonly PlottedFunction[];
  readonly panelFramework: Framework;
  /** Catalog entries offered by the picker. */
  readonly catalog: readonly CatalogEntry[];
  readonly savedFormulas: readonly SavedFormula[];
  readonly colorOf: (index: number) => string;
  readonly resolve: (row: PlottedFunction) => Resolved<RowInfo>;
  /** Extra content under a row (e.g. why a loss cannot be drawn for this target). */
  readonly noteFor?: (row: PlottedFunction, index: number) => string | undefined;
  /** New rows; `structural` is false for parameter edits (the controls already show the value). */
  readonly onChange: (rows: PlottedFunction[], structural: boolean) => void;
  readonly onCopyLatex: (latex: string) => void;
}

/** Display name of a framework profile. */
export function frameworkLabel(framework: Framework): string {
  switch (framework) {
    case 'torch':
      return 'PyTorch';
    case 'keras':
      return 'Keras 3';
    case 'tfjs':
      return 'TF.js';
  }
}

function picker(options: FunctionRowsOptions): HTMLElement {
  const catalogGroup = options.kind === 'activation' ? l10n.t('Built-in activations') : l10n.t('Built-in losses');
  const customGroup = l10n.t('Custom formulas');
  const choices = [
    ...options.catalog.map((entry) => ({ value: `catalog:${entry.id}`, label: entry.title, group: catalogGroup })),
    ...options.savedFormulas.filter((formula) => formula.kind === options.kind).map((formula) => ({ value: `custom:${formula.name}`, label: formula.name, group: customGroup })),
  ];
  const control = select(choices, choices[0]?.value ?? '', { 'aria-label': options.kind === 'activation' ? l10n.t('Activation to add') : l10n.t('Loss to add'), 'data-focus-key': `add-${options.kind}` });
  const full = options.rows.length >= LIMITS.plotted;
  const add = button(l10n.t('Add'), () => {
    const [kind, ...rest] = control.value.split(':');
    const name = rest.join(':');
    if (!name) return;
    const row: PlottedFunction = kind === 'custom' ? { source: { kind: 'custom', name }, framework: null, params: {} } : { source: { kind: 'catalog', id: name }, framework: null, params: {} };
    options.onChange([...options.currentRows(), row], true);
  }, { disabled: full || choices.length === 0, 'data-focus-key': `add-button-${options.kind}` });
  return el('div', { class: 'picker' }, control, add, full ? el('span', { class: 'hint' }, l10n.t('At most {0} at once.', LIMITS.plotted)) : null);
}

function rowView(options: FunctionRowsOptions, row: PlottedFunction, index: number): HTMLElement {
  const resolved = options.resolve(row);
  const replace = (change: (current: PlottedFunction) => PlottedFunction, structural: boolean) => {
    const rows = options.currentRows();
    const current = rows[index];
    if (current) options.onChange(rows.map((item, i) => (i === index ? change(item) : item)), structural);
  };
  const name = resolved.ok ? resolved.value.label : row.source.kind === 'catalog' ? row.source.id : row.source.name;
  const key = `${options.kind}-row-${index}`;
  const remove = button('×', () => options.onChange(options.currentRows().filter((_, i) => i !== index), true), { class: 'icon', 'aria-label': l10n.t('Remove {0}', name), title: l10n.t('Remove'), 'data-focus-key': `${key}-remove` });
  const frameworkChoices = [{ value: '', label: l10n.t('Panel framework ({0})', frameworkLabel(options.panelFramework)) }, ...FRAMEWORKS.map((framework) => ({ value: framework, label: frameworkLabel(framework) }))];
  const frameworkSelect = select(frameworkChoices, row.framework ?? '', { 'aria-label': l10n.t('Framework for {0}', name), 'data-focus-key': `${key}-framework` });
  frameworkSelect.addEventListener('change', () => replace((current) => ({ ...current, framework: (frameworkSelect.value || null) as Framework | null }), true));
  const header = el('div', { class: 'row-header' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('strong', {}, name), remove);
  const parts: Child[] = [header, frameworkSelect];
  const status = el('p', { class: 'row-status', 'data-row-status': index });
  showStatus(status, resolved);
  parts.push(status);
  const info = resolved.ok ? resolved.value : undefined;
  const entry = info?.entry;
  const framework = row.framework ?? options.panelFramework;
  if (entry) {
    const onParam = (name: string, value: PanelParamValue | undefined) => replace((current) => {
      const params: Record<string, PanelParamValue> = { ...current.params };
      if (value === undefined) delete params[name];
      else params[name] = value;
      return { ...current, params };
    }, false);
    const editors = paramEditors(entry.params, framework, row.params, onParam, `${key}-param`);
    if (editors) {
      parts.push(editors, button(l10n.t('Reset parameters'), () => replace((current) => ({ ...current, params: {} }), true), { class: 'link', 'data-focus-key': `${key}-reset` }));
    }
  }
  if (info) {
    parts.push(el('div', { class: 'formula', 'aria-label': l10n.t('Formula') }, el('div', {}, info.formula.text), el('div', { class: 'derivative' }, info.formula.derivativeText)));
    parts.push(button(l10n.t('Copy LaTeX'), () => options.onCopyLatex(info.formula.latex), { class: 'secondary', 'data-focus-key': `${key}-latex` }));
  }
  if (entry) {
    const notes = entry.notes.filter((note) => note.frameworks.includes(framework)).map((note) => el('li', {}, localize(note.text)));
    const native = entry.frameworks.includes(framework) ? null : el('p', { class: 'hint' }, l10n.t('Not built into {0}; drawn with the definition of {1}.', frameworkLabel(framework), entry.frameworks.map(frameworkLabel).join(', ')));
    parts.push(el('details', {}, el('summary', {}, l10n.t('About')), el('p', {}, localize(entry.description)), native, notes.length > 0 ? el('ul', { class: 'notes' }, ...notes) : null));
  }
  const note = options.noteFor?.(row, index);
  if (note) parts.push(el('p', { class: 'warning' }, note));
  const element = el('div', { class: 'row', role: 'group', 'aria-label': name }, ...parts);
  const swatch = element.querySelector<HTMLElement>('.swatch');
  // CSP forbids inline style attributes; the CSSOM property is allowed.
  if (swatch) swatch.style.backgroundColor = options.colorOf(index);
  return element;
}

function showStatus(status: HTMLElement, resolved: Resolved<RowInfo>): void {
  const message = resolved.ok ? '' : resolved.message;
  if (status.textContent === message) return;
  status.textContent = message;
  status.classList.toggle('error', !resolved.ok && !resolved.pending);
  status.classList.toggle('hint', !resolved.ok && resolved.pending === true);
  if (!resolved.ok && !resolved.pending) status.setAttribute('role', 'alert');
  else status.removeAttribute('role');
}

/** Updates each row's problem text after an edit that did not rebuild the rows (a parameter out of range). */
export function refreshRowStatus(container: HTMLElement, rows: readonly PlottedFunction[], resolve: (row: PlottedFunction) => Resolved<RowInfo>): void {
  rows.forEach((row, index) => {
    const status = container.querySelector<HTMLElement>(`[data-row-status="${index}"]`);
    if (status) showStatus(status, resolve(row));
  });
}

/** Renders the picker and the rows. */
export function functionRows(options: FunctionRowsOptions): HTMLElement {
  return el('div', { class: 'function-rows' }, picker(options), ...options.rows.map((row, index) => rowView(options, row, index)));
}

/** Rebuilds a container's content and puts keyboard focus back on the control that had it. */
export function rebuildKeepingFocus(container: HTMLElement, build: () => Node): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset['focusKey'] ?? active.id : undefined;
  container.replaceChildren(build());
  if (!key) return;
  const again = container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) ?? container.querySelector<HTMLElement>(`#${CSS.escape(key)}`);
  again?.focus();
}
