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

type Handler<S, C> = (client: C, event: SegmentEvent, settings: S, granted: boolean) => void | Promise<void>;

const METHODS: readonly EventType[] = ['track', 'identify', 'page', 'group', 'alias', 'screen'];

/** `track "Order Completed"`, `page`, … for log lines. */
const describeEvent = (event: SegmentEvent): string => (event.type === 'track' ? `track "${event.event}"` : event.type);

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
  const { name, loadTimeoutMs: timeoutMs = 10_000, bufferSize = 500 } = definition;
  const log = createLogger(definition.slug);
  const result = validateSettings<S>(definition.settings, rawSettings);
  const settings = (result as { value: S }).value;
  const [categories, gated] = readConsentRules(rawSettings, definition.consent);
  // Events that arrive before the vendor is ready: the first `bufferSize` are kept (the first page
  // view matters most), the rest counted.
  let buffer: SegmentEvent[] = [];
  let dropped = 0;
  // undefined: not started; true: ready; false: failed (or invalid settings).
  let ready: boolean | undefined = result.ok && undefined;
  let client: C;
  let analytics: AnalyticsLike | undefined;
  let started: Promise<void> | undefined;
  // The consent decision the vendor last heard of: none yet. Vendors keep an opt-out across page loads
  // (Mixpanel, Amplitude), so the first decision after load is passed on too, not only later changes.
  let allowed: boolean | undefined;

  // The async wrapper turns a throw and a rejected promise alike into one report; the vendor call
  // itself still runs synchronously.
  const deliver = (event: SegmentEvent, method: EventType | 'consentChanged' = event.type): void =>
    void (async () => (definition[method] as Handler<S, C> | undefined)?.(client, event, settings, allowed!))().catch(
      (error) => log.error(`${describeEvent(event)} failed in the vendor call: ${describeError(error)}`),
    );

  // A consent decision the vendor has not heard yet (GA4 consent update, FullStory shutdown): told once.
  const tell = (event: SegmentEvent, granted: boolean | undefined): void => {
    if (granted !== undefined && granted !== allowed) {
      allowed = granted;
      deliver(event, 'consentChanged');
    }
  };

  const start = (): Promise<void> =>
    (started ??= (async () => {
      // One deadline: each step gets what is left of it, less a margin so the step's precise message wins.
      const deadline = Date.now() + timeoutMs;
      const left = (): number => Math.max(1, deadline - Date.now() - 5);
      try {
        client = await Promise.race([
          definition.load({
            settings,
            analytics,
            window,
            log,
            loadScript: (src, options) => loadScript(src, { timeoutMs: left(), ...options }),
            resolveWhen: (condition, options) => resolveWhen(condition, { timeoutMs: left(), ...options }),
          }),
          new Promise<never>((_, reject) =>
            setTimeout(reject, timeoutMs, new Error(`timed out after ${timeoutMs} ms waiting for ${name} to load`)),
          ),
        ]);
        ready = true;
        if (dropped)
          log.warn(
            `${dropped} events arrived before ${name} was ready and were dropped: the buffer holds ${bufferSize}`,
          );
        for (const event of buffer) {
          tell(event, consentGranted(event, categories));
          deliver(event);
        }
      } catch (error) {
        ready = false;
        const lost = buffer.length + dropped;
        log.error(`load failed: ${describeError(error)}${lost ? ` (${lost} buffered events dropped)` : ''}`);
      }
      buffer = [];
    })());

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
          const event = ctx?.event;
          if (ready !== false && isObject(event)) {
            const granted = consentGranted(event, categories);
            if (ready) tell(event, granted);
            if (granted === false) log.debug(`${describeEvent(event)} not sent: consent not given for ${categories}`);
            else if (ready) deliver(event);
            else {
              if (buffer.length < bufferSize) buffer.push(event);
              else dropped++;
              if (gated && granted) void start();
            }
          }
        } catch (error) {
          log.error(`${method} could not be handled: ${describeError(error)}`);
        }
        return ctx;
      };
    }
  }
  return plugin;
}
