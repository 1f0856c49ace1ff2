// The destinations the kit's browser tests load: Beacon (the worked example) and Lantern.
import { join } from 'node:path';
import { bundleDestination } from '@devicemode/testing/browser';
import type { AnalyticsCall, DefinitionOverrides, DestinationBundle } from '@devicemode/testing/browser';

export { emulator as beaconEmulator } from './example/emulator';
export { lanternEmulator } from './browser-lantern/emulator';

export const BEACON_SETTINGS = { siteId: 'bk_0123456789' };
export const LANTERN_SETTINGS = { key: 'lt_abc123' };

/** Beacon built from source as a CDN bundle (`window.beaconDestination`). */
export const beaconBundle = (overrides?: DefinitionOverrides): Promise<DestinationBundle> =>
  bundleDestination({ entry: join(__dirname, 'example/index.ts'), libraryName: 'beaconDestination', overrides });

/** Lantern built from source as a CDN bundle (`window.lanternDestination`). */
export const lanternBundle = (): Promise<DestinationBundle> =>
  bundleDestination({ entry: join(__dirname, 'browser-lantern/index.ts'), libraryName: 'lanternDestination' });

/** identify, track, page, and an ecommerce track: what every path must deliver. */
export const EVENTS: AnalyticsCall[] = [
  ['identify', 'user-42', { plan: 'pro' }],
  ['track', 'Plan Upgraded', { plan: 'pro' }],
  ['page', 'Shop', 'Trail shoes'],
  ['track', 'Order Completed', { order_id: 'ord-1', revenue: 158.9, currency: 'EUR' }],
];

/** Browser tests start Chromium and wait on real timers. */
export const BROWSER_TIMEOUT_MS = 30_000;
