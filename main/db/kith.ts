// One opened Kith data directory: the database and where its files live.
//
// Restoring a backup replaces the database file, which must not happen under
// an open connection. So a restore only *stages* the backup as
// `pending-restore.db` in the data folder (written under a temporary name and
// renamed: its existence is the marker), and openKith() applies it before it
// opens anything: the app relaunches to get there, the CLI and the e2e
// harness simply reopen.
import { nowMs } from '../../shared/clock';
import fs from 'node:fs';
import path from 'node:path';
import { KithError } from '../../shared/errors';
import { keyOf, type ConnectionKey } from './crypto';
import { KITH_APPLICATION_ID, LATEST_SCHEMA_VERSION, openDatabase, type Db } from './open';
import { createPrivateFile, ensurePrivateFolder, makePrivate, tightenDataFolder } from './modes';
import { dataPaths } from './paths';

export const PENDING_RESTORE_FILE_NAME = 'pending-restore.db';

export interface PendingRestoreOutcome {
  applied: boolean;
  /** Why a staged file was refused (it is kept beside, renamed, for inspection). */
  problem: string | null;
}

export interface KithStore {
  db: Db;
  dataDir: string;
  dbFile: string;
  backupDir: string;
  /** A restore staged before this open, and whether it was applied. */
  pendingRestore: PendingRestoreOutcome | null;
  /** Opened with `readonly: true`: every write is refused (DB_READONLY). */
  readOnly: boolean;
  close(): void;
}

// The better_sqlite3.node each connection was opened with, so code that needs
// a second connection (checking a backup) loads the same build (Electron's in the app).
const bindings = new WeakMap<Db, string | undefined>();

export function nativeBindingOf(db: Db): string | undefined {
  return bindings.get(db);
}

export interface OpenKithOptions {
  nativeBinding?: string;
  /**
   * Open the existing file without writing anything (issue 7's way forward
   * when the file cannot be written, the disk is full, or another Kith has
   * it): no folder is created, no staged restore applied, no migration run;
   * SQLite refuses every write, and the dispatcher turns that into DB_READONLY.
   */
  readonly?: boolean;
  /** The passphrase, when the data file is protected with one (PASSPHRASE_REQUIRED without it). */
  passphrase?: string | null;
}

export function openKith(dataDir: string, options: OpenKithOptions = {}): KithStore {
  if (options.readonly) return openKithReadOnly(dataDir, options.nativeBinding, options.passphrase);
  const paths = dataPaths(dataDir);
  // Private notes about other people: readable by this user only (issue 18,
  // main/db/modes.ts). A new data file is created empty and private before
  // SQLite opens it, so its WAL and SHM are private too.
  ensurePrivateFolder(paths.dataDir);
  finishInterruptedRekey(paths);
  const pendingRestore = applyPendingRestore(paths, options.nativeBinding, options.passphrase);
  if (!fs.existsSync(paths.dbFile)) createPrivateFile(paths.dbFile);
  const db = openDatabase(paths.dbFile, { backupDir: paths.backupDir, nativeBinding: options.nativeBinding, passphrase: options.passphrase });
  tightenDataFolder(paths);
  bindings.set(db, options.nativeBinding);
  return {
    db,
    ...paths,
    pendingRestore,
    readOnly: false,
    close() {
      if (db.open) db.close();
    },
  };
}

function openKithReadOnly(dataDir: string, nativeBinding: string | undefined, passphrase?: string | null): KithStore {
  const paths = dataPaths(dataDir);
  if (!fs.existsSync(paths.dbFile)) {
    throw new KithError('NOT_FOUND', `There is no Kith data file at ${paths.dbFile} to open read-only.`);
  }
  const db = openDatabase(paths.dbFile, { readonly: true, passphrase, ...(nativeBinding ? { nativeBinding } : {}) });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < LATEST_SCHEMA_VERSION) {
    db.close();
    // The handlers speak the latest schema; bringing the file there is a write.
    throw new KithError(
      'DB_READONLY',
      `Your data file was saved by an older Kith (schema ${version}) and must be updated before this Kith can show it, which needs writing. ` +
        'Fix what stops Kith from writing it, then start Kith normally. Nothing in the file was changed.',
    );
  }
  bindings.set(db, nativeBinding);
  return {
    db,
    ...paths,
    pendingRestore: null,
    readOnly: true,
    close() {
      if (db.open) db.close();
    },
  };
}

export function pendingRestorePath(dataDir: string): string {
  return path.join(dataDir, PENDING_RESTORE_FILE_NAME);
}

/**
 * Swaps a staged restore in, if there is one. The staged file is checked
 * again (it sat on disk in between); one that fails is renamed aside and the
 * current file stays. The current file's WAL and shared-memory files go first:
 * they belong to the file being replaced (whose copy was taken when the
 * restore was asked for), and a crash before the rename simply applies the
 * restore again at the next open.
 */
