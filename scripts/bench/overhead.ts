// Per-event overhead of the destination alone: N calls of plugin[method](ctx) with a real Context,
// ours and Segment's side by side, each against the floor (the vendor emulator called directly) in its page.
import type { BrowserHarness } from '@devicemode/testing/browser';
import { openBenchPage } from './bench-page';
import type { BenchPage, Side } from './bench-page';
import { ratio, summarize } from './stats';
import type { Summary } from './stats';
import type { Subject } from './subjects';
import type { Method } from './vendors';

/** One side's numbers for one method. */
export interface SideResult {
  /** µs per event: the plugin call(s) analytics-next would make. */
  plugin: Summary;
  /** µs per event: the floor in the same page. */
  floor: Summary;
  /** µs per event above the floor (per run: plugin − floor). */
  overhead: Summary;
  /** Vendor calls recorded per event (plugin, floor). */
  calls: { plugin: number; floor: number };
}

export interface MethodResult {
  method: Method;
  ours?: SideResult;
  segment?: SideResult;
  /** (Segment − floor) / (ours − floor), medians. */
  ratio: number | null;
}

export interface OverheadResult {
  slug: string;
  /** Plugins Segment's factory returns (one per subscribed action). */
  segmentPlugins?: number;
  methods: MethodResult[];
  errors: string[];
}

export interface OverheadOptions {
  runs: number;
  calls: number;
}

/** Measures one subject; every page's runs are interleaved, so both sides see the same machine state. */
export async function measureOverhead(
  harness: BrowserHarness,
  subject: Subject,
  { runs, calls }: OverheadOptions,
): Promise<OverheadResult> {
  const warmUpCalls = Math.min(calls, 2000);
  const result: OverheadResult = { slug: subject.slug, methods: [], errors: [] };
  const sides: Side[] = subject.segment ? ['ours', 'segment'] : ['ours'];
  if (subject.segmentError) result.errors.push(`Segment's bundle: ${subject.segmentError}`);
  const pages: BenchPage[] = [];
  for (const side of sides) {
    try {
      pages.push(await openBenchPage(harness, subject, side));
    } catch (error) {
      result.errors.push(String(error));
    }
  }
  try {
    const methods = [...new Set(pages.flatMap((page) => page.methods))].filter(
      (method) => subject.bench.floor[method] !== undefined,
    );
    const samples = new Map<string, { plugin: number[]; floor: number[]; pc: number; fc: number }>();
    const key = (side: Side, method: Method): string => `${side}:${method}`;
    for (let run = -1; run < runs; run++) {
      for (const page of pages) {
        for (const method of methods) {
          // Alternate which goes first, so neither always meets a freshly collected heap.
          const order: ('floor' | 'plugin')[] = run % 2 ? ['floor', 'plugin'] : ['plugin', 'floor'];
          const batch: Record<string, { us: number; calls: number }> = {};
          for (const kind of order) batch[kind] = await page.measure(method, kind, run < 0 ? warmUpCalls : calls);
          if (run < 0) continue; // warm-up
          const entry = samples.get(key(page.side, method)) ?? { plugin: [], floor: [], pc: 0, fc: 0 };
          entry.plugin.push(batch.plugin!.us);
          entry.floor.push(batch.floor!.us);
          entry.pc = batch.plugin!.calls;
          entry.fc = batch.floor!.calls;
          samples.set(key(page.side, method), entry);
        }
      }
    }
    const sideResult = (side: Side, method: Method): SideResult | undefined => {
      const entry = samples.get(key(side, method));
      if (!entry) return undefined;
      return {
        plugin: summarize(entry.plugin),
        floor: summarize(entry.floor),
        overhead: summarize(entry.plugin.map((us, i) => us - entry.floor[i]!)),
        calls: { plugin: Number(entry.pc.toFixed(2)), floor: Number(entry.fc.toFixed(2)) },
      };
    };
    for (const method of methods) {
      const ours = sideResult('ours', method);
      const segment = sideResult('segment', method);
      result.methods.push({
        method,
        ours,
        segment,
        ratio: ours && segment ? ratio(segment.overhead.median, ours.overhead.median) : null,
      });
    }
    const segmentPage = pages.find((page) => page.side === 'segment');
    if (segmentPage) {
      result.segmentPlugins = await segmentPage.page.page.evaluate(
        () => (window as unknown as { __bench: { plugins: unknown[] } }).__bench.plugins.length,
      );
    }
  } finally {
    for (const page of pages) {
      const errors = page.page.unexpectedErrors().map((error) => `${page.side}: ${error.message}`);
      result.errors.push(...errors.slice(0, 3));
      await page.page.close();
    }
  }
  return result;
}
