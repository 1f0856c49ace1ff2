// Wire level with real vendor SDKs: the SDK's browser build from node_modules is served at the vendor's
// CDN URL, and what it sends to the vendor's API is captured, decoded and asserted.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { packageFile, startBrowserHarness } from '@devicemode/testing/browser';
import type { AnalyticsPage, BrowserHarness, CapturedRequest } from '@devicemode/testing/browser';
import { BROWSER_TIMEOUT_MS } from './browser-destinations';

const LIB_URL = 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js';
const AMPLITUDE_URL = 'https://cdn.amplitude.com/script/amplitude-min.js';

interface MixpanelEvent {
  event: string;
  properties: Record<string, unknown>;
}
/** A Mixpanel /track request holds one event or a batch of them in `data=`. */
const eventsIn = (request: CapturedRequest): MixpanelEvent[] => {
  const data = (request.body as { data?: MixpanelEvent | MixpanelEvent[] } | undefined)?.data;
  return data === undefined ? [] : ([] as MixpanelEvent[]).concat(data);
};

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
}, BROWSER_TIMEOUT_MS);
afterAll(() => harness?.close());

describe('mixpanel-browser (form-encoded JSON in data=)', () => {
  let session: AnalyticsPage;
  beforeAll(async () => {
    session = await harness.open({
      files: [{ url: LIB_URL, file: packageFile('mixpanel-browser', 'dist/mixpanel.min.js') }],
      apis: [{ url: 'https://api-js.mixpanel.com/', response: { body: '{"status":1,"error":null}' } }],
    });
  }, BROWSER_TIMEOUT_MS);
  afterAll(() => session?.close());

  it(
    'sends the event name, its properties, the token and the identified distinct id',
    async () => {
      // The official snippet, pointed at the https URL the harness answers (on http pages it would use http:).
      await session.page.evaluate((url) => Object.assign(window, { MIXPANEL_CUSTOM_LIB_URL: url }), LIB_URL);
      await session.page.addScriptTag({ path: packageFile('mixpanel-browser', 'dist/mixpanel-jslib-snippet.min.js') });
      await session.page.evaluate(() => {
        type Mixpanel = {
          init: (...a: unknown[]) => void;
          identify: (id: string) => void;
          track: (...a: unknown[]) => void;
        };
        const mixpanel = (window as unknown as { mixpanel: Mixpanel }).mixpanel;
        mixpanel.init('mp-token-123', { batch_requests: false, track_pageview: false });
        mixpanel.identify('user-42');
        mixpanel.track('Order Completed', { order_id: 'ord-1', revenue: 158.9, currency: 'EUR' });
      });

      const request = await session.waitForRequest((request) =>
        eventsIn(request).some((event) => event.event === 'Order Completed'),
      );
      expect(request.method).toBe('POST');
      expect(request.url).toMatch(/^https:\/\/api-js\.mixpanel\.com\/track\/?\?/);
      const event = eventsIn(request).find((event) => event.event === 'Order Completed')!;
      expect(event.properties).toMatchObject({
        order_id: 'ord-1',
        revenue: 158.9,
        currency: 'EUR',
        token: 'mp-token-123',
        distinct_id: 'user-42',
      });
      expect(session.vendorScripts).toEqual([LIB_URL]);
      expect(session.blocked).toEqual([]);
      expect(session.unexpectedErrors()).toEqual([]);
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe('@amplitude/analytics-browser (JSON)', () => {
  let session: AnalyticsPage;
  beforeAll(async () => {
    session = await harness.open({
      files: [
        { url: AMPLITUDE_URL, file: packageFile('@amplitude/analytics-browser', 'lib/scripts/amplitude-min.js') },
      ],
      apis: [
        { url: 'https://api2.amplitude.com/', response: { body: '{"code":200}' } },
        // The SDK also fetches its remote configuration; an empty one keeps the local settings.
        { url: 'https://sr-client-cfg.amplitude.com/', response: { body: '{}' } },
      ],
    });
  }, BROWSER_TIMEOUT_MS);
  afterAll(() => session?.close());

  it(
    'sends the event type, its properties, the API key and the user id',
    async () => {
      await session.page.addScriptTag({ url: AMPLITUDE_URL });
      await session.page.evaluate(() => {
        type Amplitude = { init: (...a: unknown[]) => void; track: (...a: unknown[]) => void };
        const amplitude = (window as unknown as { amplitude: Amplitude }).amplitude;
        amplitude.init('amp-key-123', 'user-42', { flushIntervalMillis: 50, autocapture: false });
        amplitude.track('Order Completed', { order_id: 'ord-1', revenue: 158.9 });
      });

      type Body = { api_key: string; events: { event_type: string; user_id: string; event_properties: object }[] };
      const request = await session.waitForRequest((request) =>
        Boolean((request.body as Body | undefined)?.events?.some((event) => event.event_type === 'Order Completed')),
      );
      const body = request.body as Body;
      expect(request.url).toBe('https://api2.amplitude.com/2/httpapi');
      expect(body.api_key).toBe('amp-key-123');
      expect(body.events.find((event) => event.event_type === 'Order Completed')).toMatchObject({
        user_id: 'user-42',
        event_properties: { order_id: 'ord-1', revenue: 158.9 },
      });
      expect(session.blocked).toEqual([]);
      expect(session.unexpectedErrors()).toEqual([]);
    },
    BROWSER_TIMEOUT_MS,
  );
});
