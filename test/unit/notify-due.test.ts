// Which follow-ups become desktop notifications: each once, at the first check
// after its (snoozed) local due date arrives, remembered across restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { checkDueReminders, LAST_CHECK_SETTING, MAX_NOTICES, noticesFor } from '../../main/notify/dueReminders';
import { createPerson } from '../../main/services/people';
import { createReminder, updateReminder } from '../../main/services/reminders';
import { getSetting, setSetting } from '../../main/services/settings';
import type { Db } from '../../main/db/open';
import { createTestDb, removeTempDirs } from '../helpers/db';

afterEach(removeTempDirs);

const at = (iso: string) => new Date(iso);

function seed(): { db: Db; ana: number } {
  const db = createTestDb();
  const ana = createPerson(db, { displayName: 'Ana Acosta' }).id;
  return { db, ana };
}

describe('checkDueReminders', () => {
  it('the first check announces what is due today (not later, not done), then each only once', () => {
    const { db, ana } = seed();
    const today = createReminder(db, { title: 'Send the article', dueOn: '2024-03-15', personId: ana });
    createReminder(db, { title: 'Tomorrow', dueOn: '2024-03-16', personId: ana });
    const done = createReminder(db, { title: 'Already done', dueOn: '2024-03-15' });
    updateReminder(db, done.id, { done: true });

    const first = checkDueReminders(db, at('2024-03-15T09:00:00Z'), 'UTC');
    expect(first).toEqual([
      { reminderId: today.id, personId: ana, title: 'Follow up with Ana Acosta', body: 'Send the article', href: `#/people/${ana}` },
    ]);
    expect(getSetting(db, LAST_CHECK_SETTING, null)).toBe('2024-03-15T09:00:00.000Z');
    // A minute later, the same day: nothing new.
    expect(checkDueReminders(db, at('2024-03-15T09:01:00Z'), 'UTC')).toEqual([]);
    // Past midnight, tomorrow's falls due.
    expect(checkDueReminders(db, at('2024-03-16T00:00:30Z'), 'UTC').map((n) => n.body)).toEqual(['Tomorrow']);
  });

  it('uses the local calendar of the zone given', () => {
    const { db } = seed();
    createReminder(db, { title: 'Call back', dueOn: '2024-03-16' });
    setSetting(db, LAST_CHECK_SETTING, '2024-03-15T12:00:00Z');
    // 23:30 UTC on the 15th is still the 15th in Lisbon (UTC+0 in March) but already the 16th in Tokyo (UTC+9).
    expect(checkDueReminders(db, at('2024-03-15T23:30:00Z'), 'Europe/Lisbon')).toEqual([]);
    setSetting(db, LAST_CHECK_SETTING, '2024-03-15T12:00:00Z');
    expect(checkDueReminders(db, at('2024-03-15T23:30:00Z'), 'Asia/Tokyo').map((n) => n.body)).toEqual(['Call back']);
  });

  it('a follow-up that fell due while the app was closed is announced at the next start; a snoozed one when the snooze ends', () => {
    const { db, ana } = seed();
    setSetting(db, LAST_CHECK_SETTING, '2024-03-01T18:00:00Z');
    createReminder(db, { title: 'While closed', dueOn: '2024-03-05', personId: ana });
    const snoozed = createReminder(db, { title: 'Snoozed', dueOn: '2024-03-04' });
    updateReminder(db, snoozed.id, { snoozedUntil: '2024-03-20' });
    const notices = checkDueReminders(db, at('2024-03-10T08:00:00Z'), 'UTC');
    expect(notices.map((n) => n.body)).toEqual(['While closed']);
    expect(checkDueReminders(db, at('2024-03-20T08:00:00Z'), 'UTC')).toEqual([
      { reminderId: snoozed.id, personId: null, title: 'Follow-up due', body: 'Snoozed', href: '#/home' },
    ]);
  });

  it('a stored check in the future (the clock went back) or unreadable starts from a day ago', () => {
    const { db } = seed();
    createReminder(db, { title: 'Today', dueOn: '2024-03-15' });
    setSetting(db, LAST_CHECK_SETTING, '2030-01-01T00:00:00Z');
    expect(checkDueReminders(db, at('2024-03-15T10:00:00Z'), 'UTC').map((n) => n.body)).toEqual(['Today']);
    setSetting(db, LAST_CHECK_SETTING, 'not a date');
    expect(checkDueReminders(db, at('2024-03-15T11:00:00Z'), 'UTC').map((n) => n.body)).toEqual(['Today']);
  });
});

describe('noticesFor', () => {
  it(`shows at most ${MAX_NOTICES}: the rest are summed up in one that opens Home`, () => {
    const { db } = seed();
    for (let i = 1; i <= 8; i++) createReminder(db, { title: `Thing ${i}`, dueOn: '2024-03-15' });
    setSetting(db, LAST_CHECK_SETTING, '2024-03-14T10:00:00Z');
    const notices = checkDueReminders(db, at('2024-03-15T10:00:00Z'), 'UTC');
    expect(notices).toHaveLength(MAX_NOTICES);
    expect(notices.slice(0, 4).map((n) => n.body)).toEqual(['Thing 1', 'Thing 2', 'Thing 3', 'Thing 4']);
    expect(notices[4]).toEqual({ reminderId: null, personId: null, title: '4 more follow-ups are due', body: 'See them on Home.', href: '#/home' });
    expect(noticesFor([])).toEqual([]);
  });
});
