// What the harness itself promises: nothing leaves the machine, errors are told apart, pages are
// isolated, and a missing Chromium fails loudly with the fix instead of skipping.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBrowserHarness } from '@devicemode/testing/browser';
import type { BrowserHarness } from '@devicemode/testing/browser';
import { EMULATED_FAILURE } from '../src/emulator';
import { BROWSER_TIMEOUT_MS } from './browser-destinations';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
}, BROWSER_TIMEOUT_MS);
afterAll(() => harness?.close());

describe('nothing leaves the machine', () => {
  it(
    'every request that is not to 127.0.0.1 and that nothing answers is aborted and recorded',
    async () => {
      const session = await harness.open();
      try {
        expect(harness.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const outcome = await session.page.evaluate(async () => {
          const image = new Image();
          const imageDone = new Promise((resolve) => (image.onerror = image.onload = resolve));
          image.src = 'http://tracker.example/pixel.gif?id=1';
          await imageDone;
          return fetch('https://example.com/collect', { method: 'POST', body: 'x' }).then(
            () => 'answered',
            () => 'failed',
          );
        });
        expect(outcome).toBe('failed');
        expect(session.blocked).toEqual(['http://tracker.example/pixel.gif?id=1', 'https://example.com/collect']);
        // The page's own origin is served, not routed.
        expect(await session.page.evaluate(() => fetch('/analytics-next.js').then((r) => r.status))).toBe(200);
      } finally {
        await session.close();
      }
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe('page errors', () => {
  it(
    'tells the emulator’s deliberate failures from real ones; an uncaught error is never excused',
    async () => {
      const session = await harness.open();
      try {
        await session.page.evaluate((deliberate) => {
          setTimeout(() => {
            throw new Error(deliberate);
          });
          setTimeout(() => {
            throw new Error('[devicemode:beacon] a real bug');
          });
          void Promise.reject(new Error('lost rejection'));
          console.error('[devicemode:beacon] load failed: timed out');
        }, `${EMULATED_FAILURE}: init`);
        await session.page.waitForTimeout(100);
        expect(session.errors.filter((error) => error.deliberate)).toHaveLength(1);
        const unexpected = session.unexpectedErrors([/^\[devicemode:beacon\]/]).map((error) => error.message);
        expect(unexpected).toEqual([
          expect.stringContaining('[devicemode:beacon] a real bug'),
          expect.stringContaining('lost rejection'),
        ]);
        expect(session.unexpectedErrors()).toHaveLength(3);
      } finally {
        await session.close();
      }
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe('page isolation', () => {
  it(
    'a new page starts with no cookies or storage left by the previous one',
    async () => {
      const first = await harness.open();
      await first.page.evaluate(() => {
        localStorage.setItem('ajs_user_id', '"user-42"');
        document.cookie = 'ajs_user_id=user-42';
      });
      await first.close();
      const second = await harness.open();
      try {
        expect(
          await second.page.evaluate(() => [
            localStorage.getItem('ajs_user_id'),
            document.cookie,
            'AnalyticsBrowser' in window,
          ]),
        ).toEqual([null, '', true]);
      } finally {
        await second.close();
      }
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe('without Chromium', () => {
  it('fails loudly with the install hint instead of skipping', async () => {
    await expect(startBrowserHarness({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      /Chromium not found at \/nonexistent\/chromium: install it with `apt-get install -y chromium`/,
    );
  });
});
