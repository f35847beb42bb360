// Which follow-ups to announce with a desktop notification (issue 3). Plain
// Node over the reminders service, so it is unit-tested; the Electron layer
// (main/electron/notifications.ts) only shows what this returns.
//
// Each check asks for the reminders that fell due since the previous check
// (remindersDueSince: their local due date is after the date of `since` and
// on or before today), then remembers `now`. The last check is kept in the
// settings table, so a follow-up that fell due while the app was closed is
// announced once at the next start, and never twice.
import type { Db } from '../db/open';
import { addDays, localDateOf } from '../../shared/cadence';
import { journalInstant } from '../../shared/journalTime';
import { remindersDueSince } from '../services/reminders';
import { getSetting, setSetting } from '../services/settings';
import type { Reminder } from '../../shared/journal';

export const LAST_CHECK_SETTING = 'notifications.remindersCheckedAt';
/** At most this many notifications at once; the rest are summed up in one. */
export const MAX_NOTICES = 5;

export interface DueNotice {
  /** The reminder announced, or null for the "and N more" summary. */
  reminderId: number | null;
  personId: number | null;
  title: string;
  body: string;
  /** Where a click takes the app: the person's page, else Home. */
  href: string;
}

/**
 * The notices to show now, and the check recorded. The first check ever looks
 * back one day, so what is due today is announced when the app first starts.
 */
export function checkDueReminders(db: Db, now: Date, timeZone: string): DueNotice[] {
  const nowIso = now.toISOString();
  const stored = getSetting<string | null>(db, LAST_CHECK_SETTING, null);
  const parsed = stored === null ? NaN : Date.parse(stored);
  // A missing, unreadable or future check (the clock went back) starts from a day ago.
  // "A day ago" is the previous calendar day, not 24 hours: on a 25-hour autumn day, 24 hours before 23:30 is
  // the same local date, and what is due today would never be announced (issue 11, found at 23:30 on DST days).
  const since =
    Number.isNaN(parsed) || parsed > now.getTime()
      ? journalInstant(`${addDays(localDateOf(now, timeZone), -1)}T12:00`, timeZone, { lenient: true }).utc
      : new Date(parsed).toISOString();
  const due = remindersDueSince(db, since, nowIso, timeZone);
  setSetting(db, LAST_CHECK_SETTING, nowIso);
  return noticesFor(due);
}

export function noticesFor(due: readonly Reminder[]): DueNotice[] {
  const shown = due.length > MAX_NOTICES ? due.slice(0, MAX_NOTICES - 1) : due;
  const notices: DueNotice[] = shown.map((r) => ({
    reminderId: r.id,
    personId: r.personId,
    title: r.personName ? `Follow up with ${r.personName}` : 'Follow-up due',
    body: r.title,
    href: r.personId !== null ? `#/people/${r.personId}` : '#/home',
  }));
  if (due.length > shown.length) {
    const rest = due.length - shown.length;
    notices.push({ reminderId: null, personId: null, title: `${rest} more follow-ups are due`, body: 'See them on Home.', href: '#/home' });
  }
  return notices;
}
