/**
 * @jest-environment node
 */
// esbuild (which loads the destination's code) refuses jsdom's Uint8Array: this file runs in node.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { runCreate } from '../src/create/run-create';
import { memoryOutput } from '../src/output';
import { svgProblems } from '../src/validate/svg';
import { runValidate } from '../src/validate/run-validate';
import { copyRepo, type TempRepo } from './temp-repo';

const SLUG = 'acme-analytics';
let repo: TempRepo;
let dir: string;
const originals = new Map<string, string>();

/** Replaces a file of the seeded package for one test (restored after it). */
function seed(file: string, change: (text: string) => string | undefined): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!originals.has(path)) originals.set(path, text);
  const next = change(text);
  if (next === undefined) rmSync(path);
  else writeFileSync(path, next);
}

async function problems() {
  const out = memoryOutput();
  const report = await runValidate(repo.root, { slugs: [SLUG], out });
  return { problems: report.get(SLUG) ?? [], text: out.lines.join('\n') };
}

beforeAll(async () => {
  repo = copyRepo();
  await runCreate(
    repo.root,
    {
      name: 'Acme Analytics',
      slug: SLUG,
      website: 'https://acme.example',
      categories: ['Analytics'],
      scriptUrl: 'https://cdn.acme.example/sdk.js',
    },
    { out: memoryOutput() },
  );
  dir = join(repo.root, 'packages/destinations', SLUG);
}, 60_000);
afterEach(() => {
  for (const [path, text] of originals) writeFileSync(path, text);
  originals.clear();
});
afterAll(() => repo?.remove());

describe('a package fresh from `create` is valid', () => {
  it('passes every rule and says so', async () => {
    const result = await problems();
    expect(result.problems).toEqual([]);
    expect(result.text).toContain('✓ 1 destination(s) valid');
  });
});

