// What `create` needs to know, and the rules each answer must meet (shared by prompts and flags).
import { CATEGORIES, isCategory } from '../categories';

/** The answers a new destination is made from. */
export interface CreateAnswers {
  /** Catalog name, e.g. `Acme Analytics`. */
  name: string;
  /** Folder and package name, kebab-case, e.g. `acme-analytics`. */
  slug: string;
  /** The vendor's website (https). */
  website: string;
  categories: string[];
  /** The vendor's script URL (https), the default of the `scriptUrl` setting. */
  scriptUrl: string;
  /** catalog.json description; a sentence from the name when not given. */
  description?: string;
}

/** Same pattern as the template's `scriptUrl` setting: the default must pass the destination's own validator. */
export const SCRIPT_URL_PATTERN = /^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/;

/** Each check returns the problem as a sentence with the fix, or undefined. */
export const checks = {
  name(value: string): string | undefined {
    if (!/^[A-Za-z0-9][A-Za-z0-9 .+-]{0,39}$/.test(value))
      return 'name: use 1 to 40 letters, digits, spaces, ".", "+" or "-", starting with a letter or digit (e.g. "Acme Analytics")';
  },
  slug(value: string): string | undefined {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(value) || value.length > 40)
      return `slug "${value}": use lowercase letters, digits and single dashes, starting with a letter, at most 40 characters (e.g. "acme-analytics")`;
  },
  website(value: string): string | undefined {
    if (!/^https:\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}(\/[\w./%-]*)?$/.test(value))
      return `website "${value}": give the vendor's https URL (e.g. "https://acme.example")`;
  },
  categories(values: readonly string[]): string | undefined {
    if (values.length === 0) return `categories: choose at least one of: ${CATEGORIES.join(', ')}`;
    const unknown = values.filter((value) => !isCategory(value));
    if (unknown.length)
      return `categories: ${unknown.map((v) => `"${v}"`).join(', ')} not in the list; use: ${CATEGORIES.join(', ')}`;
  },
  scriptUrl(value: string): string | undefined {
    if (!SCRIPT_URL_PATTERN.test(value))
      return `script URL "${value}": give the vendor's https script URL without a query string (e.g. "https://cdn.acme.example/sdk.js")`;
  },
  description(value: string | undefined): string | undefined {
    if (value !== undefined && (value.length === 0 || value.length > 500))
      return 'description: write 1 to 500 characters';
  },
};

/** Every problem with a set of answers (empty when they are all valid). */
export function problemsOf(answers: CreateAnswers): string[] {
  return [
    checks.name(answers.name),
    checks.slug(answers.slug),
    checks.website(answers.website),
    checks.categories(answers.categories),
    checks.scriptUrl(answers.scriptUrl),
    checks.description(answers.description),
  ].filter((problem): problem is string => problem !== undefined);
}
