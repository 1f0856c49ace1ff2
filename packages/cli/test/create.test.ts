/**
 * @jest-environment node
 */
// `devicemode create` as a partner runs it (the real bin, non-interactive), in a copy of the repository:
// the new package must build, pass its fixture table, the conformance suite, tsc, eslint and prettier.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyRepo, type TempRepo } from './temp-repo';

const run = promisify(execFile);
const SLUG = 'acme-analytics';
let repo: TempRepo;

/** Runs a command in the copy; resolves with its output and exit code (never rejects on exit code). */
async function sh(command: string, args: string[], cwd = repo.root): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...process.env, CI: '1' }, maxBuffer: 1 << 24 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    };
  }
}

const bin = () => join(repo.root, 'packages/cli/bin/devicemode.mjs');
const tool = (name: string) => join(repo.root, 'node_modules', name);
const snapshot = () =>
  [
    readdirSync(join(repo.root, 'packages/destinations')).join(','),
    readFileSync(join(repo.root, 'tsconfig.json'), 'utf8'),
  ].join('\n');

beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => repo?.remove());

describe('create refuses bad input and writes nothing', () => {
  it.each([
    ['a malformed slug', ['--slug', 'Acme_Analytics'], /slug "Acme_Analytics": use lowercase letters/],
    [
      'an http script URL',
      ['--script-url', 'http://cdn.acme.example/sdk.js'],
      /script URL "http:\/\/cdn\.acme\.example\/sdk\.js": give the vendor's https script URL/,
    ],
    ['an unknown category', ['--category', 'Web Stuff'], /"Web Stuff" not in the list/],
  ])(
    '%s',
    async (_name, override, message) => {
      const before = snapshot();
      const flags: Record<string, string> = {
        '--name': 'Acme Analytics',
        '--website': 'https://acme.example',
        '--category': 'Analytics',
        '--script-url': 'https://cdn.acme.example/sdk.js',
      };
      for (let i = 0; i < override.length; i += 2) flags[override[i]!] = override[i + 1]!;
      const result = await sh('node', [bin(), 'create', ...Object.entries(flags).flat(), '--yes']);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(message);
      expect(result.output).toContain('nothing was written');
      expect(snapshot()).toBe(before);
    },
    30_000,
  );

  it('a missing answer without a terminal names the flag', async () => {
    const result = await sh('node', [bin(), 'create', 'Acme Analytics', '--yes']);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/missing --website, --category, --script-url/);
  }, 30_000);
});

describe('create makes a package that works at once', () => {
  let created: { code: number; output: string };
  beforeAll(async () => {
    created = await sh('node', [
      bin(),
      'create',
      'Acme Analytics',
      '--website',
      'https://acme.example',
      '--category',
      'Analytics',
      '--category',
      'Attribution',
      '--script-url',
      'https://cdn.acme.example/sdk.js',
      '--yes',
    ]);
  }, 60_000);

  it('writes the package, its generated files and the tsconfig reference', () => {
    expect(created.output).toContain(`✓ wrote packages/destinations/${SLUG}`);
    expect(created.code).toBe(0);
    const dir = join(repo.root, 'packages/destinations', SLUG);
    for (const file of [
      'settings.schema.json',
      'README.md',
      'catalog.json',
      'logo.svg',
      'mark.svg',
      `test/${SLUG}.test.ts`,
    ])
      expect(existsSync(join(dir, file))).toBe(true);
    expect(JSON.parse(readFileSync(join(repo.root, 'tsconfig.json'), 'utf8')).references).toContainEqual({
      path: `packages/destinations/${SLUG}`,
    });
    expect(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')).categories).toEqual([
      'Analytics',
      'Attribution',
    ]);
    expect(readFileSync(join(dir, 'src/index.ts'), 'utf8')).toContain("consent: ['advertising']");
  });

  it('refuses the same slug again, and a name that collides', async () => {
    const again = await sh('node', [
      bin(),
      'create',
      'Acme Two',
      '--slug',
      SLUG,
      '--website',
      'https://acme.example',
      '--category',
      'Analytics',
      '--script-url',
      'https://cdn.acme.example/sdk.js',
      '--yes',
    ]);
    expect(again.code).toBe(1);
    expect(again.output).toContain(`packages/destinations/${SLUG} already exists`);
    const clash = await sh('node', [
      bin(),
      'create',
      'ACME analytics',
      '--slug',
      'acme-2',
      '--website',
      'https://acme.example',
      '--category',
      'Analytics',
      '--script-url',
      'https://cdn.acme.example/sdk.js',
      '--yes',
    ]);
    expect(clash.code).toBe(1);
    expect(clash.output).toContain(`the name "ACME analytics" collides with packages/destinations/${SLUG}`);
    expect(existsSync(join(repo.root, 'packages/destinations/acme-2'))).toBe(false);
  }, 60_000);

  it('passes its fixture table and the conformance suite', async () => {
    const jest = await sh('node', [
      tool('jest/bin/jest.js'),
      `packages/destinations/${SLUG}`,
      'packages/testing/test/all-destinations.test.ts',
      '-t',
      'Acme Analytics|acme-analytics',
      '--verbose',
    ]);
    expect(jest.output).toMatch(/Tests: +(\d+ skipped, )?\d+ passed, \d+ total/);
    expect(jest.output).not.toMatch(/\d+ failed/);
    expect(jest.output).toContain('Acme Analytics: conformance');
    expect(jest.code).toBe(0);
  }, 180_000);

  it('type-checks, lints, is prettier-clean and validates', async () => {
    const checks = {
      tsc: await sh('node', [tool('typescript/bin/tsc'), '-b', `packages/destinations/${SLUG}`]),
      eslint: await sh('node', [tool('eslint/bin/eslint.js'), `packages/destinations/${SLUG}`]),
      prettier: await sh('node', [
        tool('prettier/bin/prettier.cjs'),
        '--check',
        `packages/destinations/${SLUG}`,
        'docs',
      ]),
      validate: await sh('node', [bin(), 'validate', SLUG]),
    };
    // The output is part of the compared text so a failure shows why.
    for (const [name, check] of Object.entries(checks))
      expect(`${name}: exit ${check.code}${check.code ? `\n${check.output}` : ''}`).toBe(`${name}: exit 0`);
  }, 180_000);

  it('builds its CDN bundle within the 4 KB gzip budget', async () => {
    const core = await sh('node', [tool('rollup/dist/bin/rollup'), '-c'], join(repo.root, 'packages/core'));
    expect(core.code).toBe(0);
    const build = await sh(
      'node',
      [tool('rollup/dist/bin/rollup'), '-c'],
      join(repo.root, 'packages/destinations', SLUG),
    );
    expect(build.output).toContain(`dist/cdn/${SLUG}.js`);
    expect(build.code).toBe(0);
    const bundle = readFileSync(join(repo.root, 'packages/destinations', SLUG, `dist/cdn/${SLUG}.js`));
    expect(bundle.toString()).toContain('acmeAnalyticsDestination');
    expect(gzipSync(bundle, { level: 9 }).length).toBeLessThanOrEqual(4096);
  }, 180_000);
});
