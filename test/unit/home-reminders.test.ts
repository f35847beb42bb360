// Follow-ups: create, edit, list, and "fallen due since" for notifications.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createPerson } from '../../main/services/people';
import { createReminder, deleteReminder, listReminders, remindersDueSince, updateReminder } from '../../main/services/reminders';
import { createTestDb } from '../helpers/db';

let db: Db;
afterEach(() => db?.close());

describe('reminders', () => {
  it('creates, edits, completes, dismisses and deletes', () => {
    db = createTestDb();
    const ana = createPerson(db, { displayName: 'Ana' });
    const r = createReminder(db, { title: 'Send the article', dueOn: '2025-03-07', personId: ana.id });
    expect(r).toMatchObject({ personName: 'Ana', snoozedUntil: null, doneAt: null, dismissedAt: null });
    const snoozed = updateReminder(db, r.id, { snoozedUntil: '2025-03-10' });
    expect(snoozed.snoozedUntil).toBe('2025-03-10');
    expect(updateReminder(db, r.id, { dueOn: '2025-03-20' }).snoozedUntil).toBeNull(); // a new due date drops the snooze
    const done = updateReminder(db, r.id, { done: true });
    expect(done.doneAt).not.toBeNull();
    expect(listReminders(db)).toEqual([]);
    expect(listReminders(db, { status: 'done' }).map((x) => x.id)).toEqual([r.id]);
    expect(updateReminder(db, r.id, { done: false }).doneAt).toBeNull();
    updateReminder(db, r.id, { dismissed: true });
    expect(listReminders(db, { status: 'dismissed', personId: ana.id }).map((x) => x.id)).toEqual([r.id]);
    expect(() => createReminder(db, { title: 'x', dueOn: '2025-01-01', personId: 999 })).toThrow(/No person/);
    expect(() => createReminder(db, { title: 'x', dueOn: '2025-01-01', interactionId: 999 })).toThrow(/No journal entry/);
    deleteReminder(db, r.id);
    expect(listReminders(db, { status: 'all' })).toEqual([]);
  });

  it('lists open reminders by (snoozed) due date', () => {
    db = createTestDb();
    const a = createReminder(db, { title: 'A', dueOn: '2025-03-05' });
    const b = createReminder(db, { title: 'B', dueOn: '2025-03-01' });
    const c = createReminder(db, { title: 'C', dueOn: '2025-03-02' });
    updateReminder(db, c.id, { snoozedUntil: '2025-03-09' });
    expect(listReminders(db).map((r) => r.id)).toEqual([b.id, a.id, c.id]);
    expect(listReminders(db, { dueBy: '2025-03-05' }).map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it('returns what fell due between two instants, on the local calendar', () => {
    db = createTestDb();
    const friday = createReminder(db, { title: 'Friday', dueOn: '2025-03-07' });
    const saturday = createReminder(db, { title: 'Saturday', dueOn: '2025-03-08' });
    const snoozed = createReminder(db, { title: 'Snoozed', dueOn: '2025-03-06' });
    updateReminder(db, snoozed.id, { snoozedUntil: '2025-03-08' });
    createReminder(db, { title: 'Already due', dueOn: '2025-03-01' });
    const done = createReminder(db, { title: 'Done', dueOn: '2025-03-07' });
    updateReminder(db, done.id, { done: true });

    const titles = (since: string, now: string, zone: string) => remindersDueSince(db, since, now, zone).map((r) => r.title);
    // Thursday evening to Friday morning in Lisbon: Friday's falls due.
    expect(titles('2025-03-06T20:00:00Z', '2025-03-07T08:00:00Z', 'Europe/Lisbon')).toEqual(['Friday']);
    // A minute before midnight in Los Angeles it is still Thursday: nothing yet; at midnight, Friday's.
    expect(titles('2025-03-06T20:00:00Z', '2025-03-07T07:59:00Z', 'America/Los_Angeles')).toEqual([]);
    expect(titles('2025-03-06T20:00:00Z', '2025-03-07T08:00:00Z', 'America/Los_Angeles')).toEqual(['Friday']);
    // In Tokyo it was already Friday at the first instant (so Friday's fell due before) and is Saturday at the second.
    expect(titles('2025-03-06T20:00:00Z', '2025-03-07T16:00:00Z', 'Asia/Tokyo')).toEqual(['Saturday', 'Snoozed']);
    // Calling again from the last "now" notifies nothing twice.
    expect(titles('2025-03-07T08:00:00Z', '2025-03-07T12:00:00Z', 'Europe/Lisbon')).toEqual([]);
    expect(titles('2025-03-07T08:00:00Z', '2025-03-08T00:30:00Z', '+01:00').sort()).toEqual(['Saturday', 'Snoozed']);
    expect(saturday.id).toBeGreaterThan(friday.id);
  });
});
