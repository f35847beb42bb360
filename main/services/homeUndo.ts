// Undo for Home's done / snooze / dismiss (issue 17: a misclick lost the row
// with no way back): reads the rows an action is about to change, describes
// them as they were before and right after (shared/journal.ts HomeUndo), and
// puts the "before" back in one transaction, refusing when any row was
// changed since, as introductions:undoMove does for its moves.
//
// The description travels through the renderer, so nothing in it is trusted:
// zod checks its shape, and here every id must exist and be of the right kind
// (a favor received from that person, an entry with that person), and every
// row must still hold exactly the "after" values. The "before" values are
// well-formed by the schema and are only what the row held before.
import type { Db } from '../db/open';
import { KithError, missingCase } from '../../shared/errors';
import { HomeUndo } from '../../shared/journal';
import { getPerson } from './people';
import { getReminder } from './reminders';
import { notFound, stmt } from './util';

type AttentionSubject = 'cadence' | 'dormant' | 'thanks';
type AttentionRow = NonNullable<Extract<HomeUndo, { type: 'attention' }>['before']>;
type ReminderState = Extract<HomeUndo, { type: 'reminder' }>['before'];
type FavorState = Extract<HomeUndo, { type: 'favors' }>['favors'][number]['before'];

/**
 * Entries that Home's "done" logged in this run, per database: undo removes
 * only these, so a made-up description cannot erase an entry the user wrote.
 * Bounded: an undo is offered for seconds, not for the whole session.
 */
const loggedByHome = new WeakMap<Db, Set<number>>();
const REMEMBERED_ENTRIES = 200;

export function rememberLoggedEntry(db: Db, id: number): void {
  let ids = loggedByHome.get(db);
  if (!ids) loggedByHome.set(db, (ids = new Set()));
  ids.add(id);
  if (ids.size > REMEMBERED_ENTRIES) ids.delete(ids.values().next().value!);
}

const changedSince = (what: string) =>
  new KithError('CONFLICT', `This cannot be undone: ${what} changed since. Nothing was changed; refresh to see it as it is now.`);

export function readAttention(db: Db, subject: AttentionSubject, personId: number): AttentionRow | null {
  const row = stmt<{ snoozed_until: string | null; dismissed_key: string | null; contacted_on: string | null; updated_at: string }>(
    db,
    'SELECT snoozed_until, dismissed_key, contacted_on, updated_at FROM attention_states WHERE subject = ? AND person_id = ?',
  ).get(subject, personId);
  return row ? { snoozedUntil: row.snoozed_until, dismissedKey: row.dismissed_key, contactedOn: row.contacted_on, updatedAt: row.updated_at } : null;
}

export function readReminderState(db: Db, id: number): ReminderState {
  const r = getReminder(db, id);
  return { snoozedUntil: r.snoozedUntil, doneAt: r.doneAt, dismissedAt: r.dismissedAt, updatedAt: r.updatedAt };
}

/** The open received favors from a person, which "Thanked" acknowledges (favors.ts acknowledgeFavorsFrom). */
export function openReceivedFavors(db: Db, personId: number): number[] {
  return stmt<{ id: number }>(db, `SELECT id FROM favors WHERE person_id = ? AND direction = 'received' AND acknowledged_at IS NULL ORDER BY id`)
    .all(personId)
    .map((r) => r.id);
}

function readFavor(db: Db, id: number): (FavorState & { personId: number; direction: string }) | undefined {
  const row = stmt<{ person_id: number; direction: string; acknowledged_at: string | null; updated_at: string }>(
    db,
    'SELECT person_id, direction, acknowledged_at, updated_at FROM favors WHERE id = ?',
  ).get(id);
  return row && { personId: row.person_id, direction: row.direction, acknowledgedAt: row.acknowledged_at, updatedAt: row.updated_at };
}

/**
 * The description if it is well-formed, else null (the action then offers no
 * undo rather than failing after it was done: a value stored by an older
 * version in another format would not round-trip).
 */
export function undoIfValid(undo: HomeUndo): HomeUndo | null {
  return HomeUndo.safeParse(undo).success ? undo : null;
}

