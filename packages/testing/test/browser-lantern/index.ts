// Lantern: a second, minimal destination for the browser fault matrix (the healthy neighbour of a
// failing Beacon). Its settings schema is written as JSON so its bundle stays small.
import { defineDestination, ensureGlobal, propertiesOf, readGlobal, traitsOf } from '@devicemode/core';

/** Lantern's global: a function that queues calls until its script has loaded. */
interface Lantern {
  (command: string, ...args: unknown[]): void;
  q?: unknown[][];
  loaded?: boolean;
}

interface Settings {
  key: string;
  scriptUrl: string;
}

export const lanternDestination = defineDestination<Settings, Lantern>({
  name: 'Lantern',
  slug: 'lantern',
  version: '1.0.0',
  settings: {
    type: 'object',
    properties: {
      key: { type: 'string', pattern: '^lt_[a-z0-9]{6}$' },
      scriptUrl: { type: 'string', pattern: '^https://', default: 'https://cdn.lantern.test/lantern.js' },
    },
    required: ['key'],
  },
  async load({ window, settings, loadScript, resolveWhen }) {
    const stub = ensureGlobal<Lantern>(window, 'lantern', () => {
      const queue: Lantern = (...args) => void queue.q!.push(args);
      queue.q = [];
      return queue;
    });
    stub('init', settings.key);
    await loadScript(settings.scriptUrl);
    return resolveWhen(() => readGlobal<Lantern>(window, 'lantern')?.loaded && readGlobal<Lantern>(window, 'lantern'), {
      what: 'window.lantern to be the Lantern SDK',
    });
  },
  track: (lantern, event) => lantern('track', event.event, propertiesOf(event)),
  identify: (lantern, event) => lantern('identify', event.userId, traitsOf(event)),
  page: (lantern, event) => lantern('page', event.name),
});
