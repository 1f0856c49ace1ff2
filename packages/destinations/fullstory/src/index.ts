import { defineDestination, ensureGlobal, omit, propertiesOf, readGlobal, toText, traitsOf } from '@devicemode/core';
import { version } from '../package.json';
import schema from '../settings.schema.json';
import type { Settings } from './settings';

/**
 * FullStory's global (`window.FS` by default): the official snippet's function, which queues
 * `[operation, options, source, resolve, reject, apiVersion]` on `q` until fs.js installs `_api`.
 */
interface FullStory {
  (operation: string, options?: unknown, source?: string): unknown;
  q?: unknown[][];
  _api?: (...args: unknown[]) => unknown;
}

const DEFAULT_SCRIPT = 'https://edge.fullstory.com/s/fs.js';
// Segment page properties FullStory already captures itself for every page.
const CAPTURED = ['name', 'path', 'referrer', 'search', 'title', 'url'];

const isFullStory = (value: unknown): value is FullStory =>
  typeof value === 'function' && !!((value as FullStory).q || (value as FullStory)._api);

export const fullstoryDestination = defineDestination<Settings, FullStory>({
  name: 'FullStory',
  slug: 'fullstory',
  version,
  settings: schema,
  // Session recording and product analytics.
  consent: ['analytics'],
  async load({ window, settings, loadScript, resolveWhen }) {
    const { namespace, orgId } = settings;
    // As the official snippet does, refuse a namespace another script already uses.
    if (namespace in window && !isFullStory(readGlobal(window, namespace)))
      throw new Error(`window.${namespace} is used by another script: set a different namespace`);
    // An org ID ending in a data center other than na1 (o-XXXX-eu1) is served from that region's hosts,
    // and fs.js must be fetched from there: FullStory's own SDK derives the hosts the same way.
    const region = /^o-[^-]+-([a-z]{2,3}\d+)$/.exec(orgId)?.[1];
    const regional = region && region !== 'na1' ? `${region}.` : '';
    const script =
      settings.scriptUrl === DEFAULT_SCRIPT
        ? `https://edge.${regional}fullstory.com/s/fs${settings.debug ? '-debug' : ''}.js`
        : settings.scriptUrl;
    const fs = ensureGlobal<FullStory>(window, namespace, () => {
      const globals = window as unknown as Record<string, unknown>;
      globals._fs_host = settings.host === 'fullstory.com' ? `${regional}fullstory.com` : settings.host;
      globals._fs_script = script.slice('https://'.length);
      globals._fs_org = orgId;
      globals._fs_namespace = namespace;
      const stub: FullStory = (operation, options, source) =>
        stub._api
          ? stub._api(operation, options, source, undefined, undefined, 2)
          : (stub.q!.push([operation, options, source, undefined, undefined, 2]), null);
      stub.q = [];
      return stub;
    });
    await loadScript(script, { crossOrigin: 'anonymous' });
    return resolveWhen(() => fs._api && fs, { what: `window.${namespace} to be the FullStory API` });
  },
  identify(fs, event) {
    const traits = traitsOf(event);
    const properties = omit(traits, []);
    const first = toText(traits.firstName);
    const last = toText(traits.lastName);
    // FullStory shows `displayName` in session lists and on the user card.
    const displayName = toText(traits.name) ?? (first && last ? `${first} ${last}` : (first ?? last));
    if (displayName) properties.displayName = displayName;
    const uid = toText(event.userId);
    // FullStory asks not to identify anonymous visitors: their traits become user properties.
    if (uid) fs('setIdentity', { uid, properties });
    else if (Object.keys(properties).length) fs('setProperties', { type: 'user', properties });
  },
  track(fs, event) {
    // FullStory rejects empty event names and names longer than 250 characters.
    const name = toText(event.event)?.slice(0, 250);
    if (name) fs('trackEvent', { name, properties: omit(propertiesOf(event), []) });
  },
  // FullStory's documented opt-out: shutdown stops capture on this page, restart resumes it.
  consentChanged(fs, _event, _settings, granted) {
    fs(granted ? 'restart' : 'shutdown');
  },
  page(fs, event, settings) {
    const properties = omit(propertiesOf(event), CAPTURED);
    const pageName = toText(event.name);
    if (settings.pageName && pageName) properties.pageName = pageName;
    if (Object.keys(properties).length) fs('setProperties', { type: 'page', properties });
  },
});
