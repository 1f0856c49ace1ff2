import {
  defineDestination,
  ensureGlobal,
  isObject,
  mapEventName,
  propertiesOf,
  readGlobal,
  toText,
  traitsOf,
} from '@devicemode/core';
import { version } from '../package.json';
import schema from '../settings.schema.json';
import type { Settings } from './settings';

/** `window._hsq`: an array of commands; once loaded, the tracking code replaces its `push` to run them at once. */
interface CommandQueue {
  push: (command: unknown[]) => unknown;
}

/** What the handlers use: one command pusher, and the page HubSpot tracked by itself when its code loaded. */
interface HubSpot {
  push: (...command: unknown[]) => void;
  landing: string | undefined;
}

type Properties = Record<string, string | number | boolean>;

/** `Order Completed`, `firstName` → `order_completed`, `first_name`: HubSpot internal names are `[a-z0-9_]`, letter first. */
const snake = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');

const isPlain = (value: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof value);

/** HubSpot properties are flat: nested keys join with `_` (`products_0_sku`), lists of plain values with `;`. */
function flatten(source: object, prefix = '', out: Properties = {}, depth = 0): Properties {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}_${key}` : key;
    const name = snake(path);
    if (!name || value === null || value === undefined) continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out[name] = value;
    } else if (isPlain(value)) out[name] = value as string | boolean;
    else if (Array.isArray(value) && value.every(isPlain)) {
      if (value.length) out[name] = value.join(';');
    } else if (typeof value === 'object' && depth < 5) flatten(value, path, out, depth + 1);
  }
  return out;
}

// HubSpot's default contact properties for Segment's Spec traits (after snake_case).
const CONTACT_NAMES: Record<string, string> = {
  first_name: 'firstname',
  last_name: 'lastname',
  postal_code: 'zip',
  street: 'address',
};

/** Spec traits → HubSpot contact properties: `company` is its name, `address` fields are top-level contact fields. */
function contactProperties(traits: Record<string, unknown>): Properties {
  const { company, address, id: _id, ...rest } = traits;
  const out = flatten(rest);
  if (isObject(address)) flatten(address, '', out);
  const companyName = toText(isObject(company) ? company.name : company);
  if (companyName) out.company = companyName;
  for (const [from, to] of Object.entries(CONTACT_NAMES)) {
    if (from in out) {
      out[to] = out[from] as string;
      delete out[from];
    }
  }
  return out;
}

export const hubspotDestination = defineDestination<Settings, HubSpot>({
  name: 'HubSpot',
  slug: 'hubspot',
  version,
  settings: schema,
  // HubSpot's own consent banner files its tracking cookies under "analytics".
  consent: ['analytics'],
  async load({ window, settings, loadScript, resolveWhen }) {
    const queue = ensureGlobal<CommandQueue>(window, '_hsq', (): unknown[][] => []);
    const host = settings.region === 'na1' ? 'js' : `js-${settings.region}`;
    // The embed code's id: HubSpot checks it before injecting its loader again.
    await loadScript(settings.scriptUrl ?? `https://${host}.hs-scripts.com/${settings.portalId}.js`, {
      attributes: { id: 'hs-script-loader' },
    });
    await resolveWhen(() => readGlobal(window, '_hsq') === queue && queue.push !== Array.prototype.push, {
      what: 'window._hsq to be the HubSpot tracking code',
    });
    return {
      // The tracking code tracks the page it loads on by itself.
      landing: window.location.pathname + window.location.search,
      push: (...command) => void queue.push(command),
    };
  },
  // SPA page views as HubSpot documents them: setPath, then trackPageView. The first page() of a page load
  // usually repeats the view HubSpot already tracked when its code loaded: that one is skipped.
  page(hubspot, event) {
    const page = { ...event.context?.page, ...propertiesOf(event) } as Record<string, unknown>;
    const path = `${toText(page.path) ?? '/'}${toText(page.search) ?? ''}`.replace(/^(?!\/)/, '/');
    const landing = hubspot.landing;
    hubspot.landing = undefined;
    if (path === landing) return;
    hubspot.push('setPath', path);
    hubspot.push('trackPageView');
  },
  // HubSpot's documented opt-out: a do-not-track cookie that stops all tracking by this code. HubSpot documents
  // no call to lift it (only removing the cookie does), so consent given again is not passed on.
  consentChanged(hubspot, _event, _settings, granted) {
    if (!granted) hubspot.push('doNotTrack');
  },
  // HubSpot identifies by email (creates or updates the contact) or by an external id (`id`, no contact created).
  identify(hubspot, event, settings) {
    const traits = traitsOf(event);
    const properties = contactProperties(traits);
    const id = toText(event.userId);
    if (id) properties.id = id;
    if (typeof traits.email !== 'string' && !id) return;
    hubspot.push('identify', properties);
    if (settings.trackPageViewOnIdentify) hubspot.push('trackPageView');
  },
  // Custom behavioral events (trackEvent is deprecated): `pe<HubID>_<internal name>`, flat properties.
  track(hubspot, event, settings) {
    const name = event.event;
    if (typeof name !== 'string') return;
    // Only the customer's eventMap: HubSpot has no built-in names for Spec events.
    const mapped = mapEventName(name, {}, settings.eventMap);
    const internal = mapped ?? snake(name).slice(0, 50);
    if (!internal) return;
    hubspot.push('trackCustomBehavioralEvent', {
      // Only a mapped name may be fully qualified: an unmapped `PE5 Launch` is this portal's `pe5_launch`.
      name: mapped && /^pe\d+_/.test(mapped) ? mapped : `pe${settings.portalId}_${internal}`,
      properties: flatten(propertiesOf(event)),
    });
  },
});
