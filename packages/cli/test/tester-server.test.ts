/**
 * @jest-environment node
 */
// The tester's server: what it answers, and that it listens on 127.0.0.1 only.
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testerScript } from '../src/serve/destination-runtime';
import { startTesterServer, type TesterServer } from '../src/serve/tester-server';

let server: TesterServer;
let dir: string;
const modes: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'devicemode-tester-server-'));
  writeFileSync(join(dir, 'acme.js'), 'window.acmeDestination = function () {};');
  server = await startTesterServer({
    assets: { html: '<!doctype html><title>t</title>', script: 'void 0;', serviceWorker: 'self.x = 1;' },
    state: () => ({ destinations: [], mode: 'offline' }),
    emulators: () => ({
      mode: 'offline',
      emulators: [{ slug: 'acme', scripts: ['https://cdn.acme.example/'], code: 'void 0;' }],
    }),
    bundle: (slug) => (slug === 'acme' ? join(dir, 'acme.js') : undefined),
    setMode: (mode) => modes.push(mode),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET', body?: string) =>
  new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = request(url, { method }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });

describe('tester server', () => {
  it('listens on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('is not reachable on the machine’s other addresses', async () => {
    const { port } = new URL(server.url);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && address.family === 'IPv4' && !address.internal)
      .map((address) => address!.address);
    for (const address of others) await expect(get(`http://${address}:${port}/`)).rejects.toThrow(/ECONNREFUSED/);
    // `localhost` may resolve to ::1 first: the IPv6 loopback is another interface, so it is refused too.
    await expect(get(`http://[::1]:${port}/`)).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL/);
  });

  it('serves the page, the service worker and the emulators as JSON', async () => {
    expect((await get(server.url)).type).toContain('text/html');
    const worker = await get(`${server.url}sw.js`);
    expect([worker.status, worker.type, worker.text]).toEqual([200, 'text/javascript', 'self.x = 1;']);
    expect(JSON.parse((await get(`${server.url}api/emulators`)).text).emulators[0].slug).toBe('acme');
  });

  it('serves known bundles and 404s anything else', async () => {
    expect((await get(`${server.url}cdn/acme.js?v=3`)).text).toContain('acmeDestination');
    expect((await get(`${server.url}cdn/other.js`)).status).toBe(404);
    expect((await get(`${server.url}cdn/../package.json`)).status).toBe(404);
  });

  it('switches the vendor-script mode', async () => {
    expect((await get(`${server.url}api/mode`, 'POST', 'online')).status).toBe(204);
    expect(modes).toEqual(['online']);
  });
});

describe('emulator script for the page', () => {
  it('records into the tester sink of its destination, then restores the page global', () => {
    const sinks: Record<string, unknown[][]> = {};
    const win: Record<string, unknown> = {
      __devicemodeTester: {
        sinkFor: (slug: string) => ({ push: (call: unknown[]) => (sinks[slug] ??= []).push(call) }),
      },
    };
    const emulator =
      'var calls = window.__devicemodeCalls; window.acme = function () { calls.push(["acme", ...arguments]); };';
    new Function('window', testerScript('acme', emulator))(win);
    (win.acme as (...args: unknown[]) => void)('track', 'Signed Up');
    expect(sinks).toEqual({ acme: [['acme', 'track', 'Signed Up']] });
    expect('__devicemodeCalls' in win).toBe(false);
  });
});
