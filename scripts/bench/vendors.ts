// What each destination is compared with: Segment's production bundle of the same vendor (settings,
// subscriptions, vendor script URL), the getanalytics plugin, and the floor (one direct vendor call).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './sizes';

/** The event methods benchmarked. */
export const METHODS = ['track', 'identify', 'page'] as const;
export type Method = (typeof METHODS)[number];

/** How Segment's action destination of the same vendor is configured for the comparison. */
export interface SegmentCounterpart {
  /** Folder in `dist/web` (a key of `manifest-latest.json`) and in `dist/cjs/destinations`. */
  dir: string;
  /** Segment's settings from ours (the same account ids). */
  settings: (ours: Record<string, unknown>) => Record<string, unknown>;
  /** Actions added to Segment's presets so that track, identify and page are each handled (default mappings). */
  extra: { partnerAction: string; subscribe: string }[];
  /** Vendor script URL prefixes Segment's bundle loads that our emulator does not answer already. */
  scripts: string[];
}

/** Per destination: its counterparts and the floor, one direct vendor call per method (`w` window, `e` event). */
export interface VendorBench {
  segment?: SegmentCounterpart;
  /** getanalytics plugin package and its shipped minified browser file. */
  getanalytics?: { name: string; file: string };
  floor: Partial<Record<Method, string>>;
}

export const VENDORS: Record<string, VendorBench> = {
  'google-analytics-4': {
    segment: {
      dir: 'google-analytics-4-web',
      settings: (ours) => ({ measurementID: ours.measurementId }),
      // The preset covers page and identify; e-commerce and custom events need their own actions.
      extra: [
        { partnerAction: 'purchase', subscribe: 'type = "track" and event = "Order Completed"' },
        { partnerAction: 'customEvent', subscribe: 'type = "track" and event != "Order Completed"' },
      ],
      scripts: [],
    },
    getanalytics: { name: '@analytics/google-analytics', file: 'dist/@analytics/google-analytics.min.js' },
    floor: {
      track: "w.gtag('event', 'purchase', e.properties)",
      identify: "w.gtag('set', { user_id: e.userId })",
      page: "w.gtag('event', 'page_view', e.properties)",
    },
  },
  heap: {
    segment: {
      dir: 'heap',
      settings: (ours) => ({ appId: ours.appId }),
      extra: [],
      scripts: ['https://cdn.heapanalytics.com/js/'],
    },
    floor: { track: 'w.heap.track(e.event, e.properties)', identify: 'w.heap.identify(e.userId)' },
  },
  hubspot: {
    segment: { dir: 'hubspot-web', settings: (ours) => ({ portalId: ours.portalId }), extra: [], scripts: [] },
    getanalytics: { name: '@analytics/hubspot', file: 'dist/@analytics/hubspot.min.js' },
    floor: {
      track: "w._hsq.push(['trackCustomBehavioralEvent', { name: e.event, properties: e.properties }])",
      identify: "w._hsq.push(['identify', e.traits])",
      page: "w._hsq.push(['trackPageView'])",
    },
  },
  intercom: {
    segment: { dir: 'intercom', settings: (ours) => ({ appId: ours.appId }), extra: [], scripts: [] },
    floor: {
      track: "w.Intercom('trackEvent', e.event, e.properties)",
      identify: "w.Intercom('update', Object.assign({ user_id: e.userId }, e.traits))",
      page: "w.Intercom('update', {})",
    },
  },
  fullstory: {
    segment: {
      dir: 'fullstory',
      settings: (ours) => ({ orgId: ours.orgId }),
      extra: [{ partnerAction: 'viewedPage', subscribe: 'type = "page"' }],
      scripts: [],
    },
    floor: {
      track: "w.FS('trackEvent', { name: e.event, properties: e.properties })",
      identify: "w.FS('setIdentity', { uid: e.userId, properties: e.traits })",
      page: "w.FS('setProperties', { type: 'page', properties: e.properties })",
    },
  },
  mixpanel: {
    floor: {
      track: 'w.mixpanel.track(e.event, e.properties)',
      identify: 'w.mixpanel.identify(e.userId)',
      page: 'w.mixpanel.track_pageview(e.properties)',
    },
  },
  amplitude: {
    floor: {
      track: 'w.amplitude.track(e.event, e.properties)',
      identify: "w.amplitude.identify(new w.amplitude.Identify().set('plan', e.traits.plan))",
      page: "w.amplitude.track('[Amplitude] Page Viewed', e.properties)",
    },
  },
  'meta-pixel': {
    floor: {
      track: "w.fbq('trackCustom', e.event, e.properties)",
      identify: "w.fbq('init', '1234567890123', { external_id: e.userId })",
      page: "w.fbq('track', 'PageView')",
    },
  },
};

