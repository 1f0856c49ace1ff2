// Calls as one readable line: `track("Order Completed", { order_id, total, … })`. Long objects show
// their keys only, so a table row stays one screen wide; the fixture table holds the full values.
import type { SegmentEvent } from '@devicemode/core';

const LONG = 48;
const MAX_KEYS = 6;

/** One argument: short values as JSON, long strings cut, long objects as their keys, long arrays as a count. */
export function argText(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return '<function>';
  if (typeof value === 'string' && value.length > LONG)
    return `${JSON.stringify(value.slice(0, 24)).slice(0, -1)}…" (${value.length} characters)`;
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= LONG || value === null || typeof value !== 'object') return json;
  if (Array.isArray(value)) return `[${value.length} items]`;
  const keys = Object.keys(value);
  return `{ ${keys.slice(0, MAX_KEYS).join(', ')}${keys.length > MAX_KEYS ? ', …' : ''} }`;
}

/** `name(arg, arg)`. */
export const callText = (name: string, args: readonly unknown[]): string => `${name}(${args.map(argText).join(', ')})`;

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/** Drops trailing empty arguments (`{}`, null): `page("Home")`, not `page(null, "Home", {})`. */
function trimmed(args: unknown[]): unknown[] {
  const out = [...args];
  while (out.length && isEmpty(out[out.length - 1])) out.pop();
  return out;
}

/** A Segment event as the analytics call that made it: `identify("user-42", { email, … })`. */
export function segmentCallText(event: SegmentEvent): string {
  switch (event.type) {
    case 'track':
      return callText('track', trimmed([event.event, event.properties]));
    case 'identify':
      return callText('identify', event.userId ? trimmed([event.userId, event.traits]) : trimmed([event.traits]));
    case 'page':
    case 'screen': {
      const args = event.category ? [event.category, event.name, event.properties] : [event.name, event.properties];
      return callText(event.type, trimmed(args));
    }
    case 'group':
      return callText('group', trimmed([event.groupId, event.traits]));
    case 'alias':
      return callText('alias', trimmed([event.userId, event.previousId]));
    default:
      return callText(String((event as { type?: unknown }).type), []);
  }
}
