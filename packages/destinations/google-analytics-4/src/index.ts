import {
  currencyOf,
  defineDestination,
  ensureGlobal,
  isObject,
  mapEventName,
  productsOf,
  propertiesOf,
  readGlobal,
  toNumber,
  toText,
  traitsOf,
  valueOf,
} from '@devicemode/core';
import type { NormalizedProduct, SegmentEvent } from '@devicemode/core';
import { version } from '../package.json';
import schema from '../settings.schema.json';
import type { Settings } from './settings';

/** The Google tag: `gtag(command, …)` pushes its `arguments` object onto `window.dataLayer`. */
type Gtag = (...args: unknown[]) => void;

/** One instance's handle on the page's Google tag, and what it last told it. */
interface Client {
  gtag: Gtag;
  uid: string | null;
  consent?: string;
}

type Params = Record<string, unknown>;

/** Spec v2 events → GA4 recommended events. */
const RECOMMENDED = {
  'Products Searched': 'search',
  'Product List Viewed': 'view_item_list',
  'Product Clicked': 'select_item',
  'Product Viewed': 'view_item',
  'Product Added': 'add_to_cart',
  'Product Removed': 'remove_from_cart',
  'Cart Viewed': 'view_cart',
  'Checkout Started': 'begin_checkout',
  'Checkout Step Completed': 'add_shipping_info',
  'Payment Info Entered': 'add_payment_info',
  'Order Completed': 'purchase',
  'Order Refunded': 'refund',
  'Promotion Viewed': 'view_promotion',
  'Promotion Clicked': 'select_promotion',
  'Product Added to Wishlist': 'add_to_wishlist',
  'Product Shared': 'share',
  'Signed Up': 'sign_up',
  'Signed In': 'login',
  'Lead Created': 'generate_lead',
} as const;

/** Drops undefined values and empty lists, so vendor calls carry only what is known. */
function compact(params: Params): Params {
  const out: Params = {};
  for (const key in params) {
    const value = params[key];
    if (value !== undefined && !(Array.isArray(value) && !value.length)) out[key] = value;
  }
  return out;
}

/** A GA4 name: letters, digits and underscores, starting with a letter, at most 40 characters. */
const snake = (name: string): string =>
  name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^[^\p{L}]+/u, '')
    .slice(0, 40)
    .replace(/_+$/, '');

/** A scalar GA4 accepts (strings cut to `max` characters); objects and lists are dropped. */
const scalar = (value: unknown, max: number): unknown =>
  typeof value === 'string' ? value.slice(0, max) : typeof value === 'boolean' ? value : toNumber(value);

/** Custom event parameters within GA4's limits: 25 scalar parameters, names ≤ 40 characters, values ≤ 100. */
function sanitize(properties: Params): Params {
  const out: Params = {};
  for (const key of Object.keys(properties)) {
    const name = snake(key);
    const value = scalar(properties[key], 100);
    if (name && value !== undefined && !/^(ga_|google_|firebase_)/.test(name) && Object.keys(out).length < 25)
      out[name] = value;
  }
  return out;
}

const item = (product: NormalizedProduct): Params => {
  const out: Params = {
    price: product.price,
    quantity: product.quantity,
    coupon: product.coupon,
    index: product.position,
  };
  for (const key of ['id', 'name', 'brand', 'category', 'variant'] as const) out[`item_${key}`] = product[key];
  return compact(out);
};

/** Spec property → GA4 parameter, for the recommended events whose name matches. */
const PARAMETERS: [string, string, RegExp][] = [
  ['transaction_id', 'order_id', /^(purchase|refund)$/],
  ['affiliation', 'affiliation', /^(purchase|refund)$/],
  ['shipping', 'shipping', /^(purchase|refund)$/],
  ['tax', 'tax', /^(purchase|refund)$/],
  ['coupon', 'coupon', /^(view_(item|cart)$|begin|add_|remove|purchase|refund)/],
  ['shipping_tier', 'shipping_method', /^add_shipping_info$/],
  ['payment_type', 'payment_method', /^add_payment_info$/],
  ['item_list_id', 'list_id', /^(view_item_list|select_item)$/],
  ['item_list_name', 'category', /^view_item_list$/],
  ['promotion_id', 'promotion_id', /_promotion$/],
  ['promotion_name', 'name', /_promotion$/],
  ['creative_name', 'creative', /_promotion$/],
  ['creative_slot', 'position', /_promotion$/],
  ['search_term', 'query', /^search$/],
  ['method', 'method', /^(sign_up|login|share)$/],
  ['method', 'type', /^sign_up$/],
  ['method', 'share_via', /^share$/],
  ['item_id', 'product_id', /^share$/],
];

