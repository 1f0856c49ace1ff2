/**
 * @jest-environment node
 */
// esbuild (which loads fixture tables) refuses jsdom's Uint8Array: this file runs in node.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, createSpec, type Fixture } from '@devicemode/testing';
import type { SettingSchema } from '@devicemode/core';
import { eventsTable } from '../src/docs/events-table';
import { settingsTable } from '../src/docs/settings-table';
import { replaceRegion, SETTINGS_REGION } from '../src/docs/regions';
import { runCreate } from '../src/create/run-create';
import { runDocs } from '../src/docs/run-docs';
import { memoryOutput } from '../src/output';
import { copyRepo, type TempRepo } from './temp-repo';

const spec = createSpec();

describe('settings table: one row per setting from settings.schema.json', () => {
  const schema: SettingSchema = {
    type: 'object',
    properties: {
      token: { type: 'string', pattern: '^[a-f0-9]{32}$', description: 'Project token' },
      region: { type: 'string', enum: ['US', 'EU'], default: 'US', description: 'Data residency' },
      eventMap: {
        type: 'object',
        additionalProperties: { type: 'string', enum: ['purchase', 'lead'] },
        default: {},
        description: 'Event name → standard event',
      },
      tags: { type: 'array', items: { type: 'string' } },
    },
    required: ['token'],
  };
  const lines = settingsTable(schema).split('\n');

  it('has a header, a separator and a row per setting in schema order', () => {
    expect(lines[0]).toBe('| Setting | Type | Required | Default | Description |');
    expect(lines.slice(2).map((line) => line.split(' | ')[0])).toEqual([
      '| `token`',
      '| `region`',
      '| `eventMap`',
      '| `tags`',
    ]);
  });
  it('prints type, required, default and description; pipes inside cells are escaped', () => {
    expect(lines[2]).toBe('| `token` | `string` | yes | — | Project token |');
    expect(lines[3]).toBe('| `region` | `"US" \\| "EU"` | no | `"US"` | Data residency |');
    expect(lines[4]).toBe(
      '| `eventMap` | `record<string, "purchase" \\| "lead">` | no | `{}` | Event name → standard event |',
    );
  });
  it('marks a setting without a description', () => {
    expect(lines[5]).toBe('| `tags` | `string[]` | no | — | (undocumented) |');
  });
});

describe('event-mapping table: one row per fixture, Segment calls in, vendor calls out', () => {
  const fixtures: Fixture[] = [
    { name: 'load → init', events: [], calls: [], loadCalls: [call('acme', 'init', 'k')] },
    {
      name: 'Order Completed → purchase',
      events: [spec.track('Order Completed')],
      calls: [call('acme', 'purchase', { value: 158.9, currency: 'EUR' })],
    },
    {
      name: 'eventMap',
      settings: { eventMap: { Upgraded: 'lead' } },
      events: [spec.track('Upgraded', { plan: 'pro' }), spec.identify('user-42', { plan: 'pro' })],
      calls: [call('acme', 'lead', { plan: 'pro' }), call('acme', 'identify', 'user-42')],
    },
    { name: 'alias ignored', events: [spec.alias('user-42', 'anon-1')], calls: [] },
  ];
  const rows = eventsTable(fixtures).split('\n').slice(2);

  it('shows load-time calls for a row without events', () => {
    expect(rows[0]).toBe('| load → init | (load) | `acme("init", "k")` |');
  });
  it('summarises long Spec payloads by their keys and keeps short ones whole', () => {
    expect(rows[1]).toMatch(
      /^\| Order Completed → purchase \| `track\("Order Completed", \{ checkout_id, order_id, .*, … \}\)` \|/,
    );
    expect(rows[1]).toContain('`acme("purchase", {"value":158.9,"currency":"EUR"})`');
  });
  it('lists several calls in one cell and names the row settings', () => {
    expect(rows[2]).toBe(
      '| eventMap (settings `{"eventMap":{"Upgraded":"lead"}}`) | `track("Upgraded", {"plan":"pro"})`<br>`identify("user-42", {"plan":"pro"})` | `acme("lead", {"plan":"pro"})`<br>`acme("identify", "user-42")` |',
    );
  });
  it('says "none" when a row expects no vendor call', () => {
    expect(rows[3]).toBe('| alias ignored | `alias("user-42", "anon-1")` | none |');
  });
});

