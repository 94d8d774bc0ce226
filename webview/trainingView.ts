/**
 * The Training tab: a small network trained live in a web worker (the page never trains), with the data,
 * model, loss and optimizer as controls over a training configuration in the user format. The page validates
 * each edit, restarts the worker's job when the setup changes and sends live changes (learning rate,
 * regularization, speed) without a restart. Progress arrives at most ~30 times a second and is drawn once
 * per animation frame: the prediction field over the data, the loss curves, per-layer gradient health.
 */
import * as l10n from '@vscode/l10n';
import { localize } from '../src/core/l10n';
import { DATASET_NAMES, type DatasetName } from '../src/core/train/datasets';
import { TRAINING_SPEEDS, type ExportTarget, type LoadedReport, type ProgressReport, type RunState, type TrainingReport } from '../src/protocol/training';
import { TrainingClient, type WorkerLike } from '../src/protocol/trainingClient';
import type { DataTextMessage, JsonObject, TrainConfigMessage, TrainingPanelState } from '../src/protocol/trainingPanel';
import { canonicalConfig, defaultTrainingState, hiddenLayers, sourceOfConfig, withDataset, withExplicitData, type CanonicalResult } from '../src/protocol/trainingState';
import { CompareView } from './compareView';
import { DataImportView, type ImportedData } from './dataImportView';
import { button, checkbox, el, replaceChildren, select } from './dom';
import { FieldCanvas } from './fieldView';
import { formatValue } from './format';
import { rebuildKeepingFocus } from './functionRows';
import { logToHost, postToHost } from './hostBridge';
import { LayerTable } from './layerTable';
import type { PlaygroundStore } from './state';
import { numberAt, section, trainingControls, type TrainingForm } from './trainingControls';
import { LossChart } from './trainingCharts';
import type { ChartTheme } from './theme';

/** Cells per side of the prediction grid. */
const GRID_RESOLUTION = 100;
/** Edits within this many ms restart the job once (a dragged slider sends many). */
const RELOAD_DELAY_MS = 150;
/** Crashes within this window that stop automatic restarts. */
const CRASH_WINDOW_MS = 10_000;
const MAX_CRASHES = 3;

/** Starts workers from the bundled script: fetched, then run from a Blob URL (a webview resource URL cannot start a worker). */
async function workerFactory(scriptUri: string): Promise<() => WorkerLike> {
  const response = await fetch(scriptUri);
  if (!response.ok) throw new Error(`${scriptUri}: ${response.status} ${response.statusText}`);
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
  return () => new Worker(url, { name: 'formula-lens-training' }) as unknown as WorkerLike;
}

function speedLabel(speed: number): string {
  return speed === 0 ? l10n.t('as fast as possible') : l10n.t('{0} steps/s', speed);
}

/** The parts of a configuration a live change may touch without restarting the run. */
function structureKey(config: JsonObject): string {
  const optimizer = { ...section(config, 'optimizer') };
  delete optimizer['lr'];
  return JSON.stringify({ ...config, optimizer, regularization: null });
}

/** A suggested file name for a configuration: the data set (or source) and the first hidden activation. */
function configFileName(state: TrainingPanelState, format: 'yaml' | 'json'): string {
  const data = section(state.config, 'data');
  const base = typeof data['name'] === 'string' ? data['name'] : state.source.kind === 'builtin' ? 'data' : state.source.name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_ -]+/gu, '-') || 'data';
  const activation = hiddenLayers(state.config)[0]?.activation;
  return `${base}${activation ? `-${activation}` : ''}.fltrain.${format}`;
}

