/**
 * The Loss explorer tab: for a target (a binary label, a class of a one-hot target, or a value), the loss
 * and its gradient as the prediction sweeps its range, several losses overlaid, optionally through an
 * output activation so the x axis is the logit z (MSE vs cross-entropy on sigmoid outputs). Each loss
 * keeps its framework's semantics, so Keras's 1e-7 clip and torch's -100 clamp show at the edges.
 */
import * as l10n from '@vscode/l10n';
import { resolveParams } from '../src/core/catalog/params';
import { CATALOG, resolveName } from '../src/core/catalog/registry';
import type { ActivationEntry, Reduction } from '../src/core/catalog/types';
import { linspace } from '../src/core/curves';
import { defaultSweepRange, sweepIncompatibility, sweepLoss, type LossSweep, type OutputActivation } from '../src/core/lossCurves';
import { tensor } from '../src/core/tensor';
import { LIMITS, LOSS_PROBLEMS, PANEL_REDUCTIONS, type LossExplorerState, type LossProblem, type PlottedFunction } from '../src/protocol/playground';
import { sweepTargetOf } from '../src/protocol/playgroundState';
import { button, checkbox, el, labelled, replaceChildren, select } from './dom';
import { copyLatex, exportCsv, exportPng } from './exporters';
import { formatValue } from './format';
import type { FormulaLibrary } from './formulaLibrary';
import { catalogLosses, errorText, resolveLossRow, type Resolved, type ResolvedLoss } from './functions';
import { functionRows, rebuildKeepingFocus, refreshRowStatus } from './functionRows';
import { applyChartTheme, axisOptions, createLineChart, lineDataset, toPoints, type LineChart, type PlotOverlay } from './plot';
import type { PlaygroundStore } from './state';
import { seriesColor, type ChartTheme } from './theme';

const SAMPLES = 801;

interface DrawnLoss {
  readonly resolved: ResolvedLoss;
  readonly sweep: LossSweep;
  readonly reduction: Reduction;
  readonly color: string;
}

function problemLabel(problem: LossProblem): string {
  switch (problem) {
    case 'binary':
      return l10n.t('Binary (y_true = 0 or 1)');
    case 'categorical':
      return l10n.t('Categorical (one-hot target)');
    case 'regression':
      return l10n.t('Regression (a target value)');
  }
}

/** Activations usable between a logit vector of this width and the loss: they keep the shape. */
function outputActivations(problem: LossProblem, classCount: number, framework: PlaygroundStore['current']['framework']): ActivationEntry[] {
  const width = problem === 'categorical' ? classCount : 1;
  return CATALOG.filter((entry): entry is ActivationEntry => {
    if (entry.kind !== 'activation') return false;
    try {
      const shape = problem === 'categorical' ? [1, width] : [1];
      const result = entry.evaluate(tensor(new Float64Array(width), shape), { framework, params: resolveParams(entry, framework) });
      return result.value.data.length === width;
    } catch {
      return false;
    }
  });
}

/** The Loss explorer tab. */
export class LossExplorerView {
  readonly element: HTMLElement;
  private readonly controls = el('div', { class: 'controls' });
  private readonly canvas = el('canvas', { tabindex: 0, role: 'img' });
  private readonly readout = el('div', { class: 'readout', 'aria-live': 'off' });
  private readonly notes = el('div', { class: 'notes-box' });
  private readonly emptyHint = el('p', { class: 'hint empty' }, l10n.t('Add a loss to draw it.'));
  private readonly chart: LineChart;
  private readonly overlay: PlotOverlay;
  private drawn: DrawnLoss[] = [];
  /** The sampled x values of the last sweep (shared by every drawn loss). */
  private xs: Float64Array = new Float64Array(0);
  private crosshairX: number;
  private editingInPlace = false;
  private lastKey = '';

