import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { SegmentEvent } from '@devicemode/core';
import { call, dispatch, resetPage, runFixture, runFixtureTable, serveVendor, settle, spec } from '@devicemode/testing';
import { intercomDestination } from '../src';
import { emulator } from './emulator';
import { plan } from './plan';

runFixtureTable(plan);

/** A page view of `url`, as analytics-next stamps it. */
const pageAt = (url: string): SegmentEvent => {
  const event = spec.page();
  return { ...event, context: { ...event.context, page: { ...event.context?.page, url } } };
};

describe('Intercom: page views', () => {
  it('skips the page view of the URL the boot already logged, then logs each new URL once', async () => {
    const { calls } = await runFixture(plan, {
      events: [
        pageAt(window.location.href),
        pageAt('https://shop.example.com/a'),
        pageAt('https://shop.example.com/a#top'),
      ],
    });
    expect(calls).toEqual([call('Intercom', 'update')]);
  });
});

describe('Intercom: the update throttle (20 calls per 30 minutes)', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('spends at most 15 updates on page views, so identify and group still get through', async () => {
    const pages = Array.from({ length: 20 }, (_, i) => pageAt(`https://shop.example.com/p${i}`));
    const { calls } = await runFixture(plan, { events: [...pages, spec.identify('user-42', { plan: 'pro' })] });
    expect(calls).toEqual([
      ...Array.from({ length: 15 }, () => call('Intercom', 'update')),
      call('Intercom', 'update', { plan: 'pro', user_id: 'user-42' }),
    ]);
  });

  it('logs page views again once the 30-minute window has passed', async () => {
    resetPage();
    const vendor = serveVendor(emulator);
    try {
      const plugin = intercomDestination(plan.settings);
      await plugin.load({}, undefined);
      const loaded = vendor.calls.length;
      for (let i = 0; i < 16; i++) dispatch(plugin, pageAt(`https://shop.example.com/p${i}`));
      expect(vendor.calls.length - loaded).toBe(15);
      const later = Date.now() + 31 * 60_000;
      jest.spyOn(Date, 'now').mockReturnValue(later);
      dispatch(plugin, pageAt('https://shop.example.com/after'));
      await settle();
      expect(vendor.calls.length - loaded).toBe(16);
    } finally {
      vendor.stop();
    }
  });
});

describe('Intercom: a Messenger the page installed itself', () => {
  it('is used as it is: booted, not replaced', async () => {
    resetPage();
    const received: unknown[][] = [];
    const own = (...args: unknown[]): void => void received.push(args);
    (window as unknown as { Intercom: unknown }).Intercom = own;
    const vendor = serveVendor({ ...emulator, install: () => undefined });
    try {
      const plugin = intercomDestination(plan.settings);
      await plugin.load({}, undefined);
      dispatch(plugin, spec.track('Report Exported', {}));
      await settle();
      expect((window as unknown as { Intercom: unknown }).Intercom).toBe(own);
      expect(received).toEqual([
        ['boot', { app_id: 'abc12345', api_base: 'https://api-iam.intercom.io' }],
        ['trackEvent', 'Report Exported', {}],
      ]);
    } finally {
      vendor.stop();
    }
  });
});

describe('Intercom: the Messenger script', () => {
  it('loads from widget.intercom.io with the workspace ID, or from scriptUrl', async () => {
    resetPage();
    const vendor = serveVendor(emulator);
    try {
      await intercomDestination(plan.settings).load({}, undefined);
      expect(vendor.requested).toEqual(['https://widget.intercom.io/widget/abc12345']);
    } finally {
      vendor.stop();
    }
    resetPage();
    const proxied = serveVendor({ ...emulator, scripts: ['https://cdn.example.com/'] });
    try {
      await intercomDestination({ ...plan.settings, scriptUrl: 'https://cdn.example.com/intercom/widget.js' }).load(
        {},
        undefined,
      );
      expect(proxied.requested).toEqual(['https://cdn.example.com/intercom/widget.js']);
    } finally {
      proxied.stop();
    }
  });
});
