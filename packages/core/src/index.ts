export { defineDestination } from './define-destination';
export { validateSettings } from './settings-validator';
export type { SettingsResult } from './settings-validator';
export { loadScript } from './load-script';
export { resolveWhen } from './resolve-when';
export { consentGranted, readConsentRules } from './consent';

export { createLogger, describeError, formatMessage, setLogLevel } from './logger';
export { createQueueStub, ensureGlobal, isObject, readGlobal } from './globals';
export type { QueueStub } from './globals';
export {
  ECOMMERCE_EVENTS,
  LIFECYCLE_EVENTS,
  MAX_PRODUCTS,
  compact,
  currencyOf,
  mapEventName,
  normalizeProduct,
  omit,
  productsOf,
  productsValue,
  propertiesOf,
  toNumber,
  toText,
  traitsOf,
  valueOf,
} from './spec';
export type { NormalizedProduct, SpecEventName, SpecOrderProperties, SpecProduct } from './spec';
export type * from './types';
