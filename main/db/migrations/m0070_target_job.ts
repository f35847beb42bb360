// Migration 70 (issue 12): the job behind a target organization. The role I
// am after (free text, on the organization) and where I stand, as a dated
// history of stage changes (researching → reached out → referred → applied →
// interviewing → offer → closed); the current stage is the latest event.
// Additive: no existing row changes.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0070TargetJob(db: Database): void {
  db.exec(`
    ALTER TABLE organizations ADD COLUMN target_role TEXT NOT NULL DEFAULT '';
    CREATE TABLE target_stage_events (
      id              INTEGER PRIMARY KEY,
      organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      stage           TEXT    NOT NULL CHECK (stage IN ('researching', 'reached_out', 'referred', 'applied', 'interviewing', 'offer', 'closed')),
      -- Local date ('YYYY-MM-DD') the stage was reached.
      on_date         TEXT    NOT NULL,
      created_at      TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX target_stage_events_org ON target_stage_events(organization_id, on_date, id);
  `);
}
