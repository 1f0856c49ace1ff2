import { z } from 'zod';

/** Settings of the Amplitude destination. */
export const settings = z.object({
  /** The project's API key, from Amplitude's project settings: 32 hexadecimal characters. */
  apiKey: z
    .string()
    .regex(/^[a-f0-9]{32}$/)
    .describe('Project API key (32 hexadecimal characters, from the project settings)'),
  /**
   * Where the project's data lives: US or EU (an EU project needs EU).
   * @default 'US'
   */
  serverZone: z.enum(['US', 'EU']).default('US').describe('Data center of the project: US or EU'),
  /** Your own ingestion endpoint (a first-party proxy) instead of Amplitude's. */
  serverUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[\w./%-]*)?$/)
    .optional()
    .describe('Ingestion proxy URL (https only); overrides the server zone endpoint'),
  /**
   * Shortest user or device id Amplitude accepts (its default is 5: shorter ids, such as a numeric user id
   * `42`, are removed from events). Set 1 to keep short user ids.
   */
  minIdLength: z
    .number()
    .int()
    .min(1)
    .max(64)
    .optional()
    .describe("Shortest user/device id Amplitude keeps (Amplitude's default: 5)"),
  /**
   * Where Amplitude's Browser SDK 2 loads from: override to self-host or use a first-party proxy.
   * The default is the version Amplitude's snippet pins.
   * @default 'https://cdn.amplitude.com/libs/analytics-browser-2.47.1-min.js.gz'
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/)
    .default('https://cdn.amplitude.com/libs/analytics-browser-2.47.1-min.js.gz')
    .describe('Amplitude Browser SDK URL (https only)'),
  /**
   * The group type group calls set (an Amplitude Accounts group type, e.g. `company` or `org id`).
   * @default 'company'
   */
  groupType: z
    .string()
    .regex(/^[\w$ .-]{1,64}$/)
    .default('company')
    .describe('Group type for group calls'),
  /**
   * Let Amplitude capture sessions, marketing attribution, form interactions and file downloads itself
   * (its own page views stay off: page calls send them).
   * @default true
   */
  autocapture: z
    .boolean()
    .default(true)
    .describe("Amplitude's own autocapture (sessions, attribution, forms, downloads); page views always off"),
});

export type Settings = z.infer<typeof settings>;
