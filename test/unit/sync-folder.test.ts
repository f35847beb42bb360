// Sync through a shared folder (issue 19), end to end on real files: two data
// folders share one sync folder; files arrive late, cut short, twice, as
// conflict copies, from a newer version; a data file is copied; the folder
// disappears; a pass stops between writing a file and remembering it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { openDatabase, type Db } from '../../main/db/open';
import { createPerson, updatePerson } from '../../main/services/people';
import { readChangeFile, writeChangeFile } from '../../main/sync/changeFile';
import { canonicalDump, syncEnabled } from '../../main/sync/engine';
import { changeFileName, deviceDir } from '../../main/sync/folder';
import { setUpSync, syncNow, syncStatus } from '../../main/sync/run';
import { fixedClock, setClock } from '../../shared/clock';
import { makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';

const PASS = 'a sync passphrase for the test';
let restore: () => void;
beforeEach(() => {
  restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
});
afterEach(() => restore());
afterAll(() => removeTempDirs());

interface Place {
  dir: string;
  db: Db;
}

function place(): Place {
  const dir = makeTempDir('kith-data-');
  return { dir, db: openDatabase(path.join(dir, 'kith.db')) };
}

/** Two data folders set up on one sync folder, not synced yet. */
function twoDevices(): { shared: string; a: Place; b: Place } {
  const shared = makeTempDir('kith-sync-');
  const a = place();
  const b = place();
  setUpSync(a.db, a.dir, shared, PASS);
  setUpSync(b.db, b.dir, shared, PASS);
  return { shared, a, b };
}

function names(db: Db): string[] {
  return db.prepare('SELECT display_name FROM people ORDER BY display_name').pluck().all() as string[];
}

describe('sync through a folder', () => {
  it('sets up once per device, refuses a wrong passphrase without changing anything, and converges', () => {
    const shared = makeTempDir('kith-sync-');
    const a = place();
    const b = place();
    const c = place();
    createPerson(a.db, { displayName: 'Ana Acosta' });
    createPerson(b.db, { displayName: 'Bo Berg' });
    expect(setUpSync(a.db, a.dir, shared, PASS).created).toBe(true);
    expect(setUpSync(b.db, b.dir, shared, PASS).created).toBe(false);
    const before = snapshotDb(c.db);
    expect(() => setUpSync(c.db, c.dir, shared, 'not the passphrase')).toThrow(/not the passphrase this sync folder was set up with/);
    expect(snapshotDb(c.db)).toEqual(before);
    expect(syncEnabled(c.db)).toBe(false);

    expect(syncNow(a.db, a.dir).written).toBe(1);
    const passB = syncNow(b.db, b.dir);
    expect(passB).toMatchObject({ written: 1, applied: 1, waiting: [] });
    expect(syncNow(a.db, a.dir).applied).toBe(1);
    expect(names(a.db)).toEqual(['Ana Acosta', 'Bo Berg', 'Me']);
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
    // Nothing new: a pass writes and applies nothing.
    expect(syncNow(a.db, a.dir)).toMatchObject({ written: 0, applied: 0 });
    const status = syncStatus(b.db);
    expect(status.devices.map((d) => d.appliedFile)).toEqual([1]);
    expect(fs.readdirSync(shared)).toContain('kith-sync.json');
    // The live database is never in the sync folder.
    expect(fs.readdirSync(shared, { recursive: true }).some((n) => String(n).endsWith('.db'))).toBe(false);
  });

  it('leaves a file cut short for later, and ignores conflict copies', () => {
    const { shared, a, b } = twoDevices();
    syncNow(a.db, a.dir);
    syncNow(b.db, b.dir);
    createPerson(a.db, { displayName: 'Late Arrival' });
    const aDevice = syncNow(a.db, a.dir).device;
    const file = path.join(deviceDir(shared, aDevice), changeFileName(2));
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    fs.writeFileSync(path.join(deviceDir(shared, aDevice), '000000000002.sync-conflict-20270131-120000-ABCDEFG.kchg'), whole);
    const cut = syncNow(b.db, b.dir);
    expect(cut.applied).toBe(0);
    expect(cut.waiting[0]!.reason).toMatch(/incomplete|still be arriving|tried again/);
    expect(cut.ignored).toEqual([`${aDevice}/000000000002.sync-conflict-20270131-120000-ABCDEFG.kchg`]);
    expect(names(b.db)).not.toContain('Late Arrival');
    fs.writeFileSync(file, whole);
    expect(syncNow(b.db, b.dir)).toMatchObject({ applied: 1, waiting: [] });
    expect(names(b.db)).toContain('Late Arrival');
  });

  it('keeps changes from a newer version waiting, untouched, and applies what came before', () => {
    const { shared, a, b } = twoDevices();
    const aDevice = syncNow(a.db, a.dir).device;
    const key = a.db.prepare('SELECT key, key_id FROM sync_device').get() as { key: Buffer; key_id: string };
    const newer = path.join(deviceDir(shared, aDevice), changeFileName(2));
    fs.writeFileSync(newer, writeChangeFile(key.key, { device: aDevice, seq: 2, schema: LATEST_SCHEMA_VERSION + 10, kind: 'changes', keyId: key.key_id }, { from: 1, to: 1, ops: [] }));
    const pass = syncNow(b.db, b.dir);
    expect(pass.applied).toBe(1);
    expect(pass.waiting).toEqual([{ device: aDevice, reason: expect.stringMatching(/newer version of Kith.*Upgrade Kith/) }]);
    expect(syncStatus(b.db).devices.find((d) => d.device === aDevice)).toMatchObject({ appliedFile: 1, waiting: expect.stringMatching(/newer version/) });
    expect(fs.existsSync(newer)).toBe(true);
  });

  it('applies the changes from a newer version once this device is upgraded, nothing lost while they waited', () => {
    const { shared, a, b } = twoDevices();
    const aDevice = syncNow(a.db, a.dir).device;
    syncNow(b.db, b.dir);
    createPerson(a.db, { displayName: 'Written By Newer', notes: 'from the upgraded laptop' });
    syncNow(a.db, a.dir);
    // The same file as a Kith ten schema versions ahead would have written it.
    const key = a.db.prepare('SELECT key, key_id FROM sync_device').get() as { key: Buffer; key_id: string };
    const file = path.join(deviceDir(shared, aDevice), changeFileName(2));
    const { header, payload } = readChangeFile(key.key, fs.readFileSync(file));
    fs.rmSync(file);
    fs.writeFileSync(file, writeChangeFile(key.key, { ...header, schema: LATEST_SCHEMA_VERSION + 10 }, payload));
    // Meanwhile this device goes on working.
    createPerson(b.db, { displayName: 'Written Meanwhile' });

    const waiting = syncNow(b.db, b.dir);
    expect(waiting.waiting).toEqual([{ device: aDevice, reason: expect.stringMatching(/newer version of Kith/) }]);
    expect(names(b.db)).not.toContain('Written By Newer');
    expect(syncStatus(b.db).attention.newerVersion).toEqual([aDevice]);

    // Upgraded: the same data file, read by a Kith that knows that schema.
    const upgraded = syncNow(b.db, b.dir, { readsSchemaUpTo: LATEST_SCHEMA_VERSION + 10 });
    expect(upgraded).toMatchObject({ applied: 1, waiting: [] });
    expect(names(b.db)).toEqual(['Me', 'Written By Newer', 'Written Meanwhile']);
    expect(syncStatus(b.db).attention.newerVersion).toEqual([]);
    syncNow(a.db, a.dir);
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
  });

  it('a folder that disappears in the middle of a pass: a clear error, what was applied is kept, nothing is made in its place, and the next pass ends the work', () => {
    const { shared, a, b } = twoDevices();
    syncNow(a.db, a.dir);
    syncNow(b.db, b.dir);
    createPerson(a.db, { displayName: 'Ana Acosta' });
    syncNow(a.db, a.dir);
    createPerson(b.db, { displayName: 'Bo Berg' });
    const away = `${shared}-unplugged`;
    let unplugged = false;
    const unplug = (step: string) => {
      if (step !== 'applying' || unplugged) return;
      fs.renameSync(shared, away); // the drive is pulled while a file is applied
      unplugged = true;
    };
    expect(() => syncNow(b.db, b.dir, { probe: unplug })).toThrow(/sync folder .* disappeared during the sync \(ENOENT\)\. Nothing here was lost/);
    expect(unplugged).toBe(true);
    expect(names(b.db)).toEqual(['Ana Acosta', 'Bo Berg', 'Me']); // applied in its own transaction, kept
    expect(fs.existsSync(shared)).toBe(false); // no new, unsynced folder in its place
    // While it is gone, a pass says so and changes nothing.
    const before = snapshotDb(b.db);
    expect(() => syncNow(b.db, b.dir)).toThrow(/does not exist/);
    expect(snapshotDb(b.db)).toEqual(before);
    fs.renameSync(away, shared);
    expect(syncNow(b.db, b.dir).waiting).toEqual([]);
    syncNow(a.db, a.dir);
    expect(names(a.db)).toEqual(['Ana Acosta', 'Bo Berg', 'Me']);
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
  });

  it('a newer device reads changes an older version of Kith wrote', () => {
    const shared = makeTempDir('kith-sync-');
    const a = place();
    const b = place();
    createPerson(a.db, { displayName: 'Ana Acosta', notes: 'Met at the meetup' });
    setUpSync(a.db, a.dir, shared, PASS);
    setUpSync(b.db, b.dir, shared, PASS);
    const aDevice = syncNow(a.db, a.dir).device;
    // The same file as the release before sync's compaction (schema 140) would have written it.
    const key = a.db.prepare('SELECT key, key_id FROM sync_device').get() as { key: Buffer; key_id: string };
    const file = path.join(deviceDir(shared, aDevice), changeFileName(1));
    const { header, payload } = readChangeFile(key.key, fs.readFileSync(file));
    expect(header.schema).toBe(LATEST_SCHEMA_VERSION);
    fs.rmSync(file);
    fs.writeFileSync(file, writeChangeFile(key.key, { ...header, schema: 140 }, payload));
    expect(syncNow(b.db, b.dir)).toMatchObject({ applied: 1, waiting: [] });
    expect(names(b.db)).toEqual(['Ana Acosta', 'Me']);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });

  it('a copied data file takes a new device id before it writes; a pass cut before remembering its file does not', () => {
    const shared = makeTempDir('kith-sync-');
    const a = place();
    setUpSync(a.db, a.dir, shared, PASS);
    createPerson(a.db, { displayName: 'Ana Acosta' });
    const first = syncNow(a.db, a.dir);
    // The pass wrote its file but "crashed" before recording it.
    a.db.prepare('UPDATE sync_device SET written_seq = 0, next_file = 1').run();
    const again = syncNow(a.db, a.dir);
    expect(again).toMatchObject({ device: first.device, newDeviceId: false });
    // A copy of the data file (a restore, or moved to another computer).
    const copyDir = makeTempDir('kith-copy-');
    a.db.exec(`VACUUM INTO '${path.join(copyDir, 'kith.db').replace(/'/g, "''")}'`);
    const copy = openDatabase(path.join(copyDir, 'kith.db'));
    updatePerson(copy, copy.prepare("SELECT id FROM people WHERE display_name = 'Ana Acosta'").pluck().get() as number, { headline: 'from the copy' });
    const copied = syncNow(copy, copyDir);
    expect(copied.newDeviceId).toBe(true);
    expect(copied.device).not.toBe(first.device);
    syncNow(a.db, a.dir);
    expect(a.db.prepare("SELECT headline FROM people WHERE display_name = 'Ana Acosta'").pluck().get()).toBe('from the copy');
    copy.close();
  });

  it('a sync folder that is gone is a clear error and changes nothing', () => {
    const shared = makeTempDir('kith-sync-');
    const a = place();
    setUpSync(a.db, a.dir, shared, PASS);
    createPerson(a.db, { displayName: 'Ana Acosta' });
    fs.rmSync(shared, { recursive: true });
    const before = snapshotDb(a.db);
    expect(() => syncNow(a.db, a.dir)).toThrow(/does not exist|not reachable/);
    expect(snapshotDb(a.db)).toEqual(before);
    expect(() => setUpSync(a.db, a.dir, path.join(a.dir, 'inside'), PASS)).toThrow(/does not exist|inside Kith's own data folder/);
    fs.mkdirSync(path.join(a.dir, 'inside'));
    expect(() => setUpSync(a.db, a.dir, path.join(a.dir, 'inside'), PASS)).toThrow(/inside Kith's own data folder/);
  });
});
