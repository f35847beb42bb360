// Hard dates end to end (issue 11): the page (Playwright's clock and the
// context's time zone) and the real handlers (shared/clock.ts) are pinned to
// the same instant and zone, and what Home shows is computed from the pinned
// local date: a leap day late in the evening in Berlin, New York's autumn
// transition just after midnight, and Auckland's spring transition late at
// night. The unit suite covers all 54 combinations (dates-matrix.test.ts).
import { addDays, addMonths, daysBetween, localDateOf } from '../../shared/cadence';
import { expect, test } from './fixtures';
import { HomePage } from './pages/JournalPage';

const COMBINATIONS = [
  { kithNow: '2028-02-29T23:30:00+01:00', timezoneId: 'Europe/Berlin', date: '2028-02-29' },
  { kithNow: '2027-11-07T00:30:00-04:00', timezoneId: 'America/New_York', date: '2027-11-07' },
  { kithNow: '2027-09-26T23:30:00+13:00', timezoneId: 'Pacific/Auckland', date: '2027-09-26' },
];

for (const combo of COMBINATIONS) {
  test.describe(`at ${combo.kithNow} in ${combo.timezoneId}`, () => {
    test.use({ kithNow: combo.kithNow, timezoneId: combo.timezoneId });

    test('Home counts due days, follow-ups and the entry date from the pinned local date', async ({ app }) => {
      const today = localDateOf(app.startedAt, app.timeZone);
      expect(today).toBe(combo.date);
      await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
      const ana = await app.call('people:create', { displayName: 'Ana Acosta', cadenceDays: 30 });
      const ben = await app.call('people:create', { displayName: 'Ben Okafor', cadenceDays: 30 });
      // Ana: last met three days before "a month ago"; Ben: exactly a calendar month ago, late that evening.
      const anaLast = addDays(addMonths(today, -1), -3);
      await app.call('journal:create', { occurredAt: anaLast, kind: 'call', title: 'Call', participantIds: [ana.id] });
      await app.call('journal:create', { occurredAt: `${addMonths(today, -1)}T23:15`, kind: 'coffee', title: 'Coffee', participantIds: [ben.id] });
      await app.call('reminders:create', { title: 'Send the article', dueOn: today, personId: ana.id });
      await app.call('reminders:create', { title: 'Not yet', dueOn: addDays(today, 1), personId: ana.id });

      await app.open();
      const home = new HomePage(app.page);
      const overdue = daysBetween(addMonths(anaLast, 1), today);
      await expect(home.dueFor(ana.id)).toContainText(`${overdue} ${overdue === 1 ? 'day' : 'days'} overdue`);
      const benOverdue = daysBetween(addMonths(addMonths(today, -1), 1), today);
      await expect(home.dueFor(ben.id)).toContainText(benOverdue === 0 ? 'due today' : `${benOverdue} days overdue`);
      await expect(home.followUps.filter({ hasText: 'Send the article' })).toHaveCount(1);
      await expect(home.followUps.filter({ hasText: 'Not yet' })).toHaveCount(0);
      // The page's own "today" is the pinned one: a new entry defaults to it.
      const pageToday = await app.page.evaluate(() => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now()));
      expect(pageToday).toBe(today);
      expect(app.pageErrors).toEqual([]);
      expect(app.internalErrors).toEqual([]);
    });
  });
}
