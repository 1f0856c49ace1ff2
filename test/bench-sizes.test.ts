// The size budgets of `npm run bench`, checked on the built CDN bundles the way CI does
// (`npm run check:sizes`): deterministic bytes, no timings.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const slugs = readdirSync(join(root, 'packages/destinations')).sort();

describe('npm run check:sizes', () => {
  const run = spawnSync(process.execPath, [join(root, 'scripts/bench/index.mjs'), '--sizes-only', '--check'], {
    cwd: root,
    encoding: 'utf8',
  });

  it('measures every destination bundle (run `npm run build` first)', () => {
    const measured = slugs.filter((slug) => new RegExp(`size ${slug}: \\d+ B gzip`).test(run.stdout));
    expect({ measured, stderr: run.stderr }).toEqual({ measured: slugs, stderr: expect.any(String) });
  });

  it('holds every bundle within its CI ceiling (4096 B, or its recorded exception), and reports missed targets', () => {
    // Over a ceiling, the message names the destination, its file and its size.
    if (run.status !== 0) throw new Error(run.stderr.trim() || `exit ${run.status}`);
    expect(run.stdout).toMatch(
      /size ceilings: every bundle within 4096 B except google-analytics-4 ≤ \d+ B, meta-pixel ≤ \d+ B/,
    );
  });
});
