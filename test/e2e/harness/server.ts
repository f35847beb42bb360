// A loopback static server for the built renderer (out/renderer). The page
// must be loaded over http: module scripts do not run from file://. It serves
// with the app's Content-Security-Policy header and the same path resolution
// as the app:// protocol handler, so both refuse the same requests.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rendererResponseHeaders } from '../../../main/electron/csp';
import { mimeTypeFor, resolveRendererFile } from '../../../main/electron/rendererFiles';

export interface RendererServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  root: string;
  /** Every path requested, in order (for tests that care what the page loaded). */
  requests: string[];
  close(): Promise<void>;
}

export async function startRendererServer(root: string): Promise<RendererServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveRendererFile(root, url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(error.message);
        return;
      }
      res.writeHead(200, { ...rendererResponseHeaders(mimeTypeFor(file)), 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    root,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
