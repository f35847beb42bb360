// Migration 80 (issue 14): calendars and mail bring history in, and
// re-importing them must add only what is new. Their keys go in import_keys
// beside LinkedIn's conversations, so its CHECK on `source` grows:
//   - 'calendar-event': one event, by UID + RECURRENCE-ID;
//   - 'calendar-series-month': a recurring series' month, by UID + month;
//   - 'mail-day': a UTC day of mail with a person, by day + person.
// SQLite cannot alter a CHECK, so the table is rebuilt (it has no triggers and
// is not indexed for search) with every row kept. The journal's kinds already
// hold 'meeting' and 'email' (migration 10): nothing to change there.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export const IMPORT_KEY_SOURCES = ['linkedin-conversation', 'calendar-event', 'calendar-series-month', 'mail-day'] as const;

export function m0080HistoryImportKeys(db: Database): void {
  db.exec(`
    CREATE TABLE import_keys_new (
      source         TEXT    NOT NULL CHECK (source IN (${IMPORT_KEY_SOURCES.map((s) => `'${s}'`).join(', ')})),
      key            TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 600),
      interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
      created_at     TEXT    NOT NULL,
      PRIMARY KEY (source, key)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO import_keys_new (source, key, interaction_id, created_at) SELECT source, key, interaction_id, created_at FROM import_keys;
    DROP TABLE import_keys;
    ALTER TABLE import_keys_new RENAME TO import_keys;
    CREATE INDEX import_keys_interaction ON import_keys(interaction_id) WHERE interaction_id IS NOT NULL;
  `);
}
