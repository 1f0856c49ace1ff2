// Build timings: a cold build of every package (nx cache not read) and no-op rebuilds (nx cache replay).
import { spawnSync } from 'node:child_process';
import { ROOT } from './sizes';
import { summarize } from './stats';
import type { Summary } from './stats';

export interface BuildRun {
  seconds: number;
  ok: boolean;
  /** "Nx read the output from the cache … for X out of Y tasks". */
  fromCache: string;
}

export interface BuildResult {
  command: string;
  cold: BuildRun;
  noop: BuildRun[];
  noopSeconds: Summary;
  /** Why a build failed (its last lines). */
  failures: string[];
}

function lernaBuild(extra: string[]): BuildRun & { output: string } {
  const start = process.hrtime.bigint();
  const run = spawnSync('npx', ['lerna', 'run', 'build', ...extra], { cwd: ROOT, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const cache = /read the output from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(
    output,
  );
  return {
    seconds: Number(seconds.toFixed(1)),
    ok: run.status === 0,
    fromCache: cache ? `${cache[1]}/${cache[2]}` : '0',
    output,
  };
}

/** Runs the cold build, then `noops` no-op rebuilds. */
export function measureBuild(noops = 3): BuildResult {
  const failures: string[] = [];
  const record = ({ output, ...run }: BuildRun & { output: string }): BuildRun => {
    if (!run.ok) failures.push(output.split('\n').slice(-15).join('\n'));
    return run;
  };
  const cold = record(lernaBuild(['--skip-nx-cache']));
  const noop = Array.from({ length: noops }, () => record(lernaBuild([])));
  return {
    command: 'npx lerna run build',
    cold,
    noop,
    noopSeconds: summarize(
      noop.map((run) => run.seconds),
      1,
    ),
    failures,
  };
}
