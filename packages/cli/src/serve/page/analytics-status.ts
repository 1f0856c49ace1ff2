// Load state of each remote plugin, read from analytics-next's event queue: a plugin that failed to load
// is listed in `failedInitializations` and removed; a loaded one answers isLoaded().
export type LoadState = 'loading' | 'loaded' | 'failed';

/** The part of analytics-next's instance the tester reads (not part of its typed public API). */
export interface QueueView {
  queue?: {
    plugins?: { name: string; isLoaded: () => boolean }[];
    failedInitializations?: string[];
  };
}

/** The state of the plugin registered as `creationName`. */
export function loadState(analytics: QueueView, creationName: string): LoadState {
  if (analytics.queue?.failedInitializations?.includes(creationName)) return 'failed';
  const plugin = analytics.queue?.plugins?.find((p) => p.name === creationName);
  return plugin?.isLoaded() ? 'loaded' : 'loading';
}
