import { z } from 'zod';

/** Heap (heap.js 5): an environment id, the data-center region its loader comes from, and capture options. */
export const settings = z.object({
  /** The app id of the Heap environment to send data to (Account > Manage > Projects): digits only. */
  appId: z
    .string()
    .regex(/^\d{1,16}$/)
    .describe('Heap app (environment) ID, digits only, from Account > Manage > Projects'),
  /**
   * The Heap data center of your account: the loader comes from `cdn.us.heap-api.com` or `cdn.eu.heap-api.com`.
   * @default 'us'
   */
  region: z.enum(['us', 'eu']).default('us').describe('Heap data center the loader script comes from (us or eu)'),
  /**
   * Replaces the whole loader URL (`https://cdn.<region>.heap-api.com/config/<appId>/heap_config.js`) to
   * self-host heap.js or serve it through a first-party proxy. `https:` only.
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/)
    .optional()
    .describe('Loader URL override for self-hosting or a first-party proxy (https only)'),
  /**
   * Heap's `disableTextCapture` option: autocaptured events keep no element text (privacy).
   * @default false
   */
  disableTextCapture: z
    .boolean()
    .default(false)
    .describe("Heap's disableTextCapture: do not capture element text in autocaptured events"),
  /**
   * Heap's `secureCookie` option: Heap's cookies get the `Secure` attribute (HTTPS-only sites).
   * @default false
   */
  secureCookie: z.boolean().default(false).describe("Heap's secureCookie: set Heap's cookies as Secure (https only)"),
});

export type Settings = z.infer<typeof settings>;
