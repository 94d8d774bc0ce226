/**
 * The Loss explorer tab: for a target (a binary label, a class of a one-hot target, or a value), the loss
 * and its gradient as the prediction sweeps its range, several losses overlaid, optionally through an
 * output activation so the x axis is the logit z (MSE vs cross-entropy on sigmoid outputs). Each loss
 * keeps its framework's semantics, so Keras's 1e-7 clip and torch's -100 clamp show at the edges. Losses of
 * several predictions have pair problems of their own, whose x is the quantity they compare (the score
 * difference x1 − x2, the cosine of two embeddings, the anchor–positive distance of a triplet).
 */
import * as l10n from '@vscode/l10n';
import { resolveParams } from '../src/core/catalog/params';
import { CATALOG, resolveName } from '../src/core/catalog/registry';
import type { ActivationEntry, Reduction } from '../src/core/catalog/types';
import { linspace } from '../src/core/curves';
import { defaultSweepRange, sweepIncompatibility, sweepLoss, type LossSweep, type OutputActivation, type SweepIncompatibility } from '../src/core/lossCurves';
import { isPairedProblem, pairedDomain, type PairedProblem } from '../src/core/pairedSweeps';
import { tensor } from '../src/core/tensor';
import { DEFAULT_NEGATIVE_DISTANCE, LIMITS, LOSS_PROBLEMS, PANEL_REDUCTIONS, type LossExplorerState, type LossProblem, type PlottedFunction } from '../src/protocol/playground';
import { defaultOutputActivation, problemFor, sweepTargetOf } from '../src/protocol/playgroundState';
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
    case 'rankingPair':
      return l10n.t('Ranking pair (scores x1, x2; y = ±1)');
    case 'embeddingPair':
      return l10n.t('Embedding pair (cosine of x1, x2; y = ±1)');
    case 'triplet':
      return l10n.t('Triplet (anchor, positive, negative)');
  }
}

