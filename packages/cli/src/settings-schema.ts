// settings.schema.json exactly as scripts/settings-schema.ts writes it: both call core's
// settingsSchemaFile. The script itself is not reused from here because it loads src/settings.ts with a
// dynamic import that needs tsx's loader; this loads it with esbuild instead.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CliError } from './cli-error';
import { loadSource } from './load-module';
import { destinationDir } from './repo';

interface SchemaModules {
  settings?: unknown;
  settingsSchemaFile: (schema: unknown) => string;
}

/** The text settings.schema.json must hold for a destination's current src/settings.ts. */
export async function settingsSchemaText(root: string, slug: string): Promise<string> {
  const dir = destinationDir(root, slug);
  const file = join(dir, 'src/settings.ts');
  const what = relative(root, file);
  if (!existsSync(file)) throw new CliError(`${what} is missing`, 'write the zod settings schema there');
  const source = `export { settings } from ${JSON.stringify(file)};
export { settingsSchemaFile } from ${JSON.stringify(join(root, 'packages/core/src/settings-json.ts'))};`;
  const modules = await loadSource<SchemaModules>(root, source, dir, what);
  if (!modules.settings) throw new CliError(`${what} must export \`settings\` (a z.object)`);
  try {
    return modules.settingsSchemaFile(modules.settings);
  } catch (error) {
    throw new CliError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
