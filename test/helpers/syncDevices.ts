// Sync test devices (issue 19): ones that exchange operations directly,
// without files (the merge tests' model of several data files), and ones
// that join a real shared folder (sync-compact, sync-kill).
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../main/db/open';
import { applyOps, enableSync, outboxSince, type SyncOp } from '../../main/sync/engine';
import type { SyncKey } from '../../main/sync/key';
import { setUpSync, useSyncKey } from '../../main/sync/run';
import { createTestDb, makeTempDir } from './db';

export interface Device {
  name: string;
  db: Db;
  /** The outbox position already sent to each other device. */
  sent: Map<string, number>;
}

export function device(name: string): Device {
  const db = createTestDb();
  enableSync(db, { device: name });
  return { name, db, sent: new Map() };
}

/** Everything `from` has not yet sent to `to`, as its ops. */
export function pending(from: Device, to: Device): SyncOp[] {
  const since = from.sent.get(to.name) ?? 0;
  const ops = outboxSince(from.db, since);
  if (ops.length) from.sent.set(to.name, ops[ops.length - 1]!.seq);
  return ops.map(({ seq: _seq, ...op }) => op);
}

/**
 * Every device's new ops to every other. Two rounds: what one device applies
 * does not go back out (it is not in its outbox), so one round between every
 * ordered pair is enough; the second proves it changes nothing.
 */
export function exchange(devices: Device[]): void {
  for (let round = 0; round < 2; round++) {
    for (const a of devices) for (const b of devices) if (a !== b) applyOps(b.db, pending(a, b));
  }
}

/** A data file synced through a real folder (sync-compact, sync-kill). */
export interface FolderDevice {
  dir: string;
  db: Db;
  id: string;
}

/** One sync key per passphrase in a test file: scrypt takes 0.5 s, and every device of the file shares it. */
const keys = new Map<string, SyncKey>();

/** A new data file joining the shared folder: the first derives the key from the passphrase, the others reuse it. */
export function joinFolder(shared: string, passphrase: string, prefix = 'kith-data-'): FolderDevice {
  const dir = makeTempDir(prefix);
  const db = openDatabase(path.join(dir, 'kith.db'));
  const key = keys.get(passphrase);
  if (key) return { dir, db, id: useSyncKey(db, fs.realpathSync.native(shared), key) };
  const id = setUpSync(db, dir, shared, passphrase).device;
  const row = db.prepare('SELECT key, key_id FROM sync_device').get() as { key: Buffer; key_id: string };
  keys.set(passphrase, { key: row.key, keyId: row.key_id });
  return { dir, db, id };
}
