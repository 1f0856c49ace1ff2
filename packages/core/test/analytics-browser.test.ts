// The example destination registered into a real AnalyticsBrowser (analytics-next 1.84.3) under jsdom.
import { AnalyticsBrowser } from '@segment/analytics-next';
import { defineDestination } from '../src';
import { acmeCalls, acmeDefinition, installAcme } from './example-destination';
import { resetPage, serveScripts } from './jsdom-scripts';

let stop: () => void = () => undefined;
const segmentRequests: string[] = [];

beforeEach(() => {
  resetPage(['acme']);
  acmeCalls.length = 0;
  segmentRequests.length = 0;
  // analytics-next posts to api.segment.io: answer locally, never reach the network.
  window.fetch = jest.fn(async (url: RequestInfo | URL) => {
    segmentRequests.push(String(url));
    return { ok: true, status: 200, json: async () => ({}), text: async () => '' } as Response;
  });
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  stop();
  jest.restoreAllMocks();
});

/** A second destination whose vendor throws on every call. */
const broken = defineDestination<Record<string, never>, object>({
  name: 'Broken',
  slug: 'broken',
  version: '0.0.1',
  settings: { type: 'object', properties: {} },
  load: () => ({}),
  track: () => {
    throw new Error('vendor exploded');
  },
  identify: () => {
    throw new Error('vendor exploded');
  },
});

async function loadAnalytics() {
  const [analytics] = await AnalyticsBrowser.load(
    { writeKey: 'test-write-key', cdnSettings: { integrations: { 'Segment.io': { apiKey: 'test-write-key' } } } },
    { initialPageview: false },
  );
  return analytics;
}

describe('a core destination inside real analytics-next', () => {
  it('is register()ed and receives identify, track, page, group and alias', async () => {
    stop = serveScripts({ 'https://cdn.acme.test/': { install: () => installAcme() } });
    const analytics = await loadAnalytics();
    await analytics.register(acmeDefinition()({ apiKey: 'abcd1234' }) as never);
    await analytics.identify('user-1', { plan: 'pro' });
    await analytics.track('Order Completed', { revenue: 42 });
    await analytics.page('Docs', 'Intro', { path: '/docs' });
    await analytics.group('org-9', { name: 'Org' });
    await analytics.alias('user-2', 'user-1');

    const methods = acmeCalls.map((call) => call[0]);
    expect(methods).toEqual(['identify', 'track', 'page', 'group', 'alias']);
    expect(acmeCalls[0]).toEqual(['identify', 'user-1', expect.objectContaining({ plan: 'pro' })]);
    expect(acmeCalls[1]).toEqual(['track', 'Order Completed', { revenue: 42 }]);
    expect(acmeCalls[2]?.[1]).toMatchObject({ path: '/docs' });
    expect(acmeCalls[3]).toEqual(['group', 'org-9', expect.objectContaining({ name: 'Org' })]);
    // analytics-next passes previousId through; see the contract notes on alias and userId.
    expect(acmeCalls[4]?.[2]).toBe('user-1');
    // Segment.io itself kept working, and was answered by the local stub.
    expect(segmentRequests.filter((url) => url.startsWith('https://api.segment.io/v1/')).length).toBeGreaterThanOrEqual(
      5,
    );
  });

  it("delivers every event the same when a second plugin's vendor throws", async () => {
    stop = serveScripts({ 'https://cdn.acme.test/': { install: () => installAcme() } });
    const analytics = await loadAnalytics();
    await analytics.register(acmeDefinition()({ apiKey: 'abcd1234' }) as never, broken({}) as never);
    const results = await Promise.all([analytics.track('A'), analytics.identify('u'), analytics.track('B')]);
    expect(results).toHaveLength(3);
    expect(acmeCalls.map((c) => (c[0] === 'track' ? c[1] : c[0]))).toEqual(['A', 'identify', 'B']);
    expect(console.error).toHaveBeenCalledWith(
      '[devicemode:broken] track "A" failed in the vendor call: vendor exploded',
    );
  });

  it('keeps the page working when a destination has invalid settings', async () => {
    const analytics = await loadAnalytics();
    await analytics.register(acmeDefinition()({}) as never);
    await expect(analytics.track('Still fine')).resolves.toBeDefined();
    expect(acmeCalls).toEqual([]);
  });
});
