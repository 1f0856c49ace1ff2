// Wire level: the CDN bundle loaded by analytics-next through remotePlugins, the real Browser SDK 2 served
// at the URL the destination loads, and what the SDK sends to Amplitude's HTTP API asserted.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { packageFile, readDestinationBundle, remotePlugin, startBrowserHarness } from '@devicemode/testing/browser';
import type { AnalyticsPage, BrowserHarness, CapturedRequest, DestinationBundle } from '@devicemode/testing/browser';

const TIMEOUT_MS = 40_000;
const API_KEY = 'fedcba9876543210fedcba9876543210';
const SDK_URL = 'https://cdn.amplitude.com/libs/analytics-browser-2.47.1-min.js.gz';

interface AmplitudeEvent {
  event_type: string;
  device_id?: string;
  user_id?: string;
  event_properties?: Record<string, unknown>;
  user_properties?: { $set?: Record<string, unknown> };
  groups?: Record<string, unknown>;
}
const eventsIn = (request: CapturedRequest): AmplitudeEvent[] =>
  (request.body as { events?: AmplitudeEvent[] } | undefined)?.events ?? [];

let harness: BrowserHarness;
/** A page where the real SDK answers at its CDN URL and Amplitude's APIs are captured. */
const openSdkPage = () =>
  harness.open({
    files: [{ url: SDK_URL, file: packageFile('@amplitude/analytics-browser', 'lib/scripts/amplitude-min.js') }],
    apis: [
      { url: 'https://api2.amplitude.com/', response: { body: '{"code":200}' } },
      // The SDK fetches its remote configuration; an empty one keeps the destination's options.
      { url: 'https://sr-client-cfg.amplitude.com/', response: { body: '{}' } },
    ],
  });
let bundle: DestinationBundle;
let session: AnalyticsPage;

beforeAll(async () => {
  bundle = readDestinationBundle(join(__dirname, '../dist/cdn/amplitude.js'), 'amplitudeDestination');
  harness = await startBrowserHarness();
}, TIMEOUT_MS);
afterAll(async () => {
  await session?.close();
  await harness?.close();
});

it(
  'the real SDK sends identify, track, revenue, page and group with the API key, the user id and Segment’s anonymous id',
  async () => {
    session = await openSdkPage();
    await session.load({
      remotePlugins: [
        remotePlugin(bundle, harness.serve(bundle), { name: 'Amplitude', settings: { apiKey: API_KEY } }),
      ],
    });
    expect(
      await session.send([
        ['identify', 'user-42', { email: 'ada@example.com', plan: 'pro' }],
        [
          'track',
          'Order Completed',
          {
            order_id: 'ord-1',
            revenue: 44,
            currency: 'EUR',
            products: [
              { product_id: 'p-1', name: 'Shoe', price: 30, quantity: 1 },
              { product_id: 'p-2', name: 'Sock', price: 7, quantity: 2 },
            ],
          },
        ],
        ['page', 'Shop', 'Trail shoes'],
        ['group', 'org-7', { name: 'Analytical Engines' }],
      ]),
    ).toEqual(['resolved', 'resolved', 'resolved', 'resolved']);
    const anonymousId = await session.page.evaluate(() =>
      (
        window as unknown as { __devicemodeAnalytics: { user: () => { anonymousId: () => string } } }
      ).__devicemodeAnalytics
        .user()
        .anonymousId(),
    );

    // The SDK sends every 10 s by default: ask it to flush (its public API) until the last event is out.
    const flushing = setInterval(() => {
      session.page
        .evaluate(() => (window as unknown as { amplitude?: { flush?: () => void } }).amplitude?.flush?.())
        .catch(() => undefined);
    }, 300);
    try {
      await session.waitForRequest(
        (request) => eventsIn(request).some((event) => event.event_type === '$groupidentify'),
        20_000,
      );
    } finally {
      clearInterval(flushing);
    }
    const sent = session.requests.filter((request) => request.url === 'https://api2.amplitude.com/2/httpapi');
    expect(sent.every((request) => (request.body as { api_key?: string }).api_key === API_KEY)).toBe(true);
    const events = sent.flatMap(eventsIn);
    // Every event, Amplitude's own included, carries Segment's anonymous id as device id.
    for (const event of events) expect(event.device_id).toBe(anonymousId);
    // Besides ours, the SDK's own init events only (its session start and its attribution identify, which
    // sets campaign properties): no page view of its own.
    const isSdkOwn = (event: AmplitudeEvent) =>
      event.event_type === 'session_start' ||
      (event.event_type === '$identify' && !event.groups && !('email' in (event.user_properties?.$set ?? {})));
    const ours = events.filter((event) => !isSdkOwn(event));
    for (const event of ours) expect(event.user_id).toBe('user-42');
    expect(events.filter(isSdkOwn).length).toBeLessThanOrEqual(2);

    expect(ours.map((event) => event.event_type)).toEqual([
      '$identify',
      'Order Completed',
      'revenue_amount',
      'revenue_amount',
      '[Amplitude] Page Viewed',
      '$identify',
      '$groupidentify',
    ]);
    expect(ours[0]!.user_properties).toEqual({ $set: { email: 'ada@example.com', plan: 'pro' } });
    expect(ours[1]!.event_properties).toMatchObject({ order_id: 'ord-1', revenue: 44, currency: 'EUR' });
    expect(ours.slice(2, 4).map((event) => event.event_properties)).toEqual([
      expect.objectContaining({ $productId: 'p-1', $price: 30, $quantity: 1, $currency: 'EUR', order_id: 'ord-1' }),
      expect.objectContaining({ $productId: 'p-2', $price: 7, $quantity: 2, $currency: 'EUR', order_id: 'ord-1' }),
    ]);
    expect(ours[4]!.event_properties).toMatchObject({
      '[Amplitude] Page Location': session.url,
      '[Amplitude] Page Domain': '127.0.0.1',
      name: 'Trail shoes',
      category: 'Shop',
    });
    // setGroup is an $identify with the group; the traits go to the group's own profile.
    expect(ours[5]!.groups).toEqual({ company: 'org-7' });
    expect(ours[6]).toMatchObject({ groups: { company: 'org-7' } });
    expect(session.vendorScripts).toEqual([SDK_URL]);
    expect(session.blocked).toEqual([]);
    expect(session.unexpectedErrors()).toEqual([]);
  },
  TIMEOUT_MS,
);

