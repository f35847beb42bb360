// Checks that the person and journal entry a record points at exist, so a
// favor or follow-up never links to nothing (a clear NOT_FOUND instead of a
// foreign-key failure).
import type { Db } from '../db/open';
import { personExists } from './people';
import { notFound, stmt } from './util';

export function assertLinks(db: Db, personId: number | null | undefined, interactionId: number | null | undefined): void {
  if (personId !== null && personId !== undefined && !personExists(db, personId)) throw notFound('person', personId);
  if (interactionId !== null && interactionId !== undefined && !stmt(db, 'SELECT 1 FROM interactions WHERE id = ?').get(interactionId)) {
    throw notFound('journal entry', interactionId);
  }
}
