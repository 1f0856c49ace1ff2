// The destinations under test: each built CDN bundle with its test plan's settings and vendor emulator,
// and, where there is one, Segment's production bundle of the same vendor.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VendorEmulator } from '@devicemode/testing';
import type { EmulatedVendor, ServedFile } from '@devicemode/testing/browser';
import { bundlePath, destinationSlugs, ROOT } from './sizes';
import { segmentBundle, VENDORS } from './vendors';
import type { SegmentBundle, VendorBench } from './vendors';

/** Where the page fetches our bundles from (answered locally with dist/cdn files). */
export const OUR_CDN = 'https://cdn.devicemode.test/';

/** One destination of ours, ready to put on a page. */
export interface Subject {
  slug: string;
  /** Catalog and plugin name. */
  name: string;
  libraryName: string;
  /** Valid settings (the test plan's). */
  settings: Record<string, unknown>;
  emulator: VendorEmulator;
  bundle: ServedFile;
  bench: VendorBench;
  segment?: SegmentBundle;
  /** Set when Segment's bundle could not be prepared. */
  segmentError?: string;
}

interface PlanModule {
  plan?: Plan;
  default?: { plan?: Plan };
}
interface Plan {
  destination: { pluginName: string };
  emulator: VendorEmulator;
  settings: Record<string, unknown>;
}

const camel = (slug: string): string => `${slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Destination`;

/** Every destination with a built bundle and a test plan; the others are returned with the reason. */
export async function loadSubjects(): Promise<{ subjects: Subject[]; skipped: { slug: string; reason: string }[] }> {
  const { slugs, unbuilt } = destinationSlugs();
  const subjects: Subject[] = [];
  const skipped = unbuilt.map((slug) => ({ slug, reason: `no dist/cdn/${slug}.js (not built)` }));
  for (const slug of slugs.filter((s) => !unbuilt.includes(s))) {
    const bench = VENDORS[slug] ?? { floor: {} };
    let plan: Plan | undefined;
    try {
      const module = (await import(
        pathToFileURL(join(ROOT, 'packages/destinations', slug, 'test/plan.ts')).href
      )) as PlanModule;
      plan = module.plan ?? module.default?.plan;
    } catch (error) {
      skipped.push({ slug, reason: `test/plan.ts did not load: ${String(error).split('\n')[0]}` });
      continue;
    }
    if (!plan) {
      skipped.push({ slug, reason: 'test/plan.ts exports no plan' });
      continue;
    }
    const subject: Subject = {
      slug,
      name: plan.destination.pluginName,
      libraryName: camel(slug),
      settings: plan.settings,
      emulator: plan.emulator,
      bundle: { url: `${OUR_CDN}${slug}/${slug}.js`, file: bundlePath(slug) },
      bench,
    };
    if (bench.segment) {
      try {
        subject.segment = segmentBundle(bench.segment, plan.settings);
      } catch (error) {
        subject.segmentError = String(error);
      }
    }
    subjects.push(subject);
  }
  return { subjects, skipped };
}

/**
 * An emulator whose serialised `install` runs in a page: tsx (esbuild with keepNames) wraps inner
 * functions in `__name(…)`, a helper the page lacks, so the text gets its own identity `__name`.
 */
function pageSafe(emulator: VendorEmulator, extraScripts: string[]): VendorEmulator {
  const source = emulator.install.toString().trim();
  const expression = /^(async\s+)?(function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/.test(source) ? source : `function ${source}`;
  const text = `function (win, record) { var __name = function (fn) { return fn; }; return (${expression})(win, record); }`;
  const install = Object.assign((): void => undefined, { toString: () => text });
  return { ...emulator, install, scripts: [...emulator.scripts, ...extraScripts] };
}

/** The emulators of some subjects, each also answering the vendor URLs Segment's bundle loads. */
export const emulatedVendors = (subjects: Subject[]): EmulatedVendor[] =>
  subjects.map((subject) => ({ emulator: pageSafe(subject.emulator, subject.bench.segment?.scripts ?? []) }));

/** Files a page may fetch: our bundles and Segment's bundles and shared chunk. */
export const servedFiles = (subjects: Subject[]): ServedFile[] => {
  const files = new Map<string, ServedFile>();
  for (const subject of subjects) {
    files.set(subject.bundle.url, subject.bundle);
    const segment = subject.segment;
    if (segment) {
      files.set(segment.bundle.url, segment.bundle);
      if (segment.chunk) files.set(segment.chunk.url, segment.chunk);
    }
  }
  return [...files.values()];
};
