// Syncing through a folder (issue 19): set up once, then each pass writes this
// device's new operations as change files and applies every other device's
// new files. The sync tool (Syncthing, a cloud drive, a USB stick) moves the
// files; Kith never puts kith.db itself in the folder.
//
// A pass never half-applies anything: each incoming file is applied with the
// record of having applied it, in one transaction; a file that is incomplete
// or does not authenticate is left for the next pass; a file from a newer
// version of Kith waits, untouched, until this device is upgraded. Writing
// is "file on disk, then remember it was written": a crash between the two
// finds the file on the next pass, recognises it as its own, and goes on.
// Snapshots, state files and the removal of old change files: compact.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { nowIso } from '../../shared/clock';
import { MAX_AHEAD_MS } from '../../shared/hlc';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { ChangeFileError, readChangeFile, readChangeFileHeader, writeChangeFile } from './changeFile';
import {
  applySnapshot,
  compactOwnFiles,
  publishState,
  readSnapshot,
  readStates,
  SNAPSHOT_RULE,
  snapshotDue,
  writeSnapshot,
  type PublishedState,
  type SnapshotRule,
  type SyncKeyRow,
} from './compact';
import { applyOps, enableSync, listConflicts, outboxSince, renameDevice, syncEnabled, type SqlValue, type SyncOp } from './engine';
import { changeFileName, checkSyncFolder, deviceDir, isConflictCopy, listDevices, snapshotFileName, SyncFolderError, writeImmutableFile, type DeviceFiles } from './folder';
import { createSyncKey, DESCRIPTOR_NAME, parseDescriptor, unlockSyncKey, type SyncKey } from './key';

type Db = Database;

/** Operations per change file. */
export const OPS_PER_FILE = 5_000;

interface DeviceRow {
  device: string;
  folder: string | null;
  key: Buffer | null;
  key_id: string | null;
  written_seq: number;
  next_file: number;
  file_identity: string | null;
}

function deviceRow(db: Db): DeviceRow {
  return db.prepare('SELECT device, folder, key, key_id, written_seq, next_file, file_identity FROM sync_device').get() as DeviceRow;
}

/** The identity of the data file on disk: a copy or a restore is another file. */
function fileIdentity(db: Db): string | null {
  if (db.name === ':memory:' || !db.name) return null;
  const st = fs.statSync(db.name);
  return `${st.dev}:${st.ino}`;
}

/**
 * Sets up (or changes) the sync folder: checks it, creates its key
 * descriptor if this is the first device, checks the passphrase against it,
 * and switches sync on. Nothing local changes if any check fails.
 */
