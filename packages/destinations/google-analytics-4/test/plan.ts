import { call, createSpec, defineTestPlan, spec, withConsent } from '@devicemode/testing';
import { emulator } from './emulator';
import { googleAnalytics4Destination } from '../src';

const ID = 'G-NW4TEST123';
const to = { send_to: ID };
const anonymous = createSpec({ userId: null });
const signedIn = call('gtag', 'set', { user_id: 'user-42' });

const SHOE = {
  item_id: 'sku-trail-01',
  item_name: 'Ridgeline Trail Shoe',
  item_brand: 'Northwind',
  item_category: 'Footwear',
  item_variant: 'Moss / 42',
  price: 129.9,
  quantity: 1,
  index: 1,
};
const SOCKS = {
  item_id: 'sku-sock-03',
  item_name: 'Merino Hiking Socks',
  item_brand: 'Northwind',
  item_category: 'Accessories',
  price: 14.5,
  quantity: 2,
  index: 2,
};
const PROMOTION = {
  promotion_id: 'promo-spring',
  promotion_name: 'Spring sale',
  creative_name: 'banner-top',
  creative_slot: 'home_top',
  ...to,
};
const PAGE = {
  page_location: 'https://shop.example.com/shop/trail-shoes?utm_source=newsletter',
  page_referrer: 'https://search.example.org/?q=trail+shoes',
  page_title: 'Trail shoes | Northwind Outfitters',
  ...to,
};

/** One row per Spec event GA4 has a recommended event for (anonymous, so only the event itself is sent). */
const ecommerce: [string, string, object][] = [
  ['Products Searched', 'search', { search_term: 'trail shoes' }],
  [
    'Product List Viewed',
    'view_item_list',
    { item_list_id: 'footwear-all', item_list_name: 'Footwear', items: [SHOE] },
  ],
  ['Product Clicked', 'select_item', { items: [SHOE] }],
  ['Product Viewed', 'view_item', { currency: 'EUR', value: 129.9, items: [SHOE] }],
  ['Product Added', 'add_to_cart', { currency: 'EUR', value: 129.9, items: [SHOE] }],
  ['Product Removed', 'remove_from_cart', { currency: 'EUR', value: 29, items: [SOCKS] }],
  ['Cart Viewed', 'view_cart', { currency: 'EUR', value: 158.9, items: [SHOE, SOCKS] }],
  ['Checkout Started', 'begin_checkout', { currency: 'EUR', value: 158.9, coupon: 'SPRING10', items: [SHOE, SOCKS] }],
  ['Checkout Step Completed', 'add_shipping_info', { shipping_tier: 'Standard' }],
  ['Payment Info Entered', 'add_payment_info', { currency: 'EUR', value: 170.9, payment_type: 'Card' }],
  [
    'Order Completed',
    'purchase',
    {
      currency: 'EUR',
      value: 158.9,
      transaction_id: 'ord-50031',
      affiliation: 'Online store',
      coupon: 'SPRING10',
      shipping: 7,
      tax: 5,
      items: [SHOE, SOCKS],
    },
  ],
  ['Order Refunded', 'refund', { currency: 'EUR', value: 44.5, transaction_id: 'ord-50031', items: [SOCKS] }],
  ['Promotion Viewed', 'view_promotion', PROMOTION],
  ['Promotion Clicked', 'select_promotion', PROMOTION],
  ['Product Added to Wishlist', 'add_to_wishlist', { currency: 'EUR', value: 129.9, items: [SHOE] }],
  ['Product Shared', 'share', { method: 'email', content_type: 'product', item_id: 'sku-trail-01' }],
  ['Signed Up', 'sign_up', { method: 'organic' }],
  ['Signed In', 'login', {}],
  ['Lead Created', 'generate_lead', { currency: 'EUR', value: 500 }],
];

