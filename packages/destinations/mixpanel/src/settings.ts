import { z } from 'zod';

/** Settings of the Mixpanel destination. */
export const settings = z.object({
  /** The project token, from Mixpanel's Project Settings: 32 hexadecimal characters. */
  token: z
    .string()
    .regex(/^[a-f0-9]{32}$/)
    .describe('Project token (32 hexadecimal characters, from Project Settings)'),
  /**
   * Where the project stores its data: events sent to another region's host are not ingested.
   * @default 'US'
   */
  region: z.enum(['US', 'EU', 'IN']).default('US').describe('Data residency of the project: US, EU or IN (India)'),
  /** Your own ingestion host (a first-party proxy) instead of the region's Mixpanel host. */
  apiHost: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[\w./%-]*)?$/)
    .optional()
    .describe('Ingestion proxy URL (https only); overrides the region host'),
  /**
   * Where Mixpanel's script loads from: override to self-host or use a first-party proxy.
   * @default 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js'
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/)
    .default('https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js')
    .describe('Mixpanel script URL (https only)'),
  /**
   * Where Mixpanel keeps its ids and super properties in the browser.
   * @default 'cookie'
   */
  persistence: z
    .enum(['cookie', 'localStorage'])
    .default('cookie')
    .describe('Browser storage for Mixpanel ids: cookie or localStorage'),
  /**
   * Update user profiles (Mixpanel People) with identify traits and group memberships.
   * @default true
   */
  people: z.boolean().default(true).describe('Set identify traits on the user profile (Mixpanel People)'),
  /**
   * The group key group calls use (the Group Key defined in Mixpanel's Project Settings).
   * @default 'company_id'
   */
  groupKey: z
    .string()
    .regex(/^[\w$ .-]{1,64}$/)
    .default('company_id')
    .describe('Group key for group calls (from Project Settings → Group Keys)'),
  /**
   * Forward alias calls as `mixpanel.alias`: only for projects on Original ID Merge or Legacy ID
   * Management; Simplified ID Merge projects ignore aliases.
   * @default false
   */
  alias: z.boolean().default(false).describe('Forward alias calls (Original ID Merge / Legacy projects only)'),
});

export type Settings = z.infer<typeof settings>;
