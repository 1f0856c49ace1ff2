// Summaries of repeated measurements: median and spread, never a mean (timings here have long tails).

/** The median (the mean of the two middle values for an even count). */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median, min and max of repeated runs, and the runs themselves. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** Summarises runs (rounded to `digits` decimals). */
export function summarize(runs: number[], digits = 2): Summary {
  const round = (value: number): number => Number(value.toFixed(digits));
  return {
    median: round(median(runs)),
    min: round(Math.min(...runs)),
    max: round(Math.max(...runs)),
    runs: runs.map(round),
  };
}

/** `a / b`, rounded, or null when it means nothing (b ≤ 0). */
export function ratio(a: number, b: number, digits = 1): number | null {
  return b > 0 && Number.isFinite(a) ? Number((a / b).toFixed(digits)) : null;
}
