import {
  call,
  createSpec,
  defineTestPlan,
  FIXTURE_ANONYMOUS_ID,
  FIXTURE_PAGE,
  IDENTIFY_TRAITS,
  SPEC_PROPERTIES,
  spec,
  withConsent,
} from '@devicemode/testing';
import { amplitudeDestination } from '../src';
import { emulator } from './emulator';

const API_KEY = 'fedcba9876543210fedcba9876543210';
const anonymous = createSpec({ userId: null });
const loggedOut = createSpec({ userId: null, anonymousId: 'anon-after-logout' });

/** What the first call of a page causes: Segment's anonymous id becomes Amplitude's device id. */
const device = call('amplitude.setDeviceId', FIXTURE_ANONYMOUS_ID);
const user = call('amplitude.setUserId', 'user-42');
const initWith = (options: Record<string, unknown>) =>
  call('amplitude.init', API_KEY, { serverZone: 'US', autocapture: { pageViews: false }, ...options });

export const plan = defineTestPlan({
  destination: amplitudeDestination,
  emulator,
  settings: { apiKey: API_KEY },
  invalidSettings: [
    { settings: {}, field: 'apiKey' },
    { settings: { apiKey: '"><script>alert(1)</script>' }, field: 'apiKey' },
    {
      settings: { apiKey: API_KEY, scriptUrl: 'http://cdn.amplitude.com/libs/analytics-browser-2.47.1-min.js.gz' },
      field: 'scriptUrl',
    },
    { settings: { apiKey: API_KEY, scriptUrl: 'https://cdn.amplitude.com/"><script>' }, field: 'scriptUrl' },
    { settings: { apiKey: API_KEY, serverUrl: 'http://amp.example.com/2/httpapi' }, field: 'serverUrl' },
    { settings: { apiKey: API_KEY, serverZone: 'APAC' }, field: 'serverZone' },
    { settings: { apiKey: API_KEY, groupType: '"><img src=x>' }, field: 'groupType' },
    { settings: { apiKey: API_KEY, minIdLength: 0 }, field: 'minIdLength' },
    { settings: API_KEY, field: '' },
  ],
  fixtures: [
    {
      name: 'load → init with the API key, the US zone, Amplitude page views off',
      events: [],
      calls: [],
      loadCalls: [initWith({})],
    },
    {
      name: 'serverZone EU, a proxy, minIdLength, autocapture off → init with them',
      settings: {
        serverZone: 'EU',
        serverUrl: 'https://amp.shop.example.com/2/httpapi',
        minIdLength: 1,
        autocapture: false,
      },
      events: [],
      calls: [],
      loadCalls: [
        initWith({
          serverZone: 'EU',
          serverUrl: 'https://amp.shop.example.com/2/httpapi',
          minIdLength: 1,
          autocapture: false,
        }),
      ],
    },
    {
      name: 'identify → device id, user id, identify with $set traits',
      events: [spec.identify()],
      calls: [device, user, call('amplitude.identify', { $set: IDENTIFY_TRAITS })],
    },
    {
      name: 'identify without traits → user id only',
      events: [spec.identify('user-42', {})],
      calls: [device, user],
    },
    {
      name: 'identify, then track → ids set once',
      events: [spec.identify('user-42', { plan: 'pro' }), spec.track('Plan Upgraded', { plan: 'team' })],
      calls: [
        device,
        user,
        call('amplitude.identify', { $set: { plan: 'pro' } }),
        call('amplitude.track', 'Plan Upgraded', { plan: 'team' }),
      ],
    },
    {
      name: 'track from an anonymous visitor → device id, track',
      events: [anonymous.track('Products Searched')],
      calls: [device, call('amplitude.track', 'Products Searched', { query: 'trail shoes' })],
    },
    {
      name: 'track without properties → track with {}',
      events: [anonymous.track('Signed Out', {})],
      calls: [device, call('amplitude.track', 'Signed Out', {})],
    },
    {
      name: 'Order Completed → track, then one revenue per product (price × quantity, currency)',
      events: [anonymous.track('Order Completed')],
      calls: [
        device,
        call('amplitude.track', 'Order Completed', SPEC_PROPERTIES['Order Completed']),
        call('amplitude.revenue', {
          order_id: 'ord-50031',
          name: 'Ridgeline Trail Shoe',
          category: 'Footwear',
          $productId: 'sku-trail-01',
          $price: 129.9,
          $quantity: 1,
          $revenueType: 'purchase',
          $currency: 'EUR',
        }),
        call('amplitude.revenue', {
          order_id: 'ord-50031',
          name: 'Merino Hiking Socks',
          category: 'Accessories',
          $productId: 'sku-sock-03',
          $price: 14.5,
          $quantity: 2,
          $revenueType: 'purchase',
          $currency: 'EUR',
        }),
      ],
    },
    {
      name: 'Order Completed without products → one revenue for the order value (USD by default)',
      events: [anonymous.track('Order Completed', { order_id: 'ord-1', total: '42.5' })],
      calls: [
        device,
        call('amplitude.track', 'Order Completed', { order_id: 'ord-1', total: '42.5' }),
        call('amplitude.revenue', {
          order_id: 'ord-1',
          $price: 42.5,
          $quantity: 1,
          $revenueType: 'purchase',
          $currency: 'USD',
        }),
      ],
    },
    {
      name: 'Order Completed without any value → track only',
      events: [anonymous.track('Order Completed', { order_id: 'ord-2' })],
      calls: [device, call('amplitude.track', 'Order Completed', { order_id: 'ord-2' })],
    },
    {
      name: 'Order Refunded → track, then one negative refund revenue for the refunded total',
      events: [anonymous.track('Order Refunded')],
      calls: [
        device,
        call('amplitude.track', 'Order Refunded', SPEC_PROPERTIES['Order Refunded']),
        call('amplitude.revenue', {
          order_id: 'ord-50031',
          $price: -44.5,
          $quantity: 1,
          $revenueType: 'refund',
          $currency: 'EUR',
        }),
      ],
    },
    {
      name: 'page → [Amplitude] Page Viewed with the URL, path and title of the call',
      events: [anonymous.page('Trail shoes')],
      calls: [
        device,
        call('amplitude.track', '[Amplitude] Page Viewed', {
          ...FIXTURE_PAGE,
          name: 'Trail shoes',
          category: 'Shop',
          '[Amplitude] Page Domain': 'shop.example.com',
          '[Amplitude] Page Location': FIXTURE_PAGE.url,
          '[Amplitude] Page Path': FIXTURE_PAGE.path,
          '[Amplitude] Page Title': FIXTURE_PAGE.title,
          '[Amplitude] Page URL': 'https://shop.example.com/shop/trail-shoes',
        }),
      ],
    },
    {
      name: 'group → setGroup with the group type, groupIdentify with the traits',
      events: [anonymous.group()],
      calls: [
        device,
        call('amplitude.setGroup', 'company', 'org-7'),
        call('amplitude.groupIdentify', 'company', 'org-7', {
          $set: { name: 'Analytical Engines Ltd', industry: 'Computing', employees: 42, plan: 'enterprise' },
        }),
      ],
    },
    {
      name: 'group without traits, groupType org id → setGroup only',
      settings: { groupType: 'org id' },
      events: [anonymous.group('org-9', {})],
      calls: [device, call('amplitude.setGroup', 'org id', 'org-9')],
    },
    {
      name: "logout (Segment's reset: new anonymous id, no user) → reset, then the new device id",
      events: [spec.track('Signed In'), loggedOut.track('Signed Out', {})],
      calls: [
        device,
        user,
        call('amplitude.track', 'Signed In', { username: 'ada' }),
        call('amplitude.reset'),
        call('amplitude.setDeviceId', 'anon-after-logout'),
        call('amplitude.track', 'Signed Out', {}),
      ],
    },
    {
      name: 'consent withdrawn → setOptOut(true), event dropped; given again → setOptOut(false), then the event',
      events: [
        withConsent(anonymous.track('Video Played', {}), { analytics: false }),
        withConsent(anonymous.track('Video Paused', {}), { analytics: false }),
        withConsent(anonymous.track('Video Resumed', {}), { analytics: true }),
      ],
      calls: [
        call('amplitude.setOptOut', true),
        call('amplitude.setOptOut', false),
        device,
        call('amplitude.track', 'Video Resumed', {}),
      ],
    },
  ],
});
