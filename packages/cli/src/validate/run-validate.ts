// `devicemode validate`: every rule for every chosen destination, one readable report.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CliError } from '../cli-error';
import { loadSource } from '../load-module';
import { consoleOutput, mark, type Output } from '../output';
import { chooseDestinations, destinationDir } from '../repo';
import { catalogRule } from './catalog-rule';
import { codeRule } from './code-rule';
import { generatedRule } from './generated-rule';
import { governanceRule } from './governance-rule';
import { extraRules } from './governance-hook';
import { logoRule } from './logo-rule';
import { packageRule } from './package-rule';
import { readmeRule } from './readme-rule';
import { settingsRule } from './settings-rule';
import type { LoadedCode, Problem, RuleContext, ValidationRule } from './types';

export const BUILT_IN_RULES: readonly ValidationRule[] = [
  catalogRule,
  logoRule,
  packageRule,
  readmeRule,
  settingsRule,
  codeRule,
  generatedRule,
  governanceRule,
];

/** Problems by destination. */
export type ValidationReport = Map<string, Problem[]>;

function contextFor(root: string, slug: string): RuleContext {
  const dir = destinationDir(root, slug);
  let code: Promise<LoadedCode> | undefined;
  return {
    root,
    slug,
    dir,
    text: (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined),
    code: () => {
      if (!code) {
        const plan = join(dir, 'test/plan.ts');
        const index = join(dir, 'src/index.ts');
        for (const file of [index, plan])
          if (!existsSync(file)) return Promise.reject(new CliError(`${relative(root, file)} is missing`));
        code = loadSource<{ plan: LoadedCode['plan']; destination: Record<string, unknown> }>(
          root,
          `export { plan } from ${JSON.stringify(plan)};\nexport * as destination from ${JSON.stringify(index)};`,
          dir,
          `${relative(root, dir)}/src/index.ts and test/plan.ts`,
        ).then(({ plan: loaded, destination }) => {
          if (!loaded?.destination?.definition)
            throw new CliError(`${relative(root, plan)} must export \`plan\` from defineTestPlan`);
          return { plan: loaded, exports: destination };
        });
      }
      return code;
    },
  };
}

export interface ValidateOptions {
  slugs?: readonly string[];
  rules?: readonly ValidationRule[];
  out?: Output;
}

/** Validates destinations and prints the report; returns the problems (none: every check passed). */
export async function runValidate(
  root: string,
  { slugs = [], rules = [...BUILT_IN_RULES, ...extraRules], out = consoleOutput }: ValidateOptions = {},
): Promise<ValidationReport> {
  const report: ValidationReport = new Map();
  for (const slug of chooseDestinations(root, slugs)) {
    const context = contextFor(root, slug);
    const problems: Problem[] = [];
    out.line(`${slug}`);
    for (const rule of rules) {
      const found = await rule.check(context);
      problems.push(...found);
      out.line(`  ${found.length ? mark.fail : mark.ok} ${rule.title}`);
      for (const problem of found) out.line(`      ${problem.where}: ${problem.message}\n        → ${problem.fix}`);
    }
    report.set(slug, problems);
  }
  const failing = [...report].filter(([, problems]) => problems.length);
  const count = failing.reduce((sum, [, problems]) => sum + problems.length, 0);
  out.line(
    failing.length
      ? `\n${mark.fail} ${count} problem(s) in ${failing.map(([slug]) => slug).join(', ')} (${report.size} destination(s) checked)`
      : `\n${mark.ok} ${report.size} destination(s) valid`,
  );
  return report;
}