export function applyPendingRestore(
  paths: { dataDir: string; dbFile: string },
  nativeBinding?: string,
  passphrase?: string | null,
): PendingRestoreOutcome | null {
  const pending = pendingRestorePath(paths.dataDir);
  if (!fs.existsSync(pending)) return null;
  try {
    checkKithFile(pending, { nativeBinding, passphrase, label: 'The backup chosen for the restore' });
  } catch (error) {
    const aside = path.join(paths.dataDir, `pending-restore-refused-${nowMs()}.db`);
    fs.renameSync(pending, aside);
    makePrivate(aside);
    return { applied: false, problem: error instanceof Error ? error.message : String(error) };
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${paths.dbFile}${suffix}`, { force: true });
  fs.renameSync(pending, paths.dbFile);
  fsyncDir(paths.dataDir);
  return { applied: true, problem: null };
}

/**
 * Refuses anything but an intact Kith database that this Kith can open: not
 * SQLite, SQLite but not Kith's (or an empty file), written by a newer Kith,
 * or damaged (full integrity check). Uses open.ts's checks on a read-only
 * connection; `label` names the file in the messages ("backup.db is …").
 */
export function checkKithFile(
  file: string,
  options: { nativeBinding?: string; label?: string; passphrase?: string | null; knownKey?: ConnectionKey | null } = {},
): void {
  const label = options.label ?? path.basename(file);
  const nothingChanged = 'Nothing was restored; your current data is unchanged.';
  if (!fs.existsSync(file)) throw new KithError('NOT_FOUND', `${label} does not exist. ${nothingChanged}`);
  if (!fs.statSync(file).isFile()) throw new KithError('NOT_A_KITH_DB', `${label} is not a file. ${nothingChanged}`);
  let db: Db;
  try {
    db = openDatabase(file, {
      readonly: true,
      passphrase: options.passphrase,
      knownKey: options.knownKey,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    const code = error instanceof KithError ? error.code : null;
    if (code === 'PASSPHRASE_REQUIRED') {
      throw new KithError('PASSPHRASE_REQUIRED', `${label} is protected with a passphrase, and your data is not. ${nothingChanged}`);
    }
    if (code === 'WRONG_PASSPHRASE') {
      throw new KithError('WRONG_PASSPHRASE', `${label} is protected with a different passphrase than your data. ${nothingChanged}`);
    }
    if (code === 'NOT_A_KITH_DB') throw new KithError('NOT_A_KITH_DB', `${label} is not a Kith backup or data file. ${nothingChanged}`);
    if (code === 'DB_CORRUPT') throw new KithError('DB_CORRUPT', `${label} is damaged and cannot be restored. ${nothingChanged}`);
    if (code === 'DB_TOO_NEW') throw new KithError('DB_TOO_NEW', `${label} was saved by a newer version of Kith. Update Kith to restore it. ${nothingChanged}`);
    throw new KithError('NOT_A_KITH_DB', `${label} could not be read as a Kith database (${error instanceof Error ? error.message : String(error)}). ${nothingChanged}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    // openDatabase accepts an empty file as a brand-new database; a restore must not.
    if (version === 0 || appId !== KITH_APPLICATION_ID) {
      throw new KithError('NOT_A_KITH_DB', `${label} is not a Kith backup or data file (it holds no Kith data). ${nothingChanged}`);
    }
    const verdict = (db.pragma('integrity_check(1)') as { integrity_check: string }[])[0]?.integrity_check ?? 'ok';
    if (verdict !== 'ok') throw new KithError('DB_CORRUPT', `${label} is damaged (${verdict}) and cannot be restored. ${nothingChanged}`);
  } finally {
    db.close();
  }
}

/** Where a passphrase change keeps the data file as it was until the change is complete (main/services/encryption.ts). */
export function beforeRekeyPath(dbFile: string): string {
  return `${dbFile}.before-rekey`;
}

/**
 * Finishes what a passphrase change killed halfway left behind. The change
 * rewrites the file in a rollback-journal transaction after copying it to
 * `kith.db.before-rekey`. If the journal is still there, the change never
 * committed: its pages are encrypted with the old key, and rolling them back
 * under the new one would damage the file, so the copy is put back instead
 * (the old passphrase, or none, opens it). Without a journal the change
 * committed and the copy is just removed. Leftover scratch copies go too:
 * they may hold the data under the old key, or none.
 */
export function finishInterruptedRekey(paths: { dataDir: string; dbFile: string; backupDir: string }): 'none' | 'rolled-back' | 'completed' {
  const copy = beforeRekeyPath(paths.dbFile);
  let outcome: 'none' | 'rolled-back' | 'completed' = 'none';
  if (fs.existsSync(copy)) {
    const journal = `${paths.dbFile}-journal`;
    // Any journal at all: SQLite writes the data file only after its journal, so an empty one means the file is as copied.
    if (fs.existsSync(journal)) {
      const temp = `${paths.dbFile}.restoring`;
      fs.copyFileSync(copy, temp);
      makePrivate(temp);
      fsyncFile(temp);
      fs.renameSync(temp, paths.dbFile);
      fs.rmSync(journal, { force: true });
      fsyncDir(paths.dataDir);
      outcome = 'rolled-back';
    } else {
      outcome = 'completed';
    }
    fs.rmSync(copy, { force: true });
  }
  fs.rmSync(`${copy}.partial`, { force: true });
  let names: string[] = [];
  try {
    names = fs.readdirSync(paths.backupDir);
  } catch {
    // no backups folder yet
  }
  for (const name of names) if (/\.rekey(\.partial)?(-journal)?$/.test(name)) fs.rmSync(path.join(paths.backupDir, name), { force: true });
  return outcome;
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The key the store's connection was opened with (null: not protected). */
export function storeKey(store: { db: Db }): ConnectionKey | null {
  return keyOf(store.db);
}

function fsyncDir(dir: string): void {
  // Makes the rename durable where the OS allows opening a folder (not on Windows).
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
