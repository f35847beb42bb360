// Launches the real app (out/main/index.cjs, as `electron .` does) through
// Playwright's _electron, with a fresh KITH_DATA_DIR per test. The Electron
// binary is found WITHOUT require('electron'): that module's index.js tries to
// download the binary when it is missing. Where there is no binary the specs
// are skipped, with the reason in the report and on the console.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import { findNativeBinding } from '../../main/electron/nativeBinding';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ELECTRON_PKG = path.join(REPO_ROOT, 'node_modules', 'electron');

export type ElectronBinary = { path: string; version: string } | { path: null; reason: string };

/** The Electron executable, from ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/{path.txt,dist/}. */
export function findElectronBinary(): ElectronBinary {
  const version = (() => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(ELECTRON_PKG, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return null;
    }
  })();
  if (!version) return { path: null, reason: 'Electron binary not available here: the electron package is not installed.' };
  const pathTxt = path.join(ELECTRON_PKG, 'path.txt');
  const relative = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron')) : relative ? path.join(ELECTRON_PKG, 'dist', relative) : null;
  if (candidate && fs.existsSync(candidate)) return { path: candidate, version };
  return {
    path: null,
    reason:
      `Electron binary not available here (it is downloaded on first start on a normal machine): ` +
      `${candidate ?? path.join(ELECTRON_PKG, 'dist')} does not exist. ` +
      'Run `npx install-electron` (or npm install with network access), or set ELECTRON_OVERRIDE_DIST_PATH.',
  };
}

export const electronBinary = findElectronBinary();

/** Call at the top of every spec in test/electron: skips them all, visibly, where Electron cannot run. */
export function skipWithoutElectron(): void {
  if (electronBinary.path === null && !process.env.KITH_PACKAGED_APP) {
    console.log(`[electron] skipped: ${electronBinary.reason}`);
    base.skip(true, electronBinary.reason);
  }
}

export interface KithElectron {
  app: ElectronApplication;
  /** The main window, after the renderer has rendered its first app:info. */
  window: Page;
  dataDir: string;
}

export const test = base.extend<{ kith: KithElectron }>({
  // eslint-disable-next-line no-empty-pattern
  kith: async ({}, use, testInfo) => {
    // CI's packaged-app job (issue 18) points KITH_PACKAGED_APP at the packaged
    // executable: the specs then start the shipped binary, fuses and asar included.
    const packaged = process.env.KITH_PACKAGED_APP;
    if (packaged) {
      const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-packaged-'));
      const dataDir = path.join(tempRoot, 'data');
      const app = await _electron.launch({
        executablePath: packaged,
        args: process.platform === 'linux' ? ['--no-sandbox'] : [],
        env: { ...process.env, KITH_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
        timeout: 60_000,
      });
      try {
        const window = await app.firstWindow();
        await window.waitForSelector('html[data-kith-ready="true"]', { state: 'attached' });
        await use({ app, window, dataDir });
      } finally {
        await app.close().catch(() => undefined);
        fs.rmSync(tempRoot, { recursive: true, force: true });
      }
      return;
    }
    if (electronBinary.path === null) throw new Error(electronBinary.reason);
    if (!fs.existsSync(path.join(REPO_ROOT, 'out', 'main', 'index.cjs'))) throw new Error('The app is not built: run `npm run build` first.');
    const native = findNativeBinding({
      isPackaged: false,
      resourcesPath: '',
      appPath: REPO_ROOT,
      electronVersion: electronBinary.version,
      platform: process.platform,
      arch: process.arch,
    });
    // Without it the app would stop at an error dialog; say so here instead.
    if (native.path === null) throw new Error(`${native.problem} (node scripts/native-electron.mjs --required)`);

    const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-electron-'));
    const dataDir = path.join(tempRoot, 'data');
    const app = await _electron.launch({
      executablePath: electronBinary.path,
      args: [REPO_ROOT, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      cwd: REPO_ROOT,
      env: { ...process.env, KITH_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
      timeout: 30_000,
    });
    const lines: string[] = [];
    app.process().stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    app.process().stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    try {
      const window = await app.firstWindow();
      await window.waitForSelector('html[data-kith-ready="true"]', { state: 'attached' });
      await use({ app, window, dataDir });
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('electron-output', { body: lines.join(''), contentType: 'text/plain' });
      await app.close().catch(() => undefined);
      fs.rmSync(tempRoot, { recursive: true, force: true });
    }
  },
});

export { expect };
