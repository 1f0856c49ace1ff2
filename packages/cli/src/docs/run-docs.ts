// `devicemode docs`: README tables and docs/destinations.md, written or (--check) compared.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CliError } from '../cli-error';
import { readSettingsSchema } from '../destination-files';
import { loadPlan, type LoadedPlan } from '../load-plan';
import { consoleOutput, errorLines, mark, type Output } from '../output';
import { chooseDestinations, destinationDir, listDestinations } from '../repo';
import {
  bundleSize,
  INDEX_FILE,
  indexRow,
  indexText,
  previousRows,
  previousSize,
  withoutSizes,
  type IndexRow,
} from './destinations-index';
import { formatFor } from '../prettier-format';
import { readmeWithTables } from './readme';

export interface DocsOptions {
  /** Destinations whose README to regenerate; all when empty. The index always covers all. */
  slugs?: readonly string[];
  /** Compare only: report stale files, write nothing. */
  check?: boolean;
  /** With `check`: also compare the bundle sizes in docs/destinations.md (run after a build). */
  sizes?: boolean;
  out?: Output;
}

export interface DocsOutcome {
  /** Files written (repo-relative). */
  written: string[];
  /** Files that differ from what would be generated (check mode). */
  stale: string[];
  /** Destinations that could not be documented, with why. */
  failed: { slug: string; lines: string[] }[];
}

/** The README a destination should have, given its current files. */
export async function expectedReadme(root: string, slug: string, loaded: LoadedPlan): Promise<string> {
  const file = join(destinationDir(root, slug), 'README.md');
  if (!existsSync(file))
    throw new CliError(
      `${relative(root, file)} is missing`,
      'start from docs/destination-readme.md (the outline every destination README follows)',
    );
  return readmeWithTables(root, readFileSync(file, 'utf8'), file, readSettingsSchema(root, slug), loaded.plan.fixtures);
}

/**
 * The docs/destinations.md text. Sizes of unbuilt bundles and the rows of destinations that did not load
 * (someone's work in progress) are kept from the current page.
 */
export async function expectedIndex(root: string, loaded: ReadonlyMap<string, LoadedPlan>): Promise<string> {
  const file = join(root, INDEX_FILE);
  const previous = existsSync(file) ? previousRows(readFileSync(file, 'utf8')) : new Map<string, string[]>();
  const rows: IndexRow[] = [];
  for (const slug of listDestinations(root)) {
    const plan = loaded.get(slug);
    const kept = previous.get(slug);
    if (plan) rows.push(indexRow(slug, plan, bundleSize(root, slug) ?? previousSize(kept)));
    else if (kept) rows.push({ slug, name: slug, methods: [], ecommerce: [], consent: [], size: undefined, kept });
  }
  return formatFor(root, file, indexText(rows));
}

export async function runDocs(
  root: string,
  { slugs = [], check = false, sizes = false, out = consoleOutput }: DocsOptions = {},
) {
  const chosen = chooseDestinations(root, slugs);
  const outcome: DocsOutcome = { written: [], stale: [], failed: [] };
  const loaded = new Map<string, LoadedPlan>();
  const settle = (file: string, expected: string, current: string | undefined, same: boolean, label: string) => {
    const name = relative(root, file);
    if (same) return out.line(`${mark.ok} ${label}: up to date`);
    if (check) {
      outcome.stale.push(name);
      return out.line(`${mark.fail} ${label}: stale`);
    }
    writeFileSync(file, expected);
    outcome.written.push(name);
    out.line(`${mark.changed} ${label}: ${current === undefined ? 'written' : 'updated'}`);
  };

  for (const slug of listDestinations(root)) {
    try {
      const plan = await loadPlan(root, slug);
      loaded.set(slug, plan);
      if (!chosen.includes(slug)) continue;
      const file = join(destinationDir(root, slug), 'README.md');
      const expected = await expectedReadme(root, slug, plan);
      const current = readFileSync(file, 'utf8');
      settle(file, expected, current, current === expected, `${slug}/README.md`);
    } catch (error) {
      if (!chosen.includes(slug) && !check) continue;
      const lines = errorLines(error);
      outcome.failed.push({ slug, lines });
      out.error(`${mark.fail} ${slug}: ${lines.join('\n')}`);
    }
  }

  const indexFile = join(root, INDEX_FILE);
  const expected = await expectedIndex(root, loaded);
  const current = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
  const same =
    current !== undefined &&
    withoutSizes(current) === withoutSizes(expected) &&
    ((check && !sizes) || current === expected);
  settle(indexFile, expected, current, same, INDEX_FILE);
  return outcome;
}
