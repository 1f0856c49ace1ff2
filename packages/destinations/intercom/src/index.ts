import {
  currencyOf,
  defineDestination,
  ensureGlobal,
  isObject,
  omit,
  propertiesOf,
  readGlobal,
  toNumber,
  toText,
  traitsOf,
  valueOf,
} from '@devicemode/core';
import { version } from '../package.json';
import schema from '../settings.schema.json';
import type { Settings } from './settings';

/** `window.Intercom`: the official snippet's stub (`q` queue, `c` collector) until the Messenger replaces it. */
interface Intercom {
  (command: string, ...args: unknown[]): void;
  q?: unknown[][];
  c?: (args: unknown[]) => void;
}

/**
 * What the handlers share: the Messenger, the URL it last logged, when `update` was last called, the boot
 * settings, and whether it was shut down when consent was withdrawn.
 */
interface Messenger {
  ic: Intercom;
  url: string | undefined;
  updates: number[];
  boot: Data;
  off?: boolean;
}

type Data = Record<string, unknown>;

// Intercom throttles `update` after 20 calls per 30 minutes; page views may use 15 of them so that
// identify and group (which carry data) still get through.
const THROTTLE_WINDOW_MS = 30 * 60_000;
const PAGE_UPDATES = 15;

/** Strings, finite numbers and booleans: the only attribute values Intercom stores (no nested objects). */
const flat = (source: Data, skip: readonly string[] = []): Data =>
  Object.fromEntries(
    Object.entries(omit(source, skip)).filter(
      ([, value]) => typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value),
    ),
  );

/**
 * Unix seconds from an ISO date, a Date, or a timestamp in seconds or milliseconds; NaN for anything else,
 * which `flat` drops with the other values Intercom cannot store.
 */
function unixSeconds(value: unknown): number {
  const n = toNumber(value) ?? (typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : NaN);
  return Math.floor(n > 1e11 ? n / 1000 : n);
}

/** Intercom's company object; `company_id` is required, so no id means no company. */
function companyOf(id: unknown, traits: Data): Data | undefined {
  const company_id = toText(id);
  if (company_id === undefined) return undefined;
  return {
    ...flat(traits, ['id', 'createdAt', 'employees', 'monthlySpend']),
    // Spec group traits in Intercom's names; Intercom's own names (size, created_at…) pass as they are.
    ...flat({
      company_id,
      created_at: unixSeconds(traits.createdAt),
      size: toNumber(traits.employees),
      monthly_spend: toNumber(traits.monthlySpend),
    }),
  };
}

