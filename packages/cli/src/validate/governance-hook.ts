// Extra rules for `devicemode validate` (house rules of a fork, say): rules pushed here run for every
// destination after the built-in ones, which include governance (governance-rule.ts).
import type { ValidationRule } from './types';

export const extraRules: ValidationRule[] = [];

/** Adds rules (governance, house rules) to every `devicemode validate` run in this process. */
export function registerValidationRule(rule: ValidationRule): void {
  extraRules.push(rule);
}
