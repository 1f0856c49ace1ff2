// The page's own origin: a static server on 127.0.0.1 (the only host the browser may reach unrouted).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file the server answers with. */
export interface StaticFile {
  contentType: string;
  body: string;
}

/** A running server: put files at paths, then close it. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  files: Map<string, StaticFile>;
  close: () => Promise<void>;
}

/** Starts a server on 127.0.0.1 and a free port; unknown paths get a 404. */
export function startStaticServer(): Promise<StaticServer> {
  const files = new Map<string, StaticFile>();
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    response.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-store' }).end(file.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        files,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
