// "Acme", a tiny destination used by core's tests only (not a published package).
import { z } from 'zod';
import { defineDestination, ensureGlobal, propertiesOf, readGlobal, traitsOf } from '../src';
import { settingsJsonSchema } from '../src/settings-json';

export const acmeSettings = z.object({
  /** Project key. */
  apiKey: z
    .string()
    .regex(/^[a-z0-9]{8,32}$/)
    .describe('Acme project key'),
  /** @default 'https://cdn.acme.test/acme.js' */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[a-z0-9.-]+\/[\w./-]*$/)
    .default('https://cdn.acme.test/acme.js'),
  /** @default false */
  trackPages: z.boolean().default(true),
});
export type AcmeSettings = z.infer<typeof acmeSettings>;

/** The vendor's loaded API; the snippet stub only has `q`. */
export interface AcmeSdk {
  loaded?: boolean;
  q?: unknown[][];
  track: (name: string, properties: object) => void;
  identify: (id: string | null | undefined, traits: object) => void;
  page: (properties: object) => void;
  group: (id: string | null | undefined, traits: object) => void;
  alias: (to: string | null | undefined, from: string | null | undefined) => void;
}

/** What a test sees of the vendor: every call, in order. */
export const acmeCalls: unknown[][] = [];

/** Installs the loaded vendor API on window, as the vendor's script would. */
export function installAcme(options: { throwOnCall?: boolean } = {}): void {
  const record =
    (method: string) =>
    (...args: unknown[]): void => {
      if (options.throwOnCall) throw new Error(`acme.${method} exploded`);
      acmeCalls.push([method, ...args]);
    };
  const sdk = {
    loaded: true,
    track: record('track'),
    identify: record('identify'),
    page: record('page'),
    group: record('group'),
    alias: record('alias'),
  };
  (window as unknown as { acme: AcmeSdk }).acme = sdk;
}

export function acmeDefinition(overrides: { loadTimeoutMs?: number; bufferSize?: number; consent?: string[] } = {}) {
  return defineDestination<AcmeSettings, AcmeSdk>({
    name: 'Acme',
    slug: 'acme',
    version: '1.2.3',
    settings: settingsJsonSchema(acmeSettings),
    consent: ['analytics'],
    ...overrides,
    async load({ window, settings, loadScript, resolveWhen }) {
      ensureGlobal<Partial<AcmeSdk>>(window, 'acme', () => ({ q: [] }));
      await loadScript(settings.scriptUrl);
      return resolveWhen(
        () => {
          const sdk = readGlobal<AcmeSdk>(window, 'acme');
          return sdk?.loaded === true && typeof sdk.track === 'function' ? sdk : undefined;
        },
        { what: 'window.acme to be the Acme SDK' },
      );
    },
    track: (acme, event) => acme.track(String(event.event), propertiesOf(event)),
    identify: (acme, event) => acme.identify(event.userId, traitsOf(event)),
    page: (acme, event, settings) => {
      if (settings.trackPages) acme.page(propertiesOf(event));
    },
    group: (acme, event) => acme.group(event.groupId, traitsOf(event)),
    alias: (acme, event) => acme.alias(event.userId, event.previousId),
  });
}
