import {
  compact,
  currencyOf,
  defineDestination,
  ensureGlobal,
  isObject,
  mapEventName,
  productsOf,
  productsValue,
  propertiesOf,
  toNumber,
  toText,
  traitsOf,
  valueOf,
} from '@devicemode/core';
import { version } from '../package.json';
import schema from '../settings.schema.json';
import type { Settings } from './settings';

/** `fbq`: Meta's base-code stub, which queues calls until fbevents.js sets `callMethod`. */
interface Fbq {
  (...args: unknown[]): void;
  callMethod?: (...args: unknown[]) => void;
  queue: unknown[];
  push: Fbq;
  loaded: boolean;
  version: string;
  disablePushState?: boolean;
  allowDuplicatePageViews?: boolean;
}

type Params = Record<string, unknown>;

/** Spec v2 and lifecycle events → Meta standard events. */
const STANDARD = {
  'Products Searched': 'Search',
  'Product List Viewed': 'ViewContent',
  'Product Viewed': 'ViewContent',
  'Product Added': 'AddToCart',
  'Product Added to Wishlist': 'AddToWishlist',
  'Checkout Started': 'InitiateCheckout',
  'Payment Info Entered': 'AddPaymentInfo',
  'Order Completed': 'Purchase',
  'Signed Up': 'CompleteRegistration',
  'Lead Created': 'Lead',
  'Subscription Started': 'Subscribe',
  'Trial Started': 'StartTrial',
} as const;

/** Trimmed and lower-cased, as Meta normalises customer information before hashing; `strip` removes more. */
const lower = (value: unknown, strip = /^$/): string | undefined =>
  toText(value)?.trim().toLowerCase().replace(strip, '') || undefined;

/** Advanced matching parameters from Spec traits (Meta's customer information parameters). */
function matching(traits: Params, userId: unknown): Params {
  const address = isObject(traits.address) ? traits.address : {};
  const gender = lower(traits.gender)?.[0];
  return {
    em: lower(traits.email),
    ph: lower(traits.phone, /\D/g),
    fn: lower(traits.firstName ?? traits.first_name),
    ln: lower(traits.lastName ?? traits.last_name),
    ge: gender === 'f' || gender === 'm' ? gender : undefined,
    db: lower(traits.birthday, /\D/g)?.slice(0, 8),
    ct: lower(address.city, /\s/g),
    st: lower(address.state, /\s/g),
    zp: lower(address.postalCode ?? address.postal_code, /\s/g),
    country: lower(address.country, /\s/g),
    external_id: toText(userId),
  };
}

/** The parameters of a standard event: value and currency, the products as contents, and the event's own. */
function parameters(name: string, p: Params, settings: Settings): Params {
  const products = /^(Search|Lead|CompleteRegistration|Subscribe|StartTrial)$/.test(name)
    ? []
    : productsOf(p).filter((product) => product.id !== undefined);
  const value = valueOf(p) ?? productsValue(products);
  const out: Params = {
    value,
    currency: value === undefined ? undefined : currencyOf(p, settings.defaultCurrency),
    content_category: toText(p.category),
    num_items: name === 'InitiateCheckout' ? products.reduce((sum, product) => sum + product.quantity, 0) : undefined,
    search_string: name === 'Search' ? toText(p.query) : undefined,
    predicted_ltv: toNumber(p.predicted_ltv),
  };
  if (products.length) {
    out.content_ids = products.map((product) => product.id);
    out.contents = products.map((product) => ({
      id: product.id,
      quantity: product.quantity,
      item_price: product.price,
    }));
    out.content_type = settings.contentType;
    if (products.length === 1) out.content_name = products[0]!.name;
  }
  return out;
}

export const metaPixelDestination = defineDestination<Settings, Fbq>({
  name: 'Meta Pixel',
  slug: 'meta-pixel',
  version,
  settings: schema,
  consent: ['advertising'],
  async load({ window, settings, loadScript, resolveWhen }) {
    const fbq = ensureGlobal<Fbq>(window, 'fbq', () => {
      // Meta's base code, as is: calls queue as `arguments` until fbevents.js provides callMethod.
      const stub = function () {
        // eslint-disable-next-line prefer-rest-params
        const args = arguments;
        if (stub.callMethod) stub.callMethod(...args);
        else stub.queue.push(args);
      } as Fbq;
      stub.push = stub;
      stub.loaded = true;
      stub.version = '2.0';
      stub.queue = [];
      return stub;
    });
    ensureGlobal(window, '_fbq', () => fbq);
    // Segment's page() calls are the only PageViews: none from the pixel's history listener, none dropped.
    fbq.disablePushState = true;
    fbq.allowDuplicatePageViews = true;
    if (settings.limitedDataUse)
      fbq('dataProcessingOptions', ['LDU'], settings.limitedDataUseCountry, settings.limitedDataUseState);
    if (!settings.autoConfig) fbq('set', 'autoConfig', false, settings.pixelId);
    fbq('init', settings.pixelId);
    await loadScript(settings.scriptUrl);
    return resolveWhen(() => fbq.callMethod && fbq, { what: 'fbevents.js' });
  },
  // Consent withdrawn after load: core drops the event, but the pixel's automatic events go on, so pause it.
  consentChanged: (fbq, _event, _settings, granted) => fbq('consent', granted ? 'grant' : 'revoke'),
  track(fbq, event, settings) {
    const p = propertiesOf(event);
    const name = mapEventName(event.event, STANDARD, settings.eventMap);
    // trackSingle: only this pixel, even when the page initialises others; eventID deduplicates with the Conversions API.
    const options = { eventID: event.messageId };
    if (name) return fbq('trackSingle', settings.pixelId, name, compact(parameters(name, p, settings)), options);
    const custom = toText(event.event)?.trim().slice(0, 50);
    if (!custom) throw new Error('a custom event needs a name');
    fbq('trackSingleCustom', settings.pixelId, custom, { ...p }, options);
  },
  identify(fbq, event, settings) {
    const data = compact(settings.advancedMatching ? matching(traitsOf(event), event.userId) : {});
    // Meta reads advanced matching from init: initialising again with the data is how it learns it later.
    if (Object.keys(data).length) fbq('init', settings.pixelId, data);
  },
  page: (fbq, event, settings) => fbq('trackSingle', settings.pixelId, 'PageView', {}, { eventID: event.messageId }),
});
