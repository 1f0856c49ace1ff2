/** The catalog's fixed category list: `catalog.json` categories must come from it (docs/create.md). */
export const CATEGORIES = [
  'A/B Testing',
  'Advertising',
  'Analytics',
  'Attribution',
  'CRM',
  'Customer Success',
  'Email Marketing',
  'Enrichment',
  'Feature Flagging',
  'Heatmaps & Recordings',
  'Livechat',
  'Marketing Automation',
  'Performance Monitoring',
  'Personalization',
  'Surveys',
  'Tag Managers',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** True for a category of the fixed list (exact spelling). */
export const isCategory = (value: unknown): value is Category =>
  typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);

/** The consent category a new destination starts with: ad pixels need `advertising`, the rest `analytics`. */
export const consentFor = (categories: readonly string[]): 'advertising' | 'analytics' =>
  categories.some((c) => c === 'Advertising' || c === 'Attribution') ? 'advertising' : 'analytics';
