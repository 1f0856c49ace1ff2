// The npm packages as a customer gets them: every package published to a throwaway Verdaccio on
// 127.0.0.1 with `lerna publish from-package`, installed into a fresh project outside the repository
// (@devicemode/* from Verdaccio, everything else from the normal npm registry), bundled with esbuild and
// run in Chromium, where the Mixpanel emulator must receive the events.
import { execFile } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { startBrowserHarness } from '@devicemode/testing/browser';
import type { AnalyticsPage, BrowserHarness } from '@devicemode/testing/browser';
import { emulator as mixpanelEmulator } from '../packages/destinations/mixpanel/test/emulator';
import { publishAll, startRegistry } from '../scripts/local-registry';
import type { Registry } from '../scripts/local-registry';

const run = promisify(execFile);
const TOKEN = '0123456789abcdef0123456789abcdef';

const APP = `
import { AnalyticsBrowser } from '@segment/analytics-next';
import { mixpanelDestination } from '@devicemode/mixpanel';

window.runApp = async () => {
  const [analytics] = await AnalyticsBrowser.load(
    { writeKey: 'consumer-app', cdnSettings: { integrations: { 'Segment.io': { apiKey: 'consumer-app' } } } },
    { initialPageview: false },
  );
  await analytics.register(mixpanelDestination({ token: '${TOKEN}' }));
  await analytics.identify('user-42', { plan: 'pro' });
  await analytics.track('Order Completed', { order_id: 'ord-1', revenue: 42, currency: 'EUR' });
  return mixpanelDestination.pluginName;
};
`;

let registry: Registry | undefined;
let harness: BrowserHarness | undefined;
let session: AnalyticsPage | undefined;
const consumer = mkdtempSync(join(tmpdir(), 'devicemode-consumer-'));

afterAll(async () => {
  await session?.close();
  await harness?.close();
  await registry?.stop();
  rmSync(consumer, { recursive: true, force: true });
});

describe('@devicemode/mixpanel from a registry, in a fresh project', () => {
  it('publishes, installs, bundles and delivers events in Chromium', async () => {
    registry = await startRegistry();
    const published = await publishAll(registry);
    expect(published).toMatch(/@devicemode\/mixpanel@\d+\.\d+\.\d+/);

    const host = new URL(registry.url).host;
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({
        name: 'consumer-app',
        private: true,
        dependencies: { '@devicemode/mixpanel': '*', '@segment/analytics-next': '1.84.3' },
      }),
    );
    writeFileSync(
      join(consumer, '.npmrc'),
      `@devicemode:registry=${registry.url}\n//${host}/:_authToken=local-test-token\n`,
    );
    writeFileSync(join(consumer, 'app.js'), APP);
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: consumer,
      env: { ...process.env, npm_config_userconfig: join(consumer, '.npmrc') },
    });
    // The installed copies are real directories unpacked from Verdaccio's tarballs, not workspace links.
    for (const name of ['@devicemode/mixpanel', '@devicemode/core']) {
      expect(lstatSync(join(consumer, 'node_modules', name)).isSymbolicLink()).toBe(false);
      const { version } = JSON.parse(readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8'));
      const published = (await (await fetch(`${registry.url}${name.replace('/', '%2f')}`)).json()) as {
        versions: object;
      };
      expect(Object.keys(published.versions)).toContain(version);
    }

    const bundled = await build({
      entryPoints: [join(consumer, 'app.js')],
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      absWorkingDir: consumer,
      logLevel: 'silent',
    });
    const code = bundled.outputFiles[0]!.text;

    harness = await startBrowserHarness();
    session = await harness.open({
      vendors: [{ emulator: mixpanelEmulator }],
      scripts: [{ libraryName: 'runApp', code }],
    });
    const pluginName = await session.page.evaluate(() =>
      (window as unknown as { runApp: () => Promise<string> }).runApp(),
    );
    expect(pluginName).toBe('Mixpanel');
    const calls = await session.waitForVendorCalls((seen) =>
      seen.some((c) => c[0] === 'mixpanel.track' && c[1] === 'Order Completed'),
    );
    expect(calls.find((c) => c[0] === 'mixpanel.init')?.[1]).toBe(TOKEN);
    expect(calls).toContainEqual(['mixpanel.identify', 'user-42']);
    expect(calls.find((c) => c[0] === 'mixpanel.track' && c[1] === 'Order Completed')?.[2]).toMatchObject({
      order_id: 'ord-1',
      revenue: 42,
    });
    expect(session.vendorScripts).toEqual(['https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js']);
    expect(session.unexpectedErrors()).toEqual([]);
  }, 240_000);
});
