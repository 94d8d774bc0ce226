/**
 * The Custom formulas tab: type an activation in x or a loss in y (target) and p (prediction), see its
 * symbolic derivative and its curve, save it to `formulaLens.customFormulas` and draw it next to the
 * built-in functions. Compile errors point at the place in the text.
 */
import * as l10n from '@vscode/l10n';
import { linspace, sampleCurve } from '../src/core/curves';
import { sweepLoss } from '../src/core/lossCurves';
import { LIMITS, isFormulaName, type FormulaDraft, type PlottedFunction, type SavedFormula } from '../src/protocol/playground';
import { button, el, labelled, replaceChildren, select } from './dom';
import { copyLatex } from './exporters';
import type { CompiledFormula, FormulaLibrary, FormulaProblem } from './formulaLibrary';
import { postToHost } from './hostBridge';
import { applyChartTheme, axisOptions, createLineChart, lineDataset, toPoints, type LineChart, type PlotOverlay } from './plot';
import type { PlaygroundStore } from './state';
import { seriesColor, type ChartTheme } from './theme';

const SAMPLES = 601;
/** Wait this long after the last keystroke before compiling (mathjs derivative + simplify take a few ms). */
const COMPILE_DELAY_MS = 200;

/** The Custom formulas tab. */
export class FormulaView {
  readonly element: HTMLElement;
  private readonly kindSelect: HTMLSelectElement;
  private readonly nameInput = el('input', { type: 'text', maxlength: LIMITS.formulaName, spellcheck: 'false', 'data-focus-key': 'formula-name' });
  private readonly textInput = el('textarea', { rows: 3, maxlength: LIMITS.formulaText, spellcheck: 'false', class: 'formula-input', 'aria-describedby': 'formula-status' });
  private readonly status = el('div', { id: 'formula-status', class: 'formula-status', 'aria-live': 'polite' });
  private readonly derivative = el('div', { class: 'formula derivative-box' });
  private readonly saveButton: HTMLButtonElement;
  private readonly drawButton: HTMLButtonElement;
  private readonly copyButton: HTMLButtonElement;
  private readonly savedList = el('div', { class: 'saved' });
  private readonly canvas = el('canvas', { role: 'img' });
  private readonly chart: LineChart;
  private readonly overlay: PlotOverlay;
  private compiled: CompiledFormula | undefined;
  private compileTimer: ReturnType<typeof setTimeout> | undefined;
  private compileGeneration = 0;
  private lastSaved: readonly SavedFormula[] | undefined;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly formulas: FormulaLibrary,
    theme: ChartTheme,
  ) {
    const draft = store.current.draft;
    this.overlay = { theme, crosshairX: undefined, strips: [] };
    this.kindSelect = select([
      { value: 'activation', label: l10n.t('Activation f(x)') },
      { value: 'loss', label: l10n.t('Loss L(y, p)') },
    ], draft.kind, { 'data-focus-key': 'formula-kind' });
    this.nameInput.value = draft.name;
    this.textInput.value = draft.text;
    this.textInput.setAttribute('placeholder', draft.kind === 'activation' ? 'x * sigmoid(1.702 * x)' : '(y - p)^2');
    this.saveButton = button(l10n.t('Save'), () => this.save(false), { 'data-focus-key': 'formula-save' });
    this.drawButton = button(l10n.t('Save and draw'), () => this.save(true), { class: 'secondary', 'data-focus-key': 'formula-draw' });
    this.copyButton = button(l10n.t('Copy LaTeX'), () => this.compiled && copyLatex(this.compiled.texts.latex), { class: 'secondary', disabled: true, 'data-focus-key': 'formula-latex' });
    this.kindSelect.addEventListener('change', () => {
      this.textInput.setAttribute('placeholder', this.kindSelect.value === 'activation' ? 'x * sigmoid(1.702 * x)' : '(y - p)^2');
      this.commitDraft();
      this.compileNow();
    });
    this.nameInput.addEventListener('input', () => {
      this.commitDraft();
      this.updateButtons();
    });
    this.textInput.addEventListener('input', () => {
      this.commitDraft();
      this.scheduleCompile();
    });
    const help = el('p', { class: 'hint' }, l10n.t('An activation is an expression in x; a loss is an expression in y (the target) and p (the prediction), differentiated with respect to p. Use + − * / ^, numbers, pi, e, math functions (exp, log, sqrt, tanh, erf, abs, min, max...) and activations (sigmoid, relu, softplus, gelu...).'));
    const editor = el('div', { class: 'controls' },
      labelled(l10n.t('Kind'), this.kindSelect),
      labelled(l10n.t('Name'), this.nameInput, l10n.t('A letter or _, then letters, digits or _; shown in the pickers.')),
      labelled(l10n.t('Formula'), this.textInput),
      this.status,
      help,
      el('div', { class: 'toolbar' }, this.saveButton, this.drawButton, this.copyButton),
      el('h3', {}, l10n.t('Saved formulas')),
      this.savedList);
    this.element = el('div', { class: 'layout' },
      editor,
      el('div', { class: 'plot' }, el('h3', {}, l10n.t('Derivative')), this.derivative, el('div', { class: 'chart-box small' }, this.canvas)));
    this.chart = createLineChart(this.canvas, this.overlay);
    this.renderSaved();
    this.compileNow();
  }

  /** Redraws the saved list when the setting changes. */
  render(): void {
    if (this.lastSaved !== this.store.savedFormulas) this.renderSaved();
    this.updateButtons();
  }

  /** Applies a new theme and redraws. */
  retheme(theme: ChartTheme): void {
    this.overlay.theme = theme;
    this.drawPreview();
  }

  private draft(): FormulaDraft {
    return { kind: this.kindSelect.value === 'loss' ? 'loss' : 'activation', name: this.nameInput.value.slice(0, LIMITS.formulaName), text: this.textInput.value.slice(0, LIMITS.formulaText) };
  }

  private commitDraft(): void {
    const draft = this.draft();
    this.store.update((state) => ({ ...state, draft }));
  }

  private scheduleCompile(): void {
    if (this.compileTimer !== undefined) clearTimeout(this.compileTimer);
    this.compileTimer = setTimeout(() => this.compileNow(), COMPILE_DELAY_MS);
  }

  private compileNow(): void {
    this.compileTimer = undefined;
    const { kind, text } = this.draft();
    const generation = ++this.compileGeneration;
    if (text.trim() === '') {
      this.showResult(undefined, undefined);
      return;
    }
    if (!this.formulas.ready) replaceChildren(this.status, el('span', { class: 'hint' }, l10n.t('Loading the formula compiler…')));
    this.formulas.compileDraft(kind, text).then(
      (result) => {
        if (generation !== this.compileGeneration) return;
        if (result.ok) this.showResult(result.formula, undefined);
        else this.showResult(undefined, result.problem);
      },
      () => {
        if (generation !== this.compileGeneration) return;
        this.showResult(undefined, { message: l10n.t('The formula compiler could not be loaded.') });
      },
    );
  }

  private showResult(formula: CompiledFormula | undefined, problem: FormulaProblem | undefined): void {
    this.compiled = formula;
    this.textInput.setAttribute('aria-invalid', String(problem !== undefined));
    if (problem) {
      const text = this.textInput.value;
      const start = problem.start ?? -1;
      const marker = start >= 0 && start <= text.length
        ? el('pre', { class: 'marker', 'aria-hidden': 'true' }, `${text}\n${' '.repeat(start)}${'^'.repeat(Math.max(1, Math.min(text.length, problem.end ?? start + 1) - start))}`)
        : null;
      replaceChildren(this.status, el('p', { class: 'error', role: 'alert' }, start >= 0 ? l10n.t('Column {0}: {1}', start + 1, problem.message) : problem.message), marker);
    } else {
      replaceChildren(this.status);
    }
    replaceChildren(this.derivative, formula ? el('div', {}, el('div', { 'data-formula': 'text' }, formula.texts.text), el('div', { 'data-formula': 'derivative' }, formula.texts.derivativeText)) : null);
    this.updateButtons();
    this.drawPreview();
  }

  private updateButtons(): void {
    const canSave = this.compiled !== undefined && isFormulaName(this.nameInput.value);
    this.saveButton.disabled = !canSave;
    this.copyButton.disabled = this.compiled === undefined;
    this.drawButton.disabled = !canSave;
    this.nameInput.setAttribute('aria-invalid', String(this.nameInput.value !== '' && !isFormulaName(this.nameInput.value)));
  }

  private drawPreview(): void {
    const theme = this.overlay.theme;
    const formula = this.compiled;
    const datasets = [];
    let xTitle = 'x';
    if (formula?.curve) {
      const samples = sampleCurve(formula.curve, linspace(-6, 6, SAMPLES));
      datasets.push(lineDataset('f(x)', toPoints(samples.xs, samples.values), seriesColor(theme, 0), theme), lineDataset("f′(x)", toPoints(samples.xs, samples.derivatives), seriesColor(theme, 0), theme, { dashed: true }));
    } else if (formula?.loss) {
      xTitle = 'p';
      const xs = linspace(0, 1, SAMPLES);
      [1, 0].forEach((label, i) => {
        const sweep = sweepLoss(formula.loss!, { problem: 'binary', label: label as 0 | 1 }, 'mean', xs);
        datasets.push(lineDataset(`L(y=${label}, p)`, toPoints(xs, sweep.values), seriesColor(theme, i), theme), lineDataset(`∂L/∂p (y=${label})`, toPoints(xs, sweep.gradients), seriesColor(theme, i), theme, { dashed: true }));
      });
    }
    this.chart.data.datasets = datasets;
    this.chart.options.scales = { x: { type: 'linear', ...axisOptions(theme, xTitle) }, y: { type: 'linear', ...axisOptions(theme, '') } };
    applyChartTheme(this.chart, theme);
    this.chart.update('none');
    this.canvas.setAttribute('aria-label', formula ? l10n.t('Preview of {0} and its derivative', formula.texts.text) : l10n.t('No formula yet'));
  }

  private save(draw: boolean): void {
    const draft = this.draft();
    if (!this.compiled || !isFormulaName(draft.name)) return;
    const formula: SavedFormula = { name: draft.name, kind: draft.kind, formula: draft.text };
    postToHost({ type: 'saveFormula', formula });
    // Show it at once; the host's settings change confirms it a moment later.
    this.store.setSavedFormulas([...this.store.savedFormulas.filter((item) => item.name !== formula.name), formula]);
    if (draw) this.drawFormula(formula);
  }

  private drawFormula(formula: SavedFormula): void {
    const row: PlottedFunction = { source: { kind: 'custom', name: formula.name }, framework: null, params: {} };
    const notRow = (item: PlottedFunction) => !(item.source.kind === 'custom' && item.source.name === formula.name);
    this.store.update((state) => formula.kind === 'activation'
      ? { ...state, tab: 'curves', curves: { ...state.curves, functions: [...state.curves.functions.filter(notRow), row].slice(-LIMITS.plotted) } }
      : { ...state, tab: 'loss', loss: { ...state.loss, losses: [...state.loss.losses.filter(notRow), row].slice(-LIMITS.plotted) } });
  }

  private renderSaved(): void {
    this.lastSaved = this.store.savedFormulas;
    const items = this.store.savedFormulas.map((formula) => el('li', {},
      el('strong', {}, formula.name), ' ',
      el('span', { class: 'hint' }, formula.kind === 'activation' ? l10n.t('activation') : l10n.t('loss')), ' ',
      el('code', {}, formula.formula), ' ',
      button(l10n.t('Edit'), () => this.edit(formula), { class: 'link', 'aria-label': l10n.t('Edit {0}', formula.name) }),
      button(l10n.t('Draw'), () => this.drawFormula(formula), { class: 'link', 'aria-label': l10n.t('Draw {0}', formula.name) }),
      button(l10n.t('Delete'), () => postToHost({ type: 'deleteFormula', name: formula.name }), { class: 'link', 'aria-label': l10n.t('Delete {0}', formula.name) })));
    replaceChildren(this.savedList, items.length > 0 ? el('ul', {}, ...items) : el('p', { class: 'hint' }, l10n.t('None yet. Saved formulas are stored in the setting formulaLens.customFormulas.')));
  }

  private edit(formula: SavedFormula): void {
    this.kindSelect.value = formula.kind;
    this.nameInput.value = formula.name;
    this.textInput.value = formula.formula;
    this.commitDraft();
    this.compileNow();
    this.textInput.focus();
  }
}