  constructor(
    private readonly store: PlaygroundStore,
    private readonly formulas: FormulaLibrary,
    theme: ChartTheme,
  ) {
    const state = store.current.loss;
    this.crosshairX = (state.xMin + state.xMax) / 2;
    this.overlay = { theme, crosshairX: this.crosshairX, strips: [] };
    const toolbar = el('div', { class: 'toolbar' },
      button(l10n.t('Export PNG'), () => exportPng(this.chart, 'formula-lens-losses.png'), { class: 'secondary' }),
      button(l10n.t('Export CSV'), () => this.exportData(), { class: 'secondary' }));
    const why = el('p', { class: 'why' }, l10n.t('Try y_true = 1 with a sigmoid output: as z → −∞ the prediction is confidently wrong. The MSE gradient 2(σ(z) − 1)·σ′(z) vanishes there, while the cross-entropy gradient σ(z) − 1 stays near −1, so cross-entropy keeps learning from confident mistakes. Probability inputs are clipped by Keras to [1e-7, 1 − 1e-7] (loss at most ≈ 16.1) and clamped by PyTorch at log ≥ −100 (loss at most 100), which shows at the edges.'));
    this.element = el('div', { class: 'layout' },
      this.controls,
      el('div', { class: 'plot' }, this.emptyHint, el('div', { class: 'chart-box' }, this.canvas), toolbar, this.readout, this.notes, why));
    this.chart = createLineChart(this.canvas, this.overlay);
    this.canvas.addEventListener('pointermove', (event) => {
      this.readout.setAttribute('aria-live', 'off');
      const x = this.chart.scales['x']?.getValueForPixel(event.offsetX);
      if (x !== undefined && Number.isFinite(x)) this.setCrosshair(x);
    });
    this.canvas.addEventListener('keydown', (event) => this.onKey(event));
    this.render();
  }

