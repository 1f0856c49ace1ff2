import { describe, expect, it } from '@jest/globals';
import { call, dispatch, resetPage, runFixtureTable, serveVendor, settle, spec } from '@devicemode/testing';
import type { VendorEmulator } from '@devicemode/testing';
import { fullstoryDestination } from '../src';
import { emulator } from './emulator';
import { plan } from './plan';

runFixtureTable(plan);

const globals = window as unknown as Record<string, unknown>;

/** Loads the destination with `settings` on a fresh page; returns the vendor and the plugin. */
async function loaded(settings: Record<string, unknown>, vendorEmulator: VendorEmulator = emulator) {
  resetPage();
  const vendor = serveVendor(vendorEmulator);
  const plugin = fullstoryDestination({ ...plan.settings, ...settings });
  try {
    await plugin.load({}, undefined);
  } finally {
    vendor.stop();
  }
  return { vendor, plugin };
}

describe('FullStory: the snippet', () => {
  it('sets the _fs_* globals of the official snippet and loads fs.js with crossorigin="anonymous"', async () => {
    const { vendor } = await loaded({});
    expect([globals._fs_host, globals._fs_script, globals._fs_org, globals._fs_namespace]).toEqual([
      'fullstory.com',
      'edge.fullstory.com/s/fs.js',
      'o-1A2B3C-na1',
      'FS',
    ]);
    expect(vendor.requested).toEqual(['https://edge.fullstory.com/s/fs.js']);
    expect(document.querySelector('script')?.crossOrigin).toBe('anonymous');
  });

  it('uses the EU hosts for an org ID ending in eu1', async () => {
    const { vendor } = await loaded({ orgId: 'o-7Y9H-eu1' });
    expect(vendor.requested).toEqual(['https://edge.eu1.fullstory.com/s/fs.js']);
    expect([globals._fs_host, globals._fs_script]).toEqual(['eu1.fullstory.com', 'edge.eu1.fullstory.com/s/fs.js']);
  });

  it('loads fs-debug.js when debug is on', async () => {
    const { vendor } = await loaded({ debug: true });
    expect(vendor.requested).toEqual(['https://edge.fullstory.com/s/fs-debug.js']);
  });

  it('keeps a custom host and script URL as they are, whatever the org region', async () => {
    const proxy = { ...emulator, scripts: ['https://fs.example.com/'] };
    const { vendor } = await loaded(
      { orgId: 'o-7Y9H-eu1', host: 'relay.example.com', scriptUrl: 'https://fs.example.com/s/fs.js' },
      proxy,
    );
    expect(vendor.requested).toEqual(['https://fs.example.com/s/fs.js']);
    expect([globals._fs_host, globals._fs_script]).toEqual(['relay.example.com', 'fs.example.com/s/fs.js']);
  });

  it('installs the API under a custom namespace', async () => {
    const { vendor, plugin } = await loaded({ namespace: 'FullStory' });
    expect(globals._fs_namespace).toBe('FullStory');
    expect(typeof globals.FullStory).toBe('function');
    expect(globals.FS).toBeUndefined();
    dispatch(plugin, spec.track('Report Exported', {}));
    await settle();
    expect(vendor.calls).toEqual([call('FS', 'trackEvent', { name: 'Report Exported', properties: {} })]);
  });
});

describe('FullStory: a page that already has FullStory or uses window.FS', () => {
  it('refuses a namespace another script uses, before loading anything', async () => {
    resetPage();
    globals.FS = { version: 'not FullStory' };
    const vendor = serveVendor(emulator);
    try {
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      await expect(fullstoryDestination(plan.settings).load({}, undefined)).resolves.toBeUndefined();
      expect(errors).toHaveBeenCalledWith(
        '[devicemode:fullstory] load failed: window.FS is used by another script: set a different namespace',
      );
      errors.mockRestore();
      expect(vendor.requested).toEqual([]);
    } finally {
      vendor.stop();
    }
  });

  it("reuses the page's own FullStory snippet and leaves its _fs_* settings alone", async () => {
    resetPage();
    // The page's own snippet: queues until fs.js installs `_api`, as the official snippet does.
    const own = Object.assign(
      (operation: string, options: unknown): unknown =>
        own._api ? own._api(operation, options) : void own.q.push([operation, options]),
      { q: [] as unknown[][], _api: undefined as ((...args: unknown[]) => unknown) | undefined },
    );
    globals.FS = own;
    globals._fs_org = 'o-PAGE-na1';
    const vendor = serveVendor(emulator);
    try {
      const plugin = fullstoryDestination(plan.settings);
      await plugin.load({}, undefined);
      dispatch(plugin, spec.track('Report Exported', {}));
      await settle();
      expect(globals.FS).toBe(own);
      expect(globals._fs_org).toBe('o-PAGE-na1');
      expect(vendor.calls).toEqual([call('FS', 'trackEvent', { name: 'Report Exported', properties: {} })]);
    } finally {
      vendor.stop();
    }
  });
});

describe('FullStory: before fs.js is ready', () => {
  it('the snippet function queues calls in the official format, and load() times out if fs.js never starts', async () => {
    resetPage();
    const vendor = serveVendor({ ...emulator, install: () => undefined });
    const definition = fullstoryDestination.definition;
    definition.loadTimeoutMs = 200;
    try {
      const loading = fullstoryDestination(plan.settings).load({}, undefined);
      await new Promise((resolve) => setTimeout(resolve, 20));
      (globals.FS as (...args: unknown[]) => void)('trackEvent', { name: 'Queued', properties: {} });
      expect((globals.FS as { q: unknown[][] }).q).toEqual([
        ['trackEvent', { name: 'Queued', properties: {} }, undefined, undefined, undefined, 2],
      ]);
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      await expect(loading).resolves.toBeUndefined();
      expect(errors).toHaveBeenCalledWith(
        '[devicemode:fullstory] load failed: timed out waiting for window.FS to be the FullStory API',
      );
      errors.mockRestore();
    } finally {
      definition.loadTimeoutMs = undefined;
      vendor.stop();
    }
  });
});
