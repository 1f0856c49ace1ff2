// Page start → analytics.ready() with every destination enabled as remote plugins, and the main-thread
// time spent in each party's code during that load (Chromium's sampling CPU profiler, by script URL).
import type { AnalyticsPage, BrowserHarness, RemotePluginSetting } from '@devicemode/testing/browser';
import { ourRemotePlugin, segmentRemotePlugin } from './end-to-end';
import { summarize } from './stats';
import type { Summary } from './stats';
import { emulatedVendors, OUR_CDN, servedFiles } from './subjects';
import type { Subject } from './subjects';
import { SEGMENT_CDN } from './vendors';

export interface LoadConfig {
  label: string;
  destinations: string[];
  /** ms from navigation start to ready(). */
  ready?: Summary;
  /** ms of main-thread samples per script origin during a profiled load (median of the profiled runs). */
  mainThread?: Record<string, number>;
  error?: string;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Which party a script URL belongs to. */
function partyOf(url: string): string {
  if (url.startsWith(OUR_CDN)) return 'devicemode bundles';
  if (url.startsWith(SEGMENT_CDN)) return 'Segment bundles';
  if (url.endsWith('/analytics-next.js')) return 'analytics-next';
  if (url.startsWith('http://127.0.0.1')) return 'page';
  if (url.startsWith('https://')) return 'vendor emulators';
  return 'other (GC, idle, native)';
}

/** Self time (ms) of a CPU profile, summed per party. */
function attribute(profile: CpuProfile): Record<string, number> {
  const urlOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
  const totals: Record<string, number> = {};
  profile.samples.forEach((id, i) => {
    const party = partyOf(urlOf.get(id) ?? '');
    totals[party] = (totals[party] ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000;
  });
  return totals;
}

/** The page's own script: starts analytics-next at once, as a site's snippet does, and records ready(). */
const bootScript = (remotePlugins: RemotePluginSetting[]): string => `localStorage.clear();
sessionStorage.clear();
window.__boot = {};
window.AnalyticsBrowser.load({
  writeKey: 'devicemode-bench',
  cdnSettings: { integrations: { 'Segment.io': { apiKey: 'devicemode-bench' } }, remotePlugins: ${JSON.stringify(remotePlugins)} },
}).then(function (loaded) { return loaded[0].ready(); })
  .then(function () { window.__boot.ready = performance.now(); }, function (error) { window.__boot.error = String(error); });
`;

const waitReady = async (page: AnalyticsPage): Promise<number> => {
  const handle = await page.page.waitForFunction(
    () => {
      const boot = (window as unknown as { __boot?: { ready?: number; error?: string } }).__boot;
      return boot && (boot.ready !== undefined || boot.error) ? boot : undefined;
    },
    undefined,
    { timeout: 20000, polling: 10 },
  );
  const boot = (await handle.jsonValue()) as { ready?: number; error?: string };
  if (boot.error) throw new Error(boot.error);
  return boot.ready!;
};

/** Measures each configuration: one warm-up load, then `runs` reloads interleaved, then `profiled` reloads. */
export async function measureLoad(
  harness: BrowserHarness,
  subjects: Subject[],
  { runs, profiled }: { runs: number; profiled: number },
): Promise<LoadConfig[]> {
  const withSegment = subjects.filter((subject) => subject.segment);
  const plans: { config: LoadConfig; plugins: RemotePluginSetting[] }[] = [
    { config: { label: 'analytics-next alone', destinations: [] }, plugins: [] },
    {
      config: { label: `devicemode, all ${subjects.length}`, destinations: subjects.map((s) => s.slug) },
      plugins: subjects.map(ourRemotePlugin),
    },
    {
      config: {
        label: `devicemode, the ${withSegment.length} Segment also ships`,
        destinations: withSegment.map((s) => s.slug),
      },
      plugins: withSegment.map(ourRemotePlugin),
    },
    {
      config: { label: `Segment, ${withSegment.length}`, destinations: withSegment.map((s) => s.segment!.dir) },
      plugins: withSegment.map(segmentRemotePlugin),
    },
  ];
  const pages: { config: LoadConfig; page: AnalyticsPage; ready: number[]; cpu: Record<string, number>[] }[] = [];
  for (const { config, plugins } of plans) {
    try {
      const page = await harness.open({
        vendors: emulatedVendors(subjects),
        files: servedFiles(subjects),
        scripts: [{ libraryName: 'benchBoot', code: bootScript(plugins) }],
      });
      pages.push({ config, page, ready: [], cpu: [] });
      await waitReady(page);
    } catch (error) {
      config.error = String(error);
    }
  }
  for (let run = 0; run < runs + profiled; run++) {
    for (const entry of pages) {
      if (entry.config.error) continue;
      try {
        if (run < runs) {
          await entry.page.page.reload();
          entry.ready.push(await waitReady(entry.page));
        } else {
          const cdp = await harness.context.newCDPSession(entry.page.page);
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
          await entry.page.page.reload();
          await waitReady(entry.page);
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
          entry.cpu.push(attribute(profile));
          await cdp.detach();
        }
      } catch (error) {
        entry.config.error = String(error);
      }
    }
  }
  for (const entry of pages) {
    if (entry.ready.length) entry.config.ready = summarize(entry.ready, 1);
    const parties = [...new Set(entry.cpu.flatMap((totals) => Object.keys(totals)))].sort();
    if (parties.length) {
      entry.config.mainThread = Object.fromEntries(
        parties.map((party) => [
          party,
          summarize(
            entry.cpu.map((totals) => totals[party] ?? 0),
            1,
          ).median,
        ]),
      );
    }
    await entry.page.close();
  }
  return plans.map(({ config }) => config);
}
