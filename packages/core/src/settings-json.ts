// Author-time only (imports zod): turns a destination's zod settings schema into the JSON Schema
// that bundles embed and core's run-time validator checks. Never imported by the runtime entry.
import { z } from 'zod';
import type { SettingSchema } from './types';

/** Keywords the run-time validator understands; anything else in a generated schema is an error. */
export const SUPPORTED_KEYWORDS: readonly string[] = [
  'type',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'default',
  'description',
  'title',
  'examples',
  'deprecated',
];

function assertSupported(schema: SettingSchema, path: string): void {
  for (const [keyword, value] of Object.entries(schema)) {
    if (!SUPPORTED_KEYWORDS.includes(keyword)) {
      throw new Error(
        `settings schema ${path || '(root)'}: "${keyword}" is not supported by the run-time validator; ` +
          `use string/number/integer/boolean/enum (z.enum, also for a single literal)/array/record fields with regex, min/max and defaults`,
      );
    }
    if (
      keyword === 'type' &&
      !['string', 'number', 'integer', 'boolean', 'array', 'object'].includes(value as string)
    ) {
      throw new Error(
        `settings schema ${path || '(root)'}: "type": ${JSON.stringify(value)} is not supported; give each field one type`,
      );
    }
    if (keyword === 'propertyNames' && JSON.stringify(value) !== '{"type":"string"}') {
      throw new Error(`settings schema ${path}: record keys must be plain strings (z.record(z.string(), …))`);
    }
    if (keyword === 'properties') {
      for (const [key, child] of Object.entries(value as Record<string, SettingSchema>))
        assertSupported(child, `${path}.${key}`);
    } else if (['items', 'additionalProperties'].includes(keyword) && typeof value === 'object') {
      assertSupported(value as SettingSchema, `${path}.${keyword}`);
    }
  }
}

/** JSON Schema (input side: fields with a default are not required) for a zod settings object. */
export function settingsJsonSchema(schema: z.ZodType): SettingSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'throw',
  }) as SettingSchema;
  if (json.type !== 'object') throw new Error('settings schema: the root must be z.object({...})');
  assertSupported(json, '');
  return json;
}

/** The note every generated settings.schema.json opens with. */
export const GENERATED_NOTE =
  'Generated from src/settings.ts by scripts/settings-schema.ts: do not edit, run `npm run generate`.';

/** The exact text of a destination's settings.schema.json: the one format the script and the CLI share. */
export function settingsSchemaFile(schema: z.ZodType): string {
  return `${JSON.stringify({ $comment: GENERATED_NOTE, ...settingsJsonSchema(schema) }, null, 2)}\n`;
}
