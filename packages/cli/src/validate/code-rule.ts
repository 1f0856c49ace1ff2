// The code agrees with the folder and the catalog: slug, name, and the export that is the CDN global.
import { errorLines } from '../output';
import { libraryNameOf } from '../names';
import type { Problem, ValidationRule } from './types';

export const codeRule: ValidationRule = {
  title: 'definition and fixture table',
  async check({ slug, text, code }) {
    let loaded;
    try {
      loaded = await code();
    } catch (error) {
      return [
        { where: 'src/index.ts, test/plan.ts', message: errorLines(error).join(' '), fix: 'fix the error named' },
      ];
    }
    const problems: Problem[] = [];
    const { definition } = loaded.plan.destination;
    const libraryName = libraryNameOf(slug);
    if (definition.slug !== slug)
      problems.push({
        where: 'src/index.ts → slug',
        message: `is "${definition.slug}", the folder is "${slug}"`,
        fix: `set slug: '${slug}'`,
      });
    if (typeof loaded.exports[libraryName] !== 'function')
      problems.push({
        where: 'src/index.ts',
        message: `does not export ${libraryName}`,
        fix: `export const ${libraryName} = defineDestination(…): its name is the CDN global`,
      });
    try {
      const catalogName = (JSON.parse(text('catalog.json') ?? '{}') as { name?: unknown }).name;
      if (typeof catalogName === 'string' && catalogName !== definition.name)
        problems.push({
          where: 'src/index.ts → name',
          message: `is "${definition.name}", catalog.json says "${catalogName}"`,
          fix: 'use one name in both',
        });
    } catch {
      // catalog.json syntax is the catalog rule's to report
    }
    if (loaded.plan.fixtures.length === 0)
      problems.push({
        where: 'test/plan.ts',
        message: 'the fixture table is empty',
        fix: 'add a row per mapped method and e-commerce event',
      });
    return problems;
  },
};
