// What a site sees: analytics.track() through real analytics-next with no destination, with ours, and with
// Segment's bundle of the same vendor, each loaded as a remote plugin against the same vendor emulator.
import type { AnalyticsPage, BrowserHarness, RemotePluginSetting } from '@devicemode/testing/browser';
import { ORDER } from './bench-page';
import { summarize } from './stats';
import type { Summary } from './stats';
import { emulatedVendors, servedFiles } from './subjects';
import type { Subject } from './subjects';

/** One configuration's numbers: µs per event. */
export interface EndToEnd {
  /** Median of `await analytics.track()` one after the other (per run, then over runs). */
  latency: Summary;
  /** `burst` calls made at once, total time / burst. */
  throughput: Summary;
}

export interface EndToEndResult {
  baseline?: EndToEnd;
  destinations: { slug: string; ours?: EndToEnd; segment?: EndToEnd }[];
  errors: string[];
}

export interface EndToEndOptions {
  runs: number;
  sequential: number;
  burst: number;
}

interface Config {
  slug: string;
  side: 'baseline' | 'ours' | 'segment';
  page: AnalyticsPage;
}

export const ourRemotePlugin = (subject: Subject): RemotePluginSetting => ({
  name: subject.name,
  creationName: subject.name,
  url: subject.bundle.url,
  libraryName: subject.libraryName,
  settings: subject.settings,
});

export const segmentRemotePlugin = (subject: Subject): RemotePluginSetting => ({
  name: subject.segment!.name,
  creationName: subject.segment!.name,
  url: subject.segment!.bundle.url,
  libraryName: subject.segment!.libraryName,
  settings: subject.segment!.settings,
});

async function openConfig(
  harness: BrowserHarness,
  slug: string,
  side: Config['side'],
  subject?: Subject,
  plugin?: RemotePluginSetting,
): Promise<Config> {
  const subjects = subject ? [subject] : [];
  const page = await harness.open({ vendors: emulatedVendors(subjects), files: servedFiles(subjects) });
  await page.load({ remotePlugins: plugin ? [plugin] : [] });
  const ready = await page.ready(15000);
  if (ready !== 'resolved') {
    const errors = page.unexpectedErrors().map((error) => error.message);
    await page.close();
    throw new Error(`${slug} (${side}): analytics.ready() ${ready}; page errors: ${errors.join(' | ')}`);
  }
  return { slug, side, page };
}

const runOnce = (
  page: AnalyticsPage,
  sequential: number,
  burst: number,
): Promise<{ latency: number; throughput: number }> =>
  page.page.evaluate(
    async ({ sequential, burst, order }) => {
      const analytics = (
        window as unknown as { __devicemodeAnalytics: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).__devicemodeAnalytics;
      // Segment.io's own delivery is switched off per event: its requests are answered through the
      // harness's Node-side routing (milliseconds each, nothing a site pays) and would drown the difference.
      const options = { integrations: { 'Segment.io': false } };
      const times: number[] = [];
      for (let i = 0; i < sequential; i++) {
        const start = performance.now();
        await analytics.track!('Order Completed', order, options);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const start = performance.now();
      await Promise.all(Array.from({ length: burst }, () => analytics.track!('Order Completed', order, options)));
      return {
        latency: times[Math.floor(times.length / 2)]! * 1000,
        throughput: ((performance.now() - start) * 1000) / burst,
      };
    },
    { sequential, burst, order: ORDER },
  );

/** Measures every configuration, runs interleaved across pages. */
export async function measureEndToEnd(
  harness: BrowserHarness,
  subjects: Subject[],
  { runs, sequential, burst }: EndToEndOptions,
): Promise<EndToEndResult> {
  const result: EndToEndResult = { destinations: [], errors: [] };
  const configs: Config[] = [];
  const tryOpen = async (...args: Parameters<typeof openConfig>): Promise<void> => {
    try {
      configs.push(await openConfig(...args));
    } catch (error) {
      result.errors.push(String(error));
    }
  };
  await tryOpen(harness, 'baseline', 'baseline');
  for (const subject of subjects) {
    await tryOpen(harness, subject.slug, 'ours', subject, ourRemotePlugin(subject));
    if (subject.segment) await tryOpen(harness, subject.slug, 'segment', subject, segmentRemotePlugin(subject));
  }
  const samples = new Map<Config, { latency: number[]; throughput: number[] }>();
  try {
    for (let run = -1; run < runs; run++) {
      for (const config of configs) {
        const once = await runOnce(config.page, run < 0 ? 10 : sequential, run < 0 ? 50 : burst);
        if (run < 0) continue;
        const entry = samples.get(config) ?? { latency: [], throughput: [] };
        entry.latency.push(once.latency);
        entry.throughput.push(once.throughput);
        samples.set(config, entry);
      }
    }
  } finally {
    for (const config of configs) {
      result.errors.push(...config.page.unexpectedErrors().map((e) => `${config.slug} (${config.side}): ${e.message}`));
      await config.page.close();
    }
  }
  const summary = (config: Config | undefined): EndToEnd | undefined => {
    const entry = config && samples.get(config);
    return entry ? { latency: summarize(entry.latency, 0), throughput: summarize(entry.throughput, 0) } : undefined;
  };
  result.baseline = summary(configs.find((config) => config.side === 'baseline'));
  for (const subject of subjects) {
    const find = (side: Config['side']) => configs.find((c) => c.slug === subject.slug && c.side === side);
    result.destinations.push({ slug: subject.slug, ours: summary(find('ours')), segment: summary(find('segment')) });
  }
  return result;
}
