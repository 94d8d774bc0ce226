/** A labelled number input for ranges and targets: it commits finite values within the panel's limits. */
import * as l10n from '@vscode/l10n';
import { LIMITS } from '../src/protocol/playground';
import { el, labelled } from './dom';

/**
 * A number input that commits finite values with |value| ≤ LIMITS.range (or null when blank and `allowBlank`).
 * `onCommit` returns whether the value was accepted; the field marks itself invalid otherwise.
 */
export function numberField(label: string, value: number | null, focusKey: string, allowBlank: boolean, onCommit: (value: number | null) => boolean): HTMLElement {
  const input = el('input', { type: 'number', step: 'any', 'data-focus-key': focusKey, placeholder: allowBlank ? l10n.t('auto') : undefined });
  if (value !== null) input.value = String(value);
  input.addEventListener('change', () => {
    const blank = input.value.trim() === '';
    const parsed = input.valueAsNumber;
    const ok = blank ? allowBlank && onCommit(null) : Number.isFinite(parsed) && Math.abs(parsed) <= LIMITS.range && onCommit(parsed);
    input.setAttribute('aria-invalid', String(!ok));
  });
  return labelled(label, input);
}
