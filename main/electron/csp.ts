// The Content-Security-Policy of Kith's renderer, sent as a response header by
// the app:// protocol handler and by the end-to-end tests' loopback server, so
// tests run the page under the same policy as the app. Nothing remote, no
// inline script or style elements, no eval, no plugins, no framing. It matches
// the <meta> policy in renderer/index.html (where both apply, the stricter wins).
// Setting styles through the CSSOM (React's style prop, canvas libraries) is
// not restricted by style-src; only <style> elements and style="" markup are.
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  // The graph layout runs in a same-origin module worker (issue 5); never blob: workers.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Only honoured as a header (a <meta> policy cannot say it).
  "frame-ancestors 'none'",
].join('; ');

/** Headers every renderer file is served with, in the app and in tests. */
export function rendererResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}
