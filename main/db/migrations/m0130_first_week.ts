// Migration 130 (issue 17, "a first week without friction"): two additive
// changes; no existing row changes.
//
// 1. "Mark met" (any move of an introduction) can be undone exactly. Each
//    move's event keeps what it replaced: the status before (prev_status),
//    the introduction's updated_at before (prev_updated_at), and the
//    updated_at it wrote (recorded_at), so an undo restores the status, and
//    the time too unless something else touched the introduction since.
//    Events written before stay as they were (NULL: not undoable).
//
// 2. people.sort_key: the folded name the People list sorts by (accents and
//    case ignored, numbers in order; written by the services, like
//    search_folded), indexed, so the list sorts and pages in SQL and its
//    first page does not wait for every row (10,000 people). NULL means
//    "to be written": new rows, and rows whose name changed (a trigger).
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0130FirstWeek(db: Database): void {
  db.exec(`
    ALTER TABLE introduction_events ADD COLUMN prev_status TEXT
      CHECK (prev_status IS NULL OR prev_status IN ('idea','asked','agreed','made','met','declined'));
    ALTER TABLE introduction_events ADD COLUMN prev_updated_at TEXT;
    ALTER TABLE introduction_events ADD COLUMN recorded_at TEXT;

    ALTER TABLE people ADD COLUMN sort_key TEXT;
    CREATE INDEX people_sort_key ON people(sort_key, id) WHERE is_me = 0;
    CREATE INDEX people_sort_stale ON people(id) WHERE sort_key IS NULL;
    CREATE TRIGGER people_sort_stale AFTER UPDATE OF display_name ON people
      WHEN NEW.sort_key IS NOT NULL
    BEGIN
      UPDATE people SET sort_key = NULL WHERE id = NEW.id;
    END;
  `);
}
