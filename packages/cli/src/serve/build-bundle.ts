// Builds a destination's CDN bundle with its own rollup.config.mjs (the shared config), CDN output only:
// the esm/cjs/types outputs are for npm and would triple the time of every rebuild.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { rollup, type OutputOptions } from 'rollup';
import { loadConfigFile } from 'rollup/loadConfigFile';
import { CliError } from '../cli-error';
import { destinationDir } from '../repo';

/** `dist/cdn/<slug>.js` of a destination. */
export const bundleFile = (root: string, slug: string): string =>
  join(destinationDir(root, slug), 'dist/cdn', `${slug}.js`);

function newestSource(dir: string): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ['src', 'settings.schema.json', 'package.json', 'rollup.config.mjs'])
    if (existsSync(join(dir, entry))) visit(join(dir, entry));
  return newest;
}

/** True when dist/cdn/<slug>.js exists and is newer than every source (e.g. `npm run build` just ran). */
export function isBundleFresh(root: string, slug: string): boolean {
  const file = bundleFile(root, slug);
  return existsSync(file) && statSync(file).mtimeMs >= newestSource(destinationDir(root, slug));
}

/** Builds dist/cdn/<slug>.js; rejects with rollup's message (file and line) on a build error. */
export async function buildBundle(root: string, slug: string): Promise<void> {
  const dir = destinationDir(root, slug);
  const { options } = await loadConfigFile(join(dir, 'rollup.config.mjs'), {}, false);
  const cdn = options.find((config) =>
    config.output.some((output: OutputOptions) => output.file?.includes('dist/cdn/')),
  );
  if (!cdn)
    throw new CliError(
      `packages/destinations/${slug}/rollup.config.mjs builds no CDN bundle`,
      'use packageConfig(import.meta.url, { cdn: true })',
    );
  try {
    const bundle = await rollup(cdn);
    // Output paths in the config are relative to the package (rollup resolves them against the cwd).
    for (const output of cdn.output)
      await bundle.write({
        ...output,
        file: output.file && !isAbsolute(output.file) ? join(dir, output.file) : output.file,
      });
    await bundle.close();
  } catch (error) {
    const located = error as { message?: string; id?: string; loc?: { file?: string; line?: number } };
    const where = located.loc?.file
      ? ` (${located.loc.file}:${located.loc.line})`
      : located.id
        ? ` (${located.id})`
        : '';
    throw new CliError(
      `${slug}: build failed: ${located.message ?? String(error)}${where}`,
      'fix the error; the tester rebuilds on save',
    );
  }
}
