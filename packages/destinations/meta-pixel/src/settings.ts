import { z } from 'zod';

/** Meta's standard events (the Meta Pixel reference). */
const standardEvent = z.enum([
  'AddPaymentInfo',
  'AddToCart',
  'AddToWishlist',
  'CompleteRegistration',
  'Contact',
  'CustomizeProduct',
  'Donate',
  'FindLocation',
  'InitiateCheckout',
  'Lead',
  'Purchase',
  'Schedule',
  'Search',
  'StartTrial',
  'SubmitApplication',
  'Subscribe',
  'ViewContent',
]);

/** Meta Pixel through Meta's base code (fbevents.js). */
export const settings = z.object({
  /** The pixel (dataset) ID from Events Manager: digits only. */
  pixelId: z
    .string()
    .regex(/^\d{10,20}$/)
    .describe('Meta Pixel ID (digits)'),
  /**
   * Where fbevents.js loads from: override to self-host or use a first-party proxy.
   * @default 'https://connect.facebook.net/en_US/fbevents.js'
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/)
    .default('https://connect.facebook.net/en_US/fbevents.js')
    .describe('fbevents.js URL (https only)'),
  /**
   * Your event names → Meta standard events (other events are sent as custom events).
   * @default {}
   */
  eventMap: z.record(z.string(), standardEvent).default({}).describe('Event name → Meta standard event'),
  /**
   * Send identify() traits (e-mail, phone, name, gender, birthday, address, user ID) as advanced matching;
   * the pixel hashes them with SHA-256 before they leave the browser.
   * @default true
   */
  advancedMatching: z.boolean().default(true).describe('Advanced matching from identify() traits'),
  /**
   * Let the pixel send button clicks and page metadata by itself (Meta's automatic configuration).
   * @default true
   */
  autoConfig: z.boolean().default(true).describe("Meta's automatic configuration"),
  /**
   * Flag events for Limited Data Use (US state privacy laws).
   * @default false
   */
  limitedDataUse: z.boolean().default(false).describe('Limited Data Use'),
  /**
   * Limited Data Use country: 0 lets Meta geolocate the visitor, 1 is the United States.
   * @default 0
   */
  limitedDataUseCountry: z.number().int().min(0).max(1).default(0).describe('LDU country (0 = geolocate)'),
  /**
   * Limited Data Use state code (e.g. 1000 for California); 0 lets Meta geolocate.
   * @default 0
   */
  limitedDataUseState: z.number().int().min(0).max(9999).default(0).describe('LDU state (0 = geolocate)'),
  /**
   * What `content_ids` name: catalog products, or product groups.
   * @default 'product'
   */
  contentType: z.enum(['product', 'product_group']).default('product').describe('content_type'),
  /**
   * Currency for events whose properties carry none (ISO 4217).
   * @default 'USD'
   */
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD')
    .describe('Fallback currency (ISO 4217)'),
});

export type Settings = z.infer<typeof settings>;
