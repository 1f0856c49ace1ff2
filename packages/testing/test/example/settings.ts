import { z } from 'zod';

/** Beacon, the kit's worked example: a vendor with a function-style global (`beacon('track', …)`). */
export const settings = z.object({
  /** The Beacon site id, from Beacon's dashboard: `bk_` and 10 letters or digits. */
  siteId: z
    .string()
    .regex(/^bk_[A-Za-z0-9]{10}$/)
    .describe('Beacon site id (bk_ and 10 letters or digits)'),
  /**
   * Where Beacon's script loads from: override to self-host or use a first-party proxy.
   * @default 'https://cdn.beacon.test/beacon.js'
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?\/[\w./-]*$/)
    .default('https://cdn.beacon.test/beacon.js')
    .describe('Script URL (https only)'),
  /**
   * Your event names → Beacon's standard events.
   * @default {}
   */
  eventMap: z
    .record(z.string(), z.enum(['purchase', 'signup', 'lead']))
    .default({})
    .describe('Event name → Beacon standard event'),
});

export type Settings = z.infer<typeof settings>;
