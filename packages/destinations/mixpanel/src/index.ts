import {
  currencyOf,
  defineDestination,
  ensureGlobal,
  omit,
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

/** `window.mixpanel`: the snippet's stub until the SDK replaces it with the loaded instance. */
interface Mixpanel {
  /** Set by the SDK once the instance is initialised. */
  __loaded?: boolean;
  /** The stub's queue of `init` calls: `[token, config, name]`. */
  _i?: unknown[][];
  init(token: string, config: Properties): void;
  track(name: string, properties: Properties): void;
  track_pageview(properties: Properties): void;
  identify(userId: string): void;
  alias(alias: string, original?: string): void;
  register(properties: Properties): void;
  reset(): void;
  get_property(name: string): unknown;
  set_group(key: string, id: string): void;
  get_group(key: string, id: string): { set(properties: Properties): void };
  people: { set(properties: Properties): void };
  opt_out_tracking(options: { delete_user: boolean }): void;
  opt_in_tracking(options: { track: () => void }): void;
}

/** The region's ingestion host, `https://api-<js|eu|in>.mixpanel.com`. */
const API_HOSTS = { US: 'js', EU: 'eu', IN: 'in' };

/** Spec traits → Mixpanel's reserved profile properties (shown in its UI and used by cohort syncs). */
const PROFILE: Record<string, string> = {
  email: '$email',
  firstName: '$first_name',
  lastName: '$last_name',
  name: '$name',
  phone: '$phone',
  avatar: '$avatar',
  createdAt: '$created',
};

const profileOf = (traits: Properties): Properties => {
  const profile: Properties = {};
  for (const [key, value] of Object.entries(omit(traits, []))) {
    profile[Object.prototype.hasOwnProperty.call(PROFILE, key) ? (PROFILE[key] as string) : key] = value;
  }
  return profile;
};

/**
 * Keeps Mixpanel's ids in step with Segment's before each call: the anonymous id becomes `$device_id`
 * (Simplified ID Merge derives anonymous distinct ids from it), a known user id is identified, and a
 * new anonymous id without a user (Segment's `reset()` on logout) resets Mixpanel too.
 */
function syncIds(mixpanel: Mixpanel, event: SegmentEvent, withUser = true): void {
  const userId = toText(event.userId);
  const deviceId = toText(event.anonymousId);
  if (deviceId && mixpanel.get_property('$device_id') !== deviceId) {
    if (!userId && withUser && mixpanel.get_property('$user_id')) mixpanel.reset();
    // Anonymous distinct ids are `$device:<device id>`, as the SDK makes its own.
    mixpanel.register(
      mixpanel.get_property('$user_id')
        ? { $device_id: deviceId }
        : { $device_id: deviceId, distinct_id: `$device:${deviceId}` },
    );
  }
  if (userId && withUser && mixpanel.get_property('$user_id') !== userId) mixpanel.identify(userId);
}

export const mixpanelDestination = defineDestination<Settings, Mixpanel>({
  name: 'Mixpanel',
  slug: 'mixpanel',
  version,
  settings: schema,
  consent: ['analytics'],
  async load({ window, settings, loadScript, resolveWhen }) {
    // The official snippet's stub: an array that queues `init` in `_i` until the SDK reads it.
    const mixpanel = ensureGlobal(window, 'mixpanel', () => {
      const _i: unknown[][] = [];
      const init = (token: string, config: Properties): void => void _i.push([token, config, 'mixpanel']);
      return Object.assign([], { _i, __SV: 1.2, people: [], init }) as unknown as Mixpanel;
    });
    // A Mixpanel the page loaded itself is used as it is: the SDK cannot initialise its main instance twice.
    let sdk = mixpanel.__loaded ? mixpanel : undefined;
    // Another init already queued (the page's snippet, another instance): wait for whatever it loads.
    const own = !sdk && !mixpanel._i?.length;
    if (own) {
      mixpanel.init(settings.token, {
        api_host: settings.apiHost ?? `https://api-${API_HOSTS[settings.region]}.mixpanel.com`,
        persistence: settings.persistence,
        // Page views come from Segment's page calls: Mixpanel's own would count them twice.
        track_pageview: false,
        // The SDK calls it with the instance made from this init: ready means ours, not any Mixpanel.
        loaded: (instance: Mixpanel) => void (sdk = instance),
      });
    }
    if (!sdk) await loadScript(settings.scriptUrl);
    return resolveWhen(
      () => {
        const loaded = readGlobal<Mixpanel>(window, 'mixpanel');
        return sdk ?? (!own && loaded?.__loaded && loaded);
      },
      { what: 'window.mixpanel to be the Mixpanel SDK' },
    );
  },
  track(mixpanel, event) {
    const name = toText(event.event);
    if (!name) return;
    syncIds(mixpanel, event);
    const properties = propertiesOf(event);
    mixpanel.track(
      name,
      name === 'Order Completed'
        ? { ...properties, revenue: valueOf(properties), currency: currencyOf(properties) }
        : properties,
    );
  },
  identify(mixpanel, event, settings) {
    syncIds(mixpanel, event);
    const traits = traitsOf(event);
    if (settings.people && Object.keys(traits).length) mixpanel.people.set(profileOf(traits));
  },
  page(mixpanel, event) {
    syncIds(mixpanel, event);
    const properties = propertiesOf(event);
    // The page the call describes, not where the browser is when a buffered event is delivered.
    const page: Properties = { ...event.context?.page, ...properties };
    mixpanel.track_pageview({
      ...omit(properties, ['url', 'path', 'search', 'title', 'referrer']),
      $current_url: toText(page.url),
      $referrer: toText(page.referrer),
      current_page_title: toText(page.title),
      current_url_path: toText(page.path),
      current_url_search: toText(page.search),
    });
  },
  group(mixpanel, event, settings) {
    const groupId = toText(event.groupId);
    if (!groupId) return;
    syncIds(mixpanel, event);
    // set_group also writes the group to the user profile; without People it is a super property only.
    if (settings.people) mixpanel.set_group(settings.groupKey, groupId);
    else mixpanel.register({ [settings.groupKey]: [groupId] });
    const traits = omit(traitsOf(event), []);
    if (Object.keys(traits).length) mixpanel.get_group(settings.groupKey, groupId).set(traits);
  },
  // Mixpanel's documented opt-out: the SDK sends nothing more and clears its cookie until opt-in. Not the
  // default delete_user: withdrawing consent must not delete the user's Mixpanel profile. Opting in again
  // tracks no `$opt_in` event: the consent change is the site's own event, delivered right after.
  consentChanged(mixpanel, _event, _settings, granted) {
    if (granted) mixpanel.opt_in_tracking({ track: () => undefined });
    else mixpanel.opt_out_tracking({ delete_user: false });
  },
  alias(mixpanel, event, settings) {
    const alias = toText(event.userId);
    if (!settings.alias || !alias) return;
    // Identifying first would make the alias a no-op: only the device id is synced.
    syncIds(mixpanel, event, false);
    mixpanel.alias(alias, toText(event.previousId));
  },
});
