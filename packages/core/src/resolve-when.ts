import { describeError } from './logger';
import type { ResolveWhenOptions } from './types';

/**
 * Resolves with the first truthy value of `condition`, checked now and then every `intervalMs`.
 * Never polls forever: rejects once `timeoutMs` has passed, or at once if `condition` throws.
 */
export function resolveWhen<T>(
  condition: () => T | undefined | null | false,
  { timeoutMs = 10_000, intervalMs = 25, what = 'the vendor to be ready' }: ResolveWhenOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      try {
        const value = condition();
        // The last check falls exactly on the deadline, so the timeout is never late by an interval.
        const left = deadline - Date.now();
        if (value) resolve(value);
        else if (left > 0) setTimeout(tick, Math.min(intervalMs, left));
        else reject(new Error(`timed out waiting for ${what}`));
      } catch (error) {
        reject(new Error(`checking for ${what} threw: ${describeError(error)}`));
      }
    };
    tick();
  });
}
