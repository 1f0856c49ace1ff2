import { consentGranted, readConsentRules } from './consent';
import { isObject } from './globals';
import { loadScript } from './load-script';
import { createLogger, describeError } from './logger';
import { resolveWhen } from './resolve-when';
import { validateSettings } from './settings-validator';
import type {
  AnalyticsLike,
  DestinationDefinition,
  DestinationFactory,
  DestinationPlugin,
  EventType,
  PluginContext,
  SegmentEvent,
} from './types';

const METHODS: readonly EventType[] = ['track', 'identify', 'page', 'group', 'alias', 'screen'];

/** `track "Order Completed"`, `page`, … for log lines. */
const describeEvent = (event: SegmentEvent): string => (event.type === 'track' ? `track "${event.event}"` : event.type);

/** Steps inside load() time out this much before load() itself, so their precise message wins. */
const STEP_MARGIN_MS = 5;

/**
 * Turns a definition into the factory analytics-next calls: `(settings) => Plugin`.
 * Every plugin it makes validates settings before loading, never throws synchronously, settles
 * `load()` within the timeout, buffers early events (bounded) and delivers them once and in order,
 * isolates each vendor call, and honours consent per event and before loading the vendor script.
 */
export function defineDestination<S, C>(definition: DestinationDefinition<S, C>): DestinationFactory<S, C> {
  const factory = ((settings?: unknown) => createPlugin(definition, settings)) as DestinationFactory<S, C>;
  factory.pluginName = definition.name;
  factory.definition = definition;
  return factory;
}

function createPlugin<S, C>(definition: DestinationDefinition<S, C>, rawSettings: unknown): DestinationPlugin {
  const { slug, name, loadTimeoutMs: timeoutMs = 10_000, bufferSize = 500 } = definition;
  const log = createLogger(slug);
  const result = validateSettings<S>(definition.settings, rawSettings);
  const settings = (result as { value: S }).value;
  const [categories, gated] = readConsentRules(rawSettings, definition.consent);
  // Events that arrive before the vendor is ready: the first `bufferSize` are kept (the first page
  // view matters most), the rest counted.
  let buffer: SegmentEvent[] = [];
  let dropped = 0;
  // undefined: not started; true: ready; false: failed (or invalid settings).
  let ready: boolean | undefined = result.ok ? undefined : false;
  let client: C;
  let analytics: AnalyticsLike | undefined;
  let started: Promise<void> | undefined;

  const deliver = (event: SegmentEvent): void => {
    const report = (error: unknown): void =>
      log.error(`${describeEvent(event)} failed in the vendor call: ${describeError(error)}`);
    try {
      // A rejected promise from an async handler is reported the same way as a throw.
      Promise.resolve(definition[event.type]?.(client, event, settings)).catch(report);
    } catch (error) {
      report(error);
    }
  };

  const start = (): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    const left = (): number => Math.max(1, deadline - Date.now() - STEP_MARGIN_MS);
    return (started ??= Promise.race([
      Promise.resolve().then(() =>
        definition.load({
          settings,
          analytics,
          window,
          log,
          loadScript: (src, options) => loadScript(src, { timeoutMs: left(), ...options }),
          resolveWhen: (condition, options) => resolveWhen(condition, { timeoutMs: left(), ...options }),
        }),
      ),
      new Promise<never>((_, reject) =>
        setTimeout(reject, timeoutMs, new Error(`timed out after ${timeoutMs} ms waiting for ${name} to load`)),
      ),
    ]).then(
      (vendor) => {
        client = vendor;
        ready = true;
        if (dropped)
          log.warn(
            `${dropped} events arrived before ${name} was ready and were dropped: the buffer holds ${bufferSize}`,
          );
        buffer.forEach(deliver);
        buffer = [];
      },
      (error) => {
        ready = false;
        const lost = buffer.length + dropped;
        buffer = [];
        log.error(`load failed: ${describeError(error)}${lost ? ` (${lost} buffered events dropped)` : ''}`);
      },
    ));
  };

  const receive = (event: SegmentEvent): void => {
    if (ready === false || !isObject(event)) return;
    const granted = consentGranted(event, categories);
    if (granted === false) log.debug(`${describeEvent(event)} not sent: consent not given for ${categories}`);
    else if (ready) deliver(event);
    else {
      if (buffer.length < bufferSize) buffer.push(event);
      else dropped++;
      if (gated && granted) void start();
    }
  };

  const plugin: DestinationPlugin = {
    name,
    type: 'destination',
    version: definition.version,
    isLoaded: () => ready === true,
    // Never rejects: analytics-next's wrapper for remotePlugins and `plugins: [factory]` turns a rejected
    // load() into an unhandled rejection on the site's page when no event is waiting. Failures are
    // logged once, the plugin stays not-loaded and drops its events.
    async load(_ctx, instance) {
      if (!result.ok)
        return log.error(`invalid settings: ${result.errors.join('; ')}. Fix them in the ${name} settings`);
      analytics = instance as AnalyticsLike | undefined;
      // Under host-managed consent the script waits for an event that grants it.
      if (!gated) await start();
    },
  };
  for (const method of METHODS) {
    if (definition[method]) {
      plugin[method] = <T extends PluginContext>(ctx: T): T => {
        try {
          receive(ctx?.event);
        } catch (error) {
          log.error(`${method} could not be handled: ${describeError(error)}`);
        }
        return ctx;
      };
    }
  }
  return plugin;
}
