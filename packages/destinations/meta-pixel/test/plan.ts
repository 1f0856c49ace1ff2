import type { SegmentEvent } from '@devicemode/core';
import { call, createSpec, defineTestPlan, spec, withConsent } from '@devicemode/testing';
import type { Fixture } from '@devicemode/testing';
import { emulator } from './emulator';
import { metaPixelDestination } from '../src';

const PIXEL = '123456789012345';
const visitor = createSpec({ userId: null });
const SHOE = { id: 'sku-trail-01', quantity: 1, item_price: 129.9 };
const SOCKS = { id: 'sku-sock-03', quantity: 2, item_price: 14.5 };

/** A row whose vendor call carries the event's messageId as eventID (deduplication with the Conversions API). */
const single = (name: string, event: SegmentEvent, command: string, metaEvent: string, params: object): Fixture => ({
  name,
  events: [event],
  calls: [call('fbq', command, PIXEL, metaEvent, params, { eventID: event.messageId })],
});
const standard = (specEvent: string, metaEvent: string, params: object): Fixture =>
  single(`${specEvent} → ${metaEvent}`, visitor.track(specEvent), 'trackSingle', metaEvent, params);

const regranted = withConsent(visitor.track('Signed Up'), { advertising: true });

export const plan = defineTestPlan({
  destination: metaPixelDestination,
  emulator,
  settings: { pixelId: PIXEL },
  invalidSettings: [
    { settings: {}, field: 'pixelId' },
    { settings: { pixelId: '12345' }, field: 'pixelId' },
    { settings: { pixelId: `${PIXEL}"><script>alert(1)</script>` }, field: 'pixelId' },
    { settings: { pixelId: PIXEL, scriptUrl: 'http://connect.facebook.net/en_US/fbevents.js' }, field: 'scriptUrl' },
    { settings: { pixelId: PIXEL, eventMap: { Upgraded: 'Upgrade' } }, field: 'eventMap.Upgraded' },
    { settings: { pixelId: PIXEL, contentType: 'sku' }, field: 'contentType' },
    { settings: { pixelId: PIXEL, limitedDataUseCountry: 2 }, field: 'limitedDataUseCountry' },
    { settings: 123456789012345, field: '' },
  ],
  fixtures: [
    {
      name: 'load → init the pixel (no PageView: page() sends it)',
      events: [],
      calls: [],
      loadCalls: [call('fbq', 'init', PIXEL)],
    },
    {
      name: 'load with limitedDataUse and autoConfig off → dataProcessingOptions and autoConfig before init',
      settings: { limitedDataUse: true, limitedDataUseCountry: 1, limitedDataUseState: 1000, autoConfig: false },
      events: [],
      calls: [],
      loadCalls: [
        call('fbq', 'dataProcessingOptions', ['LDU'], 1, 1000),
        call('fbq', 'set', 'autoConfig', false, PIXEL),
        call('fbq', 'init', PIXEL),
      ],
    },
    single('page → PageView', visitor.page(), 'trackSingle', 'PageView', {}),
    standard('Products Searched', 'Search', { search_string: 'trail shoes' }),
    standard('Product List Viewed', 'ViewContent', {
      value: 129.9,
      currency: 'USD',
      content_ids: ['sku-trail-01'],
      contents: [SHOE],
      content_type: 'product',
      content_name: 'Ridgeline Trail Shoe',
      content_category: 'Footwear',
    }),
    standard('Product Viewed', 'ViewContent', {
      value: 129.9,
      currency: 'EUR',
      content_ids: ['sku-trail-01'],
      contents: [SHOE],
      content_type: 'product',
      content_name: 'Ridgeline Trail Shoe',
      content_category: 'Footwear',
    }),
    standard('Product Added', 'AddToCart', {
      value: 129.9,
      currency: 'EUR',
      content_ids: ['sku-trail-01'],
      contents: [SHOE],
      content_type: 'product',
      content_name: 'Ridgeline Trail Shoe',
      content_category: 'Footwear',
    }),
    standard('Product Added to Wishlist', 'AddToWishlist', {
      value: 129.9,
      currency: 'EUR',
      content_ids: ['sku-trail-01'],
      contents: [SHOE],
      content_type: 'product',
      content_name: 'Ridgeline Trail Shoe',
      content_category: 'Footwear',
    }),
    standard('Checkout Started', 'InitiateCheckout', {
      value: 158.9,
      currency: 'EUR',
      content_ids: ['sku-trail-01', 'sku-sock-03'],
      contents: [SHOE, SOCKS],
      content_type: 'product',
      num_items: 3,
    }),
    standard('Payment Info Entered', 'AddPaymentInfo', { value: 170.9, currency: 'EUR' }),
    standard('Order Completed', 'Purchase', {
      value: 158.9,
      currency: 'EUR',
      content_ids: ['sku-trail-01', 'sku-sock-03'],
      contents: [SHOE, SOCKS],
      content_type: 'product',
    }),
    standard('Signed Up', 'CompleteRegistration', {}),
    standard('Lead Created', 'Lead', { value: 500, currency: 'EUR' }),
    standard('Subscription Started', 'Subscribe', { value: 29, currency: 'EUR' }),
    standard('Trial Started', 'StartTrial', {}),
    single(
      'e-commerce event without currency → defaultCurrency; value from price × quantity',
      visitor.track('Product Added', { product_id: 'p-1', price: 12.5, quantity: 2 }),
      'trackSingle',
      'AddToCart',
      {
        value: 25,
        currency: 'USD',
        content_ids: ['p-1'],
        contents: [{ id: 'p-1', quantity: 2, item_price: 12.5 }],
        content_type: 'product',
      },
    ),
    {
      ...single(
        'contentType product_group → content_type product_group',
        visitor.track('Product Viewed', { product_id: 'grp-7', currency: 'EUR' }),
        'trackSingle',
        'ViewContent',
        { content_ids: ['grp-7'], contents: [{ id: 'grp-7', quantity: 1 }], content_type: 'product_group' },
      ),
      settings: { contentType: 'product_group' },
    },
    single(
      'Order Completed with no properties → Purchase without value or contents',
      visitor.track('Order Completed', {}),
      'trackSingle',
      'Purchase',
      {},
    ),
    single(
      'custom event → trackSingleCustom with its properties',
      visitor.track('Plan Upgraded', { plan: 'pro', seats: 3 }),
      'trackSingleCustom',
      'Plan Upgraded',
      { plan: 'pro', seats: 3 },
    ),
    single(
      'Cart Viewed (no standard event) → trackSingleCustom',
      visitor.track('Cart Viewed', { cart_id: 'cart-7781' }),
      'trackSingleCustom',
      'Cart Viewed',
      { cart_id: 'cart-7781' },
    ),
    {
      ...single(
        'eventMap: Upgraded → Subscribe',
        visitor.track('Upgraded', { revenue: 29, currency: 'eur', predicted_ltv: 348 }),
        'trackSingle',
        'Subscribe',
        { value: 29, currency: 'EUR', predicted_ltv: 348 },
      ),
      settings: { eventMap: { Upgraded: 'Subscribe' } },
    },
    {
      name: 'consent for advertising withdrawn → consent revoke, and the event is dropped; given again → grant, then the event',
      events: [
        withConsent(visitor.track('Signed Up'), { advertising: false }),
        withConsent(visitor.track('Signed Up'), { advertising: false }),
        regranted,
      ],
      calls: [
        call('fbq', 'consent', 'revoke'),
        call('fbq', 'consent', 'grant'),
        call('fbq', 'trackSingle', PIXEL, 'CompleteRegistration', {}, { eventID: regranted.messageId }),
      ],
    },
    {
      name: 'identify → init again with normalised advanced matching (the pixel hashes it)',
      events: [
        spec.identify('user-42', {
          email: '  Ada@Example.com ',
          phone: '+44 20 7946 0000',
          firstName: 'Ada',
          lastName: 'Lovelace',
          gender: 'Female',
          birthday: '1815-12-10',
          address: { city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' },
          plan: 'pro',
        }),
      ],
      calls: [
        call('fbq', 'init', PIXEL, {
          em: 'ada@example.com',
          ph: '442079460000',
          fn: 'ada',
          ln: 'lovelace',
          ge: 'f',
          db: '18151210',
          ct: 'sanfrancisco',
          st: 'ca',
          zp: '94105',
          country: 'us',
          external_id: 'user-42',
        }),
      ],
    },
    {
      name: 'identify with advancedMatching off → nothing sent',
      settings: { advancedMatching: false },
      events: [spec.identify()],
      calls: [],
    },
    {
      name: 'anonymous identify without matchable traits → nothing sent',
      events: [visitor.identify(null, { plan: 'pro' })],
      calls: [],
    },
  ],
});
