// The root tsconfig.json lists every package as a project reference; `tsc -b` only checks what is listed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli-error';

interface RootTsconfig {
  references?: { path: string }[];
  [key: string]: unknown;
}

/** Adds `{ "path": path }` to the root tsconfig's references; false when it is already there. */
export function addReference(root: string, path: string): boolean {
  const file = join(root, 'tsconfig.json');
  let config: RootTsconfig;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as RootTsconfig;
  } catch (error) {
    throw new CliError(
      `tsconfig.json could not be read as JSON: ${String(error)}`,
      `add { "path": "${path}" } to its references by hand`,
    );
  }
  const references = config.references ?? [];
  if (references.some((reference) => reference.path === path)) return false;
  config.references = [...references, { path }];
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return true;
}
