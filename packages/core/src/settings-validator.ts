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

const own = Object.hasOwn;

/** What is wrong with `value` under `schema` (`must …`), or ''. */
function problemOf(schema: SettingSchema, value: unknown): string {
  const { type, pattern } = schema;
  // Bounds: numbers by value; strings and arrays by length. A comparison with an absent bound is false.
  const numeric = typeof value === 'number';
  // NaN when there is nothing to measure: every comparison below is then false.
  const size = numeric ? value : ((value as string[] | null)?.length ?? NaN);
  const [min, max, above, below] = numeric
    ? [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum]
    : Array.isArray(value)
      ? [schema.minItems, schema.maxItems]
      : [schema.minLength, schema.maxLength];
  const bound =
    size < min!
      ? `>= ${min}`
      : size > max!
        ? `<= ${max}`
        : size <= above!
          ? `> ${above}`
          : size >= below!
            ? `< ${below}`
            : '';
  return type && !(TYPES[type] ?? ((v: unknown) => typeof v === type))(value)
    ? `must be of type ${type}`
    : schema.enum && !schema.enum.includes(value)
      ? `must be one of ${JSON.stringify(schema.enum)}`
      : typeof value === 'string' && pattern && !new RegExp(pattern).test(value)
        ? `must match /${pattern}/`
        : bound && `${numeric ? '' : 'length '}must be ${bound}`;
}

/** Checks one value; pushes `path: problem` to `errors`; returns the value, cleaned. */
function check(schema: SettingSchema, value: unknown, path: string, errors: string[]): unknown {
  const problem = problemOf(schema, value);
  if (problem) errors.push(`${path}: ${problem}`);
  else if (Array.isArray(value))
    return value.map((item, i) => (schema.items ? check(schema.items, item, `${path}[${i}]`, errors) : item));
  else if (isObject(value)) {
    // Declared properties are checked and copied; other keys only through `additionalProperties`.
    const out: Record<string, unknown> = {};
    const { properties = {}, additionalProperties: extra } = schema;
    for (const key in properties) {
      const property = properties[key]!;
      const at = `${path}.${key}`;
      if (own(value, key) && value[key] !== undefined) out[key] = check(property, value[key], at, errors);
      // Defaults are copied, so a plugin mutating its settings cannot change the schema.
      else if (own(property, 'default')) out[key] = JSON.parse(JSON.stringify(property.default));
      else if (schema.required?.includes(key)) errors.push(`${at}: required`);
    }
    for (const key in value) {
      if (isObject(extra) && own(value, key) && !own(properties, key) && key !== '__proto__') {
        out[key] = check(extra, value[key], `${path}.${key}`, errors);
      }
    }
    return out;
  }
  return value;
}

/**
 * Validates settings against the JSON-Schema subset settings use (type, enum, pattern, min/max
 * length, items, minimum/maximum, properties, required, additionalProperties, default). Unknown
 * top-level keys are dropped, as zod's `z.object` does: remote settings carry many. Messages read
 * `settings.<field>: must be …` or `settings.<field>: required`.
 */
export function validateSettings<S>(schema: SettingSchema, input: unknown): SettingsResult<S> {
  const errors: string[] = [];
  // The root is `type: object` without additionalProperties (settingsJsonSchema checks): unknown keys drop.
  const value = check(schema, input, 'settings', errors);
  return errors.length ? { ok: false, errors } : { ok: true, value: value as S };
}
