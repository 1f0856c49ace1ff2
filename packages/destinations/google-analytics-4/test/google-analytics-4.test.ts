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
  vendorScripts,
  withConsent,
} from '@devicemode/testing';
import { googleAnalytics4Destination } from '../src';
import { emulator } from './emulator';
import { plan } from './plan';

runFixtureTable(plan);

const ID = 'G-NW4TEST123';
const visitor = createSpec({ userId: null });
const events = (calls: unknown[][]) => calls.filter((c) => c[1] === 'event').map((c) => [c[2], c[3]]);

describe('Google Consent Mode v2', () => {
  it('sends consent update before the event, and only when the preferences change', async () => {
    const { calls } = await runFixture(plan, {
      settings: { consentMode: true },
      events: [
        withConsent(visitor.page(), { analytics: true, advertising: false }),
        withConsent(visitor.track('Product Viewed'), { analytics: true, advertising: false }),
        withConsent(visitor.track('Product Added'), { analytics: true, advertising: true }),
      ],
    });
    expect(calls.map((c) => c.slice(1, 3))).toEqual([
      ['consent', 'update'],
      ['event', 'page_view'],
      ['event', 'view_item'],
      ['consent', 'update'],
      ['event', 'add_to_cart'],
    ]);
    expect(calls[0]![3]).toEqual({
      analytics_storage: 'granted',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    });
    expect(calls[3]![3]).toEqual({
      analytics_storage: 'granted',
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
    });
  });

  it('reads the categories named in the settings (e.g. a CMP’s own ids)', async () => {
    const { calls } = await runFixture(plan, {
      settings: { consentMode: true, analyticsCategory: 'C0002', advertisingCategory: 'C0004' },
      // core delivers only events that grant the destination's own category, `analytics`
      events: [withConsent(visitor.page(), { analytics: true, C0002: true, C0004: false, advertising: true })],
    });
    expect(calls[0]).toEqual(
      call('gtag', 'consent', 'update', {
        analytics_storage: 'granted',
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
      }),
    );
  });

  it('sends no consent commands when consentMode is off', async () => {
    const { loadCalls, calls } = await runFixture(plan, {
      events: [withConsent(visitor.page(), { analytics: true, advertising: false })],
    });
    expect([...loadCalls, ...calls].filter((c) => c[1] === 'consent')).toEqual([]);
  });
});

describe('single-page applications', () => {
  it('sends exactly one page_view per page() call, each with its own URL, referrer and title', async () => {
    const route = (path: string, from: string, title: string) =>
      visitor.page(title, {
        url: `https://shop.example.com${path}`,
        path,
        referrer: `https://shop.example.com${from}`,
        title,
      });
    const { loadCalls, calls } = await runFixture(plan, {
      events: [route('/a', '/', 'A'), route('/b', '/a', 'B'), route('/c', '/b', 'C')],
    });
    expect(loadCalls).toContainEqual(call('gtag', 'config', ID, { send_page_view: false }));
    expect(events(calls)).toEqual(
      ['a', 'b', 'c'].map((page, i) => [
        'page_view',
        {
          page_location: `https://shop.example.com/${page}`,
          page_referrer: `https://shop.example.com/${['', 'a', 'b'][i]}`,
          page_title: page.toUpperCase(),
          send_to: ID,
        },
      ]),
    );
  });
});

describe('the Google tag already on the page', () => {
  it('reuses the page’s gtag.js and gtag(): no second script, no second js command', async () => {
    resetPage();
    const vendor = serveVendor(emulator);
    try {
      const w = window as unknown as { dataLayer: unknown[]; gtag: (...args: unknown[]) => void };
      w.dataLayer = [];
      w.gtag = function () {
        // eslint-disable-next-line prefer-rest-params
        w.dataLayer.push(arguments);
      };
      w.gtag('js', new Date());
      w.gtag('config', 'AW-123456789');
      const script = document.createElement('script');
      script.src = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
      document.head.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 10));

      const plugin = googleAnalytics4Destination({ measurementId: ID });
      await plugin.load({}, undefined);
      dispatch(plugin, visitor.track('Signed In', { method: 'sso' }));
      await settle();

      expect(vendorScripts(emulator).map((s) => s.src)).toEqual([script.src]);
      expect(vendor.calls).toEqual([
        call('gtag', 'js', '[object Date]'),
        call('gtag', 'config', 'AW-123456789'),
        call('gtag', 'config', ID, { send_page_view: false }),
        call('gtag', 'event', 'login', { method: 'sso', send_to: ID }),
      ]);
    } finally {
      vendor.stop();
    }
  });

  it('queues commands as gtag() arguments objects until gtag.js runs them', async () => {
    resetPage();
    const vendor = serveVendor(emulator, { delayMs: 50 });
    try {
      const plugin = googleAnalytics4Destination({ measurementId: ID });
      const loading = plugin.load({}, undefined);
      await settle();
      const queued = (window as unknown as { dataLayer: unknown[] }).dataLayer;
      expect(vendor.calls).toEqual([]);
      expect(queued.map((entry) => Object.prototype.toString.call(entry))).toEqual([
        '[object Arguments]',
        '[object Arguments]',
      ]);
      expect(vendor.requested).toEqual([`https://www.googletagmanager.com/gtag/js?id=${ID}`]);
      await loading;
      expect(vendor.calls.map((c) => c[1])).toEqual(['js', 'config']);
    } finally {
      vendor.stop();
    }
  });
});
