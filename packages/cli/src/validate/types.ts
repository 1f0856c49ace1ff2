// The shape every validation rule shares: a rule looks at one destination and lists its problems.
import type { DestinationTestPlan } from '@devicemode/testing';

/** One thing wrong, where, and how to fix it. */
export interface Problem {
  /** The file (package-relative) or `file → field` the problem is in. */
  where: string;
  message: string;
  /** What to do about it. */
  fix: string;
}

/** What rules read: the destination's folder, and its code loaded once (lazily) for the rules that need it. */
export interface RuleContext {
  root: string;
  slug: string;
  dir: string;
  /** A file's text, or undefined when it is missing. */
  text: (name: string) => string | undefined;
  /** The fixture table and the exports of src/index.ts; rejects with a CliError when they do not load. */
  code: () => Promise<LoadedCode>;
}

export interface LoadedCode {
  plan: DestinationTestPlan;
  exports: Record<string, unknown>;
}

/** A named check. */
export interface ValidationRule {
  /** Shown in the report, e.g. `catalog.json`. */
  title: string;
  check: (context: RuleContext) => Problem[] | Promise<Problem[]>;
}
