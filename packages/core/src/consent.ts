import type { SegmentEvent } from './types';

/**
 * The consent rules of one plugin instance, from `consentSettings.categories` (the shape
 * `@segment/analytics-consent-tools` puts in a remote plugin's settings). Returns the categories,
 * and whether the host manages consent: then the vendor script waits for an event that grants it.
 * Without `consentSettings`, the destination's default categories still filter each event.
 */
export function readConsentRules(rawSettings: unknown, defaults: readonly string[] = []): [readonly string[], boolean] {
  const categories = (rawSettings as { consentSettings?: { categories?: unknown } } | null)?.consentSettings
    ?.categories;
  const gated = Array.isArray(categories) && categories.every((c) => typeof c === 'string');
  return [gated ? categories : defaults, gated];
}

/**
 * Whether an event's `context.consent.categoryPreferences` grants every category (true), denies one
 * (false), or is absent (undefined: no consent manager on the page).
 */
export function consentGranted(event: SegmentEvent, categories: readonly string[]): boolean | undefined {
  const preferences = event.context?.consent?.categoryPreferences;
  return preferences && typeof preferences === 'object' ? categories.every((c) => preferences[c] === true) : undefined;
}
