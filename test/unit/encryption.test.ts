// Encryption at rest on real SQLite files: turning a passphrase on, changing
// it and turning it off keep every row; a wrong or missing passphrase gets a
// typed error and leaves the file byte-identical (never a new empty database);
// the rekey leaves WAL first (SQLite3MC refuses to rekey under WAL) and
// returns to it; backups of a protected database are protected, and restore.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KithError } from '../../shared/errors';
import { fileKind, keyOf } from '../../main/db/crypto';
import { beforeRekeyPath, openKith, type KithStore } from '../../main/db/kith';
import { openDatabase } from '../../main/db/open';
import { createBackup, createBackupSync, listBackups, scheduleRestore, backupPath } from '../../main/services/backups';
import { changePassphrase, encryptionStatus, removePassphrase, setPassphrase } from '../../main/services/encryption';
import { createEntry } from '../../main/services/journal';
import { createPerson, listPeople } from '../../main/services/people';
import { makeTempDir, removeTempDirs } from '../helpers/db';

const ONE = 'correct horse battery';
const TWO = 'staple quietly 2026';

let dataDir: string;
let store: KithStore;

beforeEach(() => {
  dataDir = path.join(makeTempDir('kith-enc-'), 'data');
  store = openKith(dataDir);
  const ana = createPerson(store.db, { displayName: 'Ana Acosta', notes: 'Met at the Lisbon meetup' });
  createEntry(store.db, { occurredAt: '2026-01-05T10:00', kind: 'coffee', title: 'Coffee', body: 'Talked about the Lisbon role', participantIds: [ana.id] });
});
afterEach(() => {
  store.close();
  removeTempDirs();
});

const names = (s: KithStore = store) => listPeople(s.db, {}).items.map((p) => p.displayName);
const place = () => ({ db: store.db, dbFile: store.dbFile, backupDir: store.backupDir });

function kithError(run: () => unknown): KithError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KithError);
    return error as KithError;
  }
  throw new Error('expected a KithError');
}

