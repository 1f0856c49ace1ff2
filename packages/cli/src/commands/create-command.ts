import type { Command } from 'commander';
import { CATEGORIES } from '../categories';
import { CliError } from '../cli-error';
import type { CreateAnswers } from '../create/answers';
import { promptAnswers } from '../create/prompts';
import { runCreate } from '../create/run-create';
import { slugOf } from '../names';
import { findRepoRoot } from '../repo';

interface CreateFlags {
  name?: string;
  slug?: string;
  website?: string;
  category?: string[];
  scriptUrl?: string;
  description?: string;
  yes?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function createCommand(cli: Command): void {
  cli
    .command('create')
    .description('Scaffold packages/destinations/<slug> from the template: it builds and passes its tests at once')
    .argument('[name]', 'vendor name, as in the catalog (e.g. "Acme Analytics")')
    .option('--name <name>', 'vendor name (same as the argument)')
    .option('--slug <slug>', 'folder and package name, kebab-case (default: from the name)')
    .option('--website <url>', "the vendor's https website")
    .option('--category <category>', 'a catalog category; repeat for several', collect)
    .option('--script-url <url>', "the vendor's https script URL (the scriptUrl setting's default)")
    .option('--description <text>', 'catalog description (≤ 500 characters)')
    .option('-y, --yes', 'never prompt: fail if an answer is missing (CI, scripts)')
    .addHelpText(
      'after',
      `\nCategories: ${CATEGORIES.join(', ')}\n\nExample:\n  npx devicemode create "Acme Analytics" --website https://acme.example --category Analytics --script-url https://cdn.acme.example/sdk.js --yes`,
    )
    .action(async (nameArgument: string | undefined, flags: CreateFlags) => {
      const root = findRepoRoot();
      const name = flags.name ?? nameArgument;
      const given: Partial<CreateAnswers> = {
        ...(name !== undefined && { name }),
        ...((flags.slug ?? (name && flags.yes ? slugOf(name) : undefined)) !== undefined && {
          slug: flags.slug ?? slugOf(name!),
        }),
        ...(flags.website !== undefined && { website: flags.website }),
        ...(flags.category !== undefined && { categories: flags.category }),
        ...(flags.scriptUrl !== undefined && { scriptUrl: flags.scriptUrl }),
        ...(flags.description !== undefined && { description: flags.description }),
      };
      const interactive = !flags.yes && process.stdin.isTTY === true;
      if (!interactive) {
        const missing = (['name', 'website', 'categories', 'scriptUrl'] as const).filter(
          (key) => given[key] === undefined,
        );
        if (missing.length)
          throw new CliError(
            `missing ${missing.map((key) => `--${key === 'categories' ? 'category' : key === 'scriptUrl' ? 'script-url' : key}`).join(', ')}`,
            'pass every answer as a flag with --yes, or run in a terminal to be asked',
          );
      }
      const answers = interactive ? await promptAnswers(given) : (given as CreateAnswers);
      const dir = await runCreate(root, answers);
      const slug = answers.slug;
      console.log(`\nCreated @devicemode/${slug} in ${dir}. Next:
  npx jest packages/destinations/${slug} packages/testing/test/all-destinations.test.ts -t "${answers.name}"
                                              fixture table and conformance suite
  npm start -- --only ${slug}                 build, then try it in the event tester
  npx devicemode validate ${slug}             catalog, logos, docs, package checks
Then replace the TODO(${slug}) parts with ${answers.name}'s real API (see docs/create.md).`);
    });
}
