// One benchmark page: real analytics-next (the harness's), one destination's plugin made from its CDN
// bundle (ours or Segment's), loaded against the vendor emulator, and real analytics-next Contexts.
import { IDENTIFY_TRAITS, SPEC_PROPERTIES } from '@devicemode/testing';
import type { AnalyticsPage, BrowserHarness } from '@devicemode/testing/browser';
import { emulatedVendors, servedFiles } from './subjects';
import type { Subject } from './subjects';
import { METHODS } from './vendors';
import type { Method } from './vendors';

/** Which plugin a page holds. */
export type Side = 'ours' | 'segment';

type Fn = (...args: unknown[]) => unknown;
interface PagePlugin {
  isLoaded: () => boolean;
  load: (ctx: unknown, analytics: unknown) => Promise<unknown>;
  [method: string]: unknown;
}
interface BenchState {
  contexts: Record<string, { event: unknown }>;
  plugins: PagePlugin[];
  floors: Record<string, Fn>;
}
interface BenchWindow {
  __devicemodeAnalytics: Record<string, Fn>;
  __devicemodeCalls?: unknown[];
  __bench: BenchState;
  [global: string]: unknown;
}

/** The events every benchmark sends: the Spec fixtures (a two-product order, a full identify). */
export const ORDER = SPEC_PROPERTIES['Order Completed'];
export const TRAITS = IDENTIFY_TRAITS;

/** One measured batch: µs per event, and vendor calls recorded per event. */
export interface Batch {
  us: number;
  calls: number;
}

/** A page ready to measure one side of one destination. */
export interface BenchPage {
  side: Side;
  page: AnalyticsPage;
  /** Methods the plugin(s) implement. */
  methods: Method[];
  measure: (method: Method, kind: 'floor' | 'plugin', n: number) => Promise<Batch>;
}

/** Opens the page, creates the contexts and the plugin(s), and waits until they are loaded. */
export async function openBenchPage(harness: BrowserHarness, subject: Subject, side: Side): Promise<BenchPage> {
  const segment = subject.segment;
  if (side === 'segment' && !segment) throw new Error(`${subject.slug} has no Segment counterpart`);
  const page = await harness.open({ vendors: emulatedVendors([subject]), files: servedFiles([subject]) });
  try {
    await page.load({});
    const methods = await page.page.evaluate(
      async ({ url, libraryName, settings, side, floors, order, traits }) => {
        const w = window as unknown as BenchWindow;
        await new Promise((resolve, reject) => {
          const script = document.createElement('script');
          script.src = url;
          script.onload = resolve;
          script.onerror = () => reject(new Error(`could not load ${url}`));
          document.head.append(script);
        });
        const analytics = w.__devicemodeAnalytics;
        // Real analytics-next Contexts: what its calls resolve with.
        const identify = (await analytics.identify!('user-42', traits)) as { event: unknown };
        const track = (await analytics.track!('Order Completed', order)) as { event: unknown };
        const page = (await analytics.page!('Shop', 'Trail shoes', { section: 'footwear' })) as { event: unknown };
        const factory = w[libraryName] as Fn;
        if (typeof factory !== 'function') throw new Error(`${url} assigned no window.${libraryName}`);
        const made = await factory(settings);
        const plugins = (Array.isArray(made) ? made : [made]) as PagePlugin[];
        const timeout = new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`${side}: load() timed out`)), 10000),
        );
        await Promise.race([Promise.all(plugins.map((plugin) => plugin.load(track, analytics))), timeout]);
        if (!plugins.every((plugin) => plugin.isLoaded())) throw new Error(`${side}: a plugin is not loaded`);
        w.__bench = {
          contexts: { identify, track, page },
          plugins,
          floors: Object.fromEntries(
            Object.entries(floors).map(([method, body]) => [method, new Function('w', 'e', `return ${body}`) as Fn]),
          ),
        };
        return ['track', 'identify', 'page'].filter((method) =>
          plugins.some((plugin) => typeof plugin[method] === 'function'),
        );
      },
      {
        url: side === 'ours' ? subject.bundle.url : segment!.bundle.url,
        libraryName: side === 'ours' ? subject.libraryName : segment!.libraryName,
        settings: side === 'ours' ? subject.settings : segment!.settings,
        side,
        floors: subject.bench.floor,
        order: ORDER,
        traits: TRAITS,
      },
    );
    return {
      side,
      page,
      methods: METHODS.filter((method) => methods.includes(method)),
      measure: (method, kind, n) =>
        page.page.evaluate(
          async ({ method, kind, n }) => {
            const w = window as unknown as BenchWindow;
            const { contexts, plugins, floors } = w.__bench;
            const ctx = contexts[method]!;
            const calls = w.__devicemodeCalls;
            if (calls) calls.length = 0;
            const results: unknown[] = [];
            let start: number;
            if (kind === 'floor') {
              const floor = floors[method]!;
              const event = ctx.event;
              start = performance.now();
              for (let i = 0; i < n; i++) results.push(floor(w, event));
            } else {
              const handlers = plugins.filter((plugin) => typeof plugin[method] === 'function');
              start = performance.now();
              for (let i = 0; i < n; i++) for (const plugin of handlers) results.push((plugin[method] as Fn)(ctx));
            }
            // Segment's plugins are async: their work is done when their promises settle.
            await Promise.all(results);
            const elapsed = performance.now() - start;
            return { us: (elapsed * 1000) / n, calls: (w.__devicemodeCalls?.length ?? 0) / n };
          },
          { method, kind, n },
        ),
    };
  } catch (error) {
    const errors = page.unexpectedErrors().map((e) => e.message);
    await page.close();
    throw new Error(`${subject.slug} (${side}): ${String(error)}${errors.length ? `; page errors: ${errors}` : ''}`, {
      cause: error,
    });
  }
}
