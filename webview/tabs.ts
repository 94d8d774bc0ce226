/**
 * The panel's sections as an ARIA tab list (arrow keys, Home and End move between tabs). Tabs are data:
 * the training issue adds its section by adding an entry.
 */
import { el } from './dom';

/** One section of the panel. */
export interface TabSpec<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly content: HTMLElement;
}

/** A tab strip with its panels; `onSelect` is called when the user picks a tab. */
export class Tabs<Id extends string> {
  readonly strip: HTMLElement;
  readonly panels: HTMLElement;
  private readonly buttons = new Map<Id, HTMLButtonElement>();
  private readonly panelById = new Map<Id, HTMLElement>();

  constructor(private readonly specs: readonly TabSpec<Id>[], selected: Id, private readonly onSelect: (id: Id) => void) {
    this.strip = el('div', { class: 'tabs', role: 'tablist' });
    this.panels = el('div', { class: 'tab-panels' });
    for (const spec of specs) {
      const tab = el('button', { type: 'button', role: 'tab', id: `tab-${spec.id}`, 'aria-controls': `panel-${spec.id}`, 'data-tab': spec.id }, spec.label);
      tab.addEventListener('click', () => this.onSelect(spec.id));
      tab.addEventListener('keydown', (event) => this.onKey(event, spec.id));
      const panel = el('section', { role: 'tabpanel', id: `panel-${spec.id}`, 'aria-labelledby': `tab-${spec.id}`, class: 'tab-panel' }, spec.content);
      this.buttons.set(spec.id, tab);
      this.panelById.set(spec.id, panel);
      this.strip.appendChild(tab);
      this.panels.appendChild(panel);
    }
    this.show(selected);
  }

  /** Shows a tab (without calling `onSelect`). */
  show(id: Id): void {
    for (const spec of this.specs) {
      const active = spec.id === id;
      const tab = this.buttons.get(spec.id)!;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
      this.panelById.get(spec.id)!.hidden = !active;
    }
  }

  private onKey(event: KeyboardEvent, current: Id): void {
    const index = this.specs.findIndex((spec) => spec.id === current);
    const last = this.specs.length - 1;
    const targets: Record<string, number> = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const id = this.specs[target]!.id;
    this.onSelect(id);
    this.buttons.get(id)!.focus();
  }
}
