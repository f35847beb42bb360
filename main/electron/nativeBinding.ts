// Where the Electron build of better-sqlite3-multiple-ciphers (SQLite with encryption) lives. The copy in
// node_modules/better-sqlite3-multiple-ciphers/build is compiled for Node (tests and the CLI
// use it); Electron needs one compiled against its own ABI, which
// scripts/native-electron.mjs builds into node_modules/.kith-native/ and
// electron-builder ships as resources/native/better_sqlite3.node. Plain Node,
// shared with that script's naming (keep the two in step).
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_CACHE_DIR = path.join('node_modules', '.kith-native');
export const NATIVE_FILE = 'better_sqlite3.node';
export const NATIVE_STAMP_FILE = 'build.json';

/** node_modules/.kith-native/electron-<platform>-<arch>, relative to the app root. */
export function nativeCacheFolder(platform: string, arch: string): string {
  return path.join(NATIVE_CACHE_DIR, `electron-${platform}-${arch}`);
}

export interface NativeBindingLookup {
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath(): the repository root in development. */
  appPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

export type NativeBindingResult = { path: string } | { path: null; problem: string };

/**
 * The better_sqlite3.node to load, or why there is none. In development the
 * cached build must have been made for this exact Electron version (its stamp
 * says which); a stale one would fail to load with an ABI error.
 */
export function findNativeBinding(lookup: NativeBindingLookup): NativeBindingResult {
  if (lookup.isPackaged) {
    const file = path.join(lookup.resourcesPath, 'native', NATIVE_FILE);
    return fs.existsSync(file) ? { path: file } : { path: null, problem: `The app package is missing ${file}; reinstall Kith.` };
  }
  const folder = path.join(lookup.appPath, nativeCacheFolder(lookup.platform, lookup.arch));
  const file = path.join(folder, NATIVE_FILE);
  if (!fs.existsSync(file)) {
    return { path: null, problem: `The Electron build of better-sqlite3-multiple-ciphers is missing (${file}). Run \`npm start\`, which builds it.` };
  }
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(folder, NATIVE_STAMP_FILE), 'utf8')) as { electron?: unknown };
    if (stamp.electron !== lookup.electronVersion) {
      return {
        path: null,
        problem: `The Electron build of better-sqlite3-multiple-ciphers was made for Electron ${String(stamp.electron)}, not ${lookup.electronVersion}. Run \`npm start\`, which rebuilds it.`,
      };
    }
  } catch {
    return { path: null, problem: `The Electron build of better-sqlite3-multiple-ciphers has no readable ${NATIVE_STAMP_FILE}. Run \`npm start\`, which rebuilds it.` };
  }
  return { path: file };
}