/** The Training tab. */
export class TrainingView {
  readonly element: HTMLElement;
  private readonly controls = el('div', { class: 'controls training-controls' });
  private readonly status = el('p', { class: 'training-status', 'aria-live': 'off', 'data-testid': 'training-status' });
  private readonly messages = el('div', { class: 'training-messages' });
  private readonly runButton = button(l10n.t('▶ Train'), () => this.toggleRun(), { 'data-testid': 'train-run', 'data-focus-key': 'train-run' });
  private readonly stepButton = button(l10n.t('Step'), () => this.step(), { class: 'secondary', 'data-testid': 'train-step', title: l10n.t('Take one optimizer step') });
  private readonly resetButton = button(l10n.t('Reset'), () => {
    this.workerProblem = null;
    this.reload(false);
  }, { class: 'secondary', 'data-testid': 'train-reset', title: l10n.t('Start again from the initial weights') });
  private readonly speedSelect: HTMLSelectElement;
  private readonly exportTarget: HTMLSelectElement;
  private readonly field: FieldCanvas;
  private readonly lossChart: LossChart;
  private readonly layers = new LayerTable();
  private readonly compare: CompareView;
  private readonly importView: DataImportView;
  /** The form's view of this tab. */
  private readonly form: TrainingForm;
  private client: TrainingClient | null = null;
  private compareClient: TrainingClient | null = null;
  private workerProblem: string | null = null;
  private canonical: CanonicalResult;
  private lastTraining: TrainingPanelState | undefined | null = null;
  /** Structure of the loaded job ('' when none). */
  private jobKey = '';
  private sent = { lr: NaN, l1: NaN, l2: NaN, speed: NaN };
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private loaded: LoadedReport | null = null;
  private latest: ProgressReport | null = null;
  private runState: RunState = 'idle';
  private pendingFrame = false;
  private editingInPlace = false;
  /** The data source picked but not yet imported ('file' or 'selection' before the data arrive). */
  private pendingSource: 'file' | 'selection' | null = null;
  private readonly exportActions = new Map<number, { action: 'open' | 'copy'; target: ExportTarget }>();
  private nextRequest = 1;
  private jobError: string | null = null;
  private exportError: string | null = null;
  /** Animation frames drawn in the last second, for the measured view update rate. */
  private readonly frameTimes: number[] = [];
  /** When the worker crashed lately: a worker that keeps crashing is not restarted in a loop. */
  private readonly crashTimes: number[] = [];
  /** Exported code starts from the trained weights instead of the run's initial ones. */
  private exportFromCurrent = false;

