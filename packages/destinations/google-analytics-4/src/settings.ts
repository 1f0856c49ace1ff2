import { z } from 'zod';

const consentState = z.enum(['granted', 'denied']);

/** Google Analytics 4 through the Google tag (gtag.js). */
export const settings = z.object({
  /** The web data stream's measurement ID (Admin › Data streams): `G-` and letters or digits. */
  measurementId: z
    .string()
    .regex(/^G-[A-Z0-9]{4,16}$/)
    .describe('Measurement ID of the GA4 web data stream (G-XXXXXXXXXX)'),
  /**
   * Where gtag.js loads from (`?id=<measurementId>` is appended): override for a first-party proxy or Google
   * tag gateway. A page that already loads gtag.js from this URL keeps its copy.
   * @default 'https://www.googletagmanager.com/gtag/js'
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/)
    .default('https://www.googletagmanager.com/gtag/js')
    .describe('gtag.js URL without query (https only)'),
  /**
   * Your event names → GA4 event names (letters, digits, underscores, starting with a letter, ≤ 40 characters).
   * A recommended e-commerce name (`purchase`, `add_to_cart`, …) gets its e-commerce parameters.
   * @default {}
   */
  eventMap: z
    .record(z.string(), z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/))
    .default({})
    .describe('Event name → GA4 event name'),
  /**
   * Traits identify() sends as GA4 user properties (names ≤ 24 characters). An allow-list, not every trait:
   * GA4 keeps 25 user properties and Google's terms forbid personal data such as e-mail addresses.
   * @default []
   */
  userProperties: z
    .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,23}$/))
    .max(25)
    .default([])
    .describe('Trait names sent as user properties'),
  /**
   * Currency for e-commerce events whose properties carry none (ISO 4217).
   * @default 'USD'
   */
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD')
    .describe('Fallback currency (ISO 4217)'),
  /**
   * Manage Google Consent Mode v2: set the defaults below before `config`, then send `consent update`
   * whenever an event's consent preferences change. Leave off when the page sets Consent Mode itself.
   * @default false
   */
  consentMode: z.boolean().default(false).describe('Manage Google Consent Mode v2'),
  /**
   * `analytics_storage` until the visitor chooses.
   * @default 'denied'
   */
  analyticsStorageDefault: consentState.default('denied').describe('Default analytics_storage'),
  /**
   * `ad_storage`, `ad_user_data` and `ad_personalization` until the visitor chooses.
   * @default 'denied'
   */
  adStorageDefault: consentState.default('denied').describe('Default ad_storage, ad_user_data, ad_personalization'),
  /**
   * Milliseconds Google tags wait for a consent update after the default (`wait_for_update`).
   * @default 500
   */
  waitForUpdate: z.number().int().min(0).max(10000).default(500).describe('wait_for_update in ms'),
  /**
   * The consent category (in `context.consent.categoryPreferences`) that decides `analytics_storage`.
   * @default 'analytics'
   */
  analyticsCategory: z.string().max(100).default('analytics').describe('Category deciding analytics_storage'),
  /**
   * The consent category that decides `ad_storage`, `ad_user_data` and `ad_personalization`.
   * @default 'advertising'
   */
  advertisingCategory: z
    .string()
    .max(100)
    .default('advertising')
    .describe('Category deciding ad_storage, ad_user_data, ad_personalization'),
});

export type Settings = z.infer<typeof settings>;
