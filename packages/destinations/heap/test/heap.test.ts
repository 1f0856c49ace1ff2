import { dispatch, resetPage, runFixtureTable, serveVendor, settle, spec } from '@devicemode/testing';
import { heapDestination } from '../src';
import { emulator } from './emulator';
import { plan } from './plan';

runFixtureTable(plan);

describe('Heap: loader URL', () => {
  afterEach(() => resetPage());

  it.each([
    [{}, 'https://cdn.us.heap-api.com/config/1234567890/heap_config.js'],
    [{ region: 'eu' }, 'https://cdn.eu.heap-api.com/config/1234567890/heap_config.js'],
  ])('settings %j load %s', async (extra, url) => {
    resetPage();
    const vendor = serveVendor(emulator);
    await heapDestination({ appId: '1234567890', ...extra }).load({}, undefined);
    vendor.stop();
    expect(vendor.requested).toEqual([url]);
  });

  it('scriptUrl replaces the whole loader URL (self-hosting)', async () => {
    resetPage();
    const proxy = { ...emulator, scripts: ['https://analytics.example.com/'] };
    const vendor = serveVendor(proxy);
    await heapDestination({ appId: '1234567890', scriptUrl: 'https://analytics.example.com/heap/heap.js' }).load(
      {},
      undefined,
    );
    vendor.stop();
    expect(vendor.requested).toEqual(['https://analytics.example.com/heap/heap.js']);
  });
});

describe('Heap: a page that installed Heap itself', () => {
  afterEach(() => resetPage());

  it('keeps the page snippet: its environment and queued calls survive, ours join the same queue', async () => {
    resetPage();
    const pageQueue = [
      {
        name: 'track',
        fn: () => (window as unknown as { heap: { track: (e: string) => void } }).heap.track('Page Own'),
      },
    ];
    Object.assign(window, { heapReadyCb: pageQueue, heap: Object.assign([], { envId: '555', clientConfig: {} }) });
    const vendor = serveVendor(emulator);
    const plugin = heapDestination({ appId: '1234567890' });
    await plugin.load({}, undefined);
    dispatch(plugin, spec.track('Ours', {}));
    await settle();
    vendor.stop();
    expect(vendor.calls).toEqual([
      ['heap.load', '555', {}],
      ['heap.track', 'Page Own'],
      ['heap.track', 'Ours', {}],
    ]);
  });

  it('queues calls made before heap.js loads and replays them in order', async () => {
    resetPage();
    const vendor = serveVendor(emulator, { delayMs: 30 });
    const loading = heapDestination({ appId: '1234567890' }).load({}, undefined);
    await Promise.resolve();
    const stub = (window as unknown as { heap: { identify: (id: string) => void } }).heap;
    stub.identify('early-user');
    await loading;
    vendor.stop();
    expect(vendor.calls.slice(1)).toEqual([['heap.identify', 'early-user']]);
  });
});
