// Public types of @devicemode/testing/browser, in one place.
import type { BrowserContext, Page } from 'playwright-core';
import type { Fault, VendorCall, VendorEmulator } from '../emulator';

/** A destination's CDN bundle: script text that assigns the factory to `window[libraryName]`. */
export interface DestinationBundle {
  /** The global the bundle assigns, e.g. `beaconDestination`. */
  libraryName: string;
  /** The script text. */
  code: string;
}

/** One entry of `cdnSettings.remotePlugins`, as analytics-next reads it. */
export interface RemotePluginSetting {
  name: string;
  creationName: string;
  url: string;
  libraryName: string;
  settings: Record<string, unknown>;
}

/** A vendor script URL answered by a {@link VendorEmulator} (with an optional fault). */
export interface EmulatedVendor {
  emulator: VendorEmulator;
  /** @default 'none' */
  fault?: Fault;
  /** Milliseconds before the script (or its 404) arrives, as over a real network. @default 0 */
  delayMs?: number;
}

/** A vendor script URL answered with a real file (a vendor SDK from node_modules, for wire-level tests). */
export interface ServedFile {
  /** URL prefix the file answers, e.g. `https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js`. */
  url: string;
  /** Absolute path of the file (see `packageFile`). */
  file: string;
  /** @default 'text/javascript' */
  contentType?: string;
}

/** What a captured vendor API request is answered with. */
export interface ApiResponse {
  /** @default 200 */
  status?: number;
  /** @default '{}' */
  body?: string;
  /** @default 'application/json' */
  contentType?: string;
}

/** Vendor API hosts whose requests are captured, decoded and answered locally. */
export interface CapturedApi {
  /** URL prefix, e.g. `https://api-js.mixpanel.com/`. */
  url: string;
  /** The answer (Mixpanel's `/track` expects `1` or `{"status":1}`, most accept `{}`). */
  response?: ApiResponse;
}

/** A request the page sent to a captured API (or to Segment's API), body decoded. */
export interface CapturedRequest {
  method: string;
  url: string;
  /** Query parameters; values that hold JSON (plain or base64, as Mixpanel's `data=`) are decoded. */
  query: Record<string, unknown>;
  headers: Record<string, string>;
  /**
   * The body, decoded: JSON → value; form-encoded → an object of fields, each decoded like a query
   * value; gzip → inflated first; anything else → the text. `undefined` without a body.
   */
  body: unknown;
  /** The raw body as text (latin1 for binary bodies). */
  rawBody: string;
}

/** An error the page reported. */
export interface PageError {
  /** `uncaught`: an exception or unhandled rejection reached the page; `console`: `console.error`. */
  source: 'uncaught' | 'console';
  message: string;
  /** True for the emulator's own deliberate failures (the message contains `EMULATED_FAILURE`). */
  deliberate: boolean;
}

/** Options of `startBrowserHarness`. */
export interface HarnessOptions {
  /** Chromium binary. @default process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' */
  executablePath?: string;
  /** Where `@segment/analytics-next` is resolved from for the page bundle. @default process.cwd() */
  resolveDir?: string;
}

/** Options of `harness.open()`: what the page's outgoing requests meet. */
export interface PageOptions {
  /** Vendor script URLs answered by emulators. */
  vendors?: EmulatedVendor[];
  /** Vendor script URLs answered with real files. */
  files?: ServedFile[];
  /** Vendor API prefixes whose requests are captured. */
  apis?: CapturedApi[];
  /** Destination bundles added to the page before any test code runs (npm paths: factories on window). */
  scripts?: DestinationBundle[];
}

/** A call on the analytics instance: `['track', 'Order Completed', { … }]`. */
export type AnalyticsCall = [method: 'track' | 'identify' | 'page' | 'group' | 'alias' | 'screen', ...args: unknown[]];

/** How a promise settled within the allowed time. */
export type Settlement = 'resolved' | 'rejected' | 'pending';

/** How `analytics` is created in the page. */
export interface AnalyticsSetup {
  /** @default 'devicemode-test' */
  writeKey?: string;
  /** `cdnSettings.remotePlugins`. */
  remotePlugins?: RemotePluginSetting[];
  /** Merged into `cdnSettings.integrations` (which always holds `Segment.io`). */
  integrations?: Record<string, unknown>;
  /** Globals holding factories, passed as `AnalyticsBrowser.load({ plugins })` (each needs a remotePlugins entry). */
  plugins?: string[];
  /**
   * The second argument of `AnalyticsBrowser.load` (analytics-next's InitOptions), e.g.
   * `{ integrations: { 'Google Analytics 4': false } }`: the site-side switch that keeps a remote plugin
   * from loading. (`integrations` above only fills `cdnSettings.integrations`.)
   */
  options?: Record<string, unknown>;
  /** Plugins created from a global factory and passed to `analytics.register()` once loaded. */
  register?: { libraryName: string; settings: unknown }[];
}

/** One page with analytics-next, its network answered locally. */
export interface AnalyticsPage {
  page: Page;
  /** The page's URL on the harness server. */
  url: string;
  /** Errors the page reported so far. */
  errors: PageError[];
  /** Requests to the captured vendor APIs, in order. */
  requests: CapturedRequest[];
  /** analytics-next's requests to `api.segment.io`, in order. */
  segmentRequests: CapturedRequest[];
  /** URLs the page tried to reach that nothing answers: they were aborted. */
  blocked: string[];
  /** URLs of vendor scripts the page requested. */
  vendorScripts: string[];
  /** Runs `AnalyticsBrowser.load()` in the page; resolves when it has (not when destinations are ready). */
  load: (setup?: AnalyticsSetup) => Promise<void>;
  /** How `analytics.ready()` settled within `timeoutMs` (default 5000). */
  ready: (timeoutMs?: number) => Promise<Settlement>;
  /** Makes the calls in order and reports how each promise settled within `timeoutMs` (default 5000). */
  send: (calls: AnalyticsCall[], timeoutMs?: number) => Promise<Settlement[]>;
  /** Vendor calls recorded by emulators (`window.__devicemodeCalls`). */
  vendorCalls: () => Promise<VendorCall[]>;
  /** Waits until `predicate` holds for the vendor calls; resolves with them, or rejects with what was seen. */
  waitForVendorCalls: (predicate: (calls: VendorCall[]) => boolean, timeoutMs?: number) => Promise<VendorCall[]>;
  /** Waits for a captured request matching `predicate`; rejects with the requests seen so far. */
  waitForRequest: (predicate: (request: CapturedRequest) => boolean, timeoutMs?: number) => Promise<CapturedRequest>;
  /** Uncaught errors and console errors that are neither deliberate nor matched by `allowed`. */
  unexpectedErrors: (allowed?: RegExp[]) => PageError[];
  close: () => Promise<void>;
}

/** A running harness: one Chromium and one local server, shared by a test file. */
export interface BrowserHarness {
  context: BrowserContext;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Serves a destination bundle; returns its URL (stable per content). */
  serve: (bundle: DestinationBundle) => string;
  /** Opens a fresh page (storage cleared) with analytics-next ready to load. */
  open: (options?: PageOptions) => Promise<AnalyticsPage>;
  /** Requests no page could be found for (service workers…): aborted. */
  blocked: string[];
  /** Closes every page, Chromium, the server, and removes the profile directory. */
  close: () => Promise<void>;
}
