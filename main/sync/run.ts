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
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { nowIso } from '../../shared/clock';
import { MAX_AHEAD_MS } from '../../shared/hlc';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { ChangeFileError, readChangeFile, readChangeFileHeader, writeChangeFile } from './changeFile';
import { applyOps, enableSync, outboxSince, renameDevice, syncEnabled, type SqlValue, type SyncOp } from './engine';
import { changeFileName, checkSyncFolder, deviceDir, isConflictCopy, listDevices, SyncFolderError, writeImmutableFile } from './folder';
import { createSyncKey, DESCRIPTOR_NAME, parseDescriptor, unlockSyncKey } from './key';

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
  let key: { key: Buffer; keyId: string };
  if (fs.existsSync(descriptorPath)) {
    key = unlockSyncKey(parseDescriptor(fs.readFileSync(descriptorPath, 'utf8')), passphrase);
  } else {
    const fresh = createSyncKey(passphrase);
    writeImmutableFile(real, DESCRIPTOR_NAME, Buffer.from(JSON.stringify(fresh.descriptor, null, 2) + '\n'));
    key = fresh.key;
    created = true;
  }
  const device = db.transaction(() => {
    const id = enableSync(db);
    db.prepare('UPDATE sync_device SET folder = ?, key = ?, key_id = ?, file_identity = ?').run(real, key.key, key.keyId, fileIdentity(db));
    return id;
  })();
  return { device, created };
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
  /** Why a new device id was taken, in words (a copied data file, or two data files writing as one device). */
  newDeviceReason?: string;
}

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

/** One sync pass. Throws SyncFolderError (folder gone, read-only…) before changing anything local. */
export function syncNow(db: Db, dataDir: string): SyncPass {
  if (!syncEnabled(db)) throw new SyncFolderError('Sync is not set up on this data file. Choose a sync folder first.');
  let row = deviceRow(db);
  if (!row.folder || !row.key) throw new SyncFolderError('Sync is not set up on this data file. Choose a sync folder first.');
  const folder = checkSyncFolder(row.folder, dataDir);
  const key = row.key;
  const pass: SyncPass = { device: row.device, written: 0, applied: 0, operations: 0, waiting: [], ignored: [], newDeviceId: false };

  // A copied or restored data file must not write as the device it was copied from.
  const identity = fileIdentity(db);
  if (row.file_identity && identity && row.file_identity !== identity) {
    renameDevice(db);
    db.prepare('UPDATE sync_device SET file_identity = ?, next_file = 1').run(identity);
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
      writeImmutableFile(mine, name, bytes);
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
        db.prepare('UPDATE sync_device SET next_file = 1').run();
        pass.newDeviceId = true;
        row = deviceRow(db);
        pass.device = row.device;
        const newDeviceReason = `Another data file also writes as device ${claimed} (its file ${name} is not this one's). This one now writes as device ${row.device}; nothing was lost.`;
        return { ...pass, ...syncNow(db, dataDir), newDeviceId: true, newDeviceReason };
      }
    }
    db.prepare('UPDATE sync_device SET written_seq = ?, next_file = next_file + 1').run(payload.to);
    row = deviceRow(db);
    pass.written++;
  }

  // Apply what the others wrote, in each device's order.
  const devices = listDevices(folder);
  for (const d of devices) {
    pass.ignored.push(...d.ignored.filter(isConflictCopy).map((n) => `${d.device}/${n}`));
    if (d.device === row.device) continue;
    const applied = (db.prepare('SELECT applied_seq FROM sync_peers WHERE device = ?').pluck().get(d.device) as number | undefined) ?? 0;
    let waiting: string | null = null;
    for (const seq of d.changes.filter((s) => s > applied)) {
      const file = path.join(deviceDir(folder, d.device), changeFileName(seq));
      const expected = (db.prepare('SELECT applied_seq FROM sync_peers WHERE device = ?').pluck().get(d.device) as number | undefined) ?? 0;
      if (seq !== expected + 1) {
        waiting = `File ${expected + 1} from this device has not arrived yet.`;
        break;
      }
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        waiting = `File ${seq} could not be read yet.`;
        break;
      }
      try {
        const { header } = readChangeFileHeader(bytes);
        if (header.device !== d.device || header.seq !== seq) throw new ChangeFileError(`File ${seq} in ${d.device}'s folder says it is file ${header.seq} of ${header.device}.`, false);
        if (header.schema > LATEST_SCHEMA_VERSION) {
          waiting = `Written by a newer version of Kith (schema ${header.schema}, this one reads up to ${LATEST_SCHEMA_VERSION}). Upgrade Kith on this device; the changes wait until then.`;
          break;
        }
        if (header.keyId !== row.key_id) throw new ChangeFileError(`File ${seq} was written with another sync passphrase.`, false);
        const ops = opsOf(readChangeFile(key, bytes).payload);
        db.transaction(() => {
          applyOps(db, ops);
          db.prepare(
            `INSERT INTO sync_peers (device, applied_seq, applied_at, waiting) VALUES (?, ?, ?, NULL)
             ON CONFLICT (device) DO UPDATE SET applied_seq = excluded.applied_seq, applied_at = excluded.applied_at, waiting = NULL`,
          ).run(d.device, seq, nowIso());
        })();
        pass.applied++;
        pass.operations += ops.length;
      } catch (error) {
        if (!(error instanceof ChangeFileError) && !(error instanceof Error && error.name === 'SyncError')) throw error;
        waiting = error instanceof ChangeFileError && error.retry ? `${error.message}` : `File ${seq} cannot be applied: ${(error as Error).message}`;
        break;
      }
    }
    db.prepare(
      `INSERT INTO sync_peers (device, waiting) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET waiting = excluded.waiting`,
    ).run(d.device, waiting);
    if (waiting) pass.waiting.push({ device: d.device, reason: waiting });
  }
  return pass;
}

export interface SyncStatus {
  enabled: boolean;
  device: string | null;
  folder: string | null;
  devices: Array<{ device: string; appliedFile: number; appliedAt: string | null; waiting: string | null; clockAheadMs: number }>;
  /** Devices whose clock was seen more than 24 hours ahead of this one's, and by how much (issue 19: shown in Settings). */
  skewedDevices: Array<{ device: string; aheadMs: number }>;
}

export function syncStatus(db: Db): SyncStatus {
  if (!syncEnabled(db)) return { enabled: false, device: null, folder: null, devices: [], skewedDevices: [] };
  const row = deviceRow(db);
  const devices = (
    db.prepare('SELECT device, applied_seq, applied_at, waiting, clock_ahead_ms FROM sync_peers ORDER BY device').all() as Array<{
      device: string;
      applied_seq: number;
      applied_at: string | null;
      waiting: string | null;
      clock_ahead_ms: number;
    }>
  ).map((p) => ({ device: p.device, appliedFile: p.applied_seq, appliedAt: p.applied_at, waiting: p.waiting, clockAheadMs: p.clock_ahead_ms }));
  // clock_ahead_ms is how far past the 24-hour limit; aheadMs is how far ahead of this device's clock.
  const skewedDevices = devices.filter((d) => d.clockAheadMs > 0).map((d) => ({ device: d.device, aheadMs: d.clockAheadMs + MAX_AHEAD_MS }));
  return { enabled: true, device: row.device, folder: row.folder, devices, skewedDevices };
}
