// "Today" as the user sees it, from the one clock (shared/clock.ts, issue 11):
// the OS time zone, handed to main with every request that depends on the
// date (main never guesses the zone). End-to-end tests pin it with
// Playwright's page.clock and the browser context's time zone.
import { addDays, type LocalDate } from '../../../../shared/cadence';
import { timeZone, today as clockToday } from '../../../../shared/clock';

export function userTimeZone(): string {
  return timeZone();
}

export function today(): LocalDate {
  return clockToday();
}

export function daysFromToday(days: number): LocalDate {
  return addDays(today(), days);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** '2024-03-15' or '2024-03-15T10:30' → 'Mar 15, 2024' (this year: 'Mar 15'), read as a calendar date, never shifted by a zone. */
export function formatDay(when: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(when);
  if (!m) return when;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return (m[1] === today().slice(0, 4) ? shortDateFormat : dateFormat).format(date);
}

/** The time part of a journal time ('10:30'), or ''. */
export function timeOf(when: string): string {
  const m = /T(\d{2}:\d{2})/.exec(when);
  return m ? m[1]! : '';
}

/** 'today', 'in 3 days', '5 days ago'. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
