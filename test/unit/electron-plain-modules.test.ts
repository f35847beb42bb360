// The electron-free parts of main/electron/: renderer file resolution (shared
// by the app:// handler and the e2e server), which URLs may load or open,
// window-state persistence, and where the Electron build of better-sqlite3 is
// found. Real files in a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findNativeBinding, nativeCacheFolder } from '../../main/electron/nativeBinding';
import { externalUrlToOpen, isAllowedDownload, isAllowedRequest, isAppUrl } from '../../main/electron/navigation';
import { mimeTypeFor, resolveRendererFile } from '../../main/electron/rendererFiles';
import { DEFAULT_SIZE, loadWindowState, restorableBounds, saveWindowState, WINDOW_STATE_FILE } from '../../main/electron/windowState';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-electron-plain-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  let root: string;
  beforeEach(() => {
    root = path.join(tmp, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
    fs.writeFileSync(path.join(tmp, 'secret.txt'), 'not for the renderer');
  });

  it('serves files inside the root, "/" as index.html', () => {
    expect(resolveRendererFile(root, '/')).toBe(fs.realpathSync(path.join(root, 'index.html')));
    expect(resolveRendererFile(root, '/assets/app.js')).toBe(fs.realpathSync(path.join(root, 'assets', 'app.js')));
    expect(resolveRendererFile(root, '/assets/%61pp.js')).toBe(fs.realpathSync(path.join(root, 'assets', 'app.js')));
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/assets', '/missing.js', '/%zz', '/index.html%00.js'])(
    'refuses %s',
    (urlPath) => {
      expect(resolveRendererFile(root, urlPath)).toBeNull();
    },
  );

  it('refuses a symlink that leads outside the root', () => {
    fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'link.txt'));
    expect(resolveRendererFile(root, '/link.txt')).toBeNull();
  });

  it('refuses everything when the renderer is not built', () => {
    expect(resolveRendererFile(path.join(tmp, 'nope'), '/')).toBeNull();
  });

  it('names module scripts and styles with the MIME types browsers require', () => {
    expect(mimeTypeFor('a/b.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('unknown.xyz')).toBe('application/octet-stream');
  });
});

describe('navigation rules', () => {
  it('knows its own origin', () => {
    expect(isAppUrl('app://kith/index.html#/people')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://kith/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('lets through only local requests (and DevTools in development)', () => {
    expect(isAllowedRequest('app://kith/assets/a.js', { devTools: false })).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', { devTools: false })).toBe(true);
    expect(isAllowedRequest('https://example.com/', { devTools: true })).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/', { devTools: true })).toBe(false);
    expect(isAllowedRequest('wss://example.com/', { devTools: true })).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', { devTools: true })).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', { devTools: true })).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', { devTools: false })).toBe(false);
  });

  it("downloads only the app's own exports (blob: of app://kith, data:)", () => {
    expect(isAllowedDownload('blob:app://kith/6f1c7a55-3f4e-4d6b-9a1e-0c2f1d1b2a3c')).toBe(true);
    expect(isAllowedDownload('data:text/csv;charset=utf-8,a,b')).toBe(true);
    expect(isAllowedDownload('blob:https://evil.example/6f1c7a55')).toBe(false);
    expect(isAllowedDownload('https://example.com/file.zip')).toBe(false);
  });

  it('hands the OS only http(s) and mailto links, without credentials', () => {
    expect(externalUrlToOpen('https://www.linkedin.com/in/ada')).toBe('https://www.linkedin.com/in/ada');
    expect(externalUrlToOpen('mailto:ada@example.com')).toBe('mailto:ada@example.com');
    expect(externalUrlToOpen('file:///etc/passwd')).toBeNull();
    expect(externalUrlToOpen('javascript:alert(1)')).toBeNull();
    expect(externalUrlToOpen('smb://host/share')).toBeNull();
    expect(externalUrlToOpen('https://user:pw@example.com/')).toBeNull();
    expect(externalUrlToOpen(`https://example.com/${'a'.repeat(2_000)}`)).toBeNull();
  });
});

describe('window state', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1050 };

  it('round-trips through the JSON file and ignores a broken one', () => {
    expect(loadWindowState(tmp)).toBeNull();
    const state = { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true };
    saveWindowState(tmp, state);
    expect(loadWindowState(tmp)).toEqual(state);
    fs.writeFileSync(path.join(tmp, WINDOW_STATE_FILE), '{"bounds": {"x": "left"}');
    expect(loadWindowState(tmp)).toBeNull();
  });

  it('restores a position that is still on a display', () => {
    const saved = { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: false };
    expect(restorableBounds(saved, [display])).toEqual(saved.bounds);
  });

  it('keeps only the size when the saved position is on a display that is gone', () => {
    const saved = { bounds: { x: 2500, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(restorableBounds(saved, [display])).toEqual({ width: 1200, height: 800 });
    const offTop = { bounds: { x: 100, y: -790, width: 1200, height: 800 }, maximized: false };
    expect(restorableBounds(offTop, [display])).toEqual({ width: 1200, height: 800 });
  });

  it('uses the default size the first time and never goes below the minimum', () => {
    expect(restorableBounds(null, [display])).toEqual(DEFAULT_SIZE);
    const tiny = { bounds: { x: 10, y: 10, width: 50, height: 20 }, maximized: false };
    expect(restorableBounds(tiny, [display])).toMatchObject({ width: 720, height: 480 });
  });
});

describe('findNativeBinding', () => {
  const lookup = { isPackaged: false, resourcesPath: '', electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };

  function writeBuild(electron: string): string {
    const folder = path.join(tmp, nativeCacheFolder('linux', 'x64'));
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'better_sqlite3.node'), 'ELF');
    fs.writeFileSync(path.join(folder, 'build.json'), JSON.stringify({ electron }));
    return path.join(folder, 'better_sqlite3.node');
  }

  it('finds the cached build made for this Electron', () => {
    const file = writeBuild('45.4.1');
    expect(findNativeBinding({ ...lookup, appPath: tmp })).toEqual({ path: file });
  });

  it('refuses a build made for another Electron, saying how to fix it', () => {
    writeBuild('44.0.0');
    const result = findNativeBinding({ ...lookup, appPath: tmp });
    expect(result.path).toBeNull();
    expect(result).toMatchObject({ problem: expect.stringMatching(/Electron 44\.0\.0, not 45\.4\.1.*npm start/) });
  });

  it('says how to build it when it is missing', () => {
    expect(findNativeBinding({ ...lookup, appPath: tmp })).toMatchObject({ path: null, problem: expect.stringContaining('npm start') });
  });

  it('uses resources/native in a packaged app', () => {
    fs.mkdirSync(path.join(tmp, 'native'));
    fs.writeFileSync(path.join(tmp, 'native', 'better_sqlite3.node'), 'ELF');
    expect(findNativeBinding({ ...lookup, isPackaged: true, resourcesPath: tmp, appPath: '/x' })).toEqual({ path: path.join(tmp, 'native', 'better_sqlite3.node') });
  });
});
