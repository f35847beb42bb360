// Backups and restore on real SQLite files: rotation over a simulated month
// (clock passed in), each backup integrity-checked, restore refusing garbage
// and foreign files with the current file untouched, restore taking its
// backup first, and the staged restore applied by openKith().
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKith, pendingRestorePath, type KithStore } from '../../main/db/kith';
import { createPerson, listPeople } from '../../main/services/people';
import {
  backupPath,
  createBackup,
  createBackupSync,
  KEEP_DAILY,
  KEEP_WEEKLY,
  listBackups,
  onRestoreScheduled,
  parseBackupName,
  rotateBackups,
  runDailyBackup,
  scheduleRestore,
  verifyBackupFile,
} from '../../main/services/backups';
import { fileBytes, makeTempDir, removeTempDirs } from '../helpers/db';

let dataDir: string;
let store: KithStore;

beforeEach(() => {
  dataDir = path.join(makeTempDir('kith-backups-'), 'data');
  store = openKith(dataDir);
});
afterEach(() => {
  store.close();
  removeTempDirs();
});

const names = () => listBackups(store.backupDir).map((b) => b.name);
const people = (s: KithStore = store) => listPeople(s.db, {}).items.map((p) => p.displayName);

/** Local noon on day `n` of a 30-day month starting Monday 2025-09-01 (local time, like the rotation). */
const day = (n: number) => new Date(2025, 8, n, 12, 0, 0);

describe('names', () => {
  it('round-trip kind and time, and read the migration backups open.ts writes', () => {
    expect(parseBackupName('kith-daily-2025-09-01T10-00-00-000Z.db')).toEqual({
      name: 'kith-daily-2025-09-01T10-00-00-000Z.db',
      kind: 'daily',
      createdAt: '2025-09-01T10:00:00.000Z',
      detail: null,
    });
    expect(parseBackupName('kith-before-migration-10-to-20-2025-09-01T10-00-00-000Z.db')).toMatchObject({
      kind: 'before-migration',
      detail: 'schema 10 → 20',
    });
    for (const bad of ['kith.db', 'kith-daily-yesterday.db', '../kith-daily-2025-09-01T10-00-00-000Z.db', 'kith-daily-2025-09-01T10-00-00-000Z.db-wal']) {
      expect(parseBackupName(bad), bad).toBeNull();
    }
  });
});

describe('writing a backup', () => {
  it('is a self-contained, integrity-checked copy of the data, listed with its kind and size', async () => {
    createPerson(store.db, { displayName: 'Ana Acosta' });
    const made = await createBackup(store, 'manual', { now: day(3) });
    expect(made).toMatchObject({ kind: 'manual', createdAt: day(3).toISOString(), detail: null });
    const file = path.join(store.backupDir, made.name);
    expect(made.sizeBytes).toBe(fs.statSync(file).size);
    // One file: no WAL or journal beside it, nothing half-written left over.
    expect(fs.readdirSync(store.backupDir)).toEqual([made.name]);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT display_name FROM people WHERE is_me = 0').pluck().all()).toEqual(['Ana Acosta']);
    } finally {
      copy.close();
    }
  });

  it('the synchronous one (for the import hook) is checked the same way', () => {
    const made = createBackupSync(store, 'before-import', { now: day(4) });
    expect(made.kind).toBe('before-import');
    expect(() => verifyBackupFile(path.join(store.backupDir, made.name))).not.toThrow();
  });

  it('two backups in the same millisecond get distinct names', async () => {
    const a = await createBackup(store, 'manual', { now: day(5) });
    const b = await createBackup(store, 'manual', { now: day(5) });
    expect(a.name).not.toBe(b.name);
    expect(names()).toHaveLength(2);
  });

  it('the integrity check refuses a damaged or foreign copy', () => {
    const garbage = path.join(makeTempDir(), 'damaged.db');
    const healthy = createBackupSync(store, 'manual', { now: day(6) });
    const bytes = fs.readFileSync(path.join(store.backupDir, healthy.name));
    // Scribble over every page but the header: the file opens but fails the check.
    bytes.fill(0x5a, 4096, bytes.length);
    fs.writeFileSync(garbage, bytes);
    expect(() => verifyBackupFile(garbage)).toThrow(/integrity check|malformed|damaged/i);

    const foreign = path.join(makeTempDir(), 'other.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(() => verifyBackupFile(foreign)).toThrow(/not marked as a Kith database/);
  });
});

