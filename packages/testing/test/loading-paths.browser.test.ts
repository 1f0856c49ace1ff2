// The three ways a site gets a destination into analytics-next, each run for real: Chromium,
// analytics-next 1.84.3, Beacon bundled from source, its vendor script answered by the emulator.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { remotePlugin, startBrowserHarness } from '@devicemode/testing/browser';
import type { AnalyticsPage, BrowserHarness, DestinationBundle } from '@devicemode/testing/browser';
import { BEACON_SETTINGS, BROWSER_TIMEOUT_MS, EVENTS, beaconBundle, beaconEmulator } from './browser-destinations';

let harness: BrowserHarness;
let beacon: DestinationBundle;
beforeAll(async () => {
  [harness, beacon] = await Promise.all([startBrowserHarness(), beaconBundle()]);
}, BROWSER_TIMEOUT_MS);
afterAll(() => harness?.close());

/** What Beacon must send for EVENTS, on this page. */
const expectedCalls = (session: AnalyticsPage): unknown[] => [
  ['beacon', 'init', 'bk_0123456789'],
  ['beacon', 'identify', 'user-42', { plan: 'pro' }],
  ['beacon', 'track', 'Plan Upgraded', { plan: 'pro' }],
  ['beacon', 'page', session.url, 'Trail shoes'],
  ['beacon', 'purchase', { value: 158.9, currency: 'EUR' }],
];

/** Sends EVENTS and checks what Beacon, Segment's API and the network saw. */
async function expectDelivered(session: AnalyticsPage): Promise<void> {
  expect(await session.send(EVENTS)).toEqual(['resolved', 'resolved', 'resolved', 'resolved']);
  expect(await session.ready()).toBe('resolved');
  const calls = await session.waitForVendorCalls((calls) => calls.length >= 5);
  expect(calls).toEqual(expectedCalls(session));
  expect(session.vendorScripts).toEqual(['https://cdn.beacon.test/beacon.js']);
  // analytics-next itself still delivered every event (to the local stand-in for api.segment.io).
  expect(session.segmentRequests.map((request) => (request.body as { type: string }).type).sort()).toEqual([
    'identify',
    'page',
    'track',
    'track',
  ]);
  // No settings fetch, no chunk from cdn.segment.com, nothing else tried to leave.
  expect(session.blocked).toEqual([]);
  expect(session.unexpectedErrors()).toEqual([]);
}

describe('a destination loads through cdnSettings.remotePlugins (the CDN bundle)', () => {
  it(
    'analytics-next fetches the bundle, reads window[libraryName] and the vendor receives every event',
    async () => {
      const session = await harness.open({ vendors: [{ emulator: beaconEmulator }] });
      try {
        await session.load({
          remotePlugins: [remotePlugin(beacon, harness.serve(beacon), { name: 'Beacon', settings: BEACON_SETTINGS })],
        });
        await expectDelivered(session);
      } finally {
        await session.close();
      }
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe('a destination loads through AnalyticsBrowser.load({ plugins: [factory] }) (npm)', () => {
  it(
    'the factory is matched to its remotePlugins entry by pluginName and the bundle URL is never fetched',
    async () => {
      const session = await harness.open({ vendors: [{ emulator: beaconEmulator }], scripts: [beacon] });
      try {
        // An unreachable URL: had analytics-next fetched it, `blocked` would hold it.
        const entry = remotePlugin(beacon, 'https://cdn.devicemode.test/beacon.js', {
          name: 'Beacon',
          settings: BEACON_SETTINGS,
        });
        await session.load({ remotePlugins: [entry], plugins: ['beaconDestination'] });
        await expectDelivered(session);
      } finally {
        await session.close();
      }
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe('a destination loads through analytics.register(plugin) (npm)', () => {
  it(
    'the plain plugin buffers what arrives before its vendor is ready and delivers it in order',
    async () => {
      const session = await harness.open({ vendors: [{ emulator: beaconEmulator }], scripts: [beacon] });
      try {
        await session.load({ register: [{ libraryName: 'beaconDestination', settings: BEACON_SETTINGS }] });
        await expectDelivered(session);
      } finally {
        await session.close();
      }
    },
    BROWSER_TIMEOUT_MS,
  );
});
