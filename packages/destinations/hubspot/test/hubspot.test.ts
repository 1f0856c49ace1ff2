import { dispatch, resetPage, runFixtureTable, serveVendor, settle, spec, vendorScripts } from '@devicemode/testing';
import { hubspotDestination } from '../src';
import { emulator } from './emulator';
import { plan } from './plan';

runFixtureTable(plan);

describe('HubSpot: tracking code URL', () => {
  afterEach(() => resetPage());

  it.each([
    ['na1', 'https://js.hs-scripts.com/1234567.js'],
    ['na2', 'https://js-na2.hs-scripts.com/1234567.js'],
    ['eu1', 'https://js-eu1.hs-scripts.com/1234567.js'],
    ['ap1', 'https://js-ap1.hs-scripts.com/1234567.js'],
  ])('region %s loads %s with the embed code id', async (region, url) => {
    resetPage();
    const vendor = serveVendor(emulator);
    await hubspotDestination({ portalId: '1234567', region }).load({}, undefined);
    vendor.stop();
    expect(vendor.requested).toEqual([url]);
    expect(vendorScripts(emulator)[0]?.id).toBe('hs-script-loader');
  });

  it('scriptUrl replaces the whole URL (first-party proxy)', async () => {
    resetPage();
    const vendor = serveVendor({ ...emulator, scripts: ['https://hs.example.com/'] });
    await hubspotDestination({ portalId: '1234567', scriptUrl: 'https://hs.example.com/hs/1234567.js' }).load(
      {},
      undefined,
    );
    vendor.stop();
    expect(vendor.requested).toEqual(['https://hs.example.com/hs/1234567.js']);
  });
});

describe('HubSpot: commands the page queued itself', () => {
  afterEach(() => resetPage());

  it('keeps the page queue: its commands run before HubSpot’s automatic page view, ours after', async () => {
    resetPage();
    Object.assign(window, { _hsq: [['identify', { email: 'page@example.com' }]] });
    const vendor = serveVendor(emulator);
    const plugin = hubspotDestination({ portalId: '1234567' });
    await plugin.load({}, undefined);
    dispatch(plugin, spec.track('Clicked CTA', {}));
    await settle();
    vendor.stop();
    expect(vendor.calls).toEqual([
      ['_hsq', 'identify', { email: 'page@example.com' }],
      ['_hsq', 'trackPageView'],
      ['_hsq', 'trackCustomBehavioralEvent', { name: 'pe1234567_clicked_cta', properties: {} }],
    ]);
  });
});

describe('HubSpot: single-page app on a deep link', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
    resetPage();
  });

  it('skips the page() of the URL HubSpot tracked on load, tracks the next route', async () => {
    resetPage();
    window.history.replaceState(null, '', '/shop/trail-shoes?utm_source=newsletter');
    const vendor = serveVendor(emulator);
    const plugin = hubspotDestination({ portalId: '1234567' });
    await plugin.load({}, undefined);
    dispatch(plugin, spec.page('Trail shoes'));
    dispatch(plugin, spec.page('Cart', { path: '/cart', search: '' }));
    await settle();
    vendor.stop();
    expect(vendor.calls).toEqual([
      ['_hsq', 'trackPageView'],
      ['_hsq', 'setPath', '/cart'],
      ['_hsq', 'trackPageView'],
    ]);
  });
});
