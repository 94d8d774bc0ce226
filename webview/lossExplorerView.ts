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
import { copyLatex } from './exporters';
import { formatValue } from './format';
import type { FormulaLibrary } from './formulaLibrary';
import { catalogLosses, errorText, resolveLossRow, type Resolved, type ResolvedLoss } from './functions';
import { functionRows } from './functionRows';
import { numberField } from './numberField';
import { axisOptions, lineDataset, toPoints } from './plot';
import { PlotTab } from './plotTab';
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
export class LossExplorerView extends PlotTab<'loss'> {
  readonly element: HTMLElement;
  private readonly notes = el('div', { class: 'notes-box' });
  private readonly emptyHint = el('p', { class: 'hint empty' }, l10n.t('Add a loss to draw it.'));
  private drawn: DrawnLoss[] = [];
  /** The sampled x values of the last sweep (shared by every drawn loss). */
  private xs: Float64Array = new Float64Array(0);

  constructor(store: PlaygroundStore, formulas: FormulaLibrary, theme: ChartTheme) {
    super(store, formulas, 'loss', theme, 'formula-lens-losses.png');
    const why = el('p', { class: 'why' }, l10n.t('Try y_true = 1 with a sigmoid output: as z → −∞ the prediction is confidently wrong. The MSE gradient 2(σ(z) − 1)·σ′(z) vanishes there, while the cross-entropy gradient σ(z) − 1 stays near −1, so cross-entropy keeps learning from confident mistakes. Probability inputs are clipped by Keras to [1e-7, 1 − 1e-7] (loss at most ≈ 16.1) and clamped by PyTorch at log ≥ −100 (loss at most 100), which shows at the edges.'));
    this.element = el('div', { class: 'layout' },
      this.controls,
      el('div', { class: 'plot' }, this.emptyHint, this.chart.box, this.chart.toolbar, this.chart.readout, this.notes, why));
    this.render();
  }

  protected rowsOf(loss: LossExplorerState): readonly PlottedFunction[] {
    return loss.losses;
  }

  protected resolveRow(row: PlottedFunction): Resolved<ResolvedLoss> {
    return resolveLossRow(row, this.store.current.framework, this.formulas);
  }

  /** Changes the problem or the activation and moves the range to what suits the new x axis. */
  private updateAxis(change: (loss: LossExplorerState) => LossExplorerState): void {
    this.update((loss) => {
      const next = change(loss);
      const [xMin, xMax] = this.defaultRange(next);
      return { ...next, xMin, xMax };
    });
  }

  /** `updateAxis` for a field's commit; returns true for the field's validity mark. */
  private commitAxis(change: (loss: LossExplorerState) => LossExplorerState): true {
    this.updateAxis(change);
    return true;
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

  protected buildControls(loss: LossExplorerState): HTMLElement {
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
      targetFields.push(numberField(l10n.t('y_true'), loss.regressionTarget, 'regression-target', false, (target) => target !== null && this.commitAxis((l) => ({ ...l, regressionTarget: target }))));
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
      numberField(l10n.t('x from'), loss.xMin, 'loss-x-min', false, (value) => value !== null && value < this.current.xMax && this.commitInPlace((l) => ({ ...l, xMin: value }))),
      numberField(l10n.t('x to'), loss.xMax, 'loss-x-max', false, (value) => value !== null && value > this.current.xMin && this.commitInPlace((l) => ({ ...l, xMax: value }))),
      button(l10n.t('Reset range'), () => this.updateAxis((l) => l), { class: 'link', 'data-focus-key': 'loss-reset-range' }));
    const toggles = el('div', { class: 'toggles' },
      checkbox(l10n.t('Show gradients'), loss.showGradient, (checked) => this.commitInPlace((l) => ({ ...l, showGradient: checked }))),
      checkbox(l10n.t('Logarithmic loss axis'), loss.logScale, (checked) => this.commitInPlace((l) => ({ ...l, logScale: checked }))));
    const rows = functionRows({
      kind: 'loss',
      rows: loss.losses,
      currentRows: () => this.current.losses,
      panelFramework: framework,
      catalog: catalogLosses().filter((entry) => entry.predictionInputs === 1),
      savedFormulas: this.store.savedFormulas,
      colorOf: (index) => seriesColor(this.chart.theme, index),
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

  /** Why a row is not drawn, or how its input differs (logits, reduction fallback). */
  private noteFor(row: PlottedFunction): string | undefined {
    const loss = this.current;
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
    return resolved.reductions.includes(this.current.reduction) ? this.current.reduction : 'mean';
  }

  protected compute(): void {
    const loss = this.current;
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
        this.drawn.push({ resolved: value, sweep, reduction, color: seriesColor(this.chart.theme, index) });
      } catch (error) {
        this.drawn.push({ resolved: value, sweep: { values: new Float64Array(xs.length).fill(NaN), gradients: new Float64Array(xs.length).fill(NaN), error: error instanceof Error ? error : new Error(String(error)) }, reduction, color: seriesColor(this.chart.theme, index) });
      }
    });
    this.xs = xs;
  }

