/**
 * Importing the user's own data: the text of a workspace CSV/JSON file or of an editor selection (sent by
 * the host) is read into a table, the user picks the feature and label columns, and rows that cannot be used
 * are listed with their line numbers. Data with bad rows is used only after the user agrees to skip them.
 */
import * as l10n from '@vscode/l10n';
import { extractData, readDataTable, suggestColumns, type ColumnChoice, type DataTable, type ExtractedData } from '../src/core/data/index';
import { FormulaLensError, localize } from '../src/core/l10n';
import type { DataTextMessage } from '../src/protocol/trainingPanel';
import { button, el, replaceChildren, select, uniqueId } from './dom';
import { errorText } from './functions';

/** Rows listed at most; the rest are counted. */
const SHOWN_PROBLEMS = 12;

/** What an accepted import gives the tab. */
export interface ImportedData {
  readonly source: 'file' | 'selection';
  readonly name: string;
  readonly points: number[][];
  readonly labels: number[];
  readonly classNames: readonly string[] | null;
}

/** The import panel: column choice, preview and bad rows, and the button that uses the data. */
export class DataImportView {
  readonly element = el('div', { class: 'data-import', 'data-testid': 'data-import' });
  private table: DataTable | null = null;
  private message: DataTextMessage | null = null;
  private choice: ColumnChoice | null = null;

  constructor(private readonly onAccept: (data: ImportedData) => void) {}

  /** Reads text the host sent; errors (a malformed file or literal) are shown with their line. */
  load(message: DataTextMessage): void {
    this.message = message;
    this.table = null;
    this.choice = null;
    try {
      this.table = readDataTable(message.text, message.source, message.name, message.firstLine);
      this.choice = suggestColumns(this.table);
    } catch (error) {
      const text = error instanceof FormulaLensError && error.position
        ? l10n.t('Line {0}: {1}', message.firstLine + error.position.line + 1, localize(error.text, error.args))
        : errorText(error);
      replaceChildren(this.element, el('p', { class: 'error', role: 'alert' }, l10n.t('{0} cannot be used as data. {1}', message.name || l10n.t('The selection'), text)));
      return;
    }
    this.render();
  }

  /** Hides the panel (the data source changed). */
  clear(): void {
    this.table = null;
    this.message = null;
    replaceChildren(this.element);
  }

  private render(): void {
    const table = this.table;
    const message = this.message;
    const choice = this.choice;
    if (!table || !message || !choice) return;
    const featureBoxes = table.columns.map((name, index) => {
      const id = uniqueId('feature');
      const input = el('input', { type: 'checkbox', id, 'data-focus-key': `feature-${index}` });
      input.checked = choice.features.includes(index);
      input.disabled = index === choice.label;
      input.addEventListener('change', () => {
        const features = input.checked ? [...choice.features, index].sort((a, b) => a - b) : choice.features.filter((column) => column !== index);
        this.choice = { ...choice, features };
        this.render();
      });
      return el('span', { class: 'field check' }, input, el('label', { for: id }, name));
    });
    const label = select(table.columns.map((name, index) => ({ value: String(index), label: name })), String(choice.label), { 'data-focus-key': 'label-column', 'aria-label': l10n.t('Label column') });
    label.addEventListener('change', () => {
      const index = Number(label.value);
      this.choice = { label: index, features: choice.features.filter((column) => column !== index) };
      this.render();
    });
    let extracted: ExtractedData | null = null;
    let problem = '';
    try {
      extracted = extractData(table, choice);
    } catch (error) {
      problem = errorText(error);
    }
    const children: (Node | null)[] = [
      el('p', { class: 'hint' }, l10n.t('{0}: {1} rows, {2} columns.', message.name || l10n.t('Selection'), table.rows.length + table.problems.length, table.columns.length)),
      el('fieldset', { class: 'columns' }, el('legend', {}, l10n.t('Features (x₁ and x₂ are drawn)')), ...featureBoxes),
      el('div', { class: 'field' }, el('label', {}, l10n.t('Label')), label),
    ];
    if (problem) children.push(el('p', { class: 'error', role: 'alert' }, problem));
    if (extracted) children.push(...this.summary(extracted));
    replaceChildren(this.element, ...children);
  }

  private summary(extracted: ExtractedData): Node[] {
    const nodes: Node[] = [];
    const usable = extracted.points.length;
    const bad = extracted.badRows;
    if (extracted.classNames) nodes.push(el('p', { class: 'hint' }, l10n.t('Labels are class names: {0}.', extracted.classNames.slice(0, 12).join(', ') + (extracted.classNames.length > 12 ? ', …' : ''))));
    if (bad.length > 0) {
      const items = bad.slice(0, SHOWN_PROBLEMS).map((row) => el('li', {}, l10n.t('Line {0}: {1}', row.line, localize(row.text, row.args))));
      if (bad.length > SHOWN_PROBLEMS) items.push(el('li', {}, l10n.t('… and {0} more', bad.length - SHOWN_PROBLEMS)));
      nodes.push(el('div', { class: 'bad-rows', role: 'alert', 'data-testid': 'bad-rows' },
        el('p', { class: 'warning' }, l10n.t('{0} of {1} rows cannot be used:', bad.length, extracted.totalRows)),
        el('ul', { class: 'notes' }, ...items)));
    }
    if (usable === 0) {
      nodes.push(el('p', { class: 'error' }, l10n.t('No row can be used: every row has a problem.')));
      return nodes;
    }
    const text = bad.length > 0 ? l10n.t('Skip {0} bad rows and use {1}', bad.length, usable) : l10n.t('Use {0} rows', usable);
    nodes.push(button(text, () => this.accept(extracted), { 'data-focus-key': 'use-data', 'data-testid': 'use-data' }));
    return nodes;
  }

  private accept(extracted: ExtractedData): void {
    const message = this.message;
    if (!message) return;
    this.onAccept({ source: message.source, name: message.name, points: extracted.points, labels: extracted.labels, classNames: extracted.classNames });
    this.clear();
  }
}
