// Realistic Segment Spec events, made by analytics-next's own EventFactory so their shape is what a
// plugin really receives (context.page, page properties, ids, messageId, timestamp).
import { EventFactory, User } from '@segment/analytics-next';
import type { SegmentEvent, SpecEventName } from '@devicemode/core';

export const FIXTURE_USER_ID = 'user-42';
export const FIXTURE_ANONYMOUS_ID = 'anon-5c2f9e';
export const FIXTURE_GROUP_ID = 'org-7';

/** The page every fixture event was "sent" from. */
export const FIXTURE_PAGE = {
  path: '/shop/trail-shoes',
  referrer: 'https://search.example.org/?q=trail+shoes',
  search: '?utm_source=newsletter',
  title: 'Trail shoes | Northwind Outfitters',
  url: 'https://shop.example.com/shop/trail-shoes?utm_source=newsletter',
};

export const IDENTIFY_TRAITS = {
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  name: 'Ada Lovelace',
  phone: '+44 20 7946 0000',
  plan: 'pro',
  createdAt: '2024-03-01T10:00:00.000Z',
  company: { name: 'Analytical Engines Ltd', id: FIXTURE_GROUP_ID },
};

export const GROUP_TRAITS = {
  name: 'Analytical Engines Ltd',
  industry: 'Computing',
  employees: 42,
  plan: 'enterprise',
};

const SHOE = {
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
};
const SOCKS = {
  product_id: 'sku-sock-03',
  sku: 'SK-03-M',
  name: 'Merino Hiking Socks',
  brand: 'Northwind',
  category: 'Accessories',
  price: 14.5,
  quantity: 2,
  position: 2,
};
const ORDER = {
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
  products: [SHOE, SOCKS],
};
const PROMOTION = { promotion_id: 'promo-spring', creative: 'banner-top', name: 'Spring sale', position: 'home_top' };
const CART = { cart_id: 'cart-7781', products: [SHOE, SOCKS] };
const LIST = { list_id: 'footwear-all', category: 'Footwear', products: [SHOE] };