export const plan = defineTestPlan({
  destination: googleAnalytics4Destination,
  emulator,
  settings: { measurementId: ID },
  invalidSettings: [
    { settings: {}, field: 'measurementId' },
    { settings: { measurementId: 'UA-12345-1' }, field: 'measurementId' },
    { settings: { measurementId: 'G-ABC123"><script>alert(1)</script>' }, field: 'measurementId' },
    { settings: { measurementId: ID, scriptUrl: 'http://www.googletagmanager.com/gtag/js' }, field: 'scriptUrl' },
    { settings: { measurementId: ID, scriptUrl: 'https://evil.example/x.js?a=<b>' }, field: 'scriptUrl' },
    { settings: { measurementId: ID, eventMap: { Upgraded: 'plan upgraded' } }, field: 'eventMap.Upgraded' },
    { settings: { measurementId: ID, userProperties: ['e-mail'] }, field: 'userProperties[0]' },
    { settings: { measurementId: ID, adStorageDefault: 'maybe' }, field: 'adStorageDefault' },
    { settings: { measurementId: ID, waitForUpdate: -1 }, field: 'waitForUpdate' },
    { settings: { measurementId: ID, defaultCurrency: 'euro' }, field: 'defaultCurrency' },
    { settings: 'G-NW4TEST123', field: '' },
  ],
  fixtures: [
    {
      name: 'load → js, then config without its automatic page view',
      events: [],
      calls: [],
      loadCalls: [call('gtag', 'js', '[object Date]'), call('gtag', 'config', ID, { send_page_view: false })],
    },
    {
      name: 'load with consentMode → consent default (Consent Mode v2) before config',
      settings: { consentMode: true, analyticsStorageDefault: 'granted', waitForUpdate: 800 },
      events: [],
      calls: [],
      loadCalls: [
        call('gtag', 'consent', 'default', {
          ad_storage: 'denied',
          analytics_storage: 'granted',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
          wait_for_update: 800,
        }),
        call('gtag', 'js', '[object Date]'),
        call('gtag', 'config', ID, { send_page_view: false }),
      ],
    },
    {
      name: 'page → page_view with the URL, referrer and title of that page',
      events: [anonymous.page()],
      calls: [call('gtag', 'event', 'page_view', PAGE)],
    },
    {
      name: 'page from a signed-in user → user_id set once, then page_view',
      events: [spec.page(), spec.page()],
      calls: [signedIn, call('gtag', 'event', 'page_view', PAGE), call('gtag', 'event', 'page_view', PAGE)],
    },
    {
      name: 'page with overridden properties (SPA route) → page_view carries them',
      events: [
        anonymous.page('Checkout', {
          url: 'https://shop.example.com/checkout',
          referrer: 'https://shop.example.com/cart',
          title: 'Checkout',
        }),
      ],
      calls: [
        call('gtag', 'event', 'page_view', {
          page_location: 'https://shop.example.com/checkout',
          page_referrer: 'https://shop.example.com/cart',
          page_title: 'Checkout',
          ...to,
        }),
      ],
    },
    ...ecommerce.map(([event, name, params]) => ({
      name: `${event} → ${name}`,
      events: [anonymous.track(event)],
      calls: [call('gtag', 'event', name, { ...params, ...to })],
    })),
    {
      name: 'Checkout Step Completed without a shipping method → custom checkout_step_completed',
      events: [anonymous.track('Checkout Step Completed', { checkout_id: 'chk-1', step: 3, payment_method: 'Card' })],
      calls: [
        call('gtag', 'event', 'checkout_step_completed', {
          checkout_id: 'chk-1',
          step: 3,
          payment_method: 'Card',
          ...to,
        }),
      ],
    },
    {
      name: 'e-commerce event without currency → defaultCurrency; value from price × quantity',
      settings: { defaultCurrency: 'GBP' },
      events: [anonymous.track('Product Added', { product_id: 'p-1', price: '12.5', quantity: 2 })],
      calls: [
        call('gtag', 'event', 'add_to_cart', {
          currency: 'GBP',
          value: 25,
          items: [{ item_id: 'p-1', price: 12.5, quantity: 2 }],
          ...to,
        }),
      ],
    },
    {
      name: 'Order Completed with no properties → purchase without value or items',
      events: [anonymous.track('Order Completed', {})],
      calls: [call('gtag', 'event', 'purchase', to)],
    },
    {
      name: 'custom event → snake_case name, scalar parameters only',
      events: [
        anonymous.track('Plan Upgraded', {
          plan: 'pro',
          seats: 3,
          annual: true,
          'Billing Cycle': 'yearly',
          addOns: ['sso'],
          owner: { id: 'u-1' },
          ga_session_id: 'x',
          note: 'n'.repeat(150),
        }),
      ],
      calls: [
        call('gtag', 'event', 'plan_upgraded', {
          plan: 'pro',
          seats: 3,
          annual: true,
          billing_cycle: 'yearly',
          note: 'n'.repeat(100),
          ...to,
        }),
      ],
    },
    {
      name: 'custom event with a long or odd name → within GA4 naming rules',
      events: [anonymous.track('3D Viewer › Opened the configurator from the product detail page')],
      calls: [call('gtag', 'event', 'd_viewer_opened_the_configurator_from_th', to)],
    },
    {
      name: 'custom event whose name would start with a reserved prefix (google_) → not sent, an error is logged',
      events: [anonymous.track('Google Login', {}), anonymous.track('Firebase Synced', {})],
      calls: [],
      errors: [
        '[devicemode:google-analytics-4] track "Google Login" failed in the vendor call: GA4 reserves the prefix of "google_login": rename the event',
        '[devicemode:google-analytics-4] track "Firebase Synced" failed in the vendor call: GA4 reserves the prefix of "firebase_synced": rename the event',
      ],
    },
    {
      name: 'eventMap: Upgraded → purchase gets the e-commerce parameters',
      settings: { eventMap: { Upgraded: 'purchase' } },
      events: [anonymous.track('Upgraded', { order_id: 'sub-9', revenue: 29, currency: 'eur' })],
      calls: [call('gtag', 'event', 'purchase', { currency: 'EUR', value: 29, transaction_id: 'sub-9', ...to })],
    },
    {
      name: 'eventMap names Checkout Step Completed → its GA4 name for every step, with or without a shipping method',
      settings: { eventMap: { 'Checkout Step Completed': 'checkout_progress' } },
      events: [anonymous.track('Checkout Step Completed', { checkout_id: 'chk-1', step: 2 })],
      calls: [call('gtag', 'event', 'checkout_progress', { checkout_id: 'chk-1', step: 2, ...to })],
    },
    {
      name: 'consentMode: consent withdrawn → consent update to denied (the event is dropped); given again → update, then the event',
      settings: { consentMode: true },
      events: [
        withConsent(anonymous.track('Signed In', { method: 'sso' }), { analytics: true, advertising: true }),
        withConsent(anonymous.track('Signed In', { method: 'sso' }), { analytics: false, advertising: false }),
        withConsent(anonymous.track('Signed In', { method: 'sso' }), { analytics: true, advertising: false }),
      ],
      calls: [
        call('gtag', 'consent', 'update', {
          analytics_storage: 'granted',
          ad_storage: 'granted',
          ad_user_data: 'granted',
          ad_personalization: 'granted',
        }),
        call('gtag', 'event', 'login', { method: 'sso', ...to }),
        call('gtag', 'consent', 'update', {
          analytics_storage: 'denied',
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
        }),
        call('gtag', 'consent', 'update', {
          analytics_storage: 'granted',
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
        }),
        call('gtag', 'event', 'login', { method: 'sso', ...to }),
      ],
    },
    {
      name: 'eventMap: Upgraded → a custom GA4 name',
      settings: { eventMap: { Upgraded: 'plan_upgrade' } },
      events: [anonymous.track('Upgraded', { plan: 'pro' })],
      calls: [call('gtag', 'event', 'plan_upgrade', { plan: 'pro', ...to })],
    },
    {
      name: 'identify → user_id, and the allow-listed traits as user_properties',
      settings: { userProperties: ['plan', 'company', 'createdAt'] },
      events: [spec.identify()],
      calls: [signedIn, call('gtag', 'set', 'user_properties', { plan: 'pro', createdAt: '2024-03-01T10:00:00.000Z' })],
    },
    {
      name: 'identify without userProperties → user_id only (no personal data as user properties)',
      events: [spec.identify()],
      calls: [signedIn],
    },
    {
      name: 'anonymous identify → nothing to send',
      events: [anonymous.identify(null, { plan: 'pro' })],
      calls: [],
    },
    {
      name: 'signed out after signing in → user_id null',
      events: [spec.page(), anonymous.page()],
      calls: [
        signedIn,
        call('gtag', 'event', 'page_view', PAGE),
        call('gtag', 'set', { user_id: null }),
        call('gtag', 'event', 'page_view', PAGE),
      ],
    },
  ],
});
