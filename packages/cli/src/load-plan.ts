// A destination's fixture table (test/plan.ts) and definition, loaded from source for the docs.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DestinationTestPlan } from '@devicemode/testing';
import { CliError } from './cli-error';
import { loadSource } from './load-module';
import { destinationDir } from './repo';

/** What the docs and the validator need from a destination's code. */
export interface LoadedPlan {
  plan: DestinationTestPlan;
  /** Core's list of Spec e-commerce event names. */
  ecommerceEvents: readonly string[];
}

/** Loads `test/plan.ts` (which imports the destination) together with core's Spec event list. */
export async function loadPlan(root: string, slug: string): Promise<LoadedPlan> {
  const dir = destinationDir(root, slug);
  const file = join(dir, 'test/plan.ts');
  const what = relative(root, file);
  if (!existsSync(file))
    throw new CliError(`${what} is missing`, 'every destination declares its fixture table there (see docs/create.md)');
  const source = `export { plan } from ${JSON.stringify(file)};
export { ECOMMERCE_EVENTS as ecommerceEvents } from ${JSON.stringify(join(root, 'packages/core/src/spec.ts'))};`;
  const loaded = await loadSource<Partial<LoadedPlan>>(root, source, dir, what);
  if (!loaded.plan?.destination?.definition || !Array.isArray(loaded.plan.fixtures))
    throw new CliError(`${what} must export \`plan\` made with defineTestPlan({ destination, fixtures, … })`);
  return { plan: loaded.plan, ecommerceEvents: loaded.ecommerceEvents ?? [] };
}
