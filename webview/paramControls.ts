/**
 * Editors for a function's parameters: a number field with a slider, a checkbox, a choice list or a
 * comma-separated list. Every control has a label; values not set by the user show the framework default.
 */
import * as l10n from '@vscode/l10n';
import { defaultFor } from '../src/core/catalog/params';
import type { Framework, ParamSpec, ParamValue } from '../src/core/catalog/types';
import { localize } from '../src/core/l10n';
import type { PanelParamValue, PanelParams } from '../src/protocol/playground';
import { el, select, uniqueId } from './dom';

/** Slider bounds: the spec's own bounds where given, else a span around the default wide enough to explore. */
export function sliderBounds(spec: ParamSpec, value: number): { readonly min: number; readonly max: number; readonly step: number } {
  const magnitude = Math.max(1, Math.abs(value));
  let min = spec.min ?? (value >= 0 && spec.max === undefined ? 0 : value - 4 * magnitude);
  let max = spec.max ?? Math.max(value + 4 * magnitude, min + 1);
  if (spec.min !== undefined && spec.max === undefined) max = Math.max(spec.min + 4 * magnitude, value * 4, spec.min + 1);
  if (min >= max) [min, max] = [value - magnitude, value + magnitude];
  const step = spec.type === 'integer' ? 1 : (max - min) / 200;
  return { min, max, step };
}

/** The parameters a framework exposes. */
export function visibleParams(params: readonly ParamSpec[], framework: Framework): ParamSpec[] {
  return params.filter((spec) => spec.type !== 'string' && (!spec.frameworks || spec.frameworks.includes(framework)));
}

function parseNumberList(text: string): number[] | undefined {
  const parts = text.split(/[,\s]+/).filter((part) => part !== '');
  const numbers = parts.map(Number);
  return numbers.every(Number.isFinite) ? numbers : undefined;
}

/** One labelled editor; `onChange` receives the new value (or undefined to go back to the default). */
function paramEditor(spec: ParamSpec, current: ParamValue, fallback: ParamValue, focusKey: string, onChange: (value: PanelParamValue | undefined) => void): HTMLElement {
  const id = uniqueId(`param-${spec.name}`);
  const description = localize(spec.description);
  const label = el('label', { for: id, title: description }, spec.name);
  switch (spec.type) {
    case 'boolean': {
      const input = el('input', { type: 'checkbox', id, 'data-focus-key': focusKey });
      input.checked = current === true;
      input.addEventListener('change', () => onChange(input.checked));
      return el('div', { class: 'param check' }, input, label);
    }
    case 'choice': {
      const control = select((spec.choices ?? []).map((choice) => ({ value: choice, label: choice })), String(current), { id, 'data-focus-key': focusKey });
      control.addEventListener('change', () => onChange(control.value));
      return el('div', { class: 'param' }, label, control);
    }
    case 'numberList': {
      const input = el('input', { type: 'text', id, placeholder: l10n.t('none'), spellcheck: 'false', 'aria-describedby': `${id}-hint`, 'data-focus-key': focusKey });
      input.value = Array.isArray(current) ? (current as readonly unknown[]).flat().join(', ') : '';
      input.addEventListener('change', () => {
        if (input.value.trim() === '') return onChange(fallback === null ? null : undefined);
        const list = parseNumberList(input.value);
        input.setAttribute('aria-invalid', String(list === undefined));
        if (list) onChange(list);
      });
      return el('div', { class: 'param' }, label, input, el('span', { class: 'hint', id: `${id}-hint` }, l10n.t('comma-separated numbers')));
    }
    default: {
      const numeric = typeof current === 'number' ? current : undefined;
      const input = el('input', { type: 'number', id, step: 'any', placeholder: current === null ? l10n.t('none') : undefined, 'data-focus-key': focusKey });
      if (numeric !== undefined) input.value = String(numeric);
      const row = el('div', { class: 'param' }, label, input);
      if (numeric !== undefined) {
        const bounds = sliderBounds(spec, numeric);
        const slider = el('input', { type: 'range', min: bounds.min, max: bounds.max, step: bounds.step, 'aria-label': l10n.t('{0} slider', spec.name), 'data-focus-key': `${focusKey}-slider` });
        slider.value = String(numeric);
        slider.addEventListener('input', () => {
          input.value = slider.value;
          onChange(Number(slider.value));
        });
        row.appendChild(slider);
      }
      input.addEventListener('change', () => {
        if (input.value.trim() === '') return onChange(fallback === null ? null : undefined);
        const value = input.valueAsNumber;
        if (Number.isFinite(value)) onChange(spec.type === 'integer' ? Math.round(value) : value);
      });
      return row;
    }
  }
}

/**
 * Editors for every visible parameter of a function under a framework. `onChange` receives a parameter's
 * new value, or undefined when it goes back to the framework default (so framework switches update it).
 */
export function paramEditors(
  specs: readonly ParamSpec[],
  framework: Framework,
  params: PanelParams,
  onChange: (name: string, value: PanelParamValue | undefined) => void,
  focusPrefix: string,
): HTMLElement | null {
  const shown = visibleParams(specs, framework);
  if (shown.length === 0) return null;
  const editors = shown.map((spec) => {
    const fallback = defaultFor(spec, framework);
    const current = spec.name in params ? params[spec.name]! : fallback;
    return paramEditor(spec, current, fallback, `${focusPrefix}-${spec.name}`, (value) => onChange(spec.name, value));
  });
  return el('div', { class: 'params', role: 'group', 'aria-label': l10n.t('Parameters') }, ...editors);
}
