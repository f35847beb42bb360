// Compaction of the sync folder (issue 19): snapshots, state files, the
// removal of a device's own change files once every device has applied them,
// and "forget this device".
//
// The rules, in the order a pass (run.ts) uses them:
//
// - SNAPSHOT. A device writes a snapshot of the whole synced state (every
//   field register, every kept conflict version) when the change files it
//   wrote since its last snapshot hold at least max(SNAPSHOT_RULE.minOps,
//   SNAPSHOT_RULE.registersShare × the registers it holds) operations, or
//   number SNAPSHOT_RULE.maxFiles or more. So a device joining replays at most
//   about a quarter of the state again after a snapshot, and a device that
//   syncs small edits every few minutes still folds its many small files. A
//   snapshot records what it covers: for each device, the last of its change
//   files whose operations are in the registers (this device's own: the last
//   one it wrote). Only the newest snapshot is kept.
//
// - STATE. After every pass that changed it, a device publishes a small state
//   file in its own folder: what it has applied from every device, its newest
//   snapshot and what that covers, and the devices it knows to be forgotten.
//   Like every file in the folder it is immutable, encrypted and
//   authenticated; a newer one replaces the older (the owner removes those).
//
// - REMOVAL. A device removes its own change file N only when its newest
//   snapshot covers N and every known device that is not forgotten says, in
//   its newest readable state file, that it has applied N. A known device is
//   one with a folder in the sync folder or one this device ever applied
//   files from. A device that has said nothing (no state file readable yet)
//   has applied nothing, so a lagging device holds compaction back as long
//   as it is not forgotten. Only the owner removes its files; nothing else
//   in the folder is ever deleted by another device.
//
// - JOINING. A device that has applied nothing from anyone yet starts from
//   one snapshot (the one that covers the most, by the state files), then
//   replays each device's change files after what that snapshot covers. A
//   device whose next file from some device is gone (removed after a
//   snapshot: it was forgotten, or it is new) reads that device's newest
//   snapshot. Registers merge commutatively and idempotently, so a snapshot
//   plus the files after it give the same state as every file replayed.
//
// - FORGET. Forgetting a device (one that will never come back) is recorded
//   here and published in this device's state file, so every device stops
//   waiting for it. Its files stay in the folder and are still applied (they
//   hold that device's last changes, which must not be lost); only the owner
//   could remove them, and it is gone. If it comes back after all, it catches
//   up from snapshots like a new device, and it stays forgotten: it no longer
//   holds compaction back anywhere.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { nowIso, nowMs } from '../../shared/clock';
import { DEVICE_ID_PATTERN } from '../../shared/hlc';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { ChangeFileError, readChangeFile, readChangeFileHeader, writeChangeFile } from './changeFile';
import { applyOps, syncEnabled, type SqlValue, type SyncOp } from './engine';
import { changeFileName, deviceDir, snapshotFileName, stateFileName, TEMP_FILE, writeImmutableFile, type DeviceFiles } from './folder';

type Db = Database;

export interface SnapshotRule {
  /** At least this many operations written since the last snapshot… */
  minOps: number;
  /** …and at least this share of the registers held. */
  registersShare: number;
  /** Or this many change files written since the last snapshot. */
  maxFiles: number;
}

export const SNAPSHOT_RULE: SnapshotRule = { minOps: 2_000, registersShare: 0.25, maxFiles: 100 };

/** A temporary file left by a process that died while writing is removed after this long (a live writer takes milliseconds). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** What a snapshot covers: device → the last of its change files in it. */
export type Covers = Record<string, number>;

export interface PublishedState {
  /** Device → the last of its change files this device has applied. */
  applied: Record<string, number>;
  /** This device's newest snapshot, and what it covers. */
  snapshot: { seq: number; covers: Covers } | null;
  /** Devices known to be forgotten, by whom and when. */
  forgotten: Array<{ device: string; by: string; at: string }>;
}

