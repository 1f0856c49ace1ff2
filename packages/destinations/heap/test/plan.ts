import { call, createSpec, defineTestPlan, spec } from '@devicemode/testing';
import { heapDestination } from '../src';
import { emulator } from './emulator';

const anonymous = createSpec({ userId: null });
const CONFIG = { disableTextCapture: false, secureCookie: false, shouldFetchServerConfig: false };

export const plan = defineTestPlan({
  destination: heapDestination,
  emulator,
  settings: { appId: '1234567890' },
  invalidSettings: [
    { settings: {}, field: 'appId' },
    { settings: { appId: 'abc123' }, field: 'appId' },
    { settings: { appId: '"><script>alert(1)</script>' }, field: 'appId' },
    { settings: { appId: '1234567890', region: 'apac' }, field: 'region' },
    {
      settings: { appId: '1234567890', scriptUrl: 'http://cdn.us.heap-api.com/config/1/heap_config.js' },
      field: 'scriptUrl',
    },
    { settings: { appId: '1234567890', scriptUrl: 'https://evil.example/x.js"><script>' }, field: 'scriptUrl' },
    { settings: { appId: '1234567890', disableTextCapture: 'yes' }, field: 'disableTextCapture' },
    { settings: '1234567890', field: '' },
  ],
  fixtures: [
    {
      name: 'load → heap.load(appId, clientConfig) as the snippet would',
      events: [],
      calls: [],
      loadCalls: [call('heap.load', '1234567890', CONFIG)],
    },
    {
      name: 'load with capture options → clientConfig carries them',
      settings: { region: 'eu', disableTextCapture: true, secureCookie: true },
      events: [],
      calls: [],
      loadCalls: [
        call('heap.load', '1234567890', {
          disableTextCapture: true,
          secureCookie: true,
          shouldFetchServerConfig: false,
        }),
      ],
    },
    {
      name: 'custom event → heap.track with its properties',
      events: [spec.track('Plan Upgraded', { plan: 'pro', seats: 5 })],
      calls: [call('heap.track', 'Plan Upgraded', { plan: 'pro', seats: 5 })],
    },
    {
      name: 'nested properties → dotted keys; lists → a||b; booleans → "true"; null dropped',
      events: [
        spec.track('Report Exported', {
          format: { type: 'csv', compressed: true },
          columns: ['date', 'revenue'],
          empty: [],
          owner: null,
          rows: 1200,
        }),
      ],
      calls: [
        call('heap.track', 'Report Exported', {
          'format.type': 'csv',
          'format.compressed': 'true',
          columns: 'date||revenue',
          rows: 1200,
        }),
      ],
    },
    {
      name: 'Product Viewed (no Heap standard event) → heap.track, product fields kept',
      events: [spec.track('Product Viewed')],
      calls: [
        call('heap.track', 'Product Viewed', {
          product_id: 'sku-trail-01',
          sku: 'TR-01-42',
          name: 'Ridgeline Trail Shoe',
          brand: 'Northwind',
          category: 'Footwear',
          variant: 'Moss / 42',
          price: 129.9,
          quantity: 1,
          position: 1,
          url: 'https://shop.example.com/shop/trail-shoes/ridgeline',
          image_url: 'https://shop.example.com/img/ridgeline.jpg',
          currency: 'EUR',
          value: 129.9,
        }),
      ],
    },
    {
      name: 'Order Completed → heap.track with revenue, currency and indexed products',
      events: [spec.track('Order Completed')],
      calls: [
        call('heap.track', 'Order Completed', {
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
          'products.0.product_id': 'sku-trail-01',
          'products.0.sku': 'TR-01-42',
          'products.0.name': 'Ridgeline Trail Shoe',
          'products.0.brand': 'Northwind',
          'products.0.category': 'Footwear',
          'products.0.variant': 'Moss / 42',
          'products.0.price': 129.9,
          'products.0.quantity': 1,
          'products.0.position': 1,
          'products.0.url': 'https://shop.example.com/shop/trail-shoes/ridgeline',
          'products.0.image_url': 'https://shop.example.com/img/ridgeline.jpg',
          'products.1.product_id': 'sku-sock-03',
          'products.1.sku': 'SK-03-M',
          'products.1.name': 'Merino Hiking Socks',
          'products.1.brand': 'Northwind',
          'products.1.category': 'Accessories',
          'products.1.price': 14.5,
          'products.1.quantity': 2,
          'products.1.position': 2,
        }),
      ],
    },
    {
      name: 'long name and value → cut to 255 and 1024 characters',
      events: [spec.track('E'.repeat(300), { note: 'n'.repeat(2000) })],
      calls: [call('heap.track', 'E'.repeat(255), { note: 'n'.repeat(1024) })],
    },
    {
      name: 'track without properties → heap.track with an empty object',
      events: [spec.track('Logged Out', {})],
      calls: [call('heap.track', 'Logged Out', {})],
    },
    {
      name: 'identify → heap.identify(userId) + heap.addUserProperties(flattened traits)',
      events: [spec.identify()],
      calls: [
        call('heap.identify', 'user-42'),
        call('heap.addUserProperties', {
          email: 'ada@example.com',
          firstName: 'Ada',
          lastName: 'Lovelace',
          name: 'Ada Lovelace',
          phone: '+44 20 7946 0000',
          plan: 'pro',
          createdAt: '2024-03-01T10:00:00.000Z',
          'company.name': 'Analytical Engines Ltd',
          'company.id': 'org-7',
        }),
      ],
    },
    {
      name: 'identify: reserved id / user_id traits dropped, user values cut to 255',
      events: [spec.identify('user-42', { id: 'x', ID: 'y', user_id: 'z', bio: 'b'.repeat(400) })],
      calls: [call('heap.identify', 'user-42'), call('heap.addUserProperties', { bio: 'b'.repeat(255) })],
    },
    {
      name: 'anonymous identify → only heap.addUserProperties (no identity)',
      events: [anonymous.identify(null, { plan: 'free' })],
      calls: [call('heap.addUserProperties', { plan: 'free' })],
    },
    {
      name: 'identify with a 255-character user id → not identified, traits still sent',
      events: [createSpec({ userId: 'u'.repeat(255) }).identify(undefined, { plan: 'pro' })],
      calls: [call('heap.addUserProperties', { plan: 'pro' })],
    },
    {
      name: 'identify without traits → heap.identify only',
      events: [spec.identify('user-42', {})],
      calls: [call('heap.identify', 'user-42')],
    },
    {
      name: 'page → nothing: Heap captures page views itself, on load and on every URL change',
      events: [spec.page('Trail shoes')],
      calls: [],
    },
    {
      name: 'group → heap.addUserProperties with account_id and account.* traits',
      events: [spec.group()],
      calls: [
        call('heap.addUserProperties', {
          account_id: 'org-7',
          'account.name': 'Analytical Engines Ltd',
          'account.industry': 'Computing',
          'account.employees': 42,
          'account.plan': 'enterprise',
        }),
      ],
    },
  ],
});
