import type { Command } from 'commander';
import { findRepoRoot } from '../repo';
import { runValidate } from '../validate/run-validate';

export function validateCommand(cli: Command): void {
  cli
    .command('validate')
    .description(
      'Check destinations: catalog.json, logos, package.json, README outline, settings docs, generated files',
    )
    .argument('[slug...]', 'only these destinations (default: all)')
    .addHelpText('after', '\nExits 1 when any check fails; each problem names the file or field and the fix.')
    .action(async (slugs: string[]) => {
      const report = await runValidate(findRepoRoot(), { slugs });
      if ([...report.values()].some((problems) => problems.length)) process.exitCode = 1;
    });
}
