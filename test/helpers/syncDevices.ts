// Devices that exchange sync operations directly, without files (issue 19):
// the merge tests' model of several data files (files are tested in
// sync-files / sync-folder / sync-compact).
import type { Db } from '../../main/db/open';
import { applyOps, enableSync, outboxSince, type SyncOp } from '../../main/sync/engine';
import { createTestDb } from './db';

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