type WireRegister = [string, string, string, SqlValue, string] | [string, string, string, SqlValue, string, string];
type WireConflict = [string, string, string, SqlValue, string, string];

interface SnapshotPayload {
  covers: Covers;
  registers: WireRegister[];
  conflicts: WireConflict[];
}

export interface SyncKeyRow {
  device: string;
  key: Buffer;
  keyId: string;
  /** The newest schema this Kith reads (LATEST_SCHEMA_VERSION; tests stand in for an upgrade with a higher one). */
  readsUpTo?: number;
}

// ---------------------------------------------------------------------------
// Snapshots

/** Whether this device's rule says it is time for a snapshot. */
export function snapshotDue(db: Db, rule: SnapshotRule = SNAPSHOT_RULE): boolean {
  const d = db.prepare('SELECT written_seq, next_file, snapshot_file, snapshot_outbox FROM sync_device').get() as {
    written_seq: number;
    next_file: number;
    snapshot_file: number;
    snapshot_outbox: number;
  };
  const files = d.next_file - 1 - d.snapshot_file;
  if (files <= 0) return false;
  if (files >= rule.maxFiles) return true;
  const registers = db.prepare('SELECT count(*) FROM sync_fields').pluck().get() as number;
  return d.written_seq - d.snapshot_outbox >= Math.max(rule.minOps, registers * rule.registersShare);
}

/**
 * Writes a snapshot of the whole synced state as this device's next snapshot
 * file, removes its older snapshots, and remembers what it covers. Returns
 * its sequence number.
 */
export function writeSnapshot(db: Db, folder: string, me: SyncKeyRow, own: DeviceFiles | undefined, probe?: (step: string) => void): number {
  // One read transaction: registers, conflicts and what they cover agree.
  const { payload, outbox, ownFile } = db.transaction(() => {
    const d = db.prepare('SELECT written_seq, next_file FROM sync_device').get() as { written_seq: number; next_file: number };
    const covers: Covers = {};
    for (const p of db.prepare('SELECT device, applied_seq FROM sync_peers WHERE applied_seq > 0').all() as Array<{ device: string; applied_seq: number }>) {
      covers[p.device] = p.applied_seq;
    }
    covers[me.device] = d.next_file - 1;
    const registers = (
      db.prepare('SELECT tbl, gid, col, value, hlc, seen FROM sync_fields ORDER BY tbl, gid, col').raw().all() as Array<[string, string, string, SqlValue, string, string | null]>
    ).map((r): WireRegister => (r[5] === null ? [r[0], r[1], r[2], r[3], r[4]] : [r[0], r[1], r[2], r[3], r[4], r[5]]));
    const conflicts = db.prepare('SELECT tbl, gid, col, value, hlc, winner_hlc FROM sync_conflicts ORDER BY tbl, gid, col, hlc').raw().all() as WireConflict[];
    return { payload: { covers, registers, conflicts } satisfies SnapshotPayload, outbox: d.written_seq, ownFile: d.next_file - 1 };
  })();
  const dir = deviceDir(folder, me.device);
  const seq = Math.max(db.prepare('SELECT snapshot_seq FROM sync_device').pluck().get() as number, ...(own?.snapshots ?? [])) + 1;
  const bytes = writeChangeFile(me.key, { device: me.device, seq, schema: LATEST_SCHEMA_VERSION, kind: 'snapshot', keyId: me.keyId }, payload);
  writeImmutableFile(dir, snapshotFileName(seq), bytes);
  probe?.('snapshot-written');
  db.prepare('UPDATE sync_device SET snapshot_seq = ?, snapshot_file = ?, snapshot_outbox = ?, snapshot_covers = ?, snapshot_at = ?').run(
    seq,
    ownFile,
    outbox,
    JSON.stringify(payload.covers),
    nowIso(),
  );
  for (const older of own?.snapshots ?? []) if (older < seq) fs.rmSync(path.join(dir, snapshotFileName(older)), { force: true });
  return seq;
}

