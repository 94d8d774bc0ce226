/** Tiny DOM builders. Text always goes in as text nodes (never innerHTML), and no inline handlers exist. */

/** A child: a node, text, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attribute values; `false`/`undefined` leave the attribute out, `true` sets it empty. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** Creates an element with attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let idCounter = 0;
/** A page-unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  idCounter++;
  return `${prefix}-${idCounter}`;
}

/** A labelled control row: `<label for>` plus the control. */
export function labelled(text: string, control: HTMLElement, hint?: string): HTMLElement {
  if (!control.id) control.id = uniqueId('control');
  return el('div', { class: 'field' }, el('label', { for: control.id }, text), control, hint ? el('span', { class: 'hint' }, hint) : null);
}

/** A `<select>` with options (value, label) and the current value selected. */
export function select(options: readonly { readonly value: string; readonly label: string; readonly group?: string }[], value: string, attributes: Attributes = {}): HTMLSelectElement {
  const element = el('select', attributes);
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const option of options) {
    const node = el('option', { value: option.value }, option.label);
    if (option.group) {
      let group = groups.get(option.group);
      if (!group) {
        group = el('optgroup', { label: option.group });
        groups.set(option.group, group);
        element.appendChild(group);
      }
      group.appendChild(node);
    } else {
      element.appendChild(node);
    }
  }
  element.value = value;
  return element;
}

/** A checkbox with its label. */
export function checkbox(text: string, checked: boolean, onChange: (checked: boolean) => void): HTMLElement {
  const input = el('input', { type: 'checkbox', id: uniqueId('check') });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return el('div', { class: 'field check' }, input, el('label', { for: input.id }, text));
}

/** A button with text and a click handler. */
export function button(text: string, onClick: () => void, attributes: Attributes = {}): HTMLButtonElement {
  const element = el('button', { type: 'button', ...attributes }, text);
  element.addEventListener('click', onClick);
  return element;
}