export function setUpSync(db: Db, dataDir: string, folder: string, passphrase: string): { device: string; created: boolean } {
  const real = checkSyncFolder(folder, dataDir);
  const descriptorPath = path.join(real, DESCRIPTOR_NAME);
  let created = false;
  let key: SyncKey;
  if (fs.existsSync(descriptorPath)) {
    let text: string;
    try {
      text = fs.readFileSync(descriptorPath, 'utf8');
    } catch (error) {
      // Review 32: a folder in its place read as "choose another data folder".
      throw new SyncFolderError(`${DESCRIPTOR_NAME} in the sync folder ${real} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    key = unlockSyncKey(parseDescriptor(text), passphrase);
  } else {
    const fresh = createSyncKey(passphrase);
    writeImmutableFile(real, DESCRIPTOR_NAME, Buffer.from(JSON.stringify(fresh.descriptor, null, 2) + '\n'));
    key = fresh.key;
    created = true;
  }
  return { device: useSyncKey(db, real, key), created };
}

/**
 * Switches sync on with a key already derived for `folder`, a folder
 * checkSyncFolder accepted (setUpSync derives the key from the passphrase;
 * the derivation takes half a second, so tests of many devices derive it once).
 */
export function useSyncKey(db: Db, folder: string, key: SyncKey): string {
  return db.transaction(() => {
    const id = enableSync(db);
    db.prepare('UPDATE sync_device SET folder = ?, key = ?, key_id = ?, file_identity = ?').run(folder, key.key, key.keyId, fileIdentity(db));
    return id;
  })();
}

export interface SyncPass {
  device: string;
  /** Change files written by this device in this pass. */
  written: number;
  /** Files applied from other devices, and the operations in them. */
  applied: number;
  operations: number;
  /** Devices whose next file waits, and why. */
  waiting: Array<{ device: string; reason: string }>;
  /** Conflict copies and other files in the folder that Kith does not read. */
  ignored: string[];
  /** A new device id was taken because this data file is a copy or a restore. */
  newDeviceId: boolean;
  /** Snapshots applied (a device joining, or a device's older files removed), and whether this device wrote one. */
  snapshotsApplied: number;
  snapshotWritten: boolean;
  /** This device's own change files removed (every known device has applied them). */
  removed: number;
  /** Why a new device id was taken, in words (a copied data file, or two data files writing as one device). */
  newDeviceReason?: string;
}

export interface SyncNowOptions {
  /** When to write a snapshot (compact.ts); tests lower it. */
  snapshotRule?: SnapshotRule;
  /** False: a joining device replays every change file still there instead of starting from a snapshot. */
  startFromSnapshot?: boolean;
  /** Called at the steps a kill test stops at ('change-file-written', 'applying', …). */
  probe?: (step: string) => void;
  /**
   * The newest schema this Kith reads: LATEST_SCHEMA_VERSION. A test passes a
   * higher one to stand in for the upgrade after which changes from a newer
   * version, kept waiting until then, are applied.
   */
  readsSchemaUpTo?: number;
}

type WaitingKind = 'arriving' | 'newer' | 'failed';

type WireOp = [string, string, string, SqlValue, string] | [string, string, string, SqlValue, string, string];

function payloadOf(ops: Array<SyncOp & { seq: number }>): { from: number; to: number; ops: WireOp[] } {
  return { from: ops[0]!.seq, to: ops[ops.length - 1]!.seq, ops: ops.map((o): WireOp => (o.s ? [o.t, o.g, o.c, o.v, o.h, o.s] : [o.t, o.g, o.c, o.v, o.h])) };
}

function opsOf(payload: unknown): SyncOp[] {
  const p = payload as { ops?: unknown };
  if (!p || !Array.isArray(p.ops)) throw new ChangeFileError('A change file holds no operations.', false);
  return p.ops.map((o: unknown) => {
    if (!Array.isArray(o) || (o.length !== 5 && o.length !== 6)) throw new ChangeFileError('A change file holds an operation Kith cannot read.', false);
    const [t, g, c, v, h, s] = o as [string, string, string, SqlValue, string, string | undefined];
    if (typeof t !== 'string' || typeof g !== 'string' || typeof c !== 'string' || typeof h !== 'string' || (s !== undefined && typeof s !== 'string')) {
      throw new ChangeFileError('A change file holds an operation Kith cannot read.', false);
    }
    return s === undefined ? { t, g, c, v, h } : { t, g, c, v, h, s };
  });
}

/**
 * One sync pass. Throws SyncFolderError (folder gone, read-only…) before
 * changing anything local; when the folder goes away or turns read-only in
 * the middle of a pass, what was applied so far is whole (a transaction a
 * file), what was not written is written next time, and the error says so.
 */
export function syncNow(db: Db, dataDir: string, options: SyncNowOptions = {}): SyncPass {
  try {
    return syncPass(db, dataDir, options);
  } catch (error) {
    throw folderErrorOf(error, db);
  }
}

/** File system errors that mean the sync folder went away, or stopped taking writes. */
const FOLDER_ERRORS: Record<string, string> = {
  ENOENT: 'disappeared',
  ENOTDIR: 'disappeared',
  EACCES: 'stopped accepting writes (read-only, or its permissions changed)',
  EPERM: 'stopped accepting writes (read-only, or its permissions changed)',
  EROFS: 'became read-only',
  ENOSPC: 'ran out of space',
  EDQUOT: 'ran out of space',
  EIO: 'could not be read or written (is the drive still connected?)',
  ENODEV: 'disappeared',
  ENXIO: 'disappeared',
};

function folderErrorOf(error: unknown, db: Db): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code || !(code in FOLDER_ERRORS) || error instanceof SyncFolderError) return error;
  const folder = deviceRow(db).folder ?? 'the sync folder';
  return new SyncFolderError(
    `The sync folder ${folder} ${FOLDER_ERRORS[code]} during the sync (${code}). Nothing here was lost: what was applied is kept, and the rest is written and applied the next time the folder is there.`,
  );
}

function syncPass(db: Db, dataDir: string, options: SyncNowOptions): SyncPass {
  if (!syncEnabled(db)) throw new SyncFolderError('Sync is not set up on this data file. Choose a sync folder first.');
  let row = deviceRow(db);
  if (!row.folder || !row.key) throw new SyncFolderError('Sync is not set up on this data file. Choose a sync folder first.');
  const folder = checkSyncFolder(row.folder, dataDir);
  const key = row.key;
  const pass: SyncPass = {
    device: row.device,
    written: 0,
    applied: 0,
    operations: 0,
    waiting: [],
    ignored: [],
    newDeviceId: false,
    snapshotsApplied: 0,
    snapshotWritten: false,
    removed: 0,
  };
  const probe = options.probe;

  // A copied or restored data file must not write as the device it was copied from.
  const identity = fileIdentity(db);
  if (row.file_identity && identity && row.file_identity !== identity) {
    renameDevice(db);
    db.prepare(`UPDATE sync_device SET file_identity = ?, ${RESET_FILES}`).run(identity);
    pass.newDeviceId = true;
    pass.newDeviceReason = `This data file is a copy or a restore of device ${row.device}'s; it now writes as a new device.`;
    row = deviceRow(db);
    pass.device = row.device;
  }

  // Rows re-created here since the last pass get their children back first.
  applyOps(db, []);

  // Write what this device has not written yet.
  const mine = deviceDir(folder, row.device);
  for (;;) {
    const ops = outboxSince(db, row.written_seq, OPS_PER_FILE);
    if (ops.length === 0) break;
    // Never end a file inside one row's operations (they are contiguous).
    const last = ops[ops.length - 1]!;
    for (const more of outboxSince(db, last.seq, 1_000)) {
      if (more.t !== last.t || more.g !== last.g) break;
      ops.push(more);
    }
    const payload = payloadOf(ops);
    const bytes = writeChangeFile(key, { device: row.device, seq: row.next_file, schema: LATEST_SCHEMA_VERSION, kind: 'changes', keyId: row.key_id! }, payload);
    const name = changeFileName(row.next_file);
    try {
      writeImmutableFile(mine, name, bytes, probe);
      probe?.('change-file-written');
    } catch (error) {
      if (!(error instanceof SyncFolderError) || !fs.existsSync(path.join(mine, name))) throw error;
      // The file is there already: ours from a pass that stopped before
      // remembering it, or another device's that claims this id.
      let same = false;
      try {
        const existing = readChangeFile(key, fs.readFileSync(path.join(mine, name))).payload as { from?: number; to?: number; ops?: unknown };
        // The same operations, not only the same outbox positions: another
        // data file writing as this device has its own outbox numbered alike
        // (issue 19: two devices claiming one id; found by sync-tables.test.ts).
        same = existing.from === payload.from && existing.to === payload.to && JSON.stringify(existing.ops) === JSON.stringify(payload.ops);
      } catch {
        same = false;
      }
      if (!same) {
        // Two data files write as one device. This one steps aside and takes a new id.
        const claimed = row.device;
        renameDevice(db);
        db.prepare(`UPDATE sync_device SET ${RESET_FILES}`).run();
        pass.newDeviceId = true;
        row = deviceRow(db);
        pass.device = row.device;
        const newDeviceReason = `Another data file also writes as device ${claimed} (its file ${name} is not this one's). This one now writes as device ${row.device}; nothing was lost.`;
        return { ...pass, ...syncNow(db, dataDir, options), newDeviceId: true, newDeviceReason };
      }
    }
    // Absolute, not "+ 1": another pass on this data file at the same time
    // (the app, and a scheduled `kith sync`) may have written and counted
    // this same file already (review 32: counted twice, the next file was
    // N + 2 and the other devices waited for N + 1 forever).
    db.prepare('UPDATE sync_device SET written_seq = max(written_seq, ?), next_file = max(next_file, ?)').run(payload.to, row.next_file + 1);
    row = deviceRow(db);
    pass.written++;
  }

  // Apply what the others wrote, in each device's order.
  let devices = listDevices(folder);
  const me: SyncKeyRow = { device: row.device, key, keyId: row.key_id!, readsUpTo: options.readsSchemaUpTo ?? LATEST_SCHEMA_VERSION };
  const states = readStates(folder, me, devices);
  if (options.startFromSnapshot !== false) joinFromSnapshot(db, folder, me, devices, states, pass, probe);
  for (const d of devices) {
    pass.ignored.push(...d.ignored.filter(isConflictCopy).map((n) => `${d.device}/${n}`));
    if (d.device === row.device) continue;
    const waiting = applyDevice(db, folder, me, d, states.get(d.device), pass, probe);
    db.prepare(
      `INSERT INTO sync_peers (device, waiting, waiting_kind) VALUES (?, ?, ?) ON CONFLICT (device) DO UPDATE SET waiting = excluded.waiting, waiting_kind = excluded.waiting_kind`,
    ).run(d.device, waiting?.reason ?? null, waiting?.kind ?? null);
    if (waiting) pass.waiting.push({ device: d.device, reason: waiting.reason });
  }
  // A device whose folder is no longer in the sync folder has nothing waiting
  // (review 32: a stray folder's failed file stayed in the status after it was removed).
  db.prepare(`UPDATE sync_peers SET waiting = NULL, waiting_kind = NULL WHERE waiting IS NOT NULL AND device NOT IN (SELECT value FROM json_each(?))`).run(
    JSON.stringify(devices.map((d) => d.device)),
  );

  // Compaction: a snapshot when the rule says so, then what this device has
  // applied, then the removal of its own files every device has.
  // This device has written change files, but its folder here holds neither
  // its first one nor a snapshot: the sync folder is a new one (the user
  // moved from one sync tool to another) or was emptied. A device joining
  // here could never get what those files held (it would wait for file 1
  // forever): a snapshot of everything gives it all (review 32).
  const ownHere = devices.find((d) => d.device === me.device);
  const historyMissing = row.next_file > 1 && !ownHere?.snapshots.length && !ownHere?.changes.includes(1);
  if (historyMissing || snapshotDue(db, options.snapshotRule ?? SNAPSHOT_RULE)) {
    writeSnapshot(db, folder, me, devices.find((d) => d.device === me.device), probe);
    pass.snapshotWritten = true;
    devices = listDevices(folder);
  }
  publishState(db, folder, me, devices.find((d) => d.device === me.device));
  pass.removed = compactOwnFiles(db, folder, me, devices, states, probe).removed;
  return pass;
}

/** Clears this device's file bookkeeping when it takes a new id (its files under the new id start again at 1). */
const RESET_FILES = 'next_file = 1, snapshot_seq = 0, snapshot_file = 0, snapshot_covers = NULL, snapshot_at = NULL, published_state = NULL';

function appliedFrom(db: Db, device: string): number {
  return (db.prepare('SELECT applied_seq FROM sync_peers WHERE device = ?').pluck().get(device) as number | undefined) ?? 0;
}

function waitingFor(error: unknown, what: string): { kind: WaitingKind; reason: string } {
  if (!(error instanceof ChangeFileError) && !(error instanceof Error && error.name === 'SyncError')) throw error;
  if (error instanceof ChangeFileError && error.retry) return { kind: 'arriving', reason: error.message };
  return { kind: 'failed', reason: `${what} cannot be applied: ${(error as Error).message}` };
}

function newerVersion(schema: number, readsUpTo: number): { kind: WaitingKind; reason: string } {
  return {
    kind: 'newer',
    reason: `Written by a newer version of Kith (schema ${schema}, this one reads up to ${readsUpTo}). Upgrade Kith on this device; the changes wait until then.`,
  };
}

/** Reads and applies `device`'s snapshot `seq`; returns why it waits instead, or null. */
function applySnapshotFile(db: Db, folder: string, me: SyncKeyRow, device: string, seq: number, pass: SyncPass, probe?: (step: string) => void): { kind: WaitingKind; reason: string } | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(deviceDir(folder, device), snapshotFileName(seq)));
  } catch {
    return { kind: 'arriving', reason: `Snapshot ${seq} from this device could not be read yet.` };
  }
  try {
    const readsUpTo = me.readsUpTo ?? LATEST_SCHEMA_VERSION;
    const snap = readSnapshot(me.key, me.keyId, bytes, device, seq, readsUpTo);
    if (snap.schema > readsUpTo) return newerVersion(snap.schema, readsUpTo);
    db.transaction(() => {
      pass.operations += applySnapshot(db, me.device, snap.payload, probe);
      db.prepare(
        'INSERT INTO sync_peers (device, applied_snapshot) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET applied_snapshot = max(applied_snapshot, excluded.applied_snapshot)',
      ).run(device, seq);
    })();
    pass.snapshotsApplied++;
    return null;
  } catch (error) {
    return waitingFor(error, `Snapshot ${seq}`);
  }
}

