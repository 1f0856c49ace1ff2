// The tester's HTTP server: 127.0.0.1 only. Serves the page, the service worker, the CDN bundles, the
// state as JSON, and server-sent events for live reload.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { PageAssets } from './page-assets';
import type { EmulatorConfig, TesterEvent, TesterState } from './tester-types';

export interface TesterSources {
  assets: PageAssets;
  state: () => TesterState;
  emulators: () => EmulatorConfig;
  /** The CDN bundle file of a slug, or undefined when it is unknown. */
  bundle: (slug: string) => string | undefined;
  setMode: (mode: 'offline' | 'online') => void;
}

export interface TesterServer {
  url: string;
  broadcast: (event: TesterEvent) => void;
  close: () => Promise<void>;
}

const send = (
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
) => response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra }).end(body);

/** Starts the server on 127.0.0.1 (`port` 0: any free port). */
export function startTesterServer(sources: TesterSources, port = 0): Promise<TesterServer> {
  const listeners = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/') return send(response, 200, 'text/html; charset=utf-8', sources.assets.html);
    if (pathname === '/tester.js') return send(response, 200, 'text/javascript', sources.assets.script);
    if (pathname === '/sw.js')
      return send(response, 200, 'text/javascript', sources.assets.serviceWorker, { 'service-worker-allowed': '/' });
    if (pathname === '/api/state') return send(response, 200, 'application/json', JSON.stringify(sources.state()));
    if (pathname === '/api/emulators')
      return send(response, 200, 'application/json', JSON.stringify(sources.emulators()));
    if (pathname === '/api/mode' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        sources.setMode(body.trim() === 'online' ? 'online' : 'offline');
        send(response, 204, 'text/plain', '');
      });
      return;
    }
    if (pathname === '/api/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    const slug = /^\/cdn\/([a-z0-9-]+)\.js$/.exec(pathname)?.[1];
    const file = slug ? sources.bundle(slug) : undefined;
    if (file) {
      try {
        return send(response, 200, 'text/javascript', readFileSync(file, 'utf8'));
      } catch {
        return send(response, 404, 'text/plain', `${slug} is not built: see the terminal running devicemode serve`);
      }
    }
    send(response, 404, 'text/plain', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} on 127.0.0.1 is in use: pass another --port (or 0 for any)`)
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}/`,
        broadcast: (event) => {
          for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const listener of listeners) listener.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
