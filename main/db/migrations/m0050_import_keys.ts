// Migration 50 (issue 13): what makes re-importing LinkedIn's data archive add
// only what is new. Each conversation is imported as one journal entry per
// UTC day; its key (conversation id + day) is kept here with the entry it
// became, so a newer archive that contains the old one skips those days.
// Deleting the entry keeps the key: what the user deleted does not come back.
//
// It also keeps what a merge of duplicates retires (issue 13): the merged-away
// people's profile URLs and e-mails, and the merged-away organizations' names,
// as aliases of the one kept, so a later import matches them instead of
// bringing the duplicate back.
//
// And the log that lets the last import be undone (issue 13): each import,
// and each row it added or changed with the row as it was before and as the
// import left it, so undo can restore it, or say what was edited since.
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

    CREATE TABLE person_aliases (
      person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      kind      TEXT    NOT NULL CHECK (kind IN ('linkedin', 'email')),
      -- Normalised as the importers match it: the canonical profile URL, the lower-cased e-mail.
      value     TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 2000),
      PRIMARY KEY (kind, value)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_aliases_person ON person_aliases(person_id);

    CREATE TABLE organization_aliases (
      name_key        TEXT    NOT NULL PRIMARY KEY CHECK (length(name_key) > 0),
      name            TEXT    NOT NULL CHECK (length(trim(name)) > 0),
      organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX organization_aliases_organization ON organization_aliases(organization_id);

    CREATE TABLE imports (
      id         INTEGER PRIMARY KEY,
      format     TEXT    NOT NULL,
      summary    TEXT    NOT NULL DEFAULT '',
      created_at TEXT    NOT NULL,
      undone_at  TEXT
    ) STRICT;

    CREATE TABLE import_changes (
      import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
      seq        INTEGER NOT NULL,
      table_name TEXT    NOT NULL,
      -- The row's id, or its key columns as JSON for tables without one (person_tags, …).
      row_key    TEXT    NOT NULL,
      action     TEXT    NOT NULL CHECK (action IN ('insert', 'update')),
      before     TEXT    CHECK (before IS NULL OR json_valid(before)),
      after      TEXT    NOT NULL CHECK (json_valid(after)),
      PRIMARY KEY (import_id, seq)
    ) STRICT, WITHOUT ROWID;
  `);
}
