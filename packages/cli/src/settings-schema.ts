// settings.schema.json exactly as scripts/settings-schema.ts writes it: that script's note, core's
// settingsJsonSchema, the same layout. The script itself cannot be reused as is from here, because it
// loads src/settings.ts with a dynamic import that needs tsx's loader.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SettingSchema } from '@devicemode/core';
import { CliError } from './cli-error';
import { loadSource } from './load-module';
import { destinationDir } from './repo';

interface SchemaModules {
  settings?: unknown;
  settingsJsonSchema: (schema: unknown) => SettingSchema;
  GENERATED_NOTE: string;
}

/** The text settings.schema.json must hold for a destination's current src/settings.ts. */
export async function settingsSchemaText(root: string, slug: string): Promise<string> {
  const dir = destinationDir(root, slug);
  const file = join(dir, 'src/settings.ts');
  const what = relative(root, file);
  if (!existsSync(file)) throw new CliError(`${what} is missing`, 'write the zod settings schema there');
  const source = `export { settings } from ${JSON.stringify(file)};
export { settingsJsonSchema } from ${JSON.stringify(join(root, 'packages/core/src/settings-json.ts'))};
export { GENERATED_NOTE } from ${JSON.stringify(join(root, 'scripts/settings-schema.ts'))};`;
  const modules = await loadSource<SchemaModules>(root, source, dir, what);
  if (!modules.settings) throw new CliError(`${what} must export \`settings\` (a z.object)`);
  let schema: SettingSchema;
  try {
    schema = modules.settingsJsonSchema(modules.settings);
  } catch (error) {
    throw new CliError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return `${JSON.stringify({ $comment: modules.GENERATED_NOTE, ...schema }, null, 2)}\n`;
}
