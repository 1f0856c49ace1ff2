import {
  defineDestination,
  ensureGlobal,
  mapEventName,
  propertiesOf,
  readGlobal,
  traitsOf,
  valueOf,
  currencyOf,
} from '@devicemode/core';
import { settingsJsonSchema } from '@devicemode/core/settings-json';
import { settings, type Settings } from './settings';

/** Beacon's global: a function that queues calls until its script has loaded. */
interface Beacon {
  (command: string, ...args: unknown[]): void;
  q?: unknown[][];
  loaded?: boolean;
}

const STANDARD_EVENTS = { 'Order Completed': 'purchase', 'Signed Up': 'signup' } as const;

export const beaconDestination = defineDestination<Settings, Beacon>({
  name: 'Beacon',
  slug: 'beacon',
  version: '1.0.0',
  // A real destination imports its generated settings.schema.json; the example generates it inline.
  settings: settingsJsonSchema(settings),
  consent: ['analytics'],
  async load({ window, settings, loadScript, resolveWhen }) {
    const stub = ensureGlobal<Beacon>(window, 'beacon', () => {
      const queue: Beacon = (...args) => void queue.q!.push(args);
      queue.q = [];
      return queue;
    });
    stub('init', settings.siteId);
    await loadScript(settings.scriptUrl);
    return resolveWhen(() => readGlobal<Beacon>(window, 'beacon')?.loaded && readGlobal<Beacon>(window, 'beacon'), {
      what: 'window.beacon to be the Beacon SDK',
    });
  },
  track(beacon, event, settings) {
    const properties = propertiesOf(event);
    const standard = mapEventName(event.event, STANDARD_EVENTS, settings.eventMap);
    if (standard === 'purchase') beacon('purchase', { value: valueOf(properties), currency: currencyOf(properties) });
    else if (standard) beacon(standard, properties);
    else beacon('track', event.event, properties);
  },
  identify: (beacon, event) => beacon('identify', event.userId, traitsOf(event)),
  page: (beacon, event) => beacon('page', event.context?.page?.url, event.name),
});
