// The SRI recipe of docs/cdn.md: the site includes the bundle with `integrity` and `status="loaded"`, lists
// the same URL in remotePlugins, and analytics-next reuses the tag. A tampered hash is blocked, harmlessly.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserHarness } from '@devicemode/testing/browser';
import type { AnalyticsPage, BrowserHarness } from '@devicemode/testing/browser';
import { emulator } from '../packages/destinations/mixpanel/test/emulator';

const TOKEN = '0123456789abcdef0123456789abcdef';
const code = readFileSync(join(__dirname, '../packages/destinations/mixpanel/dist/cdn/mixpanel.js'), 'utf8');
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(() => harness?.close());

/** Adds the site's own tag and waits for the browser to run (or refuse) it. */
const includeWithIntegrity = (session: AnalyticsPage, url: string, hash: string): Promise<string> =>
  session.page.evaluate(
    ([src, value]) =>
      new Promise<string>((resolve) => {
        const script = document.createElement('script');
        Object.assign(script, { src, integrity: value, crossOrigin: 'anonymous' });
        script.setAttribute('status', 'loaded');
        script.onload = () => resolve('loaded');
        script.onerror = () => resolve('refused');
        document.head.appendChild(script);
      }),
    [url, hash] as const,
  );

const entry = (url: string) => ({
  name: 'Mixpanel',
  creationName: 'Mixpanel',
  url,
  libraryName: 'mixpanelDestination',
  settings: { token: TOKEN },
});

describe('Subresource Integrity for a CDN bundle', () => {
  it('runs a bundle whose hash matches, and analytics-next reuses the tag instead of fetching it again', async () => {
    const url = harness.serve({ libraryName: 'mixpanelDestination', code });
    const session = await harness.open({ vendors: [{ emulator }] });
    try {
      expect(await includeWithIntegrity(session, url, integrity)).toBe('loaded');
      await session.load({ remotePlugins: [entry(url)] });
      await session.send([['track', 'Signed Up', {}]]);
      await session.waitForVendorCalls((calls) => calls.some((c) => c[0] === 'mixpanel.track' && c[1] === 'Signed Up'));
      const tags = await session.page.evaluate((src) => document.querySelectorAll(`script[src="${src}"]`).length, url);
      expect(tags).toBe(1);
      expect(session.unexpectedErrors()).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('refuses a bundle whose bytes do not match: the destination is absent, the page carries on', async () => {
    const url = harness.serve({ libraryName: 'mixpanelDestination', code });
    const session = await harness.open({ vendors: [{ emulator }] });
    try {
      const tampered = `sha384-${createHash('sha384').update(`${code}\n// tampered`).digest('base64')}`;
      expect(await includeWithIntegrity(session, url, tampered)).toBe('refused');
      await session.load({ remotePlugins: [entry(url)] });
      expect(await session.send([['track', 'Signed Up', {}]])).toEqual(['resolved']);
      expect(await session.vendorCalls()).toEqual([]);
      expect(
        session.unexpectedErrors([/integrity/i, /Failed to load Remote Plugin/i, /Failed to create PluginFactory/i]),
      ).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
