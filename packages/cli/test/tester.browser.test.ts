// The event tester in real Chromium: `devicemode serve` (the real bin, as a child process) serves two
// destinations made by `create` in a copy of the repo; real analytics-next loads their CDN bundles, the
// service worker answers their vendor scripts with the emulators, and the page shows the vendor calls.
// Every request that is not to 127.0.0.1 is aborted and recorded.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, defaultChromiumPath } from '@devicemode/testing/browser';
import { runCreate } from '../src/create/run-create';
import { memoryOutput } from '../src/output';
import { copyRepo, type TempRepo } from './temp-repo';

const DESTINATIONS = [
  {
    name: 'Acme Analytics',
    slug: 'acme-analytics',
    categories: ['Analytics'],
    script: 'https://cdn.acme.example/sdk.js',
  },
  { name: 'Bolt Pixel', slug: 'bolt-pixel', categories: ['Advertising'], script: 'https://px.bolt.example/p/bolt.js' },
];

let repo: TempRepo;
let serve: ChildProcess;
let output = '';
let url = '';
let context: BrowserContext;
let profile: string;
const blocked: string[] = [];

beforeAll(async () => {
  const executablePath = defaultChromiumPath();
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install -y chromium (browser tests are never skipped)`,
    );
  repo = copyRepo();
  for (const d of DESTINATIONS)
    await runCreate(
      repo.root,
      { name: d.name, slug: d.slug, website: 'https://vendor.example', categories: d.categories, scriptUrl: d.script },
      { out: memoryOutput() },
    );
  // CDN bundles import the built core (as in `npm start`, which builds everything first).
  execFileSync(process.execPath, [join(repo.root, 'node_modules/rollup/dist/bin/rollup'), '-c'], {
    cwd: join(repo.root, 'packages/core'),
    stdio: 'pipe',
  });
  serve = spawn(
    process.execPath,
    ['packages/cli/bin/devicemode.mjs', 'serve', '--port', '0', '--only', DESTINATIONS.map((d) => d.slug).join(',')],
    { cwd: repo.root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  serve.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  serve.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`devicemode serve did not start:\n${output}`)), 120_000);
    const check = () => {
      const found = /event tester: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    serve.stdout!.on('data', check);
    serve.once('exit', (code) => reject(new Error(`devicemode serve exited with ${code}:\n${output}`)));
  });
  profile = mkdtempSync(join(tmpdir(), 'devicemode-tester-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (serve && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
  }
  repo?.remove();
});

async function openTester(): Promise<{ page: Page; requests: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  return { page, requests };
}

const panel = (slug: string) => `[data-destination="${slug}"]`;
const callsOf = (page: Page, slug: string) => page.locator(`${panel(slug)} [data-calls] li`).allTextContents();

describe('event tester', () => {
  it('loads both destinations from their settings and shows the vendor calls of Order Completed', async () => {
    const { page, requests } = await openTester();
    await page.fill('[name="acme-analytics.apiKey"]', 'acme_key_123');
    await page.fill('[name="bolt-pixel.apiKey"]', 'bolt_key_456');
    await page.click('text=Load analytics');
    for (const { slug } of DESTINATIONS)
      await page.waitForSelector(`${panel(slug)} [data-status][data-state="loaded"]`, { timeout: 15_000 });
    await page.click('button:text-is("Order Completed")');
    await page.waitForFunction(() => document.querySelectorAll('[data-calls] li').length >= 4, undefined, {
      timeout: 10_000,
    });
    expect(await callsOf(page, 'acme-analytics')).toEqual([
      'acmeAnalytics("init", "acme_key_123")',
      expect.stringMatching(/^acmeAnalytics\("purchase", \{"value":\d+(\.\d+)?,"currency":"EUR"\}\)$/),
    ]);
    expect(await callsOf(page, 'bolt-pixel')).toEqual([
      'boltPixel("init", "bolt_key_456")',
      expect.stringMatching(/^boltPixel\("purchase", \{"value":\d+(\.\d+)?,"currency":"EUR"\}\)$/),
    ]);
    // The bundles came from the tester, the vendor scripts from the service worker: nothing left the machine.
    expect(requests.filter((url) => url.includes('/cdn/')).length).toBe(2);
    expect(requests).toEqual(
      expect.arrayContaining(['https://cdn.acme.example/sdk.js', 'https://px.bolt.example/p/bolt.js']),
    );
    expect(blocked).toEqual([]);
    await page.close();
  }, 60_000);

  it("invalid settings show the field's message and load nothing", async () => {
    const { page, requests } = await openTester();
    await page.fill('[name="acme-analytics.apiKey"]', '"><script>alert(1)</script>');
    await page.fill('[name="bolt-pixel.apiKey"]', 'bolt_key_456');
    await page.click('text=Load analytics');
    await expect(page.textContent('[data-error-for="acme-analytics.apiKey"]')).resolves.toMatch(
      /^settings\.apiKey: must match \//,
    );
    expect(await page.getAttribute(`${panel('acme-analytics')} [data-status]`, 'data-state')).toBe('settings invalid');
    expect(await page.textContent('#feedback')).toContain('nothing was loaded');
    await page.click('button:text-is("Order Completed")');
    await page.waitForTimeout(500);
    expect(requests.filter((request) => request.includes('/cdn/') || !request.startsWith(url))).toEqual([]);
    expect(await page.locator('[data-calls] li').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('rebuilds a destination when its source changes and reloads the page with the same settings', async () => {
    const { page } = await openTester();
    await page.fill('[name="acme-analytics.apiKey"]', 'acme_key_123');
    await page.fill('[name="bolt-pixel.apiKey"]', 'bolt_key_456');
    await page.click('text=Load analytics');
    await page.waitForSelector(`${panel('acme-analytics')} [data-status][data-state="loaded"]`, { timeout: 15_000 });
    const source = join(repo.root, 'packages/destinations/acme-analytics/src/index.ts');
    const before = output.split('acme-analytics ready').length;
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    writeFileSync(
      source,
      readFileSync(source, 'utf8').replace(
        "else client('track', event.event, properties);",
        "else client('custom', event.event, properties);",
      ),
    );
    await reloaded;
    expect(output).toContain('packages/destinations/acme-analytics/src/index.ts changed');
    expect(output.split('acme-analytics ready').length).toBe(before + 1);
    await page.waitForSelector(`${panel('acme-analytics')} [data-status][data-state="loaded"]`, { timeout: 15_000 });
    await page.click('button:text-is("Custom track")');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-destination="acme-analytics"] [data-calls] li').length >= 2,
    );
    expect(await callsOf(page, 'acme-analytics')).toContain(
      'acmeAnalytics("custom", "Plan Upgraded", {"plan":"pro","seats":5})',
    );
    expect(await page.inputValue('[name="acme-analytics.apiKey"]')).toBe('acme_key_123');
    await page.close();
  }, 90_000);
});