// Each row seeds one fault; the report must name the file/field and give a fix.
const seeds: [string, string, (text: string) => string | undefined, string, RegExp][] = [
  [
    'catalog: slug differs from the folder',
    'catalog.json',
    (t) => t.replace(`"slug": "${SLUG}"`, '"slug": "acme"'),
    'catalog.json → slug',
    /folder is "acme-analytics"/,
  ],
  [
    'catalog: description over 500 characters',
    'catalog.json',
    (t) => t.replace(/"description": "[^"]*"/, `"description": "${'x'.repeat(501)}"`),
    'catalog.json → description',
    /501 characters/,
  ],
  [
    'catalog: http website',
    'catalog.json',
    (t) => t.replace('https://acme.example', 'http://acme.example'),
    'catalog.json → website',
    /not an https URL/,
  ],
  [
    'catalog: bad support email',
    'catalog.json',
    (t) => t.replace('destinations@devicemode.dev', 'support'),
    'catalog.json → supportEmail',
    /not an email/,
  ],
  [
    'catalog: unknown category',
    'catalog.json',
    (t) => t.replace('"Analytics"', '"Web Analytics"'),
    'catalog.json → categories',
    /"Web Analytics" not in the fixed list/,
  ],
  ['catalog: invalid JSON', 'catalog.json', (t) => t.replace('{', '{,'), 'catalog.json', /not valid JSON/],
  [
    'logo: <script>',
    'logo.svg',
    (t) => t.replace('</svg>', '<script>alert(1)</script></svg>'),
    'logo.svg',
    /<script> is not allowed/,
  ],
  [
    'logo: event handler',
    'mark.svg',
    (t) => t.replace('<circle', '<circle onclick="steal()"'),
    'mark.svg',
    /event handler onclick/,
  ],
  [
    'logo: external href',
    'logo.svg',
    (t) => t.replace('</svg>', '<use href="https://evil.example/x.svg#a"/></svg>'),
    'logo.svg',
    /refers outside the file/,
  ],
  [
    'logo: external url()',
    'logo.svg',
    (t) => t.replace(/fill="hsl[^"]*"/, 'fill="url(http://evil.example/p.svg#g)"'),
    'logo.svg',
    /external url/,
  ],
  ['logo: no viewBox', 'mark.svg', (t) => t.replace(/ viewBox="[^"]*"/, ''), 'mark.svg', /no valid viewBox/],
  ['logo: not SVG', 'mark.svg', () => '<html><body>hi</body></html>', 'mark.svg', /root element is <html>/],
  ['logo: missing', 'logo.svg', () => undefined, 'logo.svg', /missing/],
  [
    'package: wrong name',
    'package.json',
    (t) => t.replace(`"@devicemode/${SLUG}"`, '"acme-analytics"'),
    'package.json → name',
    /is "acme-analytics"/,
  ],
  [
    'package: files lack catalog.json',
    'package.json',
    (t) => t.replace(/\s*"catalog\.json",/, ''),
    'package.json → files',
    /does not publish catalog\.json/,
  ],
  [
    'package: exports without types first',
    'package.json',
    (t) =>
      t
        .replace('"types": "./dist/types/index.d.mts",', '')
        .replace(
          '"default": "./dist/esm/index.mjs"',
          '"default": "./dist/esm/index.mjs", "types": "./dist/types/index.d.mts"',
        ),
    'package.json → exports',
    /types first/,
  ],
  [
    'README: heading missing',
    'README.md',
    (t) => t.replace('## Not supported', '## Limitations'),
    'README.md',
    /no "## Not supported" heading/,
  ],
  [
    'README: markers missing',
    'README.md',
    (t) => t.replace('<!-- devicemode:events:start -->', ''),
    'README.md',
    /no <!-- devicemode:events:start -->/,
  ],
  ['README: table edited by hand', 'README.md', (t) => t.replace('| yes ', '| no  '), 'README.md', /stale/],
  [
    'settings: undocumented field',
    'settings.schema.json',
    (t) => t.replace('"description": "Script URL (https only)",', ''),
    'src/settings.ts → scriptUrl',
    /no description/,
  ],
  [
    'settings.schema.json stale',
    'src/settings.ts',
    (t) => t.replace('{8,64}', '{8,80}'),
    'settings.schema.json',
    /stale/,
  ],
  [
    'definition: slug differs from the folder',
    'src/index.ts',
    (t) => t.replace(`slug: '${SLUG}'`, "slug: 'acme'"),
    'src/index.ts → slug',
    /folder is "acme-analytics"/,
  ],
  [
    'definition: export is not the CDN global',
    'src/index.ts',
    (t) =>
      t
        .replace('export const acmeAnalyticsDestination', 'export const acme')
        .replace(/acmeAnalyticsDestination/g, 'acme'),
    'src/index.ts',
    /does not export acmeAnalyticsDestination/,
  ],
];

describe('each rule fails readably on a seeded fault', () => {
  it.each(seeds)('%s', async (_name, file, change, where, message) => {
    if (file === 'src/index.ts' && _name.includes('export'))
      seed('test/plan.ts', (t) => t.replace(/acmeAnalyticsDestination/g, 'acme'));
    seed(file, change);
    const result = await problems();
    const problem = result.problems.find((p) => p.where === where && message.test(p.message));
    expect(problem).toBeDefined();
    expect(problem!.fix.length).toBeGreaterThan(5);
    expect(result.text).toContain(`${where}: ${problem!.message}`);
    expect(result.text).toMatch(/✗ \d+ problem\(s\) in acme-analytics/);
  });
});

describe('svg reader', () => {
  it('accepts a plain, namespaced SVG with a viewBox and fragment references', () => {
    expect(
      svgProblems(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/><use href="#g"/></svg>',
      ),
    ).toEqual([]);
  });
  it('refuses unquoted handlers, DOCTYPEs and unclosed elements', () => {
    const messages = svgProblems(
      '<!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload=x><g>',
    ).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not allowed/),
        expect.stringMatching(/malformed tag/),
        expect.stringMatching(/never closed/),
      ]),
    );
  });
});

describe('governance, once a destination is released', () => {
  const baselineFile = () => join(repo.root, 'scripts/governance-baseline.json');
  it('fails a change that breaks a released destination, naming the rule and what to do', async () => {
    const path = baselineFile();
    const text = readFileSync(path, 'utf8');
    originals.set(path, text);
    const baseline = JSON.parse(text);
    // Pretend the package was released with an alias mapping it no longer has.
    baseline.destinations[SLUG] = {
      slug: SLUG,
      name: 'Acme Analytics',
      version: '0.1.0',
      settings: { apiKey: { required: true } },
      methods: ['track', 'alias'],
      events: [],
    };
    writeFileSync(path, JSON.stringify(baseline));
    const result = await problems();
    expect(result.problems).toEqual([
      expect.objectContaining({
        where: `released as ${SLUG} (no-removed-method)`,
        message: expect.stringContaining('no longer handles alias()'),
        fix: 'see docs/governance.md',
      }),
    ]);
  }, 60_000);
});