/** Reads and checks a snapshot file of `device`. Throws ChangeFileError (retry when it may still be arriving). */
export function readSnapshot(
  key: Buffer,
  keyId: string,
  bytes: Buffer,
  device: string,
  seq: number,
  readsUpTo = LATEST_SCHEMA_VERSION,
): { schema: number; payload: SnapshotPayload } {
  const { header } = readChangeFileHeader(bytes);
  if (header.device !== device || header.seq !== seq || header.kind !== 'snapshot') {
    throw new ChangeFileError(`Snapshot ${seq} in ${device}'s folder says it is ${header.kind} ${header.seq} of ${header.device}.`, false);
  }
  if (header.schema > readsUpTo) return { schema: header.schema, payload: { covers: {}, registers: [], conflicts: [] } };
  if (header.keyId !== keyId) throw new ChangeFileError(`Snapshot ${seq} of ${device} was written with another sync passphrase.`, false);
  const p = readChangeFile(key, bytes).payload as Partial<SnapshotPayload> | null;
  const okCovers =
    p && typeof p.covers === 'object' && p.covers !== null && Object.entries(p.covers).every(([d, n]) => DEVICE_ID_PATTERN.test(d) && Number.isSafeInteger(n) && n >= 0);
  if (!okCovers || !Array.isArray(p.registers) || !Array.isArray(p.conflicts)) throw new ChangeFileError(`Snapshot ${seq} of ${device} is not one Kith can read.`, false);
  for (const r of p.registers) {
    if (!Array.isArray(r) || (r.length !== 5 && r.length !== 6) || typeof r[0] !== 'string' || typeof r[1] !== 'string' || typeof r[2] !== 'string' || typeof r[4] !== 'string') {
      throw new ChangeFileError(`Snapshot ${seq} of ${device} holds a field Kith cannot read.`, false);
    }
  }
  for (const c of p.conflicts) {
    if (!Array.isArray(c) || c.length !== 6 || [0, 1, 2, 4, 5].some((i) => typeof c[i] !== 'string')) {
      throw new ChangeFileError(`Snapshot ${seq} of ${device} holds a conflict Kith cannot read.`, false);
    }
  }
  return { schema: header.schema, payload: p as SnapshotPayload };
}

/**
 * Applies a snapshot in one transaction: its registers merge like any
 * operations, its kept conflict versions are kept here too, and every device
 * it covers counts as applied up to there. Returns the operations merged.
 */
