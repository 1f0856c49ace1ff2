// Where things are in a devicemode checkout: every command starts from the repository root.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error';

/** The repository root: the nearest directory above `from` whose package.json has workspaces. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'tsconfig.base.json'))) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (pkg.workspaces) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new CliError(
        `no devicemode repository above ${resolve(from)}`,
        'run the command inside your clone of the devicemode repository',
      );
    dir = parent;
  }
}

/** `packages/destinations` of a repository. */
export const destinationsRoot = (root: string): string => join(root, 'packages/destinations');

/** The folder of one destination. */
export const destinationDir = (root: string, slug: string): string => join(destinationsRoot(root), slug);

/** Slugs of every destination package (a folder with a package.json), sorted. */
export function listDestinations(root: string): string[] {
  const dir = destinationsRoot(root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, 'package.json')))
    .sort();
}

/** The chosen slugs (all when none is given); an unknown slug is an error that lists the known ones. */
export function chooseDestinations(root: string, chosen: readonly string[] = []): string[] {
  const all = listDestinations(root);
  const unknown = chosen.filter((slug) => !all.includes(slug));
  if (unknown.length)
    throw new CliError(
      `no destination named ${unknown.map((s) => `"${s}"`).join(', ')} in packages/destinations`,
      `use one of: ${all.join(', ') || '(none yet: create one with `npx devicemode create`)'}`,
    );
  return chosen.length ? [...chosen] : all;
}