  private axisTitle(): string {
    const loss = this.current;
    if (loss.outputActivation !== null) return l10n.t('logit z (through {0})', resolveName(loss.outputActivation)?.title ?? loss.outputActivation);
    return loss.problem === 'categorical' ? l10n.t('ŷ of the true class') : l10n.t('prediction ŷ');
  }

  protected draw(): void {
    const loss = this.current;
    const theme = this.chart.theme;
    const datasets = this.drawn.flatMap((drawn) => {
      let values = drawn.sweep.values;
      if (loss.logScale) values = values.map((v) => (v > 0 ? v : NaN));
      const sets = [lineDataset(drawn.resolved.label, toPoints(this.xs, values), drawn.color, theme)];
      if (loss.showGradient) sets.push(lineDataset(l10n.t('{0} (gradient)', drawn.resolved.label), toPoints(this.xs, drawn.sweep.gradients), drawn.color, theme, { dashed: true, yAxisID: 'gradient' }));
      return sets;
    });
    this.emptyHint.hidden = loss.losses.length > 0;
    this.chart.draw(datasets, {
      x: { type: 'linear', min: loss.xMin, max: loss.xMax, ...axisOptions(theme, this.axisTitle()) },
      y: { type: loss.logScale ? 'logarithmic' : 'linear', position: 'left', ...axisOptions(theme, l10n.t('loss')) },
      gradient: { type: 'linear', position: 'right', display: loss.showGradient, ...axisOptions(theme, l10n.t('gradient d loss / d x')), grid: { drawOnChartArea: false } },
    }, this.drawn.map((d) => d.resolved.label));
    this.renderNotes();
  }

  protected renderReadout(): void {
    const loss = this.current;
    const target = sweepTargetOf(loss);
    const activation = this.activation(loss);
    const x = this.chart.x;
    this.chart.showReadout([l10n.t('Loss'), l10n.t('loss'), l10n.t('gradient')], this.drawn.map((drawn) => {
      let value = NaN;
      let gradient = NaN;
      try {
        const point = sweepLoss(drawn.resolved.loss, target, drawn.reduction, Float64Array.of(x), activation);
        value = point.values[0]!;
        gradient = point.gradients[0]!;
      } catch {
        // Shown as NaN, like a point the loss rejects.
      }
      return { label: drawn.resolved.label, color: drawn.color, cells: [el('td', { 'data-value': 'loss' }, formatValue(value)), el('td', { 'data-value': 'gradient' }, formatValue(gradient))] };
    }));
  }

  private renderNotes(): void {
    const loss = this.current;
    const items: string[] = [];
    const failed = this.drawn.filter((drawn) => drawn.sweep.error);
    for (const drawn of failed) items.push(`${drawn.resolved.label}: ${errorText(drawn.sweep.error)}`);
    if (loss.outputActivation === null) {
      const kinds = new Set(this.drawn.map((drawn) => drawn.resolved.loss.expects));
      if (kinds.size > 1) items.push(l10n.t('These losses expect different inputs (probabilities, logits or values), so the same x means different predictions. Choose an output activation to compare them on one logit axis.'));
    }
    replaceChildren(this.notes, items.length === 0 ? null : el('ul', { class: 'warning' }, ...items.map((item) => el('li', {}, item))));
  }

  protected exportData(): void {
    if (this.drawn.length === 0) return;
    this.chart.exportSeries(this.xs, this.drawn.flatMap((drawn) => [
      { label: drawn.resolved.label, values: drawn.sweep.values },
      { label: l10n.t('{0} (gradient)', drawn.resolved.label), values: drawn.sweep.gradients },
    ]), 'formula-lens-losses.csv');
  }
}
