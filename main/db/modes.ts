// Files only the user can read (issue 18): Kith holds private notes about
// other people, so every file it creates is 0600 and every folder 0700, where
// the platform has modes (not on Windows, where the user profile's ACLs
// already keep others out). SQLite creates the data file and its backups with
// 0644 under the usual umask, so Kith creates each one empty and private
// first (SQLite accepts an empty file as a new database, and VACUUM INTO an
// empty target), and SQLite gives a database's WAL, SHM and journal the mode
// of the database file. Opening a data folder tightens what older versions left.
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

const HAS_MODES = process.platform !== 'win32';

/** Creates a new, empty file readable by the user only; an existing one is replaced (it is a scratch or temporary name). */
export function createPrivateFile(file: string): void {
  fs.rmSync(file, { force: true });
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
}

/** Makes an existing file readable by the user only (a copy keeps its source's mode). A missing file is fine. */
export function makePrivate(file: string): void {
  if (!HAS_MODES) return;
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates a folder (and its missing parents) 0700, and tightens it if it already existed. */
export function ensurePrivateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (HAS_MODES) fs.chmodSync(dir, PRIVATE_FOLDER_MODE);
}

/**
 * Tightens a data folder an older Kith left readable by others: the folder and
 * its backups folder 0700, every file directly in them 0600. Best effort: a
 * file that cannot be changed (owned by someone else) is left as it is rather
 * than keeping the user out of their data.
 */
export function tightenDataFolder(paths: { dataDir: string; backupDir: string }): void {
  if (!HAS_MODES) return;
  for (const dir of [paths.dataDir, paths.backupDir]) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
      if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_FOLDER_MODE) fs.chmodSync(dir, PRIVATE_FOLDER_MODE);
    } catch {
      continue; // no backups folder yet, or not ours to change
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(dir, entry.name);
      try {
        if ((fs.statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(file, PRIVATE_FILE_MODE);
      } catch {
        // best effort, see above
      }
    }
  }
}
