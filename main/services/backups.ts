// Backups and restore (issue 6): copies of the database in the data folder's
// backups/ folder, each checked with PRAGMA integrity_check after it is
// written, and rotated so they never pile up. Plain Node: the app's daily
// timer (main/electron/backups.ts), the IPC handlers, the import commit and
// the CLI all call these.
//
// Kinds: `daily` (taken at most once a calendar day while the app runs),
// `weekly` (a daily that aged out, kept as its week's copy), `manual` ("Back
// up now", `kith backup`), and the safety copies taken before an import, a
// migration (main/db/open.ts writes those, same folder and naming) and a restore.
import { addDays, localDateOf } from '../../shared/cadence';
import { now as clockNow, timeZone } from '../../shared/clock';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { BACKUP_NAME_PATTERN, type BackupInfo, type BackupKind, type BackupList } from '../../shared/backups';
import { KithError } from '../../shared/errors';
import { applyKey, fileKind, keyForFile, keyOf, type ConnectionKey } from '../db/crypto';
import { checkKithFile, nativeBindingOf, pendingRestorePath } from '../db/kith';
import { createPrivateFile, ensurePrivateFolder, makePrivate } from '../db/modes';
import { KITH_APPLICATION_ID, type Db } from '../db/open';

/** How many daily and weekly backups rotation keeps. */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
/** How many of each safety copy (before an import, a migration, a restore) are kept. Manual backups are never deleted. */
export const KEEP_SAFETY_COPIES = 10;

export interface BackupPlace {
  db: Db;
  backupDir: string;
}

export interface Clock {
  now?: Date;
}

// ---- names ----------------------------------------------------------------

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** The ISO time back from a file name's stamp: 2025-01-02T03-04-05-678Z → 2025-01-02T03:04:05.678Z. */
function unstamp(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(text)!;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
}

export function parseBackupName(name: string): Omit<BackupInfo, 'sizeBytes'> | null {
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  const rawKind = m[1]!;
  const migration = /^before-migration-(\d+)-to-(\d+)$/.exec(rawKind);
  const kind = (migration ? 'before-migration' : rawKind) as BackupKind;
  return { name, kind, createdAt: unstamp(m[2]!), detail: migration ? `schema ${migration[1]} → ${migration[2]}` : null };
}

/** A free name for a backup of this kind taken at `at` (a counter is added if two fall in the same millisecond). */
function freeName(backupDir: string, kind: BackupKind, at: Date): string {
  const base = `kith-${kind}-${stamp(at)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.db` : `${base}-${n}.db`;
    if (!fs.existsSync(path.join(backupDir, name))) return name;
  }
}

// ---- listing --------------------------------------------------------------

/** Every backup in the folder, newest first. Files that are not Kith backups are ignored. */
export function listBackups(backupDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    let size: number;
    try {
      size = fs.statSync(path.join(backupDir, name)).size;
    } catch {
      continue; // removed meanwhile
    }
    out.push({ ...parsed, sizeBytes: size });
  }
  return out.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

export function backupList(backupDir: string): BackupList {
  return { folder: backupDir, backups: listBackups(backupDir) };
}

// ---- writing --------------------------------------------------------------

/**
 * Takes a backup with SQLite's online backup API (asynchronous: the app keeps
 * working while pages are copied), checks it, and rotates. The copy is
 * written under a temporary name and renamed once it passed its check, so a
 * half-written or damaged copy never shows in the list.
 */
export async function createBackup(place: BackupPlace, kind: BackupKind, clock: Clock = {}): Promise<BackupInfo> {
  const now = clock.now ?? clockNow();
  const { target, temp } = prepare(place.backupDir, kind, now);
  try {
    // SQLite's online backup API cannot write an encrypted copy (SQLite3MC
    // refuses a target without the source's cipher), so a protected database
    // is copied with VACUUM INTO, which writes it with the same key and salt.
    if (keyOf(place.db)) place.db.prepare('VACUUM INTO ?').run(temp);
    else await place.db.backup(temp);
    return finish(place, temp, target, now);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw explainWriteError(error, place.backupDir);
  }
}

