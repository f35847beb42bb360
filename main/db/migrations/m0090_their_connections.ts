// Migration 90 (issue 14, "A contact's connections"): a contact's own
// Connections.csv, imported as theirs, ties them to each of their connections.
//
// ties.source gains 'their-connections', and ties.source_person_id names whose
// file said so (ON DELETE SET NULL: forgetting that person keeps the ties,
// which are still true). SQLite cannot change a CHECK in place, so the table is
// rebuilt: every row is copied with its id, and the index and the three
// triggers on ties (migration 40) are made again. strength_source's CHECK takes
// the new value too, since a new tie's strength_source is its source. The
// people_import_batch trigger also marks people a contact's file brought in, so
// "See the people" after such an import shows them. Nothing references
// ties(id), so the rebuild moves no foreign key.
//
// people.degree: 1 for everyone I know (everyone so far, and anyone added by
// hand, tie or not), 2 for people known only through a contact's file. It is
// stored, not derived from "no tie with me": a person added by hand without a
// tie is first-degree. A second-degree person becomes first-degree, for good,
// when a tie with me is made or when they take part in a journal entry: both
// by triggers, so every writer (services, imports, merges, the CLI) is covered.
// Removing that tie or entry later does not make them second-degree again.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0090TheirConnections(db: Database): void {
  db.exec(`
    CREATE TABLE ties_new (
      id               INTEGER PRIMARY KEY,
      person_a         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      person_b         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      strength         INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 5),
      context          TEXT    NOT NULL DEFAULT '',
      since            TEXT,
      source           TEXT    NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','imported','introduced','their-connections')),
      created_at       TEXT    NOT NULL,
      updated_at       TEXT    NOT NULL,
      strength_set_at  TEXT,
      strength_source  TEXT CHECK (strength_source IS NULL OR strength_source IN ('manual', 'imported', 'introduced', 'suggestion', 'their-connections')),
      source_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      CHECK (person_a < person_b),
      CHECK (source_person_id IS NULL OR source = 'their-connections'),
      UNIQUE (person_a, person_b)
    ) STRICT;
    INSERT INTO ties_new (id, person_a, person_b, strength, context, since, source, created_at, updated_at, strength_set_at, strength_source)
      SELECT id, person_a, person_b, strength, context, since, source, created_at, updated_at, strength_set_at, strength_source FROM ties;
    DROP TABLE ties;
    ALTER TABLE ties_new RENAME TO ties;
    CREATE INDEX ties_person_b ON ties(person_b);
    CREATE INDEX ties_source_person ON ties(source_person_id) WHERE source_person_id IS NOT NULL;

    CREATE TRIGGER ties_strength_set_insert AFTER INSERT ON ties WHEN NEW.strength_set_at IS NULL
    BEGIN
      UPDATE ties SET strength_set_at = NEW.created_at, strength_source = NEW.source WHERE id = NEW.id;
    END;
    CREATE TRIGGER ties_strength_set_update AFTER UPDATE OF strength ON ties
      WHEN NEW.strength_set_at IS OLD.strength_set_at AND NEW.strength_source IS OLD.strength_source
    BEGIN
      UPDATE ties SET strength_set_at = NEW.updated_at, strength_source = 'manual' WHERE id = NEW.id;
    END;
    CREATE TRIGGER people_import_batch AFTER INSERT ON ties WHEN NEW.source IN ('imported', 'their-connections')
    BEGIN
      UPDATE people SET import_batch = NEW.created_at
       WHERE id IN (NEW.person_a, NEW.person_b) AND is_me = 0 AND import_batch IS NULL AND created_at = NEW.created_at;
    END;

    ALTER TABLE people ADD COLUMN degree INTEGER NOT NULL DEFAULT 1 CHECK (degree IN (1, 2) AND (degree = 1 OR is_me = 0));
    CREATE INDEX people_second_degree ON people(id) WHERE degree = 2;

    CREATE TRIGGER people_first_degree_tie AFTER INSERT ON ties
      WHEN EXISTS (SELECT 1 FROM people WHERE is_me = 1 AND id IN (NEW.person_a, NEW.person_b))
    BEGIN
      UPDATE people SET degree = 1 WHERE id IN (NEW.person_a, NEW.person_b) AND degree = 2;
    END;
    CREATE TRIGGER people_first_degree_tie_moved AFTER UPDATE OF person_a, person_b ON ties
      WHEN EXISTS (SELECT 1 FROM people WHERE is_me = 1 AND id IN (NEW.person_a, NEW.person_b))
    BEGIN
      UPDATE people SET degree = 1 WHERE id IN (NEW.person_a, NEW.person_b) AND degree = 2;
    END;
    CREATE TRIGGER people_first_degree_entry AFTER INSERT ON interaction_participants
    BEGIN
      UPDATE people SET degree = 1 WHERE id = NEW.person_id AND degree = 2;
    END;
    CREATE TRIGGER people_first_degree_entry_moved AFTER UPDATE OF person_id ON interaction_participants
    BEGIN
      UPDATE people SET degree = 1 WHERE id = NEW.person_id AND degree = 2;
    END;
  `);
}