describe('rotation', () => {
  it(`over a month of days keeps exactly ${KEEP_DAILY} daily and ${KEEP_WEEKLY} weekly backups`, async () => {
    for (let n = 1; n <= 30; n++) {
      // The app checks every hour: only the first check of a day takes one.
      expect(await runDailyBackup(store, { now: day(n) })).not.toBeNull();
      expect(await runDailyBackup(store, { now: new Date(day(n).getTime() + 3_600_000) })).toBeNull();
    }
    const all = listBackups(store.backupDir);
    const daily = all.filter((b) => b.kind === 'daily');
    const weekly = all.filter((b) => b.kind === 'weekly');
    expect(daily).toHaveLength(7);
    expect(weekly).toHaveLength(4);
    expect(all).toHaveLength(11);
    // The daily ones are the last seven days.
    expect(daily.map((b) => new Date(b.createdAt).getDate())).toEqual([30, 29, 28, 27, 26, 25, 24]);
    // September 2025 starts on a Monday: weeks start on the 1st, 8th, 15th, 22nd. The
    // weekly copy of each week is its newest day older than the dailies (the 23rd, then Sundays).
    expect(weekly.map((b) => new Date(b.createdAt).getDate())).toEqual([23, 21, 14, 7]);
    // Nothing else is left in the folder.
    expect(fs.readdirSync(store.backupDir).sort()).toEqual(all.map((b) => b.name).sort());
  });

  it('never deletes manual backups, keeps 10 of each safety copy, and leaves foreign files alone', () => {
    fs.mkdirSync(store.backupDir, { recursive: true });
    for (let n = 1; n <= 14; n++) {
      fs.writeFileSync(path.join(store.backupDir, `kith-manual-2025-09-${String(n).padStart(2, '0')}T12-00-00-000Z.db`), 'x');
      fs.writeFileSync(path.join(store.backupDir, `kith-before-import-2025-09-${String(n).padStart(2, '0')}T12-00-00-000Z.db`), 'x');
    }
    fs.writeFileSync(path.join(store.backupDir, 'my-notes.txt'), 'mine');
    const result = rotateBackups(store.backupDir, day(30));
    expect(result.deleted).toHaveLength(4);
    expect(result.deleted.every((n) => n.startsWith('kith-before-import-2025-09-0'))).toBe(true);
    const left = listBackups(store.backupDir);
    expect(left.filter((b) => b.kind === 'manual')).toHaveLength(14);
    expect(left.filter((b) => b.kind === 'before-import')).toHaveLength(10);
    expect(fs.existsSync(path.join(store.backupDir, 'my-notes.txt'))).toBe(true);
  });
});

