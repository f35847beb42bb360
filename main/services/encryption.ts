// Protecting the data with a passphrase (issue 7): turn it on, change it,
// turn it off. Plain Node: the IPC handlers, the CLI and the tests call these
// on an open connection, which stays open and usable afterwards.
//
// Each change is one rekey of the data file, done the one way that is safe:
//  1. checkpoint the WAL into the file (TRUNCATE) and leave WAL for a rollback
//     journal (SQLite3MC refuses to rekey in WAL mode; older versions damaged
//     the file), so the whole database is in the one file;
//  2. copy that file to `kith.db.before-rekey` (written as .partial, synced,
//     renamed: it exists only once complete);
//  3. PRAGMA rekey, which rewrites every page in one journaled transaction
//     (a VACUUM when encryption is turned on or off);
//  4. back to WAL, check the file through a second connection with the new key,
//     and only then remove the copy.
// A kill anywhere leaves the old key working (before the commit; openKith()
// puts the copy back when it finds the journal) or the new one (after it).
// Every backup in backups/ is then rekeyed too, each on a scratch copy that is
// checked and renamed over it, so no backup is left readable without the
// passphrase (nor under an old one).
import fs from 'node:fs';
import path from 'node:path';
import type { EncryptionChange, EncryptionStatus } from '../../shared/encryption';
import { KithError } from '../../shared/errors';
import { KDF, applyKey, fileKind, keyForFile, keyOf, newKey, passphraseMatches, rememberKey, type ConnectionKey } from '../db/crypto';
import { beforeRekeyPath, fsyncFile, nativeBindingOf } from '../db/kith';
import { makePrivate } from '../db/modes';
import type { Db } from '../db/open';
import Database from 'better-sqlite3-multiple-ciphers';

export interface EncryptionPlace {
  db: Db;
  dbFile: string;
  backupDir: string;
}

/** Test-only: told at each step, so a test can kill the process at a known point. */
export type RekeyProbe = (step: 'copied' | 'rekeying' | 'rekeyed' | 'verified' | 'backups') => void;

export function encryptionStatus(db: Db): EncryptionStatus {
  const encrypted = keyOf(db) !== null;
  return {
    encrypted,
    cipher: encrypted ? 'ChaCha20-Poly1305 (SQLite3 Multiple Ciphers)' : null,
    kdf: encrypted ? `scrypt (N=2^${Math.log2(KDF.N)}, r=${KDF.r}, p=${KDF.p}), a random salt per file` : null,
  };
}

export function setPassphrase(place: EncryptionPlace, passphrase: string, probe?: RekeyProbe): EncryptionChange {
  if (keyOf(place.db)) {
    throw new KithError('CONFLICT', 'Your data is already protected with a passphrase. Change it or remove it instead.');
  }
  return rekeyAll(place, null, newKey(passphrase), probe);
}

export function changePassphrase(place: EncryptionPlace, current: string, next: string, probe?: RekeyProbe): EncryptionChange {
  const from = requireCurrent(place.db, current);
  return rekeyAll(place, from, newKey(next), probe);
}

export function removePassphrase(place: EncryptionPlace, current: string, probe?: RekeyProbe): EncryptionChange {
  const from = requireCurrent(place.db, current);
  return rekeyAll(place, from, null, probe);
}

function requireCurrent(db: Db, current: string): ConnectionKey {
  const key = keyOf(db);
  if (!key) throw new KithError('CONFLICT', 'Your data is not protected with a passphrase.');
  if (!passphraseMatches(key, current)) {
    throw new KithError('WRONG_PASSPHRASE', 'That is not your current passphrase. Nothing was changed.');
  }
  return key;
}

function rekeyAll(place: EncryptionPlace, from: ConnectionKey | null, to: ConnectionKey | null, probe?: RekeyProbe): EncryptionChange {
  rekeyDataFile(place, to, probe);
  probe?.('backups');
  const backups = rekeyBackups(place, from, to);
  return { ...encryptionStatus(place.db), backupsRekeyed: backups.done, backupsSkipped: backups.skipped };
}

