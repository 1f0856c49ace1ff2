// The governance rules (scripts/governance.ts) for one destination: only a released destination (one in
// the committed baseline) has anything to keep; a new one passes until it is released.
import { join } from 'node:path';
import { loadModule } from '../load-module';
import type { Problem, ValidationRule } from './types';

interface Snapshot {
  slug: string;
}
interface GovernanceModule {
  readBaseline: (root: string) => { $comment: string; destinations: Record<string, Snapshot> };
  snapshotOf: (exports: Record<string, unknown>, plan: unknown) => Snapshot;
  checkRules: (
    baseline: { $comment: string; destinations: Record<string, Snapshot> },
    current: Record<string, Snapshot>,
  ) => { rule: string; message: string }[];
}

export const governanceRule: ValidationRule = {
  title: 'governance (rules for released destinations)',
  async check({ root, slug, code }): Promise<Problem[]> {
    const governance = await loadModule<GovernanceModule>(root, join(root, 'scripts/governance.ts'));
    const baseline = governance.readBaseline(root);
    const released = baseline.destinations[slug];
    if (!released) return [];
    const { exports, plan } = await code();
    const current = { [slug]: governance.snapshotOf(exports, plan) };
    return governance
      .checkRules({ ...baseline, destinations: { [slug]: released } }, current)
      .map(({ rule, message }) => ({ where: `released as ${slug} (${rule})`, message, fix: 'see docs/governance.md' }));
  },
};
