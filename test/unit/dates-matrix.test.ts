// The date-dependent behaviour at hard dates (issue 11): month ends, a leap
// day, New Year's Eve and the DST transitions of Berlin, New York and
// Auckland, each at 00:30 and 23:30 local time in each of those zones. The
// clock is pinned (shared/clock.ts) and every expectation is computed from the
// pinned local date, never from the day the suite runs: cadences and Home's
// due list, dormant ties, follow-ups, the quiet decay on my ties in routes,
// strength-suggestion evidence, backup rotation and due notifications.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, localDateOf } from '../../shared/cadence';
import { fixedClock, setClock, today as clockToday } from '../../shared/clock';
import { journalInstant } from '../../shared/journalTime';
import { openKith } from '../../main/db/kith';
import { checkDueReminders } from '../../main/notify/dueReminders';
import { findIntroRoutes } from '../../main/routes/findRoutes';
import { quietFactor } from '../../main/routes/warmth';
import { createBackupSync, listBackups, rotateBackups } from '../../main/services/backups';
import { getHome } from '../../main/services/home';
import { createEntry } from '../../main/services/journal';
import { createOrganization } from '../../main/services/organizations';
import { createAffiliation } from '../../main/services/affiliations';
import { createPerson, getMeId } from '../../main/services/people';
import { createReminder } from '../../main/services/reminders';
import { suggestionEvidence } from '../../main/services/suggestions';
import { createTie } from '../../main/services/ties';
import { makeTempDir, removeTempDirs } from '../helpers/db';

const DATES = ['2027-01-31', '2028-02-29', '2027-12-31', '2027-03-28', '2027-10-31', '2027-03-14', '2027-11-07', '2027-09-26', '2028-04-02'];
const ZONES = ['Europe/Berlin', 'America/New_York', 'Pacific/Auckland'];
const TIMES = ['00:30', '23:30'];
const CASES = ZONES.flatMap((zone) => DATES.flatMap((date) => TIMES.map((time) => ({ zone, date, time }))));

afterAll(removeTempDirs);
let restore: () => void = () => undefined;
afterEach(() => restore());

/** The instant of a local wall-clock time; none of the pinned times falls in a gap. */
function instantAt(date: string, time: string, zone: string): Date {
  return new Date(journalInstant(`${date}T${time}`, zone).utc);
}

