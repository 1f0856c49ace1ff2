// Each conformance check must fail, readably, for a destination that breaks the rule it checks.
import { defineDestination, propertiesOf, readGlobal } from '@devicemode/core';
import type { DestinationFactory, DestinationPlugin, PluginContext } from '@devicemode/core';
import { conformanceChecks } from '../src';
import { plan } from './example/plan';
import { beaconDestination } from './example/index';

type Factory = DestinationFactory<unknown, unknown>;
const definition = beaconDestination.definition;

/** A factory that bypasses defineDestination: how a destination breaks rules core would enforce. */
function handmade(plugin: (settings: unknown) => Partial<DestinationPlugin>): Factory {
  const factory = ((settings: unknown) => ({
    name: 'Beacon',
    type: 'destination',
    version: '1.0.0',
    isLoaded: () => true,
    load: async () => undefined,
    ...plugin(settings),
  })) as Factory;
  factory.pluginName = 'Beacon';
  factory.definition = definition as Factory['definition'];
  return factory;
}

/** Loads Beacon's script the way a careless destination would: a new tag every time, no readiness check. */
function injectBeacon(): void {
  const script = document.createElement('script');
  script.src = 'https://cdn.beacon.test/beacon.js';
  document.head.appendChild(script);
}
const beacon = (): ((...args: unknown[]) => void) | undefined => readGlobal(window, 'beacon');

const broken: Record<string, { factory: Factory; check: RegExp; message: RegExp }> = {
  'accepts any settings': {
    factory: defineDestination({ ...definition, settings: { type: 'object', properties: {} } }) as Factory,
    check: /refuses invalid settings/,
    message: /the message for \{\} should name "settings.siteId"/,
  },
  'never settles load()': {
    factory: handmade(() => ({ load: () => new Promise<void>(() => undefined) })),
    check: /vendor fault/,
    message:
      /load\(\) was still pending \d+ ms after a "(not-found|hang|throw-on-init|throw-on-call|never-ready)" fault/,
  },
  'rejects load() when the vendor fails': {
    factory: handmade(() => ({ load: async () => Promise.reject(new Error('[devicemode:beacon] load failed')) })),
    check: /vendor fault "not-found"/,
    message: /load\(\) rejected after a "not-found" fault: load\(\) must log its failure and resolve/,
  },
  'drops events sent before ready': {
    factory: handmade(() => {
      let ready = false;
      return {
        load: async () => {
          injectBeacon();
          await new Promise((resolve) => setTimeout(resolve, 60));
          ready = true;
        },
        track: (ctx: PluginContext) => (ready && beacon()?.('track', ctx.event.event, propertiesOf(ctx.event)), ctx),
      } as Partial<DestinationPlugin>;
    }),
    check: /before the vendor is ready/,
    message: /events sent before ready caused\n {2}\[\]\nbut the same events after ready cause/,
  },
  'ignores consent': {
    factory: handmade(() => ({
      load: async () => injectBeacon(),
      track: ((ctx: PluginContext) => (beacon()?.('track', ctx.event.event), ctx)) as DestinationPlugin['track'],
    })),
    check: /consent denied/,
    message: /consent was denied but https:\/\/cdn\.beacon\.test\/beacon\.js was requested/,
  },
  'injects its script once per instance': {
    factory: handmade(() => ({ load: async () => injectBeacon() })),
    check: /two instances/,
    message: /two instances injected https:\/\/cdn\.beacon\.test\/beacon\.js twice/,
  },
  'leaks a global': {
    factory: defineDestination({
      ...definition,
      load: async (api) => {
        (api.window as unknown as Record<string, unknown>).beaconHelperState = {};
        return definition.load(api);
      },
    }) as Factory,
    check: /leaks no globals/,
    message: /window gained beaconHelperState/,
  },
  'throws on malformed events': {
    factory: handmade(() => ({
      track: ((ctx: PluginContext) => {
        if (typeof ctx.event.event !== 'string') throw new TypeError('event name is not a string');
        return ctx;
      }) as DestinationPlugin['track'],
    })),
    check: /fuzzed events/,
    message: /a plugin method threw for .*: TypeError: event name is not a string/,
  },
  'deep-merges event properties': {
    factory: defineDestination({
      ...definition,
      track: (_client, event) => {
        const merge = (target: Record<string, unknown>, source: Record<string, unknown>): void => {
          for (const key of Object.keys(source)) {
            const value = source[key];
            if (value && typeof value === 'object')
              merge((target[key] ??= {}) as Record<string, unknown>, value as Record<string, unknown>);
            else target[key] = value;
          }
        };
        merge({}, propertiesOf(event));
      },
    }) as Factory,
    check: /fuzzed events/,
    message: /fuzzed events polluted a prototype/,
  },
};

afterEach(() => {
  // The polluting fixture pollutes for real: put the prototypes back.
  for (const proto of [Object.prototype, Array.prototype]) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (['polluted', 'prototype'].includes(key)) delete (proto as unknown as Record<string, unknown>)[key];
    }
  }
});

describe('a deliberately broken destination fails the check for the rule it breaks', () => {
  it.each(Object.entries(broken))(
    '%s',
    async (_name, { factory, check, message }) => {
      // Every check the pattern names must fail (the never-settling load fails all five fault checks).
      const targets = conformanceChecks(factory, plan).filter((c) => check.test(c.name));
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) await expect(target.run()).rejects.toThrow(message);
    },
    30_000,
  );

  it('and the example destination passes every check', async () => {
    for (const check of conformanceChecks(beaconDestination as Factory, plan))
      await expect(check.run()).resolves.toBeUndefined();
  }, 30_000);
});
