// Opens Kith's SQLite file once, sets the pragmas every connection needs, and
// brings the schema up to date. Plain Node: runs in tests, the CLI and Electron.
import { nowIso } from '../../shared/clock';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { KithError } from '../../shared/errors';
import { applyKey, fileKind, keyForFile, rememberKey, type ConnectionKey } from './crypto';
import { registerJournalTimeFunctions } from './journalTimeSql';
import { loadSyncState, registerSyncFunctions } from '../sync/engine';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { createPrivateFile, ensurePrivateFolder } from './modes';

export type Db = Database.Database;

/** 'KITH' in ASCII: marks the file as ours so a restore or an open can refuse anything else. */
export const KITH_APPLICATION_ID = 0x4b495448;

export interface OpenOptions {
  /** Where a copy of the file is written before any migration runs on an existing file. */
  backupDir?: string;
  /** Path to a better_sqlite3.node built for the running runtime (the Electron build in the app). */
  nativeBinding?: string;
  /** For tests of the migration runner: a different list than the app's. */
  migrations?: readonly Migration[];
  readonly?: boolean;
  /** How long to wait for another connection's lock before giving up (default 5 s). */
  busyTimeoutMs?: number;
  /**
   * The passphrase, for a file protected with one (main/db/crypto.ts). Ignored
   * for a plain file; a protected file without it is refused with
   * PASSPHRASE_REQUIRED, with a wrong one WRONG_PASSPHRASE, before anything is written.
   */
  passphrase?: string | null;
  /** A key already derived for this passphrase (the open connection's), reused when the file has the same salt. */
  knownKey?: ConnectionKey | null;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const inMemory = file === ':memory:';
  if (!inMemory) assertNotAFolder(file);
  const encrypted = !inMemory && assertLooksLikeSqlite(file) === 'encrypted';
  let key: ConnectionKey | null = null;
  if (encrypted) {
    if (!options.passphrase) {
      throw new KithError(
        'PASSPHRASE_REQUIRED',
        `Kith's data file ${file} is protected with a passphrase. Give the passphrase to open it; nothing was changed.`,
      );
    }
    key = keyForFile(file, options.passphrase, options.knownKey);
  }

  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw explainOpenError(error, file);
  }
  try {
    // Read-only checks first: nothing is written (not even the WAL switch,
    // which rewrites the header) until the file is known to be Kith's and intact.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (key) unlockWith(db, key, file);
    rememberKey(db, key);
    assertIsKith(db, file);
    if (!inMemory) assertIntact(db, file);
    applyPragmas(db, inMemory);
    registerJournalTimeFunctions(db);
    registerSyncFunctions(db);
    if (!options.readonly) {
      migrate(db, options.migrations ?? MIGRATIONS, { backupDir: options.backupDir, file });
      loadSyncState(db);
    } else assertNotNewer(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw explainOpenError(error, file);
  }
}

/**
 * Turns SQLite's failures at open into errors that say what happened and what
 * to do. The file is never replaced: a damaged or unreadable file stays as it
 * is, so a backup can be restored or the file rescued.
 */
