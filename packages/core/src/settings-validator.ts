import { isObject } from './globals';
import type { SettingSchema } from './types';

/** The outcome of {@link validateSettings}: the settings with defaults, or one message per problem. */
export type SettingsResult<S> = { ok: true; value: S } | { ok: false; errors: string[] };

const TYPES: Record<string, (value: unknown) => boolean> = {
  number: Number.isFinite,
  integer: Number.isInteger,
  array: Array.isArray,
  object: isObject,
};

/** `*imum` keywords bound numbers, the others bound `.length`; `min*` are lower bounds, `exclusive*` strict. */
const BOUNDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
];

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function problemOf(schema: SettingSchema, value: unknown): string | undefined {
  const { type, pattern } = schema;
  if (type && !(TYPES[type] ? TYPES[type](value) : typeof value === type)) return `must be of type ${type}`;
  if (schema.enum && !schema.enum.includes(value)) return `must be one of ${JSON.stringify(schema.enum)}`;
  if (typeof value === 'string' && pattern && !new RegExp(pattern).test(value)) return `must match /${pattern}/`;
  for (const keyword of BOUNDS) {
    const limit = schema[keyword] as number | undefined;
    const numeric = keyword.includes('imum');
    if (limit === undefined || numeric !== (typeof value === 'number')) continue;
    const lower = /^(min|exclusiveMin)/.test(keyword);
    const strict = keyword[0] === 'e';
    const margin = (lower ? 1 : -1) * ((numeric ? (value as number) : (value as string).length) - limit);
    if (strict ? margin <= 0 : margin < 0)
      return `${numeric ? '' : 'length '}must be ${lower ? '>' : '<'}${strict ? '' : '='} ${limit}`;
  }
}

/** Checks one value; pushes `path: problem` to `errors`; returns the value, cleaned. */
function check(schema: SettingSchema, value: unknown, path: string, errors: string[]): unknown {
  const problem = problemOf(schema, value);
  if (problem) errors.push(`${path}: ${problem}`);
  else if (Array.isArray(value))
    return value.map((item, i) => (schema.items ? check(schema.items, item, `${path}[${i}]`, errors) : item));
  else if (isObject(value)) return checkObject(schema, value, path, errors);
  return value;
}

/** Declared properties are checked and copied; other keys only through `additionalProperties`. */
function checkObject(schema: SettingSchema, input: Record<string, unknown>, path: string, errors: string[]): object {
  const out: Record<string, unknown> = {};
  const { properties = {}, additionalProperties: extra } = schema;
  for (const key in properties) {
    const property = properties[key] as SettingSchema;
    const at = `${path}.${key}`;
    if (own(input, key) && input[key] !== undefined) out[key] = check(property, input[key], at, errors);
    // Defaults are copied, so a plugin mutating its settings cannot change the schema.
    else if (own(property, 'default')) out[key] = JSON.parse(JSON.stringify(property.default));
    else if (schema.required?.includes(key)) errors.push(`${at}: required`);
  }
  for (const key in input) {
    if (!isObject(extra) || !own(input, key) || own(properties, key) || key === '__proto__') continue;
    out[key] = check(extra, input[key], `${path}.${key}`, errors);
  }
  return out;
}

/**
 * Validates settings against the JSON-Schema subset settings use (type, enum, pattern,
 * min/max length, items, minimum/maximum, properties, required, additionalProperties, default).
 * Unknown top-level keys are dropped, as zod's `z.object` does: remote settings carry many.
 * Messages read `settings.<field>: <rule>`.
 */
export function validateSettings<S>(schema: SettingSchema, input: unknown): SettingsResult<S> {
  const errors: string[] = [];
  const value = isObject(input)
    ? checkObject({ ...schema, additionalProperties: false }, input, 'settings', errors)
    : errors.push(
        `settings: must be an object, got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}`,
      );
  return errors.length ? { ok: false, errors } : { ok: true, value: value as S };
}