/** A checked backup at a path of the user's choosing (`kith backup --out FILE`); refuses to overwrite a file. */
export async function backupToFile(db: Db, file: string): Promise<{ file: string; sizeBytes: number }> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new KithError('CONFLICT', `${target} already exists. Kith does not overwrite files: choose another name.`);
  const temp = `${target}.partial`;
  try {
    createPrivateFile(temp);
    if (keyOf(db)) db.prepare('VACUUM INTO ?').run(temp);
    else await db.backup(temp);
    verifyBackupFile(temp, nativeBindingOf(db), keyOf(db));
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw explainWriteError(error, path.dirname(target));
  }
  return { file: target, sizeBytes: fs.statSync(target).size };
}

/**
 * The same, synchronously, with VACUUM INTO: for the import commit's hook,
 * which runs just before the import's transaction and cannot wait.
 */
export function createBackupSync(place: BackupPlace, kind: BackupKind, clock: Clock = {}): BackupInfo {
  const now = clock.now ?? clockNow();
  const { target, temp } = prepare(place.backupDir, kind, now);
  try {
    place.db.prepare('VACUUM INTO ?').run(temp);
    return finish(place, temp, target, now);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw explainWriteError(error, place.backupDir);
  }
}

function prepare(backupDir: string, kind: BackupKind, now: Date): { target: string; temp: string } {
  ensurePrivateFolder(backupDir);
  const target = path.join(backupDir, freeName(backupDir, kind, now));
  const temp = `${target}.partial`;
  // Created empty and private first: SQLite's backup and VACUUM INTO would create it 0644 (issue 18).
  createPrivateFile(temp);
  return { target, temp };
}

function finish(place: BackupPlace, temp: string, target: string, now: Date): BackupInfo {
  verifyBackupFile(temp, nativeBindingOf(place.db), keyOf(place.db));
  fs.renameSync(temp, target);
  rotateBackups(place.backupDir, now);
  const info = listBackups(place.backupDir).find((b) => b.name === path.basename(target));
  if (!info) throw new Error(`The backup ${path.basename(target)} disappeared right after it was written.`);
  return info;
}

/**
 * Opens a freshly written copy, makes it a self-contained file (rollback
 * journal, not WAL: a backup is one file), and checks it: PRAGMA
 * integrity_check must answer ok and the file must carry Kith's application id.
 */
