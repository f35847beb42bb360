// Which URLs the app may load, navigate to, or hand to the OS. Plain Node (no
// electron import), unit-tested under test/unit. Kith makes no network
// requests: the renderer loads from app://kith/ only.
import { APP_HOST, APP_SCHEME } from '../ipc/sender';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL of Kith's own renderer (app://kith/…). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * Whether session.webRequest lets a request through: Kith's own files, inline
 * data (data:, blob: never touch the network) and, in development, DevTools'
 * own pages. Everything else — http(s), ws(s), file:, ftp: — is cancelled.
 */
export function isAllowedRequest(url: string, options: { devTools: boolean }): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (isAppUrl(url)) return true;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  if (options.devTools && (parsed.protocol === 'devtools:' || parsed.protocol === 'chrome-devtools:')) return true;
  return false;
}

/**
 * A link the user clicked that the OS may open (a person's web page or email
 * address), or null. Only http(s) and mailto, no credentials, and at most
 * 2,000 characters: the OS handler never sees file:, javascript:, custom
 * schemes or smuggled user:password@ prefixes.
 */
export function externalUrlToOpen(url: string): string | null {
  if (url.length > 2_000) return null;
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.protocol === 'mailto:') return parsed.href;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

/**
 * Downloads Kith lets happen: only files the renderer made itself (an export
 * as a blob: or data: URL of its own page), which Electron then offers to save
 * with the OS's save dialog. Anything else would be a network fetch.
 */
export function isAllowedDownload(url: string): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('blob:')) return false;
  return isAppUrl(url.slice('blob:'.length));
}
