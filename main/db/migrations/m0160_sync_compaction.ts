// Migration 160: the bookkeeping of sync compaction and "forget this device"
// (issue 19). New columns only, all empty or zero; no row of the user's data
// changes.
//
// - sync_device.snapshot_seq / snapshot_file / snapshot_outbox /
//   snapshot_covers / snapshot_at: this device's newest snapshot file, which
//   of its own change files it covers, the outbox position it covered, what it
//   covers of every device (JSON), and when it was written (the rule for the
//   next snapshot counts from there; main/sync/compact.ts).
// - sync_device.published_state: the state file this device last put in its
//   folder (what it has applied from every device), so an unchanged state is
//   not written again.
// - sync_peers.waiting_kind: why that device's next file waits: 'arriving'
//   (incomplete, not there yet: tried again), 'newer' (a newer version of Kith
//   wrote it), 'failed' (it can never be applied as it is).
// - sync_peers.applied_mine: how many of this device's change files that
//   device says (in its own state file) it has applied; compaction waits for it.
// - sync_peers.applied_snapshot: that device's newest snapshot applied here,
//   so a snapshot is read once, not at every pass.
// - sync_peers.forgotten_at / forgotten_by: the device was forgotten (here or
//   on another device): it no longer holds compaction back.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0160SyncCompaction(db: Database): void {
  db.exec(`
    ALTER TABLE sync_device ADD COLUMN snapshot_seq INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sync_device ADD COLUMN snapshot_file INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sync_device ADD COLUMN snapshot_covers TEXT;
    ALTER TABLE sync_device ADD COLUMN snapshot_outbox INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sync_device ADD COLUMN snapshot_at TEXT;
    ALTER TABLE sync_device ADD COLUMN published_state TEXT;
    ALTER TABLE sync_peers ADD COLUMN waiting_kind TEXT CHECK (waiting_kind IN ('arriving', 'newer', 'failed'));
    ALTER TABLE sync_peers ADD COLUMN applied_mine INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sync_peers ADD COLUMN applied_snapshot INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sync_peers ADD COLUMN forgotten_at TEXT;
    ALTER TABLE sync_peers ADD COLUMN forgotten_by TEXT;
  `);
}
