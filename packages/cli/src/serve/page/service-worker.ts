// The tester's service worker: 127.0.0.1 is a secure context, so it can answer the page's cross-origin
// requests itself. Offline (the default) vendor script URLs get their emulator, api.segment.io gets `{}`,
// and anything else gets a 503: nothing leaves the machine. Online, vendor scripts come from the vendor.
import type { EmulatorConfig } from '../tester-types';

// Only what this worker uses of the ServiceWorkerGlobalScope (the repo's tsconfig has no WebWorker lib).
interface FetchEvent {
  request: Request;
  respondWith: (response: Promise<Response> | Response) => void;
}
interface WorkerScope {
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: { waitUntil: (p: Promise<unknown>) => void }) => void,
  ): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  skipWaiting: () => Promise<void>;
  clients: { claim: () => Promise<void> };
  location: Location;
}

const scope = self as unknown as WorkerScope;
const SEGMENT_API = 'https://api.segment.io/';

scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
// A page that loaded while this worker activated asks to be claimed (see ensureServiceWorker).
scope.addEventListener('message', (event) => {
  if (event.data === 'claim') void scope.clients.claim();
});

async function config(): Promise<EmulatorConfig> {
  // Fetched per request: a rebuild or a mode switch must apply at once, and these requests are few.
  return (await fetch('/api/emulators', { cache: 'no-store' })).json() as Promise<EmulatorConfig>;
}

async function answer(request: Request): Promise<Response> {
  const { mode, emulators } = await config();
  if (request.url.startsWith(SEGMENT_API))
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  const emulator = emulators.find((e) => e.scripts.some((prefix) => request.url.startsWith(prefix)));
  if (mode === 'online') return fetch(request);
  if (emulator)
    return new Response(emulator.code, { headers: { 'content-type': 'text/javascript', 'cache-control': 'no-store' } });
  return new Response('devicemode tester is offline: this request was not sent', { status: 503 });
}

scope.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).origin === scope.location.origin) return;
  event.respondWith(answer(event.request));
});
