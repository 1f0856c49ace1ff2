import { describe, expect, it } from '@jest/globals';
import {
  call,
  createSpec,
  dispatch,
  resetPage,
  runFixture,
  runFixtureTable,
  serveVendor,
  settle,
} from '@devicemode/testing';
import { metaPixelDestination } from '../src';
import { emulator } from './emulator';
import { plan } from './plan';

runFixtureTable(plan);

const PIXEL = '123456789012345';
const visitor = createSpec({ userId: null });
type FbqGlobal = ((...args: unknown[]) => void) & Record<string, unknown>;
const fbqOf = () => (window as unknown as { fbq: FbqGlobal }).fbq;

describe('page views', () => {
  it('sends one PageView per page() call and none of the pixel’s own on route changes', async () => {
    const pages = [visitor.page('A'), visitor.page('B'), visitor.page('C')];
    const { calls } = await runFixture(plan, { events: pages });
    expect(calls).toEqual(
      pages.map((page) => call('fbq', 'trackSingle', PIXEL, 'PageView', {}, { eventID: page.messageId })),
    );
    // Read by fbevents.js when it loads: no history-listener PageView, and explicit PageViews are never dropped.
    expect(fbqOf().disablePushState).toBe(true);
    expect(fbqOf().allowDuplicatePageViews).toBe(true);
  });
});

describe("Meta's base code", () => {
  it('queues calls as arguments objects until fbevents.js provides callMethod', async () => {
    resetPage();
    const vendor = serveVendor(emulator, { delayMs: 50 });
    try {
      const plugin = metaPixelDestination({ pixelId: PIXEL });
      const loading = plugin.load({}, undefined);
      await settle();
      const fbq = fbqOf();
      expect(fbq.loaded).toBe(true);
      expect(fbq.version).toBe('2.0');
      expect(fbq.push).toBe(fbq);
      expect((window as unknown as { _fbq: unknown })._fbq).toBe(fbq);
      expect((fbq.queue as unknown[]).map((args) => Object.prototype.toString.call(args))).toEqual([
        '[object Arguments]',
      ]);
      expect(vendor.requested).toEqual(['https://connect.facebook.net/en_US/fbevents.js']);
      await loading;
      expect(vendor.calls).toEqual([call('fbq', 'init', PIXEL)]);
    } finally {
      vendor.stop();
    }
  });

  it('keeps a pixel the page installed itself and sends this pixel’s events to this pixel only', async () => {
    resetPage();
    const vendor = serveVendor(emulator);
    try {
      // the page's own base code (with a rest parameter instead of `arguments`)
      const own = function (...args: unknown[]) {
        if (typeof own.callMethod === 'function') own.callMethod(...args);
        else (own.queue as unknown[][]).push(args);
      } as FbqGlobal;
      Object.assign(own, { queue: [], loaded: true, version: '2.0' });
      own.push = own;
      (window as unknown as { fbq: FbqGlobal }).fbq = own;
      own('init', '999999999999999');

      const plugin = metaPixelDestination({ pixelId: PIXEL });
      await plugin.load({}, undefined);
      const event = visitor.track('Order Completed');
      dispatch(plugin, event);
      await settle();

      expect(fbqOf()).toBe(own);
      expect(vendor.calls.map((c) => c.slice(1, 4))).toEqual([
        ['init', '999999999999999'],
        ['init', PIXEL],
        ['trackSingle', PIXEL, 'Purchase'],
      ]);
    } finally {
      vendor.stop();
    }
  });
});
