// The bench run: build → sizes → browser timings → docs/benchmarks.{md,json}. See index.mjs for the flags.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { startBrowserHarness } from '@devicemode/testing/browser';
import { measureBuild } from './build';
import { measureEndToEnd } from './end-to-end';
import { measureLoad } from './load';
import { measureOverhead } from './overhead';
import { markdown, medianGzip, NOTE } from './report';
import type { Environment, Results } from './report';
import { compareSizes } from './size-comparison';
import { budgetViolations, BUDGET, ceilingViolations, CEILINGS, destinationSlugs, ROOT } from './sizes';
import { loadSubjects } from './subjects';
import { segmentVersion } from './vendors';

interface Options {
  sizesOnly: boolean;
  check: boolean;
  skipBuild: boolean;
  runs: number;
  calls: number;
  only: string[];
}

function parse(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const known = ['--sizes-only', '--check', '--skip-build', '--runs', '--calls', '--only'];
  const unknown = argv.filter(
    (arg, i) => arg.startsWith('--') && !known.includes(arg) && !known.includes(argv[i - 1]!),
  );
  if (unknown.length) throw new Error(`unknown option(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return {
    sizesOnly: argv.includes('--sizes-only'),
    check: argv.includes('--check'),
    skipBuild: argv.includes('--skip-build') || argv.includes('--sizes-only'),
    runs: Math.max(5, Number(value('--runs') ?? 5)),
    calls: Number(value('--calls') ?? 10000),
    only: value('--only')?.split(',') ?? [],
  };
}

const packageVersion = (name: string): string => {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'not installed';
  }
};

function environment(): Environment {
  const cpu = cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // reported as unknown
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const ours = Object.fromEntries(
    destinationSlugs().slugs.map((slug) => [
      `@devicemode/${slug}`,
      (
        JSON.parse(readFileSync(join(ROOT, 'packages/destinations', slug, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version,
    ]),
  );
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpu[0]?.model ?? 'unknown CPU',
      cores: cpu.length,
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      os: `${type()} ${release()}`,
      loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
    },
    versions: {
      node: process.version,
      chromium,
      '@segment/analytics-next': packageVersion('@segment/analytics-next'),
      '@segment/browser-destinations': segmentVersion(),
      '@analytics/google-analytics': packageVersion('@analytics/google-analytics'),
      '@analytics/hubspot': packageVersion('@analytics/hubspot'),
      'playwright-core': packageVersion('playwright-core'),
      lerna: packageVersion('lerna'),
      nx: packageVersion('nx'),
      ...ours,
    },
    commit,
  };
}

/** Writes docs/benchmarks.json and docs/benchmarks.md (formatted as the repository's prettier config says). */
export async function writeReport(results: Results): Promise<void> {
  const page = join(ROOT, 'docs/benchmarks.md');
  const { format, resolveConfig } = await import('prettier');
  const config = (await resolveConfig(page)) ?? {};
  const json = join(ROOT, 'docs/benchmarks.json');
  writeFileSync(json, await format(JSON.stringify(results), { ...config, parser: 'json' }));
  writeFileSync(page, await format(markdown(results), { ...config, parser: 'markdown' }));
}

const log = (message: string): void => console.log(`[bench] ${message}`);

/** Runs the bench; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  const env = environment();
  const started = Date.now();
  const results: Results = {
    $comment: NOTE,
    environment: env,
    options: { runs: options.runs, calls: options.calls, only: options.only },
    sizes: { budget: BUDGET, medianGzip: 0, violations: [], rows: [] },
    skipped: [],
  };

  if (!options.skipBuild) {
    log('build: cold (nx cache not read), then no-op rebuilds…');
    results.build = measureBuild();
    log(`build: cold ${results.build.cold.seconds} s, no-op ${results.build.noopSeconds.median} s`);
  }

  const { slugs, unbuilt } = destinationSlugs();
  const rows = compareSizes().filter((row) => !options.only.length || options.only.includes(row.slug));
  results.sizes = {
    budget: BUDGET,
    medianGzip: rows.length ? medianGzip(rows) : 0,
    violations: budgetViolations(rows.map((row) => row.ours)),
    rows,
  };
  for (const row of rows) {
    log(
      `size ${row.slug}: ${row.ours.gzip} B gzip` +
        (row.segment ? `, Segment ${row.segment.total.gzip} B (${row.segment.ratio}×)` : '') +
        (row.getanalytics ? `, getanalytics ${row.getanalytics.size.gzip} B (${row.getanalytics.ratio}×)` : ''),
    );
  }
  if (!slugs.length || unbuilt.length === slugs.length) {
    console.error('[bench] no destination bundle is built: run `npm run build` first');
    return 1;
  }
  for (const slug of unbuilt) log(`size ${slug}: not built (no dist/cdn/${slug}.js)`);

  if (!options.sizesOnly) {
    const loaded = await loadSubjects();
    const subjects = loaded.subjects.filter((s) => !options.only.length || options.only.includes(s.slug));
    results.skipped = loaded.skipped;
    const harness = await startBrowserHarness({ resolveDir: ROOT });
    try {
      results.overhead = [];
      for (const subject of subjects) {
        log(`overhead ${subject.slug}${subject.segment ? ' vs Segment' : ''}…`);
        results.overhead.push(await measureOverhead(harness, subject, { runs: options.runs, calls: options.calls }));
      }
      log('end to end…');
      results.endToEnd = await measureEndToEnd(harness, subjects, { runs: options.runs, sequential: 30, burst: 200 });
      log('load…');
      results.load = await measureLoad(harness, subjects, { runs: options.runs + 2, profiled: 3 });
    } finally {
      await harness.close();
    }
    await writeReport(results);
    log(`wrote docs/benchmarks.md and docs/benchmarks.json in ${Math.round((Date.now() - started) / 1000)} s`);
  } else {
    console.log(markdown(results).split('## 2.')[0]);
  }

  if (results.sizes.violations.length) {
    log(`size targets missed (reported, not enforced):\n${results.sizes.violations.map((v) => `  - ${v}`).join('\n')}`);
  }
  const overCeiling = ceilingViolations(rows.map((row) => row.ours));
  if (options.check && overCeiling.length) {
    console.error(`[bench] size ceiling exceeded:\n${overCeiling.map((v) => `  - ${v}`).join('\n')}`);
    return 1;
  }
  if (options.check) {
    const excepted = Object.entries(CEILINGS.exceptions).map(([slug, limit]) => `${slug} ≤ ${limit} B`);
    log(
      `size ceilings: every bundle within ${BUDGET.maxGzip} B except ${excepted.join(', ')}; median ≤ ${CEILINGS.medianGzip} B`,
    );
  }
  return 0;
}