/**
 * A device that has applied nothing from anyone starts from the one snapshot
 * that covers the most (by the state files; unknown counts as nothing), not
 * from years of change files.
 */
function joinFromSnapshot(db: Db, folder: string, me: SyncKeyRow, devices: readonly DeviceFiles[], states: Map<string, PublishedState>, pass: SyncPass, probe?: (step: string) => void): void {
  const appliedAny = db.prepare('SELECT 1 FROM sync_peers WHERE applied_seq > 0 AND device <> ?').get(me.device);
  if (appliedAny) return;
  const coverage = (d: DeviceFiles) => {
    const s = states.get(d.device)?.snapshot;
    return s && s.seq === d.snapshots.at(-1) ? Object.values(s.covers).reduce((a, b) => a + b, 0) : 0;
  };
  const candidates = devices.filter((d) => d.device !== me.device && d.snapshots.length > 0).sort((a, b) => coverage(b) - coverage(a));
  // One that is still arriving, or from a newer version, is passed over for the next.
  for (const d of candidates) if (applySnapshotFile(db, folder, me, d.device, d.snapshots.at(-1)!, pass, probe) === null) return;
}

/** Applies `d`'s files after what this device has of it; returns why it waits, or null. */
function applyDevice(
  db: Db,
  folder: string,
  me: SyncKeyRow,
  d: DeviceFiles,
  state: PublishedState | undefined,
  pass: SyncPass,
  probe?: (step: string) => void,
): { kind: WaitingKind; reason: string } | null {
  let applied = appliedFrom(db, d.device);
  // Its next file is gone (removed after a snapshot, while this device was
  // forgotten or before it joined): its newest snapshot covers it.
  const next = applied + 1;
  const newest = d.snapshots.at(-1);
  const appliedSnapshot = (db.prepare('SELECT applied_snapshot FROM sync_peers WHERE device = ?').pluck().get(d.device) as number | undefined) ?? 0;
  if (!d.changes.includes(next) && newest !== undefined && newest > appliedSnapshot) {
    const known = state?.snapshot && state.snapshot.seq === newest ? (state.snapshot.covers[d.device] ?? 0) : null;
    const worth = known === null ? d.changes.some((s) => s > next) || d.changes.length === 0 : known >= next;
    if (worth) {
      const waiting = applySnapshotFile(db, folder, me, d.device, newest, pass, probe);
      if (waiting) return waiting;
      applied = appliedFrom(db, d.device);
    }
  }
  for (const seq of d.changes.filter((s) => s > applied)) {
    const file = path.join(deviceDir(folder, d.device), changeFileName(seq));
    const expected = appliedFrom(db, d.device);
    if (seq !== expected + 1) return { kind: 'arriving', reason: `File ${expected + 1} from this device has not arrived yet.` };
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return { kind: 'arriving', reason: `File ${seq} could not be read yet.` };
    }
    try {
      const { header } = readChangeFileHeader(bytes);
      if (header.device !== d.device || header.seq !== seq || header.kind !== 'changes') {
        throw new ChangeFileError(`File ${seq} in ${d.device}'s folder says it is ${header.kind} file ${header.seq} of ${header.device}.`, false);
      }
      const readsUpTo = me.readsUpTo ?? LATEST_SCHEMA_VERSION;
      if (header.schema > readsUpTo) return newerVersion(header.schema, readsUpTo);
      if (header.keyId !== me.keyId) throw new ChangeFileError(`File ${seq} was written with another sync passphrase.`, false);
      const ops = opsOf(readChangeFile(me.key, bytes).payload);
      db.transaction(() => {
        applyOps(db, ops);
        db.prepare(
          `INSERT INTO sync_peers (device, applied_seq, applied_at, waiting) VALUES (?, ?, ?, NULL)
           ON CONFLICT (device) DO UPDATE SET applied_seq = excluded.applied_seq, applied_at = excluded.applied_at, waiting = NULL`,
        ).run(d.device, seq, nowIso());
        probe?.('applying');
      })();
      pass.applied++;
      pass.operations += ops.length;
    } catch (error) {
      return waitingFor(error, `File ${seq}`);
    }
  }
  return null;
}

