// fast-check generators for settings: objects that fit a JSON schema, objects with one field broken,
// and objects of anything, so that both acceptance and rejection are exercised.
import fc from 'fast-check';
import type { SettingSchema } from '../src';

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);
const safeKey = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));

/** A value that fits `schema`. */
export function validValue(schema: SettingSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  switch (schema.type) {
    case 'string':
      return schema.pattern
        ? fc.stringMatching(new RegExp(schema.pattern))
        : fc.string({ minLength: schema.minLength ?? 0, maxLength: schema.maxLength ?? 12 });
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1e6 : schema.exclusiveMinimum + 1e-6);
      const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1e6 : schema.exclusiveMaximum - 1e-6);
      return fc.double({ min, max, noNaN: true });
    }
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e6, -1e6), max: Math.min(schema.maximum ?? 1e6, 1e6) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? validValue(schema.items) : junk, {
        minLength: schema.minItems ?? 0,
        maxLength: schema.maxItems ?? 3,
      });
    case 'object':
      if (schema.properties) return validSettings(schema);
      return fc.dictionary(
        safeKey,
        typeof schema.additionalProperties === 'object' ? validValue(schema.additionalProperties) : junk,
        {
          maxKeys: 3,
        },
      );
  }
  return junk;
}

/** An object that fits `schema`: required keys present, optional ones sometimes. */
export function validSettings(schema: SettingSchema): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(schema.properties ?? {})) shape[key] = validValue(child);
  return fc.record(shape, { requiredKeys: [...(schema.required ?? [])] });
}

/** Valid objects, objects with one field broken or removed, and objects of junk, mixed. */
export function arbitrarySettings(schema: SettingSchema): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(schema.properties ?? {});
  const broken = fc
    .tuple(validSettings(schema), fc.constantFrom(...keys), fc.option(junk, { nil: undefined }))
    .map(([value, key, bad]) => {
      const copy = { ...value };
      if (bad === undefined) delete copy[key];
      else copy[key] = bad;
      return copy;
    });
  const anything = fc.record(
    Object.fromEntries(keys.map((k) => [k, fc.oneof(validValue(schema.properties![k]!), junk)])),
    {
      requiredKeys: [],
    },
  );
  const withUnknown = validSettings(schema).map((value) => ({ ...value, someRemoteSetting: 'kept out' }));
  return fc.oneof(validSettings(schema), withUnknown, broken, anything);
}