/** What x is in a pair problem, and which inputs are held fixed. */
function pairHint(problem: PairedProblem): string {
  switch (problem) {
    case 'rankingPair':
      return l10n.t('x is the score difference x1 − x2 (x1 = x, x2 = 0): margin ranking sees the two scores only through it. y = 1 asks for x1 above x2 by the margin, y = −1 for x2 above x1.');
    case 'embeddingPair':
      return l10n.t('x is the cosine of the angle between the unit vectors x1 = (1, 0) and x2 = (x, √(1 − x²)); only the angle matters. At x = ±1 the cosine is at its extreme, so no change of the inputs moves it at first order: d loss / d x is not defined there and is left out.');
    case 'triplet':
      return l10n.t('x is the anchor–positive distance ‖a − p‖, with the anchor–negative distance fixed; the positive and the negative lie on opposite sides of the anchor. Drawn against distances, the curve does not depend on the norm degree p, and swap changes nothing here (d(p, n) ≥ d(a, n)). torch adds eps to each difference before the norm.');
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
  private readonly emptyHint = el('p', { class: 'hint empty' });
  /** Why cross-entropy beats MSE on sigmoid outputs: shown for the problems whose x is a prediction. */
  private readonly why: HTMLElement;
  private drawn: DrawnLoss[] = [];
  /** The sampled x values of the last sweep (shared by every drawn loss). */
  private xs: Float64Array = new Float64Array(0);

  constructor(store: PlaygroundStore, formulas: FormulaLibrary, theme: ChartTheme) {
    super(store, formulas, 'loss', theme, 'formula-lens-losses.png');
    this.why = el('p', { class: 'why' }, l10n.t('Try y_true = 1 with a sigmoid output: as z → −∞ the prediction is confidently wrong. The MSE gradient 2(σ(z) − 1)·σ′(z) vanishes there, while the cross-entropy gradient σ(z) − 1 stays near −1, so cross-entropy keeps learning from confident mistakes. Probability inputs are clipped by Keras to [1e-7, 1 − 1e-7] (loss at most ≈ 16.1) and clamped by PyTorch at log ≥ −100 (loss at most 100), which shows at the edges.'));
    this.element = el('div', { class: 'layout' },
      this.controls,
      el('div', { class: 'plot' }, this.emptyHint, this.chart.box, this.chart.toolbar, this.chart.readout, this.notes, this.why));
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
    const through = this.activation(loss) !== undefined;
    const first = loss.losses.map((row) => this.resolveRow(row)).find((resolved) => resolved.ok);
    return defaultSweepRange(target, first?.ok ? first.value.loss.expects : 'probabilities', through);
  }

  /** The output activation the logit goes through; pair problems sweep a compared quantity and take none. */
  private activation(loss: LossExplorerState): OutputActivation | undefined {
    if (loss.outputActivation === null || isPairedProblem(loss.problem)) return undefined;
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
      return { ...l, problem: next, outputActivation: defaultOutputActivation(next) };
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
    } else if (loss.problem === 'regression') {
      targetFields.push(numberField(l10n.t('y_true'), loss.regressionTarget, 'regression-target', false, (target) => target !== null && this.commitAxis((l) => ({ ...l, regressionTarget: target }))));
    } else if (loss.problem === 'triplet') {
      const distance = loss.negativeDistance ?? DEFAULT_NEGATIVE_DISTANCE;
      targetFields.push(numberField(l10n.t('Anchor–negative distance ‖a − n‖'), distance, 'negative-distance', false, (value) => value !== null && value >= 0 && this.commitAxis((l) => ({ ...l, negativeDistance: value }))));
    } else {
      const sign = select([{ value: '1', label: '1' }, { value: '0', label: '−1' }], String(loss.binaryTarget), { 'data-focus-key': 'pair-target' });
      sign.addEventListener('change', () => this.update((l) => ({ ...l, binaryTarget: sign.value === '1' ? 1 : 0 })));
      targetFields.push(labelled(l10n.t('y_true'), sign));
    }
    if (isPairedProblem(loss.problem)) targetFields.push(el('p', { class: 'hint' }, pairHint(loss.problem)));
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
      catalog: catalogLosses(),
      savedFormulas: this.store.savedFormulas,
      colorOf: (index) => seriesColor(this.chart.theme, index),
      resolve: (row) => this.resolveRow(row),
      noteFor: (row) => this.noteFor(row),
      onChange: (losses, structural) => this.update((l) => ({ ...l, losses }), !structural),
      onCopyLatex: copyLatex,
    });
    return el('div', {},
      el('fieldset', {}, el('legend', {}, l10n.t('Target')), labelled(l10n.t('Problem'), problem), ...targetFields),
      isPairedProblem(loss.problem) ? null : this.activationField(loss),
      labelled(l10n.t('Reduction'), reduction),
      range, toggles, rows);
  }

  /** The output activation between the swept logit and the loss (problems whose x is a prediction). */
  private activationField(loss: LossExplorerState): HTMLElement {
    const activations = outputActivations(loss.problem, loss.classCount, this.store.current.framework);
    const activationSelect = select([
      { value: '', label: l10n.t('None: sweep the prediction ŷ') },
      ...activations.map((entry) => ({ value: entry.id, label: entry.title })),
    ], loss.outputActivation === null ? '' : resolveName(loss.outputActivation)?.id ?? '', { 'data-focus-key': 'output-activation' });
    activationSelect.addEventListener('change', () => this.updateAxis((l) => ({ ...l, outputActivation: activationSelect.value || null })));
    return labelled(l10n.t('Output activation'), activationSelect, l10n.t('With an activation, x is the logit z; losses that take logits get z itself.'));
  }

  /** Why a resolved loss cannot be drawn for the current problem, or undefined when it can. */
  private incompatibility(value: ResolvedLoss): SweepIncompatibility | undefined {
    const loss = this.current;
    const { targetKind, expects, inputComparison } = value.loss;
    return sweepIncompatibility({ predictionInputs: value.predictionInputs, targetKind, expects, inputComparison }, loss.problem, this.activation(loss) !== undefined);
  }

  /** Why a row is not drawn, or how its input differs (logits, reduction fallback). */
  private noteFor(row: PlottedFunction): string | undefined {
    const loss = this.current;
    const resolved = this.resolveRow(row);
    if (!resolved.ok) return undefined;
    const value = resolved.value;
    const through = this.activation(loss) !== undefined;
    const problem = this.incompatibility(value);
    if (problem === 'inputs') {
      const fits = problemFor({ targetKind: value.loss.targetKind, predictionKind: value.loss.expects, inputComparison: value.loss.inputComparison });
      return l10n.t('Its inputs do not fit this problem; pick "{0}" above to draw it.', problemLabel(fits));
    }
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
      if (this.incompatibility(value)) return;
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
    if (loss.problem === 'rankingPair') return l10n.t('score difference x1 − x2');
    if (loss.problem === 'embeddingPair') return l10n.t('cosine cos(x1, x2)');
    if (loss.problem === 'triplet') return l10n.t('anchor–positive distance ‖a − p‖');
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
    this.emptyHint.hidden = this.drawn.length > 0;
    this.why.hidden = isPairedProblem(loss.problem);
    replaceChildren(this.emptyHint, loss.losses.length === 0 ? l10n.t('Add a loss to draw it.') : l10n.t('None of these losses can be drawn for this problem; the note under each loss says why.'));
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
    if (isPairedProblem(loss.problem)) {
      const [low, high] = pairedDomain(loss.problem);
      if (this.drawn.length > 0 && (loss.xMin < low || loss.xMax > high)) items.push(l10n.t('x only has a meaning from {0} to {1} here; the rest of the range stays empty.', formatValue(low), formatValue(high)));
    } else if (loss.outputActivation === null) {
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
