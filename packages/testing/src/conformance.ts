// One suite every destination runs: what defineDestination promises, checked against the real plugin.
import fc from 'fast-check';
import { AnalyticsBrowser } from '@segment/analytics-next';
import type { Plugin } from '@segment/analytics-next';
import type { DestinationFactory, DestinationPlugin, SegmentEvent } from '@devicemode/core';
import { EMULATED_FAILURE, FAULTS } from './emulator';
import type { Fault, VendorCall } from './emulator';
import { dispatch, settle } from './fixture-table';
import type { DestinationTestPlan } from './fixture-table';
import { addedGlobals, resetPage, serveVendor, vendorScripts } from './jsdom-page';
import { spec, withConsent } from './spec-events';

/** One check: a name and a run that rejects with a readable message when the destination fails it. */
export interface ConformanceCheck {
  name: string;
  run: () => Promise<void>;
}

/** Load timeout the checks give the destination, so fault checks finish fast. */
export const CONFORMANCE_TIMEOUT_MS = 400;
/** Why load() must resolve even when it fails. */
const REJECTION_RULE =
  "load() must log its failure and resolve: on analytics-next's remotePlugins path a rejection reaches the page as an uncaught error";

/** How many fuzzed events the robustness check sends. */
export const FUZZ_EVENTS = 10_000;

type AnyFactory = DestinationFactory<unknown, unknown>;

class ConformanceError extends Error {
  override name = 'ConformanceError';
}

/** Runs `body` with console output captured (checks provoke errors on purpose). */
async function quietly<T>(body: (logged: string[]) => Promise<T>): Promise<T> {
  const logged: string[] = [];
  const saved = { error: console.error, warn: console.warn, debug: console.debug, info: console.info };
  for (const level of ['error', 'warn', 'debug', 'info'] as const) {
    console[level] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  }
  try {
    return await body(logged);
  } finally {
    Object.assign(console, saved);
  }
}

/** Collects errors that reach the page (window `error`, unhandled rejections) while `body` runs. */
async function pageErrors(body: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onError = (event: ErrorEvent): void => {
    if (!String(event.message).includes(EMULATED_FAILURE)) errors.push(`uncaught error: ${event.message}`);
  };
  const onRejection = (reason: unknown): void => void errors.push(`unhandled rejection: ${String(reason)}`);
  window.addEventListener('error', onError);
  process.on('unhandledRejection', onRejection);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    window.removeEventListener('error', onError);
    process.off('unhandledRejection', onRejection);
  }
  return errors;
}

