import { call, defineTestPlan, spec } from '../../src';
import { emulator } from './emulator';
import { beaconDestination } from './index';

export const plan = defineTestPlan({
  destination: beaconDestination,
  emulator,
  settings: { siteId: 'bk_0123456789' },
  invalidSettings: [
    { settings: {}, field: 'siteId' },
    { settings: { siteId: '"><script>alert(1)</script>' }, field: 'siteId' },
    { settings: { siteId: 'bk_0123456789', scriptUrl: 'http://cdn.beacon.test/beacon.js' }, field: 'scriptUrl' },
    { settings: { siteId: 'bk_0123456789', eventMap: { Upgraded: 'refund' } }, field: 'eventMap.Upgraded' },
    { settings: 'bk_0123456789', field: '' },
  ],
  fixtures: [
    {
      name: 'load → init with the site id',
      events: [],
      calls: [],
      loadCalls: [call('beacon', 'init', 'bk_0123456789')],
    },
    {
      name: 'Order Completed → purchase with value and currency',
      events: [spec.track('Order Completed')],
      calls: [call('beacon', 'purchase', { value: 158.9, currency: 'EUR' })],
    },
    {
      name: 'custom event → track',
      events: [spec.track('Plan Upgraded', { plan: 'pro' })],
      calls: [call('beacon', 'track', 'Plan Upgraded', { plan: 'pro' })],
    },
    {
      name: 'eventMap: Upgraded → lead',
      settings: { eventMap: { Upgraded: 'lead' } },
      events: [spec.track('Upgraded', { plan: 'pro' })],
      calls: [call('beacon', 'lead', { plan: 'pro' })],
    },
    {
      name: 'identify → identify with traits',
      events: [spec.identify('user-42', { plan: 'pro' })],
      calls: [call('beacon', 'identify', 'user-42', { plan: 'pro' })],
    },
    {
      name: 'page → page with the current URL',
      events: [spec.page('Trail shoes')],
      calls: [call('beacon', 'page', 'https://shop.example.com/shop/trail-shoes?utm_source=newsletter', 'Trail shoes')],
    },
  ],
});
