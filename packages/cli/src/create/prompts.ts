// Interactive answers for `create`: each prompt checks its answer with the same rules as the flags.
import { cancel, isCancel, multiselect, text } from '@clack/prompts';
import { CATEGORIES } from '../categories';
import { CliError } from '../cli-error';
import { slugOf } from '../names';
import { checks, type CreateAnswers } from './answers';

function answered<T>(value: T | symbol): Exclude<T, symbol> {
  if (isCancel(value)) {
    cancel('Cancelled: nothing was written.');
    throw new CliError('cancelled', 'run `npx devicemode create` again when ready');
  }
  return value as Exclude<T, symbol>;
}

/** Asks for whatever `given` lacks. */
export async function promptAnswers(given: Partial<CreateAnswers>): Promise<CreateAnswers> {
  const name =
    given.name ??
    answered(
      await text({
        message: 'Vendor name (as in the catalog)',
        placeholder: 'Acme Analytics',
        validate: (v = '') => checks.name(v),
      }),
    );
  const slug =
    given.slug ??
    answered(
      await text({
        message: 'Slug (folder and package name; never renamed once released)',
        initialValue: slugOf(name),
        validate: (v = '') => checks.slug(v),
      }),
    );
  const website =
    given.website ??
    answered(
      await text({
        message: "Vendor's website",
        placeholder: 'https://acme.example',
        validate: (v = '') => checks.website(v),
      }),
    );
  const categories =
    given.categories && given.categories.length
      ? given.categories
      : answered(
          await multiselect({
            message: 'Catalog categories (space to choose, enter to confirm)',
            options: CATEGORIES.map((category) => ({ value: category as string, label: category })),
            required: true,
          }),
        );
  const scriptUrl =
    given.scriptUrl ??
    answered(
      await text({
        message: "The vendor's script URL (https)",
        placeholder: 'https://cdn.acme.example/sdk.js',
        validate: (v = '') => checks.scriptUrl(v),
      }),
    );
  return {
    name,
    slug,
    website,
    categories,
    scriptUrl,
    ...(given.description ? { description: given.description } : {}),
  };
}