describe('restore', () => {
  async function restoreAndReopen(source: string): Promise<KithStore> {
    await scheduleRestore(store, source);
    store.close();
    store = openKith(dataDir);
    return store;
  }

  it('takes a backup of the current data first, then swaps the file in at the next open', async () => {
    createPerson(store.db, { displayName: 'Before' });
    const snapshot = await createBackup(store, 'manual', { now: day(1) });
    createPerson(store.db, { displayName: 'After' });
    let announced = 0;
    const stop = onRestoreScheduled(() => announced++);
    try {
      const { safetyBackup } = await scheduleRestore(store, backupPath(store.backupDir, snapshot.name), { now: day(2) });
      expect(announced).toBe(1);
      expect(safetyBackup.kind).toBe('before-restore');
      // Nothing is swapped under the open connection: the data is as it was until the reopen.
      expect(people()).toEqual(['After', 'Before']);
      expect(fs.existsSync(pendingRestorePath(dataDir))).toBe(true);

      store.close();
      store = openKith(dataDir);
      expect(store.pendingRestore).toEqual({ applied: true, problem: null });
      expect(people()).toEqual(['Before']);
      expect(fs.existsSync(pendingRestorePath(dataDir))).toBe(false);

      // The safety copy holds what the restore replaced.
      const safety = new Database(path.join(store.backupDir, safetyBackup.name), { readonly: true });
      try {
        expect(safety.prepare('SELECT display_name FROM people WHERE is_me = 0 ORDER BY display_name').pluck().all()).toEqual(['After', 'Before']);
      } finally {
        safety.close();
      }
    } finally {
      stop();
    }
  });

  it('restores a live Kith file from another data folder (WAL mode) too', async () => {
    const otherDir = path.join(makeTempDir(), 'other');
    const other = openKith(otherDir);
    createPerson(other.db, { displayName: 'From Elsewhere' });
    other.close();
    const reopened = await restoreAndReopen(other.dbFile);
    expect(people(reopened)).toEqual(['From Elsewhere']);
  });

  it.each([
    ['garbage', (f: string) => fs.writeFileSync(f, 'this is not a database at all, just text'), /is not a Kith backup or data file/],
    ['an empty file', (f: string) => fs.writeFileSync(f, ''), /not a Kith backup or data file/],
    [
      "another program's SQLite database",
      (f: string) => {
        const db = new Database(f);
        db.exec('CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES (1)');
        db.close();
      },
      /is not a Kith backup or data file/,
    ],
    [
      'a Kith file from a newer Kith',
      (f: string) => {
        const newer = openKith(path.join(path.dirname(f), 'newer'));
        newer.db.pragma('user_version = 9999');
        newer.close();
        fs.copyFileSync(newer.dbFile, f);
      },
      /newer version of Kith/,
    ],
    ['a file that does not exist', () => undefined, /does not exist/],
  ])('refuses %s with a clear message, the current file untouched', async (_what, make, message) => {
    createPerson(store.db, { displayName: 'Current' });
    const source = path.join(makeTempDir(), 'candidate.db');
    make(source);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fileBytes(store.dbFile);
    await expect(scheduleRestore(store, source)).rejects.toThrow(message);
    await expect(scheduleRestore(store, source)).rejects.toThrow(/Nothing was restored; your current data is unchanged/);
    expect(fileBytes(store.dbFile)).toEqual(before);
    expect(fs.existsSync(pendingRestorePath(dataDir))).toBe(false);
    expect(listBackups(store.backupDir)).toEqual([]);
    store.close();
    store = openKith(dataDir);
    expect(store.pendingRestore).toBeNull();
    expect(people()).toEqual(['Current']);
  });

  it('refuses a damaged backup', async () => {
    const made = createBackupSync(store, 'manual', { now: day(7) });
    const file = path.join(store.backupDir, made.name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096, bytes.length);
    fs.writeFileSync(file, bytes);
    await expect(scheduleRestore(store, file)).rejects.toThrow(/damaged/);
    expect(fs.existsSync(pendingRestorePath(dataDir))).toBe(false);
  });

  it('a staged file that went bad before the reopen is set aside, and the current data opens', async () => {
    createPerson(store.db, { displayName: 'Current' });
    store.close();
    fs.writeFileSync(pendingRestorePath(dataDir), 'damaged while waiting');
    store = openKith(dataDir);
    expect(store.pendingRestore?.applied).toBe(false);
    expect(store.pendingRestore?.problem).toMatch(/not a Kith backup/);
    expect(people()).toEqual(['Current']);
    expect(fs.readdirSync(dataDir).some((n) => n.startsWith('pending-restore-refused-'))).toBe(true);
  });

  it('backup names from outside are checked: no paths, only backups that exist', () => {
    expect(() => backupPath(store.backupDir, '../kith.db')).toThrow(/not the name of one of Kith's backups/);
    expect(() => backupPath(store.backupDir, 'kith-manual-2025-09-01T12-00-00-000Z.db')).toThrow(/no longer in/);
  });
});
