// What the event tester's server tells its page and its service worker (JSON over /api/*).
import type { SettingSchema } from '@devicemode/core';

/** One destination as the page shows it. */
export interface TesterDestination {
  slug: string;
  /** Catalog name: the remote plugin's name and creationName. */
  name: string;
  libraryName: string;
  /** Where the page loads the CDN bundle from (changes with every rebuild). */
  bundleUrl: string;
  schema: SettingSchema;
  /** Valid settings to start from: the fixture table's settings. */
  exampleSettings: Record<string, unknown>;
  /** The last build: ok, or why it failed. */
  build: { ok: boolean; message: string };
}

/** What the page fetches at start: the destinations and the network mode. */
export interface TesterState {
  destinations: TesterDestination[];
  /** `offline`: vendor scripts are answered by emulators; `online`: the real ones load. */
  mode: 'offline' | 'online';
}

/** What the service worker answers vendor script URLs with. */
export interface EmulatedScript {
  slug: string;
  /** URL prefixes (the emulator's `scripts`). */
  scripts: string[];
  /** The emulator's script (emulatorScript()), recording into the tester's per-destination list. */
  code: string;
}

export interface EmulatorConfig {
  mode: 'offline' | 'online';
  emulators: EmulatedScript[];
}

/** Server-sent events: a rebuild finished (the page reloads) or failed (the page shows why). */
export type TesterEvent = { type: 'rebuilt'; slug: string } | { type: 'build-failed'; slug: string; message: string };
