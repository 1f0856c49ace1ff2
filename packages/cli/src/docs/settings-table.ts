// The README settings table, from a destination's settings.schema.json.
import type { SettingSchema } from '@devicemode/core';
import { code, table } from './markdown';

/** One documented setting: `eventMap` or, for nested objects, `consent.mode`. */
export interface SettingRow {
  field: string;
  type: string;
  required: boolean;
  default: unknown;
  hasDefault: boolean;
  description: string | undefined;
}

/** A readable type: `string`, `"US" \| "EU"`, `string[]`, `record<string, "purchase" \| "lead">`. */
export function typeOf(schema: SettingSchema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.type === 'array') return schema.items ? `${wrap(typeOf(schema.items))}[]` : 'array';
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object')
    return `record<string, ${typeOf(schema.additionalProperties)}>`;
  return schema.type ?? 'any';
}

const wrap = (type: string): string => (type.includes(' ') ? `(${type})` : type);

/** Every setting, nested object fields flattened to `parent.child`, in schema order. */
export function settingRows(schema: SettingSchema, prefix = ''): SettingRow[] {
  const rows: SettingRow[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const field = `${prefix}${key}`;
    rows.push({
      field,
      type: typeOf(property),
      required: schema.required?.includes(key) ?? false,
      default: property.default,
      hasDefault: Object.prototype.hasOwnProperty.call(property, 'default'),
      description: property.description,
    });
    if (property.type === 'object' && property.properties) rows.push(...settingRows(property, `${field}.`));
  }
  return rows;
}

/** The settings table as markdown (unformatted). */
export function settingsTable(schema: SettingSchema): string {
  const rows = settingRows(schema);
  if (rows.length === 0) return 'This destination has no settings.';
  return table(
    ['Setting', 'Type', 'Required', 'Default', 'Description'],
    rows.map((row) => [
      code(row.field),
      code(row.type),
      row.required ? 'yes' : 'no',
      row.hasDefault ? code(JSON.stringify(row.default)) : '—',
      row.description ?? '(undocumented)',
    ]),
  );
}
