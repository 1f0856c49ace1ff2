import { defineDestination, ensureGlobal, propertiesOf, readGlobal, toText, traitsOf } from '@devicemode/core';
import { version } from '../package.json';
import schema from '../settings.schema.json';
import type { Settings } from './settings';

/** A property value Heap accepts: its APIs take only strings and numbers. */
type HeapValue = string | number;
type HeapProperties = Record<string, HeapValue>;

/** `window.heap`: heap.js 5's snippet stub until the SDK loads and sets `loaded`. */
interface Heap {
  envId?: string;
  clientConfig?: Record<string, unknown>;
  loaded?: boolean;
  track: (event: string, properties?: HeapProperties) => void;
  identify: (identity: string) => void;
  addUserProperties: (properties: HeapProperties) => void;
  [method: string]: unknown;
}

/** An entry of `window.heapReadyCb`: the SDK runs `fn` once it is ready. */
interface ReadyCallback {
  name: string;
  fn: () => void;
}

// The methods heap.js 5's documented snippet queues before the SDK is ready.
const METHODS = (
  'init startTracking stopTracking track resetIdentity identify identifyHashed getSessionId getUserId getIdentity ' +
  'addUserProperties addEventProperties removeEventProperty clearEventProperties addAccountProperties addAdapter ' +
  'addTransformer addTransformerFn onReady addPageviewProperties removePageviewProperty clearPageviewProperties ' +
  'trackPageview'
).split(' ');

// Heap's documented limits: event names 255 characters, user property values 255, event property values 1024.
const NAME_LIMIT = 255;
const USER_VALUE_LIMIT = 255;
const EVENT_VALUE_LIMIT = 1024;

const isPlain = (value: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * Heap stores only strings and numbers: nested objects become dotted keys (`company.name`, `products.0.sku`),
 * lists of plain values Heap's own `a||b` form, booleans `"true"`/`"false"`; strings are cut to `limit`.
 */
function flatten(source: object, limit: number, prefix = '', out: HeapProperties = {}, depth = 0): HeapProperties {
  for (const [key, value] of Object.entries(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const name = prefix + key;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out[name] = value;
    } else if (typeof value === 'string' || typeof value === 'boolean') out[name] = String(value).slice(0, limit);
    else if (Array.isArray(value) && value.every(isPlain)) {
      if (value.length) out[name] = value.join('||').slice(0, limit);
    } else if (value && typeof value === 'object' && depth < 5) flatten(value, limit, `${name}.`, out, depth + 1);
  }
  return out;
}

/** Heap reserves `user_id` and every casing of `id` as user property names. */
const userProperties = (traits: object, limit: number): HeapProperties =>
  flatten(Object.fromEntries(Object.entries(traits).filter(([key]) => !/^(user_)?id$/i.test(key))), limit);

export const heapDestination = defineDestination<Settings, Heap>({
  name: 'Heap',
  slug: 'heap',
  version,
  settings: schema,
  consent: ['analytics'],
  async load({ window, settings, loadScript, resolveWhen }) {
    const ready = ensureGlobal<ReadyCallback[]>(window, 'heapReadyCb', () => []);
    const heap = ensureGlobal<Heap>(window, 'heap', () => [] as unknown as Heap);
    // What the snippet's heap.load() does, unless the page (or another instance) has loaded Heap already.
    if (!heap.envId && !heap.loaded) {
      heap.envId = settings.appId;
      heap.clientConfig = {
        disableTextCapture: settings.disableTextCapture,
        secureCookie: settings.secureCookie,
        shouldFetchServerConfig: false,
      };
      for (const name of METHODS) {
        heap[name] = (...args: unknown[]) =>
          void ready.push({
            name,
            fn: () => {
              const sdk = readGlobal<Heap>(window, 'heap');
              const method = sdk?.[name];
              if (typeof method === 'function') method.apply(sdk, args);
            },
          });
      }
    }
    // heap.js runs every queued callback once ready: ours tells us this page's Heap took over, even if
    // heap.js replaced the window.heap object we saw.
    let drained = false;
    ready.push({ name: 'onReady', fn: () => (drained = true) });
    await loadScript(
      settings.scriptUrl ?? `https://cdn.${settings.region}.heap-api.com/config/${settings.appId}/heap_config.js`,
    );
    return resolveWhen(
      () => {
        const sdk = readGlobal<Heap>(window, 'heap');
        return sdk?.loaded === true && (drained || sdk === heap) && sdk;
      },
      { what: 'window.heap to be the Heap SDK' },
    );
  },
  track(heap, event) {
    if (typeof event.event !== 'string' || !event.event) return;
    heap.track(event.event.slice(0, NAME_LIMIT), flatten(propertiesOf(event), EVENT_VALUE_LIMIT));
  },
  identify(heap, event) {
    const identity = toText(event.userId);
    // Heap refuses identities of 255 characters or more; cutting one could merge two users, so skip it.
    if (identity && identity.length < NAME_LIMIT) heap.identify(identity);
    const properties = userProperties(traitsOf(event), USER_VALUE_LIMIT);
    if (Object.keys(properties).length) heap.addUserProperties(properties);
  },
  // Heap groups users into accounts by a user property (Account > Manage > Features: Account ID).
  group(heap, event) {
    const traits = event.traits && typeof event.traits === 'object' ? event.traits : {};
    const properties = userProperties({ account_id: toText(event.groupId), account: traits }, USER_VALUE_LIMIT);
    if (Object.keys(properties).length) heap.addUserProperties(properties);
  },
});
