import { describe, expect, it } from '@jest/globals';
import { createSpec, resetPage, runFixture, runFixtureTable } from '@devicemode/testing';
import type { SegmentEvent } from '@devicemode/core';
import { plan } from './plan';

runFixtureTable(plan);

/** A page call made after the SPA navigated to `path`. */
const pageAt = (path: string, title: string, referrer: string): SegmentEvent => {
  const event = createSpec({ userId: null }).page(title, {});
  const page = { path, referrer, search: '', title, url: `https://shop.example.com${path}` };
  return { ...event, properties: { ...page, name: title }, context: { ...event.context, page } };
};

describe('Mixpanel: SPA page sequence', () => {
  it('each page view carries the URL, title and referrer of its own call', async () => {
    const { calls } = await runFixture(plan, {
      events: [
        pageAt('/shop', 'Shop', 'https://search.example.org/'),
        pageAt('/shop/cart', 'Cart', 'https://shop.example.com/shop'),
      ],
    });
    const views = calls.filter(([name]) => name === 'mixpanel.track_pageview').map(([, props]) => props);
    expect(views).toEqual([
      expect.objectContaining({
        $current_url: 'https://shop.example.com/shop',
        $referrer: 'https://search.example.org/',
        current_page_title: 'Shop',
      }),
      expect.objectContaining({
        $current_url: 'https://shop.example.com/shop/cart',
        $referrer: 'https://shop.example.com/shop',
        current_page_title: 'Cart',
      }),
    ]);
  });
});

describe('Mixpanel: a page that already runs Mixpanel', () => {
  it('is used as it is: no second init, no second script', async () => {
    resetPage();
    const calls: unknown[][] = [];
    const existing = {
      __loaded: true,
      get_property: () => undefined,
      register: (props: unknown) => calls.push(['register', props]),
      track: (name: string, props: unknown) => calls.push(['track', name, props]),
      identify: () => undefined,
    };
    (window as unknown as Record<string, unknown>).mixpanel = existing;
    const plugin = plan.destination(plan.settings);
    await plugin.load({}, undefined);
    plugin.track?.({ event: createSpec({ userId: null }).track('Cart Viewed', { cart_id: 'c1' }) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.scripts).toHaveLength(0);
    expect(calls).toEqual([
      ['register', { $device_id: 'anon-5c2f9e', distinct_id: '$device:anon-5c2f9e' }],
      ['track', 'Cart Viewed', { cart_id: 'c1' }],
    ]);
  });
});