export function explainOpenError(error: unknown, file: string): unknown {
  if (error instanceof KithError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new KithError('DB_CORRUPT', `Kith's data file ${file} is damaged (${message}). Kith left it untouched. Restore a backup, or quit.`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new KithError('DB_LOCKED', `Kith's data file ${file} is in use by another program (perhaps another Kith). Close it and try again.`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new KithError('DB_READONLY', `Kith cannot write its data file ${file} (${message}). Check the file's and folder's permissions, or open it read-only.`);
  }
  if (code === 'SQLITE_FULL') {
    return new KithError('DISK_FULL', `The disk holding ${file} is full. Nothing was lost; free some space and try again.`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    // Issue 18: a disk with 0 bytes free fails here (SQLite cannot create the
    // WAL's shared-memory file) as a bare "disk I/O error".
    return new KithError(
      'DB_READONLY',
      `Kith could not read its data file ${file}: the disk reported an error (${code}). Nothing was changed. ` +
        'Check the disk (is it full, unplugged or failing?) and try again.',
    );
  }
  return error;
}

/** A folder where the data file should be (issue 18: this used to end in a raw EISDIR). */
function assertNotAFolder(file: string): void {
  let isFolder = false;
  try {
    isFolder = fs.statSync(file).isDirectory();
  } catch {
    return; // missing: a new database; anything else is reported by the open itself
  }
  if (isFolder) {
    throw new KithError(
      'NOT_A_KITH_DB',
      `${file} is a folder, not Kith's data file. Kith left it untouched; move it away or choose another data folder.`,
    );
  }
}

/**
 * Gives SQLite3MC the key and proves it on page 1, which carries an
 * authentication tag: a wrong key fails there (SQLITE_NOTADB) before any
 * page is written, so the file stays byte-identical.
 */
function unlockWith(db: Db, key: ConnectionKey, file: string): void {
  applyKey(db, key);
  // Sorting and VACUUM scratch space in memory: no decrypted pages in temporary files.
  db.pragma('temp_store = MEMORY');
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new KithError(
        'WRONG_PASSPHRASE',
        `That passphrase does not open ${file}. Check it and try again (a passphrase cannot be recovered). Nothing was changed.`,
      );
    }
    throw error;
  }
}

/** A quick structural check, so a damaged file is reported at open, not halfway through someone's edit. */
function assertIntact(db: Db, file: string): void {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
  const verdict = rows[0]?.quick_check ?? 'ok';
  if (verdict !== 'ok') {
    throw new KithError('DB_CORRUPT', `Kith's data file ${file} is damaged (${verdict}). Kith left it untouched. Restore a backup, or quit.`);
  }
}

export function applyPragmas(db: Db, inMemory = false): void {
  // WAL: readers never block the writer. better-sqlite3 is compiled with WAL's
  // synchronous defaulting to NORMAL, which can lose the last commits on power
  // loss; Kith promises that a saved note stays saved, so FULL, explicitly.
  if (!inMemory && !db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted notes are overwritten, not left readable in free pages.
  db.pragma('secure_delete = ON');
}

function assertLooksLikeSqlite(file: string): 'new' | 'plain' | 'encrypted' {
  const kind = fileKind(file);
  if (kind === 'missing' || kind === 'empty') return 'new'; // a new database
  if (kind === 'plain' || kind === 'encrypted') return kind;
  throw new KithError(
    'NOT_A_KITH_DB',
    `${file} is not a Kith database (it is not an SQLite file). Kith left it untouched; choose another file or restore a backup.`,
  );
}

function assertIsKith(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (version === 0) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
    if (tables.n === 0) return; // brand new
  }
  if (appId !== KITH_APPLICATION_ID) {
    throw new KithError(
      'NOT_A_KITH_DB',
      `${file} is an SQLite database, but not one of Kith's. Kith left it untouched; choose another file or restore a backup.`,
    );
  }
}

function assertNotNewer(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (current > latest) {
    throw new KithError(
      'DB_TOO_NEW',
      `This data file was saved by a newer version of Kith (schema ${current}; this Kith knows up to ${latest}). ` +
        'Update Kith to open it. Nothing in the file was changed.',
    );
  }
}

export interface MigrateOptions {
  backupDir?: string;
  file?: string;
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
  backupFile: string | null;
}

/**
 * Runs every pending migration, each in its own transaction together with its
 * user_version bump, so an interruption leaves the file at the old or the new
 * version and never between. A copy of an existing file is taken first.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, options: MigrateOptions = {}): MigrationReport {
  assertNotNewer(db, migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  const report: MigrationReport = { from, to: from, applied: [], backupFile: null };
  if (pending.length === 0) return report;

  if (from > 0 && options.backupDir && options.file && options.file !== ':memory:') {
    report.backupFile = backupBeforeMigration(db, options.backupDir, from, pending[pending.length - 1]!.version);
  }

  for (const migration of pending) {
    try {
      db.transaction(() => {
        migration.up(db);
        if (from === 0 && migration === pending[0]) db.pragma(`application_id = ${KITH_APPLICATION_ID}`);
        db.pragma(`user_version = ${migration.version}`);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new Error(`Migration ${migration.version} (${migration.name}) left ${broken.length} broken references`);
        }
      })();
    } catch (error) {
      throw inconsistentSchema(error, migration, from, report);
    }
    report.applied.push(migration.version);
    report.to = migration.version;
  }
  return report;
}

/**
 * A migration failed (issue 18): usually a file whose schema version was
 * lowered by hand or by another tool ("table attention_states already
 * exists"), so its tables do not match the version it claims. The failed
 * migration rolled back; when none had been applied the file is exactly as
 * before, so the copy taken for this attempt is removed, or every retry would
 * leave another one. Storage failures (disk full, locked…) keep their own meaning.
 */
function inconsistentSchema(error: unknown, migration: Migration, from: number, report: MigrationReport): unknown {
  if (report.applied.length === 0 && report.backupFile) {
    fs.rmSync(report.backupFile, { force: true });
    report.backupFile = null;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof KithError || (typeof code === 'string' && !code.startsWith('SQLITE_ERROR') && code !== 'SQLITE_CONSTRAINT' && !code.startsWith('SQLITE_CONSTRAINT_'))) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  const changed = report.applied.length === 0 ? 'Nothing in the file was changed.' : `It was brought up to schema ${report.to} before that; a copy from before is in the backups folder.`;
  return new KithError(
    'DB_CORRUPT',
    `Kith's data file does not match the schema version it claims (${from}): updating it to schema ${migration.version} failed (${message}). ` +
      `${changed} Its version may have been changed by another tool; restore a backup, or open it with the Kith that wrote it.`,
  );
}

function backupBeforeMigration(db: Db, backupDir: string, from: number, to: number): string {
  ensurePrivateFolder(backupDir);
  const stamp = nowIso().replace(/[:.]/g, '-');
  const target = path.join(backupDir, `kith-before-migration-${from}-to-${to}-${stamp}.db`);
  // VACUUM INTO writes a consistent, compact copy synchronously, inside SQLite,
  // into the empty private file (issue 18: SQLite would create it 0644).
  createPrivateFile(target);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

export { LATEST_SCHEMA_VERSION };
