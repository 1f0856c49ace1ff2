import { call, createSpec, defineTestPlan, spec, withConsent } from '@devicemode/testing';
import { hubspotDestination } from '../src';
import { emulator } from './emulator';

const anonymous = createSpec({ userId: null });
const PORTAL = '1234567';

export const plan = defineTestPlan({
  destination: hubspotDestination,
  emulator,
  settings: { portalId: PORTAL },
  invalidSettings: [
    { settings: {}, field: 'portalId' },
    { settings: { portalId: 'my-portal' }, field: 'portalId' },
    { settings: { portalId: '1234567.js"><script>alert(1)</script>' }, field: 'portalId' },
    { settings: { portalId: PORTAL, region: 'eu2' }, field: 'region' },
    { settings: { portalId: PORTAL, scriptUrl: 'http://js.hs-scripts.com/1234567.js' }, field: 'scriptUrl' },
    { settings: { portalId: PORTAL, eventMap: { 'Signed Up': 'Signed Up!' } }, field: 'eventMap.Signed Up' },
    { settings: { portalId: PORTAL, trackPageViewOnIdentify: 'yes' }, field: 'trackPageViewOnIdentify' },
    { settings: 1234567, field: '' },
  ],
  fixtures: [
    {
      name: 'load → HubSpot tracks the landing page by itself',
      events: [],
      calls: [],
      loadCalls: [call('_hsq', 'trackPageView')],
    },
    {
      name: 'first page() on the landing page → nothing (no duplicate of HubSpot’s own page view)',
      events: [spec.page('Home', { path: '/', search: '' })],
      calls: [],
    },
    {
      name: 'SPA page() → setPath(path + query), trackPageView',
      events: [spec.page('Trail shoes')],
      calls: [call('_hsq', 'setPath', '/shop/trail-shoes?utm_source=newsletter'), call('_hsq', 'trackPageView')],
    },
    {
      name: 'landing page() skipped once; later views, even back to it, tracked',
      events: [
        spec.page('Home', { path: '/', search: '' }),
        spec.page('Pricing', { path: '/pricing', search: '' }),
        spec.page('Home', { path: '/', search: '' }),
      ],
      calls: [
        call('_hsq', 'setPath', '/pricing'),
        call('_hsq', 'trackPageView'),
        call('_hsq', 'setPath', '/'),
        call('_hsq', 'trackPageView'),
      ],
    },
    {
      name: 'identify → identify with email, id and contact properties',
      events: [spec.identify()],
      calls: [
        call('_hsq', 'identify', {
          email: 'ada@example.com',
          firstname: 'Ada',
          lastname: 'Lovelace',
          name: 'Ada Lovelace',
          phone: '+44 20 7946 0000',
          plan: 'pro',
          created_at: '2024-03-01T10:00:00.000Z',
          company: 'Analytical Engines Ltd',
          id: 'user-42',
        }),
      ],
    },
    {
      name: 'identify: address fields become HubSpot contact fields, nested traits joined with _',
      events: [
        spec.identify('user-42', {
          email: 'ada@example.com',
          address: { street: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'UK' },
          preferences: { newsletter: true, topics: ['math', 'engines'] },
          id: 'ignored-trait-id',
        }),
      ],
      calls: [
        call('_hsq', 'identify', {
          email: 'ada@example.com',
          preferences_newsletter: true,
          preferences_topics: 'math;engines',
          address: '12 St James Sq',
          city: 'London',
          zip: 'SW1Y 4JH',
          country: 'UK',
          id: 'user-42',
        }),
      ],
    },
    {
      name: 'anonymous identify with an email → identify by email only',
      events: [anonymous.identify(null, { email: 'lead@example.com', firstName: 'Lee' })],
      calls: [call('_hsq', 'identify', { email: 'lead@example.com', firstname: 'Lee' })],
    },
    {
      name: 'anonymous identify without an email → nothing (HubSpot needs an email or an id)',
      events: [anonymous.identify(null, { plan: 'free' })],
      calls: [],
    },
    {
      name: 'trackPageViewOnIdentify → identify, then trackPageView to send it at once',
      settings: { trackPageViewOnIdentify: true },
      events: [spec.identify('user-42', { email: 'ada@example.com' })],
      calls: [call('_hsq', 'identify', { email: 'ada@example.com', id: 'user-42' }), call('_hsq', 'trackPageView')],
    },
    {
      name: 'custom event → trackCustomBehavioralEvent pe<HubID>_<snake_case name>',
      events: [spec.track('Plan Upgraded', { plan: 'pro', seatCount: 5 })],
      calls: [
        call('_hsq', 'trackCustomBehavioralEvent', {
          name: 'pe1234567_plan_upgraded',
          properties: { plan: 'pro', seat_count: 5 },
        }),
      ],
    },
    {
      name: 'Order Completed (no HubSpot standard event) → custom event with revenue, currency, products',
      events: [spec.track('Order Completed')],
      calls: [
        call('_hsq', 'trackCustomBehavioralEvent', {
          name: 'pe1234567_order_completed',
          properties: {
            checkout_id: 'chk-2024-0199',
            order_id: 'ord-50031',
            affiliation: 'Online store',
            total: 170.9,
            subtotal: 158.9,
            revenue: 158.9,
            shipping: 7,
            tax: 5,
            discount: 0,
            coupon: 'SPRING10',
            currency: 'EUR',
            products_0_product_id: 'sku-trail-01',
            products_0_sku: 'TR-01-42',
            products_0_name: 'Ridgeline Trail Shoe',
            products_0_brand: 'Northwind',
            products_0_category: 'Footwear',
            products_0_variant: 'Moss / 42',
            products_0_price: 129.9,
            products_0_quantity: 1,
            products_0_position: 1,
            products_0_url: 'https://shop.example.com/shop/trail-shoes/ridgeline',
            products_0_image_url: 'https://shop.example.com/img/ridgeline.jpg',
            products_1_product_id: 'sku-sock-03',
            products_1_sku: 'SK-03-M',
            products_1_name: 'Merino Hiking Socks',
            products_1_brand: 'Northwind',
            products_1_category: 'Accessories',
            products_1_price: 14.5,
            products_1_quantity: 2,
            products_1_position: 2,
          },
        }),
      ],
    },
    {
      name: 'eventMap: Signed Up → your custom event (bare or fully qualified name)',
      settings: { eventMap: { 'Signed Up': 'signup_completed', 'Trial Started': 'pe999_trial' } },
      events: [spec.track('Signed Up', { type: 'organic' }), spec.track('Trial Started', {})],
      calls: [
        call('_hsq', 'trackCustomBehavioralEvent', {
          name: 'pe1234567_signup_completed',
          properties: { type: 'organic' },
        }),
        call('_hsq', 'trackCustomBehavioralEvent', { name: 'pe999_trial', properties: {} }),
      ],
    },
    {
      name: 'unmapped event names that look qualified or like Object members → this portal’s snake_case name',
      settings: { eventMap: { 'Signed Up': 'signup_completed' } },
      events: [spec.track('PE5 Launch', {}), spec.track('constructor', {}), spec.track('toString', {})],
      calls: [
        call('_hsq', 'trackCustomBehavioralEvent', { name: 'pe1234567_pe5_launch', properties: {} }),
        call('_hsq', 'trackCustomBehavioralEvent', { name: 'pe1234567_constructor', properties: {} }),
        call('_hsq', 'trackCustomBehavioralEvent', { name: 'pe1234567_to_string', properties: {} }),
      ],
    },
    {
      name: 'event name without letters → nothing (no valid HubSpot internal name)',
      events: [spec.track('123 !!', { a: 1 })],
      calls: [],
    },
    {
      name: 'track without properties → custom event with empty properties',
      events: [spec.track('Logged Out', {})],
      calls: [call('_hsq', 'trackCustomBehavioralEvent', { name: 'pe1234567_logged_out', properties: {} })],
    },
    {
      name: 'consent withdrawn → doNotTrack, event dropped; given again → no call to lift it (HubSpot has none), then the event',
      events: [
        withConsent(spec.track('Video Played', {}), { analytics: false }),
        withConsent(spec.track('Video Paused', {}), { analytics: false }),
        withConsent(spec.track('Video Resumed', {}), { analytics: true }),
      ],
      calls: [
        call('_hsq', 'doNotTrack'),
        call('_hsq', 'trackCustomBehavioralEvent', { name: 'pe1234567_video_resumed', properties: {} }),
      ],
    },
  ],
});
