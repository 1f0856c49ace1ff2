// A destination's behaviour as data: Segment events in → vendor calls out, run by one loop. The same
// table feeds the generated README, so the docs cannot drift from what is tested.
import type { DestinationFactory, PluginContext, SegmentEvent } from '@devicemode/core';
import type { VendorCall, VendorEmulator } from './emulator';
import { resetPage, serveVendor } from './jsdom-page';

/** One row: events in, vendor calls out. */
export interface Fixture {
  /** What the row shows, as the docs will print it, e.g. `Order Completed → purchase`. */
  name: string;
  /** Settings merged over the table's settings for this row. */
  settings?: Record<string, unknown>;
  /** The Segment events sent, in order, once the vendor is ready. */
  events: SegmentEvent[];
  /** The vendor calls the events must cause, in order (calls made while loading excluded). */
  calls: VendorCall[];
  /** When given, the calls made while loading (init, config) with this row's settings. */
  loadCalls?: VendorCall[];
  /** The error lines the row logs (`[devicemode:<slug>] …`), in order; a row that logs none omits it. */
  errors?: string[];
}

/** Settings that must be refused, and the field the message must name. */
export interface InvalidSettings {
  settings: unknown;
  /** The field path after `settings.`, e.g. `token` or `eventMap.Signup`; `''` for the whole object. */
  field: string;
}

/** Everything the kit needs to test a destination: the fixture table and the conformance suite. */
export interface DestinationTestPlan {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any destination's settings and client
  destination: DestinationFactory<any, any>;
  emulator: VendorEmulator;
  /** Valid settings every row starts from. */
  settings: Record<string, unknown>;
  /** Settings that must be refused (at least one). */
  invalidSettings: InvalidSettings[];
  fixtures: Fixture[];
}

/** Declares a destination's test plan (identity, for types). */
export function defineTestPlan(plan: DestinationTestPlan): DestinationTestPlan {
  return plan;
}

/** `call('mixpanel.track', 'Signed Up', {…})`: a vendor call, as tables write them. */
export function call(name: string, ...args: unknown[]): VendorCall {
  return [name, ...args];
}

/** Lets handlers that resolve a promise before calling the vendor finish. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Sends one event to a plugin the way analytics-next does: `plugin[event.type](ctx)`. */
export function dispatch(plugin: ReturnType<DestinationFactory>, event: SegmentEvent): void {
  const method = plugin[event.type];
  if (typeof method === 'function') method({ event } as PluginContext);
}

/** Runs one row in a fresh jsdom page; returns the calls made while loading and after. */
export async function runFixture(
  plan: Pick<DestinationTestPlan, 'destination' | 'emulator' | 'settings'>,
  fixture: Pick<Fixture, 'settings' | 'events'>,
): Promise<{ loadCalls: VendorCall[]; calls: VendorCall[] }> {
  resetPage();
  const vendor = serveVendor(plan.emulator);
  try {
    const plugin = plan.destination({ ...plan.settings, ...fixture.settings });
    await plugin.load({}, undefined);
    const loaded = vendor.calls.length;
    for (const event of fixture.events) dispatch(plugin, event);
    await settle();
    return { loadCalls: vendor.calls.slice(0, loaded), calls: vendor.calls.slice(loaded) };
  } finally {
    vendor.stop();
  }
}

/** Registers one jest test per row of the plan's fixture table (uses jest's globals, so tools can load plans outside jest). */
export function runFixtureTable(plan: DestinationTestPlan): void {
  const { name } = plan.destination.definition;
  describe(`${name}: fixture table`, () => {
    it.each(plan.fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const result = await runFixture(plan, fixture);
        expect(result.calls).toEqual(fixture.calls);
        if (fixture.loadCalls) expect(result.loadCalls).toEqual(fixture.loadCalls);
        // A row that logs an error says so: a vendor call that failed is never passed over in silence.
        expect(errors.mock.calls.map((args) => args.join(' '))).toEqual(fixture.errors ?? []);
      } finally {
        errors.mockRestore();
      }
    });
  });
}
