// catalog.json: what the catalog shows customers, so every field is checked with a readable fix.
import { CATEGORIES, isCategory } from '../categories';
import type { Problem, ValidationRule } from './types';

const WHERE = 'catalog.json';
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(\/\S*)?$/;

export const catalogRule: ValidationRule = {
  title: 'catalog.json',
  check({ slug, text }) {
    const raw = text('catalog.json');
    if (raw === undefined)
      return [
        {
          where: WHERE,
          message: 'missing',
          fix: 'add catalog.json (npx devicemode create writes one; see docs/create.md)',
        },
      ];
    let catalog: Record<string, unknown>;
    try {
      catalog = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      return [{ where: WHERE, message: `not valid JSON: ${(error as Error).message}`, fix: 'fix the JSON syntax' }];
    }
    const problems: Problem[] = [];
    const field = (name: string, message: string, fix: string) =>
      problems.push({ where: `${WHERE} → ${name}`, message, fix });
    const { name, description, website, supportEmail, categories } = catalog;
    if (typeof name !== 'string' || !name.trim()) field('name', 'missing', 'give the vendor name as customers know it');
    if (catalog.slug !== slug)
      field(
        'slug',
        `is ${JSON.stringify(catalog.slug)}, the folder is "${slug}"`,
        `set "slug": "${slug}" (the slug is the folder name)`,
      );
    if (typeof description !== 'string' || !description.trim())
      field('description', 'missing', 'describe the destination in your own words (at most 500 characters)');
    else if (description.length > 500)
      field(
        'description',
        `has ${description.length} characters (at most 500)`,
        'shorten it to 500 characters or fewer',
      );
    if (typeof website !== 'string' || !HTTPS_URL.test(website))
      field(
        'website',
        `${JSON.stringify(website)} is not an https URL`,
        'use the vendor website, starting with https://',
      );
    if (typeof supportEmail !== 'string' || !EMAIL.test(supportEmail))
      field(
        'supportEmail',
        `${JSON.stringify(supportEmail)} is not an email address`,
        'use destinations@devicemode.dev or your team address',
      );
    if (!Array.isArray(categories) || categories.length === 0)
      field('categories', 'missing or empty', `list one or more of: ${CATEGORIES.join(', ')}`);
    else {
      const unknown = categories.filter((category) => !isCategory(category));
      if (unknown.length)
        field(
          'categories',
          `${unknown.map((c) => JSON.stringify(c)).join(', ')} not in the fixed list`,
          `use only: ${CATEGORIES.join(', ')}`,
        );
      if (new Set(categories).size !== categories.length)
        field('categories', 'lists a category twice', 'remove the duplicate');
    }
    return problems;
  },
};