  constructor(private readonly store: PlaygroundStore, theme: ChartTheme, workerScriptUri: string) {
    this.canonical = canonicalConfig(this.training.config);
    this.field = new FieldCanvas(theme);
    this.lossChart = new LossChart(theme);
    this.importView = new DataImportView((data) => this.useImported(data));
    this.form = {
      pendingSource: () => this.pendingSource,
      importView: this.importView.element,
      setConfig: (change, inPlace) => this.setConfig(change, inPlace),
      chooseSource: (kind) => this.chooseSource(kind),
    };
    this.compare = new CompareView(() => this.compareClient, theme, () => this.training.compare, (compare) => this.updateTraining((training) => ({ ...training, compare })));
    this.speedSelect = select(TRAINING_SPEEDS.map((speed) => ({ value: String(speed), label: speedLabel(speed) })), String(this.training.speed), { 'aria-label': l10n.t('Speed'), 'data-testid': 'train-speed' });
    this.speedSelect.addEventListener('change', () => this.updateTraining((training) => ({ ...training, speed: Number(this.speedSelect.value) }), true));
    this.exportTarget = select([
      { value: 'keras', label: l10n.t('Keras code (Python)') },
      { value: 'pytorch', label: l10n.t('PyTorch code (Python)') },
      { value: 'config-yaml', label: l10n.t('Training config (YAML)') },
      { value: 'config-json', label: l10n.t('Training config (JSON)') },
      { value: 'weights', label: l10n.t('Trained weights (JSON)') },
    ], 'keras', { 'aria-label': l10n.t('Export'), 'data-testid': 'export-target' });
    const logScale = checkbox(l10n.t('Log scale'), this.training.logScale, (checked) => this.updateTraining((training) => ({ ...training, logScale: checked }), true));
    const showTest = checkbox(l10n.t('Show test points'), true, (checked) => this.field.setShowTest(checked));
    const exportRow = el('div', { class: 'toolbar export' },
      this.exportTarget,
      checkbox(l10n.t('Code starts from the trained weights'), false, (checked) => (this.exportFromCurrent = checked)),
      button(l10n.t('Open in editor'), () => this.requestExport('open'), { class: 'secondary', 'data-testid': 'export-open' }),
      button(l10n.t('Copy'), () => this.requestExport('copy'), { class: 'secondary', 'data-testid': 'export-copy' }),
      button(l10n.t('Save as config…'), () => this.saveConfig(), { class: 'secondary', 'data-testid': 'save-config' }));
    this.element = el('div', { class: 'layout training' },
      this.controls,
      el('div', { class: 'plot' },
        el('div', { class: 'toolbar run' }, this.runButton, this.stepButton, this.resetButton, el('label', { class: 'inline' }, l10n.t('Speed'), this.speedSelect), logScale, showTest),
        this.status,
        this.messages,
        el('div', { class: 'training-views' }, this.field.element, el('div', { class: 'training-side' }, this.lossChart.element, this.layers.element)),
        el('h3', {}, l10n.t('Export')),
        exportRow,
        el('p', { class: 'hint' }, l10n.t('Keras and PyTorch code rebuild this setup (architecture, activations, loss and its parameters, optimizer, data) and train it from the run\'s initial weights, or continue from the trained ones. The weights document holds the current weights.')),
        this.compare.element));
    workerFactory(workerScriptUri).then((factory) => {
      this.client = new TrainingClient(factory, {
        report: (report) => this.onReport(report),
        crashed: (message) => this.onCrash(message),
        rejected: (description) => logToHost('warn', `training worker: rejected a report (${description})`),
      });
      this.compareClient = new TrainingClient(factory, {
        report: (report) => this.compare.onReport(report),
        crashed: (message) => {
          this.compare.onCrash();
          this.showWorkerProblem(l10n.t('The comparison worker stopped: {0}. It will be restarted for the next comparison.', message));
        },
        rejected: (description) => logToHost('warn', `comparison worker: rejected a report (${description})`),
      });
      this.syncJob();
    }).catch((error: unknown) => {
      this.workerProblem = l10n.t('The training worker could not be started: {0}', error instanceof Error ? error.message : String(error));
      logToHost('error', this.workerProblem);
      this.renderMessages();
      this.renderRun();
    });
    this.render();
  }

  /** The tab's state (a new tab's default until the user changes something). */
  private get training(): TrainingPanelState {
    return this.store.current.training ?? (this.defaults ??= defaultTrainingState());
  }
  private defaults: TrainingPanelState | undefined;

  /** Redraws from the store; only a change of the Training state rebuilds anything. */
  render(): void {
    const training = this.store.current.training;
    if (training === this.lastTraining && this.lastTraining !== null) return;
    this.lastTraining = training;
    const state = this.training;
    this.canonical = canonicalConfig(state.config);
    if (!this.editingInPlace) rebuildKeepingFocus(this.controls, () => trainingControls(state, this.form));
    this.speedSelect.value = String(state.speed);
    this.lossChart.setLogScale(state.logScale);
    this.compare.render(this.canonical.ok ? this.canonical.config : null, state.logScale);
    this.renderMessages();
    this.renderRun();
    this.syncJob();
  }

  /** New theme colours. */
  retheme(theme: ChartTheme): void {
    this.field.retheme(theme);
    this.lossChart.retheme(theme);
    this.compare.retheme(theme);
  }

  /** A Training message from the host: a config to train (CodeLens), or data text the tab asked for. */
  onHostMessage(message: TrainConfigMessage | DataTextMessage): void {
    if (message.type === 'dataText') {
      this.pendingSource = message.source;
      this.importView.load(message);
      this.lastTraining = null;
      this.render();
      return;
    }
    const canonical = canonicalConfig(message.config);
    const config = canonical.ok ? canonical.config : message.config;
    this.pendingSource = null;
    this.importView.clear();
    this.store.update((state) => ({ ...state, tab: 'training', training: { ...this.training, config, source: sourceOfConfig(config, message.source) } }));
    // A config opened from its CodeLens trains at once.
    this.reload(true);
  }