/** Resolves with how the promise settled, or 'pending' after `ms`. */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<'resolved' | 'rejected' | 'pending'> {
  return Promise.race([
    promise.then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);
}

/** A healthy second destination: records every event it receives. */
function recorderPlugin(seen: string[]): Plugin {
  const record = (ctx: { event: { type: string; event?: string } }) => {
    seen.push(ctx.event.type === 'track' ? String(ctx.event.event) : ctx.event.type);
    return ctx;
  };
  return {
    name: 'Conformance Recorder',
    type: 'destination',
    version: '1.0.0',
    isLoaded: () => true,
    load: async () => undefined,
    track: record,
    identify: record,
    page: record,
    group: record,
    alias: record,
  } as unknown as Plugin;
}

/** Answers analytics-next's own requests to api.segment.io locally while `body` runs. */
async function withLocalSegmentApi<T>(body: () => Promise<T>): Promise<T> {
  const saved = window.fetch;
  window.fetch = (async () => ({
    ok: true,
    status: 200,
    json: async () => ({}),
    text: async () => '',
  })) as unknown as typeof fetch;
  try {
    return await body();
  } finally {
    window.fetch = saved;
  }
}

/** Events for every method the destination implements, in a fixed order. */
function sampleEvents(factory: AnyFactory): SegmentEvent[] {
  const all = [
    spec.identify(),
    spec.page(),
    spec.track('Product Viewed'),
    spec.group(),
    spec.track('Order Completed'),
    spec.alias(),
  ];
  return all.filter((event) => typeof factory.definition[event.type] === 'function');
}

/** The checks, as data: `runConformance` turns them into jest tests; the kit's own tests run them directly. */
export function conformanceChecks(
  factory: AnyFactory,
  plan: Omit<DestinationTestPlan, 'destination' | 'fixtures'>,
): ConformanceCheck[] {
  const { emulator, settings: validSettings, invalidSettings } = plan;
  const { name, slug } = factory.definition;
  // Plugins read the definition's timeout when created; a short one keeps the fault checks fast.
  // (Hand-written factories that bypass defineDestination simply ignore it.)
  const fast = (settings: unknown): DestinationPlugin => {
    const definition = factory.definition;
    const saved = definition.loadTimeoutMs;
    definition.loadTimeoutMs = CONFORMANCE_TIMEOUT_MS;
    try {
      return factory(settings);
    } finally {
      definition.loadTimeoutMs = saved;
    }
  };
  const fail = (message: string): never => {
    throw new ConformanceError(`[conformance:${slug}] ${message}`);
  };
  const events = sampleEvents(factory);

  /** Loads a plugin with a healthy vendor; returns the calls its events cause after loading. */
  const reference = async (): Promise<{ loadCalls: number; calls: VendorCall[] }> => {
    resetPage();
    const vendor = serveVendor(emulator);
    try {
      const plugin = fast(validSettings);
      await plugin
        .load({}, undefined)
        .catch((error: unknown) => fail(`load() with valid settings rejected: ${String(error)}`));
      const loadCalls = vendor.calls.length;
      events.forEach((event) => dispatch(plugin, event));
      await settle();
      return { loadCalls, calls: vendor.calls.slice(loadCalls) };
    } finally {
      vendor.stop();
    }
  };

  const checks: ConformanceCheck[] = [
    {
      name: 'refuses invalid settings with a logged message naming the field, before any script loads',
      run: () =>
        quietly(async (logged) => {
          if (invalidSettings.length === 0) fail('the test plan lists no invalid settings');
          for (const { settings, field } of invalidSettings) {
            resetPage();
            const vendor = serveVendor(emulator);
            const shown = JSON.stringify(settings);
            const before = logged.length;
            let loading: Promise<void>;
            try {
              loading = fast(settings).load({}, undefined);
            } catch (error) {
              vendor.stop();
              return fail(`load() threw synchronously for ${shown}: ${String(error)}`);
            }
            const outcome = await settledWithin(loading, CONFORMANCE_TIMEOUT_MS + 1000);
            vendor.stop();
            if (outcome !== 'resolved') fail(`load() ${outcome} for invalid settings ${shown}: ${REJECTION_RULE}`);
            const expected = field ? `settings.${field}` : 'settings';
            const message = logged.slice(before).find((line) => line.includes(`[devicemode:${slug}]`));
            if (message === undefined) fail(`invalid settings ${shown} were accepted: nothing was logged`);
            if (!message!.includes(expected))
              fail(`the message for ${shown} should name "${expected}", got: ${message}`);
            if (vendor.requested.length) fail(`invalid settings still requested ${vendor.requested.join(', ')}`);
          }
        }),
    },
    ...FAULTS.map((fault: Fault): ConformanceCheck => ({
      name: `vendor fault "${fault}": load() settles in time, no exception reaches the page, other destinations get every event`,
      run: () =>
        quietly(async () => {
          resetPage();
          const vendor = serveVendor(emulator, { fault });
          const seen: string[] = [];
          // The plugin analytics-next loads keeps loading after the calls resolve; the check waits for it
          // to settle, or it could become ready against the next check's vendor and deliver stale events.
          const registered = fast(validSettings);
          const load = registered.load;
          let loading: Promise<void> = Promise.resolve();
          registered.load = (ctx, instance) => (loading = load.call(registered, ctx, instance));
          try {
            const timing = fast(validSettings);
            const started = Date.now();
            const outcome = await settledWithin(timing.load({}, undefined), CONFORMANCE_TIMEOUT_MS + 1000);
            if (outcome === 'pending')
              fail(
                `load() was still pending ${Date.now() - started} ms after a "${fault}" fault (timeout ${CONFORMANCE_TIMEOUT_MS} ms)`,
              );
            if (outcome === 'rejected') fail(`load() rejected after a "${fault}" fault: ${REJECTION_RULE}`);
            resetPage();
            const errors = await pageErrors(() =>
              withLocalSegmentApi(async () => {
                const [analytics] = await AnalyticsBrowser.load(
                  {
                    writeKey: 'conformance',
                    cdnSettings: { integrations: { 'Segment.io': { apiKey: 'conformance' } } },
                  },
                  { initialPageview: false },
                );
                await analytics.register(registered as unknown as Plugin, recorderPlugin(seen)).catch(() => undefined);
                const calls = Promise.all([
                  analytics.identify('u1'),
                  analytics.track('First'),
                  analytics.page(),
                  analytics.track('Second'),
                ]);
                if ((await settledWithin(calls, CONFORMANCE_TIMEOUT_MS + 2000)) !== 'resolved') {
                  fail(`analytics calls did not resolve with a "${fault}" fault: ${name} stalls the page`);
                }
              }),
            );
            if (errors.length) fail(`with a "${fault}" fault the page saw: ${errors.join('; ')}`);
            if (seen.join(',') !== 'identify,First,page,Second') {
              fail(
                `with a "${fault}" fault the other destination received [${seen.join(', ')}] instead of [identify, First, page, Second]`,
              );
            }
          } finally {
            await settledWithin(loading, CONFORMANCE_TIMEOUT_MS + 1000);
            vendor.stop();
          }
        }),
    })),
    {
      name: 'delivers events sent before the vendor is ready once, in order',
      run: () =>
        quietly(async () => {
          const expected = await reference();
          if (expected.calls.length === 0) fail(`the sample events caused no vendor call at all; nothing to compare`);
          resetPage();
          const vendor = serveVendor(emulator, { delayMs: 40 });
          try {
            const plugin = fast(validSettings);
            const half = Math.ceil(events.length / 2);
            events.slice(0, half).forEach((event) => dispatch(plugin, event));
            const loading = plugin.load({}, undefined);
            events.slice(half).forEach((event) => dispatch(plugin, event));
            if (vendor.calls.length > expected.loadCalls) fail('events reached the vendor before it was ready');
            await loading;
            await settle();
            const early = vendor.calls.slice(expected.loadCalls);
            if (JSON.stringify(early) !== JSON.stringify(expected.calls)) {
              fail(
                `events sent before ready caused\n  ${JSON.stringify(early)}\nbut the same events after ready cause\n  ${JSON.stringify(expected.calls)}`,
              );
            }
          } finally {
            vendor.stop();
          }
        }),
    },
    {
      name: 'consent denied: no vendor call, and no script under host-managed consent',
      run: () =>
        quietly(async () => {
          const category = 'conformance-category';
          resetPage();
          let vendor = serveVendor(emulator);
          try {
            const gated = fast({ ...validSettings, consentSettings: { categories: [category] } });
            await gated.load({}, undefined);
            events.forEach((event) => dispatch(gated, withConsent(event, { [category]: false })));
            await new Promise((resolve) => setTimeout(resolve, 30));
            if (vendor.requested.length) fail(`consent was denied but ${vendor.requested.join(', ')} was requested`);
            if (vendor.calls.length) fail(`consent was denied but the vendor received ${JSON.stringify(vendor.calls)}`);
          } finally {
            vendor.stop();
          }
          const defaults = factory.definition.consent ?? [];
          if (defaults.length === 0) return;
          resetPage();
          vendor = serveVendor(emulator);
          try {
            const plugin = fast(validSettings);
            await plugin.load({}, undefined);
            const denied = Object.fromEntries(defaults.map((c) => [c, false]));
            const [first, ...rest] = events.map((event) => withConsent(event, denied));
            // The first denied event may tell the vendor, through consentChanged only; nothing after it may.
            const told = vendor.calls.length;
            dispatch(plugin, first!);
            await settle();
            const withdrawn = vendor.calls.length;
            rest.forEach((event) => dispatch(plugin, event));
            await settle();
            if (vendor.calls.length > withdrawn || (!factory.definition.consentChanged && withdrawn > told)) {
              fail(
                `events denying ${defaults.join(', ')} still reached the vendor: ${JSON.stringify(vendor.calls.slice(told))}`,
              );
            }
          } finally {
            vendor.stop();
          }
        }),
    },
    {
      name: 'two instances on one page share one vendor script tag',
      run: () =>
        quietly(async () => {
          resetPage();
          const vendor = serveVendor(emulator);
          try {
            await Promise.all([fast(validSettings).load({}, undefined), fast(validSettings).load({}, undefined)]);
            const sources = vendorScripts(emulator).map((script) => script.src);
            const duplicated = sources.filter((src, i) => sources.indexOf(src) !== i);
            if (duplicated.length) fail(`two instances injected ${duplicated[0]} twice`);
          } finally {
            vendor.stop();
          }
        }),
    },
    {
      name: "leaks no globals beyond the vendor's own",
      run: () =>
        quietly(async () => {
          resetPage();
          const vendor = serveVendor(emulator);
          try {
            const plugin = fast(validSettings);
            await plugin.load({}, undefined);
            events.forEach((event) => dispatch(plugin, event));
            await settle();
            const leaked = addedGlobals().filter((key) => !emulator.globals.includes(key));
            if (leaked.length)
              fail(
                `window gained ${leaked.join(', ')}: not among the vendor's globals (${emulator.globals.join(', ')})`,
              );
          } finally {
            vendor.stop();
          }
        }),
    },
    {
      name: `${FUZZ_EVENTS.toLocaleString('en')} fuzzed events: no exception, no prototype pollution`,
      run: () =>
        quietly(async () => {
          resetPage();
          const vendor = serveVendor(emulator);
          const before = prototypeKeys();
          try {
            const plugin = fast(validSettings);
            await plugin.load({}, undefined);
            const samples = fc.sample(fuzzedEvent(), { numRuns: FUZZ_EVENTS, seed: 20261122 });
            const errors = await pageErrors(async () => {
              for (const event of samples) {
                try {
                  fuzzDispatch(plugin, event);
                } catch (error) {
                  fail(`a plugin method threw for ${safeJson(event)}: ${String(error)}`);
                }
              }
              await settle();
            });
            if (errors.length) fail(`fuzzed events caused ${errors.slice(0, 3).join('; ')}`);
            const after = prototypeKeys();
            if (after !== before) fail(`fuzzed events polluted a prototype: ${before} → ${after}`);
          } finally {
            vendor.stop();
          }
        }),
    },
  ];
  return checks;
}

function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join(' | ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value).slice(0, 300);
  } catch {
    return String(value);
  }
}

