/**
 * Public types of @devicemode/core. They mirror the parts of `@segment/analytics-next` a destination
 * touches, structurally, so that core never imports analytics-next at run time
 * (`test/types.check.ts` proves a core plugin is assignable to analytics-next's `Plugin`).
 */

/** A JSON value as it can appear in an event. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Consent preferences stamped on an event by `@segment/analytics-consent-tools`. */
export interface EventConsent {
  categoryPreferences?: Record<string, boolean>;
}

/** The page context analytics-next stamps on every browser event. */
export interface PageContext {
  path?: string;
  referrer?: string;
  search?: string;
  title?: string;
  url?: string;
}

/** `event.context`: only the fields core and destinations read are typed. */
export interface EventContext {
  consent?: EventConsent;
  page?: PageContext;
  traits?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The Segment event types a device-mode destination can receive. */
export type EventType = 'track' | 'identify' | 'page' | 'group' | 'alias' | 'screen';

/** A Segment Spec event as a plugin receives it in `ctx.event`. */
export interface SegmentEvent {
  type: EventType;
  event?: string;
  name?: string;
  category?: string | null;
  userId?: string | null;
  anonymousId?: string | null;
  groupId?: string | null;
  previousId?: string | null;
  properties?: object;
  traits?: object;
  context?: EventContext;
  integrations?: object;
  timestamp?: Date | string;
  messageId?: string;
}

/** The smallest part of analytics-next's `Context` a destination needs. */
export interface PluginContext {
  event: SegmentEvent;
}

/** The part of the analytics instance that `load()` receives and core reads. */
export interface AnalyticsLike {
  user?: () => { id: () => string | null | undefined; anonymousId: () => string | null | undefined };
}

/** A plugin as analytics-next registers it (structurally its `Plugin`). */
export interface DestinationPlugin {
  name: string;
  type: 'destination';
  version: string;
  isLoaded: () => boolean;
  load: (ctx: unknown, analytics?: unknown) => Promise<void>;
  track?: <C extends PluginContext>(ctx: C) => C;
  identify?: <C extends PluginContext>(ctx: C) => C;
  page?: <C extends PluginContext>(ctx: C) => C;
  group?: <C extends PluginContext>(ctx: C) => C;
  alias?: <C extends PluginContext>(ctx: C) => C;
  screen?: <C extends PluginContext>(ctx: C) => C;
}

/** The JSON-Schema subset settings use; generated from a destination's zod schema. */
export interface SettingSchema {
  type?: string;
  enum?: readonly unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: SettingSchema;
  properties?: Record<string, SettingSchema>;
  required?: readonly string[];
  additionalProperties?: SettingSchema | boolean;
  propertyNames?: SettingSchema;
  default?: unknown;
  description?: string;
  [keyword: string]: unknown;
}

/** What `load()` of a definition receives. */
export interface LoadApi<S> {
  /** Validated settings, defaults applied. */
  settings: S;
  /** The analytics instance the plugin was registered with, when there is one. */
  analytics: AnalyticsLike | undefined;
  /** The page's window. */
  window: Window;
  /** Injects a script (see {@link loadScript}); the timeout defaults to the destination's load timeout. */
  loadScript: (src: string, options?: LoadScriptOptions) => Promise<HTMLScriptElement>;
  /** Resolves with the first truthy value of `condition`; rejects after the timeout. */
  resolveWhen: <T>(condition: () => T | undefined | null | false, options?: ResolveWhenOptions) => Promise<T>;
  /** The destination's logger. */
  log: Logger;
}

/** A destination, as its author writes it. */
export interface DestinationDefinition<S, C> {
  /** Catalog name, also the plugin name (e.g. `Mixpanel`). */
  name: string;
  /** Stable identifier, kebab-case, never renamed once released (e.g. `mixpanel`). */
  slug: string;
  /** The package version; always set on the plugin. */
  version: string;
  /** JSON Schema of the settings (`settings.schema.json`, generated from `src/settings.ts`). */
  settings: SettingSchema;
  /** Consent categories the vendor needs by default (overridable with `consentSettings.categories`). */
  consent?: readonly string[];
  /** Load timeout in ms. @default 10000 */
  loadTimeoutMs?: number;
  /** Pre-ready buffer size. @default 500 */
  bufferSize?: number;
  // Method syntax on purpose: a definition for specific settings is still a DestinationDefinition
  // to tools that handle every destination (bivariant parameters).
  /** Installs the vendor's snippet, loads its script and returns its client once ready. */
  load(api: LoadApi<S>): Promise<C> | C;
  track?(client: C, event: SegmentEvent, settings: S): void | Promise<void>;
  identify?(client: C, event: SegmentEvent, settings: S): void | Promise<void>;
  page?(client: C, event: SegmentEvent, settings: S): void | Promise<void>;
  group?(client: C, event: SegmentEvent, settings: S): void | Promise<void>;
  alias?(client: C, event: SegmentEvent, settings: S): void | Promise<void>;
  screen?(client: C, event: SegmentEvent, settings: S): void | Promise<void>;
  /**
   * Called, once the destination has loaded, for the first event that carries consent preferences and then
   * each time an event's preferences flip the decision: `granted` false when the visitor withdrew consent
   * (the event itself is then not delivered), true when consent is given (the event is delivered right
   * after). The first decision is passed on too because vendors keep an opt-out across page loads. The
   * place to tell the vendor: GA4's consent update, FullStory's shutdown and restart, Mixpanel's opt-out.
   */
  consentChanged?(client: C, event: SegmentEvent, settings: S, granted: boolean): void | Promise<void>;
}

/** The factory `defineDestination` returns: what analytics-next calls with remote settings. */
export interface DestinationFactory<S = unknown, C = unknown> {
  (settings?: unknown): DestinationPlugin;
  /** Matches `remotePlugins[].name` so analytics-next can wrap an npm-registered factory. */
  pluginName: string;
  /** The definition, for tools (docs, validation, governance). */
  definition: DestinationDefinition<S, C>;
}

/** Options of {@link loadScript}. */
export interface LoadScriptOptions {
  /** CSP nonce; defaults to the nonce of the first script on the page that has one. */
  nonce?: string;
  /** Subresource Integrity hash; sets `crossorigin="anonymous"` unless `crossOrigin` says otherwise. */
  integrity?: string;
  crossOrigin?: 'anonymous' | 'use-credentials';
  /** Extra attributes (`data-*`, `id`…); `src`, `on*` and `nonce` keys are ignored. */
  attributes?: Record<string, string>;
  /** @default 10000 */
  timeoutMs?: number;
  /** Permit `http:` (tests only). @default false */
  allowInsecure?: boolean;
}

/** Options of {@link resolveWhen}. */
export interface ResolveWhenOptions {
  /** @default 10000 */
  timeoutMs?: number;
  /** @default 25 */
  intervalMs?: number;
  /** Names what is awaited, for the timeout message. */
  what?: string;
}

/** One logger per destination. */
export interface Logger {
  debug: (message: string, ...details: unknown[]) => void;
  info: (message: string, ...details: unknown[]) => void;
  warn: (message: string, ...details: unknown[]) => void;
  error: (message: string, ...details: unknown[]) => void;
}

/** Log levels, quietest last. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
