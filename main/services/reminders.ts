// Follow-ups (issue 3): "send her the article by Friday". A reminder has a
// local due date, is tied to a person and optionally to the entry it came
// from, and is done, snoozed (until a date) or dismissed. Due dates are
// calendar dates: a reminder falls due at the start of that day in the user's
// zone, so "fallen due since an instant" is decided on local dates.
import type { Db } from '../db/open';
import { localDateOf, type LocalDate, type TimeZone } from '../../shared/cadence';
import type { Reminder, ReminderCreate, ReminderPatch, ReminderQuery } from '../../shared/journal';
import { REMINDER_SELECT, toReminder, type ReminderRecord } from './journal';
import { notFound, nowIso, stmt } from './util';
import { assertLinks } from './links';

/** The date a reminder is due after snoozing: the later of its due date and its snooze date. */
const EFFECTIVE_DUE = `max(r.due_on, coalesce(r.snoozed_until, r.due_on))`;

export function getReminder(db: Db, id: number): Reminder {
  const row = stmt<ReminderRecord>(db, `${REMINDER_SELECT} WHERE r.id = ?`).get(id);
  if (!row) throw notFound('follow-up', id);
  return toReminder(row);
}

export function createReminder(db: Db, input: ReminderCreate): Reminder {
  return db.transaction(() => {
    assertLinks(db, input.personId, input.interactionId);
    const now = nowIso();
    const id = Number(
      stmt(
        db,
        `INSERT INTO reminders (person_id, interaction_id, title, due_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(input.personId ?? null, input.interactionId ?? null, input.title, input.dueOn, now, now).lastInsertRowid,
    );
    return getReminder(db, id);
  })();
}

export function updateReminder(db: Db, id: number, patch: ReminderPatch): Reminder {
  return db.transaction(() => {
    const r = getReminder(db, id);
    assertLinks(db, patch.personId, patch.interactionId);
    const now = nowIso();
    const doneAt = patch.done === undefined ? r.doneAt : patch.done ? (r.doneAt ?? now) : null;
    const dismissedAt = patch.dismissed === undefined ? r.dismissedAt : patch.dismissed ? (r.dismissedAt ?? now) : null;
    // Moving the due date starts afresh: an old snooze no longer applies.
    const snoozedUntil = patch.snoozedUntil !== undefined ? patch.snoozedUntil : patch.dueOn !== undefined ? null : r.snoozedUntil;
    stmt(
      db,
      `UPDATE reminders SET title = ?, due_on = ?, person_id = ?, interaction_id = ?, snoozed_until = ?, done_at = ?,
                            dismissed_at = ?, updated_at = ? WHERE id = ?`,
    ).run(
      patch.title ?? r.title,
      patch.dueOn ?? r.dueOn,
      patch.personId === undefined ? r.personId : patch.personId,
      patch.interactionId === undefined ? r.interactionId : patch.interactionId,
      snoozedUntil,
      doneAt,
      dismissedAt,
      now,
      id,
    );
    return getReminder(db, id);
  })();
}

export function deleteReminder(db: Db, id: number): void {
  if (stmt(db, 'DELETE FROM reminders WHERE id = ?').run(id).changes === 0) throw notFound('follow-up', id);
}

export const completeReminder = (db: Db, id: number) => updateReminder(db, id, { done: true });
export const snoozeReminder = (db: Db, id: number, until: LocalDate) => updateReminder(db, id, { snoozedUntil: until });
export const dismissReminder = (db: Db, id: number) => updateReminder(db, id, { dismissed: true });

/** Reminders by status (open by default), soonest (snoozed) due date first. */
export function listReminders(db: Db, query: ReminderQuery = {}): Reminder[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  switch (query.status ?? 'open') {
    case 'open':
      where.push('r.done_at IS NULL AND r.dismissed_at IS NULL');
      break;
    case 'done':
      where.push('r.done_at IS NOT NULL');
      break;
    case 'dismissed':
      where.push('r.dismissed_at IS NOT NULL');
      break;
    case 'all':
      break;
  }
  if (query.personId !== undefined) {
    where.push('r.person_id = @person');
    params.person = query.personId;
  }
  if (query.interactionId !== undefined) {
    where.push('r.interaction_id = @interaction');
    params.interaction = query.interactionId;
  }
  if (query.dueBy) {
    where.push(`r.done_at IS NULL AND r.dismissed_at IS NULL AND ${EFFECTIVE_DUE} <= @dueBy`);
    params.dueBy = query.dueBy;
  }
  return (
    db
      .prepare(`${REMINDER_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${EFFECTIVE_DUE}, r.id`)
      .all(params) as ReminderRecord[]
  ).map(toReminder);
}

/**
 * Open reminders that fell due in (since, now]: their (snoozed) due date came
 * after the local date of `since` and is on or before the local date of `now`.
 * The Electron layer calls this on a timer and shows a notification for each;
 * passing the previous call's `now` as `since` notifies each reminder once.
 */
export function remindersDueSince(db: Db, since: string, now: string, zone: TimeZone): Reminder[] {
  const from = localDateOf(since, zone);
  const to = localDateOf(now, zone);
  if (to <= from) return [];
  return (
    stmt<ReminderRecord>(
      db,
      `${REMINDER_SELECT} WHERE r.done_at IS NULL AND r.dismissed_at IS NULL
          AND ${EFFECTIVE_DUE} > ? AND ${EFFECTIVE_DUE} <= ? ORDER BY ${EFFECTIVE_DUE}, r.id`,
    ).all(from, to) as ReminderRecord[]
  ).map(toReminder);
}
