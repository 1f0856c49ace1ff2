// A custom bundle (one file, chosen destinations, core once) loaded by real analytics-next through two
// remotePlugins entries; remote settings still switch each destination on or off.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHarness } from '@devicemode/testing/browser';
import type { BrowserHarness } from '@devicemode/testing/browser';
import { emulator as ga4Emulator } from '../packages/destinations/google-analytics-4/test/emulator';
import { emulator as mixpanelEmulator } from '../packages/destinations/mixpanel/test/emulator';

const ROOT = join(__dirname, '..');
const MEASUREMENT_ID = 'G-TEST12345';
const TOKEN = '0123456789abcdef0123456789abcdef';
const out = mkdtempSync(join(tmpdir(), 'devicemode-custom-bundle-'));
let harness: BrowserHarness;
let code: string;
let report: string;

beforeAll(async () => {
  const file = join(out, 'bundle.js');
  report = execFileSync(
    'node',
    [join(ROOT, 'scripts/custom-bundle.mjs'), '--only', 'mixpanel,google-analytics-4', '-o', file],
    {
      encoding: 'utf8',
    },
  );
  code = readFileSync(file, 'utf8');
  harness = await startBrowserHarness();
}, 60_000);
afterAll(async () => {
  await harness?.close();
  rmSync(out, { recursive: true, force: true });
});

function entries(url: string) {
  return [
    { name: 'Mixpanel', creationName: 'Mixpanel', url, libraryName: 'mixpanelDestination', settings: { token: TOKEN } },
    {
      name: 'Google Analytics 4',
      creationName: 'Google Analytics 4',
      url,
      libraryName: 'googleAnalytics4Destination',
      settings: { measurementId: MEASUREMENT_ID },
    },
  ];
}

describe('devicemode bundle --only mixpanel,google-analytics-4', () => {
  it('reports its size and holds core once', () => {
    expect(report).toMatch(/mixpanel, google-analytics-4 — \d+ B, \d+ B gzip/);
    // One copy of core's runtime: its logger format string appears once.
    expect(code.split('[devicemode:').length - 1).toBe(1);
  });

  it('loads through two remotePlugins entries and both destinations receive the events', async () => {
    const url = harness.serve({ libraryName: 'mixpanelDestination', code });
    const session = await harness.open({ vendors: [{ emulator: mixpanelEmulator }, { emulator: ga4Emulator }] });
    try {
      await session.load({ remotePlugins: entries(url) });
      expect(
        await session.send([['track', 'Order Completed', { order_id: 'o-1', revenue: 20, currency: 'EUR' }]]),
      ).toEqual(['resolved']);
      const calls = await session.waitForVendorCalls(
        (seen) =>
          seen.some((c) => c[0] === 'mixpanel.track') &&
          seen.some((c) => c[0] === 'gtag' && c[1] === 'event' && c[2] === 'purchase'),
      );
      expect(calls.find((c) => c[0] === 'mixpanel.track')?.[1]).toBe('Order Completed');
      expect(calls.find((c) => c[0] === 'gtag' && c[2] === 'purchase')?.[3]).toMatchObject({
        transaction_id: 'o-1',
        value: 20,
        currency: 'EUR',
      });
      // analytics-next fetched the one file once for both entries.
      expect(session.unexpectedErrors()).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('still lets remote settings switch one destination off', async () => {
    const url = harness.serve({ libraryName: 'mixpanelDestination', code });
    const session = await harness.open({ vendors: [{ emulator: mixpanelEmulator }, { emulator: ga4Emulator }] });
    try {
      await session.load({ remotePlugins: entries(url), options: { integrations: { 'Google Analytics 4': false } } });
      await session.send([['track', 'Signed Up', {}]]);
      const calls = await session.waitForVendorCalls((seen) => seen.some((c) => c[0] === 'mixpanel.track'));
      expect(calls.filter((c) => c[0] === 'gtag')).toEqual([]);
      expect(session.vendorScripts.some((src) => src.startsWith('https://www.googletagmanager.com/'))).toBe(false);
    } finally {
      await session.close();
    }
  });
});