export function verifyBackupFile(file: string, nativeBinding?: string, key?: ConnectionKey | null): void {
  const encrypted = fileKind(file) === 'encrypted';
  if (encrypted && !key) throw new KithError('PASSPHRASE_REQUIRED', `${path.basename(file)} is protected with a passphrase, and your data is not. Nothing was changed.`);
  const copy = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    if (encrypted && key) {
      applyKey(copy, keyForFile(file, key.passphrase, key));
      copy.pragma('temp_store = MEMORY');
    }
    copy.pragma('journal_mode = DELETE');
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const verdict = rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') throw new KithError('DB_CORRUPT', `The backup just written failed its integrity check (${verdict.slice(0, 200)}). It was discarded; try again.`);
    if (copy.pragma('application_id', { simple: true }) !== KITH_APPLICATION_ID) {
      throw new KithError('DB_CORRUPT', 'The backup just written is not marked as a Kith database. It was discarded; try again.');
    }
  } finally {
    copy.close();
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

function explainWriteError(error: unknown, backupDir: string): unknown {
  if (error instanceof KithError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new KithError('DISK_FULL', `The disk holding ${backupDir} is full, so the backup could not be written. Your data is unchanged; free some space and try again.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY')) {
    return new KithError('DB_READONLY', `Kith cannot write backups to ${backupDir} (${code}). Check the folder's permissions.`);
  }
  return error;
}

// ---- rotation -------------------------------------------------------------

/** The user's calendar day of an instant, `YYYY-MM-DD`, in the clock's zone (issue 11: never the host's). */
function localDay(at: Date): string {
  return localDateOf(at, timeZone());
}

/** The local day the week (Monday to Sunday) of an instant starts on: its week's key. */
function weekKey(at: Date): string {
  const day = localDay(at);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday, read on the calendar date itself
  return addDays(day, -((weekday + 6) % 7));
}

export interface RotationResult {
  kept: string[];
  promoted: string[];
  deleted: string[];
}

/**
 * Keeps the newest KEEP_DAILY daily backups; of the older ones, the newest of
 * each week becomes (is renamed) that week's weekly backup, and the newest
 * KEEP_WEEKLY weeks are kept. Safety copies keep their newest
 * KEEP_SAFETY_COPIES of each kind; manual backups are never deleted.
 * Backups dated in the future (a clock that jumped back) are never deleted.
 */
export function rotateBackups(backupDir: string, now: Date = clockNow()): RotationResult {
  const result: RotationResult = { kept: [], promoted: [], deleted: [] };
  const all = listBackups(backupDir); // newest first
  const future = (b: BackupInfo) => new Date(b.createdAt).getTime() > now.getTime();
  const remove = (b: BackupInfo) => {
    fs.rmSync(path.join(backupDir, b.name), { force: true });
    result.deleted.push(b.name);
  };

  const daily = all.filter((b) => b.kind === 'daily');
  const keptDaily = daily.slice(0, KEEP_DAILY);
  result.kept.push(...keptDaily.map((b) => b.name));

  // Weekly candidates: existing weeklies and dailies that aged out, newest first.
  const candidates = [...all.filter((b) => b.kind === 'weekly'), ...daily.slice(KEEP_DAILY)].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const weeks = new Set<string>();
  for (const b of candidates) {
    const week = weekKey(new Date(b.createdAt));
    if (future(b) || (!weeks.has(week) && weeks.size < KEEP_WEEKLY)) {
      weeks.add(week);
      if (b.kind === 'daily') {
        const weeklyName = b.name.replace(/^kith-daily-/, 'kith-weekly-');
        fs.renameSync(path.join(backupDir, b.name), path.join(backupDir, weeklyName));
        result.promoted.push(weeklyName);
        result.kept.push(weeklyName);
      } else {
        result.kept.push(b.name);
      }
    } else {
      remove(b);
    }
  }

  for (const kind of ['before-import', 'before-merge', 'before-migration', 'before-restore'] as const) {
    const ofKind = all.filter((b) => b.kind === kind);
    ofKind.forEach((b, i) => (i < KEEP_SAFETY_COPIES || future(b) ? result.kept.push(b.name) : remove(b)));
  }
  result.kept.push(...all.filter((b) => b.kind === 'manual').map((b) => b.name));
  return result;
}

/**
 * The daily backup: taken unless one was already taken today (local time).
 * The app calls this at start and every hour while it runs.
 */
export async function runDailyBackup(place: BackupPlace, clock: Clock = {}): Promise<BackupInfo | null> {
  const now = clock.now ?? clockNow();
  const today = localDay(now);
  const done = listBackups(place.backupDir).some((b) => (b.kind === 'daily' || b.kind === 'weekly') && localDay(new Date(b.createdAt)) === today);
  if (done) return null;
  return createBackup(place, 'daily', { now });
}

// ---- restore --------------------------------------------------------------

export interface RestorePlace {
  /** The open connection to the current data, or null when it cannot be opened (damaged): its file is then copied as it is. */
  db: Db | null;
  backupDir: string;
  dataDir: string;
  dbFile: string;
  /** The better_sqlite3.node to check files with when there is no connection (the app's Electron build). */
  nativeBinding?: string;
}

export interface RestoreResult {
  safetyBackup: BackupInfo;
}

const events = new EventEmitter();

/** Tells the app a restore is staged and it should restart (only main/electron listens). */
export function onRestoreScheduled(listener: () => void): () => void {
  events.on('scheduled', listener);
  return () => events.off('scheduled', listener);
}

/** The path of a backup in the folder, by name; refuses names that are not Kith backups. */
export function backupPath(backupDir: string, name: string): string {
  if (!parseBackupName(name) || path.basename(name) !== name) {
    throw new KithError('INVALID_INPUT', `"${name}" is not the name of one of Kith's backups.`);
  }
  const file = path.join(backupDir, name);
  if (!fs.existsSync(file)) throw new KithError('NOT_FOUND', `The backup ${name} is no longer in ${backupDir}. Choose another one.`);
  return file;
}

/**
 * Restore in one step: checks the chosen file (refusing anything that is not
 * an intact Kith database this Kith can open, with nothing changed), takes a
 * backup of the current data, and stages the file so the next openKith()
 * swaps it in before opening. The current connection stays open and
 * untouched until then: the caller restarts (the app relaunches; the CLI reopens).
 */
export async function scheduleRestore(place: RestorePlace, source: string, options: Clock & { label?: string } = {}): Promise<RestoreResult> {
  const label = options.label ?? path.basename(source);
  const staged = pendingRestorePath(place.dataDir);
  const temp = `${staged}.partial`;
  const binding = place.nativeBinding ?? (place.db ? nativeBindingOf(place.db) : undefined);
  // A protected Kith restores backups protected with the same passphrase, and
  // protects a plain one before staging it: a restore never unprotects the data.
  const key = place.db ? keyOf(place.db) : null;
  const withKey = { passphrase: key?.passphrase ?? null, knownKey: key };
  // Refuse what cannot be restored before anything is written.
  checkKithFile(source, { nativeBinding: binding, label, ...withKey });
  try {
    fs.copyFileSync(source, temp);
    // A copy keeps its source's mode (a backup from ~/Downloads may be 0644).
    makePrivate(temp);
    if (key && fileKind(temp) === 'plain') protectCopy(temp, key, binding);
    // A self-contained copy (the source may be another Kith's live, WAL-mode file), checked again.
    verifyBackupFile(temp, binding, key);
    checkKithFile(temp, { nativeBinding: binding, label, ...withKey });
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw explainWriteError(error, place.dataDir);
  }
  let safetyBackup: BackupInfo;
  try {
    safetyBackup = place.db ? await createBackup({ db: place.db, backupDir: place.backupDir }, 'before-restore', options) : copyAsIs(place, options);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, staged);
  events.emit('scheduled');
  return { safetyBackup };
}

/** Encrypts a plain copy with the open data's key (rollback journal: a staged file is one file). */
function protectCopy(file: string, key: ConnectionKey, nativeBinding: string | undefined): void {
  const copy = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    copy.pragma('temp_store = MEMORY');
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`rekey = '${key.pragma}'`);
  } finally {
    copy.close();
  }
}

/**
 * The safety copy when the current file cannot be opened (it is damaged, the
 * usual reason to restore): its bytes as they are, WAL included, unchecked.
 */
function copyAsIs(place: RestorePlace, clock: Clock): BackupInfo {
  const now = clock.now ?? clockNow();
  ensurePrivateFolder(place.backupDir);
  const name = freeName(place.backupDir, 'before-restore', now);
  const target = path.join(place.backupDir, name);
  if (fs.existsSync(place.dbFile)) fs.copyFileSync(place.dbFile, target);
  else fs.writeFileSync(target, '', { mode: 0o600 });
  makePrivate(target);
  if (fs.existsSync(`${place.dbFile}-wal`)) {
    fs.copyFileSync(`${place.dbFile}-wal`, `${target}-wal`);
    makePrivate(`${target}-wal`);
  }
  return { ...parseBackupName(name)!, sizeBytes: fs.statSync(target).size };
}
