// Sync compaction (issue 19) on real files: devices write snapshots, publish
// what they have applied, and remove their own change files only once every
// known device has applied them; a lagging device holds that back, a
// forgotten one does not; a device joining from snapshots converges to the
// same canonical dump as one that replays every change file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase, type Db } from '../../main/db/open';
import { seededRandom } from '../../main/sample/generate';
import { createEntry, updateEntry } from '../../main/services/journal';
import { createPerson, getMeId, updatePerson } from '../../main/services/people';
import { createTie, findTie, updateTie } from '../../main/services/ties';
import { forgetDevice } from '../../main/sync/compact';
import { canonicalDump, listConflicts } from '../../main/sync/engine';
import { changeFileName, deviceDir, listDevices, snapshotFileName } from '../../main/sync/folder';
import { syncNow, syncStatus, useSyncKey, type SyncNowOptions } from '../../main/sync/run';
import { fixedClock, setClock } from '../../shared/clock';
import { joinFolder, type FolderDevice as Device } from '../helpers/syncDevices';
import { makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';

const PASS = 'a sync passphrase for the compaction test';
/** A snapshot at every pass that wrote a file, so a few passes exercise everything. */
const EAGER: SyncNowOptions = { snapshotRule: { minOps: 1, registersShare: 0, maxFiles: 1 } };

let restore: () => void;
let ms = Date.parse('2027-01-31T12:00:00Z');
beforeEach(() => {
  restore = setClock(fixedClock(ms, 'Europe/Berlin'));
});
afterEach(() => restore());
afterAll(() => removeTempDirs());

/** Moves the pinned clock on (each pass and edit happens a little later). */
function tick(): void {
  ms += 61_000;
  restore();
  restore = setClock(fixedClock(ms, 'Europe/Berlin'));
}

const join = (shared: string): Device => joinFolder(shared, PASS, 'kith-data-');

function pass(d: Device, options: SyncNowOptions = EAGER) {
  tick();
  return syncNow(d.db, d.dir, options);
}

function ownFiles(shared: string, d: Device): number[] {
  return listDevices(shared).find((x) => x.device === d.id)?.changes ?? [];
}

/** A few seeded edits of every kind the engine merges: new people, edits, ties, entries and their text. */
function edit(d: Device, rand: () => number, round: number): void {
  tick();
  const people = d.db.prepare('SELECT id FROM people WHERE is_me = 0 ORDER BY id').pluck().all() as number[];
  const pick = () => people[Math.floor(rand() * people.length)]!;
  const person = createPerson(d.db, { displayName: `Person ${d.id.slice(0, 4)} ${round}`, headline: `round ${round}` });
  if (people.length > 0) {
    updatePerson(d.db, pick(), { headline: `edited on ${d.id.slice(0, 4)} in round ${round}`, notes: `notes ${round} ${rand().toFixed(3)}` });
    const other = pick();
    const tie = findTie(d.db, person.id, other);
    if (tie) updateTie(d.db, tie.id, { strength: 1 + Math.floor(rand() * 5) });
    else createTie(d.db, { personA: person.id, personB: other, strength: 1 + Math.floor(rand() * 5) });
  }
  const entries = d.db.prepare('SELECT id FROM interactions ORDER BY id').pluck().all() as number[];
  if (entries.length > 0 && rand() < 0.6) updateEntry(d.db, entries[Math.floor(rand() * entries.length)]!, { body: `body from ${d.id.slice(0, 4)} round ${round}` });
  else createEntry(d.db, { occurredAt: '2027-01-20', kind: 'coffee', title: `Coffee ${round}`, body: `first text ${round}`, participantIds: [person.id, getMeId(d.db)] });
}

function names(db: Db): string[] {
  return db.prepare('SELECT display_name FROM people ORDER BY display_name').pluck().all() as string[];
}

function conflictsOf(db: Db): string[] {
  return listConflicts(db)
    .map((c) => `${c.table}/${c.gid}/${c.column}/${String(c.otherValue)}`)
    .sort();
}

describe('sync compaction', () => {
  it('three devices, one lagging: files wait for it; joining from snapshots equals replaying everything; forget releases a device', () => {
    const shared = makeTempDir('kith-sync-');
    const rand = seededRandom(1919);
    const a = join(shared);
    const b = join(shared);
    const c = join(shared);
    // C syncs once, first, and then goes quiet: it has applied nothing of A's
    // or B's. (Under the default rule that first small pass writes no snapshot,
    // so C's file stays for the device replaying everything below.)
    edit(c, rand, 0);
    pass(c, {});
    for (let round = 0; round < 4; round++) {
      edit(a, rand, round);
      edit(b, rand, round);
      pass(a);
      pass(b);
    }
    pass(a);
    // A has a snapshot covering all it wrote, B has applied all of it, C nothing: A keeps every file.
    const aStatus = syncStatus(a.db);
    expect(aStatus.compaction.snapshotFile).toBe(aStatus.compaction.writtenFile);
    expect(aStatus.compaction.heldBackBy).toEqual([c.id]);
    expect(ownFiles(shared, a)).toEqual(Array.from({ length: aStatus.compaction.writtenFile }, (_, i) => i + 1));

    // Two new devices join now: one replays every change file, one starts from a snapshot.
    const replay = join(shared);
    const replayPass = pass(replay, { ...EAGER, startFromSnapshot: false });
    expect(replayPass.snapshotsApplied).toBe(0);
    const fromSnapshot = join(shared);
    const snapPass = pass(fromSnapshot);
    expect(snapPass.snapshotsApplied).toBeGreaterThanOrEqual(1);
    expect(snapPass.applied).toBeLessThan(replayPass.applied);

    // C comes back and catches up; then A and B may remove what everyone has.
    pass(c);
    for (const d of [a, b, c, replay, fromSnapshot, a, b]) pass(d);
    const removedSome = ownFiles(shared, a)[0]! > 1 || ownFiles(shared, a).length === 0;
    expect(removedSome).toBe(true);
    // Never a file a known device has not applied: each device says how far it got.
    for (const d of [a, b]) {
      const removedUpTo = (ownFiles(shared, d)[0] ?? syncStatus(d.db).compaction.writtenFile + 1) - 1;
      for (const other of [a, b, c, replay, fromSnapshot]) {
        if (other === d) continue;
        const applied = syncStatus(other.db).devices.find((x) => x.device === d.id)!.appliedFile;
        expect(applied).toBeGreaterThanOrEqual(removedUpTo);
      }
    }

    // A device joining after the removal can only start from snapshots, and converges too.
    const late = join(shared);
    const latePass = pass(late);
    expect(latePass.snapshotsApplied).toBeGreaterThanOrEqual(1);
    expect(latePass.waiting).toEqual([]);
    for (const d of [a, b, c, replay, fromSnapshot, late]) pass(d);
    const dump = canonicalDump(a.db);
    expect(Object.keys(dump.people!).length).toBe(10);
    for (const d of [b, c, replay, fromSnapshot, late]) expect(canonicalDump(d.db)).toEqual(dump);
    expect(conflictsOf(late.db)).toEqual(conflictsOf(replay.db));

    // The device that replayed everything never comes back: it holds A's removal back until it is forgotten.
    const gone = replay;
    edit(gone, rand, 7);
    pass(gone);
    edit(a, rand, 7);
    for (const d of [a, b, c, fromSnapshot, late, a]) pass(d);
    expect(syncStatus(a.db).compaction.heldBackBy).toEqual([gone.id]);
    expect(ownFiles(shared, a).at(-1)).toBe(syncStatus(a.db).compaction.writtenFile);
    // Forgotten on B: B's state file tells A, which stops waiting for it.
    expect(forgetDevice(b.db, gone.id)).toEqual({ device: gone.id, alreadyForgotten: false });
    expect(forgetDevice(b.db, gone.id)).toEqual({ device: gone.id, alreadyForgotten: true });
    pass(b);
    pass(a);
    const status = syncStatus(a.db);
    expect(status.devices.find((d) => d.device === gone.id)).toMatchObject({ forgotten: true, forgottenBy: b.id });
    expect(status.compaction.heldBackBy).toEqual([]);
    expect(ownFiles(shared, a)).toEqual([]);
    // Its files stay, and are still applied by a newcomer, which converges.
    expect(listDevices(shared).find((d) => d.device === gone.id)!.changes.length).toBeGreaterThan(0);
    const newcomer = join(shared);
    expect(pass(newcomer).waiting).toEqual([]);
    pass(a);
    expect(canonicalDump(newcomer.db)).toEqual(canonicalDump(a.db));
  });

  it('never removes a file while a device that has said nothing yet is known; a device alone removes what its snapshot covers', () => {
    const shared = makeTempDir('kith-sync-');
    const a = join(shared);
    createPerson(a.db, { displayName: 'Ana Acosta' });
    pass(a);
    createPerson(a.db, { displayName: 'Bo Berg' });
    pass(a);
    // Alone in the folder: the snapshot covers everything, nothing is waited for.
    expect(ownFiles(shared, a)).toEqual([]);
    // A device folder with no state file (a device whose first pass was cut short) is known and waited for.
    fs.mkdirSync(deviceDir(shared, 'quiet-device'), { recursive: true });
    createPerson(a.db, { displayName: 'Chen Li' });
    pass(a);
    createPerson(a.db, { displayName: 'Dana Ek' });
    pass(a);
    expect(ownFiles(shared, a)).toEqual([3, 4]);
    expect(syncStatus(a.db).compaction.heldBackBy).toEqual(['quiet-device']);
    expect(fs.existsSync(path.join(deviceDir(shared, a.id), changeFileName(3)))).toBe(true);

    // A newcomer needs A's snapshot (files 1 and 2 are gone): while it is still arriving it waits, then catches up.
    const snapshotFile = path.join(deviceDir(shared, a.id), snapshotFileName(listDevices(shared).find((d) => d.device === a.id)!.snapshots.at(-1)!));
    const whole = fs.readFileSync(snapshotFile);
    fs.writeFileSync(snapshotFile, whole.subarray(0, whole.length - 100));
    const n = join(shared);
    const cut = pass(n);
    expect(cut.waiting).toEqual([{ device: a.id, reason: expect.stringMatching(/incomplete|arriving|tried again/) }]);
    expect(syncStatus(n.db).attention.arriving).toEqual([a.id]);
    expect(names(n.db)).toEqual(['Me']);
    fs.writeFileSync(snapshotFile, whole);
    expect(pass(n).waiting).toEqual([]);
    expect(names(n.db)).toEqual(['Ana Acosta', 'Bo Berg', 'Chen Li', 'Dana Ek', 'Me']);
    expect(syncStatus(n.db).attention).toMatchObject({ arriving: [], newerVersion: [], failedFiles: [] });
  });

  // Review 32: a device moved to a new sync folder (from Dropbox to Syncthing,
  // say) went on numbering its files there from where it was; a device
  // joining the new folder waited for its file 1 forever and got nothing.
  it('a device moved to a new, empty sync folder gives a device that joins there everything it holds', () => {
    const first = makeTempDir('kith-sync-');
    const a = join(first);
    const b = join(first);
    createPerson(a.db, { displayName: 'Ana Acosta' });
    createPerson(b.db, { displayName: 'Bo Berg' });
    for (const d of [a, b, a]) pass(d, {});
    const second = makeTempDir('kith-sync-');
    const key = a.db.prepare('SELECT key, key_id AS keyId FROM sync_device').get() as { key: Buffer; keyId: string };
    useSyncKey(a.db, fs.realpathSync.native(second), key);
    pass(a, {});
    const c = join(second);
    const joined = pass(c, {});
    expect(joined.waiting).toEqual([]);
    pass(a, {});
    expect(canonicalDump(c.db)).toEqual(canonicalDump(a.db));
    expect(c.db.prepare('SELECT display_name FROM people WHERE is_me = 0 ORDER BY display_name').pluck().all()).toEqual(['Ana Acosta', 'Bo Berg']);
    // Edits after the move travel as change files as usual.
    createPerson(a.db, { displayName: 'Cy Chan' });
    pass(a, {});
    pass(c, {});
    expect(canonicalDump(c.db)).toEqual(canonicalDump(a.db));
  });

  // Review 32: the app may stay open while a scheduled `kith sync` runs on
  // the same data file. Two passes at once wrote the same file N, and each
  // then counted it: the next file was N + 2, and the other devices waited
  // for N + 1 forever.
  it('two passes at once on one data file (the app and a scheduled kith sync) write each file once and number them without a gap', () => {
    const shared = makeTempDir('kith-sync-');
    const a = join(shared);
    const b = join(shared);
    const second = openDatabase(path.join(a.dir, 'kith.db'));
    createPerson(a.db, { displayName: 'Ana Acosta' });
    let overlapped = false;
    pass(a, {
      probe: (step) => {
        if (step !== 'change-file-written' || overlapped) return;
        overlapped = true;
        syncNow(second, a.dir);
      },
    });
    expect(overlapped).toBe(true);
    createPerson(a.db, { displayName: 'Bo Berg' });
    const next = pass(a, {});
    expect(next.device).toBe(a.id);
    expect(ownFiles(shared, a)).toEqual([1, 2]);
    const got = pass(b, {});
    expect(got.waiting).toEqual([]);
    expect(b.db.prepare('SELECT display_name FROM people WHERE is_me = 0 ORDER BY display_name').pluck().all()).toEqual(['Ana Acosta', 'Bo Berg']);
    second.close();
  });

  it('forget-device refuses this device, an unknown one, and sync not set up, changing nothing', () => {
    const shared = makeTempDir('kith-sync-');
    const a = join(shared);
    pass(a);
    const before = snapshotDb(a.db);
    expect(() => forgetDevice(a.db, a.id)).toThrow(/is this device/);
    expect(() => forgetDevice(a.db, 'never-seen')).toThrow(/No device "never-seen" has been seen/);
    expect(snapshotDb(a.db)).toEqual(before);
    const off = openDatabase(path.join(makeTempDir('kith-data-'), 'kith.db'));
    expect(() => forgetDevice(off, 'x')).toThrow(/not set up/);
  });

  it('migration 160 keeps a synced file at 140 as it was: its device, peers and registers, with nothing forgotten and no snapshot yet', () => {
    const file = path.join(makeTempDir('kith-data-'), 'kith.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 140) });
    old.exec(`INSERT INTO sync_device (id, device, clock, written_seq, next_file, created_at) VALUES (1, 'old-device', '0192a3b4c5d6-0000-old-device', 7, 3, '2027-01-01T00:00:00Z');
      INSERT INTO sync_peers (device, applied_seq, max_hlc, applied_at, waiting) VALUES ('peer-one', 4, '0192a3b4c5d6-0001-peer-one', '2027-01-02T00:00:00Z', 'File 5 has not arrived yet.');
      INSERT INTO sync_fields (tbl, gid, col, value, hlc) VALUES ('people', 'g1', 'display_name', 'Ana', '0192a3b4c5d6-0001-peer-one');`);
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT device, written_seq, next_file, snapshot_seq, snapshot_file, snapshot_outbox, snapshot_covers, published_state FROM sync_device').get()).toEqual({
      device: 'old-device',
      written_seq: 7,
      next_file: 3,
      snapshot_seq: 0,
      snapshot_file: 0,
      snapshot_outbox: 0,
      snapshot_covers: null,
      published_state: null,
    });
    expect(db.prepare('SELECT device, applied_seq, waiting, waiting_kind, applied_mine, applied_snapshot, forgotten_at FROM sync_peers').all()).toEqual([
      { device: 'peer-one', applied_seq: 4, waiting: 'File 5 has not arrived yet.', waiting_kind: null, applied_mine: 0, applied_snapshot: 0, forgotten_at: null },
    ]);
    expect(db.prepare('SELECT count(*) FROM sync_fields').pluck().get()).toBe(1);
    db.close();
  });
});
