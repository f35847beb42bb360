// Issue 18, item 5: files only the user can read. Walks the data folder after
// open, write, backup, rotation, export, restore (applied and refused) and
// rekey, and checks every file (the WAL and the SHM included) is 0600 and
// every folder 0700, under the usual 022 umask; an older install left 0644 is
// tightened when it is opened.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openKith, type KithStore } from '../../main/db/kith';
import { saveWindowState } from '../../main/electron/windowState';
import { createBackup, createBackupSync, scheduleRestore } from '../../main/services/backups';
import { setPassphrase } from '../../main/services/encryption';
import { createPerson } from '../../main/services/people';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/db';

const platformHasModes = process.platform !== 'win32';
let umask = 0;
beforeAll(() => {
  // The usual umask, which made SQLite create files 0644 before this fix.
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
  removeTempDirs();
});

const open: KithStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

function openStore(dataDir: string, passphrase?: string): KithStore {
  const store = openKith(dataDir, { passphrase });
  open.push(store);
  return store;
}

/** Every file and folder under `root` whose mode is not private, as "relative/path mode". */
function notPrivate(root: string): string[] {
  const bad: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const mode = fs.statSync(full).mode & 0o777;
      if (entry.isDirectory()) {
        if (mode !== 0o700) bad.push(`${path.relative(root, full)}/ ${mode.toString(8)}`);
        walk(full);
      } else if (mode !== 0o600) bad.push(`${path.relative(root, full)} ${mode.toString(8)}`);
    }
  };
  if ((fs.statSync(root).mode & 0o777) !== 0o700) bad.push(`. ${(fs.statSync(root).mode & 0o777).toString(8)}`);
  walk(root);
  return bad;
}

describe.runIf(platformHasModes)('every file 0600, every folder 0700', () => {
  it('after open, write, backup, rotation, export, restore, a refused restore, rekey and the window state', async () => {
    const dataDir = path.join(makeTempDir('kith-modes-'), 'data');
    let store = openStore(dataDir);
    expect(notPrivate(dataDir)).toEqual([]);

    createPerson(store.db, { displayName: 'Ana Acosta' });
    const names = fs.readdirSync(dataDir);
    expect(names).toEqual(expect.arrayContaining(['kith.db', 'kith.db-wal', 'kith.db-shm']));
    expect(notPrivate(dataDir)).toEqual([]);

    // Backups: online backup API, VACUUM INTO, and enough daily ones to rotate.
    await createBackup(store, 'manual');
    createBackupSync(store, 'before-import');
    for (let day = 1; day <= 10; day++) await createBackup(store, 'daily', { now: new Date(Date.UTC(2026, 0, day, 9)) });
    expect(fs.readdirSync(store.backupDir).length).toBeLessThan(12);
    expect(notPrivate(dataDir)).toEqual([]);

    // Exports and backups at a path of the user's choosing.
    const outside = makeTempDir('kith-modes-out-');
    expect((await kith(['export', 'json', '--out', path.join(outside, 'kith.json'), '--data-dir', dataDir])).code).toBe(0);
    expect((await kith(['export', 'csv', '--out', path.join(dataDir, 'people.csv'), '--data-dir', dataDir])).code).toBe(0);
    expect((await kith(['backup', '--out', path.join(outside, 'copy.db'), '--data-dir', dataDir])).code).toBe(0);
    for (const file of fs.readdirSync(outside)) expect((fs.statSync(path.join(outside, file)).mode & 0o777).toString(8), file).toBe('600');
    expect(notPrivate(dataDir)).toEqual([]);

    // A restore from a file someone left readable by all.
    fs.chmodSync(path.join(outside, 'copy.db'), 0o644);
    await scheduleRestore({ db: store.db, backupDir: store.backupDir, dataDir, dbFile: store.dbFile }, path.join(outside, 'copy.db'));
    expect(notPrivate(dataDir)).toEqual([]);
    store.close();
    store = openStore(dataDir);
    expect(store.pendingRestore?.applied).toBe(true);
    expect(notPrivate(dataDir)).toEqual([]);

    // A staged restore that turns out damaged is kept aside, private.
    store.close();
    fs.writeFileSync(path.join(dataDir, 'pending-restore.db'), 'not a database at all', { mode: 0o644 });
    store = openStore(dataDir);
    expect(store.pendingRestore?.applied).toBe(false);
    expect(fs.readdirSync(dataDir).some((n) => n.startsWith('pending-restore-refused-'))).toBe(true);
    expect(notPrivate(dataDir)).toEqual([]);

    // Rekey: the data file and every backup rewritten.
    setPassphrase(store, 'staple quietly 2026');
    expect(notPrivate(dataDir)).toEqual([]);
    store.close();
    store = openStore(dataDir, 'staple quietly 2026');
    createPerson(store.db, { displayName: 'Ben Bauer' });
    expect(notPrivate(dataDir)).toEqual([]);

    saveWindowState(dataDir, { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false });
    expect(notPrivate(dataDir)).toEqual([]);
  });

  it('an older install left readable by others is tightened when it is opened', () => {
    const dataDir = path.join(makeTempDir('kith-modes-old-'), 'data');
    const store = openStore(dataDir);
    createPerson(store.db, { displayName: 'Ana Acosta' });
    createBackupSync(store, 'manual');
    store.close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(store.backupDir, 0o755);
    for (const file of [store.dbFile, ...fs.readdirSync(store.backupDir).map((n) => path.join(store.backupDir, n))]) fs.chmodSync(file, 0o644);
    fs.writeFileSync(path.join(dataDir, 'window-state.json'), '{}', { mode: 0o644 });
    expect(notPrivate(dataDir).length).toBeGreaterThan(3);
    openStore(dataDir);
    expect(notPrivate(dataDir)).toEqual([]);
  });
});
