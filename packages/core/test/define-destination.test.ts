import type { PluginContext, SegmentEvent } from '../src';
import { setLogLevel } from '../src';
import { acmeCalls, acmeDefinition, installAcme } from './example-destination';
import { resetPage, serveScripts } from './jsdom-scripts';

const KEY = 'abcd1234';
const ctx = (event: Partial<SegmentEvent>): PluginContext => ({
  event: { type: 'track', properties: {}, ...event } as SegmentEvent,
});
const track = (name: string, extra: Partial<SegmentEvent> = {}) => ctx({ type: 'track', event: name, ...extra });
const consentOf = (analytics: boolean) => ({ consent: { categoryPreferences: { analytics } } });
const scriptTags = () => Array.from(document.scripts).filter((s) => s.src.includes('acme'));

let stopServing: () => void = () => undefined;
let errors: jest.SpyInstance;
let warnings: jest.SpyInstance;

beforeEach(() => {
  resetPage(['acme']);
  acmeCalls.length = 0;
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  stopServing();
  jest.restoreAllMocks();
  setLogLevel('warn');
});
const serveAcme = (outcome: 'load' | 'error' | 'hang' = 'load', throwOnCall = false) => {
  stopServing = serveScripts({ 'https://cdn.acme.test/': { outcome, install: () => installAcme({ throwOnCall }) } });
};

describe('the factory', () => {
  it('carries the plugin name, the definition and a version on every plugin', () => {
    const factory = acmeDefinition();
    const plugin = factory({ apiKey: KEY });
    expect(factory.pluginName).toBe('Acme');
    expect(factory.definition.slug).toBe('acme');
    expect(plugin).toMatchObject({ name: 'Acme', type: 'destination', version: '1.2.3' });
    expect(plugin.isLoaded()).toBe(false);
  });

  it('exposes only the event methods the definition implements', () => {
    const plugin = acmeDefinition()({ apiKey: KEY });
    expect(
      Object.keys(plugin)
        .filter((k) => typeof (plugin as unknown as Record<string, unknown>)[k] === 'function')
        .sort(),
    ).toEqual(['alias', 'group', 'identify', 'isLoaded', 'load', 'page', 'track']);
  });
});