export function applySnapshot(db: Db, me: string, payload: SnapshotPayload, probe?: (step: string) => void): number {
  const ops: SyncOp[] = payload.registers.map(([t, g, c, v, h, s]) => (s === undefined ? { t, g, c, v, h } : { t, g, c, v, h, s }));
  db.transaction(() => {
    applyOps(db, ops);
    const keep = db.prepare('INSERT OR IGNORE INTO sync_conflicts (tbl, gid, col, value, hlc, winner_hlc) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of payload.conflicts) keep.run(...c);
    const peer = db.prepare(
      `INSERT INTO sync_peers (device, applied_seq, applied_at) VALUES (?, ?, ?)
       ON CONFLICT (device) DO UPDATE SET applied_seq = max(applied_seq, excluded.applied_seq), applied_at = excluded.applied_at`,
    );
    for (const [device, seq] of Object.entries(payload.covers)) if (device !== me && seq > 0) peer.run(device, seq, nowIso());
    probe?.('applying-snapshot');
  })();
  return ops.length;
}

// ---------------------------------------------------------------------------
// State files

function stateOf(db: Db, me: string): PublishedState {
  const applied: Record<string, number> = {};
  for (const p of db.prepare('SELECT device, applied_seq FROM sync_peers WHERE applied_seq > 0 ORDER BY device').all() as Array<{ device: string; applied_seq: number }>) {
    if (p.device !== me) applied[p.device] = p.applied_seq;
  }
  const d = db.prepare('SELECT snapshot_seq, snapshot_covers FROM sync_device').get() as { snapshot_seq: number; snapshot_covers: string | null };
  const forgotten = (
    db.prepare('SELECT device, forgotten_by, forgotten_at FROM sync_peers WHERE forgotten_at IS NOT NULL ORDER BY device').all() as Array<{
      device: string;
      forgotten_by: string | null;
      forgotten_at: string;
    }>
  ).map((f) => ({ device: f.device, by: f.forgotten_by ?? me, at: f.forgotten_at }));
  let snapshot: PublishedState['snapshot'] = null;
  if (d.snapshot_seq > 0 && d.snapshot_covers) snapshot = { seq: d.snapshot_seq, covers: JSON.parse(d.snapshot_covers) as Covers };
  return { applied, snapshot, forgotten };
}

/** Publishes this device's state file when it changed since the last one, and removes its older state files. */
export function publishState(db: Db, folder: string, me: SyncKeyRow, own: DeviceFiles | undefined): boolean {
  const state = stateOf(db, me.device);
  const text = JSON.stringify(state);
  const last = db.prepare('SELECT published_state FROM sync_device').pluck().get() as string | null;
  const dir = deviceDir(folder, me.device);
  const existing = own?.states ?? [];
  if (text === last && existing.length > 0) return false;
  const seq = Math.max(0, ...existing) + 1;
  writeImmutableFile(dir, stateFileName(seq), writeChangeFile(me.key, { device: me.device, seq, schema: LATEST_SCHEMA_VERSION, kind: 'state', keyId: me.keyId }, state));
  db.prepare('UPDATE sync_device SET published_state = ?').run(text);
  for (const older of existing) fs.rmSync(path.join(dir, stateFileName(older)), { force: true });
  return true;
}

function checkState(p: unknown): PublishedState | null {
  const x = p as Partial<PublishedState> | null;
  if (!x || typeof x.applied !== 'object' || x.applied === null || !Array.isArray(x.forgotten)) return null;
  const applied: Record<string, number> = {};
  for (const [d, n] of Object.entries(x.applied)) {
    if (!DEVICE_ID_PATTERN.test(d) || !Number.isSafeInteger(n) || (n as number) < 0) return null;
    applied[d] = n as number;
  }
  const forgotten = x.forgotten.filter(
    (f): f is PublishedState['forgotten'][number] => !!f && typeof f.device === 'string' && DEVICE_ID_PATTERN.test(f.device) && typeof f.by === 'string' && typeof f.at === 'string',
  );
  let snapshot: PublishedState['snapshot'] = null;
  const s = x.snapshot as PublishedState['snapshot'] | undefined;
  if (s && Number.isSafeInteger(s.seq) && typeof s.covers === 'object' && s.covers !== null) snapshot = { seq: s.seq, covers: s.covers };
  return { applied, snapshot, forgotten };
}

/** Each other device's newest state file that authenticates (an older one when the newest is still arriving). */
export function readStates(folder: string, me: SyncKeyRow, devices: readonly DeviceFiles[]): Map<string, PublishedState> {
  const out = new Map<string, PublishedState>();
  for (const d of devices) {
    if (d.device === me.device) continue;
    for (const seq of [...d.states].reverse()) {
      try {
        const { header, payload } = readChangeFile(me.key, fs.readFileSync(path.join(deviceDir(folder, d.device), stateFileName(seq))));
        if (header.device !== d.device || header.kind !== 'state' || header.keyId !== me.keyId) continue;
        const state = checkState(payload);
        if (state) {
          out.set(d.device, state);
          break;
        }
      } catch {
        // Still arriving, removed meanwhile by its owner, or damaged: an older one may do.
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Removing this device's own files

export interface Compaction {
  /** Own change files removed in this pass. */
  removed: number;
  /** Known devices, not forgotten, that have not applied every file this device wrote. */
  heldBackBy: string[];
}

/**
 * Learns from the others' state files what they have applied of this
 * device's files and whom they forgot, then removes this device's own change
 * files that its snapshot covers and every known, not forgotten device has
 * applied; and its own stale temporary files.
 */
export function compactOwnFiles(db: Db, folder: string, me: SyncKeyRow, devices: readonly DeviceFiles[], states: Map<string, PublishedState>, probe?: (step: string) => void): Compaction {
  db.transaction(() => {
    const upsert = db.prepare(
      `INSERT INTO sync_peers (device, applied_mine) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET applied_mine = excluded.applied_mine`,
    );
    for (const [device, state] of states) upsert.run(device, state.applied[me.device] ?? 0);
    const forget = db.prepare(
      `INSERT INTO sync_peers (device, forgotten_at, forgotten_by) VALUES (?, ?, ?)
       ON CONFLICT (device) DO UPDATE SET forgotten_at = excluded.forgotten_at, forgotten_by = excluded.forgotten_by WHERE forgotten_at IS NULL`,
    );
    for (const state of states.values()) for (const f of state.forgotten) if (f.device !== me.device) forget.run(f.device, f.at, f.by);
    // A device seen in the folder is known even before it has written a state file.
    const seen = db.prepare('INSERT OR IGNORE INTO sync_peers (device) VALUES (?)');
    for (const d of devices) if (d.device !== me.device) seen.run(d.device);
  })();
  const row = db.prepare('SELECT snapshot_file, next_file FROM sync_device').get() as { snapshot_file: number; next_file: number };
  const peers = db.prepare('SELECT device, applied_mine FROM sync_peers WHERE forgotten_at IS NULL AND device <> ? ORDER BY device').all(me.device) as Array<{
    device: string;
    applied_mine: number;
  }>;
  const written = row.next_file - 1;
  const heldBackBy = peers.filter((p) => p.applied_mine < written).map((p) => p.device);
  const limit = Math.min(row.snapshot_file, ...peers.map((p) => p.applied_mine));
  const own = devices.find((d) => d.device === me.device);
  const dir = deviceDir(folder, me.device);
  let removed = 0;
  for (const seq of own?.changes ?? []) {
    if (seq > limit) break;
    fs.rmSync(path.join(dir, changeFileName(seq)), { force: true });
    removed++;
    if (removed === 1) probe?.('compacting');
  }
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) {
      if (!TEMP_FILE.test(name)) continue;
      try {
        if (nowMs() - fs.statSync(path.join(dir, name)).mtimeMs > STALE_TEMP_MS) fs.rmSync(path.join(dir, name), { force: true });
      } catch {
        // Gone meanwhile.
      }
    }
  }
  return { removed, heldBackBy };
}

// ---------------------------------------------------------------------------
// Forget this device

export class ForgetDeviceError extends Error {
  override name = 'ForgetDeviceError';
}

/**
 * Forgets a device that will never come back: it no longer holds back the
 * removal of change files, here or (once this device's next state file has
 * travelled) on any other device. Its files stay and are still applied.
 */
export function forgetDevice(db: Db, device: string): { device: string; alreadyForgotten: boolean } {
  if (!syncEnabled(db)) throw new ForgetDeviceError('Sync is not set up on this data file.');
  const me = db.prepare('SELECT device FROM sync_device').pluck().get() as string;
  if (device === me) throw new ForgetDeviceError(`${device} is this device. Forget a device from another computer.`);
  const row = db.prepare('SELECT forgotten_at FROM sync_peers WHERE device = ?').get(device) as { forgotten_at: string | null } | undefined;
  if (!row) throw new ForgetDeviceError(`No device ${JSON.stringify(device.slice(0, 80))} has been seen in the sync folder. Run "kith sync status" for the devices seen.`);
  if (row.forgotten_at) return { device, alreadyForgotten: true };
  db.prepare('UPDATE sync_peers SET forgotten_at = ?, forgotten_by = ? WHERE device = ?').run(nowIso(), me, device);
  return { device, alreadyForgotten: false };
}
