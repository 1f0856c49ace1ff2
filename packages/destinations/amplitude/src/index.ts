import {
  currencyOf,
  defineDestination,
  ensureGlobal,
  productsOf,
  propertiesOf,
  readGlobal,
  toText,
  traitsOf,
  valueOf,
} from '@devicemode/core';
import type { SegmentEvent } from '@devicemode/core';
import { version } from '../package.json';
import schema from '../settings.schema.json';
import type { Settings } from './settings';

type Properties = Record<string, unknown>;

interface Identify {
  set(property: string, value: unknown): Identify;
}

interface Revenue {
  setProductId(id: string): Revenue;
  setPrice(price: number): Revenue;
  setQuantity(quantity: number): Revenue;
  setRevenueType(type: string): Revenue;
  setCurrency(currency: string): Revenue;
  setEventProperties(properties: Properties): Revenue;
}

/** A call the snippet queued: the SDK runs it on load, then calls `resolve` with its result's promise. */
interface QueuedCall {
  name: string;
  args: unknown[];
  resolve?: (result: unknown) => void;
}

/** `window.amplitude`: the snippet's stub until Browser SDK 2 assigns its API onto it. */
interface Amplitude {
  /** Present once the SDK has loaded (the snippet checks it too). */
  runQueuedFunctions?: unknown;
  init(apiKey: string, options: Properties): { promise: Promise<unknown> };
  track(name: string, properties: Properties): void;
  identify(identify: Identify): void;
  groupIdentify(groupType: string, groupName: string, identify: Identify): void;
  setGroup(groupType: string, groupName: string): void;
  revenue(revenue: Revenue): void;
  getDeviceId(): string | undefined;
  setDeviceId(deviceId: string): void;
  getUserId(): string | undefined;
  setUserId(userId: string | undefined): void;
  reset(): void;
  setOptOut(optOut: boolean): void;
  Identify: new () => Identify;
  Revenue: new () => Revenue;
}

/**
 * Keeps Amplitude's ids in step with Segment's before each call: the anonymous id is the device id, the
 * user id the user id; a new anonymous id without a user (Segment's `reset()` on logout) resets Amplitude.
 */
function syncIds(amplitude: Amplitude, event: SegmentEvent): void {
  const deviceId = toText(event.anonymousId);
  const userId = toText(event.userId);
  if (deviceId && amplitude.getDeviceId() !== deviceId) {
    if (!userId && amplitude.getUserId()) amplitude.reset();
    amplitude.setDeviceId(deviceId);
  }
  if (userId && amplitude.getUserId() !== userId) amplitude.setUserId(userId);
}

/** An Identify setting every key of `traits`; none when there are no traits. */
const identifyOf = (amplitude: Amplitude, traits: Properties): Identify | undefined => {
  if (!Object.keys(traits).length) return undefined;
  const identify = new amplitude.Identify();
  // `__proto__` as a key would replace the prototype of the SDK's property map.
  for (const [key, value] of Object.entries(traits)) if (key !== '__proto__') identify.set(key, value);
  return identify;
};

/**
 * Amplitude counts revenue per product (`$productId`, `$price` × `$quantity`): one revenue event per
 * priced product of an order, else one for the order's value. A refund is one negative revenue.
 */
function logRevenue(amplitude: Amplitude, properties: Properties, refund: boolean): void {
  const total = valueOf(properties);
  const priced = refund ? [] : productsOf(properties).filter((product) => product.price !== undefined);
  const lines: { id?: string; name?: string; category?: string; price?: number; quantity: number }[] =
    priced.length || total === undefined ? priced : [{ price: total, quantity: 1 }];
  const currency = currencyOf(properties);
  for (const { id, name, category, price = 0, quantity } of lines) {
    const revenue = new amplitude.Revenue()
      .setPrice(refund ? -Math.abs(price) : price)
      .setQuantity(quantity)
      .setRevenueType(refund ? 'refund' : 'purchase')
      .setCurrency(currency)
      .setEventProperties({ order_id: properties.order_id, name, category });
    if (id) revenue.setProductId(id);
    amplitude.revenue(revenue);
  }
}

