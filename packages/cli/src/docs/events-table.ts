// The README event-mapping table, from the fixture table in test/plan.ts: what is documented is exactly
// what the tests assert.
import type { Fixture } from '@devicemode/testing';
import { callText, segmentCallText } from './call-text';
import { code, table } from './markdown';

const lines = (items: readonly string[]): string => (items.length ? items.join('<br>') : 'none');

/** One fixture row as table cells: case, Segment call(s) in, vendor call(s) out. */
export function fixtureCells(fixture: Fixture): [string, string, string] {
  const settings = fixture.settings ? ` (settings ${code(JSON.stringify(fixture.settings))})` : '';
  const loading = fixture.events.length === 0;
  const calls = loading ? (fixture.loadCalls ?? []) : fixture.calls;
  return [
    `${fixture.name}${settings}`,
    loading ? '(load)' : lines(fixture.events.map((event) => code(segmentCallText(event)))),
    lines(calls.map(([name, ...args]) => code(callText(name, args)))),
  ];
}

/** The event-mapping table as markdown (unformatted). */
export function eventsTable(fixtures: readonly Fixture[]): string {
  if (fixtures.length === 0) return 'No fixtures yet: add rows to `test/plan.ts`.';
  return table(['Case', 'Segment call(s)', 'Vendor call(s)'], fixtures.map(fixtureCells));
}
