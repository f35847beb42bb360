// Migration 20 (issue 3): what the user did with a Home item or a tie-strength
// suggestion (snoozed, dismissed, marked contacted), so it stays done across
// restarts. Reminders keep their own state in their table (m0010); this holds
// the items that are computed, not stored: keep-in-touch cadences, dormant
// ties, thanks owed and strength suggestions, one row per (subject, person).
//
// It also rebuilds the journal's full-text index with prefix indexes for 2-
// and 3-letter prefixes: search runs as you type, and without them "co*" over
// 100,000 entries expands thousands of terms on every keystroke (measured in
// test/bench/suites/search.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0020Journal(db: Database): void {
  db.exec(`
    CREATE TABLE attention_states (
      subject       TEXT    NOT NULL CHECK (subject IN ('cadence', 'dormant', 'thanks', 'suggestion')),
      person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      -- Local date ('YYYY-MM-DD'): the item stays hidden until this day.
      snoozed_until TEXT,
      -- What was dismissed, so the item returns when its evidence changes: the
      -- cadence due date, the newest favor id, the suggestion's signature.
      dismissed_key TEXT,
      -- Local date the user marked this person contacted from Home without
      -- writing an entry; counts as contact for cadences and dormancy.
      contacted_on  TEXT,
      updated_at    TEXT    NOT NULL,
      PRIMARY KEY (subject, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX attention_states_person ON attention_states(person_id);
    -- The journal list and "last contact" read entries newest first per person.
    CREATE INDEX interactions_live_occurred ON interactions(occurred_at DESC, id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX reminders_person_open ON reminders(person_id, due_on) WHERE done_at IS NULL AND dismissed_at IS NULL;
    CREATE INDEX favors_person_direction ON favors(person_id, direction, occurred_on);
  `);

  db.exec(`
    DROP TRIGGER interactions_fts_insert;
    DROP TRIGGER interactions_fts_delete;
    DROP TRIGGER interactions_fts_update;
    DROP TABLE interactions_fts;
    CREATE VIRTUAL TABLE interactions_fts USING fts5(
      title, body, content='interactions', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
      INSERT INTO interactions_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
    END;
    CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
      INSERT INTO interactions_fts(interactions_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
    END;
    CREATE TRIGGER interactions_fts_update AFTER UPDATE OF title, body ON interactions BEGIN
      INSERT INTO interactions_fts(interactions_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
      INSERT INTO interactions_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
    END;
    INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild');
  `);
}