/** The same values in the same fields (the rows compared are flat). */
function same<T extends object>(a: T | null, b: T | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(b) as (keyof T)[];
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

/** Puts back what one Home action changed, or refuses (CONFLICT, NOT_FOUND) changing nothing. */
export function undoHomeAction(db: Db, undo: HomeUndo): void {
  db.transaction(() => {
    switch (undo.type) {
      case 'attention': {
        const person = getPerson(db, undo.personId);
        if (!same(readAttention(db, undo.subject, undo.personId), undo.after)) throw changedSince(`${person.displayName}’s place on Home`);
        if (undo.before === null) {
          stmt(db, 'DELETE FROM attention_states WHERE subject = ? AND person_id = ?').run(undo.subject, undo.personId);
        } else {
          const b = undo.before;
          stmt(
            db,
            `UPDATE attention_states SET snoozed_until = ?, dismissed_key = ?, contacted_on = ?, updated_at = ?
              WHERE subject = ? AND person_id = ?`,
          ).run(b.snoozedUntil, b.dismissedKey, b.contactedOn, b.updatedAt, undo.subject, undo.personId);
        }
        return;
      }
      case 'reminder': {
        const current = readReminderState(db, undo.id);
        if (!same(current, undo.after)) throw changedSince('the follow-up');
        const b = undo.before;
        stmt(db, 'UPDATE reminders SET snoozed_until = ?, done_at = ?, dismissed_at = ?, updated_at = ? WHERE id = ?').run(
          b.snoozedUntil,
          b.doneAt,
          b.dismissedAt,
          b.updatedAt,
          undo.id,
        );
        return;
      }
      case 'favors': {
        const person = getPerson(db, undo.personId);
        for (const f of undo.favors) {
          const current = readFavor(db, f.id);
          if (!current) throw notFound('favor', f.id);
          if (current.personId !== undo.personId || current.direction !== 'received') {
            throw new KithError('CONFLICT', `Favor ${f.id} is not one ${person.displayName} did for you, so there is nothing to undo. Nothing was changed.`);
          }
          if (!same({ acknowledgedAt: current.acknowledgedAt, updatedAt: current.updatedAt }, f.after)) throw changedSince(`a favor from ${person.displayName}`);
        }
        const put = stmt(db, 'UPDATE favors SET acknowledged_at = ?, updated_at = ? WHERE id = ?');
        for (const f of undo.favors) put.run(f.before.acknowledgedAt, f.before.updatedAt, f.id);
        return;
      }
      case 'entry': {
        const person = getPerson(db, undo.personId);
        const entry = stmt<{ created_at: string; updated_at: string; deleted_at: string | null }>(
          db,
          'SELECT created_at, updated_at, deleted_at FROM interactions WHERE id = ?',
        ).get(undo.id);
        if (!entry) throw notFound('journal entry', undo.id);
        const withPerson = stmt(db, 'SELECT 1 FROM interaction_participants WHERE interaction_id = ? AND person_id = ?').get(undo.id, undo.personId);
        if (!withPerson) throw new KithError('CONFLICT', `Entry ${undo.id} is not with ${person.displayName}, so there is nothing to undo. Nothing was changed.`);
        // Only an entry exactly as the action wrote it is removed: edited,
        // trashed, or since linked to a follow-up or favor, it is the user's now.
        const linked = stmt(db, 'SELECT 1 FROM reminders WHERE interaction_id = ? UNION ALL SELECT 1 FROM favors WHERE interaction_id = ?').get(undo.id, undo.id);
        if (entry.updated_at !== undo.updatedAt || entry.created_at !== undo.updatedAt || entry.deleted_at !== null || linked) {
          throw changedSince('the entry it logged');
        }
        if (!loggedByHome.get(db)?.has(undo.id)) {
          throw new KithError('CONFLICT', 'This entry was not logged by the Home action being undone (or Kith has restarted since), so it stays. Nothing was changed.');
        }
        stmt(db, 'DELETE FROM interactions WHERE id = ?').run(undo.id);
        loggedByHome.get(db)!.delete(undo.id);
        return;
      }
      default:
        missingCase(undo);
    }
  })();
}
