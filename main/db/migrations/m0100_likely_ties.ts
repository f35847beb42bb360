// Migration 100 (issue 15): likely ties inferred from shared history.
// - organizations.size_band: an optional size band (six bands; NULL = not
//   known, which inference counts as large). Confidence of "same
//   organization" evidence falls as the band grows.
// - likely_tie_decisions: what the user decided about a likely tie, by pair
//   (person_a < person_b, as ties), with the signature of the evidence at the
//   time (its kinds and confidence), so a dismissed pair comes back only on a
//   new kind of evidence or a documented rise in confidence. The likely ties
//   themselves are not stored: they are recomputed from the data (main/likely).
// Additive: no existing row changes.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0100LikelyTies(db: Database): void {
  db.exec(`
    ALTER TABLE organizations ADD COLUMN size_band TEXT
      CHECK (size_band IS NULL OR size_band IN ('1-10', '11-50', '51-200', '201-1000', '1001-10000', '10001+'));
    CREATE TABLE likely_tie_decisions (
      person_a         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      person_b         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      decision         TEXT    NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
      -- The evidence signature at the time: its kinds (sorted, comma-separated) and confidence in thousandths.
      evidence_kinds   TEXT    NOT NULL,
      confidence_milli INTEGER NOT NULL CHECK (confidence_milli BETWEEN 0 AND 1000),
      -- The evidence as read at the time, one sentence a line (shown in "dismissed" lists and the tie's context).
      evidence_text    TEXT    NOT NULL DEFAULT '',
      -- The strength confirmed at; NULL for a dismissal.
      strength         INTEGER CHECK (strength IS NULL OR strength BETWEEN 1 AND 5),
      decided_at       TEXT    NOT NULL,
      CHECK (person_a < person_b),
      CHECK ((decision = 'confirmed') = (strength IS NOT NULL)),
      PRIMARY KEY (person_a, person_b)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX likely_tie_decisions_b ON likely_tie_decisions(person_b);
  `);
}