describe('settings are validated before anything loads', () => {
  it.each([
    [{}, 'settings.apiKey: required'],
    [{ apiKey: 'UPPER' }, 'settings.apiKey: must match /^[a-z0-9]{8,32}$/'],
    [{ apiKey: KEY, scriptUrl: 'javascript:alert(1)' }, 'settings.scriptUrl: must match'],
    [{ apiKey: KEY, trackPages: 'yes' }, 'settings.trackPages: must be of type boolean'],
    [null, 'settings: must be of type object'],
    ['token', 'settings: must be of type object'],
    [[KEY], 'settings: must be of type object'],
  ])('%j → load() logs the field (%s), resolves, and injects no script', async (settings, message) => {
    serveAcme();
    const plugin = acmeDefinition()(settings);
    await expect(plugin.load({}, undefined)).resolves.toBeUndefined();
    expect(errors.mock.calls.flat().join('\n')).toContain(`[devicemode:acme] invalid settings: ${message}`);
    expect(plugin.isLoaded()).toBe(false);
    expect(scriptTags()).toHaveLength(0);
    plugin.track?.(track('Ignored'));
    expect(acmeCalls).toEqual([]);
  });

  it('never throws synchronously, whatever the settings', () => {
    for (const settings of [undefined, null, 42, 'x', [], () => 1, { apiKey: {} }]) {
      expect(() => void acmeDefinition()(settings).load({}, undefined)).not.toThrow();
    }
  });

  it('keeps __proto__ and constructor keys out of the settings and out of Object.prototype', async () => {
    serveAcme();
    const hostile = JSON.parse(
      `{"apiKey":"${KEY}","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
    );
    const plugin = acmeDefinition()(hostile);
    await plugin.load({}, undefined);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// load() never rejects: on analytics-next's remotePlugins path a rejection becomes an uncaught error on
// the site's page. A failure is logged once, with what to fix, and the plugin stays not-loaded.
describe('load() always settles, and never rejects', () => {
  it('resolves once the vendor script has loaded and the SDK is ready', async () => {
    serveAcme('load');
    const plugin = acmeDefinition()({ apiKey: KEY });
    await plugin.load({}, undefined);
    expect(plugin.isLoaded()).toBe(true);
    expect(scriptTags().map((s) => s.src)).toEqual(['https://cdn.acme.test/acme.js']);
  });

  const failsWith = async (plugin: ReturnType<ReturnType<typeof acmeDefinition>>, message: string) => {
    await expect(plugin.load({}, undefined)).resolves.toBeUndefined();
    expect(plugin.isLoaded()).toBe(false);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledWith(message);
  };

  it('logs the URL when the script fails to load', async () => {
    serveAcme('error');
    await failsWith(
      acmeDefinition()({ apiKey: KEY }),
      '[devicemode:acme] load failed: failed to load https://cdn.acme.test/acme.js: blocked (ad blocker, CSP) or not found; check the URL',
    );
  });

  it('logs the URL after the timeout when the script hangs', async () => {
    serveAcme('hang');
    await failsWith(
      acmeDefinition({ loadTimeoutMs: 60 })({ apiKey: KEY }),
      '[devicemode:acme] load failed: timed out loading https://cdn.acme.test/acme.js',
    );
  });

  it('logs the global it waited for when the page holds something that is not the SDK', async () => {
    stopServing = serveScripts({ 'https://cdn.acme.test/': { outcome: 'load' } });
    (window as unknown as { acme: unknown }).acme = 'not an sdk';
    await failsWith(
      acmeDefinition({ loadTimeoutMs: 80 })({ apiKey: KEY }),
      '[devicemode:acme] load failed: timed out waiting for window.acme to be the Acme SDK',
    );
  });
});

describe('events before ready are buffered, then delivered once and in order', () => {
  it('delivers early events after load, in arrival order, exactly once', async () => {
    serveAcme();
    const plugin = acmeDefinition()({ apiKey: KEY });
    plugin.track?.(track('First'));
    const loading = plugin.load({}, undefined);
    plugin.identify?.(ctx({ type: 'identify', userId: 'u1', traits: { plan: 'pro' } }));
    plugin.track?.(track('Second'));
    expect(acmeCalls).toEqual([]);
    await loading;
    plugin.track?.(track('Third'));
    expect(acmeCalls).toEqual([
      ['track', 'First', {}],
      ['identify', 'u1', { plan: 'pro' }],
      ['track', 'Second', {}],
      ['track', 'Third', {}],
    ]);
  });

  it('keeps the first N events when the buffer is full and logs how many were dropped', async () => {
    serveAcme();
    const plugin = acmeDefinition({ bufferSize: 3 })({ apiKey: KEY });
    for (let i = 1; i <= 5; i++) plugin.track?.(track(`E${i}`));
    await plugin.load({}, undefined);
    expect(acmeCalls.map((c) => c[1])).toEqual(['E1', 'E2', 'E3']);
    expect(warnings).toHaveBeenCalledWith(
      '[devicemode:acme] 2 events arrived before Acme was ready and were dropped: the buffer holds 3',
    );
  });

  it('drops buffered events with one logged error when the vendor never loads', async () => {
    serveAcme('error');
    const plugin = acmeDefinition()({ apiKey: KEY });
    plugin.track?.(track('Lost'));
    await plugin.load({}, undefined);
    plugin.track?.(track('After'));
    expect(acmeCalls).toEqual([]);
    expect(errors.mock.calls.flat().join('\n')).toContain('(1 buffered events dropped)');
  });
});

describe('every vendor call is isolated', () => {
  it('returns the context and logs when the vendor throws, and keeps delivering', async () => {
    serveAcme('load', true);
    const plugin = acmeDefinition()({ apiKey: KEY });
    await plugin.load({}, undefined);
    const event = track('Boom');
    expect(plugin.track?.(event)).toBe(event);
    expect(plugin.page?.(ctx({ type: 'page' }))).toBeDefined();
    // Reported on the next microtask: a throw and a rejection take the same path.
    await Promise.resolve();
    expect(errors).toHaveBeenCalledWith(
      '[devicemode:acme] track "Boom" failed in the vendor call: acme.track exploded',
    );
    expect(errors).toHaveBeenCalledWith('[devicemode:acme] page failed in the vendor call: acme.page exploded');
  });

  it('catches a mapping that rejects asynchronously', async () => {
    const factory = acmeDefinition();
    factory.definition.track = async () => {
      throw new Error('later');
    };
    serveAcme();
    const plugin = factory({ apiKey: KEY });
    await plugin.load({}, undefined);
    plugin.track?.(track('Async'));
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveBeenCalledWith('[devicemode:acme] track "Async" failed in the vendor call: later');
  });

  it('ignores malformed contexts without throwing', async () => {
    serveAcme();
    const plugin = acmeDefinition()({ apiKey: KEY });
    await plugin.load({}, undefined);
    for (const bad of [undefined, null, {}, { event: null }, { event: 'x' }, { event: [] }]) {
      expect(() => plugin.track?.(bad as unknown as PluginContext)).not.toThrow();
    }
    expect(acmeCalls).toEqual([]);
  });
});

describe('consent', () => {
  it('drops events whose preferences deny a default category', async () => {
    serveAcme();
    const plugin = acmeDefinition()({ apiKey: KEY });
    await plugin.load({}, undefined);
    plugin.track?.(track('Denied', { context: consentOf(false) }));
    plugin.track?.(track('Granted', { context: consentOf(true) }));
    plugin.track?.(track('No CMP'));
    expect(acmeCalls.map((c) => c[1])).toEqual(['Granted', 'No CMP']);
  });

  it('tells the vendor once when consent is withdrawn and once when it is given again', async () => {
    const factory = acmeDefinition();
    const changes: [string | undefined, boolean][] = [];
    factory.definition.consentChanged = (_client, event, _settings, granted) =>
      void changes.push([event.event, granted]);
    serveAcme();
    const plugin = factory({ apiKey: KEY });
    await plugin.load({}, undefined);
    plugin.track?.(track('Before'));
    plugin.track?.(track('Withdrawn', { context: consentOf(false) }));
    plugin.track?.(track('Still denied', { context: consentOf(false) }));
    plugin.track?.(track('Unknown'));
    plugin.track?.(track('Given again', { context: consentOf(true) }));
    plugin.track?.(track('Still given', { context: consentOf(true) }));
    await Promise.resolve();
    expect(changes).toEqual([
      ['Withdrawn', false],
      ['Given again', true],
    ]);
    expect(acmeCalls.map((c) => c[1])).toEqual(['Before', 'Unknown', 'Given again', 'Still given']);
  });

  it('passes on the first consent decision after load, also for an event that waited in the buffer', async () => {
    const factory = acmeDefinition();
    const seen: string[] = [];
    factory.definition.consentChanged = (_client, event, _settings, granted) =>
      void seen.push(`${granted}:${event.event}`);
    const original = factory.definition.track!;
    factory.definition.track = (client, event, settings) => {
      seen.push(`track:${event.event}`);
      return original(client, event, settings);
    };
    serveAcme();
    // Host-managed consent: the granted event starts the load and waits in the buffer until the vendor is ready.
    const plugin = factory({ apiKey: KEY, consentSettings: { categories: ['analytics'] } });
    await plugin.load({}, undefined);
    plugin.track?.(track('Granted', { context: consentOf(true) }));
    await new Promise((r) => setTimeout(r, 60));
    plugin.track?.(track('Still granted', { context: consentOf(true) }));
    await Promise.resolve();
    // A vendor that kept an opt-out from an earlier page (Mixpanel, Amplitude) lifts it before the event.
    expect(seen).toEqual(['true:Granted', 'track:Granted', 'track:Still granted']);
  });

  it('isolates a consentChanged hook that throws', async () => {
    const factory = acmeDefinition();
    factory.definition.consentChanged = () => {
      throw new Error('no consent API');
    };
    serveAcme();
    const plugin = factory({ apiKey: KEY });
    await plugin.load({}, undefined);
    plugin.track?.(track('Withdrawn', { context: consentOf(false) }));
    plugin.track?.(track('Given', { context: consentOf(true) }));
    await Promise.resolve();
    expect(acmeCalls.map((c) => c[1])).toEqual(['Given']);
    expect(errors).toHaveBeenCalledWith(
      '[devicemode:acme] track "Withdrawn" failed in the vendor call: no consent API',
    );
  });

  it('under consentSettings, loads no script until an event grants consent', async () => {
    serveAcme();
    const plugin = acmeDefinition()({ apiKey: KEY, consentSettings: { categories: ['analytics'] } });
    await plugin.load({}, undefined);
    plugin.track?.(track('Unknown yet'));
    plugin.track?.(track('Denied', { context: consentOf(false) }));
    await new Promise((r) => setTimeout(r, 20));
    expect(scriptTags()).toHaveLength(0);
    plugin.track?.(track('Granted', { context: consentOf(true) }));
    await new Promise((r) => setTimeout(r, 60));
    expect(scriptTags()).toHaveLength(1);
    expect(acmeCalls.map((c) => c[1])).toEqual(['Unknown yet', 'Granted']);
  });

  it('uses the categories from consentSettings over the defaults', async () => {
    serveAcme();
    const plugin = acmeDefinition()({ apiKey: KEY, consentSettings: { categories: ['marketing'] } });
    await plugin.load({}, undefined);
    plugin.track?.(
      track('Analytics only', { context: { consent: { categoryPreferences: { analytics: true, marketing: false } } } }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(scriptTags()).toHaveLength(0);
    expect(acmeCalls).toEqual([]);
  });
});

describe('hostile events', () => {
  it('passes cyclic, huge and __proto__-keyed properties through without throwing or polluting', async () => {
    serveAcme();
    const plugin = acmeDefinition()({ apiKey: KEY });
    await plugin.load({}, undefined);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const huge = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const polluting = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    for (const properties of [cyclic, huge, polluting]) plugin.track?.(track('Hostile', { properties }));
    expect(acmeCalls).toHaveLength(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('logging', () => {
  it('is silent below warn by default and prints debug lines once switched on', async () => {
    const debug = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
    serveAcme();
    const plugin = acmeDefinition()({ apiKey: KEY });
    await plugin.load({}, undefined);
    plugin.track?.(track('Denied', { context: consentOf(false) }));
    expect(debug).not.toHaveBeenCalled();
    setLogLevel('debug');
    plugin.track?.(track('Denied', { context: consentOf(false) }));
    expect(debug).toHaveBeenCalledWith('[devicemode:acme] track "Denied" not sent: consent not given for analytics');
  });
});
