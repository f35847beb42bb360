// The window's security settings as Electron actually applied them, and what
// the page can (and cannot) reach: only window.kith.invoke, no Node, no
// navigation away, no network.
import { expect, skipWithoutElectron, test } from './fixtures';

skipWithoutElectron();

test('the main window is isolated, sandboxed and without Node', async ({ kith }) => {
  // getLastWebPreferences() (the preferences Electron applied) is internal and
  // untyped since Electron 19; the page-side checks below hold regardless.
  const prefs = await kith.app.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    const contents = window?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null } | undefined;
    const p = contents?.getLastWebPreferences?.();
    if (!p) return null;
    const { contextIsolation, sandbox, nodeIntegration, nodeIntegrationInSubFrames, webSecurity, webviewTag, allowRunningInsecureContent } = p;
    return { contextIsolation, sandbox, nodeIntegration, nodeIntegrationInSubFrames, webSecurity, webviewTag, allowRunningInsecureContent };
  });
  if (prefs === null) {
    test.info().annotations.push({ type: 'note', description: 'webContents.getLastWebPreferences() is not available in this Electron; checked from the page only.' });
  } else {
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  }
  // contextBridge refuses to work without context isolation, so a working
  // window.kith proves it; no require/process proves Node is off.
  expect(await kith.window.evaluate(`typeof window.kith.invoke === 'function' && typeof require === 'undefined' && typeof process === 'undefined'`)).toBe(true);
  expect(kith.window.url()).toMatch(/^app:\/\/kith\//);
});

test('the page sees window.kith.invoke and nothing of Node or Electron', async ({ kith }) => {
  const seen = await kith.window.evaluate(`(() => ({
    kithKeys: Object.keys(window.kith),
    invokeType: typeof window.kith.invoke,
    require: typeof require,
    process: typeof process,
    module: typeof module,
    ipcRenderer: typeof window.ipcRenderer,
    electron: typeof window.electron,
  }))()`);
  expect(seen).toEqual({ kithKeys: ['invoke'], invokeType: 'function', require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined', electron: 'undefined' });

  const info = await kith.window.evaluate(`window.kith.invoke('app:info')`);
  expect(info).toMatchObject({ ok: true, value: { dataDir: kith.dataDir } });
  expect(await kith.window.evaluate(`window.kith.invoke('fs:readFile', { path: '/etc/passwd' })`)).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_CHANNEL' },
  });
  expect(await kith.window.evaluate(`window.kith.invoke('people:create', { displayName: '' })`)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
});

test('the page cannot navigate away, open windows or reach the network', async ({ kith }) => {
  const fetched = await kith.window.evaluate(`fetch('https://example.com/').then(() => 'fetched', () => 'refused')`);
  expect(fetched).toBe('refused');
  // Not an http(s) link, so the handler neither opens a window nor hands it to the OS (a test must not open a browser).
  await kith.window.evaluate(`window.open('file:///etc/hosts', '_blank')`);
  await kith.window.evaluate(`location.href = 'https://example.com/'`).catch(() => undefined);
  await expect.poll(() => kith.window.url()).toMatch(/^app:\/\/kith\//);
  expect(kith.app.windows()).toHaveLength(1);
});
