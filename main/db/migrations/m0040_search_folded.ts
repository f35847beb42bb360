// Migration 40 (issue 17): a folded shadow of what a person is found by, and
// @mentions stored apart from participants.
//
// interaction_mentions: people named with @ in an entry's notes. A mention is
// a reference, not a conversation: it does not count as contact (last
// contact, cadences, "Worth reviving") and is not evidence that two people
// know each other, so it is kept out of interaction_participants. Existing
// entries keep their participants as they are: nothing is moved.
//
// people.search_folded holds the person's name, e-mails and phone digits folded
// for search (shared/text.ts personSearchText): "soren" finds Søren, "mueller"
// Müller, "obrien" O'Brien, a phone by its digits. SQL cannot fold ø, ł or ß,
// so the column is written by the services, not by a trigger. NULL means "not
// folded yet": new rows start NULL, a trigger sets it back to NULL whenever a
// name, e-mail or phone changes (whoever writes it: a service, an import, the
// CLI), and main/services/searchIndex.ts folds the NULL rows before a search.
// The partial index makes finding them free when there are none.
//
// ties.strength_set_at / strength_source: when and how a strength was last set
// ('manual' by the user, 'suggestion' accepted from Kith, or the tie's source
// when it was created by an import or an introduction), so Kith does not
// suggest changing a strength the user set by hand in the last 90 days
// (issue 17). Existing ties: a manual tie's strength was last set at the
// latest at its updated_at; others keep their source and creation time.
// Triggers keep both current for every writer: a new tie takes its creation
// time and source; a write of the strength that does not set them itself is
// the user's hand ('manual').
//
// people.import_batch: the import that brought a person in (its time, which
// every row one import writes shares), so "See the people" after an import
// shows just them. Set by a trigger when an import writes a tie for a person
// it created in the same transaction, so the importers need no change. NULL
// for people added by hand and for everyone already there.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0040SearchFolded(db: Database): void {
  db.exec(`
    CREATE TABLE interaction_mentions (
      interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
      person_id      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      PRIMARY KEY (interaction_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX interaction_mentions_person ON interaction_mentions(person_id, interaction_id);

    ALTER TABLE ties ADD COLUMN strength_set_at TEXT;
    ALTER TABLE ties ADD COLUMN strength_source TEXT
      CHECK (strength_source IS NULL OR strength_source IN ('manual', 'imported', 'introduced', 'suggestion'));
    UPDATE ties SET strength_set_at = updated_at, strength_source = 'manual' WHERE source = 'manual';
    UPDATE ties SET strength_set_at = created_at, strength_source = source WHERE source <> 'manual';
    CREATE TRIGGER ties_strength_set_insert AFTER INSERT ON ties WHEN NEW.strength_set_at IS NULL
    BEGIN
      UPDATE ties SET strength_set_at = NEW.created_at, strength_source = NEW.source WHERE id = NEW.id;
    END;
    CREATE TRIGGER ties_strength_set_update AFTER UPDATE OF strength ON ties
      WHEN NEW.strength_set_at IS OLD.strength_set_at AND NEW.strength_source IS OLD.strength_source
    BEGIN
      UPDATE ties SET strength_set_at = NEW.updated_at, strength_source = 'manual' WHERE id = NEW.id;
    END;

    ALTER TABLE people ADD COLUMN import_batch TEXT;
    CREATE INDEX people_import_batch ON people(import_batch) WHERE import_batch IS NOT NULL;
    CREATE TRIGGER people_import_batch AFTER INSERT ON ties WHEN NEW.source = 'imported'
    BEGIN
      UPDATE people SET import_batch = NEW.created_at
       WHERE id IN (NEW.person_a, NEW.person_b) AND is_me = 0 AND import_batch IS NULL AND created_at = NEW.created_at;
    END;

    ALTER TABLE people ADD COLUMN search_folded TEXT;
    CREATE INDEX people_search_stale ON people(id) WHERE search_folded IS NULL;
    CREATE TRIGGER people_search_stale AFTER UPDATE OF display_name, emails, phones ON people
      WHEN NEW.search_folded IS NOT NULL
    BEGIN
      UPDATE people SET search_folded = NULL WHERE id = NEW.id;
    END;
  `);
}
