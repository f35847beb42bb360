// Migration 50 (issue 13): what makes re-importing LinkedIn's data archive add
// only what is new. Each conversation is imported as one journal entry per
// UTC day; its key (conversation id + day) is kept here with the entry it
// became, so a newer archive that contains the old one skips those days.
// Deleting the entry keeps the key: what the user deleted does not come back.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0050ImportKeys(db: Database): void {
  db.exec(`
    CREATE TABLE import_keys (
      source         TEXT    NOT NULL CHECK (source IN ('linkedin-conversation')),
      key            TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 600),
      interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
      created_at     TEXT    NOT NULL,
      PRIMARY KEY (source, key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX import_keys_interaction ON import_keys(interaction_id) WHERE interaction_id IS NOT NULL;
  `);
}
