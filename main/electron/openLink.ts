// Opening a link the user clicked (issue 18): the decision lives in the main
// process, not in the renderer, so a compromised or buggy page cannot hand the
// OS a URL without the user seeing it. One native dialog shows the full URL;
// the renderer asks nothing itself. Plain module (no electron import): the
// dialog and the OS call are injected, and test/unit/open-link.test.ts runs it.
import { externalUrlToOpen } from './navigation';

export interface LinkOpenerDeps {
  /** Shows the full URL and answers whether the user chose to open it (Electron: dialog.showMessageBox). */
  confirm: (url: string) => Promise<boolean>;
  /** Hands the URL to the OS (Electron: shell.openExternal). */
  open: (url: string) => Promise<void>;
  log: (message: string) => void;
}

export type LinkOutcome = 'opened' | 'declined' | 'refused' | 'busy';

/**
 * Returns the window-open handler's decision maker: refuses anything but
 * http(s)/mailto under 2,000 characters without asking (navigation.ts), asks
 * once for the rest, and opens only on a yes. While one question is open,
 * further requests are refused, so a page cannot stack dialogs.
 */
export function createLinkOpener(deps: LinkOpenerDeps): (url: string) => Promise<LinkOutcome> {
  let asking = false;
  return async (url) => {
    const external = externalUrlToOpen(url);
    if (!external) {
      deps.log(`Blocked opening ${url.slice(0, 200)}`);
      return 'refused';
    }
    if (asking) {
      deps.log(`Ignored a link while another is being asked about: ${external.slice(0, 200)}`);
      return 'busy';
    }
    asking = true;
    try {
      if (!(await deps.confirm(external))) return 'declined';
      await deps.open(external);
      return 'opened';
    } catch (error) {
      deps.log(`Could not open ${external.slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}`);
      return 'refused';
    } finally {
      asking = false;
    }
  };
}

/** What the native dialog says: the full URL, and where it will open. */
export function linkDialogText(url: string): { message: string; detail: string } {
  const mail = url.startsWith('mailto:');
  return {
    message: mail ? 'Write this e-mail in your mail app?' : 'Open this link in your browser?',
    detail: `${url}\n\nKith never opens web pages itself${mail ? '' : ': this link opens in your browser'}.`,
  };
}