/** The parameters of a GA4 recommended event: value and currency, items, then the event's own. */
function recommended(name: string, p: Params, settings: Settings): Params {
  // A promotion's own `name` is not a product: only a products list gives it items.
  const products = (
    /_promotion$/.test(name)
      ? Array.isArray(p.products)
      : /^(view_|select_i|begin|add_|remove|purchase|refund)/.test(name)
  )
    ? productsOf(p)
    : [];
  const priced = products.filter((product) => product.price !== undefined);
  const value = /^(view_(item|cart)$|begin|add_|remove|purchase|refund|generate)/.test(name)
    ? (valueOf(p) ??
      (priced.length
        ? Math.round(priced.reduce((sum, product) => sum + product.price! * product.quantity, 0) * 100) / 100
        : undefined))
    : undefined;
  const out: Params = {
    currency: value === undefined ? undefined : currencyOf(p, settings.defaultCurrency),
    value,
    content_type: name === 'share' ? (toText(p.content_type) ?? 'product') : undefined,
  };
  for (const [parameter, key, events] of PARAMETERS) if (events.test(name)) out[parameter] ??= scalar(p[key], 100);
  out.items = products.map(item);
  return compact(out);
}

/** Keeps Consent Mode and the GA4 user ID in step with the event before it is sent. */
function sync(client: Client, event: SegmentEvent, settings: Settings): void {
  const preferences = event.context?.consent?.categoryPreferences;
  if (settings.consentMode && isObject(preferences)) {
    const decide = (category: string): string | undefined =>
      typeof preferences[category] === 'boolean' ? (preferences[category] ? 'granted' : 'denied') : undefined;
    const ads = decide(settings.advertisingCategory);
    const state = compact({
      analytics_storage: decide(settings.analyticsCategory),
      ad_storage: ads,
      ad_user_data: ads,
      ad_personalization: ads,
    });
    const key = JSON.stringify(state);
    if (key !== '{}' && key !== client.consent) {
      client.consent = key;
      client.gtag('consent', 'update', state);
    }
  }
  // Google: send the ID while signed in, null once signed out, nothing for visitors who never signed in.
  const uid = toText(event.userId) ?? null;
  if (uid !== client.uid) client.gtag('set', { user_id: (client.uid = uid) });
}

/** Sends one event to this measurement ID only, even when the page configures other Google tags. */
const send = (client: Client, settings: Settings, name: string, params: Params): void =>
  client.gtag('event', name, { ...params, send_to: settings.measurementId });

export const googleAnalytics4Destination = defineDestination<Settings, Client>({
  name: 'Google Analytics 4',
  slug: 'google-analytics-4',
  version,
  settings: schema,
  consent: ['analytics'],
  async load({ window, settings, loadScript, resolveWhen }) {
    const dataLayer = ensureGlobal<unknown[]>(window, 'dataLayer', () => []);
    const own = !readGlobal<Gtag>(window, 'gtag');
    const gtag = ensureGlobal<Gtag>(
      window,
      'gtag',
      () =>
        // Google's stub, as is: gtag.js reads `arguments` objects from the data layer, not arrays.
        function () {
          // eslint-disable-next-line prefer-rest-params
          dataLayer.push(arguments);
        },
    );
    if (settings.consentMode) {
      const ads = settings.adStorageDefault;
      gtag('consent', 'default', {
        analytics_storage: settings.analyticsStorageDefault,
        ad_storage: ads,
        ad_user_data: ads,
        ad_personalization: ads,
        wait_for_update: settings.waitForUpdate,
      });
    }
    if (own) gtag('js', new Date());
    // Page views come from Segment's page() calls only: one per call, with the SPA's current URL.
    gtag('config', settings.measurementId, { send_page_view: false });
    const loaded = Array.from(window.document.scripts).find((script) => script.src.startsWith(settings.scriptUrl));
    await loadScript(loaded?.src ?? `${settings.scriptUrl}?id=${settings.measurementId}`);
    await resolveWhen(() => dataLayer.push !== Array.prototype.push, {
      what: 'gtag.js to run window.dataLayer',
    });
    return { gtag, uid: null };
  },
  track(client, event, settings) {
    sync(client, event, settings);
    const p = propertiesOf(event);
    let name = mapEventName(event.event, RECOMMENDED, settings.eventMap);
    // Only the shipping step of a checkout is add_shipping_info.
    if (event.event === 'Checkout Step Completed' && p.shipping_method === undefined) name = undefined;
    if (name && (Object.values(RECOMMENDED) as string[]).includes(name))
      return send(client, settings, name, recommended(name, p, settings));
    const custom = name ?? snake(toText(event.event) ?? '');
    if (!custom) throw new Error('no letter in the event name to start a GA4 name');
    send(client, settings, custom, sanitize(p));
  },
  identify(client, event, settings) {
    sync(client, event, settings);
    const traits = traitsOf(event);
    const properties: Params = {};
    for (const key of settings.userProperties) {
      const value = scalar(traits[key], 36);
      if (value !== undefined) properties[key] = value;
    }
    if (Object.keys(properties).length) client.gtag('set', 'user_properties', properties);
  },
  page(client, event, settings) {
    sync(client, event, settings);
    const p = propertiesOf(event);
    const page = (isObject(event.context?.page) ? event.context.page : {}) as Params;
    const pick = (key: string): string | undefined => toText(p[key]) ?? toText(page[key]);
    send(
      client,
      settings,
      'page_view',
      compact({ page_location: pick('url'), page_referrer: pick('referrer'), page_title: pick('title') }),
    );
  },
});
