// Every package under packages/destinations/ runs the conformance suite: a new destination cannot skip it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runConformance } from '../src';
import type { DestinationTestPlan } from '../src';

const root = join(__dirname, '../../destinations');
const slugs = existsSync(root) ? readdirSync(root).filter((dir) => existsSync(join(root, dir, 'package.json'))) : [];

function planOf(slug: string): DestinationTestPlan | undefined {
  const file = join(root, slug, 'test/plan.ts');
  // Synchronous on purpose: jest collects tests synchronously.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return existsSync(file) ? (require(file) as { plan?: DestinationTestPlan }).plan : undefined;
}

describe('every destination package has a test plan', () => {
  it.each(slugs.length ? slugs : ['(none yet)'])('%s exports `plan` from test/plan.ts', (slug) => {
    if (slug === '(none yet)') return expect(slugs).toHaveLength(0);
    const plan = planOf(slug);
    if (!plan)
      throw new Error(
        `packages/destinations/${slug} has no test/plan.ts exporting \`plan\`: every destination runs the conformance suite`,
      );
    expect(plan.destination.definition.slug).toBe(slug);
  });
});

for (const slug of slugs) {
  const plan = planOf(slug);
  if (plan) runConformance(plan.destination, plan);
}