describe('turning a passphrase on, changing it, turning it off', () => {
  it('round trips with the data intact, the connection usable throughout, and the file in WAL again', () => {
    const status = setPassphrase(place(), ONE);
    expect(status.encrypted).toBe(true);
    expect(fileKind(store.dbFile)).toBe('encrypted');
    expect(String(store.db.pragma('journal_mode', { simple: true }))).toBe('wal');
    // The same connection keeps working.
    createPerson(store.db, { displayName: 'Tom Weber' });
    expect(fs.existsSync(beforeRekeyPath(store.dbFile))).toBe(false);
    store.close();

    expect(kithError(() => openKith(dataDir)).code).toBe('PASSPHRASE_REQUIRED');
    store = openKith(dataDir, { passphrase: ONE });
    expect(names()).toEqual(['Ana Acosta', 'Tom Weber']);
    expect(encryptionStatus(store.db).encrypted).toBe(true);

    changePassphrase(place(), ONE, TWO);
    store.close();
    expect(kithError(() => openKith(dataDir, { passphrase: ONE })).code).toBe('WRONG_PASSPHRASE');
    store = openKith(dataDir, { passphrase: TWO });
    expect(names()).toEqual(['Ana Acosta', 'Tom Weber']);

    removePassphrase(place(), TWO);
    expect(fileKind(store.dbFile)).toBe('plain');
    store.close();
    store = openKith(dataDir);
    expect(names()).toEqual(['Ana Acosta', 'Tom Weber']);
    expect(keyOf(store.db)).toBeNull();
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('set, change and remove one after another on the same open connection', () => {
    setPassphrase(place(), ONE);
    changePassphrase(place(), ONE, TWO);
    createPerson(store.db, { displayName: 'Mid Way' });
    removePassphrase(place(), TWO);
    setPassphrase(place(), ONE);
    expect(names()).toEqual(['Ana Acosta', 'Mid Way']);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
    store = openKith(dataDir, { passphrase: ONE });
    expect(names()).toEqual(['Ana Acosta', 'Mid Way']);
  });

  it('change and remove ask for the current passphrase; a wrong one changes nothing', () => {
    setPassphrase(place(), ONE);
    const before = fs.readFileSync(store.dbFile);
    expect(kithError(() => changePassphrase(place(), 'not it at all', TWO)).code).toBe('WRONG_PASSPHRASE');
    expect(kithError(() => removePassphrase(place(), 'not it at all')).code).toBe('WRONG_PASSPHRASE');
    expect(kithError(() => setPassphrase(place(), TWO)).code).toBe('CONFLICT');
    expect(fs.readFileSync(store.dbFile).equals(before)).toBe(true);
  });
});

describe('a wrong or missing passphrase', () => {
  it('gets a typed error, never a new empty database: the file and its folder are byte-identical afterwards', () => {
    setPassphrase(place(), ONE);
    store.close();
    const before = fs.readFileSync(store.dbFile);
    const folder = () => fs.readdirSync(dataDir).sort();
    const filesBefore = folder();
    for (const attempt of [undefined, '', 'wrong passphrase', ONE.toUpperCase()]) {
      const error = kithError(() => openKith(dataDir, { passphrase: attempt }));
      expect(error.code).toBe(attempt ? 'WRONG_PASSPHRASE' : 'PASSPHRASE_REQUIRED');
      expect(error.message).not.toContain(attempt || '\u0000');
      expect(fs.readFileSync(store.dbFile).equals(before)).toBe(true);
      expect(folder()).toEqual(filesBefore);
    }
    // Read-only opens say the same.
    expect(kithError(() => openDatabase(store.dbFile, { readonly: true, passphrase: 'nope nope' })).code).toBe('WRONG_PASSPHRASE');
    expect(fs.readFileSync(store.dbFile).equals(before)).toBe(true);
    store = openKith(dataDir, { passphrase: ONE });
    expect(names()).toEqual(['Ana Acosta']);
  });

  it('a text file or random bytes are still NOT_A_KITH_DB, not "needs a passphrase"', () => {
    const file = path.join(makeTempDir(), 'x.db');
    fs.writeFileSync(file, 'name,email\nAna,ana@example.com\n');
    expect(kithError(() => openDatabase(file)).code).toBe('NOT_A_KITH_DB');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    expect(kithError(() => openDatabase(file, { passphrase: ONE })).code).toBe('NOT_A_KITH_DB');
  });
});

describe('rekeying a WAL database', () => {
  it('SQLite3MC refuses PRAGMA rekey in WAL mode, which is why Kith leaves WAL first', () => {
    const db = new Database(path.join(makeTempDir(), 'raw.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t(x)');
    expect(() => db.pragma(`rekey = 'x'`)).toThrow(/WAL/);
    db.close();
  });

  it('commits still in the WAL (not yet checkpointed) are in the protected file', () => {
    // Writes that live only in the -wal file when the rekey starts.
    store.db.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 200; i++) createPerson(store.db, { displayName: `Walter ${i}` });
    expect(fs.statSync(`${store.dbFile}-wal`).size).toBeGreaterThan(0);
    setPassphrase(place(), ONE);
    expect(String(store.db.pragma('journal_mode', { simple: true }))).toBe('wal');
    store.close();
    store = openKith(dataDir, { passphrase: ONE });
    expect(names()).toHaveLength(201);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses while another connection holds the file (it cannot leave WAL), changing nothing', () => {
    const other = new Database(store.dbFile);
    other.prepare('SELECT count(*) FROM people').get();
    other.exec('BEGIN');
    other.prepare('SELECT count(*) FROM people').get();
    store.db.pragma('busy_timeout = 50');
    expect(kithError(() => setPassphrase(place(), ONE)).code).toBe('DB_LOCKED');
    other.exec('COMMIT');
    other.close();
    expect(fileKind(store.dbFile)).toBe('plain');
    expect(names()).toEqual(['Ana Acosta']);
  });
});

describe('backups of a protected database', () => {
  it('are protected (online, VACUUM INTO, before-migration), open with the passphrase alone, and restore', async () => {
    const plainBackup = await createBackup(store, 'manual');
    expect(fileKind(path.join(store.backupDir, plainBackup.name))).toBe('plain');

    const change = setPassphrase(place(), ONE);
    // The backup taken before is brought under the passphrase too.
    expect(change.backupsRekeyed).toBe(1);
    expect(fileKind(path.join(store.backupDir, plainBackup.name))).toBe('encrypted');

    const daily = await createBackup(store, 'daily');
    const sync = createBackupSync(store, 'before-import');
    for (const b of [daily, sync]) {
      const file = path.join(store.backupDir, b.name);
      expect(fileKind(file)).toBe('encrypted');
      expect(kithError(() => openDatabase(file, { readonly: true })).code).toBe('PASSPHRASE_REQUIRED');
      const copy = openDatabase(file, { readonly: true, passphrase: ONE });
      expect(listPeople(copy, {}).items.map((p) => p.displayName)).toEqual(['Ana Acosta']);
      copy.close();
    }

    createPerson(store.db, { displayName: 'Later Person' });
    await scheduleRestore(store, backupPath(store.backupDir, daily.name));
    store.close();
    store = openKith(dataDir, { passphrase: ONE });
    expect(store.pendingRestore).toEqual({ applied: true, problem: null });
    expect(fileKind(store.dbFile)).toBe('encrypted');
    expect(names()).toEqual(['Ana Acosta']);
    for (const b of listBackups(store.backupDir)) expect(fileKind(path.join(store.backupDir, b.name)), b.name).toBe('encrypted');
  });

  it('a plain file restored into a protected Kith is protected before it is staged', async () => {
    const other = openKith(path.join(makeTempDir(), 'other'));
    createPerson(other.db, { displayName: 'From Elsewhere' });
    const outside = path.join(makeTempDir(), 'outside.db');
    other.db.prepare('VACUUM INTO ?').run(outside);
    other.close();

    setPassphrase(place(), ONE);
    await scheduleRestore(store, outside);
    store.close();
    expect(fileKind(path.join(dataDir, 'pending-restore.db'))).toBe('encrypted');
    store = openKith(dataDir, { passphrase: ONE });
    expect(store.pendingRestore?.applied).toBe(true);
    expect(names()).toContain('From Elsewhere');
  });

  it('a backup under another passphrase is refused with a clear message, the current file untouched', async () => {
    setPassphrase(place(), ONE);
    const b = await createBackup(store, 'manual');
    const foreign = path.join(makeTempDir(), 'foreign.db');
    fs.copyFileSync(path.join(store.backupDir, b.name), foreign);
    changePassphrase(place(), ONE, TWO);
    const before = fs.readFileSync(store.dbFile);
    const error = await scheduleRestore(store, foreign).then(
      () => null,
      (e: unknown) => e as KithError,
    );
    expect(error?.code).toBe('WRONG_PASSPHRASE');
    expect(error?.message).toMatch(/different passphrase/);
    expect(fs.readFileSync(store.dbFile).equals(before)).toBe(true);
  });

  it('removing the passphrase brings the backups back to plain files', async () => {
    setPassphrase(place(), ONE);
    const b = await createBackup(store, 'manual');
    const result = removePassphrase(place(), ONE);
    expect(result.backupsRekeyed).toBe(1);
    expect(fileKind(path.join(store.backupDir, b.name))).toBe('plain');
  });
});