describe('README regions', () => {
  it('refuses a README without the markers, naming the file and the fix', () => {
    expect(() => replaceRegion('# Acme\n', SETTINGS_REGION, 'x', 'packages/destinations/acme/README.md')).toThrow(
      'packages/destinations/acme/README.md has no settings region',
    );
  });
});

describe('devicemode docs on a repository', () => {
  let repo: TempRepo;
  let readme: string;
  beforeAll(async () => {
    repo = copyRepo();
    await runCreate(
      repo.root,
      {
        name: 'Acme Analytics',
        slug: 'acme-analytics',
        website: 'https://acme.example',
        categories: ['Analytics'],
        scriptUrl: 'https://cdn.acme.example/sdk.js',
      },
      { out: memoryOutput() },
    );
    readme = join(repo.root, 'packages/destinations/acme-analytics/README.md');
  }, 60_000);
  afterAll(() => repo?.remove());

  it('fills both README regions and the index, and says they are generated', () => {
    const text = readFileSync(readme, 'utf8');
    expect(text).toContain('<!-- Generated by `devicemode docs` from settings.schema.json');
    expect(text).toMatch(/\| `apiKey` +\| `string` +\| yes /);
    expect(text).toMatch(/\| Order Completed → purchase with value and currency +\| `track\("Order Completed"/);
    const index = readFileSync(join(repo.root, 'docs/destinations.md'), 'utf8');
    expect(index.split('\n')[0]).toMatch(/^<!-- Generated by `devicemode docs`/);
    expect(index).toMatch(
      /\| \[Acme Analytics\]\(\.\.\/packages\/destinations\/acme-analytics\/README\.md\) +\| track, identify, page +\| Order Completed +\| analytics +\|/,
    );
  });

  it('--check passes when fresh and reports a hand-edited table as stale without writing', async () => {
    expect((await runDocs(repo.root, { check: true, out: memoryOutput() })).stale).toEqual([]);
    const edited = readFileSync(readme, 'utf8').replace('| yes ', '| no  ');
    writeFileSync(readme, edited);
    const outcome = await runDocs(repo.root, { check: true, out: memoryOutput() });
    expect(outcome.stale).toEqual(['packages/destinations/acme-analytics/README.md']);
    expect(readFileSync(readme, 'utf8')).toBe(edited);
  });

  it('--check reports a fixture table change as stale; docs then rewrites the README', async () => {
    const planFile = join(repo.root, 'packages/destinations/acme-analytics/test/plan.ts');
    writeFileSync(planFile, readFileSync(planFile, 'utf8').replace('custom event → track', 'any other event → track'));
    expect((await runDocs(repo.root, { check: true, out: memoryOutput() })).stale).toContain(
      'packages/destinations/acme-analytics/README.md',
    );
    const written = await runDocs(repo.root, { out: memoryOutput() });
    expect(written.written).toContain('packages/destinations/acme-analytics/README.md');
    expect(readFileSync(readme, 'utf8')).toContain('| any other event → track');
    expect((await runDocs(repo.root, { check: true, out: memoryOutput() })).stale).toEqual([]);
  });

  it('ignores bundle sizes in --check (CI lints before it builds) but writes them when built', async () => {
    const index = join(repo.root, 'docs/destinations.md');
    const cdn = join(repo.root, 'packages/destinations/acme-analytics/dist/cdn');
    mkdirSync(cdn, { recursive: true });
    writeFileSync(join(cdn, 'acme-analytics.js'), 'window.acmeAnalyticsDestination=function(){};'.repeat(20));
    expect((await runDocs(repo.root, { check: true, out: memoryOutput() })).stale).toEqual([]);
    expect((await runDocs(repo.root, { check: true, sizes: true, out: memoryOutput() })).stale).toEqual([
      'docs/destinations.md',
    ]);
    await runDocs(repo.root, { out: memoryOutput() });
    expect(readFileSync(index, 'utf8')).toMatch(/\| 900 B \/ \d+ B +\|/);
    expect((await runDocs(repo.root, { check: true, sizes: true, out: memoryOutput() })).stale).toEqual([]);
  });
});

describe('long values in calls', () => {
  it('cuts long strings and says how long they were', () => {
    const [row] = eventsTable([{ name: 'long', events: [spec.track('E'.repeat(255))], calls: [] }])
      .split('\n')
      .slice(2);
    expect(row).toBe('| long | `track("EEEEEEEEEEEEEEEEEEEEEEEE…" (255 characters))` | none |');
  });
});
