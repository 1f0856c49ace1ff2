// A destination's files as the tools read them; a missing or malformed file is a CliError naming it.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SettingSchema } from '@devicemode/core';
import { CliError } from './cli-error';
import { destinationDir } from './repo';

/** Reads a JSON file of a destination; `undefined` when it does not exist. */
export function readJsonFile<T>(root: string, file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new CliError(
      `${relative(root, file)} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      'fix the syntax (or regenerate the file if it is generated)',
    );
  }
}

/** The committed settings.schema.json of a destination (required). */
export function readSettingsSchema(root: string, slug: string): SettingSchema {
  const file = join(destinationDir(root, slug), 'settings.schema.json');
  const schema = readJsonFile<SettingSchema>(root, file);
  if (!schema)
    throw new CliError(`${relative(root, file)} is missing`, `generate it: npx tsx scripts/settings-schema.ts ${slug}`);
  return schema;
}

/** catalog.json as written by the author (validated by `devicemode validate`). */
export interface Catalog {
  name?: unknown;
  slug?: unknown;
  description?: unknown;
  website?: unknown;
  categories?: unknown;
  supportEmail?: unknown;
}

/** A text file of a destination, or `undefined`. */
export function readText(root: string, slug: string, name: string): string | undefined {
  const file = join(destinationDir(root, slug), name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