export interface SyncStatusDevice {
  device: string;
  /** The last of its change files applied here (by file, or through a snapshot). */
  appliedFile: number;
  appliedAt: string | null;
  /** Why its next file waits, or null; and what kind of wait (a newer version, a failed file, one still arriving). */
  waiting: string | null;
  waitingKind: WaitingKind | null;
  clockAheadMs: number;
  /** How many of this device's own change files it says it has applied (its state file). */
  appliedMine: number;
  /** Forgotten (here, or by the device named): it no longer holds compaction back. */
  forgotten: boolean;
  forgottenAt: string | null;
  forgottenBy: string | null;
}

export interface SyncStatus {
  enabled: boolean;
  device: string | null;
  folder: string | null;
  devices: SyncStatusDevice[];
  /** Anything waiting for the user: devices whose changes need a newer Kith, files that failed, text conflicts to resolve. */
  attention: { newerVersion: string[]; failedFiles: Array<{ device: string; reason: string }>; arriving: string[]; conflicts: number };
  /** This device's compaction: change files written, its newest snapshot, and the devices still to apply some of its files. */
  compaction: { writtenFile: number; snapshotFile: number; snapshotAt: string | null; heldBackBy: string[] };
  /** Devices whose clock was seen more than 24 hours ahead of this one's, and by how much (issue 19: shown in Settings). */
  skewedDevices: Array<{ device: string; aheadMs: number }>;
}

