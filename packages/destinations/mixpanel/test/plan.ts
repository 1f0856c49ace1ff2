import {
  call,
  createSpec,
  defineTestPlan,
  FIXTURE_ANONYMOUS_ID,
  FIXTURE_PAGE,
  SPEC_PROPERTIES,
  spec,
  withConsent,
} from '@devicemode/testing';
import { mixpanelDestination } from '../src';
import { emulator } from './emulator';

const TOKEN = '0123456789abcdef0123456789abcdef';
const anonymous = createSpec({ userId: null });
const loggedOut = createSpec({ userId: null, anonymousId: 'anon-after-logout' });

/** What the first call of a page causes: Segment's anonymous id becomes Mixpanel's device id. */
const device = call('mixpanel.register', {
  $device_id: FIXTURE_ANONYMOUS_ID,
  distinct_id: `$device:${FIXTURE_ANONYMOUS_ID}`,
});
const identified = call('mixpanel.identify', 'user-42');

export const plan = defineTestPlan({
  destination: mixpanelDestination,
  emulator,
  settings: { token: TOKEN },
  invalidSettings: [
    { settings: {}, field: 'token' },
    { settings: { token: '"><script>alert(1)</script>' }, field: 'token' },
    { settings: { token: TOKEN, scriptUrl: 'http://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js' }, field: 'scriptUrl' },
    { settings: { token: TOKEN, scriptUrl: 'https://cdn.mxpnl.com/"><script>' }, field: 'scriptUrl' },
    { settings: { token: TOKEN, apiHost: 'http://mp.example.com' }, field: 'apiHost' },
    { settings: { token: TOKEN, region: 'APAC' }, field: 'region' },
    { settings: { token: TOKEN, groupKey: '"><img src=x>' }, field: 'groupKey' },
    { settings: { token: TOKEN, people: 'yes' }, field: 'people' },
    { settings: TOKEN, field: '' },
  ],
  fixtures: [
    {
      name: 'load → init with the token, the US host, cookie persistence, no automatic page views',
      events: [],
      calls: [],
      loadCalls: [
        call('mixpanel.init', TOKEN, {
          api_host: 'https://api-js.mixpanel.com',
          persistence: 'cookie',
          track_pageview: false,
        }),
      ],
    },
    {
      name: 'region EU, localStorage → init with the EU host',
      settings: { region: 'EU', persistence: 'localStorage' },
      events: [],
      calls: [],
      loadCalls: [
        call('mixpanel.init', TOKEN, {
          api_host: 'https://api-eu.mixpanel.com',
          persistence: 'localStorage',
          track_pageview: false,
        }),
      ],
    },
    {
      name: 'region IN → init with the India host',
      settings: { region: 'IN' },
      events: [],
      calls: [],
      loadCalls: [
        call('mixpanel.init', TOKEN, {
          api_host: 'https://api-in.mixpanel.com',
          persistence: 'cookie',
          track_pageview: false,
        }),
      ],
    },
    {
      name: 'apiHost (first-party proxy) → init with it, whatever the region',
      settings: { region: 'EU', apiHost: 'https://mp.shop.example.com/ingest' },
      events: [],
      calls: [],
      loadCalls: [
        call('mixpanel.init', TOKEN, {
          api_host: 'https://mp.shop.example.com/ingest',
          persistence: 'cookie',
          track_pageview: false,
        }),
      ],
    },
    {
      name: 'identify → device id, identify, people.set with reserved profile properties',
      events: [spec.identify()],
      calls: [
        device,
        identified,
        call('mixpanel.people.set', {
          $email: 'ada@example.com',
          $first_name: 'Ada',
          $last_name: 'Lovelace',
          $name: 'Ada Lovelace',
          $phone: '+44 20 7946 0000',
          plan: 'pro',
          $created: '2024-03-01T10:00:00.000Z',
          company: { name: 'Analytical Engines Ltd', id: 'org-7' },
        }),
      ],
    },
    {
      name: 'identify with people off → identify only, no profile update',
      settings: { people: false },
      events: [spec.identify()],
      calls: [device, identified],
    },
    {
      name: 'identify twice, then track → Mixpanel identifies once',
      events: [
        spec.identify('user-42', { plan: 'pro' }),
        spec.identify('user-42', { plan: 'team' }),
        spec.track('Plan Upgraded', { plan: 'team' }),
      ],
      calls: [
        device,
        identified,
        call('mixpanel.people.set', { plan: 'pro' }),
        call('mixpanel.people.set', { plan: 'team' }),
        call('mixpanel.track', 'Plan Upgraded', { plan: 'team' }),
      ],
    },
    {
      name: 'track from an anonymous visitor → device id, track (no identify)',
      events: [anonymous.track('Products Searched')],
      calls: [device, call('mixpanel.track', 'Products Searched', { query: 'trail shoes' })],
    },
    {
      name: 'track from a known user (not yet identified in Mixpanel) → identify first, then track',
      events: [spec.track('Signed In')],
      calls: [device, identified, call('mixpanel.track', 'Signed In', { username: 'ada' })],
    },
    {
      name: 'track without properties → track with {}',
      events: [anonymous.track('Signed Out', {})],
      calls: [device, call('mixpanel.track', 'Signed Out', {})],
    },
    {
      name: 'Order Completed → track with revenue and currency',
      events: [anonymous.track('Order Completed')],
      calls: [
        device,
        call('mixpanel.track', 'Order Completed', {
          ...SPEC_PROPERTIES['Order Completed'],
          revenue: 158.9,
          currency: 'EUR',
        }),
      ],
    },
    {
      name: 'Order Completed with only a total and a lower-case currency → revenue = total, currency upper-cased',
      events: [anonymous.track('Order Completed', { order_id: 'ord-1', total: '20.5', currency: 'usd' })],
      calls: [
        device,
        call('mixpanel.track', 'Order Completed', { order_id: 'ord-1', total: '20.5', revenue: 20.5, currency: 'USD' }),
      ],
    },
    {
      name: 'page → track_pageview with the URL, referrer and title of the call',
      events: [anonymous.page('Trail shoes')],
      calls: [
        device,
        call('mixpanel.track_pageview', {
          name: 'Trail shoes',
          category: 'Shop',
          $current_url: FIXTURE_PAGE.url,
          $referrer: FIXTURE_PAGE.referrer,
          current_page_title: FIXTURE_PAGE.title,
          current_url_path: FIXTURE_PAGE.path,
          current_url_search: FIXTURE_PAGE.search,
        }),
      ],
    },
    {
      name: 'group → set_group with the group key, group profile set with the traits',
      events: [anonymous.group()],
      calls: [
        device,
        call('mixpanel.set_group', 'company_id', 'org-7'),
        call('mixpanel.get_group.set', 'company_id', 'org-7', {
          name: 'Analytical Engines Ltd',
          industry: 'Computing',
          employees: 42,
          plan: 'enterprise',
        }),
      ],
    },
    {
      name: 'group without traits, people off, groupKey account_id → super property only',
      settings: { people: false, groupKey: 'account_id' },
      events: [anonymous.group('org-9', {})],
      calls: [device, call('mixpanel.register', { account_id: ['org-9'] })],
    },
    {
      name: 'alias (default: off) → nothing: Simplified ID Merge ignores aliases',
      events: [anonymous.alias('new-user-7')],
      calls: [],
    },
    {
      name: 'alias on, anonymous visitor signs up → device id, alias(new id, previous id)',
      settings: { alias: true },
      events: [anonymous.alias('new-user-7')],
      calls: [device, call('mixpanel.alias', 'new-user-7', FIXTURE_ANONYMOUS_ID)],
    },
    {
      name: "logout (Segment's reset: new anonymous id, no user) → reset, then the new device id",
      events: [spec.track('Signed In'), loggedOut.track('Signed Out', {})],
      calls: [
        device,
        identified,
        call('mixpanel.track', 'Signed In', { username: 'ada' }),
        call('mixpanel.reset'),
        call('mixpanel.register', { $device_id: 'anon-after-logout', distinct_id: '$device:anon-after-logout' }),
        call('mixpanel.track', 'Signed Out', {}),
      ],
    },
    {
      name: 'consent withdrawn → opt_out_tracking (profile kept), event dropped; given again → opt_in_tracking (no $opt_in), then the event',
      events: [
        withConsent(anonymous.track('Video Played', {}), { analytics: false }),
        withConsent(anonymous.track('Video Paused', {}), { analytics: false }),
        withConsent(anonymous.track('Video Resumed', {}), { analytics: true }),
      ],
      calls: [
        call('mixpanel.opt_out_tracking', { delete_user: false }),
        call('mixpanel.opt_in_tracking', {}),
        device,
        call('mixpanel.track', 'Video Resumed', {}),
      ],
    },
  ],
});
