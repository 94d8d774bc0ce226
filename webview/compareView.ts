/**
 * Comparing runs: the current setup trained with several hidden activations (sigmoid against ReLU...) or
 * several losses (MSE against cross-entropy on the same output), each for the same number of steps in a
 * worker of its own, with the loss curves overlaid and the final numbers in a table.
 */
import * as l10n from '@vscode/l10n';
import { getEntry } from '../src/core/catalog/registry';
import { localize } from '../src/core/l10n';
import { TRAINING_LOSS_IDS } from '../src/core/train/losses';
import type { CompareReport, TrainingReport } from '../src/protocol/training';
import type { TrainingClient } from '../src/protocol/trainingClient';
import { COMPARE_DIMENSIONS, TRAINING_PANEL_LIMITS, type CompareDimension, type CompareSettings, type JsonObject } from '../src/protocol/trainingPanel';
import { canonicalConfig, COMPARE_ACTIVATIONS, compareVariants } from '../src/protocol/trainingState';
import { button, el, replaceChildren, select, uniqueId } from './dom';
import { formatValue } from './format';
import { CompareChart } from './trainingCharts';
import type { ChartTheme } from './theme';

/** Where one variant is. */
interface VariantStatus {
  readonly label: string;
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  step: number;
  state: 'running' | 'done' | 'diverged' | 'failed';
  message: string;
}

function dimensionLabel(dimension: CompareDimension): string {
  return dimension === 'activation' ? l10n.t('Hidden activation') : l10n.t('Loss');
}

function titleOf(id: string): string {
  return getEntry(id)?.title ?? id;
}

function accuracyText(value: number | null): string {
  return value === null ? '' : `${(value * 100).toFixed(1)}%`;
}

/** The comparison section of the Training tab. */
export class CompareView {
  readonly element: HTMLElement;
  private readonly form = el('div', { class: 'compare-form' });
  private readonly results = el('div', { class: 'compare-results', 'aria-live': 'polite', 'data-testid': 'compare-results' });
  private readonly chart: CompareChart;
  private statuses: VariantStatus[] = [];
  private running = false;
  private pendingFrame = false;
  private lastKey = '';
  /** What the form was last drawn for, so it can redraw itself when a comparison ends. */
  private shown: { config: JsonObject | null; logScale: boolean } = { config: null, logScale: true };
  /** Losses that validate with the current setup, by its structure (recomputed when it changes). */
  private lossChoices: { key: string; ids: string[] } = { key: '', ids: [] };

  constructor(
    private readonly client: () => TrainingClient | null,
    theme: ChartTheme,
    private readonly settings: () => CompareSettings,
    private readonly setSettings: (settings: CompareSettings) => void,
  ) {
    this.chart = new CompareChart(theme);
    this.element = el('details', { class: 'compare', 'data-testid': 'compare' },
      el('summary', {}, l10n.t('Compare runs')),
      el('p', { class: 'hint' }, l10n.t('Train the current setup with other hidden activations or losses for the same number of steps, and overlay their loss curves (solid: training, dashed: test).')),
      this.form, this.chart.element, this.results);
  }

