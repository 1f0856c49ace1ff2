import type { SettingSchema } from '@devicemode/core';
import { settingRows } from '../docs/settings-table';
import type { ValidationRule } from './types';

/** Every setting has a description: it is the documentation customers read in the settings table. */
export const settingsRule: ValidationRule = {
  title: 'every setting documented',
  check({ text }) {
    const raw = text('settings.schema.json');
    if (raw === undefined) return []; // reported by the generated-files rule
    let schema: SettingSchema;
    try {
      schema = JSON.parse(raw) as SettingSchema;
    } catch {
      return [
        {
          where: 'settings.schema.json',
          message: 'not valid JSON',
          fix: 'regenerate it: npx tsx scripts/settings-schema.ts <slug>',
        },
      ];
    }
    return settingRows(schema)
      .filter((row) => !row.description?.trim())
      .map((row) => ({
        where: `src/settings.ts → ${row.field}`,
        message: 'has no description',
        fix: "add .describe('…') (and JSDoc) to the field, then regenerate settings.schema.json",
      }));
  },
};
