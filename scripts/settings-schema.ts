// Generates each destination's settings.schema.json from its zod schema (src/settings.ts → `settings`).
//   tsx scripts/settings-schema.ts [--check] [slug…]
// --check writes nothing and fails when a committed file is stale.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ZodType } from 'zod';
import { settingsSchemaFile } from '../packages/core/src/settings-json';

const root = join(__dirname, '..');
const destinations = join(root, 'packages/destinations');

/** The settings.schema.json text for one destination directory. */
export async function settingsSchemaText(dir: string): Promise<string> {
  const module = (await import(pathToFileURL(join(dir, 'src/settings.ts')).href)) as { settings?: ZodType };
  if (!module.settings) throw new Error(`${relative(root, dir)}/src/settings.ts must export \`settings\` (a z.object)`);
  return settingsSchemaFile(module.settings);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const chosen = args.filter((a) => !a.startsWith('--'));
  const slugs = chosen.length ? chosen : existsSync(destinations) ? readdirSync(destinations) : [];
  const stale: string[] = [];
  for (const slug of slugs) {
    const dir = join(destinations, slug);
    if (!existsSync(join(dir, 'src/settings.ts'))) continue;
    const file = join(dir, 'settings.schema.json');
    const text = await settingsSchemaText(dir);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === text) continue;
    if (check) stale.push(relative(root, file));
    else {
      writeFileSync(file, text);
      console.log(`wrote ${relative(root, file)}`);
    }
  }
  if (stale.length) {
    console.error(`stale generated files (run \`npm run generate\` and commit):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
