// The governance rules, each seeded as a real change in a temporary git repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASELINE_FILE, governance } from '../scripts/governance';
import type { Baseline, DestinationSnapshot } from '../scripts/governance';

interface Shape {
  name?: string;
  settings?: Record<string, { required: boolean }>;
  methods?: string[];
  events?: string[];
}

const FOO: Required<Shape> = {
  name: 'Foo',
  settings: { apiKey: { required: true }, region: { required: false } },
  methods: ['track', 'identify'],
  events: ['Order Completed', 'Product Viewed'],
};
const BAR: Required<Shape> = {
  name: 'Bar',
  settings: { id: { required: true } },
  methods: ['track'],
  events: ['Signed Up'],
};

const repos: string[] = [];
afterAll(() => repos.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const git = (root: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

/** Writes a destination as governance reads it: the definition's shape and the fixture table's events. */
function writeDestination(root: string, slug: string, shape: Required<Shape>): void {
  const dir = join(root, 'packages/destinations', slug);
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'test'), { recursive: true });
  const required = Object.entries(shape.settings)
    .filter(([, s]) => s.required)
    .map(([k]) => k);
  const properties = Object.fromEntries(Object.keys(shape.settings).map((k) => [k, { type: 'string' }]));
  const handlers = shape.methods.map((m) => `${m}() {}`).join(', ');
  writeFileSync(
    join(dir, 'src/index.ts'),
    `export const ${slug}Destination = { definition: { slug: '${slug}', name: '${shape.name}', version: '1.0.0', settings: ${JSON.stringify({ type: 'object', properties, required })}, ${handlers} } };\n`,
  );
  const events = shape.events.map((event) => ({ type: 'track', event }));
  writeFileSync(
    join(dir, 'test/plan.ts'),
    `export const plan = { fixtures: [{ events: ${JSON.stringify(events)} }] };\n`,
  );
}

/** A repository with Foo and Bar released (in the baseline) and committed. */
function releasedRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'devicemode-governance-'));
  repos.push(root);
  git(root, 'init', '-q', '-b', 'main');
  writeDestination(root, 'foo', FOO);
  writeDestination(root, 'bar', BAR);
  const snapshot = (slug: string, shape: Required<Shape>): DestinationSnapshot => ({
    slug,
    version: '1.0.0',
    ...shape,
  });
  const baseline: Baseline = {
    $comment: 'test',
    destinations: { foo: snapshot('foo', FOO), bar: snapshot('bar', BAR) },
  };
  mkdirSync(join(root, 'scripts'));
  writeFileSync(join(root, BASELINE_FILE), JSON.stringify(baseline));
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'release');
  return root;
}

describe('governance: what a change may not do to a released destination', () => {
  it('passes an untouched tree', async () => {
    await expect(governance(releasedRepo())).resolves.toEqual({ ok: true, lines: [] });
  });

  it.each<[string, (root: string) => void, RegExp]>([
    [
      'adding a required setting',
      (root) => writeDestination(root, 'foo', { ...FOO, settings: { ...FOO.settings, secret: { required: true } } }),
      /✗ \[no-new-required-setting\] foo: new setting "secret" is required: .*Make it optional with a default/,
    ],
    [
      'making an optional setting required',
      (root) => writeDestination(root, 'foo', { ...FOO, settings: { ...FOO.settings, region: { required: true } } }),
      /✗ \[no-new-required-setting\] foo: setting "region" became required/,
    ],
    [
      'renaming a released slug',
      (root) => renameSync(join(root, 'packages/destinations/foo'), join(root, 'packages/destinations/foo-v2')),
      /✗ \[slug-stable\] foo: released destination "foo" is gone \(renamed or removed\)/,
    ],
    [
      'renaming the catalog name',
      (root) => writeDestination(root, 'foo', { ...FOO, name: 'Foo Analytics' }),
      /✗ \[name-stable\] foo: the name changed from "Foo" to "Foo Analytics"/,
    ],
    [
      'removing a handled method',
      (root) => writeDestination(root, 'foo', { ...FOO, methods: ['track'] }),
      /✗ \[no-removed-method\] foo: no longer handles identify\(\)/,
    ],
    [
      'removing a mapped event',
      (root) => writeDestination(root, 'foo', { ...FOO, events: ['Order Completed'] }),
      /✗ \[no-removed-event\] foo: no longer maps "Product Viewed"/,
    ],
  ])('fails %s', async (_name, change, message) => {
    const root = releasedRepo();
    change(root);
    const verdict = await governance(root);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines.join('\n')).toMatch(message);
  });

  it.each<[string, (root: string) => void]>([
    [
      'adding an optional setting',
      (root) => writeDestination(root, 'foo', { ...FOO, settings: { ...FOO.settings, debug: { required: false } } }),
    ],
    [
      'mapping a new event',
      (root) => writeDestination(root, 'foo', { ...FOO, events: [...FOO.events, 'Checkout Started'] }),
    ],
    ['handling a new method', (root) => writeDestination(root, 'foo', { ...FOO, methods: [...FOO.methods, 'page'] })],
    ['adding a new destination', (root) => writeDestination(root, 'baz', { ...BAR, name: 'Baz' })],
  ])('passes %s', async (_name, change) => {
    const root = releasedRepo();
    change(root);
    await expect(governance(root)).resolves.toEqual({ ok: true, lines: [] });
  });
});

describe('governance with a base ref: one destination per change', () => {
  it('fails a change touching two destinations, committed or not', async () => {
    const root = releasedRepo();
    writeDestination(root, 'foo', { ...FOO, events: [...FOO.events, 'Cart Viewed'] });
    git(root, 'commit', '-qam', 'foo: map Cart Viewed');
    writeDestination(root, 'bar', { ...BAR, methods: ['track', 'page'] });
    const verdict = await governance(root, { base: 'HEAD~1' });
    expect(verdict.lines).toEqual([
      expect.stringMatching(
        /^✗ \[one-destination-per-change\] bar, foo: this change touches 2 destinations since HEAD~1; .*one change per destination$/,
      ),
    ]);
  });

  it('passes a change to one destination plus core or docs', async () => {
    const root = releasedRepo();
    writeDestination(root, 'foo', { ...FOO, events: [...FOO.events, 'Cart Viewed'] });
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs/notes.md'), 'notes\n');
    await expect(governance(root, { base: 'HEAD' })).resolves.toEqual({ ok: true, lines: [] });
  });
});

describe('the command', () => {
  it('exits 1 with the report, and 0 once the change is undone', () => {
    const root = releasedRepo();
    writeDestination(root, 'bar', { ...BAR, settings: { ...BAR.settings, token: { required: true } } });
    const run = (): { status: number; output: string } => {
      try {
        const output = execFileSync(
          join(__dirname, '../node_modules/.bin/tsx'),
          [join(__dirname, '../scripts/governance.ts'), '--root', root],
          {
            encoding: 'utf8',
            stdio: 'pipe',
          },
        );
        return { status: 0, output };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { status: failed.status, output: failed.stdout };
      }
    };
    expect(run()).toEqual({
      status: 1,
      output: expect.stringContaining('✗ [no-new-required-setting] bar: new setting "token" is required'),
    });
    git(root, 'checkout', '--', '.');
    expect(run()).toEqual({ status: 0, output: 'governance: ok (2 released destinations checked)\n' });
  }, 30_000);
});
