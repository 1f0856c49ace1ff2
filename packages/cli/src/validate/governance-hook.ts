// Where the governance check (rules for destinations already released, scripts/governance.ts) plugs into
// `devicemode validate`: rules pushed here run for every destination after the built-in ones. Kept
// empty until that check exposes a per-destination entry point; until then CI runs it on its own.
import type { ValidationRule } from './types';

export const extraRules: ValidationRule[] = [];

/** Adds rules (governance, house rules) to every `devicemode validate` run in this process. */
export function registerValidationRule(rule: ValidationRule): void {
  extraRules.push(rule);
}