/** Segment-shaped events with hostile values: wrong types, `__proto__` keys, deep and odd objects. */
function fuzzedEvent(): fc.Arbitrary<unknown> {
  const hostileObject = fc.oneof(
    fc.object({ maxDepth: 3 }),
    fc.json({ maxDepth: 3 }).map((text) => JSON.parse(text) as unknown),
    fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
    fc.anything({ maxDepth: 2 }),
  );
  const type = fc.constantFrom('track', 'identify', 'page', 'group', 'alias', 'screen', 'bogus', '__proto__');
  const name = fc.oneof(
    fc.string(),
    fc.constantFrom('Order Completed', 'Product Viewed', '__proto__', 'constructor', 'toString'),
    fc.anything(),
  );
  const id = fc.oneof(fc.string(), fc.constant(null), fc.integer(), fc.anything({ maxDepth: 1 }));
  return fc.oneof(
    fc.record(
      {
        type,
        event: name,
        name,
        userId: id,
        anonymousId: id,
        groupId: id,
        previousId: id,
        properties: hostileObject,
        traits: hostileObject,
        context: fc.oneof(
          hostileObject,
          fc.record({ consent: fc.record({ categoryPreferences: fc.dictionary(fc.string(), fc.anything()) }) }),
        ),
      },
      { requiredKeys: ['type'] },
    ),
    fc.anything({ maxDepth: 2 }),
  );
}

/** Calls the method named by the event's type when it exists, as analytics-next would. */
function fuzzDispatch(plugin: DestinationPlugin, event: unknown): void {
  const type = (event as { type?: unknown } | null)?.type;
  const method =
    typeof type === 'string' && Object.prototype.hasOwnProperty.call(plugin, type)
      ? (plugin as unknown as Record<string, unknown>)[type]
      : undefined;
  if (typeof method === 'function') method.call(plugin, { event });
}

/** Registers the conformance suite as jest tests (jest's globals: tools can load this module outside jest). */
export function runConformance(factory: AnyFactory, plan: Omit<DestinationTestPlan, 'destination' | 'fixtures'>): void {
  describe(`${factory.definition.name}: conformance`, () => {
    for (const check of conformanceChecks(factory, plan)) it(check.name, check.run, 20_000);
  });
}