const SEGMENT_PACKAGE = join(ROOT, 'node_modules/@segment/browser-destinations');
/** Where the page fetches Segment's files from (answered locally): the production layout of its CDN. */
export const SEGMENT_CDN = 'https://cdn.segment.com/next-integrations/actions/';

/** One of Segment's CDN files, on disk and at its CDN URL. */
export interface SegmentFile {
  file: string;
  url: string;
}

/** Segment's production bundle of a vendor, as the page loads it. */
export interface SegmentBundle {
  dir: string;
  /** Catalog name (`Heap Web (Actions)`), the remote plugin's name and creationName. */
  name: string;
  /** The window global its factory is assigned to, read from the file. */
  libraryName: string;
  bundle: SegmentFile;
  /** The shared chunk it loads on first use (webpack `e(<id>)`), read from the file. */
  chunk?: SegmentFile;
  /** Settings with Segment's defaults and `subscriptions` for track, identify and page. */
  settings: Record<string, unknown>;
  /** The actions subscribed, for the report. */
  subscriptions: { partnerAction: string; subscribe: string }[];
}

interface SegmentDefinition {
  name: string;
  settings?: Record<string, { default?: unknown }>;
  presets?: { partnerAction: string; subscribe: string; mapping?: Record<string, unknown> }[];
  actions: Record<string, { fields: Record<string, unknown> }>;
}

export const segmentVersion = (): string =>
  (JSON.parse(readFileSync(join(SEGMENT_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;

/** Reads Segment's bundle for a vendor: file, global, shared chunk, and equivalent settings. */
export function segmentBundle(counterpart: SegmentCounterpart, ours: Record<string, unknown>): SegmentBundle {
  const web = join(SEGMENT_PACKAGE, 'dist/web');
  const manifest = JSON.parse(readFileSync(join(web, 'manifest-latest.json'), 'utf8')) as Record<string, string>;
  const hashed = manifest[counterpart.dir];
  if (!hashed)
    throw new Error(`${counterpart.dir} is not in @segment/browser-destinations dist/web/manifest-latest.json`);
  const code = readFileSync(join(web, counterpart.dir, hashed), 'utf8');
  const global = /window(?:\["([\w-]+)"\]|\.([\w$]+))=\w+\.default/.exec(code);
  if (!global) throw new Error(`cannot find the window global in ${counterpart.dir}/${hashed}`);
  // webpack's runtime: `o.e(688)` loads chunk 688 from `<publicPath>688/<hash>.js` (`o.u=e=>e+"/<hash>.js"`).
  const chunkId = /\b\w\.e\((\d+)\)/.exec(code)?.[1];
  const chunkFile = /\b\w\.u=\w=>\w\+"\/([\w.]+\.js)"/.exec(code)?.[1];
  const chunk =
    chunkId && chunkFile && existsSync(join(web, chunkId, chunkFile))
      ? { file: join(web, chunkId, chunkFile), url: `${SEGMENT_CDN}${chunkId}/${chunkFile}` }
      : undefined;

  // The definition (CommonJS build) gives the presets, default mappings and setting defaults.
  const require = createRequire(join(SEGMENT_PACKAGE, 'package.json'));
  const { defaultValues } = require('@segment/actions-core') as {
    defaultValues: (fields: Record<string, unknown>) => Record<string, unknown>;
  };
  const { destination } = require(join(SEGMENT_PACKAGE, 'dist/cjs/destinations', counterpart.dir, 'index.js')) as {
    destination: SegmentDefinition;
  };
  const subscriptions = [
    ...(destination.presets ?? []).map(({ partnerAction, subscribe, mapping }) => ({
      partnerAction,
      subscribe,
      mapping: mapping ?? defaultValues(destination.actions[partnerAction]!.fields),
    })),
    ...counterpart.extra.map(({ partnerAction, subscribe }) => {
      const action = destination.actions[partnerAction];
      if (!action) throw new Error(`${destination.name} has no action ${partnerAction}`);
      return { partnerAction, subscribe, mapping: defaultValues(action.fields) };
    }),
  ].map((subscription) => ({ ...subscription, name: subscription.partnerAction, enabled: true }));
  const defaults = Object.fromEntries(
    Object.entries(destination.settings ?? {})
      .filter(([, setting]) => setting.default !== undefined)
      .map(([key, setting]) => [key, setting.default]),
  );
  return {
    dir: counterpart.dir,
    name: destination.name,
    libraryName: global[1] ?? global[2]!,
    bundle: { file: join(web, counterpart.dir, hashed), url: `${SEGMENT_CDN}${counterpart.dir}/${hashed}` },
    chunk,
    // This version's generatePlugins filters `settings.subscriptions` as an array (Segment's CDN settings
    // carry a JSON string that its newer runtime parses); an array is what this bundle can run.
    settings: { ...defaults, ...counterpart.settings(ours), subscriptions },
    subscriptions: subscriptions.map(({ partnerAction, subscribe }) => ({ partnerAction, subscribe })),
  };
}
