/**
 * Per-layer health of the last step: the gradient norm of each layer on a log bar (1e-8 to 10), and the
 * share of dead (ReLU output and slope 0 for the whole batch) and saturated (|f'| < 0.001) units, so a
 * vanishing gradient in the first layers of a deep sigmoid network is visible at a glance.
 */
import * as l10n from '@vscode/l10n';
import type { LayerDiagnostics, LayerInfo } from '../src/protocol/training';
import { el, replaceChildren } from './dom';
import { formatValue } from './format';

/** The log10 range the gradient bars span. */
const LOG_MIN = -8;
const LOG_MAX = 1;

function percent(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}

/** A bar whose width is the value on a log scale. */
function logBar(value: number): HTMLElement {
  const fraction = value > 0 && Number.isFinite(value) ? Math.min(1, Math.max(0, (Math.log10(value) - LOG_MIN) / (LOG_MAX - LOG_MIN))) : 0;
  const fill = el('span', { class: 'bar-fill' });
  fill.style.width = `${(fraction * 100).toFixed(1)}%`;
  return el('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
}

/** The per-layer table. */
export class LayerTable {
  readonly element = el('div', { class: 'layer-table' });
  private layers: readonly LayerInfo[] = [];

  /** The layers of a new job. */
  setLayers(layers: readonly LayerInfo[]): void {
    this.layers = layers;
    replaceChildren(this.element);
  }

  /** Shows the diagnostics of the last step. */
  update(diagnostics: LayerDiagnostics, step: number): void {
    const rows = this.layers.map((layer, l) => {
      const name = l === this.layers.length - 1
        ? l10n.t('output · {0} · {1} units', layer.activation, layer.units)
        : l10n.t('hidden {0} · {1} · {2} units', l + 1, layer.activation, layer.units);
      const norm = diagnostics.gradientNorms[l] ?? 0;
      return el('tr', { 'data-layer': l },
        el('th', { scope: 'row' }, name),
        el('td', { class: 'number', 'data-value': 'gradient' }, formatValue(norm)),
        el('td', {}, logBar(norm)),
        el('td', { class: 'number', 'data-value': 'dead' }, percent(diagnostics.deadFraction[l] ?? 0)),
        el('td', { class: 'number', 'data-value': 'saturated' }, percent(diagnostics.saturatedFraction[l] ?? 0)));
    });
    replaceChildren(this.element, step === 0 ? el('p', { class: 'hint' }, l10n.t('Gradient norms appear after the first step.')) : el('table', {},
      el('caption', {}, l10n.t('Layers at step {0}', step)),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, l10n.t('Layer')),
        el('th', { scope: 'col' }, l10n.t('‖gradient‖')),
        el('th', { scope: 'col' }, el('span', { class: 'hint' }, '10⁻⁸ … 10')),
        el('th', { scope: 'col', title: l10n.t('Units whose output and slope were 0 for the whole batch (dead ReLUs)') }, l10n.t('dead')),
        el('th', { scope: 'col', title: l10n.t('Units whose slope stayed below 0.001 for the whole batch (saturated sigmoid/tanh)') }, l10n.t('saturated')))),
      el('tbody', {}, ...rows)));
  }
}
