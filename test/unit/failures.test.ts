// Failure handling while Kith runs and at open (issue 7, "nothing lost, nothing
// leaked"): the disk fills up, the file becomes read-only or locked, or turns
// out damaged. Each request gets a typed error with a sentence saying what to
// do, nothing is half-written, and the file is never replaced.
//
// What is real and what is simulated, honestly:
// - Disk full: real SQLITE_FULL from SQLite, raised by capping the file with
//   PRAGMA max_page_count (a tiny tmpfs would need mount, unavailable here).
// - Read-only: these tests run as root, where chmod does not bind and a
//   read-only bind mount is unavailable. A read-only connection (the readonly
//   open flag, what SQLite itself falls back to for a write-protected file)
//   and PRAGMA query_only raise the same SQLITE_READONLY a protected file does.
// - Locked: a second real connection holding BEGIN EXCLUSIVE / locking_mode
//   EXCLUSIVE on the same file.
// - Damaged: real bytes overwritten or cut off in a real file.
// - Disk I/O errors (SQLITE_IOERR) cannot be provoked without a fault-injecting
//   VFS; their mapping is checked on the error shape better-sqlite3 throws.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openKith } from '../../main/db/kith';
import { MIGRATIONS, type Migration } from '../../main/db/migrations';
import { openDatabase, type Db } from '../../main/db/open';
import { createDispatcher, explainStorageError, type Dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createPerson } from '../../main/services/people';
import { generateNetwork } from '../../main/sample/generate';
import { writeNetwork } from '../../main/sample/load';
import { KithError, type IpcResult } from '../../shared/errors';
import { makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';

afterEach(removeTempDirs);

const WHAT_TO_DO = /try again|restart Kith|restore a backup|Close the other program|open Kith normally/i;

function failure(result: IpcResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

function success<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

interface Place {
  dataDir: string;
  dbFile: string;
}

/** A data folder with a real Kith file holding a small network, closed cleanly (WAL folded in). */
function filledDataDir(): Place {
  const dataDir = path.join(makeTempDir('kith-failures-'), 'Kith');
  const store = openKith(dataDir);
  writeNetwork(store.db, generateNetwork({ people: 120, seed: 11 }));
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const dbFile = store.dbFile;
  store.close();
  return { dataDir, dbFile };
}

function dispatcherFor(db: Db, dataDir: string, readOnly = false): { dispatch: Dispatch; logged: string[] } {
  const logged: string[] = [];
  const dispatch = createDispatcher(createHandlers({ db, dataDir }), {
    validateOutput: true,
    readOnly,
    log: (message) => logged.push(message),
  });
  return { dispatch, logged };
}

const someone = (id: number) => ({ occurredAt: '2026-01-15', kind: 'coffee' as const, title: 'Coffee', body: 'b'.repeat(300_000), participantIds: [id] });

describe('disk full while saving (PRAGMA max_page_count caps the file: real SQLITE_FULL)', () => {
  it('answers DISK_FULL with a sentence, saves nothing half-way, and works again once there is room', async () => {
    const place = filledDataDir();
    const store = openKith(place.dataDir);
    const { dispatch, logged } = dispatcherFor(store.db, place.dataDir);
    const ana = createPerson(store.db, { displayName: 'Ana Acosta' }).id;
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    const before = snapshotDb(store.db);

    // A person with a long note, and a journal entry with participants and FTS rows (several tables, one transaction).
    const person = failure(await dispatch('people:create', { displayName: 'Zoë', notes: 'n'.repeat(400_000), tags: ['new-tag'] }));
    expect(person.code).toBe('DISK_FULL');
    expect(person.message).toMatch(/disk is full[\s\S]*nothing was half-saved[\s\S]*Free some space and try again/i);
    const entry = failure(await dispatch('journal:create', someone(ana)));
    expect(entry.code).toBe('DISK_FULL');
    const edit = failure(await dispatch('people:update', { id: ana, patch: { notes: 'e'.repeat(500_000) } }));
    expect(edit.code).toBe('DISK_FULL');

    expect(store.db.inTransaction).toBe(false);
    expect(snapshotDb(store.db)).toEqual(before);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Reads still work while the disk is full.
    expect(success<{ items: unknown[] }>(await dispatch('people:list', {})).items.length).toBeGreaterThan(100);
    expect(logged.every((m) => /failed on the data file/.test(m))).toBe(true);

    // Space again: the same request succeeds on the same connection.
    store.db.pragma('max_page_count = 4294967294');
    success(await dispatch('journal:create', someone(ana)));
    expect(store.db.prepare(`SELECT count(*) FROM interactions WHERE title = 'Coffee'`).pluck().get()).toBe(1);
    store.close();
  });

  it('a migration that fills the disk at open: DISK_FULL, the file stays at its old version with its data', () => {
    const place = filledDataDir();
    const db = new Database(place.dbFile);
    const before = snapshotDb(db);
    db.close();
    const filling: Migration = {
      version: MIGRATIONS.at(-1)!.version + 10,
      name: 'grows the file past a cap',
      up: (d) => {
        d.pragma(`max_page_count = ${d.pragma('page_count', { simple: true }) as number}`);
        d.exec(`CREATE TABLE filler (x TEXT) STRICT; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO filler SELECT hex(randomblob(5000)) FROM n`);
      },
    };
    let error: unknown;
    try {
      openDatabase(place.dbFile, { migrations: [...MIGRATIONS, filling] }).close();
    } catch (e) {
      error = e;
    }
    expect(String(error)).toMatch(/full/i);
    expect(error).toBeInstanceOf(KithError);
    expect((error as KithError).code).toBe('DISK_FULL');
    expect((error as KithError).message).toMatch(/full[\s\S]*free some space and try again/i);
    const after = new Database(place.dbFile, { readonly: true });
    expect(snapshotDb(after)).toEqual(before);
    after.close();
  });
});

describe('a file that cannot be written', () => {
  it('opened read-only on purpose: app:info says so, reads work, every write is DB_READONLY with the sentence, the file is unchanged', async () => {
    const place = filledDataDir();
    const bytes = fs.readFileSync(place.dbFile);
    const store = openKith(place.dataDir, { readonly: true });
    expect(store.readOnly).toBe(true);
    expect(store.pendingRestore).toBeNull();
    const { dispatch } = dispatcherFor(store.db, place.dataDir, true);
    const info = success<{ readOnly: boolean; me: { id: number } }>(await dispatch('app:info', undefined));
    expect(info.readOnly).toBe(true);
    const people = success<{ items: { id: number }[] }>(await dispatch('people:list', {}));
    expect(people.items.length).toBeGreaterThan(100);
    const person = people.items.find((p) => p.id !== info.me.id)!.id;

    const attempts: [string, unknown][] = [
      ['people:create', { displayName: 'Zoë' }],
      ['people:update', { id: person, patch: { notes: 'changed' } }],
      ['journal:create', someone(person)],
      ['orgs:create', { name: 'New Org' }],
      ['app:completeSetup', { displayName: 'Me', loadSample: false }],
    ];
    for (const [channel, input] of attempts) {
      const error = failure(await dispatch(channel, input));
      expect(error.code, channel).toBe('DB_READONLY');
      expect(error.message, channel).toMatch(/^Kith opened your data read-only, so it cannot save changes\. Nothing was changed/);
    }
    store.close();
    expect(fs.readFileSync(place.dbFile).equals(bytes)).toBe(true);
  });

  it('a normal open reports readOnly: false', async () => {
    const place = filledDataDir();
    const store = openKith(place.dataDir);
    const { dispatch } = dispatcherFor(store.db, place.dataDir);
    expect(success<{ readOnly: boolean }>(await dispatch('app:info', undefined)).readOnly).toBe(false);
    store.close();
  });

  it('becoming read-only while open (PRAGMA query_only): DB_READONLY saying to check permissions, nothing changed', async () => {
    const place = filledDataDir();
    const store = openKith(place.dataDir);
    const { dispatch } = dispatcherFor(store.db, place.dataDir);
    const ana = createPerson(store.db, { displayName: 'Ana Acosta' }).id;
    store.db.pragma('query_only = ON');
    const before = snapshotDb(store.db);
    const error = failure(await dispatch('journal:create', someone(ana)));
    expect(error.code).toBe('DB_READONLY');
    expect(error.message).toMatch(/cannot write its data file any more[\s\S]*Check the file's permissions/);
    expect(snapshotDb(store.db)).toEqual(before);
    store.close();
  });

  it('read-only refuses an older file it would have to migrate, and a missing file, changing nothing', () => {
    const dataDir = path.join(makeTempDir('kith-failures-'), 'Kith');
    expect(() => openKith(dataDir, { readonly: true })).toThrow(/no Kith data file/);
    expect(fs.existsSync(dataDir)).toBe(false); // not even the folder is created

    fs.mkdirSync(dataDir);
    const file = path.join(dataDir, 'kith.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    createPerson(old, { displayName: 'Ana Acosta' });
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    const bytes = fs.readFileSync(file);
    let error: unknown;
    try {
      openKith(dataDir, { readonly: true });
    } catch (e) {
      error = e;
    }
    expect((error as KithError).code).toBe('DB_READONLY');
    expect((error as KithError).message).toMatch(/older Kith[\s\S]*start Kith normally/);
    // SQLite's read-only open of a WAL file may leave an empty -wal beside it; the file itself is untouched.
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('a file locked by another program', () => {
  it('a write while another connection holds an exclusive transaction: DB_LOCKED, nothing changed; reads still work (WAL)', async () => {
    const place = filledDataDir();
    const db = openDatabase(place.dbFile, { busyTimeoutMs: 50 });
    const { dispatch } = dispatcherFor(db, place.dataDir);
    const holder = new Database(place.dbFile);
    holder.exec('BEGIN EXCLUSIVE');
    const before = snapshotDb(db);
    const error = failure(await dispatch('people:create', { displayName: 'Zoë' }));
    expect(error.code).toBe('DB_LOCKED');
    expect(error.message).toMatch(/in use by another program[\s\S]*Close the other program and try again/);
    expect(success<{ items: unknown[] }>(await dispatch('people:list', {})).items.length).toBeGreaterThan(100);
    holder.exec('ROLLBACK');
    holder.close();
    expect(snapshotDb(db)).toEqual(before);
    success(await dispatch('people:create', { displayName: 'Zoë' }));
    db.close();
  });

  it('another Kith (a second openKith) can read while the first writes: the read-only way forward for a busy file', () => {
    const place = filledDataDir();
    const first = openKith(place.dataDir);
    const second = openKith(place.dataDir, { readonly: true });
    createPerson(first.db, { displayName: 'Written by the first' });
    expect(second.db.prepare(`SELECT count(*) FROM people WHERE display_name = 'Written by the first'`).pluck().get()).toBe(1);
    second.close();
    first.close();
  });

  it('at open, a file held with locking_mode EXCLUSIVE: DB_LOCKED with what to do, file untouched', () => {
    const place = filledDataDir();
    const holder = new Database(place.dbFile);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const bytes = fs.readFileSync(place.dbFile);
    let error: unknown;
    try {
      openDatabase(place.dbFile, { busyTimeoutMs: 50 });
    } catch (e) {
      error = e;
    }
    expect((error as KithError).code).toBe('DB_LOCKED');
    expect((error as KithError).message).toMatch(WHAT_TO_DO);
    holder.exec('COMMIT');
    holder.close();
    expect(fs.readFileSync(place.dbFile).equals(bytes)).toBe(true);
  });
});

describe('a file damaged under a running Kith', () => {
  it('random bytes in the middle, found by a read: DB_CORRUPT with "restore a backup", the file is never rewritten', async () => {
    const place = filledDataDir();
    const db0 = new Database(place.dbFile);
    db0.pragma('journal_mode = DELETE');
    db0.close();
    const size = fs.statSync(place.dbFile).size;
    const fd = fs.openSync(place.dbFile, 'r+');
    const at = Math.floor(size / 4096 / 3) * 4096;
    fs.writeSync(fd, crypto.randomBytes(size - at - 4096 * 2), 0, size - at - 4096 * 2, at);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(place.dbFile);
    // Opened without openDatabase's quick_check, as if the damage happened after the open.
    const db = new Database(place.dbFile);
    const { dispatch } = dispatcherFor(db, place.dataDir);
    const results = await Promise.all([
      dispatch('people:list', {}),
      dispatch('orgs:list', {}),
      dispatch('search:quick', { query: 'ana' }),
      dispatch('people:create', { displayName: 'Zoë', notes: 'z'.repeat(50_000) }),
    ]);
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toContain('DB_CORRUPT');
    expect(codes.filter((c) => c !== 'ok' && c !== 'DB_CORRUPT')).toEqual([]);
    const message = results.map((r) => (r.ok ? '' : r.error.message)).find((m) => m.includes('damaged'))!;
    expect(message).toMatch(/damaged \(SQLITE_CORRUPT[\s\S]*restore a backup/);
    db.close();
    // SQLite never rewrote the damaged pages, and nothing replaced the file.
    expect(fs.readFileSync(place.dbFile).subarray(0, at).equals(damaged.subarray(0, at))).toBe(true);
    expect(fs.readFileSync(place.dbFile).subarray(at, size - 4096 * 2).equals(damaged.subarray(at, size - 4096 * 2))).toBe(true);
  });

  it('truncated, then opened: DB_CORRUPT, byte-identical afterwards (never a new empty database)', () => {
    const place = filledDataDir();
    const bytes = fs.readFileSync(place.dbFile);
    fs.writeFileSync(place.dbFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const truncated = fs.readFileSync(place.dbFile);
    expect(() => openKith(place.dataDir)).toThrow(/damaged[\s\S]*Restore a backup/);
    expect(() => openKith(place.dataDir, { readonly: true })).toThrow(/damaged/);
    expect(fs.readFileSync(place.dbFile).equals(truncated)).toBe(true);
    expect(fs.existsSync(`${place.dbFile}-wal`) ? fs.statSync(`${place.dbFile}-wal`).size : 0).toBe(0);
  });
});

describe('the mapping itself', () => {
  const sqliteError = (code: string) => Object.assign(new Error(`native ${code}`), { code });

  it.each([
    ['SQLITE_FULL', 'DISK_FULL'],
    ['SQLITE_READONLY', 'DB_READONLY'],
    ['SQLITE_READONLY_DBMOVED', 'DB_READONLY'],
    ['SQLITE_BUSY', 'DB_LOCKED'],
    ['SQLITE_BUSY_SNAPSHOT', 'DB_LOCKED'],
    ['SQLITE_LOCKED', 'DB_LOCKED'],
    ['SQLITE_CORRUPT', 'DB_CORRUPT'],
    ['SQLITE_CORRUPT_INDEX', 'DB_CORRUPT'],
    ['SQLITE_NOTADB', 'DB_CORRUPT'],
    ['SQLITE_IOERR_CORRUPTFS', 'DB_CORRUPT'],
    ['SQLITE_IOERR', 'DB_READONLY'],
    ['SQLITE_IOERR_WRITE', 'DB_READONLY'],
    ['SQLITE_IOERR_FSYNC', 'DB_READONLY'],
  ])('%s → %s, with a sentence saying what to do', (code, expected) => {
    const error = explainStorageError(sqliteError(code), { readOnly: false })!;
    expect(error.code).toBe(expected);
    expect(error.message).toMatch(/Nothing was changed, and nothing was half-saved/);
    expect(error.message).toMatch(WHAT_TO_DO);
  });

  it('leaves bugs alone: constraint failures, plain errors and non-errors stay INTERNAL', () => {
    expect(explainStorageError(sqliteError('SQLITE_CONSTRAINT_UNIQUE'), { readOnly: false })).toBeNull();
    expect(explainStorageError(new Error('boom'), { readOnly: false })).toBeNull();
    expect(explainStorageError(null, { readOnly: false })).toBeNull();
    expect(explainStorageError({ code: 42 }, { readOnly: true })).toBeNull();
  });
});
