// The main window, locked down: isolated, sandboxed, no Node, no webviews, no
// navigation away from app://kith/, no popups, and its size and place
// remembered between runs.
import { app, BrowserWindow, dialog, nativeTheme, screen, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from '../ipc/sender';
import { isAppUrl } from './navigation';
import { createLinkOpener, linkDialogText } from './openLink';
import { loadWindowState, MIN_SIZE, restorableBounds, saveWindowState } from './windowState';

/** The renderer's page background in each theme, so the window never flashes white (or black) before it paints. */
export const BACKGROUND = { light: '#ffffff', dark: '#19191c' } as const; // --bg in renderer/src/styles/base.css

export interface MainWindowOptions {
  dataDir: string;
  preloadPath: string;
  log: (message: string) => void;
}

/**
 * Applied to every webContents the app creates (app 'web-contents-created'),
 * not only the main window's, per Electron's security checklist.
 */
export function lockDownWebContents(contents: WebContents, log: (message: string) => void): void {
  contents.on('will-navigate', (event) => {
    // Same-document (#route) changes do not fire this; a full navigation to
    // another app:// page would lose nothing but is never needed either.
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`Blocked navigation to ${event.url}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`Blocked redirect to ${event.url}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Blocked a <webview>');
  });
  // A person's web page or email address opens in the user's browser or mail
  // app, after one native dialog showing the full URL (issue 18: the decision
  // is main's, openLink.ts); Kith itself never opens a second window.
  const openLink = createLinkOpener({
    confirm: async (url) => {
      const text = linkDialogText(url);
      const owner = BrowserWindow.fromWebContents(contents);
      const options = { type: 'question' as const, buttons: ['Open', 'Cancel'], defaultId: 1, cancelId: 1, noLink: true, title: 'Open link', ...text };
      const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    open: (url) => shell.openExternal(url),
    log,
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openLink(url);
    return { action: 'deny' };
  });
}

export function createMainWindow({ dataDir, preloadPath, log }: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(dataDir);
  const bounds = restorableBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Kith',
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
      // Chromium's spellchecker downloads its dictionaries from Google on
      // Windows and Linux, and Kith makes no network requests; macOS checks
      // spelling with the OS's own dictionaries, offline.
      spellcheck: process.platform === 'darwin',
    },
  });
  if (saved?.maximized) window.maximize();

  window.once('ready-to-show', () => window.show());
  const followTheme = (): void => window.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light);
  nativeTheme.on('updated', followTheme);
  window.once('closed', () => nativeTheme.off('updated', followTheme));

  window.on('close', () => {
    try {
      saveWindowState(dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log(`Could not save the window's size and position: ${String(error)}`);
    }
  });

  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
