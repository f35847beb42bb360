// Migration 140: the bookkeeping of sync (issue 19). New tables only; no row
// of the user's data changes. They stay empty until sync is switched on
// (main/sync/engine.ts installs the capture triggers then).
//
// - sync_device: this data file's device id and sync clock. A file that was
//   copied, restored or imported is given a new id before it writes.
// - sync_ids: the stable global id of each synced row (people, organizations,
//   affiliations, journal entries…), by table and local id. Pairs (ties) and
//   set members (participants, mentions) are keyed by their rows' global ids.
// - sync_fields: the last-writer-wins register of every synced field: its
//   value (references as global ids) and the clock stamp that set it. `_alive`
//   is the row's own register (1 present, 0 deleted: a tombstone kept here,
//   so a delete never loses what another device adds or edits after it).
// - sync_outbox: operations made on this device, in commit order, written by
//   the capture triggers in the same transaction as the write itself.
// - sync_peers: how far this device has applied each other device's files.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0140Sync(db: Database): void {
  db.exec(`
    CREATE TABLE sync_device (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      device     TEXT    NOT NULL,
      clock      TEXT    NOT NULL,
      -- The sync folder, the key derived from the sync passphrase (never the
      -- passphrase), and the last outbox operation written to a change file.
      folder       TEXT,
      key          BLOB,
      key_id       TEXT,
      written_seq  INTEGER NOT NULL DEFAULT 0,
      next_file    INTEGER NOT NULL DEFAULT 1,
      -- Which file this device id belongs to (device and inode of kith.db):
      -- a copied or restored file does not match, and takes a new id.
      file_identity TEXT,
      created_at TEXT    NOT NULL
    ) STRICT;
    CREATE TABLE sync_ids (
      tbl      TEXT    NOT NULL,
      local_id INTEGER NOT NULL,
      gid      TEXT    NOT NULL,
      PRIMARY KEY (tbl, local_id),
      UNIQUE (tbl, gid)
    ) STRICT;
    CREATE TABLE sync_fields (
      tbl   TEXT NOT NULL,
      gid   TEXT NOT NULL,
      col   TEXT NOT NULL,
      value ANY,
      hlc   TEXT NOT NULL,
      seen  TEXT,
      PRIMARY KEY (tbl, gid, col)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX sync_fields_refs ON sync_fields(col, value) WHERE col <> '_alive';
    CREATE TABLE sync_outbox (
      seq   INTEGER PRIMARY KEY,
      tbl   TEXT NOT NULL,
      gid   TEXT NOT NULL,
      col   TEXT NOT NULL,
      value ANY,
      hlc   TEXT NOT NULL,
      -- For an edit of text kept on conflict: what the device had seen (JSON).
      seen  TEXT
    ) STRICT;
    -- Text two devices changed concurrently (a journal entry's body): the
    -- version not shown, kept until the user resolves it.
    CREATE TABLE sync_conflicts (
      tbl        TEXT NOT NULL,
      gid        TEXT NOT NULL,
      col        TEXT NOT NULL,
      value      ANY,
      hlc        TEXT NOT NULL,
      winner_hlc TEXT NOT NULL,
      PRIMARY KEY (tbl, gid, col, hlc)
    ) STRICT, WITHOUT ROWID;
    -- Rows this device re-created under a deleted global id since the last
    -- pass: their children from before the delete are put back then.
    CREATE TABLE sync_settle (
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      PRIMARY KEY (tbl, gid)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE sync_peers (
      device      TEXT    PRIMARY KEY,
      applied_seq INTEGER NOT NULL DEFAULT 0,
      -- The latest stamp applied from that device: with this device's own
      -- clock, the knowledge a delete records (a version vector), so a delete
      -- removes only the children its device had seen.
      max_hlc     TEXT,
      applied_at  TEXT,
      -- Why this device's next file is not applied yet (a newer version of
      -- Kith wrote it, it is still arriving, it is damaged), or NULL.
      waiting     TEXT,
      -- How far ahead of this device's clock that device's clock was seen, past the 24-hour limit.
      clock_ahead_ms INTEGER NOT NULL DEFAULT 0
    ) STRICT;
  `);
}