/** Canonical properties for each Spec event the fixtures use. */
export const SPEC_PROPERTIES: Record<SpecEventName, Record<string, unknown>> = {
  'Products Searched': { query: 'trail shoes' },
  'Product List Viewed': LIST,
  'Product List Filtered': {
    ...LIST,
    filters: [{ type: 'size', value: '42' }],
    sorts: [{ type: 'price', value: 'asc' }],
  },
  'Promotion Viewed': PROMOTION,
  'Promotion Clicked': PROMOTION,
  'Product Clicked': { ...SHOE, currency: 'EUR' },
  'Product Viewed': { ...SHOE, currency: 'EUR', value: 129.9 },
  'Product Added': { ...SHOE, cart_id: CART.cart_id, currency: 'EUR' },
  'Product Removed': { ...SOCKS, cart_id: CART.cart_id, currency: 'EUR' },
  'Cart Viewed': { ...CART, currency: 'EUR' },
  'Checkout Started': { ...ORDER, value: 170.9 },
  'Checkout Step Viewed': {
    checkout_id: ORDER.checkout_id,
    step: 2,
    shipping_method: 'Standard',
    payment_method: 'Card',
  },
  'Checkout Step Completed': {
    checkout_id: ORDER.checkout_id,
    step: 2,
    shipping_method: 'Standard',
    payment_method: 'Card',
  },
  'Payment Info Entered': {
    checkout_id: ORDER.checkout_id,
    order_id: ORDER.order_id,
    step: 3,
    payment_method: 'Card',
    currency: 'EUR',
    value: 170.9,
  },
  'Order Updated': ORDER,
  'Order Completed': ORDER,
  'Order Refunded': { order_id: ORDER.order_id, total: 44.5, currency: 'EUR', products: [SOCKS] },
  'Order Cancelled': ORDER,
  'Coupon Entered': { order_id: ORDER.order_id, cart_id: CART.cart_id, coupon_id: 'SPRING10' },
  'Coupon Applied': {
    order_id: ORDER.order_id,
    cart_id: CART.cart_id,
    coupon_id: 'SPRING10',
    coupon_name: 'Spring 10%',
    discount: 12,
  },
  'Coupon Denied': { order_id: ORDER.order_id, cart_id: CART.cart_id, coupon: 'WINTER', reason: 'Expired' },
  'Coupon Removed': { order_id: ORDER.order_id, cart_id: CART.cart_id, coupon_id: 'SPRING10' },
  'Product Added to Wishlist': { ...SHOE, wishlist_id: 'wl-1', wishlist_name: 'Summer hikes', currency: 'EUR' },
  'Product Removed from Wishlist': { ...SHOE, wishlist_id: 'wl-1', wishlist_name: 'Summer hikes' },
  'Wishlist Product Added to Cart': { ...SHOE, wishlist_id: 'wl-1', cart_id: CART.cart_id },
  'Product Shared': { ...SHOE, share_via: 'email', share_message: 'Look at these', recipient: 'friend@example.com' },
  'Cart Shared': { cart_id: CART.cart_id, share_via: 'email', recipient: 'friend@example.com', products: [SHOE] },
  'Product Reviewed': { product_id: SHOE.product_id, review_id: 'rev-88', review_body: 'Great grip', rating: 5 },
  'Signed Up': { type: 'organic', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', username: 'ada' },
  'Signed In': { username: 'ada' },
  'Signed Out': { username: 'ada' },
  'Trial Started': { trial_start_date: '2024-03-01', trial_end_date: '2024-03-15', trial_plan_name: 'Pro' },
  'Subscription Started': { plan: 'Pro', value: 29, currency: 'EUR' },
  'Lead Created': { lead_id: 'lead-12', value: 500, currency: 'EUR' },
};

/** Who the fixture events come from. */
export interface SpecUser {
  /** `null` for an anonymous visitor. @default FIXTURE_USER_ID */
  userId?: string | null;
  /** @default FIXTURE_ANONYMOUS_ID */
  anonymousId?: string;
}

/** Builds Spec events from one user, the way analytics-next would for a call on {@link FIXTURE_PAGE}. */
export function createSpec({ userId = FIXTURE_USER_ID, anonymousId = FIXTURE_ANONYMOUS_ID }: SpecUser = {}) {
  const factory = (): EventFactory => {
    const user = new User({ persist: false });
    user.anonymousId(anonymousId);
    if (userId) user.id(userId);
    user.anonymousId(anonymousId);
    return new EventFactory(user);
  };
  const page = { ...FIXTURE_PAGE };
  const asCore = (event: unknown): SegmentEvent => event as SegmentEvent;
  return {
    identify: (id: string | null = userId, traits: object = IDENTIFY_TRAITS) =>
      asCore(factory().identify(id, traits, {}, undefined, page)),
    page: (name: string | null = 'Trail shoes', properties: object = {}, category: string | null = 'Shop') =>
      asCore(factory().page(category, name, properties, {}, undefined, page)),
    group: (groupId: string = FIXTURE_GROUP_ID, traits: object = GROUP_TRAITS) =>
      asCore(factory().group(groupId, traits, {}, undefined, page)),
    alias: (to: string = FIXTURE_USER_ID, from: string | null = FIXTURE_ANONYMOUS_ID) =>
      asCore(factory().alias(to, from, {}, undefined, page)),
    /** A track event; Spec event names get their canonical properties unless given others. */
    track: (name: string, properties?: object) =>
      asCore(factory().track(name, properties ?? SPEC_PROPERTIES[name as SpecEventName] ?? {}, {}, undefined, page)),
  };
}

/**
 * The event with the consent preferences a consent manager stamps on it
 * (`context.consent.categoryPreferences`), e.g. `withConsent(spec.track('Signed Up'), { analytics: false })`.
 */
export const withConsent = (event: SegmentEvent, preferences: Record<string, boolean>): SegmentEvent => ({
  ...event,
  context: { ...event.context, consent: { categoryPreferences: preferences } },
});

/** Spec events from an identified user. */
export const spec = createSpec();
