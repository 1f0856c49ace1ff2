// The one destination template (packages/cli/templates/destination): every file ends in `.tmpl` so that
// jest, tsc and eslint never mistake the template for a package; `{{key}}` placeholders and `__slug__` in
// paths are filled in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageDir } from '../package-dir';

/** The template directory of this package. */
export const templateDir = (): string => join(packageDir(), 'templates/destination');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Fills `{{key}}` placeholders; a placeholder without a value is an error (a template bug). */
export function fill(text: string, values: Readonly<Record<string, string>>, file: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template ${file}: no value for {{${key}}}`);
    return value;
  });
}

/** The rendered files: package-relative path → content. */
export function renderTemplate(
  values: Readonly<Record<string, string>>,
  dir: string = templateDir(),
): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of filesUnder(dir).sort()) {
    const name = relative(dir, file);
    if (!name.endsWith('.tmpl')) continue;
    const target = name.slice(0, -'.tmpl'.length).replace(/__slug__/g, values.slug ?? '__slug__');
    files.set(target, fill(readFileSync(file, 'utf8'), values, name));
  }
  return files;
}
