// One Chromium and one local server per test file; each test opens a fresh page on them.
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { analyticsNextBundle } from './analytics-bundle';
import { analyticsPage } from './analytics-page';
import { defaultChromiumPath, launchChromium } from './chromium';
import { collectPageErrors } from './page-errors';
import { answer, pageNetwork } from './page-network';
import type { PageNetwork } from './page-network';
import { startStaticServer } from './static-server';
import type { BrowserHarness, DestinationBundle, HarnessOptions, PageError, PageOptions } from './types';

const ANALYTICS_PATH = '/analytics-next.js';

/** The page: analytics-next (not loaded yet: the test decides how), then any destination bundles. */
const pageHtml = (scripts: string[]): string =>
  `<!doctype html>
<html><head><meta charset="utf-8"><title>devicemode browser harness</title></head>
<body>
${[ANALYTICS_PATH, ...scripts].map((src) => `<script src="${src}"></script>`).join('\n')}
</body></html>
`;

/**
 * Starts the harness: a static server on 127.0.0.1, headless Chromium (fails with the install hint when
 * it is missing), and a route on the whole context so that no request leaves the machine.
 * Call it in `beforeAll` and `close()` in `afterAll`.
 */
export async function startBrowserHarness({
  executablePath = defaultChromiumPath(),
  resolveDir,
}: HarnessOptions = {}): Promise<BrowserHarness> {
  const [analytics, server] = await Promise.all([analyticsNextBundle(resolveDir), startStaticServer()]);
  server.files.set(ANALYTICS_PATH, { contentType: 'text/javascript', body: analytics });
  let chromium;
  try {
    chromium = await launchChromium(executablePath);
  } catch (error) {
    await server.close();
    throw error;
  }
  const { context } = chromium;
  const networks = new Map<Page, PageNetwork>();
  const unattributed: string[] = [];
  const networkOf = (page: Page | undefined): PageNetwork | undefined => (page ? networks.get(page) : undefined);

  await context.route('**/*', (route) => {
    let page: Page | undefined;
    try {
      page = route.request().frame().page();
    } catch {
      // Service-worker requests have no frame: nothing answers them.
    }
    return answer(route, networkOf(page), unattributed).catch(() => undefined);
  });
  // The persistent context opens with one blank page; tests get their own.
  await Promise.all(context.pages().map((page) => page.close()));

  let pages = 0;
  const serve = (bundle: DestinationBundle): string => {
    const hash = createHash('sha256').update(bundle.code).digest('hex').slice(0, 12);
    const path = `/bundles/${bundle.libraryName}-${hash}.js`;
    server.files.set(path, { contentType: 'text/javascript', body: bundle.code });
    return `${server.origin}${path}`;
  };

  const open = async (options: PageOptions = {}) => {
    const path = `/page-${++pages}.html`;
    server.files.set(path, { contentType: 'text/html', body: pageHtml((options.scripts ?? []).map(serve)) });
    const page = await context.newPage();
    const network = pageNetwork(options);
    const errors: PageError[] = [];
    networks.set(page, network);
    collectPageErrors(page, errors);
    const close = async (): Promise<void> => {
      networks.delete(page);
      server.files.delete(path);
      await page.close().catch(() => undefined);
    };
    try {
      // Identity from an earlier page (cookies, localStorage) must not leak into this one.
      await context.clearCookies();
      await page.goto(`${server.origin}${path}`);
      await page.evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
      });
    } catch (error) {
      await close();
      throw new Error(`[devicemode:browser] the harness page did not open: ${String(error)}`, { cause: error });
    }
    return analyticsPage(page, `${server.origin}${path}`, network, errors, close);
  };

  return {
    context,
    origin: server.origin,
    serve,
    open,
    blocked: unattributed,
    close: async () => {
      await chromium.close();
      await server.close();
    },
  };
}
