// Our CDN bundles next to the same vendor's production bundle from Segment and the getanalytics plugin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, ourBundleSizes, ROOT, sum } from './sizes';
import type { Bytes, BundleSize } from './sizes';
import { ratio } from './stats';
import { segmentBundle, VENDORS } from './vendors';

export interface SizeRow {
  slug: string;
  ours: BundleSize;
  segment?: {
    dir: string;
    file: string;
    bundle: Bytes;
    /** The shared chunk it loads (counted once per page however many Segment destinations there are). */
    chunk?: Bytes & { file: string };
    total: Bytes;
    /** Segment total gzip / ours gzip. */
    ratio: number | null;
  };
  getanalytics?: { name: string; version: string; file: string; size: Bytes; ratio: number | null };
}

const rel = (file: string): string => file.replace(`${ROOT}/`, '');

/** One row per built destination. */
export function compareSizes(): SizeRow[] {
  return ourBundleSizes().map((ours) => {
    const row: SizeRow = { slug: ours.slug, ours };
    const vendor = VENDORS[ours.slug];
    if (vendor?.segment) {
      const segment = segmentBundle(vendor.segment, {});
      const bundle = measure(readFileSync(segment.bundle.file));
      const chunk = segment.chunk && { file: rel(segment.chunk.file), ...measure(readFileSync(segment.chunk.file)) };
      const total = chunk ? sum(bundle, chunk) : bundle;
      row.segment = {
        dir: segment.dir,
        file: rel(segment.bundle.file),
        bundle,
        chunk,
        total,
        ratio: ratio(total.gzip, ours.gzip),
      };
    }
    if (vendor?.getanalytics) {
      const dir = join(ROOT, 'node_modules', vendor.getanalytics.name);
      const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
      const size = measure(readFileSync(join(dir, vendor.getanalytics.file)));
      row.getanalytics = {
        name: vendor.getanalytics.name,
        version,
        file: vendor.getanalytics.file,
        size,
        ratio: ratio(size.gzip, ours.gzip),
      };
    }
    return row;
  });
}
