// package.json: the published shape every destination shares (name, entry points, files).
import type { Problem, ValidationRule } from './types';

type Json = Record<string, unknown>;
const FILES = ['dist', 'settings.schema.json', 'catalog.json', 'logo.svg', 'mark.svg'];

const conditionOk = (condition: unknown, ext: 'mts' | 'cts', code: 'esm/index.mjs' | 'cjs/index.cjs'): boolean => {
  const keys = condition && typeof condition === 'object' ? Object.keys(condition) : [];
  const value = condition as Json | undefined;
  return keys[0] === 'types' && value?.types === `./dist/types/index.d.${ext}` && value?.default === `./dist/${code}`;
};

export const packageRule: ValidationRule = {
  title: 'package.json',
  check({ slug, text }) {
    const raw = text('package.json');
    if (raw === undefined)
      return [{ where: 'package.json', message: 'missing', fix: 'start from the template (npx devicemode create)' }];
    let pkg: Json;
    try {
      pkg = JSON.parse(raw) as Json;
    } catch (error) {
      return [
        { where: 'package.json', message: `not valid JSON: ${(error as Error).message}`, fix: 'fix the JSON syntax' },
      ];
    }
    const problems: Problem[] = [];
    const field = (name: string, message: string, fix: string) =>
      problems.push({ where: `package.json → ${name}`, message, fix });
    if (pkg.name !== `@devicemode/${slug}`)
      field('name', `is ${JSON.stringify(pkg.name)}`, `set "name": "@devicemode/${slug}"`);
    if (typeof pkg.version !== 'string' || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(pkg.version))
      field('version', `${JSON.stringify(pkg.version)} is not a semver version`, 'use x.y.z');
    if (pkg.license !== 'MIT') field('license', `is ${JSON.stringify(pkg.license)}`, 'set "license": "MIT"');
    if (pkg.sideEffects !== false)
      field('sideEffects', 'is not false', 'set "sideEffects": false (bundlers drop unused code)');
    const exports = pkg.exports as Json | undefined;
    const root = exports?.['.'] as Json | undefined;
    if (!conditionOk(root?.import, 'mts', 'esm/index.mjs') || !conditionOk(root?.require, 'cts', 'cjs/index.cjs'))
      field(
        'exports',
        '"." must map import and require to dist, types first',
        'copy the exports map from the template',
      );
    for (const subpath of ['./settings.schema.json', './package.json'])
      if (exports?.[subpath] !== subpath) field('exports', `no "${subpath}" entry`, `add "${subpath}": "${subpath}"`);
    const files = Array.isArray(pkg.files) ? pkg.files : [];
    const missing = FILES.filter((file) => !files.includes(file));
    if (missing.length) field('files', `does not publish ${missing.join(', ')}`, `list ${FILES.join(', ')} in "files"`);
    if (!(pkg.dependencies as Json | undefined)?.['@devicemode/core'])
      field('dependencies', 'no @devicemode/core', 'add "@devicemode/core" to dependencies');
    if ((pkg.scripts as Json | undefined)?.build !== 'rollup -c')
      field('scripts.build', 'is not "rollup -c"', 'build with the shared rollup config');
    if ((pkg.repository as Json | undefined)?.directory !== `packages/destinations/${slug}`)
      field('repository.directory', 'does not point at this folder', `set it to "packages/destinations/${slug}"`);
    return problems;
  },
};
