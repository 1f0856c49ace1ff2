import { describe, expect, it } from '@jest/globals';
import { createSpec, resetPage, runFixture, runFixtureTable, serveVendor } from '@devicemode/testing';
import type { AnalyticsLike, SegmentEvent } from '@devicemode/core';
import { emulator } from './emulator';
import { plan } from './plan';

runFixtureTable(plan);

/** A page call made after the SPA navigated to `path`. */
const pageAt = (path: string, title: string, referrer: string): SegmentEvent => {
  const event = createSpec({ userId: null }).page(title, {});
  const page = { path, referrer, search: '', title, url: `https://shop.example.com${path}` };
  return { ...event, properties: { ...page, name: title }, context: { ...event.context, page } };
};

describe('Amplitude: SPA page sequence', () => {
  it('each page view carries the URL, title and referrer of its own call', async () => {
    const { calls } = await runFixture(plan, {
      events: [
        pageAt('/shop', 'Shop', 'https://search.example.org/'),
        pageAt('/shop/cart', 'Cart', 'https://shop.example.com/shop'),
      ],
    });
    const views = calls.filter(([name]) => name === 'amplitude.track').map(([, , props]) => props);
    expect(views).toEqual([
      expect.objectContaining({
        '[Amplitude] Page Location': 'https://shop.example.com/shop',
        '[Amplitude] Page Title': 'Shop',
        referrer: 'https://search.example.org/',
      }),
      expect.objectContaining({
        '[Amplitude] Page Location': 'https://shop.example.com/shop/cart',
        '[Amplitude] Page Title': 'Cart',
        referrer: 'https://shop.example.com/shop',
      }),
    ]);
  });
});

describe('Amplitude: load', () => {
  it("starts with Segment's ids when analytics-next passes its instance", async () => {
    resetPage();
    const vendor = serveVendor(emulator);
    try {
      const analytics: AnalyticsLike = { user: () => ({ id: () => 'user-42', anonymousId: () => 'anon-1' }) };
      await plan.destination(plan.settings).load({}, analytics);
      expect(vendor.calls).toEqual([
        [
          'amplitude.init',
          'fedcba9876543210fedcba9876543210',
          { serverZone: 'US', autocapture: { pageViews: false }, deviceId: 'anon-1', userId: 'user-42' },
        ],
      ]);
    } finally {
      vendor.stop();
    }
  });

  it('uses an Amplitude the page already loaded as it is', async () => {
    resetPage();
    const calls: unknown[][] = [];
    (window as unknown as Record<string, unknown>).amplitude = {
      runQueuedFunctions: () => undefined,
      getDeviceId: () => 'anon-5c2f9e',
      getUserId: () => undefined,
      track: (...args: unknown[]) => calls.push(['track', ...args]),
    };
    const plugin = plan.destination(plan.settings);
    await plugin.load({}, undefined);
    plugin.track?.({ event: createSpec({ userId: null }).track('Cart Viewed', { cart_id: 'c1' }) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.scripts).toHaveLength(0);
    expect(calls).toEqual([['track', 'Cart Viewed', { cart_id: 'c1' }]]);
  });
});
