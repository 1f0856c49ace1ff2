// Wire level: the CDN bundle loaded by analytics-next through remotePlugins, the real mixpanel-browser
// SDK served at the URL the destination loads, and what the SDK sends to Mixpanel's API asserted.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { packageFile, readDestinationBundle, remotePlugin, startBrowserHarness } from '@devicemode/testing/browser';
import type { AnalyticsPage, BrowserHarness, CapturedRequest, DestinationBundle } from '@devicemode/testing/browser';

const TIMEOUT_MS = 40_000;
const TOKEN = '0123456789abcdef0123456789abcdef';
const LIB_URL = 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js';

interface Mixpanel {
  track(name: string): void;
}
interface MixpanelEvent {
  event: string;
  properties: Record<string, unknown>;
}
/** A /track request holds one event or a batch of them in `data=`. */
const eventsIn = (request: CapturedRequest): MixpanelEvent[] => {
  const data = (request.body as { data?: MixpanelEvent | MixpanelEvent[] } | undefined)?.data;
  return data === undefined ? [] : ([] as MixpanelEvent[]).concat(data);
};
/** An /engage request holds one profile update or a batch of them in `data=`. */
const updatesIn = (request: CapturedRequest): Record<string, unknown>[] => {
  const data = (request.body as { data?: object | object[] } | undefined)?.data;
  return data === undefined ? [] : ([] as Record<string, unknown>[]).concat(data as Record<string, unknown>);
};

let harness: BrowserHarness;
/** A page where the real SDK answers at its CDN URL and Mixpanel's API is captured. */
const openSdkPage = () =>
  harness.open({
    files: [{ url: LIB_URL, file: packageFile('mixpanel-browser', 'dist/mixpanel.min.js') }],
    apis: [{ url: 'https://api-js.mixpanel.com/', response: { body: '{"status":1,"error":null}' } }],
  });
let bundle: DestinationBundle;
let session: AnalyticsPage;

beforeAll(async () => {
  bundle = readDestinationBundle(join(__dirname, '../dist/cdn/mixpanel.js'), 'mixpanelDestination');
  harness = await startBrowserHarness();
}, TIMEOUT_MS);
afterAll(async () => {
  await session?.close();
  await harness?.close();
});

it(
  'the real SDK sends identify, track and page with the token, the user id and Segment’s anonymous id',
  async () => {
    session = await openSdkPage();
    await session.load({
      remotePlugins: [remotePlugin(bundle, harness.serve(bundle), { name: 'Mixpanel', settings: { token: TOKEN } })],
    });
    expect(
      await session.send([
        ['identify', 'user-42', { email: 'ada@example.com', plan: 'pro' }],
        ['track', 'Order Completed', { order_id: 'ord-1', total: 20.5, currency: 'eur' }],
        ['page', 'Shop', 'Trail shoes'],
      ]),
    ).toEqual(['resolved', 'resolved', 'resolved']);
    const anonymousId = await session.page.evaluate(() =>
      (
        window as unknown as { __devicemodeAnalytics: { user: () => { anonymousId: () => string } } }
      ).__devicemodeAnalytics
        .user()
        .anonymousId(),
    );

    // The SDK batches: its first flush comes about 5 s after the events.
    const seen = (name: string) => (request: CapturedRequest) => eventsIn(request).some((e) => e.event === name);
    await session.waitForRequest(seen('$mp_web_page_view'), 20_000);
    const events = session.requests.flatMap(eventsIn);
    const byName = (name: string) => events.find((event) => event.event === name)?.properties;

    expect(session.requests.every((request) => request.url.startsWith('https://api-js.mixpanel.com/'))).toBe(true);
    expect(byName('$identify')).toMatchObject({ token: TOKEN, distinct_id: 'user-42', $user_id: 'user-42' });
    expect(byName('Order Completed')).toMatchObject({
      token: TOKEN,
      order_id: 'ord-1',
      revenue: 20.5,
      currency: 'EUR',
      distinct_id: 'user-42',
      $user_id: 'user-42',
      $device_id: anonymousId,
    });
    expect(byName('$mp_web_page_view')).toMatchObject({
      token: TOKEN,
      distinct_id: 'user-42',
      $device_id: anonymousId,
      $current_url: session.url,
      current_page_title: expect.any(String),
      name: 'Trail shoes',
      category: 'Shop',
    });

    const profile = await session.waitForRequest((request) => updatesIn(request).some((u) => '$set' in u), 20_000);
    expect(updatesIn(profile).find((update) => '$set' in update)).toMatchObject({
      $token: TOKEN,
      $distinct_id: 'user-42',
      $set: { $email: 'ada@example.com', plan: 'pro' },
    });

    expect(session.vendorScripts).toEqual([LIB_URL]);
    expect(session.blocked).toEqual([]);
    expect(session.unexpectedErrors()).toEqual([]);
  },
  TIMEOUT_MS,
);

/** analytics-next options stamping the consent a CMP wrapper would (`context.consent.categoryPreferences`). */
const consent = (analytics: boolean) => ({ context: { consent: { categoryPreferences: { analytics } } } });

it(
  'the real SDK sends nothing once analytics consent is withdrawn, and sends again (without $opt_in) once it is given back',
  async () => {
    const page = await openSdkPage();
    try {
      await page.load({
        remotePlugins: [remotePlugin(bundle, harness.serve(bundle), { name: 'Mixpanel', settings: { token: TOKEN } })],
      });
      // What the page's own code (or Mixpanel's autocapture) sends straight through the SDK, bypassing Segment.
      const direct = (name: string) =>
        page.page.evaluate((name) => (window as unknown as { mixpanel: Mixpanel }).mixpanel.track(name), name);
      await page.send([['track', 'Video Played', {}, consent(false)]]);
      await direct('Played while withdrawn');
      await page.send([['track', 'Video Resumed', {}, consent(true)]]);
      await direct('Played after consent');

      await page.waitForRequest((request) => eventsIn(request).some((e) => e.event === 'Played after consent'), 20_000);
      const names = page.requests.flatMap(eventsIn).map((event) => event.event);
      expect(names).toEqual(expect.arrayContaining(['Video Resumed', 'Played after consent']));
      expect(names).not.toContain('Played while withdrawn');
      expect(names).not.toContain('Video Played');
      expect(names).not.toContain('$opt_in');
      expect(page.unexpectedErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  },
  TIMEOUT_MS,
);

it(
  'lifts an opt-out the SDK kept from an earlier page once the first event grants consent',
  async () => {
    const page = await openSdkPage();
    try {
      // What opt_out_tracking() left in this browser on an earlier page: the SDK reads it back at init.
      await page.page.evaluate((token) => localStorage.setItem(`__mp_opt_in_out_${token}`, '0'), TOKEN);
      await page.load({
        remotePlugins: [remotePlugin(bundle, harness.serve(bundle), { name: 'Mixpanel', settings: { token: TOKEN } })],
      });
      await page.send([['track', 'Video Resumed', {}, consent(true)]]);
      await page.waitForRequest((request) => eventsIn(request).some((e) => e.event === 'Video Resumed'), 20_000);
      expect(await page.page.evaluate((token) => localStorage.getItem(`__mp_opt_in_out_${token}`), TOKEN)).toBe('1');
      expect(page.unexpectedErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  },
  TIMEOUT_MS,
);
