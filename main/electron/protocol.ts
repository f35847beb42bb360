// app://kith/: the renderer's origin. A privileged standard scheme (so it has a
// real origin, relative URLs and module scripts work, and the page is a secure
// context) whose handler serves files from out/renderer and nothing else.
// Chosen over file:// because file:// pages share one opaque origin with the
// whole disk, and over a loopback server because it opens no port.
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../ipc/sender';
import { rendererResponseHeaders } from './csp';
import { mimeTypeFor, resolveRendererFile } from './rendererFiles';

/** Must run before the app is ready (Electron reads privileged schemes at startup). */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** Serves out/renderer on app://kith/. Call once the app is ready. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    const file = resolveRendererFile(rendererRoot, url.pathname);
    if (!file) return plain(404, 'Not found');
    try {
      const body = await fs.readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: rendererResponseHeaders(mimeTypeFor(file)) });
    } catch {
      return plain(404, 'Not found');
    }
  });
}