  /** Redraws from the store. */
  render(): void {
    const state = this.store.current;
    const key = JSON.stringify([state.framework, state.loss, this.store.savedFormulas, this.formulas.ready]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (!this.editingInPlace) rebuildKeepingFocus(this.controls, () => this.buildControls(state.loss));
    this.compute();
    this.draw();
    refreshRowStatus(this.controls, state.loss.losses, (row) => this.resolveRow(row));
  }

  /** Applies a new theme and redraws. */
  retheme(theme: ChartTheme): void {
    this.overlay.theme = theme;
    this.lastKey = '';
    this.render();
  }

  private resolveRow(row: PlottedFunction): Resolved<ResolvedLoss> {
    return resolveLossRow(row, this.store.current.framework, this.formulas);
  }

  private update(change: (loss: LossExplorerState) => LossExplorerState, inPlace = false): void {
    this.editingInPlace = inPlace;
    try {
      this.store.update((state) => ({ ...state, loss: change(state.loss) }));
    } finally {
      this.editingInPlace = false;
    }
  }

  /** Changes the problem or the activation and moves the range to what suits the new x axis. */
  private updateAxis(change: (loss: LossExplorerState) => LossExplorerState): void {
    this.update((loss) => {
      const next = change(loss);
      const [xMin, xMax] = this.defaultRange(next);
      return { ...next, xMin, xMax };
    });
  }

  private defaultRange(loss: LossExplorerState): readonly [number, number] {
    const target = sweepTargetOf(loss);
    const through = loss.outputActivation !== null;
    const first = loss.losses.map((row) => this.resolveRow(row)).find((resolved) => resolved.ok);
    return defaultSweepRange(target, first?.ok ? first.value.loss.expects : 'probabilities', through);
  }

  private activation(loss: LossExplorerState): OutputActivation | undefined {
    if (loss.outputActivation === null) return undefined;
    const entry = resolveName(loss.outputActivation);
    if (!entry || entry.kind !== 'activation') return undefined;
    const framework = this.store.current.framework;
    return { entry, framework, params: resolveParams(entry, framework) };
  }

  private buildControls(loss: LossExplorerState): HTMLElement {
    const framework = this.store.current.framework;
    const problem = select(LOSS_PROBLEMS.map((value) => ({ value, label: problemLabel(value) })), loss.problem, { 'data-focus-key': 'problem' });
    problem.addEventListener('change', () => this.updateAxis((l) => {
      const next = problem.value as LossProblem;
      return { ...l, problem: next, outputActivation: next === 'regression' ? null : next === 'categorical' ? 'softmax' : 'sigmoid' };
    }));
    const targetFields: HTMLElement[] = [];
    if (loss.problem === 'binary') {
      const label = select([{ value: '1', label: '1' }, { value: '0', label: '0' }], String(loss.binaryTarget), { 'data-focus-key': 'binary-target' });
      label.addEventListener('change', () => this.update((l) => ({ ...l, binaryTarget: label.value === '1' ? 1 : 0 })));
      targetFields.push(labelled(l10n.t('y_true'), label));
    } else if (loss.problem === 'categorical') {
      const classes = el('input', { type: 'number', min: 2, max: LIMITS.classes, step: 1, 'data-focus-key': 'class-count' });
      classes.value = String(loss.classCount);
      classes.addEventListener('change', () => {
        const count = Math.round(classes.valueAsNumber);
        const ok = Number.isInteger(count) && count >= 2 && count <= LIMITS.classes;
        classes.setAttribute('aria-invalid', String(!ok));
        if (ok) this.update((l) => ({ ...l, classCount: count, trueClass: Math.min(l.trueClass, count - 1) }));
      });
      const trueClass = select(Array.from({ length: loss.classCount }, (_, i) => ({ value: String(i), label: String(i) })), String(loss.trueClass), { 'data-focus-key': 'true-class' });
      trueClass.addEventListener('change', () => this.update((l) => ({ ...l, trueClass: Number(trueClass.value) })));
      targetFields.push(labelled(l10n.t('Classes'), classes), labelled(l10n.t('True class'), trueClass));
    } else {
      const value = el('input', { type: 'number', step: 'any', 'data-focus-key': 'regression-target' });
      value.value = String(loss.regressionTarget);
      value.addEventListener('change', () => {
        const target = value.valueAsNumber;
        const ok = Number.isFinite(target) && Math.abs(target) <= LIMITS.range;
        value.setAttribute('aria-invalid', String(!ok));
        if (ok) this.updateAxis((l) => ({ ...l, regressionTarget: target }));
      });
      targetFields.push(labelled(l10n.t('y_true'), value));
    }
    const activations = outputActivations(loss.problem, loss.classCount, framework);
    const activationSelect = select([
      { value: '', label: l10n.t('None: sweep the prediction ŷ') },
      ...activations.map((entry) => ({ value: entry.id, label: entry.title })),
    ], loss.outputActivation === null ? '' : resolveName(loss.outputActivation)?.id ?? '', { 'data-focus-key': 'output-activation' });
    activationSelect.addEventListener('change', () => this.updateAxis((l) => ({ ...l, outputActivation: activationSelect.value || null })));
    const reduction = select(PANEL_REDUCTIONS.map((value) => ({ value, label: value })), loss.reduction, { 'data-focus-key': 'reduction' });
    reduction.addEventListener('change', () => this.update((l) => ({ ...l, reduction: reduction.value as Reduction })));
    const range = el('fieldset', { class: 'range' },
      el('legend', {}, l10n.t('Range')),
      this.rangeField(l10n.t('x from'), loss.xMin, 'loss-x-min', (value) => value < this.store.current.loss.xMax && this.commitInPlace((l) => ({ ...l, xMin: value }))),
      this.rangeField(l10n.t('x to'), loss.xMax, 'loss-x-max', (value) => value > this.store.current.loss.xMin && this.commitInPlace((l) => ({ ...l, xMax: value }))),
      button(l10n.t('Reset range'), () => this.updateAxis((l) => l), { class: 'link', 'data-focus-key': 'loss-reset-range' }));
    const toggles = el('div', { class: 'toggles' },
      checkbox(l10n.t('Show gradients'), loss.showGradient, (checked) => this.commitInPlace((l) => ({ ...l, showGradient: checked }))),
      checkbox(l10n.t('Logarithmic loss axis'), loss.logScale, (checked) => this.commitInPlace((l) => ({ ...l, logScale: checked }))));
    const rows = functionRows({
      kind: 'loss',
      rows: loss.losses,
      currentRows: () => this.store.current.loss.losses,
      panelFramework: framework,
      catalog: catalogLosses().filter((entry) => entry.predictionInputs === 1),
      savedFormulas: this.store.savedFormulas,
      colorOf: (index) => seriesColor(this.overlay.theme, index),
      resolve: (row) => this.resolveRow(row),
      noteFor: (row) => this.noteFor(row),
      onChange: (losses, structural) => this.update((l) => ({ ...l, losses }), !structural),
      onCopyLatex: copyLatex,
    });
    return el('div', {},
      el('fieldset', {}, el('legend', {}, l10n.t('Target')), labelled(l10n.t('Problem'), problem), ...targetFields),
      labelled(l10n.t('Output activation'), activationSelect, l10n.t('With an activation, x is the logit z; losses that take logits get z itself.')),
      labelled(l10n.t('Reduction'), reduction),
      range, toggles, rows);
  }

  private rangeField(label: string, value: number, focusKey: string, commit: (value: number) => boolean): HTMLElement {
    const input = el('input', { type: 'number', step: 'any', 'data-focus-key': focusKey });
    input.value = String(value);
    input.addEventListener('change', () => {
      const parsed = input.valueAsNumber;
      input.setAttribute('aria-invalid', String(!(Number.isFinite(parsed) && Math.abs(parsed) <= LIMITS.range && commit(parsed))));
    });
    return labelled(label, input);
  }

  private commitInPlace(change: (loss: LossExplorerState) => LossExplorerState): true {
    this.update(change, true);
    return true;
  }

  /** Why a row is not drawn, or how its input differs (logits, reduction fallback). */
  private noteFor(row: PlottedFunction): string | undefined {
    const loss = this.store.current.loss;
    const resolved = this.resolveRow(row);
    if (!resolved.ok) return undefined;
    const value = resolved.value;
    const through = loss.outputActivation !== null;
    const problem = sweepIncompatibility({ predictionInputs: value.predictionInputs, targetKind: value.loss.targetKind, expects: value.loss.expects }, loss.problem, through);
    if (problem === 'inputs') return l10n.t('Takes several prediction inputs; not drawn here.');
    if (problem === 'target') return l10n.t('Its target does not fit this problem; pick another problem above.');
    if (problem === 'logProbabilitiesThroughActivation') return l10n.t('Takes log-probabilities; choose "None" as output activation to draw it.');
    const notes: string[] = [];
    if (through && value.loss.expects === 'logits') notes.push(l10n.t('Takes logits: it receives z directly and applies its own activation inside.'));
    if (!value.reductions.includes(loss.reduction)) notes.push(l10n.t('Has no "{0}" reduction; drawn with "mean".', loss.reduction));
    return notes.join(' ') || undefined;
  }

  private reductionFor(resolved: ResolvedLoss): Reduction {
    return resolved.reductions.includes(this.store.current.loss.reduction) ? this.store.current.loss.reduction : 'mean';
  }

  private compute(): void {
    const loss = this.store.current.loss;
    const target = sweepTargetOf(loss);
    const activation = this.activation(loss);
    const xs = linspace(loss.xMin, loss.xMax, SAMPLES);
    this.drawn = [];
    loss.losses.forEach((row, index) => {
      const resolved = this.resolveRow(row);
      if (!resolved.ok) return;
      const value = resolved.value;
      if (sweepIncompatibility({ predictionInputs: value.predictionInputs, targetKind: value.loss.targetKind, expects: value.loss.expects }, loss.problem, activation !== undefined)) return;
      const reduction = this.reductionFor(value);
      try {
        const sweep = sweepLoss(value.loss, target, reduction, xs, activation);
        this.drawn.push({ resolved: value, sweep, reduction, color: seriesColor(this.overlay.theme, index) });
      } catch (error) {
        this.drawn.push({ resolved: value, sweep: { values: new Float64Array(xs.length).fill(NaN), gradients: new Float64Array(xs.length).fill(NaN), error: error instanceof Error ? error : new Error(String(error)) }, reduction, color: seriesColor(this.overlay.theme, index) });
      }
    });
    this.xs = xs;
  }

  private axisTitle(): string {
    const loss = this.store.current.loss;
    if (loss.outputActivation !== null) return l10n.t('logit z (through {0})', resolveName(loss.outputActivation)?.title ?? loss.outputActivation);
    return loss.problem === 'categorical' ? l10n.t('ŷ of the true class') : l10n.t('prediction ŷ');
  }

  private draw(): void {
    const loss = this.store.current.loss;
    const theme = this.overlay.theme;
    const datasets = this.drawn.flatMap((drawn) => {
      let values = drawn.sweep.values;
      if (loss.logScale) values = values.map((v) => (v > 0 ? v : NaN));
      const sets = [lineDataset(drawn.resolved.label, toPoints(this.xs, values), drawn.color, theme)];
      if (loss.showGradient) sets.push(lineDataset(l10n.t('{0} (gradient)', drawn.resolved.label), toPoints(this.xs, drawn.sweep.gradients), drawn.color, theme, { dashed: true, yAxisID: 'gradient' }));
      return sets;
    });
    this.chart.data.datasets = datasets;
    this.chart.options.scales = {
      x: { type: 'linear', min: loss.xMin, max: loss.xMax, ...axisOptions(theme, this.axisTitle()) },
      y: { type: loss.logScale ? 'logarithmic' : 'linear', position: 'left', ...axisOptions(theme, l10n.t('loss')) },
      gradient: { type: 'linear', position: 'right', display: loss.showGradient, ...axisOptions(theme, l10n.t('gradient d loss / d x')), grid: { drawOnChartArea: false } },
    };
    applyChartTheme(this.chart, theme);
    this.crosshairX = Math.min(loss.xMax, Math.max(loss.xMin, this.crosshairX));
    this.overlay.crosshairX = this.crosshairX;
    this.chart.update('none');
    this.emptyHint.hidden = loss.losses.length > 0;
    this.canvas.setAttribute('aria-label', l10n.t('Chart of {0}. Use the arrow keys to move the crosshair; the values are listed below.', this.drawn.map((d) => d.resolved.label).join(', ') || l10n.t('no function')));
    this.renderReadout();
    this.renderNotes();
  }

  private setCrosshair(x: number): void {
    const loss = this.store.current.loss;
    this.crosshairX = Math.min(loss.xMax, Math.max(loss.xMin, x));
    this.overlay.crosshairX = this.crosshairX;
    this.chart.draw();
    this.renderReadout();
  }

  private onKey(event: KeyboardEvent): void {
    const loss = this.store.current.loss;
    const step = ((loss.xMax - loss.xMin) / 100) * (event.shiftKey ? 10 : 1);
    const moves: Record<string, number> = { ArrowLeft: this.crosshairX - step, ArrowRight: this.crosshairX + step, Home: loss.xMin, End: loss.xMax };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // Announce values reached by keyboard; pointer moves would flood a screen reader.
    this.readout.setAttribute('aria-live', 'polite');
    this.setCrosshair(target);
  }

  private renderReadout(): void {
    const loss = this.store.current.loss;
    const target = sweepTargetOf(loss);
    const activation = this.activation(loss);
    const x = this.crosshairX;
    const rows = this.drawn.map((drawn) => {
      let value = NaN;
      let gradient = NaN;
      try {
        const point = sweepLoss(drawn.resolved.loss, target, drawn.reduction, Float64Array.of(x), activation);
        value = point.values[0]!;
        gradient = point.gradients[0]!;
      } catch {
        // Shown as NaN, like a point the loss rejects.
      }
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = drawn.color;
      return el('tr', {}, el('th', { scope: 'row' }, swatch, drawn.resolved.label), el('td', { 'data-value': 'loss' }, formatValue(value)), el('td', { 'data-value': 'gradient' }, formatValue(gradient)));
    });
    replaceChildren(this.readout, this.drawn.length === 0 ? null : el('table', {},
      el('caption', {}, l10n.t('Values at x = {0}', formatValue(x))),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, l10n.t('Loss')), el('th', { scope: 'col' }, l10n.t('loss')), el('th', { scope: 'col' }, l10n.t('gradient')))),
      el('tbody', {}, ...rows)));
  }

  private renderNotes(): void {
    const loss = this.store.current.loss;
    const items: string[] = [];
    const failed = this.drawn.filter((drawn) => drawn.sweep.error);
    for (const drawn of failed) items.push(`${drawn.resolved.label}: ${errorText(drawn.sweep.error)}`);
    if (loss.outputActivation === null) {
      const kinds = new Set(this.drawn.map((drawn) => drawn.resolved.loss.expects));
      if (kinds.size > 1) items.push(l10n.t('These losses expect different inputs (probabilities, logits or values), so the same x means different predictions. Choose an output activation to compare them on one logit axis.'));
    }
    replaceChildren(this.notes, items.length === 0 ? null : el('ul', { class: 'warning' }, ...items.map((item) => el('li', {}, item))));
  }

  private exportData(): void {
    if (this.drawn.length === 0) return;
    const headers = ['x'];
    const columns: Float64Array[] = [this.xs];
    for (const drawn of this.drawn) {
      headers.push(drawn.resolved.label, l10n.t('{0} (gradient)', drawn.resolved.label));
      columns.push(drawn.sweep.values, drawn.sweep.gradients);
    }
    exportCsv(headers, columns, 'formula-lens-losses.csv');
  }
}
