// @mentions of an entry (issue 17, m0040): people named in the notes, stored
// apart from participants. A mention is a reference: it never counts as
// contact and is never evidence that two people know each other, so nothing
// that reads interaction_participants (last contact, cadences, Home, the
// graph, routes) sees it.
import type { Db } from '../db/open';
import type { Participant } from '../../shared/journal';
import { getMeId, personExists } from './people';
import { notFound, stmt } from './util';

/** Replaces an entry's mentions (inside the caller's transaction). Participants and me are left out: they are already linked. */
export function setMentions(db: Db, entryId: number, personIds: readonly number[], participants: readonly number[]): void {
  const me = getMeId(db);
  stmt(db, 'DELETE FROM interaction_mentions WHERE interaction_id = ?').run(entryId);
  const insert = stmt(db, 'INSERT OR IGNORE INTO interaction_mentions (interaction_id, person_id) VALUES (?, ?)');
  for (const id of personIds) {
    if (!personExists(db, id)) throw notFound('person', id);
    if (id === me || participants.includes(id)) continue;
    insert.run(entryId, id);
  }
}

/** The people an entry mentions, by name. */
export function mentionsOf(db: Db, entryId: number): Participant[] {
  return stmt<{ id: number; display_name: string; archived_at: string | null }>(
    db,
    `SELECT p.id, p.display_name, p.archived_at FROM interaction_mentions m JOIN people p ON p.id = m.person_id
      WHERE m.interaction_id = ? ORDER BY p.display_name COLLATE NOCASE, p.id`,
  )
    .all(entryId)
    .map((r) => ({ id: r.id, displayName: r.display_name, archived: r.archived_at !== null }));
}
