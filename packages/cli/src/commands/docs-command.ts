import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { runDocs } from '../docs/run-docs';
import { mark } from '../output';
import { findRepoRoot } from '../repo';

export function docsCommand(cli: Command): void {
  cli
    .command('docs')
    .description("Regenerate each destination README's settings and event-mapping tables and docs/destinations.md")
    .argument('[slug...]', 'only these destinations (the index always covers all)')
    .option('--check', 'write nothing; fail when a generated file is stale (CI)')
    .option(
      '--sizes',
      'with --check, also fail when the bundle sizes in docs/destinations.md are stale (after a build)',
    )
    .addHelpText(
      'after',
      '\nSources: settings.schema.json (settings table), test/plan.ts (event mapping), dist/cdn/<slug>.js (sizes).',
    )
    .action(async (slugs: string[], options: { check?: boolean; sizes?: boolean }) => {
      const root = findRepoRoot();
      const outcome = await runDocs(root, { slugs, check: options.check === true, sizes: options.sizes === true });
      if (outcome.failed.length)
        throw new CliError(
          `${outcome.failed.length} destination(s) could not be documented: ${outcome.failed.map((f) => f.slug).join(', ')}`,
          'fix the problems listed above, then run `npm run docs`',
        );
      if (outcome.stale.length)
        throw new CliError(
          `stale generated docs:\n  ${outcome.stale.join('\n  ')}`,
          options.sizes
            ? 'run `npm run build && npm run docs` and commit the result'
            : 'run `npm run docs` and commit the result',
        );
      if (!options.check)
        console.log(
          `${mark.ok} docs: ${outcome.written.length ? `${outcome.written.length} file(s) written` : 'nothing to change'}`,
        );
    });
}
