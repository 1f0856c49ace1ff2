// A settings form generated from a destination's settings.schema.json, checked with core's run-time
// validator: the page shows exactly the messages a customer's page would log.
import { validateSettings, type SettingSchema } from '@devicemode/core';

/** One destination's form: its element, current values, and validation. */
export interface SettingsForm {
  element: HTMLElement;
  /** Validates the current values; shows each message beside its field. */
  validate: () => { ok: true; value: Record<string, unknown> } | { ok: false; errors: string[] };
  /** The raw values, for saving across reloads. */
  values: () => Record<string, unknown>;
}

type Kind = 'text' | 'number' | 'boolean' | 'enum' | 'json';

const kindOf = (schema: SettingSchema): Kind =>
  schema.enum
    ? 'enum'
    : schema.type === 'boolean'
      ? 'boolean'
      : schema.type === 'number' || schema.type === 'integer'
        ? 'number'
        : schema.type === 'string'
          ? 'text'
          : 'json';

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Renders the form; `initial` are saved or example values. */
export function settingsForm(slug: string, schema: SettingSchema, initial: Record<string, unknown>): SettingsForm {
  const element = h('div', { class: 'settings' });
  const readers = new Map<string, () => unknown>();
  const errorSlots = new Map<string, HTMLElement>();
  const required = new Set(schema.required ?? []);
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const id = `${slug}.${key}`;
    const kind = kindOf(property);
    const row = h('label', { class: 'field' });
    row.append(h('span', { class: 'name' }, `${key}${required.has(key) ? ' *' : ''}`));
    const value = initial[key] ?? property.default;
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (kind === 'enum') {
      input = h('select', { name: id });
      if (!required.has(key)) input.append(h('option', { value: '' }, '(default)'));
      for (const option of property.enum ?? [])
        input.append(h('option', { value: JSON.stringify(option) }, String(option)));
      input.value = value === undefined ? '' : JSON.stringify(value);
      readers.set(key, () => (input.value ? JSON.parse(input.value) : undefined));
    } else if (kind === 'boolean') {
      const box = h('input', { name: id, type: 'checkbox' });
      box.checked = value === true;
      input = box;
      readers.set(key, () => box.checked);
    } else if (kind === 'json') {
      input = h('textarea', { name: id, rows: '2', spellcheck: 'false' });
      input.value = value === undefined ? '' : JSON.stringify(value);
      readers.set(key, () => {
        const text = input.value.trim();
        if (!text) return undefined;
        try {
          return JSON.parse(text);
        } catch {
          return { __invalidJson: text };
        }
      });
    } else {
      input = h('input', { name: id, type: kind === 'number' ? 'number' : 'text', spellcheck: 'false' });
      input.value = value === undefined ? '' : String(value);
      readers.set(key, () => {
        const text = input.value;
        if (text === '') return undefined;
        return kind === 'number' && Number.isFinite(Number(text)) ? Number(text) : text;
      });
    }
    row.append(input);
    if (property.description) row.append(h('small', { class: 'description' }, property.description));
    const error = h('small', { class: 'error', 'data-error-for': id });
    errorSlots.set(key, error);
    row.append(error);
    element.append(row);
  }
  const values = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, read] of readers) {
      const value = read();
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  const validate: SettingsForm['validate'] = () => {
    for (const slot of errorSlots.values()) slot.textContent = '';
    const raw = values();
    const errors: string[] = [];
    for (const [key, value] of Object.entries(raw))
      if (value && typeof value === 'object' && '__invalidJson' in value)
        errors.push(`settings.${key}: not valid JSON`);
    const result = validateSettings<Record<string, unknown>>(schema, raw);
    if (!result.ok) errors.push(...result.errors);
    for (const message of errors) {
      const key = /^settings\.([^.[:]+)/.exec(message)?.[1];
      const slot = (key && errorSlots.get(key)) || undefined;
      if (slot) slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
    }
    return errors.length || !result.ok ? { ok: false, errors } : { ok: true, value: result.value };
  };
  return { element, validate, values };
}