/** Event metadata within Intercom's limits: 20 keys, strings ≤ 255 characters, no nested objects. */
function metadataOf(properties: Data): Data {
  const out: Data = {};
  const value = valueOf(properties);
  // Intercom's monetary amount type: an integer number of cents and a currency.
  if (value !== undefined)
    out.price = { amount: Math.round(value * 100), currency: currencyOf(properties).toLowerCase() };
  for (const [key, item] of Object.entries(omit(properties, value === undefined ? [] : ['price', 'currency']))) {
    if (Object.keys(out).length >= 20) break;
    // Characters Intercom refuses in metadata keys.
    if (/[.$~`!@#%^&*'{}|\\"\0]/.test(key)) continue;
    if (typeof item === 'string') out[key] = item.slice(0, 255);
    else if (typeof item === 'boolean') out[key] = String(item);
    else if (Number.isFinite(item)) out[key] = item;
    // Intercom's rich link type ({ url, value }) is the one object kept.
    else if (isObject(item) && typeof item.url === 'string' && typeof item.value === 'string')
      out[key] = { url: item.url, value: item.value };
  }
  return out;
}

/**
 * `update` calls within Intercom's throttle window. Pruned on every call and capped at what the page
 * rule needs, so it stays small however many identify/group calls a page makes.
 */
const recentUpdates = (m: Messenger): number[] => {
  const now = Date.now();
  return (m.updates = m.updates.filter((at) => now - at < THROTTLE_WINDOW_MS).slice(-PAGE_UPDATES));
};

const update = (m: Messenger, ...data: Data[]): void => {
  recentUpdates(m).push(Date.now());
  m.ic('update', ...data);
};

const withoutHash = (url: unknown): string | undefined => toText(url)?.split('#')[0];

export const intercomDestination = defineDestination<Settings, Messenger>({
  name: 'Intercom',
  slug: 'intercom',
  version,
  settings: schema,
  // The Messenger is a support/chat feature of the site, not measurement.
  consent: ['functional'],
  async load({ window, settings, loadScript, resolveWhen }) {
    const intercom = ensureGlobal<Intercom>(window, 'Intercom', () => {
      const i: Intercom = (...args: unknown[]) => i.c!(args);
      i.q = [];
      i.c = (args) => void i.q!.push(args);
      return i;
    });
    const boot = flat({
      app_id: settings.appId,
      // Intercom's regional Messenger API hosts: api-iam.intercom.io, api-iam.eu…, api-iam.au….
      api_base: `https://api-iam.${settings.region === 'US' ? '' : `${settings.region.toLowerCase()}.`}intercom.io`,
      hide_default_launcher: settings.hideDefaultLauncher || undefined,
      custom_launcher_selector: settings.customLauncherSelector,
    });
    intercom('boot', boot);
    await loadScript(settings.scriptUrl ?? `https://widget.intercom.io/widget/${settings.appId}`);
    const ic = await resolveWhen(
      () => {
        const current = readGlobal<Intercom>(window, 'Intercom');
        // Ready once no snippet stub (ours or the page's) is left: the Messenger replaces it on load,
        // and a Messenger already on the page is used as it is.
        return typeof current === 'function' && !(current.q && current.c) && current;
      },
      { what: 'window.Intercom to be the Intercom SDK' },
    );
    return { ic, url: withoutHash(window.location.href), updates: [], boot };
  },
  // Consent withdrawn: `shutdown`, Intercom's documented way to end the Messenger session and clear its
  // cookies. Given again: `boot` as load did (only after a shutdown: booting twice would restart the session).
  consentChanged(m, _event, _settings, granted) {
    if (!granted) m.ic('shutdown');
    else if (m.off) m.ic('boot', m.boot);
    m.off = !granted;
  },
  identify(m, event) {
    const traits = traitsOf(event);
    const first = toText(traits.firstName);
    const last = toText(traits.lastName);
    const company = isObject(traits.company) ? companyOf(traits.company.id, traits.company) : undefined;
    const avatar = toText(traits.avatar);
    // Identity verification comes in the event's options: `integrations: { Intercom: { user_hash } }`.
    const options = isObject(event.integrations) && event.integrations.Intercom;
    update(m, {
      ...flat(traits, ['createdAt', 'created_at', 'firstName', 'lastName', 'id', 'avatar']),
      ...flat({
        user_id: toText(event.userId),
        name: toText(traits.name) ?? (first && last ? `${first} ${last}` : (first ?? last)),
        created_at: unixSeconds(traits.createdAt ?? traits.created_at),
      }),
      ...(company && { company }),
      ...(avatar && { avatar: { type: 'avatar', image_url: avatar } }),
      ...(isObject(options) && flat({ user_hash: options.user_hash, intercom_user_jwt: options.intercom_user_jwt })),
    });
  },
  group(m, event) {
    const company = companyOf(event.groupId, traitsOf(event));
    if (company) update(m, { ...flat({ user_id: toText(event.userId) }), company });
  },
  track(m, event) {
    if (typeof event.event === 'string' && event.event)
      m.ic('trackEvent', event.event, metadataOf(propertiesOf(event)));
  },
  // `update` makes the Messenger log the current URL and look for messages: Intercom's documented call
  // for SPA route changes. Skipped for the URL already logged (boot logs the first page).
  page(m, event) {
    const url = withoutHash(event.context?.page?.url);
    if (url !== undefined && url === m.url) return;
    if (recentUpdates(m).length >= PAGE_UPDATES) return;
    m.url = url;
    update(m);
  },
});
