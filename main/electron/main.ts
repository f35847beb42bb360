// Kith's Electron main process: the thin layer that starts the app, opens the
// data directory with the plain-Node core, and shows it in one locked-down
// window. Everything that touches data lives outside main/electron/.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, type Session } from 'electron';
import { KithError } from '../../shared/errors';
import { openKith, type KithStore } from '../db/kith';
import { makePrivate } from '../db/modes';
import { defaultDataDir } from '../db/paths';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { startBackups } from './backups';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { findNativeBinding } from './nativeBinding';
import { isAllowedDownload, isAllowedRequest } from './navigation';
import { startDueNotifications } from './notifications';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './protocol';
import { recoverAtStartup } from './recovery';
import { createAppDispatch } from './unlock';
import { createMainWindow, lockDownWebContents } from './window';

const log = (message: string): void => console.log(`[kith] ${message}`);

// Both must happen before 'ready'.
registerAppSchemeAsPrivileged();
app.enableSandbox();

// Chromium's own files (profile, lock, caches) live with the data they belong
// to: with KITH_DATA_DIR set (tests, a second profile) a run is fully separate,
// including its single-instance lock. The default is the folder Electron would
// pick anyway (userData for an app named Kith); session caches get a subfolder.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'session'));
if (process.platform === 'win32') app.setAppUserModelId('dev.kith.app');

let mainWindow: BrowserWindow | null = null;
let store: KithStore | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Kith has this data directory open; it focuses its window (below).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, log));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => store?.close());
  app.whenReady().then(start, fatal);
}

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);

  const opened = await openStore();
  if (!opened) {
    app.quit();
    return;
  }
  // A data file protected with a passphrase opens only once the window's unlock screen sends it (app:unlock).
  const appDispatch = createAppDispatch({
    open: (passphrase) => openKith(dataDir, { passphrase, ...(nativeBindingPath() ? { nativeBinding: nativeBindingPath()! } : {}) }),
    buildDispatch: (s) =>
      createDispatcher(createHandlers({ db: s.db, dataDir: s.dataDir, chooseFolder: chooseArchiveFolder, chooseFile: chooseHistoryFile, chooseSyncFolder }), {
        // Output validation catches handler bugs in development; a packaged app
        // trusts its own handlers and saves the work.
        validateOutput: !app.isPackaged,
        readOnly: s.readOnly,
        log: (message, error) => console.error(`[kith] ${message}`, error),
      }),
    onOpened: (s) => {
      store = s;
      startBackups(s, log);
      startDueNotifications({ db: s.db, getWindow: () => mainWindow, log });
    },
  });
  registerIpc(appDispatch.dispatch, log);
  handleAppProtocol(path.join(__dirname, '..', 'renderer'));
  Menu.setApplicationMenu(buildMenu({ dataDir }));

  const openWindow = (): void => {
    mainWindow = createMainWindow({ dataDir, preloadPath: path.join(__dirname, '..', 'preload', 'index.cjs'), log });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();
  if (opened === 'locked') log('The data file is protected with a passphrase: waiting for it.');
  else appDispatch.opened(opened);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

/** No permissions, no downloads but the app's own exports, and no request that leaves the app: Kith is offline by design. */
function lockDownSession(ses: Session): void {
  const devTools = !app.isPackaged;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`Denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event, item) => {
    // An export the renderer built (blob:app://kith/…) gets the OS save dialog; nothing else downloads.
    if (!isAllowedDownload(item.getURL())) {
      log(`Blocked a download: ${item.getURL().slice(0, 200)}`);
      event.preventDefault();
      return;
    }
    // An export holds the same private notes as the data file: readable by the user only (issue 18).
    item.once('done', (_event, state) => {
      if (state === 'completed') makePrivate(item.getSavePath());
    });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, { devTools });
    if (!allowed) log(`Blocked a network request: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/**
 * Opens the data directory, or explains why not and offers a way forward
 * (restore a backup, open read-only, quit: main/recovery.ts decides which);
 * null when the user quits. A file Kith must not touch is refused by openKith
 * before anything is written.
 */
function findBinding(): ReturnType<typeof findNativeBinding> {
  return findNativeBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
}

function nativeBindingPath(): string | null {
  return findBinding().path;
}

async function openStore(): Promise<KithStore | 'locked' | null> {
  const binding = findBinding();
  try {
    // Without the Electron build, try better-sqlite3-multiple-ciphers' own binary: it works if
    // someone rebuilt it for Electron in place, and fails clearly otherwise.
    return openKith(dataDir, binding.path ? { nativeBinding: binding.path } : {});
  } catch (error) {
    // Protected with a passphrase: nothing is opened until the unlock screen sends it.
    if (error instanceof KithError && error.code === 'PASSPHRASE_REQUIRED') return 'locked';
    return recoverAtStartup(error, dataDir, {
      ...(binding.path ? { nativeBinding: binding.path } : {}),
      bindingProblem: binding.path === null ? binding.problem : null,
      log,
    });
  }
}

function showFatal(title: string, detail: string): void {
  console.error(`[kith] ${title}: ${detail}`);
  dialog.showMessageBoxSync({ type: 'error', title: 'Kith', message: title, detail, buttons: ['Quit'], noLink: true });
}

function fatal(error: unknown): void {
  showFatal('Kith could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
  app.exit(1);
}

/** The OS folder dialog for an unzipped LinkedIn archive (issue 13); the path stays in main (main/importers/chosenFolders.ts). */
/** Issue 14: the calendar or mbox to import, chosen here; the renderer only ever gets a token. */
async function chooseHistoryFile(source: 'ics' | 'mbox'): Promise<string | null> {
  const options =
    source === 'ics'
      ? { title: 'Choose a calendar file (.ics)', properties: ['openFile' as const], filters: [{ name: 'Calendar', extensions: ['ics', 'ical', 'ifb', 'icalendar'] }, { name: 'All files', extensions: ['*'] }] }
      : { title: 'Choose a mail file (.mbox)', properties: ['openFile' as const], filters: [{ name: 'Mail (mbox)', extensions: ['mbox', 'mbx'] }, { name: 'All files', extensions: ['*'] }] };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

async function chooseArchiveFolder(): Promise<string | null> {
  const options = { title: 'Choose the unzipped LinkedIn data folder', properties: ['openDirectory' as const] };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

/** Issue 19: the folder the user's sync tool moves (Syncthing, a cloud drive); the renderer only ever gets a token. */
async function chooseSyncFolder(): Promise<string | null> {
  const options = { title: 'Choose the folder your sync tool shares between your computers', properties: ['openDirectory' as const, 'createDirectory' as const] };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}