  private updateTraining(change: (training: TrainingPanelState) => TrainingPanelState, inPlace = false): void {
    this.editingInPlace = inPlace;
    try {
      this.store.update((state) => {
        const current = state.training ?? this.training;
        const next = change(current);
        return next === current ? state : { ...state, training: next };
      });
    } finally {
      this.editingInPlace = false;
    }
  }

  /** Replaces the configuration (validated and written out in full when valid). */
  private setConfig(change: (config: JsonObject) => JsonObject, inPlace = false): void {
    this.updateTraining((training) => {
      const next = change(training.config);
      const canonical = canonicalConfig(next);
      return { ...training, config: canonical.ok ? canonical.config : next };
    }, inPlace);
  }

  /** Switches the data source: built-in data at once, a file or selection once the user has imported it. */
  private chooseSource(kind: 'builtin' | 'file' | 'selection'): void {
    this.importView.clear();
    if (kind !== 'builtin') {
      this.pendingSource = kind;
      this.lastTraining = null;
      this.render();
      return;
    }
    this.pendingSource = null;
    const data = section(this.training.config, 'data');
    const name = typeof data['name'] === 'string' && (DATASET_NAMES as readonly string[]).includes(data['name']) ? (data['name'] as DatasetName) : 'spiral';
    this.updateTraining((training) => {
      const next = withDataset(training.config, name);
      const canonical = canonicalConfig(next);
      return { ...training, config: canonical.ok ? canonical.config : next, source: { kind: 'builtin' } };
    });
  }

  /** Uses imported points and labels as the data. */
  private useImported(data: ImportedData): void {
    this.pendingSource = null;
    this.updateTraining((training) => {
      const next = withExplicitData(training.config, data.points, data.labels, data.classNames);
      const canonical = canonicalConfig(next);
      return { ...training, config: canonical.ok ? canonical.config : next, source: { kind: data.source, name: data.name || l10n.t('selection'), classNames: data.classNames } };
    });
  }

