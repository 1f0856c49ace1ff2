import { call, createSpec, defineTestPlan, spec, withConsent, FIXTURE_GROUP_ID } from '@devicemode/testing';
import { intercomDestination } from '../src';
import { emulator } from './emulator';

const BOOT = { app_id: 'abc12345', api_base: 'https://api-iam.intercom.io' };
const anonymous = createSpec({ userId: null });
const identify = spec.identify();

export const plan = defineTestPlan({
  destination: intercomDestination,
  emulator,
  settings: { appId: 'abc12345' },
  invalidSettings: [
    { settings: {}, field: 'appId' },
    { settings: { appId: 'ABC12345' }, field: 'appId' },
    { settings: { appId: '"><script>alert(1)</script>' }, field: 'appId' },
    { settings: { appId: 'abc12345', region: 'CN' }, field: 'region' },
    { settings: { appId: 'abc12345', scriptUrl: 'http://widget.intercom.io/widget/abc12345' }, field: 'scriptUrl' },
    {
      settings: { appId: 'abc12345', customLauncherSelector: '"><img src=x onerror=alert(1)>' },
      field: 'customLauncherSelector',
    },
    { settings: 'abc12345', field: '' },
  ],
  fixtures: [
    {
      name: 'load → boot with the workspace ID and the US api_base',
      events: [],
      calls: [],
      loadCalls: [call('Intercom', 'boot', BOOT)],
    },
    {
      name: 'load, EU region, custom launcher → boot with the EU api_base and launcher settings',
      settings: { region: 'EU', hideDefaultLauncher: true, customLauncherSelector: '#help-button' },
      events: [],
      calls: [],
      loadCalls: [
        call('Intercom', 'boot', {
          app_id: 'abc12345',
          api_base: 'https://api-iam.eu.intercom.io',
          hide_default_launcher: true,
          custom_launcher_selector: '#help-button',
        }),
      ],
    },
    {
      name: 'load, AU region → boot with the AU api_base',
      settings: { region: 'AU' },
      events: [],
      calls: [],
      loadCalls: [call('Intercom', 'boot', { ...BOOT, api_base: 'https://api-iam.au.intercom.io' })],
    },
    {
      name: 'identify → update with user_id, standard attributes, created_at in seconds and the company',
      events: [identify],
      calls: [
        call('Intercom', 'update', {
          email: 'ada@example.com',
          name: 'Ada Lovelace',
          phone: '+44 20 7946 0000',
          plan: 'pro',
          user_id: 'user-42',
          created_at: 1709287200,
          company: { name: 'Analytical Engines Ltd', company_id: FIXTURE_GROUP_ID },
        }),
      ],
    },
    {
      name: 'identify with an identity-verification hash in integrations.Intercom → update with user_hash',
      events: [
        {
          ...spec.identify('user-42', { email: 'ada@example.com' }),
          integrations: { Intercom: { user_hash: '5f2b9c0e' } },
        },
      ],
      calls: [call('Intercom', 'update', { email: 'ada@example.com', user_id: 'user-42', user_hash: '5f2b9c0e' })],
    },
    {
      name: 'identify with a JWT in integrations.Intercom → update with intercom_user_jwt',
      events: [
        { ...spec.identify('user-42', { plan: 'pro' }), integrations: { Intercom: { intercom_user_jwt: 'eyJ.a.b' } } },
      ],
      calls: [call('Intercom', 'update', { plan: 'pro', user_id: 'user-42', intercom_user_jwt: 'eyJ.a.b' })],
    },
    {
      name: 'identify: first and last name → name; avatar URL → avatar object; nested traits dropped',
      events: [
        spec.identify('user-42', {
          firstName: 'Ada',
          lastName: 'Lovelace',
          avatar: 'https://example.com/ada.png',
          address: { city: 'London' },
          tags: ['a', 'b'],
          logins: 12,
        }),
      ],
      calls: [
        call('Intercom', 'update', {
          logins: 12,
          user_id: 'user-42',
          name: 'Ada Lovelace',
          avatar: { type: 'avatar', image_url: 'https://example.com/ada.png' },
        }),
      ],
    },
    {
      name: 'identify with dates Intercom cannot read (text, a boolean) → no created_at, for the user or the company',
      events: [spec.identify('user-42', { createdAt: 'soon', company: { id: 'org-7', createdAt: true } })],
      calls: [call('Intercom', 'update', { user_id: 'user-42', company: { company_id: 'org-7' } })],
    },
    {
      name: 'identify from an anonymous visitor → update of the lead, without user_id',
      events: [anonymous.identify(null, { email: 'visitor@example.com' })],
      calls: [call('Intercom', 'update', { email: 'visitor@example.com' })],
    },
    {
      name: 'group → update with the company (company_id, size, created_at in seconds)',
      events: [
        spec.group('org-7', {
          name: 'Analytical Engines Ltd',
          employees: 42,
          plan: 'enterprise',
          createdAt: '2020-01-01T00:00:00Z',
        }),
      ],
      calls: [
        call('Intercom', 'update', {
          user_id: 'user-42',
          company: {
            name: 'Analytical Engines Ltd',
            plan: 'enterprise',
            company_id: 'org-7',
            created_at: 1577836800,
            size: 42,
          },
        }),
      ],
    },
    {
      name: 'track custom event → trackEvent with flat metadata',
      events: [spec.track('Report Exported', { format: 'csv', rows: 1500, scheduled: true })],
      calls: [call('Intercom', 'trackEvent', 'Report Exported', { format: 'csv', rows: 1500, scheduled: 'true' })],
    },
    {
      name: 'Order Completed → trackEvent with the value as a monetary amount in cents',
      events: [spec.track('Order Completed')],
      calls: [
        call('Intercom', 'trackEvent', 'Order Completed', {
          price: { amount: 15890, currency: 'eur' },
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
        }),
      ],
    },
    {
      name: 'Product Added → trackEvent with price × quantity as a monetary amount',
      events: [spec.track('Product Added')],
      calls: [
        call('Intercom', 'trackEvent', 'Product Added', {
          price: { amount: 12990, currency: 'eur' },
          product_id: 'sku-trail-01',
          sku: 'TR-01-42',
          name: 'Ridgeline Trail Shoe',
          brand: 'Northwind',
          category: 'Footwear',
          variant: 'Moss / 42',
          quantity: 1,
          position: 1,
          url: 'https://shop.example.com/shop/trail-shoes/ridgeline',
          image_url: 'https://shop.example.com/img/ridgeline.jpg',
          cart_id: 'cart-7781',
        }),
      ],
    },
    {
      name: 'track metadata limits: 20 keys, strings cut at 255, invalid keys and nested objects dropped, rich links kept',
      events: [
        spec.track('Limits Checked', {
          'plan.name': 'dotted',
          $source: 'dollar',
          nested: { a: 1 },
          list: [1, 2],
          article: { url: 'https://example.org/a', value: 'Article' },
          long: 'x'.repeat(300),
          ...Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i])),
        }),
      ],
      calls: [
        call('Intercom', 'trackEvent', 'Limits Checked', {
          article: { url: 'https://example.org/a', value: 'Article' },
          long: 'x'.repeat(255),
          ...Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`k${i}`, i])),
        }),
      ],
    },
    {
      name: 'track without properties → trackEvent with empty metadata',
      events: [spec.track('Signed In', {})],
      calls: [call('Intercom', 'trackEvent', 'Signed In', {})],
    },
    {
      name: 'page (SPA route change) → update, so the Messenger logs the new URL',
      events: [spec.page()],
      calls: [call('Intercom', 'update')],
    },
    {
      name: 'page twice for the same URL → one update',
      events: [spec.page(), spec.page('Trail shoes again')],
      calls: [call('Intercom', 'update')],
    },
    {
      name: 'functional consent withdrawn → shutdown (the event is dropped); given again → boot, then the event',
      events: [
        withConsent(spec.track('Report Exported', {}), { functional: true }),
        withConsent(spec.track('Report Exported', {}), { functional: false }),
        withConsent(spec.track('Report Scheduled', {}), { functional: true }),
      ],
      calls: [
        call('Intercom', 'trackEvent', 'Report Exported', {}),
        call('Intercom', 'shutdown'),
        call('Intercom', 'boot', BOOT),
        call('Intercom', 'trackEvent', 'Report Scheduled', {}),
      ],
    },
  ],
});
