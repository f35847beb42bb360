// Migration 30 (issue 11): journal entries ordered as instants. occurred_at
// holds three forms (a date, a local time, a time with Z or an offset), and
// comparing them as text picked the wrong last contact ('2024-05-01T01:00:00Z'
// sorted before '2024-05-01'; '…13:30:00-10:00' before '…20:00:00Z'). Each
// entry now also stores its UTC instant, the local date the user meant and
// whether a time was given (shared/journalTime.ts has the rules); triggers keep
// them in step with occurred_at for every writer. Existing local times are read
// in the zone of the machine that migrates (the user's); one that falls in a
// DST gap is moved forward rather than refused, so no stored entry is lost.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { registerJournalTimeFunctions } from '../journalTimeSql';

export function m0030JournalInstants(db: Database): void {
  registerJournalTimeFunctions(db);
  db.exec(`
    ALTER TABLE interactions ADD COLUMN occurred_utc  TEXT    NOT NULL DEFAULT '';
    ALTER TABLE interactions ADD COLUMN occurred_date TEXT    NOT NULL DEFAULT '';
    ALTER TABLE interactions ADD COLUMN has_time      INTEGER NOT NULL DEFAULT 0 CHECK (has_time IN (0, 1));

    UPDATE interactions
       SET occurred_utc = kith_occurred_utc(occurred_at, 1),
           occurred_date = kith_occurred_date(occurred_at, 1),
           has_time = length(occurred_at) > 10;

    CREATE TRIGGER interactions_instant_insert AFTER INSERT ON interactions BEGIN
      UPDATE interactions
         SET occurred_utc = kith_occurred_utc(NEW.occurred_at), occurred_date = kith_occurred_date(NEW.occurred_at),
             has_time = length(NEW.occurred_at) > 10
       WHERE id = NEW.id;
    END;
    CREATE TRIGGER interactions_instant_update AFTER UPDATE OF occurred_at ON interactions BEGIN
      UPDATE interactions
         SET occurred_utc = kith_occurred_utc(NEW.occurred_at), occurred_date = kith_occurred_date(NEW.occurred_at),
             has_time = length(NEW.occurred_at) > 10
       WHERE id = NEW.id;
    END;

    DROP INDEX interactions_live_occurred;
    DROP INDEX interactions_occurred_at;
    CREATE INDEX interactions_live_occurred ON interactions(occurred_utc DESC, id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX interactions_occurred_date ON interactions(occurred_date);
  `);
}
