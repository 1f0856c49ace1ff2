// Names derived from a destination's slug, the same way the build derives them (scripts/rollup-config.mjs).

/** `google-analytics-4` → `googleAnalytics4`. */
export const camelOf = (slug: string): string => slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `google-analytics-4` → `googleAnalytics4Destination`: the CDN global and the factory's export name. */
export const libraryNameOf = (slug: string): string => `${camelOf(slug)}Destination`;

/** `google-analytics-4` → `GoogleAnalytics4`. */
export const pascalOf = (slug: string): string => camelOf(slug).replace(/^./, (c) => c.toUpperCase());

/** `Google Analytics 4` → `google-analytics-4`. */
export const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
