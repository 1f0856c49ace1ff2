import { call, createSpec, defineTestPlan, spec, SPEC_PROPERTIES, withConsent } from '@devicemode/testing';
import { fullstoryDestination } from '../src';
import { emulator } from './emulator';

const anonymous = createSpec({ userId: null });

export const plan = defineTestPlan({
  destination: fullstoryDestination,
  emulator,
  settings: { orgId: 'o-1A2B3C-na1' },
  invalidSettings: [
    { settings: {}, field: 'orgId' },
    { settings: { orgId: '"><script>alert(1)</script>' }, field: 'orgId' },
    { settings: { orgId: 'o-1A2B3C-na1', scriptUrl: 'http://edge.fullstory.com/s/fs.js' }, field: 'scriptUrl' },
    { settings: { orgId: 'o-1A2B3C-na1', host: 'evil.example/"><script>' }, field: 'host' },
    { settings: { orgId: 'o-1A2B3C-na1', namespace: '__proto__' }, field: 'namespace' },
    { settings: { orgId: 'o-1A2B3C-na1', debug: 'yes' }, field: 'debug' },
    { settings: 'o-1A2B3C-na1', field: '' },
  ],
  fixtures: [
    {
      name: 'load → the snippet stub; nothing is sent until an event arrives',
      events: [],
      calls: [],
      loadCalls: [],
    },
    {
      name: 'identify → setIdentity with uid, traits as user properties and displayName',
      events: [spec.identify()],
      calls: [
        call('FS', 'setIdentity', {
          uid: 'user-42',
          properties: {
            email: 'ada@example.com',
            firstName: 'Ada',
            lastName: 'Lovelace',
            name: 'Ada Lovelace',
            phone: '+44 20 7946 0000',
            plan: 'pro',
            createdAt: '2024-03-01T10:00:00.000Z',
            company: { name: 'Analytical Engines Ltd', id: 'org-7' },
            displayName: 'Ada Lovelace',
          },
        }),
      ],
    },
    {
      name: 'identify with first and last name only → displayName joins them',
      events: [spec.identify('user-42', { firstName: 'Ada', lastName: 'Lovelace' })],
      calls: [
        call('FS', 'setIdentity', {
          uid: 'user-42',
          properties: { firstName: 'Ada', lastName: 'Lovelace', displayName: 'Ada Lovelace' },
        }),
      ],
    },
    {
      name: 'identify from an anonymous visitor → setProperties on the user, no setIdentity',
      events: [anonymous.identify(null, { plan: 'trial', referrer: 'newsletter' })],
      calls: [call('FS', 'setProperties', { type: 'user', properties: { plan: 'trial', referrer: 'newsletter' } })],
    },
    {
      name: 'identify from an anonymous visitor without traits → nothing',
      events: [anonymous.identify(null, {})],
      calls: [],
    },
    {
      name: 'track custom event → trackEvent with the properties',
      events: [spec.track('Report Exported', { format: 'csv', rows: 1500, filters: { range: '30d' } })],
      calls: [
        call('FS', 'trackEvent', {
          name: 'Report Exported',
          properties: { format: 'csv', rows: 1500, filters: { range: '30d' } },
        }),
      ],
    },
    {
      name: 'Order Completed → trackEvent "Order Completed" with the Spec properties (FullStory indexes its products)',
      events: [spec.track('Order Completed')],
      calls: [call('FS', 'trackEvent', { name: 'Order Completed', properties: SPEC_PROPERTIES['Order Completed'] })],
    },
    {
      name: 'Product Added → trackEvent "Product Added" with value and currency as sent',
      events: [spec.track('Product Added')],
      calls: [call('FS', 'trackEvent', { name: 'Product Added', properties: SPEC_PROPERTIES['Product Added'] })],
    },
    {
      name: 'track with a name over 250 characters → the name is cut to 250',
      events: [spec.track('x'.repeat(300), {})],
      calls: [call('FS', 'trackEvent', { name: 'x'.repeat(250), properties: {} })],
    },
    {
      name: 'page with a name → setProperties on the page with pageName and category',
      events: [spec.page('Product Detail', { sku: 'TR-01-42' }, 'Shop')],
      calls: [
        call('FS', 'setProperties', {
          type: 'page',
          properties: { sku: 'TR-01-42', category: 'Shop', pageName: 'Product Detail' },
        }),
      ],
    },
    {
      name: 'page with pageName off → setProperties without pageName',
      settings: { pageName: false },
      events: [spec.page('Product Detail', { sku: 'TR-01-42' }, null)],
      calls: [call('FS', 'setProperties', { type: 'page', properties: { sku: 'TR-01-42' } })],
    },
    {
      name: 'page without name or properties → nothing (FullStory captures URL, title and referrer itself)',
      events: [spec.page(null, {}, null)],
      calls: [],
    },
    {
      name: 'consent for analytics withdrawn → shutdown, and the event is dropped; given again → restart, then the event',
      events: [
        withConsent(spec.track('Video Played', {}), { analytics: false }),
        withConsent(spec.track('Video Paused', {}), { analytics: false }),
        withConsent(spec.track('Video Resumed', {}), { analytics: true }),
      ],
      calls: [
        call('FS', 'shutdown', undefined),
        call('FS', 'restart', undefined),
        call('FS', 'trackEvent', { name: 'Video Resumed', properties: {} }),
      ],
    },
  ],
});