describe('date-dependent behaviour at hard dates', () => {
  it('covers every date, time and zone the issue names', () => {
    expect(CASES).toHaveLength(54);
  });

  it.each(CASES)('$date $time in $zone', ({ zone, date, time }) => {
    const now = instantAt(date, time, zone);
    restore = setClock(fixedClock(now, zone));
    const today = clockToday();
    // The pinned instant reads back as the pinned local date: the clock, not the host, decides.
    expect(today).toBe(date);
    expect(localDateOf(now, zone)).toBe(date);

    const dataDir = makeTempDir();
    const store = openKith(dataDir);
    const db = store.db;
    try {
      const me = getMeId(db);

      // --- Cadences: met a calendar month ago → due today; a day earlier → 1 day overdue; yearly the same.
      const monthly = createPerson(db, { displayName: 'Monthly Due', cadenceDays: 30 });
      const overdue = createPerson(db, { displayName: 'Monthly Overdue', cadenceDays: 30 });
      const yearly = createPerson(db, { displayName: 'Yearly Due', cadenceDays: 365 });
      const lastMonth = addMonths(today, -1);
      createEntry(db, { occurredAt: `${lastMonth}T12:00`, kind: 'call', participantIds: [monthly.id] });
      // Met a month and a day ago, late in the evening with an explicit offset that is still that local day.
      const earlier = addDays(lastMonth, -1);
      createEntry(db, { occurredAt: `${earlier}`, kind: 'coffee', participantIds: [overdue.id] });
      createEntry(db, { occurredAt: addMonths(today, -12), kind: 'call', participantIds: [yearly.id] });
      const home = getHome(db, { timeZone: zone });
      const due = new Map(home.due.map((d) => [d.personId, d]));
      // A month back then forward can land before today at a month's end (Mar 31 → Feb 28 → Mar 28): computed, not assumed.
      const monthlyDue = addMonths(lastMonth, 1);
      const monthlyOverdueDays = daysBetween(monthlyDue, today);
      expect(due.get(monthly.id)).toMatchObject({ dueOn: monthlyDue, daysOverdue: monthlyOverdueDays });
      expect(due.get(overdue.id)).toMatchObject({ dueOn: addMonths(earlier, 1), daysOverdue: daysBetween(addMonths(earlier, 1), today) });
      expect(due.get(overdue.id)!.daysOverdue).toBeGreaterThan(0);
      expect(due.get(yearly.id)).toMatchObject({ dueOn: addMonths(addMonths(today, -12), 12) });

      // --- Dormant weak ties: quiet 180 days is dormant, 179 is not.
      const quiet = createPerson(db, { displayName: 'Quiet Weak' });
      const recent = createPerson(db, { displayName: 'Recent Weak' });
      createTie(db, { personA: me, personB: quiet.id, strength: 1 });
      createTie(db, { personA: me, personB: recent.id, strength: 2 });
      createEntry(db, { occurredAt: `${addDays(today, -180)}T23:59`, kind: 'call', participantIds: [quiet.id] });
      createEntry(db, { occurredAt: `${addDays(today, -179)}T00:00`, kind: 'call', participantIds: [recent.id] });
      const dormant = getHome(db, { timeZone: zone }).dormant.map((d) => d.personId);
      expect(dormant).toContain(quiet.id);
      expect(dormant).not.toContain(recent.id);

      // --- Follow-ups: due today is on Home and notified; due tomorrow is not yet.
      const dueToday = createReminder(db, { title: 'Send the article', dueOn: today, personId: monthly.id });
      const dueTomorrow = createReminder(db, { title: 'Call back', dueOn: addDays(today, 1), personId: monthly.id });
      const followUps = getHome(db, { timeZone: zone }).followUps.map((r) => r.id);
      expect(followUps).toContain(dueToday.id);
      expect(followUps).not.toContain(dueTomorrow.id);
      const notices = checkDueReminders(db, now, zone).map((n) => n.reminderId);
      expect(notices).toContain(dueToday.id);
      expect(notices).not.toContain(dueTomorrow.id);

      // --- Strength-suggestion evidence: the last 365 days count (364 days back does, 365 does not); a planned entry is not contact.
      const busy = createPerson(db, { displayName: 'Busy Friend' });
      createEntry(db, { occurredAt: addDays(today, -364), kind: 'call', participantIds: [busy.id] });
      createEntry(db, { occurredAt: addDays(today, -365), kind: 'call', participantIds: [busy.id] });
      createEntry(db, { occurredAt: `${today}T${time}`, kind: 'call', participantIds: [busy.id] });
      createEntry(db, { occurredAt: addDays(today, 1), kind: 'call', participantIds: [busy.id] });
      const evidence = suggestionEvidence(db, today, zone).get(busy.id)!;
      expect(evidence).toMatchObject({ entries: 3, lastContactOn: today, daysSinceContact: 0 });
      expect(evidence.entriesLastYear).toBe(2);

      // --- Quiet decay on my ties in routes: last talked N local days ago decays as exactly N calendar days.
      const acme = createOrganization(db, { name: 'Acme Labs' });
      const far = createPerson(db, { displayName: 'Far Friend' });
      createTie(db, { personA: me, personB: far.id, strength: 4 });
      createAffiliation(db, { personId: far.id, organizationId: acme.id, title: 'Engineer', current: true });
      const talked = addDays(today, -(90 + 365));
      createEntry(db, { occurredAt: talked, kind: 'coffee', participantIds: [far.id] });
      const found = findIntroRoutes(db, { organizationId: acme.id, k: 1 });
      if (found.kind !== 'found') throw new Error(found.message);
      const route = found.routes[0]!;
      const days = daysBetween(talked, today);
      const q = route.hops[0]!.quietFactor;
      expect(q).toBe(quietFactor(days));
      expect(route.hops[0]!.lastContact).toBe(talked);

      // --- Backup rotation over the 30 local days up to today: the last 7 days stay daily, the local day decides.
      // One real backup, copied under the names of the other days (rotation reads names; VACUUM 30 times per case is slow).
      const real = createBackupSync({ db, backupDir: store.backupDir }, 'daily', { now: instantAt(today, '12:00', zone) });
      for (let back = 29; back >= 1; back--) {
        const at = instantAt(addDays(today, -back), '12:00', zone);
        fs.copyFileSync(path.join(store.backupDir, real.name), path.join(store.backupDir, `kith-daily-${at.toISOString().replace(/[:.]/g, '-')}.db`));
      }
      rotateBackups(store.backupDir, now);
      const daily = listBackups(store.backupDir).filter((b) => b.kind === 'daily');
      expect(daily.map((b) => localDateOf(b.createdAt, zone))).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => addDays(today, -n)));
      const weekly = listBackups(store.backupDir).filter((b) => b.kind === 'weekly');
      expect(weekly).toHaveLength(4);
      // Each weekly copy is from a different Monday-to-Sunday week, in the user's calendar.
      const mondays = weekly.map((b) => {
        const d = localDateOf(b.createdAt, zone);
        return addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));
      });
      expect(new Set(mondays).size).toBe(4);
      expect(fs.readdirSync(store.backupDir).filter((f) => f.endsWith('.db'))).toHaveLength(11 + listBackups(store.backupDir).filter((b) => b.kind !== 'daily' && b.kind !== 'weekly').length);
      expect(path.dirname(store.backupDir)).toBe(dataDir);
    } finally {
      store.close();
    }
  });
});
