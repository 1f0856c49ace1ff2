// Fixture events (spec.track(…), spec.identify(…)) as the analytics calls that would produce them,
// so browser tests reuse the jsdom kit's Spec data.
import type { SegmentEvent } from '@devicemode/core';
import type { AnalyticsCall } from './types';

/** The analytics call that produces `event`: `spec.track('Order Completed')` → `['track', 'Order Completed', {…}]`. */
export function callOf(event: SegmentEvent): AnalyticsCall {
  switch (event.type) {
    case 'track':
      return ['track', event.event, event.properties ?? {}];
    case 'identify':
      return ['identify', event.userId ?? null, event.traits ?? {}];
    case 'page':
      return ['page', event.category ?? null, event.name ?? null, event.properties ?? {}];
    case 'screen':
      return ['screen', event.category ?? null, event.name ?? null, event.properties ?? {}];
    case 'group':
      return ['group', event.groupId, event.traits ?? {}];
    case 'alias':
      return ['alias', event.userId, event.previousId ?? undefined];
  }
}
