import { z } from 'zod';

/** HubSpot tracking code: the account's Hub ID, its data-center host, and custom behavioral event names. */
export const settings = z.object({
  /** Your HubSpot account's Hub ID (portal id): the digits in your embed code's `hs-scripts.com/<id>.js`. */
  portalId: z
    .string()
    .regex(/^\d{1,12}$/)
    .describe('HubSpot Hub ID (portal id): the digits in the embed code URL hs-scripts.com/<id>.js'),
  /**
   * The data center in your embed code's host: `na1` is `js.hs-scripts.com`, the others `js-<region>.hs-scripts.com`.
   * @default 'na1'
   */
  region: z
    .enum(['na1', 'na2', 'eu1', 'ap1'])
    .default('na1')
    .describe('Data center of the embed code host: na1 = js.hs-scripts.com, eu1 = js-eu1.hs-scripts.com, …'),
  /**
   * Replaces the whole tracking code URL (`https://js.hs-scripts.com/<portalId>.js`) for a first-party proxy.
   * `https:` only.
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/)
    .optional()
    .describe('Tracking code URL override for a first-party proxy (https only)'),
  /**
   * Your event names → the internal name of a HubSpot custom event (`signup_completed`, or fully qualified
   * `pe<HubID>_signup_completed`). Unmapped events use their own name in snake_case.
   * @default {}
   */
  eventMap: z
    .record(z.string(), z.string().regex(/^(pe\d{1,12}_)?[a-z][a-z0-9_-]{0,49}$/))
    .default({})
    .describe('Event name → HubSpot custom event internal name (pe<HubID>_ prefix optional)'),
  /**
   * HubSpot sends identities only with the next page view or event: when true, identify also tracks a page
   * view so the identity reaches HubSpot at once (one extra page view in HubSpot's analytics).
   * @default false
   */
  trackPageViewOnIdentify: z
    .boolean()
    .default(false)
    .describe('Track a page view right after identify, so HubSpot receives the identity at once'),
});

export type Settings = z.infer<typeof settings>;