/** Steps 1–4 above, on the open connection. */
export function rekeyDataFile(place: EncryptionPlace, to: ConnectionKey | null, probe?: RekeyProbe): void {
  const { db, dbFile } = place;
  if (db.inTransaction) throw new KithError('CONFLICT', 'Kith is in the middle of saving something; try again in a moment.');
  if (db.memory) throw new KithError('CONFLICT', 'A database kept in memory has no file to protect.');
  if (db.readonly) throw new KithError('DB_READONLY', 'Kith opened your data read-only, so the passphrase cannot be changed now.');

  try {
    const checkpoint = (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0];
    if (checkpoint && checkpoint.busy !== 0) throw busy();
  } catch (error) {
    // Right after an earlier rekey on this connection SQLite3MC answers the
    // first checkpoint with SQLITE_LOCKED (its own connection, not another
    // program); leaving WAL below checkpoints everything anyway, and fails
    // if another connection really holds the file.
    if ((error as { code?: string }).code !== 'SQLITE_LOCKED') throw error;
  }
  // Leaving WAL needs the only connection to the file: this also tells us no other Kith has it open.
  let mode: string;
  try {
    mode = String(db.pragma('journal_mode = DELETE', { simple: true }));
  } catch (error) {
    if (/BUSY|LOCKED/.test((error as { code?: string }).code ?? '')) throw busy();
    throw error;
  }
  if (mode !== 'delete') throw busy();

  const copy = beforeRekeyPath(dbFile);
  try {
    fs.copyFileSync(dbFile, `${copy}.partial`);
    makePrivate(`${copy}.partial`);
    fsyncFile(`${copy}.partial`);
    fs.renameSync(`${copy}.partial`, copy);
    probe?.('copied');

    probe?.('rekeying');
    db.pragma(`rekey = '${to ? to.pragma : ''}'`);
    rememberKey(db, to);
    probe?.('rekeyed');
  } catch (error) {
    fs.rmSync(`${copy}.partial`, { force: true });
    db.pragma('journal_mode = WAL');
    if (!fs.existsSync(`${dbFile}-journal`)) fs.rmSync(copy, { force: true });
    throw error;
  }
  db.pragma('journal_mode = WAL');
  verifyFile(dbFile, to, nativeBindingOf(db));
  probe?.('verified');
  fs.rmSync(copy, { force: true });
}

function busy(): KithError {
  return new KithError('DB_LOCKED', 'Another program (perhaps the kith command or another Kith) is using your data file. Close it and try again; nothing was changed.');
}

/** Opens the file on its own with `key` (or none) and checks it whole. */
function verifyFile(file: string, key: ConnectionKey | null, nativeBinding: string | undefined): void {
  const check = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (key) applyKey(check, key);
    const verdict = check.pragma('integrity_check(1)', { simple: true });
    if (verdict !== 'ok') throw new KithError('DB_CORRUPT', `After the passphrase change, ${path.basename(file)} failed its check (${String(verdict)}).`);
  } finally {
    check.close();
  }
}

/**
 * Brings every backup to the new key: opened with the old one (or none),
 * rekeyed on a scratch copy, checked, renamed over the original. A backup
 * that the old key does not open (made under an even older passphrase) is
 * left as it is and counted as skipped.
 */
function rekeyBackups(place: EncryptionPlace, from: ConnectionKey | null, to: ConnectionKey | null): { done: number; skipped: number } {
  let names: string[];
  try {
    names = fs.readdirSync(place.backupDir).filter((n) => n.endsWith('.db'));
  } catch {
    return { done: 0, skipped: 0 };
  }
  const binding = nativeBindingOf(place.db);
  let done = 0;
  let skipped = 0;
  for (const name of names) {
    const file = path.join(place.backupDir, name);
    const kind = fileKind(file);
    if (kind !== 'plain' && kind !== 'encrypted') continue;
    const scratch = `${file}.rekey`;
    try {
      let current: ConnectionKey | null = null;
      if (kind === 'encrypted') {
        if (!from) {
          skipped++;
          continue;
        }
        current = keyForFile(file, from.passphrase, from);
      }
      fs.copyFileSync(file, scratch);
      makePrivate(scratch);
      const copy = new Database(scratch, binding ? { nativeBinding: binding } : {});
      try {
        if (current) applyKey(copy, current);
        copy.pragma('temp_store = MEMORY');
        copy.prepare('SELECT count(*) FROM sqlite_schema').get();
        copy.pragma('journal_mode = DELETE');
        // The backup keeps its own salt's key only if it is the data file's; a new one is cheap (no KDF) by reusing `to`.
        copy.pragma(`rekey = '${to ? to.pragma : ''}'`);
      } finally {
        copy.close();
      }
      verifyFile(scratch, to, binding);
      fsyncFile(scratch);
      fs.renameSync(scratch, file);
      done++;
    } catch (error) {
      fs.rmSync(scratch, { force: true });
      fs.rmSync(`${scratch}-journal`, { force: true });
      if (error instanceof Error && /SQLITE_NOTADB|not a database/i.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)) {
        skipped++;
        continue;
      }
      throw error;
    }
  }
  return { done, skipped };
}
