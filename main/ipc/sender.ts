// Which frames may talk to main (VS Code's validated IPC): only Kith's own
// renderer, served from the app:// protocol, and only the top frame.
export const APP_SCHEME = 'app';
export const APP_HOST = 'kith';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SenderFrameInfo {
  url: string;
  /** True for the window's top frame; subframes are never trusted. */
  isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrameInfo | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
