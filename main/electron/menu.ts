// The application menu: the usual roles, so copy/paste, undo, zoom, full
// screen and the platform's shortcuts work. Reload and DevTools exist only in
// development; a packaged Kith has neither.
import { app, BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  dataDir: string;
}

function showAbout(dataDir: string): void {
  const window = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: 'About Kith',
    message: `Kith ${app.getVersion()}`,
    detail: `A private, offline journal of the people you know and the paths between them.\n\nYour data: ${dataDir}\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}`,
    buttons: ['OK'],
  };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

export function buildMenu({ dataDir }: MenuOptions): Menu {
  const isMac = process.platform === 'darwin';
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            role: 'appMenu' as const,
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    { role: 'fileMenu', submenu: isMac ? [{ role: 'close' }] : [{ role: 'close' }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(dev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Show Data Folder', click: () => void shell.openPath(dataDir) },
        ...(isMac ? [] : ([{ type: 'separator' }, { label: 'About Kith', click: () => showAbout(dataDir) }] as MenuItemConstructorOptions[])),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
