// The settings JSON bundles embed: documentation out, everything the validator reads in.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Runs scripts/rollup-config.mjs's slimSchema in Node (it is an ES module the unit project does not load). */
function slim(schema: unknown): unknown {
  const script = `import { slimSchema } from './scripts/rollup-config.mjs';
process.stdout.write(JSON.stringify(slimSchema(${JSON.stringify(schema)})));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }),
  );
}

describe('slimSchema (settings JSON in bundles)', () => {
  it('drops documentation keywords and propertyNames at every level', () => {
    expect(
      slim({
        $comment: 'generated',
        type: 'object',
        description: 'root',
        properties: {
          eventMap: {
            type: 'object',
            description: 'map',
            propertyNames: { type: 'string' },
            additionalProperties: { type: 'string', enum: ['a'], title: 'one' },
          },
          tags: { type: 'array', items: { type: 'string', examples: ['x'] }, deprecated: true },
        },
        required: ['eventMap'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        eventMap: { type: 'object', additionalProperties: { type: 'string', enum: ['a'] } },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['eventMap'],
    });
  });

  it('keeps settings named like a keyword, and defaults and enums as they are', () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string', default: 'Shop' },
        description: { type: 'string' },
        labels: { type: 'object', default: { description: 'kept', title: 'kept' } },
        mode: { enum: ['description', 'title'] },
      },
    };
    expect(slim(schema)).toEqual(schema);
  });
});