  /** Redraws the form for the current setup (null when the setup is invalid). */
  render(config: JsonObject | null, logScale: boolean): void {
    this.shown = { config, logScale };
    this.chart.setLogScale(logScale);
    const settings = this.settings();
    const key = JSON.stringify([settings, config === null, this.running, config ? this.structureKey(config) : '']);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const choices = settings.dimension === 'activation' ? [...new Set([...COMPARE_ACTIVATIONS, ...settings.activations])] : this.losses(config);
    const chosen = settings.dimension === 'activation' ? settings.activations : settings.losses;
    const dimension = select(COMPARE_DIMENSIONS.map((value) => ({ value, label: dimensionLabel(value) })), settings.dimension, { 'data-focus-key': 'compare-dimension', 'aria-label': l10n.t('What to compare') });
    dimension.addEventListener('change', () => this.setSettings({ ...this.settings(), dimension: dimension.value as CompareDimension }));
    const boxes = choices.map((id) => {
      const input = el('input', { type: 'checkbox', id: uniqueId('compare'), 'data-focus-key': `compare-${id}`, 'data-choice': id });
      input.checked = chosen.includes(id);
      input.addEventListener('change', () => {
        const current = this.settings();
        const list = current.dimension === 'activation' ? current.activations : current.losses;
        const next = input.checked ? [...list, id].slice(0, TRAINING_PANEL_LIMITS.compareChoices) : list.filter((item) => item !== id);
        this.setSettings(current.dimension === 'activation' ? { ...current, activations: next } : { ...current, losses: next });
      });
      return el('span', { class: 'field check' }, input, el('label', { for: input.id }, titleOf(id)));
    });
    const steps = el('input', { type: 'number', min: 1, max: TRAINING_PANEL_LIMITS.compareSteps, step: 1, 'data-focus-key': 'compare-steps', id: uniqueId('compare-steps') });
    steps.value = String(settings.steps);
    steps.addEventListener('change', () => {
      const value = Math.round(steps.valueAsNumber);
      const ok = Number.isFinite(value) && value >= 1 && value <= TRAINING_PANEL_LIMITS.compareSteps;
      steps.setAttribute('aria-invalid', String(!ok));
      if (ok) this.setSettings({ ...this.settings(), steps: value });
    });
    const valid = chosen.filter((id) => choices.includes(id));
    const run = this.running
      ? button(l10n.t('Stop comparison'), () => this.stop(), { class: 'secondary', 'data-focus-key': 'compare-run', 'data-testid': 'compare-run' })
      : button(l10n.t('Run comparison'), () => config && this.start(config, valid), { 'data-focus-key': 'compare-run', 'data-testid': 'compare-run', disabled: !config || valid.length < 2 });
    replaceChildren(this.form,
      el('div', { class: 'field' }, el('label', {}, l10n.t('Compare')), dimension),
      el('div', { class: 'choices', role: 'group', 'aria-label': dimensionLabel(settings.dimension) }, ...boxes),
      el('div', { class: 'field' }, el('label', { for: steps.id }, l10n.t('Steps per run')), steps),
      el('div', { class: 'toolbar' }, run, valid.length < 2 ? el('span', { class: 'hint' }, l10n.t('Choose at least two.')) : null));
  }

  /** New theme colours. */
  retheme(theme: ChartTheme): void {
    this.chart.retheme(theme);
  }

  /** A report of the comparison worker. */
  onReport(report: TrainingReport): void {
    if (report.type === 'compareProgress') this.progress(report);
    else if (report.type === 'failed' && report.variant !== null) {
      const status = this.statuses[report.variant];
      if (status) {
        status.state = 'failed';
        status.message = localize(report.error.text, report.error.args);
      }
      this.checkDone();
    }
    this.scheduleFrame();
  }

  /** The comparison worker crashed: the comparison is over. */
  onCrash(): void {
    this.running = false;
    for (const status of this.statuses) if (status.state === 'running') status.state = 'failed';
    this.redrawForm();
    this.scheduleFrame();
  }

  private structureKey(config: JsonObject): string {
    return JSON.stringify([config['data'] && (config['data'] as JsonObject)['name'], config['framework'], config['loss'], (config['model'] as JsonObject | undefined)?.['output_activation']]);
  }

  /** Losses that give a valid configuration here (the loss list depends on the data set's task). */
  private losses(config: JsonObject | null): string[] {
    if (!config) return [];
    const key = this.structureKey(config);
    if (this.lossChoices.key !== key) {
      const ids = Object.keys(TRAINING_LOSS_IDS);
      const variants = compareVariants(config, 'loss', ids);
      this.lossChoices = { key, ids: ids.filter((_, i) => canonicalConfig(variants[i]!.config).ok) };
    }
    return this.lossChoices.ids;
  }

