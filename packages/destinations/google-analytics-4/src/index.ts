import {
  compact,
  currencyOf,
  defineDestination,
  ensureGlobal,
  mapEventName,
  productsOf,
  productsValue,
  propertiesOf,
  toNumber,
  toText,
  traitsOf,
  valueOf,
} from '@devicemode/core';
import type { SegmentEvent } from '@devicemode/core';
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

// Spec v2 event › GA4 recommended event, its flags (`$` value and currency, `*` the event's products as items,
// `+` items from a `products` list only, since a promotion's own `name` is no product; `-` neither), then
// `parameter=property` (or `parameter` alone when the names match; the first property present wins a repeated
// parameter). One string, not two object literals or branches: it is the smallest form once minified.
const TABLE =
  'Products Searched>search>- search_term=query|' +
  'Product List Viewed>view_item_list>* item_list_id=list_id item_list_name=category|' +
  'Product Clicked>select_item>* item_list_id=list_id|' +
  'Product Viewed>view_item>$* coupon|' +
  'Product Added>add_to_cart>$* coupon|' +
  'Product Removed>remove_from_cart>$* coupon|' +
  'Cart Viewed>view_cart>$* coupon|' +
  'Checkout Started>begin_checkout>$* coupon|' +
  'Checkout Step Completed>add_shipping_info>$* coupon shipping_tier=shipping_method|' +
  'Payment Info Entered>add_payment_info>$* coupon payment_type=payment_method|' +
  'Order Completed>purchase>$* transaction_id=order_id affiliation coupon shipping tax|' +
  'Order Refunded>refund>$* transaction_id=order_id affiliation coupon shipping tax|' +
  'Promotion Viewed>view_promotion>+ promotion_id promotion_name=name creative_name=creative creative_slot=position|' +
  'Promotion Clicked>select_promotion>+ promotion_id promotion_name=name creative_name=creative creative_slot=position|' +
  'Product Added to Wishlist>add_to_wishlist>$* coupon|' +
  'Product Shared>share>- method method=share_via content_type item_id=product_id|' +
  'Signed Up>sign_up>- method method=type|' +
  'Signed In>login>- method|' +
  'Lead Created>generate_lead>$';
const RECOMMENDED: Record<string, string> = {};
const PARAMETERS: Record<string, string> = {};
for (const row of TABLE.split('|')) {
  const [spec, name, parameters] = row.split('>') as [string, string, string];
  RECOMMENDED[spec] = name;
  PARAMETERS[name] = parameters;
}

/** Name prefixes GA4 reserves for itself, for events and parameters alike. */
const RESERVED = /^(ga_|google_|firebase_)/;

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
const scalar = (value: unknown, max = 100): unknown =>
  typeof value === 'string' ? value.slice(0, max) : typeof value === 'boolean' ? value : toNumber(value);

/** The four Consent Mode v2 types: `analytics_storage`, and the three ad types decided together. */
const consentState = (analytics?: string, ads?: string, wait?: number): Params => ({
  analytics_storage: analytics,
  ad_storage: ads,
  ad_user_data: ads,
  ad_personalization: ads,
  wait_for_update: wait,
});

/** The parameters of a GA4 recommended event: value and currency, items, then the event's own. */
function recommended(name: string, table: string, p: Params, settings: Settings): Params {
  const [flags, ...pairs] = table.split(' ') as [string, ...string[]];
  const products = /[*+]/.test(flags) ? productsOf(flags === '+' ? { products: p.products } : p) : [];
  const value = flags.includes('$') ? (valueOf(p) ?? productsValue(products)) : undefined;
  const out: Params = { currency: value === undefined ? undefined : currencyOf(p, settings.defaultCurrency), value };
  for (const pair of pairs) {
    const [parameter, key = parameter] = pair.split('=') as [string, string?];
    out[parameter] ??= scalar(p[key]);
  }
  if (name === 'share') out.content_type ??= 'product';
  if (products.length)
    out.items = products.map((product) => ({
      item_id: product.id,
      item_name: product.name,
      item_brand: product.brand,
      item_category: product.category,
      item_variant: product.variant,
      price: product.price,
      quantity: product.quantity,
      coupon: product.coupon,
      index: product.position,
    }));
  return out;
}