/** analytics-next options stamping the consent a CMP wrapper would (`context.consent.categoryPreferences`). */
const consent = (analytics: boolean) => ({ context: { consent: { categoryPreferences: { analytics } } } });

it(
  'the real SDK sends nothing once analytics consent is withdrawn, and sends again once it is given back',
  async () => {
    const page = await openSdkPage();
    type Sdk = { track(name: string): { promise: Promise<unknown> }; flush(): void };
    const amplitude = () => (window as unknown as { amplitude: Sdk }).amplitude;
    const flushing = setInterval(() => {
      page.page.evaluate(`(${amplitude})().flush()`).catch(() => undefined);
    }, 300);
    try {
      await page.load({
        remotePlugins: [
          remotePlugin(bundle, harness.serve(bundle), { name: 'Amplitude', settings: { apiKey: API_KEY } }),
        ],
      });
      // What the page's own code (or Amplitude's autocapture) sends straight through the SDK, bypassing Segment.
      // The SDK reads its opt-out when it processes an event, so each call is awaited until processed.
      const direct = (name: string) =>
        page.page.evaluate(`(${amplitude})().track(${JSON.stringify(name)}).promise.then((result) => result.message)`);
      await page.send([['track', 'Video Played', {}, consent(false)]]);
      expect(await direct('Played while withdrawn')).toMatch(/optOut/);
      await page.send([['track', 'Video Resumed', {}, consent(true)]]);
      await direct('Played after consent');

      await page.waitForRequest(
        (request) => eventsIn(request).some((event) => event.event_type === 'Played after consent'),
        20_000,
      );
      const names = page.requests.flatMap(eventsIn).map((event) => event.event_type);
      expect(names).toEqual(expect.arrayContaining(['Video Resumed', 'Played after consent']));
      expect(names).not.toContain('Played while withdrawn');
      expect(names).not.toContain('Video Played');
      expect(page.unexpectedErrors()).toEqual([]);
    } finally {
      clearInterval(flushing);
      await page.close();
    }
  },
  TIMEOUT_MS,
);

it(
  'lifts the opt-out the SDK kept from an earlier page once the first event grants consent',
  async () => {
    const page = await openSdkPage();
    const setup = {
      remotePlugins: [
        remotePlugin(bundle, harness.serve(bundle), { name: 'Amplitude', settings: { apiKey: API_KEY } }),
      ],
    };
    const flushing = setInterval(() => {
      page.page.evaluate('window.amplitude && window.amplitude.flush && window.amplitude.flush()').catch(() => {});
    }, 300);
    try {
      // The earlier page: consent withdrawn, so the SDK stores its opt-out (in its AMP_ cookie).
      await page.load(setup);
      await page.send([['track', 'Video Played', {}, consent(false)]]);
      // Stored once the SDK has processed the withdrawal: AMP_<key> = base64(URI-encoded JSON) with optOut.
      const storedOptOut = `(() => { const m = /AMP_[0-9a-f]+=([^;]+)/.exec(document.cookie);
        return !!m && JSON.parse(decodeURIComponent(atob(m[1]))).optOut === true; })()`;
      await page.page.waitForFunction(storedOptOut, null, { timeout: 10_000 });
      // The next page of the same visit: the SDK starts opted out; the first event grants consent again.
      await page.page.reload();
      await page.load(setup);
      // The SDK starts opted out (its AMP_ storage): a direct call before any consent event is skipped.
      await page.page.waitForFunction(
        'typeof window.amplitude?.getDeviceId === "function" && !!window.amplitude.getDeviceId()',
        null,
        { timeout: 10_000 },
      );
      const skipped = await page.page.evaluate(
        'window.amplitude.track("Played before consent").promise.then((result) => result.message)',
      );
      expect(skipped).toMatch(/optOut/);
      await page.send([['track', 'Video Resumed', {}, consent(true)]]);
      await page.waitForRequest((request) => eventsIn(request).some((e) => e.event_type === 'Video Resumed'), 20_000);
      expect(page.requests.flatMap(eventsIn).map((event) => event.event_type)).not.toContain('Video Played');
      expect(page.unexpectedErrors()).toEqual([]);
    } finally {
      clearInterval(flushing);
      await page.close();
    }
  },
  TIMEOUT_MS,
);