  private start(config: JsonObject, choices: readonly string[]): void {
    const client = this.client();
    if (!client) return;
    const settings = this.settings();
    const variants = compareVariants(config, settings.dimension, choices);
    const labels = variants.map((variant) => titleOf(variant.label));
    this.statuses = labels.map((label) => ({ label, trainLoss: null, testLoss: null, trainAccuracy: null, testAccuracy: null, step: 0, state: 'running', message: '' }));
    this.chart.reset(labels);
    this.running = true;
    client.send({ type: 'compare', jobId: client.newJob(), variants: variants.map((variant, i) => ({ label: labels[i]!, config: variant.config })), steps: settings.steps });
    this.redrawForm();
    this.scheduleFrame();
  }

  private stop(): void {
    const client = this.client();
    if (client && client.jobId) client.send({ type: 'cancel', jobId: client.jobId });
    this.running = false;
    for (const status of this.statuses) if (status.state === 'running') {
      status.state = 'failed';
      status.message = l10n.t('stopped');
    }
    this.redrawForm();
    this.scheduleFrame();
  }

  private progress(report: CompareReport): void {
    const status = this.statuses[report.variant];
    if (!status) return;
    this.chart.add(report.variant, report.steps, report.trainLoss, report.testLoss);
    const last = report.steps.length - 1;
    if (last >= 0) {
      status.step = report.steps[last]!;
      status.trainLoss = report.trainLoss[last]!;
      status.testLoss = report.testLoss[last] ?? null;
      status.trainAccuracy = report.trainAccuracy[last] ?? null;
      status.testAccuracy = report.testAccuracy[last] ?? null;
    }
    if (report.done) {
      status.state = report.divergence ? 'diverged' : 'done';
      status.message = report.divergence ? localize(report.divergence) : '';
    }
    this.checkDone();
  }

  private checkDone(): void {
    if (this.running && this.statuses.every((status) => status.state !== 'running')) {
      this.running = false;
      this.redrawForm();
    }
  }

  /** Redraws the form as last shown (its button changes when a comparison starts or ends). */
  private redrawForm(): void {
    this.lastKey = '';
    this.render(this.shown.config, this.shown.logScale);
  }

  private scheduleFrame(): void {
    if (this.pendingFrame) return;
    this.pendingFrame = true;
    requestAnimationFrame(() => {
      this.pendingFrame = false;
      this.chart.redraw();
      this.renderResults();
    });
  }

  private renderResults(): void {
    if (this.statuses.length === 0) return;
    const stateText = (status: VariantStatus) => {
      switch (status.state) {
        case 'running':
          return l10n.t('step {0}', status.step);
        case 'done':
          return l10n.t('done');
        case 'diverged':
        case 'failed':
          return status.message;
      }
    };
    replaceChildren(this.results, el('table', {},
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, l10n.t('Run')),
        el('th', { scope: 'col' }, l10n.t('train loss')),
        el('th', { scope: 'col' }, l10n.t('test loss')),
        el('th', { scope: 'col' }, l10n.t('train accuracy')),
        el('th', { scope: 'col' }, l10n.t('test accuracy')),
        el('th', { scope: 'col' }, l10n.t('Status')))),
      el('tbody', {}, ...this.statuses.map((status) => el('tr', { 'data-run': status.label, 'data-state': status.state },
        el('th', { scope: 'row' }, status.label),
        el('td', { class: 'number', 'data-value': 'train-loss' }, status.trainLoss === null ? '' : formatValue(status.trainLoss)),
        el('td', { class: 'number' }, status.testLoss === null ? '' : formatValue(status.testLoss)),
        el('td', { class: 'number' }, accuracyText(status.trainAccuracy)),
        el('td', { class: 'number' }, accuracyText(status.testAccuracy)),
        el('td', { class: status.state === 'diverged' || status.state === 'failed' ? 'error' : '' }, stateText(status)))))));
  }
}