/** Under `consentMode`, a Consent Mode update when the event's preferences differ from the last ones sent. */
function updateConsent(client: Client, event: SegmentEvent, settings: Settings): void {
  const preferences = event.context?.consent?.categoryPreferences as Params | undefined;
  if (settings.consentMode && preferences) {
    const decide = (category: string): string | undefined =>
      typeof preferences[category] === 'boolean' ? (preferences[category] ? 'granted' : 'denied') : undefined;
    const key = JSON.stringify(consentState(decide(settings.analyticsCategory), decide(settings.advertisingCategory)));
    if (key !== '{}' && key !== client.consent) client.gtag('consent', 'update', JSON.parse((client.consent = key)));
  }
}

/** Keeps Consent Mode and the GA4 user ID in step with the event before it is sent. */
function sync(client: Client, event: SegmentEvent, settings: Settings): void {
  updateConsent(client, event, settings);
  // Google: send the ID while signed in, null once signed out, nothing for visitors who never signed in.
  const uid = toText(event.userId) ?? null;
  if (uid !== client.uid) client.gtag('set', { user_id: (client.uid = uid) });
}

/**
 * Sends one event to this measurement ID only, even when the page configures other Google tags. `compact`
 * drops undefined parameters, so calls carry only what is known.
 */
const send = (client: Client, settings: Settings, name: string, params: Params): void =>
  client.gtag('event', name, compact({ ...params, send_to: settings.measurementId }));

export const googleAnalytics4Destination = defineDestination<Settings, Client>({
  name: 'Google Analytics 4',
  slug: 'google-analytics-4',
  version,
  settings: schema,
  consent: ['analytics'],
  async load({ window, settings, loadScript, resolveWhen }) {
    const dataLayer = ensureGlobal<unknown[]>(window, 'dataLayer', () => []);
    const own = !(window as { gtag?: Gtag }).gtag;
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
    if (settings.consentMode)
      gtag(
        'consent',
        'default',
        consentState(settings.analyticsStorageDefault, settings.adStorageDefault, settings.waitForUpdate),
      );
    if (own) gtag('js', new Date());
    // Page views come from Segment's page() calls only: one per call, with the SPA's current URL.
    gtag('config', settings.measurementId, { send_page_view: false });
    const loaded = Array.from(window.document.scripts).find((script) => script.src.startsWith(settings.scriptUrl));
    await loadScript(loaded?.src ?? `${settings.scriptUrl}?id=${settings.measurementId}`);
    await resolveWhen(() => dataLayer.push !== [].push, { what: 'gtag.js' });
    return { gtag, uid: null };
  },
  // Consent withdrawn after load: core drops the event, but gtag.js keeps running, so Google must hear of it.
  consentChanged: updateConsent,
  track(client, event, settings) {
    sync(client, event, settings);
    const p = propertiesOf(event);
    // Only the shipping step of a checkout is add_shipping_info; eventMap still names any step.
    const builtIn = event.event === 'Checkout Step Completed' && p.shipping_method === undefined ? {} : RECOMMENDED;
    const name = mapEventName(event.event, builtIn, settings.eventMap);
    // A string only: `constructor` and the like are no recommended events.
    const table = name && PARAMETERS[name];
    if (typeof table === 'string') return send(client, settings, name!, recommended(name!, table, p, settings));
    const custom = name ?? snake(toText(event.event) ?? '');
    if (!custom) throw new Error('no letter in the event name to start a GA4 name');
    // GA4 silently drops events whose names start with a reserved prefix: say so instead.
    if (RESERVED.test(custom)) throw new Error(`GA4 reserves the prefix of "${custom}": rename the event`);
    // Custom parameters within GA4's limits: 25 scalars, names ≤ 40 characters, values ≤ 100, no reserved prefix.
    const params: Params = {};
    for (const key of Object.keys(p)) {
      const parameter = snake(key);
      const value = scalar(p[key]);
      if (parameter && value !== undefined && !RESERVED.test(parameter) && Object.keys(params).length < 25)
        params[parameter] = value;
    }
    send(client, settings, custom, params);
  },
  identify(client, event, settings) {
    sync(client, event, settings);
    const traits = traitsOf(event);
    const properties: Params = {};
    for (const key of settings.userProperties) properties[key] = scalar(traits[key], 36);
    const json = JSON.stringify(properties);
    if (json !== '{}') client.gtag('set', 'user_properties', JSON.parse(json));
  },
  page(client, event, settings) {
    sync(client, event, settings);
    const p = propertiesOf(event);
    const page = event.context?.page as Params | undefined;
    const text = (key: string): string | undefined => toText(p[key]) ?? toText(page?.[key]);
    send(client, settings, 'page_view', {
      page_location: text('url'),
      page_referrer: text('referrer'),
      page_title: text('title'),
    });
  },
});
