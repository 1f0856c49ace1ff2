import { z } from 'zod';

/** FullStory settings. */
export const settings = z.object({
  /**
   * Your FullStory org ID, as in your FullStory snippet's `window['_fs_org']`: `o-`, an id and the data
   * center (e.g. `o-1A2B3C-na1`, `o-7Y9H-eu1`), or a legacy id such as `1ZRXF`.
   */
  orgId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/)
    .describe('Org ID, e.g. o-1A2B3C-na1 (letters, digits and hyphens)'),
  /**
   * The recording server host (`_fs_host`); change it only to send capture through a proxy such as
   * FullStory Relay. For an EU org (`…-eu1`) the default becomes `eu1.fullstory.com`.
   * @default 'fullstory.com'
   */
  host: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d+)?$/)
    .default('fullstory.com')
    .describe('Recording host (_fs_host), e.g. fullstory.com or your relay host'),
  /**
   * Where fs.js loads from (`_fs_script`), to self-host or proxy it. With the default, an EU org loads
   * `https://edge.eu1.fullstory.com/s/fs.js`.
   * @default 'https://edge.fullstory.com/s/fs.js'
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/)
    .default('https://edge.fullstory.com/s/fs.js')
    .describe('fs.js script URL (https only)'),
  /**
   * The global FullStory's API is installed under (`_fs_namespace`); change it only when another
   * script already uses `window.FS`.
   * @default 'FS'
   */
  namespace: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/)
    .default('FS')
    .describe('Global name of the FullStory API (_fs_namespace)'),
  /**
   * Load FullStory's debug build (`fs-debug.js`), which logs to the browser console; applies to the
   * default script URL only.
   * @default false
   */
  debug: z.boolean().default(false).describe('Load the debug build of fs.js (console logging)'),
  /**
   * Send the Segment page name as FullStory's `pageName`, which creates a named Page in FullStory and
   * takes precedence over URL-based page definitions.
   * @default true
   */
  pageName: z.boolean().default(true).describe("Send the page name as FullStory's pageName"),
});

export type Settings = z.infer<typeof settings>;
