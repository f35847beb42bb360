// Migration 130 (issue 17): "Mark met" (any move of an introduction) can be
// undone exactly. Each move's event keeps what it replaced: the status before
// (prev_status) and the introduction's updated_at before (prev_updated_at),
// and the updated_at it wrote (recorded_at), so an undo restores the status,
// and the time too unless something else touched the introduction since.
// Additive: events written before stay as they were (NULL: not undoable).
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0130IntroductionUndo(db: Database): void {
  db.exec(`
    ALTER TABLE introduction_events ADD COLUMN prev_status TEXT
      CHECK (prev_status IS NULL OR prev_status IN ('idea','asked','agreed','made','met','declined'));
    ALTER TABLE introduction_events ADD COLUMN prev_updated_at TEXT;
    ALTER TABLE introduction_events ADD COLUMN recorded_at TEXT;
  `);
}
