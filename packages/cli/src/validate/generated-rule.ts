import { errorLines } from '../output';
import { settingsSchemaText } from '../settings-schema';
import { expectedReadme } from '../docs/run-docs';
import type { Problem, ValidationRule } from './types';

/** Generated files must match their sources: settings.schema.json and the README tables. */
export const generatedRule: ValidationRule = {
  title: 'generated files are fresh',
  async check({ root, slug, text, code }) {
    const problems: Problem[] = [];
    try {
      if (text('settings.schema.json') !== (await settingsSchemaText(root, slug)))
        problems.push({
          where: 'settings.schema.json',
          message:
            text('settings.schema.json') === undefined
              ? 'missing'
              : 'stale: src/settings.ts changed since it was generated',
          fix: `npx tsx scripts/settings-schema.ts ${slug}`,
        });
    } catch (error) {
      problems.push({ where: 'src/settings.ts', message: errorLines(error).join(' '), fix: 'fix the settings schema' });
    }
    try {
      const { plan } = await code();
      const readme = text('README.md');
      if (readme !== undefined && readme !== (await expectedReadme(root, slug, { plan, ecommerceEvents: [] })))
        problems.push({
          where: 'README.md',
          message: 'the settings or event-mapping table is stale',
          fix: `npm run docs -- ${slug}`,
        });
    } catch (error) {
      problems.push({
        where: 'README.md',
        message: `tables could not be generated: ${errorLines(error).join(' ')}`,
        fix: 'fix the problem named, then npm run docs',
      });
    }
    return problems;
  },
};