export const amplitudeDestination = defineDestination<Settings, Amplitude>({
  name: 'Amplitude',
  slug: 'amplitude',
  version,
  settings: schema,
  consent: ['analytics'],
  async load({ window, settings, analytics, loadScript, resolveWhen }) {
    // The official snippet's stub: calls queue in `_q` as `{ name, args, resolve }` until the SDK runs them.
    const amplitude = ensureGlobal(window, 'amplitude', () => {
      const _q: QueuedCall[] = [];
      const init = (...args: unknown[]) => ({
        promise: new Promise((resolve) => void _q.push({ name: 'init', args, resolve })),
      });
      return { _q, _iq: {}, invoked: true, init } as unknown as Amplitude;
    });
    // An SDK the page loaded itself is used as it is. A second init (the page's snippet, another instance)
    // is harmless: the SDK ignores an init while one is running.
    if (typeof amplitude.runQueuedFunctions !== 'function') {
      const user = analytics?.user?.();
      amplitude.init(settings.apiKey, {
        serverZone: settings.serverZone,
        serverUrl: settings.serverUrl,
        minIdLength: settings.minIdLength,
        // Segment's ids from the start, so Amplitude's own session events carry them too.
        deviceId: toText(user?.anonymousId()),
        userId: toText(user?.id()),
        // Page views come from Segment's page calls: Amplitude's own would count them twice.
        autocapture: settings.autocapture && { pageViews: false },
      });
      await loadScript(settings.scriptUrl);
    }
    // The SDK assigns its API onto the stub and runs the queue as its script executes; calls made while
    // its init completes are queued inside the SDK, in order.
    return resolveWhen(
      () => {
        const sdk = readGlobal<Amplitude>(window, 'amplitude');
        return typeof sdk?.runQueuedFunctions === 'function' && sdk;
      },
      { what: 'window.amplitude to be the Amplitude SDK' },
    );
  },
  // Amplitude's documented opt-out: the SDK neither tracks nor uploads events (autocapture included) until it is lifted.
  consentChanged: (amplitude, _event, _settings, granted) => amplitude.setOptOut(!granted),
  track(amplitude, event) {
    const name = toText(event.event);
    if (!name) return;
    syncIds(amplitude, event);
    const properties = propertiesOf(event);
    amplitude.track(name, properties);
    const refund = name === 'Order Refunded';
    if (refund || name === 'Order Completed') logRevenue(amplitude, properties, refund);
  },
  identify(amplitude, event) {
    syncIds(amplitude, event);
    const identify = identifyOf(amplitude, traitsOf(event));
    if (identify) amplitude.identify(identify);
  },
  page(amplitude, event) {
    syncIds(amplitude, event);
    const properties = propertiesOf(event);
    // The page the call describes, not where the browser is when a buffered event is delivered.
    const page: Properties = { ...event.context?.page, ...properties };
    const url = toText(page.url);
    amplitude.track('[Amplitude] Page Viewed', {
      ...properties,
      '[Amplitude] Page Domain': url && /\/\/([^/?#:]+)/.exec(url)?.[1],
      '[Amplitude] Page Location': url,
      '[Amplitude] Page Path': toText(page.path),
      '[Amplitude] Page Title': toText(page.title),
      '[Amplitude] Page URL': url?.split('?')[0],
    });
  },
  group(amplitude, event, settings) {
    const groupId = toText(event.groupId);
    if (!groupId) return;
    syncIds(amplitude, event);
    amplitude.setGroup(settings.groupType, groupId);
    const identify = identifyOf(amplitude, traitsOf(event));
    if (identify) amplitude.groupIdentify(settings.groupType, groupId, identify);
  },
});
