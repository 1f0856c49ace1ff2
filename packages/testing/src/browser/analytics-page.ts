// One page of the harness: analytics-next loaded by the page, driven from the test through evaluate().
import type { Page } from 'playwright-core';
import type { VendorCall } from '../emulator';
import { unexpectedErrors } from './page-errors';
import type { PageNetwork } from './page-network';
import { waitUntil } from './wait-until';
import type { AnalyticsCall, AnalyticsPage, AnalyticsSetup, PageError, Settlement } from './types';

/** What the page itself holds (the in-page halves of the functions below read and write these). */
interface PageGlobals {
  AnalyticsBrowser: {
    load: (settings: unknown, options?: unknown) => Promise<[PageAnalytics, unknown]>;
  };
  __devicemodeAnalytics?: PageAnalytics;
  __devicemodeCalls?: VendorCall[];
  [factory: string]: unknown;
}
interface PageAnalytics {
  ready: () => Promise<unknown>;
  register: (...plugins: unknown[]) => Promise<unknown>;
  [method: string]: unknown;
}

/** The page's default write key (it only names the source in Segment's requests). */
export const TEST_WRITE_KEY = 'devicemode-test';

/** Wraps an opened page and its network record into the {@link AnalyticsPage} API. */
export function analyticsPage(
  page: Page,
  url: string,
  network: PageNetwork,
  errors: PageError[],
  close: () => Promise<void>,
): AnalyticsPage {
  const vendorCalls = (): Promise<VendorCall[]> =>
    page.evaluate(() => (window as unknown as PageGlobals).__devicemodeCalls ?? []);

  return {
    page,
    url,
    errors,
    requests: network.requests,
    segmentRequests: network.segmentRequests,
    blocked: network.blocked,
    vendorScripts: network.vendorScripts,
    vendorCalls,
    close,
    unexpectedErrors: (allowed) => unexpectedErrors(errors, allowed),

    load: (setup: AnalyticsSetup = {}) =>
      page.evaluate(
        async ({ writeKey, remotePlugins = [], integrations = {}, plugins = [], register = [], options = {} }) => {
          const globals = window as unknown as PageGlobals;
          const factory = (name: string): ((settings?: unknown) => unknown) => {
            const value = globals[name];
            if (typeof value !== 'function') {
              throw new Error(
                `[devicemode:browser] window.${name} is not a destination factory: add its bundle to harness.open({ scripts })`,
              );
            }
            return value as (settings?: unknown) => unknown;
          };
          const [analytics] = await globals.AnalyticsBrowser.load(
            {
              writeKey,
              cdnSettings: { integrations: { 'Segment.io': { apiKey: writeKey }, ...integrations }, remotePlugins },
              plugins: plugins.map(factory),
            },
            options,
          );
          globals.__devicemodeAnalytics = analytics;
          for (const { libraryName, settings } of register) {
            // A load() that rejects is the destination's to report (through its logger), not the harness's.
            await analytics.register(factory(libraryName)(settings)).catch(() => undefined);
          }
        },
        { writeKey: TEST_WRITE_KEY, ...setup },
      ),

    ready: (timeoutMs = 5000) =>
      page.evaluate(
        ({ timeoutMs }) =>
          Promise.race([
            (window as unknown as PageGlobals).__devicemodeAnalytics!.ready().then(
              () => 'resolved' as const,
              () => 'rejected' as const,
            ),
            new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), timeoutMs)),
          ]),
        { timeoutMs },
      ),

    send: (calls: AnalyticsCall[], timeoutMs = 5000): Promise<Settlement[]> =>
      page.evaluate(
        ({ calls, timeoutMs }) => {
          const analytics = (window as unknown as PageGlobals).__devicemodeAnalytics;
          if (!analytics) throw new Error('[devicemode:browser] call load() before send()');
          const pending = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), timeoutMs));
          // All calls are made at once, in order (analytics-next keeps that order); then each is awaited.
          const promises = calls.map(([method, ...args]) =>
            (analytics[method] as (...args: unknown[]) => Promise<unknown>)(...args),
          );
          return Promise.all(
            promises.map((promise) =>
              Promise.race([
                promise.then(
                  () => 'resolved' as const,
                  () => 'rejected' as const,
                ),
                pending,
              ]),
            ),
          );
        },
        { calls, timeoutMs },
      ),

    waitForVendorCalls: (predicate, timeoutMs = 5000) => {
      let seen: VendorCall[] = [];
      return waitUntil(
        async () => {
          seen = await vendorCalls();
          return predicate(seen) ? seen : undefined;
        },
        timeoutMs,
        () => `the vendor calls never matched; they were ${JSON.stringify(seen)}`,
      );
    },

    waitForRequest: (predicate, timeoutMs = 5000) =>
      waitUntil(
        () => network.requests.find(predicate),
        timeoutMs,
        () =>
          `no captured request matched; requests: ${JSON.stringify(network.requests.map((r) => `${r.method} ${r.url}`))}` +
          `, blocked: ${JSON.stringify(network.blocked)}`,
      ),
  };
}