  /** Brings the worker's job in line with the state: a restart for a new setup, live changes otherwise. */
  private syncJob(): void {
    const client = this.client;
    if (!client) return;
    const state = this.training;
    if (!this.canonical.ok) {
      if (this.runState === 'running' && client.jobId) client.send({ type: 'pause', jobId: client.jobId });
      return;
    }
    const config = this.canonical.config;
    const key = structureKey(config);
    if (key !== this.jobKey || !client.jobId) {
      this.jobKey = key;
      if (this.reloadTimer !== undefined) clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => {
        this.reloadTimer = undefined;
        this.reload(this.runState === 'running');
      }, client.jobId ? RELOAD_DELAY_MS : 0);
      return;
    }
    const lr = numberAt(config, ['optimizer', 'lr']) ?? 0;
    const l1 = numberAt(config, ['regularization', 'l1']) ?? 0;
    const l2 = numberAt(config, ['regularization', 'l2']) ?? 0;
    if (lr !== this.sent.lr || l1 !== this.sent.l1 || l2 !== this.sent.l2 || state.speed !== this.sent.speed) {
      client.send({ type: 'tune', jobId: client.jobId, learningRate: lr, l1, l2, speed: state.speed });
      this.sent = { lr, l1, l2, speed: state.speed };
    }
  }

  /** Starts a new job for the current configuration (running at once when `run`). */
  private reload(run: boolean): void {
    const client = this.client;
    if (!client || !this.canonical.ok) return;
    if (this.reloadTimer !== undefined) clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
    const config = this.canonical.config;
    this.jobKey = structureKey(config);
    this.loaded = null;
    this.latest = null;
    this.jobError = null;
    this.exportError = null;
    this.runState = 'idle';
    this.sent = { lr: numberAt(config, ['optimizer', 'lr']) ?? 0, l1: numberAt(config, ['regularization', 'l1']) ?? 0, l2: numberAt(config, ['regularization', 'l2']) ?? 0, speed: this.training.speed };
    client.send({ type: 'load', jobId: client.newJob(), config, run, speed: this.training.speed, gridResolution: GRID_RESOLUTION });
    this.renderMessages();
    this.renderRun();
  }

  private toggleRun(): void {
    const client = this.client;
    if (!client || !client.jobId) return;
    if (this.workerProblem) {
      // The user has seen the worker's problem and goes on.
      this.workerProblem = null;
      this.renderMessages();
    }
    // A diverged run cannot take another step: start again from the initial weights (with the rate the user changed).
    if (this.runState === 'diverged') {
      this.reload(true);
      return;
    }
    if (this.runState === 'running') client.send({ type: 'pause', jobId: client.jobId });
    else client.send({ type: 'run', jobId: client.jobId });
    this.runState = this.runState === 'running' ? 'paused' : 'running';
    this.renderRun();
  }

  private step(): void {
    const client = this.client;
    if (client?.jobId) client.send({ type: 'step', jobId: client.jobId });
  }

  private onReport(report: TrainingReport): void {
    switch (report.type) {
      case 'loaded': {
        this.loaded = report;
        const source = this.training.source;
        this.field.setData(report.data, source.kind === 'builtin' ? null : source.classNames);
        this.lossChart.reset(report.data.classes > 0);
        this.layers.setLayers(report.layers);
        this.renderMessages();
        return;
      }
      case 'progress':
        this.latest = report;
        this.runState = report.state;
        this.lossChart.add(report);
        this.scheduleFrame();
        return;
      case 'exported': {
        const request = this.exportActions.get(report.requestId);
        this.exportActions.delete(report.requestId);
        if (!request) return;
        if (request.action === 'copy') postToHost({ type: 'copyText', text: report.text });
        else postToHost({ type: 'openDocument', language: report.target === 'keras' || report.target === 'pytorch' ? 'python' : report.target === 'config-yaml' ? 'yaml' : 'json', content: report.text });
        return;
      }
      case 'failed': {
        const text = localize(report.error.text, report.error.args);
        if (report.requestId === null) this.jobError = text;
        else this.exportError = l10n.t('The export failed: {0}', text);
        this.renderMessages();
        this.renderRun();
        return;
      }
      case 'compareProgress':
        return;
      default: {
        const unhandled: never = report;
        void unhandled;
      }
    }
  }

  private onCrash(message: string): void {
    logToHost('error', `training worker crashed: ${message}`);
    const now = Date.now();
    this.crashTimes.push(now);
    while (this.crashTimes.length > 0 && this.crashTimes[0]! < now - CRASH_WINDOW_MS) this.crashTimes.shift();
    this.runState = 'idle';
    this.jobKey = '';
    this.latest = null;
    if (this.crashTimes.length >= MAX_CRASHES) {
      // The same setup crashes the worker again and again: wait for the user to change it or press Reset.
      this.showWorkerProblem(l10n.t('The training worker keeps stopping ({0}). Change the setup or press Reset to try again.', message));
      this.renderRun();
      return;
    }
    this.showWorkerProblem(l10n.t('The training worker stopped: {0}. It was restarted; press Train to start again.', message));
    // A fresh worker and job, paused at the initial weights.
    this.reload(false);
  }

  private showWorkerProblem(text: string): void {
    this.workerProblem = text;
    this.renderMessages();
  }

  private requestExport(action: 'open' | 'copy'): void {
    const client = this.client;
    if (!client?.jobId || !this.canonical.ok) return;
    const target = this.exportTarget.value as ExportTarget;
    const requestId = this.nextRequest++;
    this.exportActions.set(requestId, { action, target });
    this.exportError = null;
    client.send({ type: 'export', jobId: client.jobId, requestId, target, from: this.exportFromCurrent ? 'current' : 'initial', config: this.canonical.config });
  }

  private saveConfig(): void {
    const state = this.training;
    if (!this.canonical.ok) return;
    const format = this.exportTarget.value === 'config-json' ? 'json' : 'yaml';
    postToHost({ type: 'saveTrainingConfig', config: this.canonical.config, format, fileName: configFileName(state, format) });
  }

  private scheduleFrame(): void {
    if (this.pendingFrame) return;
    this.pendingFrame = true;
    requestAnimationFrame((time) => {
      this.pendingFrame = false;
      this.drawFrame(time);
    });
  }

  /** Draws the latest report: at most once per animation frame, whatever the report rate. */
  private drawFrame(time: number): void {
    const report = this.latest;
    if (!report) return;
    this.frameTimes.push(time);
    while (this.frameTimes.length > 0 && this.frameTimes[0]! < time - 1000) this.frameTimes.shift();
    this.field.setField(report.field);
    this.lossChart.redraw();
    this.layers.update(report.diagnostics, report.step);
    this.renderStatus(report);
    this.renderRun();
    this.renderMessages();
  }

  private renderStatus(report: ProgressReport): void {
    const percent = (value: number | null | undefined) => (value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`);
    const parts = [
      l10n.t('Step {0}', report.step),
      l10n.t('epoch {0}', report.epoch),
      l10n.t('train loss {0}', formatValue(report.train.loss)),
      report.test ? l10n.t('test loss {0}', formatValue(report.test.loss)) : null,
      report.train.accuracy !== null ? l10n.t('accuracy {0} (train) / {1} (test)', percent(report.train.accuracy), report.test ? percent(report.test.accuracy) : '–') : null,
      report.state === 'running' ? l10n.t('{0} steps/s, {1} samples/s', Math.round(report.stepsPerSecond), Math.round(report.samplesPerSecond)) : null,
    ].filter((part): part is string => part !== null);
    this.status.textContent = parts.join(' · ');
    this.status.dataset['step'] = String(report.step);
    this.status.dataset['state'] = report.state;
    this.status.dataset['trainLoss'] = String(report.train.loss);
    this.status.dataset['stepsPerSecond'] = String(report.stepsPerSecond);
    this.status.dataset['samplesPerSecond'] = String(report.samplesPerSecond);
    this.status.dataset['viewUpdatesPerSecond'] = String(this.frameTimes.length);
    this.field.describe(l10n.t('Predictions of the network over the input plane after {0} steps, with the data points. {1}', report.step, this.status.textContent));
  }

  private renderRun(): void {
    const ready = this.client !== null && this.canonical.ok && this.jobError === null;
    const state = this.runState;
    this.runButton.textContent = state === 'running' ? l10n.t('Pause') : state === 'finished' ? l10n.t('▶ Continue') : state === 'paused' ? l10n.t('▶ Resume') : state === 'diverged' ? l10n.t('▶ Restart') : l10n.t('▶ Train');
    this.runButton.disabled = !ready;
    this.runButton.dataset['state'] = state;
    this.stepButton.disabled = !ready || state === 'running' || state === 'diverged';
    this.resetButton.disabled = !ready;
  }

  private renderMessages(): void {
    const items: Node[] = [];
    if (this.workerProblem) items.push(el('p', { class: 'error', role: 'alert', 'data-testid': 'worker-problem' }, this.workerProblem));
    if (!this.canonical.ok) items.push(el('p', { class: 'error', role: 'alert', 'data-testid': 'config-error' }, this.canonical.error.localizedMessage()));
    if (this.jobError) items.push(el('p', { class: 'error', role: 'alert' }, this.jobError));
    if (this.exportError) items.push(el('p', { class: 'error', role: 'alert' }, this.exportError));
    const divergence = this.latest?.divergence;
    if (divergence) items.push(el('p', { class: 'error', role: 'alert', 'data-testid': 'divergence' }, localize(divergence.text)));
    for (const warning of this.loaded?.warnings ?? []) items.push(el('p', { class: 'warning' }, localize(warning.text, warning.args)));
    const key = items.map((item) => item.textContent).join('\n');
    if (this.messages.dataset['key'] === key) return;
    this.messages.dataset['key'] = key;
    replaceChildren(this.messages, ...items);
  }
}
