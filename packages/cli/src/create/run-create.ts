// `devicemode create`: a new destination from the template that builds, passes its fixture table and the
// conformance suite at once. Everything is checked before anything is written; a failure midway removes
// what was written.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { consentFor } from '../categories';
import { CliError } from '../cli-error';
import { readJsonFile, type Catalog } from '../destination-files';
import { runDocs } from '../docs/run-docs';
import { INDEX_FILE } from '../docs/destinations-index';
import { camelOf, libraryNameOf, pascalOf, slugOf } from '../names';
import { consoleOutput, mark, memoryOutput, type Output } from '../output';
import { destinationDir, listDestinations } from '../repo';
import { formatFor } from '../prettier-format';
import { settingsSchemaText } from '../settings-schema';
import { problemsOf, type CreateAnswers } from './answers';
import { addReference } from './tsconfig-reference';
import { renderTemplate } from './template';

/** Refuses answers that are malformed or collide with an existing destination (slug, name). */
export function assertCreatable(root: string, answers: CreateAnswers): void {
  const problems = problemsOf(answers);
  if (problems.length)
    throw new CliError(
      `cannot create the destination:\n  - ${problems.join('\n  - ')}`,
      'nothing was written; fix the answers and run again',
    );
  const dir = destinationDir(root, answers.slug);
  if (existsSync(dir))
    throw new CliError(`${relative(root, dir)} already exists`, 'nothing was written; choose another --slug');
  for (const slug of listDestinations(root)) {
    const catalog = readJsonFile<Catalog>(root, join(destinationDir(root, slug), 'catalog.json'));
    const existing = typeof catalog?.name === 'string' ? catalog.name : slug;
    if (existing.toLowerCase() === answers.name.toLowerCase() || slugOf(existing) === slugOf(answers.name))
      throw new CliError(
        `the name "${answers.name}" collides with packages/destinations/${slug} ("${existing}")`,
        'nothing was written; choose another --name',
      );
  }
}

/** The placeholder values of the template for a set of answers. */
export function templateValues(answers: CreateAnswers): Record<string, string> {
  const { name, slug } = answers;
  const description =
    answers.description ?? `Sends track, identify and page calls from the browser to ${name}, through its own script.`;
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return {
    name,
    slug,
    libraryName: libraryNameOf(slug),
    global: camelOf(slug),
    typeName: `${pascalOf(slug)}Client`,
    website: answers.website,
    scriptUrl: answers.scriptUrl,
    insecureScriptUrl: answers.scriptUrl.replace(/^https:/, 'http:'),
    consent: consentFor(answers.categories),
    categoriesJson: JSON.stringify(answers.categories),
    description: JSON.stringify(description).slice(1, -1),
    color: `hsl(${hash}, 55%, 45%)`,
  };
}

export interface CreateOptions {
  out?: Output;
}

/** Creates the package; returns its directory. */
export async function runCreate(root: string, answers: CreateAnswers, { out = consoleOutput }: CreateOptions = {}) {
  assertCreatable(root, answers);
  const dir = destinationDir(root, answers.slug);
  const touched = ['tsconfig.json', INDEX_FILE].map((file) => join(root, file));
  const before = new Map(touched.map((file) => [file, existsSync(file) ? readFileSync(file, 'utf8') : undefined]));
  try {
    const files = renderTemplate(templateValues(answers));
    for (const [name, content] of files) {
      const file = join(dir, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, await formatFor(root, file, content));
    }
    out.line(`${mark.ok} wrote ${relative(root, dir)} (${files.size} files from the template)`);
    writeFileSync(join(dir, 'settings.schema.json'), await settingsSchemaText(root, answers.slug));
    out.line(`${mark.ok} generated settings.schema.json`);
    const docs = memoryOutput();
    const outcome = await runDocs(root, { slugs: [answers.slug], out: docs });
    if (outcome.failed.length) throw new CliError(`could not document the new package:\n${docs.lines.join('\n')}`);
    out.line(`${mark.ok} generated the README tables and ${INDEX_FILE}`);
    if (addReference(root, `packages/destinations/${answers.slug}`))
      out.line(`${mark.ok} added it to tsconfig.json references`);
    return dir;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    for (const [file, text] of before) {
      if (text === undefined) rmSync(file, { force: true });
      else writeFileSync(file, text);
    }
    throw error;
  }
}