const NO_ATTENTION: SyncStatus['attention'] = { newerVersion: [], failedFiles: [], arriving: [], conflicts: 0 };

export function syncStatus(db: Db): SyncStatus {
  if (!syncEnabled(db)) {
    return { enabled: false, device: null, folder: null, devices: [], attention: NO_ATTENTION, compaction: { writtenFile: 0, snapshotFile: 0, snapshotAt: null, heldBackBy: [] }, skewedDevices: [] };
  }
  const row = deviceRow(db);
  const devices = (
    db
      .prepare(
        'SELECT device, applied_seq, applied_at, waiting, waiting_kind, clock_ahead_ms, applied_mine, forgotten_at, forgotten_by FROM sync_peers WHERE device <> ? ORDER BY device',
      )
      .all(row.device) as Array<{
      device: string;
      applied_seq: number;
      applied_at: string | null;
      waiting: string | null;
      waiting_kind: WaitingKind | null;
      clock_ahead_ms: number;
      applied_mine: number;
      forgotten_at: string | null;
      forgotten_by: string | null;
    }>
  ).map(
    (p): SyncStatusDevice => ({
      device: p.device,
      appliedFile: p.applied_seq,
      appliedAt: p.applied_at,
      waiting: p.waiting,
      waitingKind: p.waiting ? (p.waiting_kind ?? 'arriving') : null,
      clockAheadMs: p.clock_ahead_ms,
      appliedMine: p.applied_mine,
      forgotten: p.forgotten_at !== null,
      forgottenAt: p.forgotten_at,
      forgottenBy: p.forgotten_by,
    }),
  );
  const snap = db.prepare('SELECT snapshot_file, snapshot_at FROM sync_device').get() as { snapshot_file: number; snapshot_at: string | null };
  const writtenFile = row.next_file - 1;
  // clock_ahead_ms is how far past the 24-hour limit; aheadMs is how far ahead of this device's clock.
  const skewedDevices = devices.filter((d) => d.clockAheadMs > 0).map((d) => ({ device: d.device, aheadMs: d.clockAheadMs + MAX_AHEAD_MS }));
  return {
    enabled: true,
    device: row.device,
    folder: row.folder,
    devices,
    attention: {
      newerVersion: devices.filter((d) => d.waitingKind === 'newer').map((d) => d.device),
      failedFiles: devices.filter((d) => d.waitingKind === 'failed').map((d) => ({ device: d.device, reason: d.waiting! })),
      arriving: devices.filter((d) => d.waitingKind === 'arriving').map((d) => d.device),
      conflicts: listConflicts(db).length,
    },
    compaction: {
      writtenFile,
      snapshotFile: snap.snapshot_file,
      snapshotAt: snap.snapshot_at,
      heldBackBy: devices.filter((d) => !d.forgotten && d.appliedMine < writtenFile).map((d) => d.device),
    },
    skewedDevices,
  };
}
